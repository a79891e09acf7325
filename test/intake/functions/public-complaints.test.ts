import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { PublicComplaintView } from '#intake/domain/public-complaint.ts';
import type { PublicReceipt } from '#intake/services/public-intake.ts';
import { setNow } from '#platform/clock.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { countStoredCases } from '../../support/table.ts';
import { transactionWrites, watchDynamo } from '../dynamo-watch.ts';

let aws: LocalAws;
let submitPublic: unknown;
let track: unknown;
let api: ReturnType<typeof apiClient>;
let clientCounter = 0;

const publicComplaint = (overrides: Record<string, unknown> = {}) => {
  const { channel: _channel, ...complaint } = aComplaint({
    complainant: {
      name: '赵先生',
      phone: '13700002222',
      email: 'zhao@example.cn',
      anonymous: false,
      confidential: true,
    },
    ...overrides,
  });
  return complaint;
};

const postPublic = (body: unknown, sourceIp = `203.0.113.${++clientCounter}`, headers: Record<string, string> = {}) => {
  const event = apiEvent({
    method: 'POST',
    path: '/v1/public/complaints',
    routeKey: 'POST /v1/public/complaints',
    body,
    headers,
  });
  event.requestContext.http.sourceIp = sourceIp;
  return invoke(submitPublic, event);
};

const countCases = countStoredCases;

const lookUp = (trackingCode: string, secret?: string) =>
  invoke(
    track,
    apiEvent({
      method: 'GET',
      path: `/v1/public/complaints/${trackingCode}`,
      routeKey: 'GET /v1/public/complaints/{trackingCode}',
      pathParameters: { trackingCode },
      headers: secret === undefined ? {} : { 'x-tracking-secret': secret },
    }),
  );

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler: submitPublic } = await import('../../../functions/intake/submit-public-complaint.ts'));
  ({ handler: track } = await import('../../../functions/intake/track-complaint.ts'));
  api = apiClient();
});
afterAll(() => aws.stop());

describe('POST /v1/public/complaints', () => {
  it('registers a web complaint without a token and returns a tracking code and secret once', async () => {
    const response = await postPublic(publicComplaint());

    expect(response.statusCode).toBe(201);
    const receipt = bodyOf<PublicReceipt>(response);
    expect(receipt).toMatchObject({ state: 'registered', number: expect.stringMatching(/^GL-\d{4}-\d{6}$/) });
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{12}$/);
    expect(receipt.trackingSecret.length).toBeGreaterThanOrEqual(26);
    expect(response.headers?.['cache-control']).toBe('no-store');
  });

  it('names each bad field and refuses a channel chosen by the caller', async () => {
    const response = await postPublic({ ...publicComplaint({ description: '短' }), channel: 'hotline' });
    expect(response.statusCode).toBe(400);
    expect(
      bodyOf<{ errors: { path: string }[] }>(response)
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['channel', 'description']);
  });

  it('limits how often one address may submit', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await postPublic(publicComplaint(), '198.51.100.7')).statusCode ?? 0);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await postPublic(publicComplaint(), '198.51.100.7');
    expect(Number(limited.headers?.['retry-after'])).toBeGreaterThan(0);
  });

  it('counts each window on its own when the 10-minute and the daily window start together (08:00 Beijing)', async () => {
    // Prepare: 00:03 UTC, when both windows started at 00:00 UTC (they shared one counter and each request counted twice).
    setNow(new Date('2026-11-24T00:03:00Z'));
    try {
      // Act
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        statuses.push((await postPublic(publicComplaint(), '198.51.100.8')).statusCode ?? 0);
      }

      // Assess
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    } finally {
      setNow(null);
    }
  });

  it('returns the first receipt when a retry carries the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'web-form-7f3a' };
    const first = bodyOf<PublicReceipt>(await postPublic(publicComplaint(), '192.0.2.9', headers));
    const second = bodyOf<PublicReceipt>(await postPublic(publicComplaint(), '192.0.2.9', headers));
    expect(second.number).toBe(first.number);
  });

  it('gives a retry the same tracking code and a secret that opens it', async () => {
    // Prepare
    const headers = { 'idempotency-key': 'web-form-0b1c' };
    const first = await postPublic(publicComplaint(), '192.0.2.10', headers);

    // Act
    const retry = await postPublic(publicComplaint(), '192.0.2.10', headers);

    // Assess
    expect(retry.statusCode).toBe(201);
    expect(retry.headers?.['cache-control']).toBe('no-store');
    expect(bodyOf(retry)).toEqual(bodyOf(first));
    const { trackingCode, trackingSecret } = bodyOf<PublicReceipt>(retry);
    expect((await lookUp(trackingCode, trackingSecret)).statusCode).toBe(200);
    // The secret is kept in no readable form: a hash in the tracking record, sealed in the key's claim.
    const { Items = [] } = await dynamo().send(new ScanCommand({ TableName: process.env.TABLE_NAME }));
    expect(JSON.stringify(Items)).not.toContain(trackingSecret);
    expect(JSON.stringify(Items)).not.toContain('web-form-0b1c');
  });

  it('gives a retry the receipt of a first attempt that stopped before answering, with a secret that works', async () => {
    // Prepare: the first attempt's transaction lands, its answer never comes.
    const before = await countCases();
    const headers = { 'idempotency-key': 'web-form-9d2e' };
    let stopped = false;
    const watch = watchDynamo((call) => {
      if (stopped || !call.input.TransactItems) return 'pass';
      stopped = transactionWrites({ ...call, startedAt: 0, endedAt: 0 }, 'TRACK#');
      return stopped ? 'hang' : 'pass';
    });
    const first = postPublic(publicComplaint(), '192.0.2.11', headers).catch((error: unknown) => error);
    for (let waited = 0; !stopped && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));

    // Act
    const retry = await postPublic(publicComplaint(), '192.0.2.11', headers);
    watch.stop();
    await first;

    // Assess
    expect(retry.statusCode).toBe(201);
    const receipt = bodyOf<PublicReceipt>(retry);
    expect((await lookUp(receipt.trackingCode, receipt.trackingSecret)).statusCode).toBe(200);
    expect(await countCases()).toBe(before + 1);
  });

  it('refuses the same Idempotency-Key with a different complaint', async () => {
    const headers = { 'idempotency-key': 'web-form-4f5a' };
    await postPublic(publicComplaint(), '192.0.2.12', headers);

    const reused = await postPublic(publicComplaint({ category: 'air' }), '192.0.2.12', headers);

    expect(reused.statusCode).toBe(422);
  });
});

