import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalAws, startLocalAws, storedEmails } from './local-aws.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws.stop());

it('starts the stand-ins and provisions tables and queues', async () => {
  expect(process.env.TABLE_NAME).toBe(`${aws.prefix}-main`);
  expect(aws.provisioned.queues.notices.url).toContain(`${aws.prefix}-notices`);
  expect(await storedEmails(aws.sesEndpoint)).toEqual([]);
});
