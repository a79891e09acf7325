import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComplaintView } from '#intake/domain/public-complaint.ts';
import type { PublicReceipt } from '#intake/services/public-intake.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

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
    ).toEqual(['', 'description']);
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

  it('returns the first receipt when a retry carries the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'web-form-7f3a' };
    const first = bodyOf<PublicReceipt>(await postPublic(publicComplaint(), '192.0.2.9', headers));
    const second = bodyOf<PublicReceipt>(await postPublic(publicComplaint(), '192.0.2.9', headers));
    expect(second.number).toBe(first.number);
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

/** The petition office finds a web complaint in its list; here, by its number. */
const caseIdOf = async (receipt: PublicReceipt): Promise<string> => {
  const { queryEntries } = await import('#cases/store/case-index.ts');
  const { items } = await queryEntries({ partition: 'SCOPE#city-petition', limit: 100 });
  const found = items.find((item) => item.number === receipt.number);
  if (!found) throw new Error(`no case numbered ${receipt.number}`);
  return found.id;
};
