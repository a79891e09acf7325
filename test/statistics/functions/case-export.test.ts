/**
 * The case-ledger export as a job, on the real stand-ins: POST /v1/exports queues it (202), the export-cases worker
 * takes the message from the real exports queue and streams the ledger to S3 page by page, GET /v1/exports/{id} gives
 * the row count and a presigned link, and the file fetched through it holds one row per case and nothing of the
 * complainants. A redelivered message writes no second file.
 */
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '#cases/domain/case.ts';
import { entryWrites } from '#cases/store/case-index.ts';
import { tableName } from '#platform/config.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import type { CaseExportView } from '#statistics/services/export-view.ts';
import { toSqsEvent } from '../../../local/queue-poller.ts';
import { demo } from '../../support/api.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aPrincipal, apiEvent, bodyOf, type HttpResult, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { readWorkbook, rowValues } from '../support/files.ts';

let aws: LocalAws;
let sqs: SQSClient;
let s3: S3Client;
const handlers: Record<string, unknown> = {};

const caseCount = 2500;

/** The n-th seeded case: a mix of states, a third of them assigned, every one with a complainant's personal data. */
const seededCase = (n: number): Case => {
  const base = aCase();
  const receivedAt = new Date(Date.UTC(2026, 0, 5) + n * 3_600_000).toISOString();
  const state = (['registered', 'in-progress', 'closed'] as const)[n % 3] ?? 'registered';
  return aCase({
    id: `01KEXP${String(n).padStart(20, '0')}`,
    number: `GL-2026-${String(n + 1).padStart(6, '0')}`,
    state,
    receivedAt,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    ...(state === 'registered' ? {} : { assignment: demoAssignment }),
    ...(state === 'closed' ? { closedAt: receivedAt, colour: 'green' as const } : {}),
    complaint: {
      ...(base.complaint as NonNullable<Case['complaint']>),
      complainant: {
        anonymous: false,
        confidential: false,
        name: `投诉人${n}`,
        phone: `139${String(n).padStart(8, '0')}`,
        email: `complainant${n}@example.cn`,
      },
      place: { address: `建设路 ${n} 号`, town: n % 7 === 0 ? '=HYPERLINK("http://evil.example")' : '城东街道' },
    },
  });
};

/** Writes the listing entries of the seeded cases (all an export reads), 25 to a BatchWrite, four at a time. */
const seedCases = async () => {
  const items = Array.from({ length: caseCount }, (_, n) => seededCase(n)).flatMap((item) =>
    entryWrites(undefined, item).flatMap((write) => ('Put' in write && write.Put ? [write.Put.Item] : [])),
  );
  const batches: Record<string, unknown>[][] = [];
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  const table = tableName('main');
  const write = async (requests: { PutRequest: { Item: Record<string, unknown> } }[]) => {
    let pending = requests;
    while (pending.length > 0) {
      const { UnprocessedItems } = await dynamo().send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  };
  await Promise.all(
    Array.from({ length: 4 }, async (_, worker) => {
      for (let index = worker; index < batches.length; index += 4) {
        await write((batches[index] ?? []).map((Item) => ({ PutRequest: { Item } })));
      }
    }),
  );
};

const load = async (name: string) => {
  handlers[name] ??= (await import(`../../../functions/statistics/${name}.ts`)).handler;
  return handlers[name];
};

const requestExport = async (body: unknown, principal: Principal = demo.supervisor): Promise<HttpResult> =>
  invoke(
    await load('request-case-export'),
    apiEvent({ method: 'POST', path: '/v1/exports', routeKey: 'POST /v1/exports', principal, body }),
  );

const readExport = async (id: string, principal: Principal = demo.supervisor): Promise<HttpResult> =>
  invoke(
    await load('get-case-export'),
    apiEvent({
      method: 'GET',
      path: `/v1/exports/${id}`,
      routeKey: 'GET /v1/exports/{id}',
      pathParameters: { id },
      principal,
    }),
  );

/** The message waiting on the exports queue (one per job). */
const receiveExportMessage = async (): Promise<Message> => {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: aws.provisioned.queues.exports.url,
      MaxNumberOfMessages: 1,
      WaitTimeSeconds: 1,
      MessageSystemAttributeNames: ['All'],
    }),
  );
  const [message] = Messages;
  if (!message) throw new Error('no message on the exports queue');
  return message;
};

/** Delivers `message` to the worker as the event source mapping would; returns the batch response. */
const deliver = async (message: Message) =>
  (await invoke(await load('export-cases'), toSqsEvent([message], 'arn:aws:sqs:ap-east-1:000000000000:exports'))) as {
    batchItemFailures: { itemIdentifier: string }[];
  };

