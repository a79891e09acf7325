/**
 * Campaigns, their name claims and their listing entries, in the main table (keys: `./keys.ts`).
 *
 * Errors: a name another campaign of the unit holds is a CampaignNameTakenError, a campaign not there a
 * CampaignNotFoundError; anything else the SDK throws leaves as a PersistenceError naming the operation, with the
 * SDK's error as `cause`.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '#campaigns/domain/campaign.ts';
import type { WeekReport, WeekTally } from '#campaigns/domain/grid.ts';
import { type CampaignSummary, campaignSummary } from '#campaigns/domain/view.ts';
import type { IsoWeek } from '#campaigns/domain/weeks.ts';
import { tableName } from '#platform/config.ts';
import { dynamo, queryAll, withoutKeys } from '#platform/dynamodb/client.ts';
import { translateSdkErrors } from '#platform/dynamodb/errors.ts';
import { CampaignNameTakenError, CampaignNotFoundError } from './errors.ts';
import { campaignKey, campaignPartition, listKey, listPartition, nameClaimKey } from './keys.ts';
import { reportOf } from './progress-notes.ts';

const conditionFailedAt = (error: unknown): number | undefined => {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const index = (error.CancellationReasons ?? []).findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
  return index >= 0 ? index : undefined;
};

/** The campaign holding a unit's name, if any. */
export const getNameClaim = async (unitId: string, name: string): Promise<string | undefined> => {
  const { Item } = await translateSdkErrors(`读取专项行动名称“${name}”`, () =>
    dynamo().send(
      new GetCommand({ TableName: tableName('main'), Key: nameClaimKey(unitId, name), ConsistentRead: true }),
    ),
  );
  return Item?.campaignId as string | undefined;
};

/**
 * Stores a new campaign, `creating`, with the claim of its name in its unit, in one transaction.
 *
 * @throws CampaignNameTakenError when the unit has a campaign of the name (it names that campaign).
 */
export const startCampaign = async (campaign: Campaign): Promise<void> => {
  const table = tableName('main');
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { ...nameClaimKey(campaign.unitId, campaign.name), type: 'campaign-name', campaignId: campaign.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table,
              Item: { ...campaignKey(campaign.id), type: 'campaign', ...campaign },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (conditionFailedAt(error) === 0) {
      const holder = await getNameClaim(campaign.unitId, campaign.name);
      throw new CampaignNameTakenError(holder ?? '', `本单位已有名为“${campaign.name}”的专项行动`, { cause: error });
    }
    await translateSdkErrors('保存专项行动', () => Promise.reject(error));
  }
};

/**
 * A campaign, whatever its status.
 *
 * @throws CampaignNotFoundError when there is none of that id.
 */
export const getCampaign = async (id: string): Promise<Campaign> => {
  const { Item } = await translateSdkErrors(`读取专项行动 ${id}`, () =>
    dynamo().send(new GetCommand({ TableName: tableName('main'), Key: campaignKey(id), ConsistentRead: true })),
  );
  if (!Item) throw new CampaignNotFoundError(`专项行动 ${id} 不存在`);
  return withoutKeys<Campaign>(Item);
};

/**
 * Marks a campaign ready and lists it, in one transaction. Answers false when it was ready already (another attempt
 * finished it first).
 */
export const markCampaignReady = async (campaign: Campaign, readyAt: string): Promise<boolean> => {
  const table = tableName('main');
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: campaignKey(campaign.id),
              UpdateExpression: 'SET #status = :ready, readyAt = :at',
              ConditionExpression: '#status = :creating',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':ready': 'ready', ':creating': 'creating', ':at': readyAt },
            },
          },
          {
            Put: {
              TableName: table,
              Item: {
                ...listKey(campaign.createdAt, campaign.id),
                type: 'campaign-entry',
                ...campaignSummary(campaign),
                scopeUnitIds: campaign.scopeUnitIds,
              },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailedAt(error) === 0) return false;
    return translateSdkErrors('完成专项行动的创建', () => Promise.reject(error));
  }
};

/** A listed campaign, with the units that may see it. */
export type CampaignEntry = CampaignSummary & { readonly scopeUnitIds: readonly string[] };

/** Every ready campaign, newest first (one partition: a bureau runs a handful a year). */
export const listCampaignEntries = async (): Promise<CampaignEntry[]> => {
  const items = await translateSdkErrors('读取专项行动列表', () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': listPartition },
      ScanIndexForward: false,
    }),
  );
  return items.map((item) => withoutKeys<CampaignEntry>(item));
};

/** Everything the campaign page needs of the campaign's own partition. */
export interface CampaignPartition {
  readonly campaign: Campaign;
  /** Numbers of the tasks whose cases are stored. */
  readonly storedTasks: readonly number[];
  readonly reports: readonly WeekReport[];
  readonly tallies: readonly WeekTally[];
}

/**
 * The campaign, its stored tasks, its week reports and tallies: one Query of its partition (bounded by the campaign's
 * size), strongly consistent so that a page read after a note shows it.
 *
 * @throws CampaignNotFoundError when there is no campaign of that id.
 */
export const readCampaignPartition = async (id: string): Promise<CampaignPartition> => {
  const items = await translateSdkErrors(`读取专项行动 ${id}`, () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': campaignPartition(id) },
      ConsistentRead: true,
    }),
  );
  const campaignItem = items.find((item) => item.sk === 'CAMPAIGN');
  if (!campaignItem) throw new CampaignNotFoundError(`专项行动 ${id} 不存在`);
  const of = (prefix: string) => items.filter((item) => String(item.sk).startsWith(prefix));
  return {
    campaign: withoutKeys<Campaign>(campaignItem),
    storedTasks: of('TASK#').map((item) => Number(item.number)),
    reports: of('REPORT#').map(reportOf),
    tallies: of('TALLY#').map((item) => ({
      week: item.week as IsoWeek,
      filed: Number(item.filed ?? 0),
      filedLate: Number(item.filedLate ?? 0),
    })),
  };
};

/** Numbers of the tasks whose cases are stored (strongly consistent: a retry must see what the last attempt stored). */
export const storedTaskNumbers = async (id: string): Promise<number[]> => {
  const items = await translateSdkErrors(`读取专项行动 ${id} 的任务`, () =>
    queryAll({
      TableName: tableName('main'),
      KeyConditionExpression: 'pk = :pk and begins_with(sk, :task)',
      ExpressionAttributeValues: { ':pk': campaignPartition(id), ':task': 'TASK#' },
      ConsistentRead: true,
    }),
  );
  return items.map((item) => Number(item.number));
};
