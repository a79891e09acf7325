/** Plans and the inspector pool (keys: ./keys.ts). */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Inspector } from '#inspections/domain/inspectors.ts';
import type { InspectionPlan } from '#inspections/domain/plan.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { inspectorKey, inspectorsPartition, planKey, planSortKey, plansPartition } from './keys.ts';

export const putPlan = async (plan: InspectionPlan): Promise<void> => {
  await translateSdkErrors('保存抽查计划', () =>
    dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: {
          ...planKey(plan.id),
          type: 'inspection-plan',
          gsi1pk: plansPartition,
          gsi1sk: planSortKey(plan.period, plan.id),
          ...plan,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
};

export const getPlan = async (id: string): Promise<InspectionPlan | undefined> => {
  const { Item } = await translateSdkErrors('读取抽查计划', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: planKey(id), ConsistentRead: true })),
  );
  return Item ? withoutKeys<InspectionPlan>(Item) : undefined;
};

/** Plans of a period (every plan without one), newest period first. */
export const listPlans = async (period?: string): Promise<InspectionPlan[]> => {
  const items = await translateSdkErrors('读取抽查计划', () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: period ? 'gsi1pk = :pk and begins_with(gsi1sk, :period)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': plansPartition, ...(period ? { ':period': `${period}#` } : {}) },
      ScanIndexForward: false,
    }),
  );
  return items.map((item) => withoutKeys<InspectionPlan>(item));
};

export const putInspector = async (inspector: Inspector): Promise<void> => {
  await translateSdkErrors('保存执法人员', () =>
    dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: {
          ...inspectorKey(inspector.username),
          type: 'inspector',
          gsi1pk: inspectorsPartition,
          gsi1sk: inspector.username,
          ...inspector,
        },
      }),
    ),
  );
};

/** The whole pool, by username. */
export const listInspectors = async (): Promise<Inspector[]> => {
  const items = await translateSdkErrors('读取执法人员库', () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': inspectorsPartition },
    }),
  );
  return items.map((item) => withoutKeys<Inspector>(item));
};
