/** Plans and the inspector pool (keys: ./keys.ts). */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Inspector } from '#inspections/domain/inspectors.ts';
import type { InspectionPlan } from '#inspections/domain/plan.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { PlanDrawnError, PlanNotFoundError, PlanVersionConflictError } from './errors.ts';
import { inspectorKey, inspectorsPartition, planKey, planSortKey, plansPartition } from './keys.ts';

const planItem = (plan: InspectionPlan) => ({
  ...planKey(plan.id),
  type: 'inspection-plan',
  gsi1pk: plansPartition,
  gsi1sk: planSortKey(plan.period, plan.id),
  ...plan,
});

/** A stored plan; one stored before plans had versions is version 1. */
const toPlan = (item: Record<string, unknown>): InspectionPlan => {
  const plan = withoutKeys<Omit<InspectionPlan, 'version'> & { version?: number }>(item);
  return { ...plan, version: plan.version ?? 1 };
};

/**
 * The condition that the stored plan is still at `version` and undrawn: a change, and the draw's claim on the plan,
 * each land only on the plan as read. (A plan stored before versions has none, and counts as version 1.)
 */
export const undrawnAtVersion = (version: number) => ({
  ConditionExpression: `attribute_exists(pk) and attribute_not_exists(drawId) and (#version = :version${
    version === 1 ? ' or attribute_not_exists(#version)' : ''
  })`,
  ExpressionAttributeNames: { '#version': 'version' },
  ExpressionAttributeValues: { ':version': version },
});

export const putPlan = async (plan: InspectionPlan): Promise<void> => {
  await translateSdkErrors('保存抽查计划', () =>
    dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: planItem(plan),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
};

/**
 * Stores `after`, a change of `before`, on the condition that the stored plan is still `before` and undrawn.
 *
 * @throws PlanDrawnError when the plan was drawn meanwhile.
 * @throws PlanVersionConflictError when someone else changed it meanwhile.
 * @throws PlanNotFoundError when it is gone.
 */
export const replacePlan = async (before: InspectionPlan, after: InspectionPlan): Promise<void> => {
  try {
    await dynamo().send(
      new PutCommand({ TableName: tableName('main'), Item: planItem(after), ...undrawnAtVersion(before.version) }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) {
      throw new PersistenceError(`保存抽查计划失败：${(error as Error).name}`, { cause: error });
    }
    const now = await getPlan(before.id);
    if (!now) throw new PlanNotFoundError(`抽查计划 ${before.id} 不存在`, { cause: error });
    if (now.drawId) {
      throw new PlanDrawnError(`该计划已抽取（${now.drawId}），不能再修改`, { cause: error });
    }
    throw new PlanVersionConflictError(`抽查计划已被他人修改（当前版本 ${now.version}），请刷新后重试`, {
      cause: error,
    });
  }
};

export const getPlan = async (id: string): Promise<InspectionPlan | undefined> => {
  const { Item } = await translateSdkErrors('读取抽查计划', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: planKey(id), ConsistentRead: true })),
  );
  return Item ? toPlan(Item) : undefined;
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
  return items.map(toPlan);
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
