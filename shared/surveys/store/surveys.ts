/**
 * Surveys, their tokens, call-list entries, links from cases and the per-unit counters (keys: ./keys.ts).
 *
 * Every change of a survey is one transaction: the survey conditioned on the version read, the counters of each unit
 * on its path moved by `countDelta`, its call-list entries and sweep index brought in line — so the figures never
 * drift from the surveys, and a survey is never half-written. A caller whose change must stand or fall with another
 * (a dissatisfied answer that asks the case's lead for a review) takes the items from `surveyWrites` into its own
 * transaction.
 *
 * Errors: a failed condition on the survey → SurveyConflictError; anything else the SDK throws → PersistenceError.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, versionCondition } from '#platform/dynamodb/client.ts';
import { PersistenceError, translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { addCounts, type CounterName, countDelta, type SurveyCounts, zeroCounts } from '#surveys/domain/figures.ts';
import { nextCheckAt, type Survey, type SurveySettings } from '#surveys/domain/survey.ts';
import { SurveyConflictError } from './errors.ts';
import {
  callKey,
  callPartition,
  counterKey,
  counterPartition,
  daySortKey,
  duePartition,
  linkKey,
  linkPartition,
  monthPartition,
  settingsKey,
  surveyKey,
  tokenKey,
} from './keys.ts';

type TransactItem = Record<string, unknown>;

const dayMs = 86_400_000;

const toSurveyItem = (survey: Survey) => {
  const due = nextCheckAt(survey);
  return {
    ...surveyKey(survey.id),
    type: 'survey',
    ...survey,
    gsi1pk: monthPartition(survey.closedDate),
    gsi1sk: `${survey.closedAt}#${survey.id}`,
    ...(due ? { gsi2pk: duePartition, gsi2sk: `${due}#${survey.id}` } : {}),
  };
};

const fromItem = (item: Record<string, unknown>): Survey => {
  const { pk: _pk, sk: _sk, type: _type, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...survey } = item;
  return survey as unknown as Survey;
};

/** What the call list shows of a due call: the matter, never the person (the number is masked). */
export interface CallListEntry {
  readonly surveyId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly category: string;
  readonly town?: string;
  readonly closedAt: string;
  readonly callDueDate: string;
  readonly attempts: number;
  readonly phoneHint?: string;
  readonly version: number;
}

const callEntryOf = (survey: Survey): CallListEntry => ({
  surveyId: survey.id,
  caseId: survey.caseId,
  caseNumber: survey.subject.caseNumber,
  category: survey.subject.category,
  ...(survey.subject.town ? { town: survey.subject.town } : {}),
  closedAt: survey.closedAt,
  callDueDate: survey.callDueDate as string,
  attempts: survey.attempts.length,
  ...(survey.phoneHint ? { phoneHint: survey.phoneHint } : {}),
  version: survey.version,
});

const callDue = (survey: Survey | undefined): survey is Survey =>
  survey?.status === 'pending' && survey.channel === 'phone' && Boolean(survey.callDueDate);

export interface SurveyWriteOptions {
  /** A new token's hash: the token resolves to the survey until `expiresAt` (and is purged a month later). */
  readonly tokenHash?: string;
  /** Cases whose page lists the survey (new surveys only). */
  readonly linkedCases?: readonly string[];
}

