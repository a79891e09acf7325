import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '#platform/dynamodb/client.ts';

/** How many case items the test file's table holds (a Scan: test tables are small). */
export const countStoredCases = async (): Promise<number> => {
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
