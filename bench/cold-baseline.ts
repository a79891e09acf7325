/**
 * The cold benchmark's baseline (`npm run bench -- cold`): the least a Greenline function that reads DynamoDB must
 * carry — the DynamoDB client with the document client every store uses, one read, one response. No middleware, no
 * schemas, no logger. Bundled with the functions, with the same options, in the same run.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const tableName = process.env.TABLE_NAME;
const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { pathParameters?: { id?: string } }) => {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: tableName, Key: { pk: `CASE#${event.pathParameters?.id}`, sk: 'CASE' } }),
  );
  return Item
    ? { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(Item) }
    : { statusCode: 404 };
};
