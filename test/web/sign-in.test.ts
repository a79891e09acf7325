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

  it('shows an administrator the organisation and its people, read-only; a handler gets no administration menu', async () => {
    // Prepare
    const admin = await rig.newPage();
    const handler = await rig.newPage();

    // Act
    await signIn(admin, 'admin', '/console/admin/users');
    await signIn(handler, 'handler');

    // Assess
    await admin.getByRole('heading', { name: '组织与人员' }).waitFor();
    const westEnforcement = admin.getByRole('row').filter({ hasText: '林海' });
    await expect.poll(() => westEnforcement.textContent()).toContain('承办人');
    expect(await admin.getByRole('row').filter({ hasText: '城西分局' }).first().textContent()).toContain('郑敏');
    await expectAccessible(admin);
    expect(await handler.getByRole('link', { name: '组织与人员' }).count()).toBe(0);
    expect(await handler.getByRole('link', { name: '四色台账' }).count()).toBe(1);
  }, 60_000);

  it('switches to English and back, and keeps the choice', async () => {
    // Prepare
    const page = await rig.newPage();
    await page.goto('/console/sign-in');

    // Act
    await page.getByRole('button', { name: 'English' }).click();

    // Assess
    await page.getByRole('heading', { name: /Staff sign-in/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /Staff sign-in/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: /工作人员登录/ }).waitFor();
  }, 60_000);
});
