import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

let documentClient: DynamoDBDocumentClient | undefined;

/** One document client per process. Endpoints come from the environment (AWS_ENDPOINT_URL_DYNAMODB locally). */
export const dynamo = (): DynamoDBDocumentClient => {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
};

type Item = Record<string, unknown>;

/**
 * Every item a query matches, page after page. It lets the SDK's errors through: a store calls it inside
 * `translateSdkErrors` with the label of its own operation (see `./errors.ts`), which names the failure better than a
 * label of this helper could.
 */
export const queryAll = async (input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Item[]> => {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** An item without the table's key, type and index attributes: the entity's own fields. */
export const withoutKeys = <T>(item: Item): T => {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ...rest } = item;
  return rest as T;
};

/**
 * The condition of a versioned entity's Put (optimistic concurrency): the stored version must be the one read before
 * the change, or, for a new entity (no version read), no item may stand under its key yet.
 */
export const versionCondition = (readVersion: number | undefined) =>
  readVersion === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': readVersion },
      };