const tokenPut = (survey: Survey, tokenHash: string) => ({
  Put: {
    TableName: tableName('main'),
    Item: {
      ...tokenKey(tokenHash),
      type: 'survey-token',
      surveyId: survey.id,
      // The table's time-to-live attribute (epoch seconds): a month after the survey stops taking answers.
      expiresAt: Math.ceil((new Date(survey.expiresAt).getTime() + 30 * dayMs) / 1000),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Stores one more token for a survey (a reminder's links, or an invitation sent again after a crash). */
export const addToken = async (survey: Survey, tokenHash: string): Promise<void> => {
  await translateSdkErrors(`保存回访 ${survey.id} 的链接`, () =>
    dynamo().send(new PutCommand(tokenPut(survey, tokenHash).Put)),
  );
};

/** The transaction items that take a survey from `before` (absent: new) to `after`, counters and indexes included. */
export const surveyWrites = (
  before: Survey | undefined,
  after: Survey,
  options: SurveyWriteOptions = {},
): TransactItem[] => {
  const TableName = tableName('main');
  const items: TransactItem[] = [
    {
      Put: {
        TableName,
        Item: toSurveyItem(after),
        ...versionCondition(before?.version),
      },
    },
  ];
  const delta = Object.entries(countDelta(before, after)) as [CounterName, number][];
  if (delta.length > 0) {
    for (const unitId of after.unitPath) {
      items.push({
        Update: {
          TableName,
          Key: counterKey(unitId, after.closedDate),
          UpdateExpression: `ADD ${delta.map((_, index) => `#c${index} :c${index}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(delta.map(([name], index) => [`#c${index}`, name])),
          ExpressionAttributeValues: Object.fromEntries(delta.map(([, value], index) => [`:c${index}`, value])),
        },
      });
    }
  }
  if (callDue(after)) {
    // Rewritten on every change while due: an entry shows the attempts and the version to act with.
    for (const unitId of after.intakePath) {
      items.push({
        Put: {
          TableName,
          Item: {
            ...callKey(after.id, unitId),
            type: 'call',
            gsi1pk: callPartition(unitId),
            gsi1sk: `${after.callDueDate}#${after.id}`,
            ...callEntryOf(after),
          },
        },
      });
    }
  } else if (callDue(before)) {
    for (const unitId of before.intakePath) items.push({ Delete: { TableName, Key: callKey(before.id, unitId) } });
  }
  if (options.tokenHash) items.push(tokenPut(after, options.tokenHash));
  for (const caseId of new Set(options.linkedCases ?? [])) {
    items.push({ Put: { TableName, Item: { ...linkKey(caseId, after.id), type: 'survey-link', surveyId: after.id } } });
  }
  return items;
};

const isConditionFailure = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

const isTransactionConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/** Saves a change of a survey (see `surveyWrites`). */
export const saveSurvey = async (
  before: Survey | undefined,
  after: Survey,
  options: SurveyWriteOptions = {},
): Promise<void> => {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: surveyWrites(before, after, options) as never[] }));
  } catch (error) {
    if (isConditionFailure(error) || isTransactionConflict(error)) {
      throw new SurveyConflictError(before ? '回访已被同时更新，请刷新后重试' : '该回访已存在', { cause: error });
    }
    throw new PersistenceError(`保存回访 ${after.id} 失败：${(error as Error).name}`, { cause: error });
  }
};

export const findSurvey = async (id: string): Promise<Survey | undefined> => {
  const { Item } = await translateSdkErrors(`读取回访 ${id}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: surveyKey(id), ConsistentRead: true })),
  );
  return Item ? fromItem(Item) : undefined;
};

/** The survey a token resolves to, if any. */
export const findSurveyIdByToken = async (tokenHash: string): Promise<string | undefined> => {
  const { Item } = await translateSdkErrors('读取回访链接', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: tokenKey(tokenHash) })),
  );
  return Item?.surveyId as string | undefined;
};

/** The surveys of a case (its own, and those rating its result), oldest first. */
export const listCaseSurveys = async (caseId: string): Promise<Survey[]> => {
  const links = await translateSdkErrors(`读取事项 ${caseId} 的回访`, () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': linkPartition(caseId) },
    }),
  );
  if (links.length === 0) return [];
  const table = tableName('main');
  const { Responses } = await translateSdkErrors(`读取事项 ${caseId} 的回访`, () =>
    dynamo().send(
      new BatchGetCommand({
        RequestItems: { [table]: { Keys: links.slice(0, 100).map((link) => surveyKey(link.surveyId as string)) } },
      }),
    ),
  );
  return (Responses?.[table] ?? []).map(fromItem).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
};

/** The calls due in `unitId`'s call list up to `lastDate` (inclusive), the longest due first. */
export const listCalls = async (unitId: string, lastDate: string, limit = 200): Promise<CallListEntry[]> => {
  const { Items = [] } = await translateSdkErrors('读取电话回访清单', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk and gsi1sk < :until',
        ExpressionAttributeValues: { ':pk': callPartition(unitId), ':until': `${lastDate}#\uffff` },
        Limit: limit,
      }),
    ),
  );
  return Items.map(({ pk: _pk, sk: _sk, type: _type, gsi1pk: _a, gsi1sk: _b, ...entry }) => entry as CallListEntry);
};

/** Pending surveys whose reminder or expiry is due before `cutoff`, soonest first. */
export const listDueSurveys = async (cutoff: Date, limit = 100): Promise<Survey[]> => {
  const { Items = [] } = await translateSdkErrors('读取到期的回访', () =>
    dynamo().send(
      new QueryCommand({
        TableName: tableName('main'),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk and gsi2sk < :cutoff',
        ExpressionAttributeValues: { ':pk': duePartition, ':cutoff': cutoff.toISOString() },
        Limit: limit,
      }),
    ),
  );
  const ids = Items.map((item) => fromItem(item).id);
  // The index is eventually consistent: read each survey as stored before acting on it.
  const surveys = await Promise.all(ids.map(findSurvey));
  return surveys.filter((survey): survey is Survey => survey !== undefined);
};

/** Every survey whose result closed in the month `YYYY-MM` (the recount reads these). */
export const listSurveysClosedInMonth = async (month: string): Promise<Survey[]> => {
  const items = await translateSdkErrors(`读取 ${month} 的回访`, () =>
    queryAll({
      TableName: tableName('main'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `SURVEYS#${month}` },
    }),
  );
  return items.map(fromItem);
};

/** The counters of a unit summed over the days `from`–`to` (inclusive): one item per day that had surveys. */
export const sumCounters = async (
  unitId: string,
  from: string,
  to: string,
): Promise<{ counts: SurveyCounts; days: number }> => {
  const items = await translateSdkErrors('读取回访统计', () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk and sk between :from and :to',
      ExpressionAttributeValues: { ':pk': counterPartition(unitId), ':from': daySortKey(from), ':to': daySortKey(to) },
    }),
  );
  const counts = zeroCounts();
  for (const item of items) addCounts(counts, item as Partial<Record<CounterName, number>>);
  return { counts, days: items.length };
};

export const readSettings = async (): Promise<Partial<SurveySettings> | undefined> => {
  const { Item } = await translateSdkErrors('读取回访设置', () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: settingsKey })),
  );
  if (!Item) return undefined;
  const { reminderAfterDays, expiryDays, maxCallAttempts } = Item;
  return { reminderAfterDays, expiryDays, maxCallAttempts } as SurveySettings;
};

export const writeSettings = async (settings: SurveySettings, by: string, at: string): Promise<void> => {
  await translateSdkErrors('保存回访设置', () =>
    dynamo().send(
      new PutCommand({
        TableName: tableName('main'),
        Item: { ...settingsKey, type: 'settings', ...settings, updatedBy: by, updatedAt: at },
      }),
    ),
  );
};
