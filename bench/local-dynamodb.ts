import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tables } from '#platform/catalog/tables.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { freePort } from '../local/free-port.ts';

/**
 * Runs `bench` against DynamoDB Local in memory on a free port, with the environment the app's code reads pointed at
 * it (the main table's name is left for the bench to set per round), and stops it afterwards.
 */
export const withBenchDynamoDb = async <T>(
  unsetTableName: string,
  bench: (local: { readonly endpoint: string; readonly admin: DynamoDBClient }) => Promise<T>,
): Promise<T> => {
  const db = await startDynamoDbLocal({ port: await freePort() });
  Object.assign(process.env, {
    [tables.main.envVar]: unsetTableName,
    AWS_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const admin = new DynamoDBClient({});
  try {
    return await bench({ endpoint: db.endpoint, admin });
  } finally {
    admin.destroy();
    await db.stop();
  }
};
