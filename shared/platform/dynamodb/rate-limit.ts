/**
 * Fixed-window request counters for public endpoints, per client and window. Keys: pk
 * `RATE#<scope>#<client>#<window seconds>#<window start>`, sk `RATE`; each expires (TTL `expiresAt`) a window after it
 * ends. The window's length is part of the key: a 10-minute and a daily window start at the same second every day at
 * 00:00 UTC, and without it they would share one counter.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo } from './client.ts';
import { translateSdkErrors } from './errors.ts';

/** Counts one request and returns how many the client made in the current window, this one included. */
export const countRequest = async (scope: string, client: string, windowSeconds: number, at: Date): Promise<number> => {
  const windowStart = Math.floor(at.getTime() / 1000 / windowSeconds) * windowSeconds;
  const { Attributes } = await translateSdkErrors('记录请求次数', () =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName('main'),
        Key: { pk: `RATE#${scope}#${client}#${windowSeconds}#${windowStart}`, sk: 'RATE' },
        UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expires)',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':expires': windowStart + 2 * windowSeconds },
        ReturnValues: 'UPDATED_NEW',
      }),
    ),
  );
  return Number(Attributes?.count ?? 1);
};
