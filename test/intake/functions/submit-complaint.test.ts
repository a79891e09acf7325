import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dynamo } from '#platform/dynamodb/client.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, type HttpResult, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { countStoredCases } from '../../support/table.ts';
import { type AfterCall, sequentialCalls, transactionWrites, watchDynamo } from '../dynamo-watch.ts';

let aws: LocalAws;
let handler: unknown;
const operator = aPrincipal('operator', 'city-petition');

const submit = async (
  body: unknown,
  principal = operator,
  headers: Record<string, string> = {},
  context?: Parameters<typeof invoke>[2],
) =>
  invoke(
    handler,
    apiEvent({ method: 'POST', path: '/v1/complaints', routeKey: 'POST /v1/complaints', principal, body, headers }),
    context,
  );

const caseNumbers = async (): Promise<string[]> => {
  const { Items = [] } = await dynamo().send(
    new ScanCommand({
      TableName: process.env.TABLE_NAME,
      FilterExpression: '#type = :case',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':case': 'case' },
    }),
  );
  return Items.map((item) => String(item.number));
};

/**
 * Every number a year's counter gave out belongs to exactly one case or one recorded gap: none is used twice, none is
 * lost without a record.
 */
const expectEveryNumberAccountedFor = async () => {
  const { Items = [] } = await dynamo().send(new ScanCommand({ TableName: process.env.TABLE_NAME }));
  const counters = Items.filter((item) => String(item.pk).startsWith('COUNTER#') && item.sk === 'COUNTER');
  expect(counters.length).toBeGreaterThan(0);
  for (const counter of counters) {
    const year = String(counter.pk).split('#')[2];
    const inYear = (number: unknown) => String(number).startsWith(`GL-${year}-`);
    const numbered = Items.filter((item) => item.type === 'case' && inYear(item.number)).map((item) => item.number);
    const gaps = Items.filter((item) => item.pk === counter.pk && String(item.sk).startsWith('GAP#'));
    const accounted = [...numbered, ...gaps.map((gap) => gap.number)].map((number) => Number(String(number).slice(-6)));
    expect(accounted.sort((a, b) => a - b)).toEqual(Array.from({ length: Number(counter.sequence) }, (_, i) => i + 1));
    for (const gap of gaps) expect(gap.reason).toEqual(expect.any(String));
  }
};

/** The first transaction that stores a case gets no answer: the function stops there, as in a crash or a timeout. */
const stopAfterTheCaseIsStored = (): AfterCall => {
  let stopped = false;
  return (call) => {
    if (stopped || !call.input.TransactItems) return 'pass';
    stopped = transactionWrites({ ...call, startedAt: 0, endedAt: 0 }, 'CASE#');
    return stopped ? 'hang' : 'pass';
  };
};

const until = async (condition: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const countCases = countStoredCases;

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

describe('POST /v1/complaints under load', () => {
  it('registers 32 complaints sent at once, each under a number of its own', { timeout: 60_000 }, async () => {
    // Prepare
    const before = await caseNumbers();
    const watch = watchDynamo();

    // Act
    const responses = await Promise.all(Array.from({ length: 32 }, () => submit(aComplaint())));
    watch.stop();

    // Assess
    expect(responses.map((response) => response.statusCode)).toEqual(Array(32).fill(201));
    // One transaction a case: none is cancelled and tried again because another intake took its number first.
    expect(watch.calls.filter((call) => call.input.TransactItems)).toHaveLength(32);
    const numbers = responses.map((response) => String(bodyOf(response).number));
    expect(new Set(numbers).size).toBe(32);
    expect(numbers.filter((number) => before.includes(number))).toEqual([]);
    expect(new Set(await caseNumbers()).size).toBe(before.length + 32);
    await expectEveryNumberAccountedFor();
  });

  it('keeps the personal-data access record in the case transaction and waits for at most 4 calls in a row', async () => {
    // Prepare: a first registration warms the caches a running function has.
    await submit(aComplaint());
    const watch = watchDynamo();

    // Act
    const response = await submit(aComplaint());
    watch.stop();

    // Assess
    expect(response.statusCode).toBe(201);
    const caseId = String(bodyOf(response).id);
    const transactions = watch.calls.filter((call) => call.input.TransactItems);
    expect(transactions).toHaveLength(1);
    expect(transactions[0] && transactionWrites(transactions[0], `ACCESS#${caseId}`)).toBe(true);
    expect(watch.calls.filter((call) => call.command.startsWith('Put'))).toEqual([]);
    // The operator's unit comes from the directory's short-lived cache.
    const keys = watch.calls.map((call) => String((call.input.Key as { pk?: string } | undefined)?.pk ?? ''));
    expect(keys.filter((pk) => pk.startsWith('UNIT#'))).toEqual([]);
    expect(sequentialCalls(watch.calls)).toBeLessThanOrEqual(4);
  });
});

describe('Idempotency-Key when the first attempt got no answer', () => {
  it('returns the first case to a retry after the first attempt stopped between its transaction and its answer', async () => {
    // Prepare
    const before = await countCases();
    const headers = { 'idempotency-key': 'hotline-call-20261124-crash' };
    const watch = watchDynamo(stopAfterTheCaseIsStored());
    const first = submit(aComplaint(), operator, headers).catch((error: unknown) => error);
    await until(async () => (await countCases()) === before + 1);

    // Act
    const retry = await submit(aComplaint(), operator, headers);
    watch.stop();
    await first;

    // Assess
    expect(retry.statusCode).toBe(201);
    expect(await countCases()).toBe(before + 1);
    const { Items = [] } = await dynamo().send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CASE#${bodyOf(retry).id}` },
      }),
    );
    expect(Items.filter((item) => item.sk === 'CASE')).toHaveLength(1);
  });

  it('returns the first case to a retry after the first attempt timed out', async () => {
    // Prepare: a function with a 1-second timeout whose transaction lands and whose answer never comes.
    const before = await countCases();
    const headers = { 'idempotency-key': 'hotline-call-20261124-timeout' };
    const watch = watchDynamo(stopAfterTheCaseIsStored());
    const shortLived = lambdaContext({ name: 'test', memoryMiB: 512, timeoutSeconds: 1 });
    const first = submit(aComplaint(), operator, headers, shortLived).catch((error: unknown) => error);
    await until(async () => (await countCases()) === before + 1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    // Act
    const retry = await submit(aComplaint(), operator, headers);
    watch.stop();
    await first;

    // Assess
    expect(retry.statusCode).toBe(201);
    expect(await countCases()).toBe(before + 1);
  });

  it('registers one case for concurrent requests with one key, and answers each with it', async () => {
    // Prepare
    const before = await countCases();
    const headers = { 'idempotency-key': 'hotline-call-20261124-burst' };

    // Act
    const responses: HttpResult[] = await Promise.all(
      Array.from({ length: 8 }, () => submit(aComplaint(), operator, headers)),
    );

    // Assess
    expect(await countCases()).toBe(before + 1);
    const created = responses.filter((response) => response.statusCode === 201);
    const waiting = responses.filter((response) => response.statusCode === 409);
    expect(created.length + waiting.length).toBe(8);
    expect(new Set(created.map((response) => bodyOf(response).id)).size).toBe(1);
    for (const response of waiting) expect(Number(response.headers?.['retry-after'])).toBeGreaterThan(0);
    await expectEveryNumberAccountedFor();
  });
});
