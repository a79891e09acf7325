/**
 * Public tracking records: the code a complainant looks their complaint up by, and a hash of the secret shown to them
 * once. Keys: pk `TRACK#<code>`, sk `TRACK`. Written in the same transaction as the case.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';

/** The secret has 160 random bits, so a fast hash is enough: there is nothing to guess by brute force. */
const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

export const trackingPut = (code: string, caseId: string, secret: string) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      pk: `TRACK#${code}`,
      sk: 'TRACK',
      type: 'tracking',
      caseId,
      secretHash: hashSecret(secret).toString('base64'),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const decoy = hashSecret('decoy');

/** The case id behind a tracking code, or undefined when the code is unknown or the secret wrong — alike in time. */
export const resolveTracking = async (code: string, secret: string): Promise<string | undefined> => {
  const { Item } = await translateSdkErrors('读取查询码', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: { pk: `TRACK#${code}`, sk: 'TRACK' } })),
  );
  const expected = Item ? Buffer.from(String(Item.secretHash), 'base64') : decoy;
  const matches = expected.length === 32 && timingSafeEqual(expected, hashSecret(secret));
  return Item && matches ? String(Item.caseId) : undefined;
};
