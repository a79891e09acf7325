/**
 * The schedule that settles help plans: a crash between publishing a D grade and storing its help plan's case (the
 * case's transaction made to fail once) leaves the plan `opening` on the firm; the scheduled run stores the case under
 * the id fixed at publication and marks the plan open, leaves alone a firm changed within the grace period, and a
 * second run finds nothing to do.
 */
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { SettleReport } from '#grading/services/help-plans.ts';
import { admin, aNewEnterprise, call, makeUscc, register } from '../../enterprises/support/enterprises.ts';
import { seedDirectory } from '../../support/directory.ts';
import { bodyOf, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { enterprise, publish, supervisor } from '../support/assessments.ts';
import { exampleAnswers } from '../support/factories.ts';

const firm = makeUscc('50000011');
let aws: LocalAws;
let settle: unknown;

/** Fails the next transaction that stores a help plan's case, as a crash right after the grade's own would. */
const crashNextHelpPlanCase = () => {
  const send = DynamoDBDocumentClient.prototype.send;
  const spy = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
  spy.mockImplementation(function (this: DynamoDBDocumentClient, ...args: Parameters<typeof send>) {
    const [command] = args;
    if (command instanceof TransactWriteCommand && JSON.stringify(command.input).includes('"kind":"help-plan"')) {
      spy.mockRestore();
      return Promise.reject(new Error('crashed before the help plan’s case was stored'));
    }
    return send.apply(this, args);
  } as typeof send);
};

const run = async (scheduledTime: Date) =>
  (await invoke(settle, {
    schedule: 'help-plan-settle',
    scheduledTime: scheduledTime.toISOString(),
  })) as SettleReport;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  ({ handler: settle } = await import('../../../functions/grading/settle-help-plans.ts'));
  const response = await register(aNewEnterprise({ uscc: firm, name: '帮扶补全测试企业' }), admin);
  expect(response.statusCode, response.body).toBe(201);
});
afterAll(() => aws?.stop());

describe('settling help plans on a schedule', () => {
  it('stores the case of a plan a crash left opening, once, after the grace period', async () => {
    // Prepare: a D grade published, its help plan's case not stored
    crashNextHelpPlanCase();
    await publish({ uscc: firm, industry: 'industrial-coating', values: exampleAnswers({ 'vocs-treatment': 'D' }) });
    const unsettled = await enterprise(firm);
    expect(unsettled.helpPlan?.state).toBe('opening');
    const caseId = unsettled.helpPlan?.caseId ?? '';
    const readCase = () => call('GET', '/v1/cases/{id}', { principal: supervisor, pathParameters: { id: caseId } });
    expect((await readCase()).statusCode).toBe(404);

    // Act
    const early = await run(new Date());
    const settled = await run(new Date(Date.now() + 5 * 60_000));
    const again = await run(new Date(Date.now() + 10 * 60_000));

    // Assess: left alone within the grace period, then settled once
    expect(early).toEqual({ found: 1, settled: 0, recent: 1, failed: [] });
    expect(settled).toEqual({ found: 1, settled: 1, recent: 0, failed: [] });
    expect(again).toEqual({ found: 0, settled: 0, recent: 0, failed: [] });
    expect((await enterprise(firm)).helpPlan).toMatchObject({ state: 'open', caseId });
    const stored = await readCase();
    expect(stored.statusCode, stored.body).toBe(200);
    expect(bodyOf<CaseView>(stored)).toMatchObject({ kind: 'help-plan', helpPlan: { uscc: firm, grade: 'D' } });
  });
});
