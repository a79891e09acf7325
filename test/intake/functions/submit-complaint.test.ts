import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dynamo } from '#platform/dynamodb/client.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let handler: unknown;
const operator = aPrincipal('operator', 'city-petition');

const submit = async (body: unknown, principal = operator, headers: Record<string, string> = {}) =>
  invoke(
    handler,
    apiEvent({ method: 'POST', path: '/v1/complaints', routeKey: 'POST /v1/complaints', principal, body, headers }),
  );

const countCases = async () => {
  const { Items = [] } = await dynamo().send(
    new ScanCommand({
      TableName: process.env.TABLE_NAME,
      FilterExpression: '#type = :case',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':case': 'case' },
    }),
  );
  return Items.length;
};

const drainQueue = async () => {
  const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  const bodies: unknown[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: process.env.NOTICES_QUEUE_URL,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
      }),
    );
    if (Messages.length === 0) break;
    bodies.push(...Messages.map((message) => JSON.parse(message.Body ?? '{}')));
  }
  sqs.destroy();
  return bodies;
};

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler } = await import('../../../functions/intake/submit-complaint.ts'));
});
afterAll(() => aws.stop());
beforeEach(async () => {
  await drainQueue();
});

describe('POST /v1/complaints', () => {
  it('stores the complaint with its history in one go, numbers it, and queues a registered event', async () => {
    const response = await submit(aComplaint());

    expect(response.statusCode).toBe(201);
    const created = bodyOf(response);
    expect(created).toMatchObject({ state: 'registered', kind: 'complaint', version: 1 });
    expect(created.number).toMatch(/^GL-2026-\d{6}$/);
    expect(response.headers?.location).toBe(`/v1/cases/${created.id}`);
    const { Items = [] } = await dynamo().send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CASE#${created.id}` },
      }),
    );
    expect(Items.map((item) => item.sk)).toEqual([
      'CASE',
      'ENTRY#SCOPE#city',
      'ENTRY#SCOPE#city-petition',
      'HISTORY#000001',
    ]);
    const queued = await drainQueue();
    expect(queued).toEqual([expect.objectContaining({ type: 'complaint-registered', caseId: created.id })]);
    const outbox = await dynamo().send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :outbox',
        ExpressionAttributeValues: { ':outbox': 'OUTBOX' },
      }),
    );
    expect(outbox.Items).toEqual([]);
  });

  it('gives concurrent complaints distinct numbers without gaps', async () => {
    const before = await countCases();

    const responses = await Promise.all(Array.from({ length: 12 }, () => submit(aComplaint())));

    expect(responses.map((response) => response.statusCode)).toEqual(Array(12).fill(201));
    const numbers = responses
      .map((response) => Number(String(bodyOf(response).number).slice(-6)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, index) => before + index + 1));
  });

  it('answers 400 naming each bad field, and stores nothing', async () => {
    const before = await countCases();

    const response = await submit({ channel: 'fax', place: {}, category: 'noise', description: '短' });

    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toContain('application/problem+json');
    const problem = bodyOf<{ status: number; errors: { path: string }[] }>(response);
    expect(problem.status).toBe(400);
    expect(problem.errors.map((error) => error.path).sort()).toEqual(['channel', 'description', 'place.address']);
    expect(await countCases()).toBe(before);
    expect(await drainQueue()).toEqual([]);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await submit('{"channel": ');
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).errors).toEqual([{ path: '', message: '请求体不是合法的 JSON' }]);
  });

  it('answers 403 to a role that may not register complaints', async () => {
    const response = await submit(aComplaint(), aPrincipal('handler', 'east-enforcement'));
    expect(response.statusCode).toBe(403);
  });

  it('answers 401 when the authorizer passed no claims', async () => {
    const response = await invoke(
      handler,
      apiEvent({ method: 'POST', path: '/v1/complaints', routeKey: 'POST /v1/complaints', body: aComplaint() }),
    );
    expect(response.statusCode).toBe(401);
  });

  it('returns the first complaint when a retry carries the same Idempotency-Key', async () => {
    const before = await countCases();
    const headers = { 'idempotency-key': 'hotline-call-20261124-0001' };

    const responses = [await submit(aComplaint(), operator, headers), await submit(aComplaint(), operator, headers)];

    expect(responses.map((response) => response.statusCode)).toEqual([201, 201]);
    expect(bodyOf(responses[1]).id).toBe(bodyOf(responses[0]).id);
    expect(await countCases()).toBe(before + 1);
  });

  it('refuses an Idempotency-Key reused for a different complaint, and a malformed key', async () => {
    const headers = { 'idempotency-key': 'hotline-call-20261124-0002' };
    await submit(aComplaint(), operator, headers);

    const reused = await submit(aComplaint({ category: 'air' }), operator, headers);
    const malformed = await submit(aComplaint(), operator, { 'idempotency-key': 'has spaces in it' });

    expect(reused.statusCode).toBe(422);
    expect(malformed.statusCode).toBe(400);
    expect(bodyOf(malformed).errors).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
  });

  it('flags an earlier complaint about the same place as a likely duplicate, without merging', async () => {
    const place = { address: '城西工业园 6 号', town: '城西街道' };
    const first = bodyOf(await submit(aComplaint({ category: 'air', place, source: { name: '某化工厂' } })));

    const second = bodyOf(await submit(aComplaint({ category: 'air', place, source: { name: '某化工厂' } })));

    expect(second.state).toBe('registered');
    expect(second.duplicateCandidates).toEqual([
      { caseId: first.id, number: first.number, reasons: ['同一被反映对象', '同一地点'] },
    ]);
  });
});
