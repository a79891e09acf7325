/**
 * Assessments (keys: ./keys.ts). Every change is a put conditioned on the version read; publishing puts the assessment
 * in the enterprise's transaction instead ({@link assessmentPut}), so the grade and the assessment that gave it are
 * written together or not at all.
 *
 * Errors: a version read that is no longer current → AssessmentVersionConflictError; anything else → PersistenceError.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Assessment, AssessmentStatus } from '#grading/domain/assessment.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, versionCondition } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { AssessmentVersionConflictError } from './errors.ts';
import { assessmentKey, enterpriseAssessmentsPartition, statusPartition } from './keys.ts';

const toItem = (assessment: Assessment) => ({
  ...assessmentKey(assessment.id),
  type: 'assessment',
  ...assessment,
  gsi1pk: enterpriseAssessmentsPartition(assessment.uscc),
  gsi1sk: `${assessment.createdAt}#${assessment.id}`,
  gsi2pk: statusPartition(assessment.status),
  gsi2sk: `${assessment.updatedAt}#${assessment.id}`,
});

const fromItem = (item: Record<string, unknown>): Assessment => {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...assessment } = item;
  return assessment as unknown as Assessment;
};

/** The put that takes an assessment from `before` (absent: new) to `after`, for this store or another's transaction. */
export const assessmentPut = (before: Assessment | undefined, after: Assessment) => ({
  Put: {
    TableName: tableName('main'),
    Item: toItem(after),
    ...versionCondition(before?.version),
  },
});

export const saveAssessment = async (before: Assessment | undefined, after: Assessment): Promise<Assessment> => {
  try {
    await dynamo().send(new PutCommand(assessmentPut(before, after).Put));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new AssessmentVersionConflictError('评定已被他人修改，请刷新后重试', { cause: error });
    }
    throw new PersistenceError(`保存评定 ${after.id} 失败：${(error as Error).name}`, { cause: error });
  }
  return after;
};

export const getAssessment = async (id: string): Promise<Assessment | undefined> => {
  const { Item } = await translateSdkErrors(`读取评定 ${id}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: assessmentKey(id) })),
  );
  return Item ? fromItem(Item) : undefined;
};

export interface AssessmentPage {
  readonly items: readonly Assessment[];
  readonly after?: Record<string, unknown>;
}

/** A page of an enterprise's assessments, newest first, or of the assessments in `status`, oldest change first. */
export const listAssessments = async (
  by: { readonly uscc: string } | { readonly status: AssessmentStatus },
  limit: number,
  after?: Record<string, unknown>,
): Promise<AssessmentPage> => {
  const [index, partition, forward] =
    'uscc' in by
      ? (['gsi1', enterpriseAssessmentsPartition(by.uscc), false] as const)
      : (['gsi2', statusPartition(by.status), true] as const);
  const { Items = [], LastEvaluatedKey } = await translateSdkErrors('读取评定列表', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: forward,
        Limit: limit,
        ExclusiveStartKey: after,
      }),
    ),
  );
  return { items: Items.map(fromItem), ...(LastEvaluatedKey ? { after: LastEvaluatedKey } : {}) };
};