const exportObjects = async () =>
  (await s3.send(new ListObjectsV2Command({ Bucket: process.env.ATTACHMENTS_BUCKET, Prefix: 'exports/' }))).Contents ??
  [];

const download = async (view: CaseExportView): Promise<Buffer> => {
  expect(view.downloadUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+X-Amz-Signature=/);
  const response = await fetch(view.downloadUrl ?? '');
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
};

beforeAll(async () => {
  aws = await startLocalAws();
  sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
  s3 = new S3Client({ forcePathStyle: true });
  await seedDirectory();
  await seedCases();
}, 180_000);
afterAll(async () => {
  sqs.destroy();
  s3.destroy();
  await aws.stop();
});

describe('POST /v1/exports, the export-cases worker and GET /v1/exports/{id} (issue 11 acceptance)', () => {
  it('export 2,500 cases to Excel, one row per case, with Chinese headers, a frozen header row and real dates', async () => {
    // Act: ask, let the worker take the queued message, read the job
    const requested = await requestExport({ format: 'xlsx', filter: { unit: 'city' } });
    expect(requested.statusCode, requested.body).toBe(202);
    const queued = bodyOf<CaseExportView>(requested);
    expect(queued).toMatchObject({ status: 'queued', format: 'xlsx', filter: { unit: 'city' } });
    expect(requested.headers?.location).toBe(`/v1/exports/${queued.id}`);
    expect(bodyOf<CaseExportView>(await readExport(queued.id))).toMatchObject({ status: 'queued' });

    const response = await deliver(await receiveExportMessage());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const done = bodyOf<CaseExportView>(await readExport(queued.id));
    expect(done).toMatchObject({
      status: 'done',
      rows: caseCount,
      fileName: expect.stringMatching(/^督办事项台账_示范市生态环境局_\d{8}-\d{4}\.xlsx$/),
    });
    expect(Date.parse(done.downloadExpiresAt ?? '') - Date.now()).toBeGreaterThan(14 * 60_000);

    const workbook = await readWorkbook(await download(done));
    const sheet = workbook.getWorksheet('督办事项台账');
    if (!sheet) throw new Error('no ledger sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = rowValues(sheet.getRow(1));
    expect(headers.slice(0, 8)).toEqual([
      '编号',
      '事项类型',
      '来源渠道',
      '污染类别',
      '紧急程度',
      '乡镇（街道）',
      '收到时间',
      '状态',
    ]);
    expect(sheet.rowCount).toBe(caseCount + 1);
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);

    const numbers = new Set<string>();
    sheet.eachRow((row, index) => {
      if (index > 1) numbers.add(String(row.getCell(1).value));
    });
    expect(numbers.size).toBe(caseCount);
    // Newest first: the last seeded case, received 2026-01-05 00:00 UTC + 2,499 h, in Beijing time.
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('GL-2026-002500');
    const received = first.getCell(7).value;
    expect(received).toBeInstanceOf(Date);
    expect((received as Date).toISOString()).toBe(
      new Date(Date.UTC(2026, 0, 5) + (caseCount - 1) * 3_600_000 + 8 * 3_600_000).toISOString(),
    );
    expect(first.getCell(7).numFmt).toBe('yyyy-mm-dd hh:mm');
  }, 120_000);

  it('export the same ledger as CSV: UTF-8 with BOM, 2,500 records, no complainant’s personal data', async () => {
    const requested = bodyOf<CaseExportView>(await requestExport({ format: 'csv', filter: { unit: 'city' } }));
    expect((await deliver(await receiveExportMessage())).batchItemFailures).toEqual([]);

    const done = bodyOf<CaseExportView>(await readExport(requested.id));
    const bytes = await download(done);
    const text = bytes.toString('utf8');

    expect(done).toMatchObject({ status: 'done', rows: caseCount });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(caseCount + 1);
    expect(lines[0]).toMatch(/^编号,事项类型,来源渠道,污染类别,/);
    expect(text).not.toMatch(/投诉人\d|139\d{8}|@example\.cn|建设路/);
    // The town that would run as a formula stays text.
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  }, 120_000);

  it('write no second file, and change nothing, when the message comes again', async () => {
    const requested = bodyOf<CaseExportView>(
      await requestExport({ format: 'csv', filter: { unit: 'east', state: 'closed' } }),
    );
    const message = await receiveExportMessage();
    expect((await deliver(message)).batchItemFailures).toEqual([]);
    const before = await exportObjects();
    const first = bodyOf<CaseExportView>(await readExport(requested.id));

    // Act: the same message again (an at-least-once duplicate, or a redelivery)
    const again = await deliver({ ...message, ReceiptHandle: randomUUID() });

    // Assess
    expect(again.batchItemFailures).toEqual([]);
    const after = await exportObjects();
    expect(after.map((object) => [object.Key, object.ETag, object.LastModified?.toISOString()])).toEqual(
      before.map((object) => [object.Key, object.ETag, object.LastModified?.toISOString()]),
    );
    expect(after.filter((object) => object.Key?.startsWith(`exports/${requested.id}`))).toHaveLength(1);
    const second = bodyOf<CaseExportView>(await readExport(requested.id));
    expect({ ...second, downloadUrl: '', downloadExpiresAt: '' }).toEqual({
      ...first,
      downloadUrl: '',
      downloadExpiresAt: '',
    });
    expect(first.rows).toBe(Math.floor(caseCount / 3));
  }, 60_000);

  it('show a job to its requester only', async () => {
    const requested = bodyOf<CaseExportView>(await requestExport({ format: 'xlsx', filter: {} }));
    await receiveExportMessage();

    const other = await readExport(requested.id, aPrincipal('supervisor', 'city', 'supervisor2'));
    const unknown = await readExport('01KEXP0RTZZZZZZZZZZZZZZZZZ');
    const malformed = await readExport('not-an-id');

    expect(other.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(malformed.statusCode).toBe(400);
  });

  it('refuse a unit outside the caller’s scope, paging and a bad format, before queueing anything', async () => {
    const outside = await requestExport({ format: 'csv', filter: { unit: 'west' } }, demo.lead);
    const paging = await requestExport({ format: 'csv', filter: { cursor: 'x' } });
    const format = await requestExport({ format: 'pdf' });
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: aws.provisioned.queues.exports.url, WaitTimeSeconds: 0 }),
    );

    expect(outside.statusCode).toBe(403);
    expect(paging.statusCode).toBe(400);
    expect(bodyOf(paging)).toMatchObject({ errors: [expect.objectContaining({ path: 'filter.cursor' })] });
    expect(format.statusCode).toBe(400);
    expect(Messages).toEqual([]);
  });

  it('fail a job for good when its requester’s scope no longer covers the unit, and tell them why', async () => {
    const { createExportJob } = await import('#statistics/store/export-jobs.ts');
    const id = '01KEXP0RTSC0PE000000000000';
    await createExportJob({
      id,
      format: 'csv',
      filter: { unit: 'west' },
      requestedBy: { username: 'lead', roles: ['lead'], unitId: 'east' },
      fileName: '督办事项台账.csv',
      status: 'queued',
      createdAt: new Date().toISOString(),
      attempt: 0,
    });

    const response = await deliver({
      MessageId: randomUUID(),
      ReceiptHandle: randomUUID(),
      Body: JSON.stringify({ type: 'case-export', id }),
    });

    expect(response.batchItemFailures).toEqual([]);
    expect(bodyOf<CaseExportView>(await readExport(id, demo.lead))).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^导出失败：.*管辖范围/),
    });
    expect(await exportObjects()).not.toContainEqual(expect.objectContaining({ Key: `exports/${id}.csv` }));
  });

  it('leave a job that failed for a passing reason to the next delivery, and fail it on the last', async () => {
    const requested = bodyOf<CaseExportView>(await requestExport({ format: 'xlsx', filter: { unit: 'west' } }));
    const message = await receiveExportMessage();
    const bucket = process.env.ATTACHMENTS_BUCKET;
    process.env.ATTACHMENTS_BUCKET = 'no-such-bucket';
    try {
      // Act: a first delivery whose upload fails, then the last one (SQS's third receive), a lease later. A batch
      // whose every record failed is thrown back whole (Powertools): SQS delivers it again.
      const first = deliver(message);
      await expect(first).rejects.toThrow(/All records failed/);
      const whileFirst = bodyOf<CaseExportView>(await readExport(requested.id));
      const { setNow } = await import('#platform/clock.ts');
      setNow(new Date(Date.now() + 60_000));
      const last = deliver({ ...message, Attributes: { ...message.Attributes, ApproximateReceiveCount: '3' } });
      await expect(last).rejects.toThrow(/All records failed/);
      setNow(null);

      // Assess
      expect(whileFirst.status).toBe('running');
      expect(bodyOf<CaseExportView>(await readExport(requested.id))).toMatchObject({
        status: 'failed',
        error: '导出失败，请稍后重新申请',
      });
    } finally {
      process.env.ATTACHMENTS_BUCKET = bucket;
    }
  });
});
