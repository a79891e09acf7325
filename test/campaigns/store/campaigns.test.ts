import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '#campaigns/domain/campaign.ts';
import type { ProgressNote } from '#campaigns/domain/progress.ts';
import { defaultReportingPolicy } from '#campaigns/domain/reporting.ts';
import {
  getCampaign,
  getNameClaim,
  listCampaignEntries,
  markCampaignReady,
  readCampaignPartition,
  startCampaign,
  storedTaskNumbers,
} from '#campaigns/store/campaigns.ts';
import { CampaignNameTakenError, CampaignWriteConflictError } from '#campaigns/store/errors.ts';
import { campaignKey, noteKey, reportKey, taskKey } from '#campaigns/store/keys.ts';
import { getWeekReport, listNotes, storeNote } from '#campaigns/store/progress-notes.ts';
import { expectThrottlingNamed, mockDynamo, rejectionOf } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('campaigns-store-test');

const campaign: Campaign = {
  id: '01KCAMPA1GNAAAAAAAAAAAAAAA',
  name: '专项行动',
  status: 'creating',
  phases: [{ name: '重点推进阶段', from: '2014-05-01', to: '2014-06-20' }],
  period: { from: '2014-05-01', to: '2014-06-20' },
  leadingGroup: { leaders: [], deputies: [], members: [] },
  reporting: defaultReportingPolicy,
  unitId: 'ly-office',
  unitPath: ['liyang', 'ly-office'],
  scopeUnitIds: ['liyang', 'ly-office'],
  tasks: [],
  createdAt: '2014-04-21T01:00:00.000Z',
  createdBy: 'ly-dispatcher',
  requestHash: 'hash',
};

const note: ProgressNote = {
  id: '01KN0TEAAAAAAAAAAAAAAAAAAA',
  campaignId: campaign.id,
  week: '2014-W18',
  taskNumber: 7,
  caseId: '01KCASEAAAAAAAAAAAAAAAAAAA',
  note: '本周进展',
  filedAt: '2014-05-02T01:00:00.000Z',
  filedBy: 'xuefeng',
  late: false,
  first: true,
};

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('the campaigns store', () => {
  it.each([
    ['startCampaign', () => startCampaign(campaign)],
    ['getCampaign', () => getCampaign(campaign.id)],
    ['getNameClaim', () => getNameClaim('ly-office', '专项行动')],
    ['markCampaignReady', () => markCampaignReady(campaign, '2014-04-21T01:00:01.000Z')],
    ['listCampaignEntries', () => listCampaignEntries()],
    ['readCampaignPartition', () => readCampaignPartition(campaign.id)],
    ['storedTaskNumbers', () => storedTaskNumbers(campaign.id)],
    ['getWeekReport', () => getWeekReport(campaign.id, '2014-W18', 7)],
    ['storeNote', () => storeNote(note, '2014-05-02')],
    ['listNotes', () => listNotes(campaign.id, { week: '2014-W18' })],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );

  it('names a name another campaign of the unit holds a CampaignNameTakenError, with that campaign', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    dynamo.on(GetCommand).resolves({ Item: { campaignId: 'OTHER' } });

    const error = await rejectionOf(startCampaign(campaign));

    expect(error).toBeInstanceOf(CampaignNameTakenError);
    expect(error).toMatchObject({ campaignId: 'OTHER', message: '本单位已有名为“专项行动”的专项行动' });
  });

  it('answers false when another attempt made the campaign ready first', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));

    expect(await markCampaignReady(campaign, '2014-04-21T01:00:01.000Z')).toBe(false);
  });

  it('names a week report created or changed by another note a CampaignWriteConflictError', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed', 'None'));

    expect(await rejectionOf(storeNote(note, '2014-05-02'))).toBeInstanceOf(CampaignWriteConflictError);
  });

  it('writes a first note with its week report and the week’s counters, a later one adding to the report', async () => {
    dynamo.on(TransactWriteCommand).resolves({});

    await storeNote(note, '2014-05-02');
    await storeNote({ ...note, id: '01KN0TEBBBBBBBBBBBBBBBBBBB', first: false, late: true }, '2014-05-06');

    const [first, later] = dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems);
    expect(first?.map((item) => Object.keys(item)[0])).toEqual(['Put', 'Put', 'Update']);
    expect(first?.[2]?.Update?.ExpressionAttributeValues).toMatchObject({ ':one': 1, ':late': 0 });
    expect(later?.map((item) => Object.keys(item)[0])).toEqual(['Put', 'Update']);
    expect(later?.[1]?.Update?.UpdateExpression).toBe('ADD notes :one');
  });
});

describe('campaign keys', () => {
  it('keep a campaign, its tasks and week reports in one partition, notes in their own by week and task', () => {
    expect(campaignKey('C')).toEqual({ pk: 'CAMPAIGN#C', sk: 'CAMPAIGN' });
    expect(taskKey('C', 7)).toEqual({ pk: 'CAMPAIGN#C', sk: 'TASK#007' });
    expect(reportKey('C', '2014-W18', 7)).toEqual({ pk: 'CAMPAIGN#C', sk: 'REPORT#2014-W18#007' });
    expect(noteKey('C', '2014-W18', 7, 'N')).toEqual({ pk: 'CAMPAIGN#C#NOTES', sk: '2014-W18#007#N' });
  });
});