describe('GET /v1/public/complaints/{trackingCode}', () => {
  it('shows state, dates and the public reply — nothing internal, nobody’s identity', async () => {
    const receipt = bodyOf<PublicReceipt>(await postPublic(publicComplaint()));
    const { case: found } = { case: bodyOf<{ id: string }>(await api.read(await caseIdOf(receipt), demo.dispatcher)) };
    await api.act(found.id, 'accept', demo.dispatcher, { note: '内部备注：该企业屡次被投诉' });
    await api.act(found.id, 'assign', demo.dispatcher, demoAssignmentInput);
    await api.act(found.id, 'sign', demo.handler);
    await api.act(found.id, 'submit-result', demo.handler, {
      result: '现场检查属实。内部：负责人态度恶劣。',
      publicReply: '经查属实，已责令企业整改。',
    });
    await api.act(found.id, 'approve-result', demo.lead);

    const response = await lookUp(receipt.trackingCode, receipt.trackingSecret);

    expect(response.statusCode).toBe(200);
    const view = bodyOf<PublicComplaintView>(response);
    expect(view).toMatchObject({
      number: receipt.number,
      state: 'closed',
      stateLabel: '已办结',
      reply: '经查属实，已责令企业整改。',
    });
    expect(view.progress.map((step) => step.state)).toEqual([
      'registered',
      'accepted',
      'assigned',
      'in-progress',
      'result-submitted',
      'closed',
    ]);
    for (const secret of ['赵先生', '13700002222', 'zhao@example.cn', '内部', 'handler', 'lead', 'dispatcher']) {
      expect(response.body).not.toContain(secret);
    }
  });

  it('tells the complainant by when the bureau decides, then by when it finishes, and when it was accepted', async () => {
    const receipt = bodyOf<PublicReceipt>(await postPublic(publicComplaint()));
    const id = await caseIdOf(receipt);
    const registered = bodyOf<PublicComplaintView>(await lookUp(receipt.trackingCode, receipt.trackingSecret));
    const stored = bodyOf<CaseView>(await api.read(id, demo.dispatcher));

    await api.act(id, 'accept', demo.dispatcher);
    const accepted = bodyOf<PublicComplaintView>(await lookUp(receipt.trackingCode, receipt.trackingSecret));
    const afterAccepting = bodyOf<CaseView>(await api.read(id, demo.dispatcher));

    expect(registered.decisionDueDate).toBe(stored.timeLimits?.clocks.accept?.dueDate);
    expect(registered.finishDueDate).toBeUndefined();
    expect(registered.acceptedAt).toBeUndefined();
    expect(accepted.decisionDueDate).toBeUndefined();
    expect(accepted.finishDueDate).toBe(afterAccepting.timeLimits?.clocks.finish?.dueDate);
    expect(accepted.acceptedAt).toBe(afterAccepting.history?.find((entry) => entry.action === 'accept')?.at);
  });

  it('answers a wrong secret, an unknown code and a missing secret alike', async () => {
    const receipt = bodyOf<PublicReceipt>(await postPublic(publicComplaint()));

    const wrong = await lookUp(receipt.trackingCode, 'not-the-secret');
    const unknown = await lookUp('ZZZZZZZZZZZZ', receipt.trackingSecret);

    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(bodyOf(wrong).detail).toBe(bodyOf(unknown).detail);
    expect((await lookUp(receipt.trackingCode)).statusCode).toBe(400);
  });

  it('hides a confidential web complainant from handlers and leads', async () => {
    const receipt = bodyOf<PublicReceipt>(await postPublic(publicComplaint()));
    const id = await caseIdOf(receipt);
    await api.act(id, 'accept', demo.dispatcher);
    await api.act(id, 'assign', demo.dispatcher, demoAssignmentInput);

    for (const principal of [demo.handler, demo.lead]) {
      const response = await api.read(id, principal);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('赵先生');
      expect(response.body).not.toContain('13700002222');
    }
    expect((await api.read(id, demo.dispatcher)).body).toContain('赵先生');
  });
});

