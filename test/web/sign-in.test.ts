import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startWebRig, type WebRig } from './browser.ts';

describe('the console sign-in (local mode)', () => {
  let rig: WebRig;
  beforeAll(async () => {
    rig = await startWebRig();
  }, 120_000);
  afterAll(() => rig?.stop(), 60_000);

  it('sends a visitor of the console to sign-in, and back to where they were going afterwards', async () => {
    // Prepare
    const page = await rig.newPage();
    await page.goto('/console/my-work');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/sign-in');
    await expectAccessible(page);

    // Act
    await signIn(page, 'dispatcher', '/console/my-work');

    // Assess
    await expect.poll(() => new URL(page.url()).pathname).toBe('/console/my-work');
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('陈静');
  }, 60_000);
});
