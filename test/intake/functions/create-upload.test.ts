import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadTicket } from '#intake/services/attachments.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

let aws: LocalAws;
let s3: S3Client;
let createUploadHandler: unknown;
let submitComplaintHandler: unknown;
const operator = aPrincipal('operator', 'city-petition');

const requestUpload = (body: unknown, options: { public?: boolean; principal?: Principal } = {}) => {
  const path = options.public ? '/v1/public/attachments' : '/v1/attachments';
  const principal = options.public ? undefined : (options.principal ?? operator);
  return invoke(
    createUploadHandler,
    apiEvent({ method: 'POST', path, routeKey: `POST ${path}`, body, ...(principal ? { principal } : {}) }),
  );
};

const anUpload = (overrides: Record<string, unknown> = {}) => ({
  fileName: '夜间作业现场.jpg',
  contentType: 'image/jpeg',
  size: 2048,
  ...overrides,
});

/** A ticket for a file of `size` bytes, with the file already uploaded through its URL unless `put` is false. */
const anUploadedFile = async (size = 2048, put = true): Promise<UploadTicket> => {
  const ticket = bodyOf<UploadTicket>(await requestUpload(anUpload({ size })));
  if (put) {
    const response = await fetch(ticket.uploadUrl, {
      method: ticket.method,
      headers: ticket.headers,
      body: new Uint8Array(size).fill(0xd8),
    });
    expect(response.status).toBe(200);
  }
  return ticket;
};

const submitComplaint = (body: unknown) =>
  invoke(
    submitComplaintHandler,
    apiEvent({ method: 'POST', path: '/v1/complaints', routeKey: 'POST /v1/complaints', principal: operator, body }),
  );

const headObject = (key: string) =>
  s3.send(new HeadObjectCommand({ Bucket: process.env.ATTACHMENTS_BUCKET, Key: key }));

const countItems = async (type: 'case' | 'upload') => {
  const { Items = [] } = await dynamo().send(
    new ScanCommand({
      TableName: process.env.TABLE_NAME,
      FilterExpression: '#type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': type },
    }),
  );
  return Items.length;
};

const pathsOf = (response: unknown) =>
  bodyOf<{ errors: { path: string }[] }>(response)
    .errors.map((error) => error.path)
    .sort();

beforeAll(async () => {
  aws = await startLocalAws();
  s3 = new S3Client({ forcePathStyle: true });
  await seedDirectory();
  ({ handler: createUploadHandler } = await import('../../../functions/intake/create-upload.ts'));
  ({ handler: submitComplaintHandler } = await import('../../../functions/intake/submit-complaint.ts'));
});
afterAll(async () => {
  s3.destroy();
  await aws.stop();
});

