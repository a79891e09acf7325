/**
 * The counters through the real stores: random sequences of intake, actions and clock moves (with the nightly check)
 * run against DynamoDB Local through the handlers, and after every step reconciliation — a recount from every case in
 * the table — finds each counter equal to it. Refused actions are part of the mix: they must change nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '#cases/domain/case-view.ts';
import type { ActionName } from '#cases/domain/workflow/actions.ts';
import { setNow } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, bodyOf } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { reconcileThroughApi } from '../support/reconciliation.ts';

let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
});
afterAll(async () => {
  setNow(null);
  await aws?.stop();
});

const api = apiClient();
const reason = { reason: '按规定处理，理由见附件。' };

/** The actions a case may take next in each state, with who takes them and what they send. */
const nextActions: Readonly<Record<string, readonly [ActionName, Principal, (other: string) => unknown][]>> = {
  registered: [
    ['accept', demo.dispatcher, () => ({})],
    ['reject', demo.dispatcher, () => reason],
    ['merge', demo.dispatcher, (other) => ({ masterCaseId: other })],
  ],
  accepted: [['assign', demo.dispatcher, () => demoAssignmentInput]],
  returned: [['assign', demo.dispatcher, () => demoAssignmentInput]],
  assigned: [
    ['sign', demo.handler, () => ({})],
    ['return', demo.handler, () => ({ reasonCode: 'not-our-remit', ...reason })],
    ['request-extension', demo.handler, () => ({ days: 5, ...reason })],
    ['approve-extension', demo.lead, () => ({})],
  ],
  'in-progress': [
    ['submit-result', demo.handler, () => ({ result: '已现场核查并责令整改。', publicReply: '经核查，已责令整改。' })],
    ['request-extension', demo.handler, () => ({ days: 5, ...reason })],
    ['approve-extension', demo.lead, () => ({})],
    ['refuse-extension', demo.lead, () => reason],
  ],
  'result-submitted': [
    ['approve-result', demo.lead, () => ({})],
    ['send-back', demo.lead, () => reason],
  ],
  closed: [['request-review', demo.dispatcher, () => reason]],
  'review-requested': [
    ['rehandle', demo.lead, () => reason],
    ['confirm-result', demo.lead, () => reason],
  ],
};

const step = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('intake' as const),
      channel: fc.constantFrom('hotline', 'letter', 'web'),
      category: fc.constantFrom('noise', 'air', 'water'),
    }),
  },
  {
    weight: 6,
    // Mostly the first choice (on towards closing), so that runs reach the later states.
    arbitrary: fc.record({
      type: fc.constant('act' as const),
      target: fc.nat(),
      choice: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat() }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('clock' as const), days: fc.integer({ min: 1, max: 45 }) }) },
);

describe('the counters kept with every change (through the stores)', () => {
  it('equal a recount from the cases after every step of random intake, actions and clock moves', async () => {
    const { runNightlyCheck } = await import('#deadlines/services/nightly-check.ts');

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 16 }), async (steps) => {
        let clock = new Date('2026-03-02T02:00:00.000Z');
        setNow(clock);
        const ids: string[] = [];
        for (const next of steps) {
          if (next.type === 'intake') {
            const created = await api.submit(aComplaint({ channel: next.channel, category: next.category }));
            ids.push(created.id);
          } else if (next.type === 'clock') {
            clock = new Date(clock.getTime() + next.days * 86_400_000);
            setNow(clock);
            await runNightlyCheck(clock);
          } else if (ids.length > 0) {
            const id = ids[next.target % ids.length] as string;
            const other = ids[(next.target + 1) % ids.length] as string;
            const { state } = bodyOf<CaseView>(await api.read(id));
            const choices = nextActions[state] ?? [];
            const chosen = choices[next.choice % Math.max(choices.length, 1)];
            // Refused actions (a merge into itself, an extension nobody asked for) belong in the mix.
            if (chosen) await api.act(id, chosen[0], chosen[1], chosen[2](other));
          }
          const { differences } = await reconcileThroughApi({}, demo.supervisor);
          expect(differences, JSON.stringify(next)).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
  }, 180_000);
});