describe('GET /v1/public/complaints/{trackingCode} of a merged complaint', () => {
  it('shows the master’s rejection and its reason', async () => {
    const master = await api.submit(aComplaint());
    const receipt = bodyOf<PublicReceipt>(await postPublic(publicComplaint()));
    const id = await caseIdOf(receipt);
    await api.act(id, 'merge', demo.dispatcher, { masterCaseId: master.id, note: '内部：同一企业' });
    await api.act(master.id, 'reject', demo.dispatcher, { reason: '反映的是民事纠纷，不属于生态环境部门职责' });

    const response = await lookUp(receipt.trackingCode, receipt.trackingSecret);

    expect(response.statusCode).toBe(200);
    const view = bodyOf<PublicComplaintView>(response);
    expect(view).toMatchObject({
      number: receipt.number,
      state: 'rejected',
      stateLabel: '不予受理',
      rejectionReason: '反映的是民事纠纷，不属于生态环境部门职责',
      mergedWithEarlierReport: true,
    });
    expect(view.progress.map((step) => step.state)).toEqual(['registered', 'merged', 'rejected']);
    expect(response.body).not.toContain(master.number);
    expect(response.body).not.toContain('内部');
  });

  it('shows the master’s result once it is closed', async () => {
    const master = await api.submit(aComplaint());
    const receipt = bodyOf<PublicReceipt>(await postPublic(publicComplaint()));
    await api.act(await caseIdOf(receipt), 'merge', demo.dispatcher, { masterCaseId: master.id });
    await api.act(master.id, 'accept', demo.dispatcher);
    await api.act(master.id, 'assign', demo.dispatcher, demoAssignmentInput);
    await api.act(master.id, 'sign', demo.handler);
    await api.act(master.id, 'submit-result', demo.handler, {
      result: '现场检查属实。',
      publicReply: '经查属实，已责令企业整改。',
    });
    await api.act(master.id, 'approve-result', demo.lead);

    const view = bodyOf<PublicComplaintView>(await lookUp(receipt.trackingCode, receipt.trackingSecret));

    expect(view).toMatchObject({ state: 'closed', reply: '经查属实，已责令企业整改。', mergedWithEarlierReport: true });
    expect(view.rejectionReason).toBeUndefined();
  });
});

/** The petition office finds a web complaint in its list; here, by its number. */
const caseIdOf = async (receipt: PublicReceipt): Promise<string> => {
  const { queryEntries } = await import('#cases/store/case-index.ts');
  const { items } = await queryEntries({ partition: 'SCOPE#city-petition', limit: 100 });
  const found = items.find((item) => item.number === receipt.number);
  if (!found) throw new Error(`no case numbered ${receipt.number}`);
  return found.id;
};
