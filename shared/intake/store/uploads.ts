/**
 * Uploads announced through `create-upload`, in the main table, until a complaint attaches them or they expire. The
 * record keeps what the uploader declared (file name, type, size) and who they were; the file itself is in S3.
 *
 * Keys (access pattern → key):
 * - an upload by its id, when a complaint refers to it → pk `UPLOAD#<attachmentId>`, sk `UPLOAD`
 *
 * The table's TTL attribute `expiresAt` (epoch seconds) is set to `attachableUntil`, when the uploaded file expires
 * too. TTL deletes late, so reads check `attachableUntil` themselves.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Upload } from '#intake/domain/attachments.ts';
import { tableName } from '#platform/config.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

const uploadKey = (attachmentId: string) => ({ pk: `UPLOAD#${attachmentId}`, sk: 'UPLOAD' });

export const putUpload = async (upload: Upload): Promise<void> => {
  await translateSdkErrors(`保存附件上传 ${upload.attachmentId}`, () =>
    dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: {
          ...uploadKey(upload.attachmentId),
          type: 'upload',
          ...upload,
          expiresAt: Math.floor(Date.parse(upload.attachableUntil) / 1000),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
};

/** The upload with this id, or undefined when there is none or it can no longer be attached at `at`. */
export const getUpload = async (attachmentId: string, at: Date): Promise<Upload | undefined> => {
  const { Item } = await translateSdkErrors(`读取附件上传 ${attachmentId}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: uploadKey(attachmentId) })),
  );
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, expiresAt: _expiresAt, ...upload } = Item;
  const found = upload as Upload;
  return Date.parse(found.attachableUntil) > at.getTime() ? found : undefined;
};
