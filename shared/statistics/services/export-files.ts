/**
 * Where case-ledger exports go and how they are asked for: the file is streamed into the attachments bucket under
 * `exports/` by an S3 multipart upload (`@aws-sdk/lib-storage`), and fetched through a presigned GET; a job is handed
 * to the worker through the `exports` queue (job-queue.ts). S3 errors become ObjectStoreError here, with the SDK's
 * error as `cause`.
 *
 * Why a prefix of the attachments bucket and not a bucket of its own: it is already private, encrypted, TLS-only and
 * logged, served on the console's origin by the local runtime, and its objects under `exports/` expire by a lifecycle
 * rule of their own (infra/constructs/statistics.ts); the functions get only `exports/*` (put for the worker, get for
 * the presigner), so an export can neither read nor overwrite an attachment.
 */
import { PassThrough, type Writable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { ObjectStoreError } from '#platform/adapters/errors.ts';
import type { z } from '#platform/domain/zod.ts';
import { contentDisposition } from '#platform/http/responses.ts';
import { jobMessageSchema, sendJobMessage } from './job-queue.ts';

let s3Client: S3Client | undefined;

/** As the attachments adapter's client: path-style locally (`S3_FORCE_PATH_STYLE`), checksums only where required. */
const s3 = (): S3Client => {
  s3Client ??= new S3Client({
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return s3Client;
};

/** 5 MiB parts (S3's least), two in flight: what an export holds of its file at once is about 10 MiB. */
const partSize = 5 * 1024 * 1024;
const partsInFlight = 2;

/**
 * Streams what `write` writes into the object at `key`, as `fileName` (the `Content-Disposition` a download gets):
 * small files in one PUT, larger ones in parts as they fill. Resolves with what `write` resolved with once S3 has
 * the whole object; if either side fails, the other is stopped and the upload aborted.
 */
export const streamToObject = async <T>(
  object: { readonly key: string; readonly contentType: string; readonly fileName: string },
  write: (out: Writable) => Promise<T>,
): Promise<T> => {
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  // What breaks the stream is reported by the upload's or the writer's promise below, not as an unhandled event.
  body.on('error', () => undefined);
  const upload = new Upload({
    client: s3(),
    params: {
      Bucket: attachmentsBucket(),
      Key: object.key,
      Body: body,
      ContentType: object.contentType,
      ContentDisposition: contentDisposition(object.fileName),
    },
    partSize,
    queueSize: partsInFlight,
    leavePartsOnError: false,
  });
  let uploadFailure: ObjectStoreError | undefined;
  const uploaded = upload.done().catch((error: unknown) => {
    uploadFailure = new ObjectStoreError(`导出文件上传失败：${object.key}`, { cause: error });
    // The writer may be waiting on the stream: destroying it stops the writer rather than leaving it waiting.
    body.destroy(uploadFailure);
    throw uploadFailure;
  });
  let written: T;
  try {
    written = await write(body);
  } catch (error) {
    // When the upload failed first, its error (not the stream's it caused) says what went wrong.
    const cause = uploadFailure ?? error;
    body.destroy();
    await upload.abort().catch(() => undefined);
    await uploaded.catch(() => undefined);
    throw cause;
  }
  await uploaded;
  return written;
};

/** A URL that lets whoever holds it GET the object at `key` until it expires. */
export const presignDownload = async (
  key: string,
  options: { readonly signedAt: Date; readonly expiresInSeconds: number },
): Promise<string> => {
  try {
    return await getSignedUrl(s3(), new GetObjectCommand({ Bucket: attachmentsBucket(), Key: key }), {
      expiresIn: options.expiresInSeconds,
      signingDate: options.signedAt,
    });
  } catch (error) {
    throw new ObjectStoreError(`下载地址签发失败：${key}`, { cause: error });
  }
};

/** What the exports queue carries: the id of a job to run. */
export const exportMessageSchema = jobMessageSchema('case-export');
export type ExportMessage = z.output<typeof exportMessageSchema>;

/** Hands job `id` to the export worker through the exports queue. */
export const sendExportMessage = (message: ExportMessage): Promise<void> => sendJobMessage('exports', message);
