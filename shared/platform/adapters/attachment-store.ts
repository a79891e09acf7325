/**
 * The attachments bucket in S3 (fauxqs locally): presigned uploads, and the reads and copies that attach an upload to
 * a case. S3 errors become {@link StoredObjectNotFoundError} or {@link ObjectStoreError} here, with the SDK's error
 * as `cause`.
 */
import {
  CopyObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { buckets } from '#platform/catalog/buckets.ts';
import { requireEnv } from '#platform/config.ts';
import { ObjectStoreError, StoredObjectNotFoundError } from './errors.ts';

let client: S3Client | undefined;

/**
 * One client per process. The endpoint comes from the environment (`AWS_ENDPOINT_URL_S3` locally). The local runtime
 * sets `S3_FORCE_PATH_STYLE=true`, so presigned URLs read `http://127.0.0.1:<port>/<bucket>/<key>` and work from curl
 * or a browser on the same machine, where `<bucket>.s3.localhost` may not resolve; in AWS it is unset.
 */
const s3 = (): S3Client => {
  client ??= new S3Client({
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    // By default the SDK signs a CRC32 of the request body into a presigned PUT: the empty body at signing time, so S3
    // would refuse the real file. Checksums only where an operation requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return client;
};

/** The bucket's name; functions call it at load, so a missing `ATTACHMENTS_BUCKET` fails the cold start. */
export const attachmentsBucket = (): string => requireEnv(buckets.attachments.envVar);

const isNotFound = (error: unknown): boolean =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey');

const translated = (error: unknown, key: string, action: string): Error =>
  isNotFound(error)
    ? new StoredObjectNotFoundError(`对象不存在：${key}`, { cause: error })
    : new ObjectStoreError(`${action}失败：${key}`, { cause: error });

/**
 * A URL that lets whoever holds it PUT one object at `key` until it expires. Content type and length are signed
 * into it: S3 refuses a PUT whose `Content-Type` or `Content-Length` differ from what was announced.
 *
 * @example
 * const url = await presignPut({ key: 'uploads/01K…', contentType: 'image/jpeg', size: 52_113 },
 *   { signedAt: new Date(), expiresInSeconds: 900 });
 * // curl -X PUT -H 'content-type: image/jpeg' --data-binary @photo.jpg "$url"
 */
export const presignPut = async (
  object: { readonly key: string; readonly contentType: string; readonly size: number },
  options: { readonly signedAt: Date; readonly expiresInSeconds: number },
): Promise<string> => {
  try {
    return await getSignedUrl(
      s3(),
      new PutObjectCommand({
        Bucket: attachmentsBucket(),
        Key: object.key,
        ContentType: object.contentType,
        ContentLength: object.size,
      }),
      {
        expiresIn: options.expiresInSeconds,
        signingDate: options.signedAt,
        // The presigner leaves Content-Type unsigned by default; signing both makes S3 hold the uploader to them.
        signableHeaders: new Set(['content-type', 'content-length']),
      },
    );
  } catch (error) {
    throw new ObjectStoreError(`上传地址签发失败：${object.key}`, { cause: error });
  }
};

export interface StoredObject {
  readonly size: number;
  readonly contentType?: string;
}

/** Size and type of the object at `key`; throws StoredObjectNotFoundError when there is none. */
export const headObject = async (key: string): Promise<StoredObject> => {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: attachmentsBucket(), Key: key }));
    return { size: head.ContentLength ?? 0, ...(head.ContentType ? { contentType: head.ContentType } : {}) };
  } catch (error) {
    throw translated(error, key, '读取对象信息');
  }
};

/** Copies the object at `from` to `to` in the same bucket, with its content type and metadata. */
export const copyObject = async (from: string, to: string): Promise<void> => {
  const bucket = attachmentsBucket();
  try {
    await s3().send(
      new CopyObjectCommand({
        Bucket: bucket,
        CopySource: encodeURI(`${bucket}/${from}`),
        Key: to,
        // Uploads carry no tags: not copying tag sets keeps the copy to s3:GetObject on the source, s3:PutObject here.
        TaggingDirective: 'REPLACE',
      }),
    );
  } catch (error) {
    throw translated(error, from, '复制对象');
  }
};