describe('POST /v1/attachments', () => {
  it('presigns a PUT of the announced type and size, and the file lands at uploads/<attachmentId>', async () => {
    const before = Date.now();

    const response = await requestUpload(anUpload());

    expect(response.statusCode).toBe(201);
    const ticket = bodyOf<UploadTicket>(response);
    expect(ticket).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/jpeg' } });
    expect(ticket.attachmentId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const url = new URL(ticket.uploadUrl);
    // Path-style on 127.0.0.1: reachable from curl or a browser on this machine, not only from inside the process.
    expect(`${url.origin}${url.pathname}`).toBe(
      `${aws.s3Endpoint}/greenline-attachments/uploads/${ticket.attachmentId}`,
    );
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(Date.parse(ticket.expiresAt) - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(Date.parse(ticket.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const put = await fetch(ticket.uploadUrl, {
      method: 'PUT',
      headers: ticket.headers,
      body: new Uint8Array(2048).fill(0xd8),
    });

    expect(put.status).toBe(200);
    const head = await headObject(`uploads/${ticket.attachmentId}`);
    expect(head).toMatchObject({ ContentLength: 2048, ContentType: 'image/jpeg' });
  });

  it('records who asked: the official, or `public` on the public route, which needs no token', async () => {
    const official = bodyOf<UploadTicket>(await requestUpload(anUpload()));
    const response = await requestUpload(anUpload({ fileName: 'recording.amr', contentType: 'audio/amr' }), {
      public: true,
    });

    expect(response.statusCode).toBe(201);
    const fromPublic = bodyOf<UploadTicket>(response);
    const uploadOf = async (id: string) =>
      (
        await dynamo().send(
          new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `UPLOAD#${id}`, sk: 'UPLOAD' } }),
        )
      ).Item;
    expect(await uploadOf(official.attachmentId)).toMatchObject({
      uploadedBy: 'operator',
      fileName: '夜间作业现场.jpg',
    });
    expect(await uploadOf(fromPublic.attachmentId)).toMatchObject({
      uploadedBy: 'public',
      contentType: 'audio/amr',
      key: `uploads/${fromPublic.attachmentId}`,
      expiresAt: expect.any(Number),
    });
  });

  it('answers 401 on the official route when the authorizer passed no claims', async () => {
    const response = await invoke(
      createUploadHandler,
      apiEvent({ method: 'POST', path: '/v1/attachments', routeKey: 'POST /v1/attachments', body: anUpload() }),
    );

    expect(response.statusCode).toBe(401);
  });

  it('answers 400 naming contentType and size for an unsupported type and a file over 20 MB, and records nothing', async () => {
    const before = await countItems('upload');

    const response = await requestUpload(
      anUpload({ contentType: 'application/x-msdownload', size: 20 * 1024 * 1024 + 1 }),
    );

    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toContain('application/problem+json');
    expect(pathsOf(response)).toEqual(['contentType', 'size']);
    expect(await countItems('upload')).toBe(before);
  });

  it('answers 400 naming each bad field: an empty file, an empty or overlong name, an unknown field', async () => {
    const empty = await requestUpload(anUpload({ fileName: '  ', size: 0 }), { public: true });
    const overlong = await requestUpload(anUpload({ fileName: `${'长'.repeat(200)}.jpg` }));
    const extra = await requestUpload({ ...anUpload(), key: 'attachments/other' });

    expect(pathsOf(empty)).toEqual(['fileName', 'size']);
    expect(pathsOf(overlong)).toEqual(['fileName']);
    expect(extra.statusCode).toBe(400);
  });
});

describe('POST /v1/complaints with attachments', () => {
  it('stores the attachment metadata on the case and keeps the file outside the expiring uploads/', async () => {
    const photo = await anUploadedFile(4096);

    const response = await submitComplaint(
      aComplaint({ attachments: [{ attachmentId: photo.attachmentId, fileName: '现场照片.jpg' }] }),
    );

    expect(response.statusCode).toBe(201);
    const expected = {
      attachmentId: photo.attachmentId,
      fileName: '现场照片.jpg',
      contentType: 'image/jpeg',
      size: 4096,
      key: `attachments/${photo.attachmentId}`,
    };
    const created = bodyOf<{ id: string; complaint: { attachments: unknown } }>(response);
    expect(created.complaint.attachments).toEqual([expected]);
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `CASE#${created.id}`, sk: 'CASE' } }),
    );
    expect(Item?.complaint.attachments).toEqual([expected]);
    expect(await headObject(expected.key)).toMatchObject({ ContentLength: 4096, ContentType: 'image/jpeg' });
  });

  it('keeps the uploaded file name when the complaint gives none, and stores no attachments when there are none', async () => {
    const photo = await anUploadedFile();

    const withOne = bodyOf(await submitComplaint(aComplaint({ attachments: [{ attachmentId: photo.attachmentId }] })));
    const without = bodyOf(await submitComplaint(aComplaint()));

    expect(withOne.complaint).toMatchObject({ attachments: [{ fileName: '夜间作业现场.jpg' }] });
    expect(without.complaint).not.toHaveProperty('attachments');
  });

  it('answers 400 naming attachments.0.attachmentId for an attachment never announced, and stores nothing', async () => {
    const before = await countItems('case');

    const response = await submitComplaint(aComplaint({ attachments: [{ attachmentId: ulid() }] }));

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).errors).toEqual([
      { path: 'attachments.0.attachmentId', message: '附件不存在或尚未上传完成' },
    ]);
    expect(await countItems('case')).toBe(before);
  });

  it('answers 400 for an upload whose URL was issued but whose file never arrived, and for a repeated one', async () => {
    const before = await countItems('case');
    const uploaded = await anUploadedFile();
    const neverPut = await anUploadedFile(2048, false);

    const response = await submitComplaint(
      aComplaint({
        attachments: [
          { attachmentId: uploaded.attachmentId },
          { attachmentId: neverPut.attachmentId },
          { attachmentId: uploaded.attachmentId },
        ],
      }),
    );

    expect(response.statusCode).toBe(400);
    expect(pathsOf(response)).toEqual(['attachments.1.attachmentId', 'attachments.2.attachmentId']);
    expect(await countItems('case')).toBe(before);
  });

  it('answers 400 for more than ten attachments or a malformed id', async () => {
    const eleven = Array.from({ length: 11 }, () => ({ attachmentId: ulid() }));

    const tooMany = await submitComplaint(aComplaint({ attachments: eleven }));
    const malformed = await submitComplaint(aComplaint({ attachments: [{ attachmentId: '../uploads/x' }] }));

    expect(pathsOf(tooMany)).toEqual(['attachments']);
    expect(pathsOf(malformed)).toEqual(['attachments.0.attachmentId']);
  });
});
