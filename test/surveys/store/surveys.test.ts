import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { answerSurvey, createSurvey, defaultSurveySettings, type Survey } from '#surveys/domain/survey.ts';
import { SurveyConflictError } from '#surveys/store/errors.ts';
import {
  addToken,
  findSurvey,
  findSurveyIdByToken,
  listCalls,
  listCaseSurveys,
  listDueSurveys,
  listSurveysClosedInMonth,
  readSettings,
  saveSurvey,
  sumCounters,
  surveyWrites,
  writeSettings,
} from '#surveys/store/surveys.ts';
import { expectThrottlingNamed, mockDynamo, rejectionOf } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('surveys-store-test');

const at = new Date('2026-11-27T02:00:00.000Z');
const phoneSurvey: Survey = createSurvey({
  id: 'S1',
  caseId: 'C1',
  resultCaseId: 'C1',
  unitPath: ['city', 'east', 'east-enforcement'],
  intakePath: ['city', 'city-petition'],
  closedAt: at.toISOString(),
  closedDate: '2026-11-27',
  contact: { phone: '13812345678' },
  subject: { caseNumber: 'GL-2026-000001', category: 'noise', publicReply: '已处理。' },
  callDueDate: '2026-11-30',
  now: at,
  settings: defaultSurveySettings,
});

describe('the surveys store', () => {
  it.each([
    ['saveSurvey', () => saveSurvey(undefined, phoneSurvey)],
    ['addToken', () => addToken(phoneSurvey, 'hash')],
    ['findSurvey', () => findSurvey('S1')],
    ['findSurveyIdByToken', () => findSurveyIdByToken('hash')],
    ['listCaseSurveys', () => listCaseSurveys('C1')],
    ['listCalls', () => listCalls('city', '2026-11-30')],
    ['listDueSurveys', () => listDueSurveys(at)],
    ['listSurveysClosedInMonth', () => listSurveysClosedInMonth('2026-11')],
    ['sumCounters', () => sumCounters('city', '2026-11-01', '2026-11-30')],
    ['readSettings', () => readSettings()],
    ['writeSettings', () => writeSettings(defaultSurveySettings, 'admin', at.toISOString())],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );

  it('names a failed condition (someone else saved the survey first) a SurveyConflictError', async () => {
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
      }),
    );
    const error = await rejectionOf(saveSurvey(undefined, phoneSurvey));
    expect(error).toBeInstanceOf(SurveyConflictError);
  });

  it('writes a new phone survey with its counters on each unit of the path and a call entry per intake unit', () => {
    const items = surveyWrites(undefined, phoneSurvey, { linkedCases: ['C1', 'C1'] });
    const kinds = items.map((item) => Object.keys(item)[0]);
    expect(kinds).toEqual(['Put', 'Update', 'Update', 'Update', 'Put', 'Put', 'Put']);
    expect(JSON.stringify(items)).toContain('CALLS#city-petition');
  });

  it('on an answer moves the counters and removes the call entries, and nothing else', () => {
    const answered = answerSurvey(
      phoneSurvey,
      { satisfaction: 'satisfied' },
      { username: 'operator', via: 'phone' },
      at,
    );
    const items = surveyWrites(phoneSurvey, answered);
    expect(items.map((item) => Object.keys(item)[0])).toEqual([
      'Put',
      'Update',
      'Update',
      'Update',
      'Delete',
      'Delete',
    ]);
    const update = items[1] as { Update: { ExpressionAttributeValues: Record<string, number> } };
    expect(Object.values(update.Update.ExpressionAttributeValues).sort()).toEqual([-1, 1]);
  });
});
