import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Case, type CaseKind, type CaseState, caseStates, type Extension } from '#cases/domain/case.ts';
import {
  type ActionContext,
  type ActionName,
  actionInputSchemas,
  actionNames,
  allowedActions,
  performAction,
} from '#cases/domain/workflow.ts';
import { casePolicy } from '#deadlines/domain/deadlines.ts';
import { ConflictError, ForbiddenError } from '#platform/domain/errors.ts';
import { type OfficialRole, officialRoles, type Principal } from '#platform/domain/principal.ts';
import { aCase, aProblemDetails, closeOutBefore, demoAssignment, unitOf, userOf } from '../../support/cases.ts';
import { aPrincipal } from '../../support/factories.ts';
import { timeContext } from '../../support/time.ts';

const now = new Date('2026-11-24T02:00:00Z');
const time = timeContext();
const kinds: readonly CaseKind[] = ['complaint', 'rectification', 'task', 'help-plan'];
const masterId = '01KMASTERAAAAAAAAAAAAAAAAA';

/** A valid body for each action: whatever refuses it then is the case, the caller or the time, not the input. */
const inputs: Record<ActionName, Record<string, unknown>> = {
  accept: {},
  reject: { reason: '不属于生态环境部门职责' },
  merge: { masterCaseId: masterId },
  assign: { departmentId: 'east-enforcement', responsibleUsername: 'handler', leadUsername: 'lead' },
  sign: {},
  return: { reasonCode: 'not-our-remit', reason: '属于住建部门职责' },
  'submit-result': { result: '现场检查，责令整改夜间施工。', publicReply: '已责令企业停止夜间作业。' },
  'approve-result': {},
  'send-back': { reason: '未附现场照片' },
  'request-extension': { days: 1, reason: '需第三方监测' },
  'approve-extension': {},
  'refuse-extension': { reason: '期限充足' },
  'request-review': { reason: '投诉人不满意' },
  rehandle: { reason: '噪声仍然存在' },
  'confirm-result': { reason: '经核实已整改到位' },
  'apply-close-out': { result: '已完成提标改造。', evidence: [{ attachmentId: '01KAAAAAAAAAAAAAAAAAAAAAAA' }] },
  'check-on-site': { date: '2026-11-23', inspectors: '张三', findings: '已整改到位', passed: true },
  'sign-off': {},
  publish: {},
  'strike-off': {},
  'look-back': { outcome: 'rebounded', findings: '问题反弹' },
};

const evidence = {
  attachmentId: '01KAAAAAAAAAAAAAAAAAAAAAAA',
  fileName: '整改后.jpg',
  contentType: 'image/jpeg',
  size: 10,
  key: 'attachments/01KAAAAAAAAAAAAAAAAAAAAAAA',
} as const;

/** A problem's fields at each point of its close-out (none: a rectification case registered before they existed). */
const problemStages = [
  undefined,
  aProblemDetails(),
  ...(['check-on-site', 'sign-off', 'publish', 'strike-off', 'look-back'] as const).map((action) =>
    aProblemDetails({ closeOut: closeOutBefore(action) }),
  ),
  aProblemDetails({
    closeOut: closeOutBefore('look-back'),
    lookBacks: [{ dueDate: '2027-05-24', scheduledAt: '2026-11-24T02:00:00.000Z' }],
  }),
];

/** What the store would have looked up for a valid input: an open master of the same kind, the demo assignment. */
const contextFor = (item: Case): ActionContext => ({
  now,
  eventId: () => 'evt',
  department: unitOf('east-enforcement'),
  responsible: userOf('handler'),
  lead: userOf('lead'),
  master: aCase({ id: masterId, number: 'GL-2026-000000', kind: item.kind, state: 'accepted' }),
  time,
  evidence: [evidence],
});

/** Whether performing `action` with its valid input is refused for the caller, the case's state or its limits. */
const refused = (item: Case, action: ActionName, principal: Principal): boolean => {
  try {
    performAction(item, action, actionInputSchemas[action].parse(inputs[action]) as never, principal, contextFor(item));
    return false;
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof ConflictError) return true;
    throw error;
  }
};

/** One principal per role in each unit a case's actors live in, and one outside every case. */
const principals: Principal[] = officialRoles.flatMap((role: OfficialRole) =>
  ['city', 'city-petition', 'east', 'east-enforcement', 'east-solid-waste', 'west'].map((unitId) =>
    aPrincipal(role, unitId),
  ),
);

const extension = (status: Extension['status']): Extension => ({
  status,
  days: 5,
  reason: '需监测',
  requestedAt: '2026-11-22T01:00:00.000Z',
  requestedBy: 'handler',
});

const finishClock = (dueAt: string) => ({
  startedAt: '2026-11-01T00:00:00.000Z',
  dueAt,
  dueDate: dueAt.slice(0, 10),
  warnFrom: '2026-11-20T16:00:00.000Z',
});

/** Cases of every kind and state, with and without an assignment, extensions, returns, duplicates and deadlines. */
const cases = fc
  .record({
    kind: fc.constantFrom(...kinds),
    state: fc.constantFrom(...caseStates),
    assigned: fc.boolean(),
    returnCount: fc.integer({ min: 0, max: 4 }),
    extensions: fc.array(fc.constantFrom<Extension['status']>('requested', 'approved', 'refused'), { maxLength: 3 }),
    mergedCases: fc.constantFrom([], ['01KHELDAAAAAAAAAAAAAAAAAAA']),
    finishDue: fc.constantFrom(undefined, '2026-11-20T15:59:59.999Z', '2026-12-31T15:59:59.999Z'),
    problem: fc.constantFrom(...problemStages),
  })
  .map(({ kind, state, assigned, returnCount, extensions, mergedCases, finishDue, problem }) => {
    const base = aCase({
      kind,
      state,
      returnCount,
      mergedCases,
      extensions: extensions.map(extension),
      ...(assigned ? { assignment: demoAssignment } : {}),
      ...(kind === 'complaint' ? {} : { complaint: undefined }),
      ...(kind === 'rectification' && problem ? { rectification: problem } : {}),
    });
    if (!finishDue) return base;
    const policy = casePolicy(base, time);
    return {
      ...base,
      timeLimits: {
        policyId: policy.id,
        policyVersion: time.policySet.version,
        clocks: { finish: finishClock(finishDue) },
      },
    };
  });

describe('allowedActions', () => {
  it('lists an action exactly when performing it with a valid input is neither forbidden nor in conflict', () => {
    fc.assert(
      fc.property(cases, fc.constantFrom(...principals), (item, principal) => {
        const allowed = allowedActions(item, principal, { now, time });
        for (const action of actionNames) {
          expect(allowed.includes(action), `${item.kind} ${item.state} ${action} by ${principal.roles[0]}`).toBe(
            !refused(item, action, principal),
          );
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with performAction for every action × state × role on a plain case of each kind', () => {
    for (const kind of kinds) {
      for (const state of caseStates as readonly CaseState[]) {
        const item = aCase({
          kind,
          state,
          ...(state === 'registered' || state === 'accepted' ? {} : { assignment: demoAssignment }),
        });
        for (const principal of principals) {
          const allowed = allowedActions(item, principal, { now, time });
          for (const action of actionNames) expect(allowed.includes(action)).toBe(!refused(item, action, principal));
        }
      }
    }
  });

  it('offers the petition office a new complaint’s first decisions, and nothing to anyone else', () => {
    const item = aCase();

    expect(allowedActions(item, aPrincipal('dispatcher', 'city-petition'), { now, time })).toEqual([
      'accept',
      'reject',
      'merge',
    ]);
    expect(allowedActions(item, aPrincipal('handler', 'east-enforcement'), { now, time })).toEqual([]);
    expect(allowedActions(item, aPrincipal('dispatcher', 'west'), { now, time })).toEqual([]);
  });

  it('offers a decision on an extension only while one is pending, and a request only while none is', () => {
    const inProgress = aCase({ state: 'in-progress', assignment: demoAssignment });
    const pending = { ...inProgress, extensions: [extension('requested')] };
    const lead = aPrincipal('lead', 'east');
    const handler = aPrincipal('handler', 'east-enforcement');

    expect(allowedActions(inProgress, lead, { now, time })).toEqual([]);
    expect(allowedActions(pending, lead, { now, time })).toEqual(['approve-extension', 'refuse-extension']);
    expect(allowedActions(inProgress, handler, { now, time })).toEqual(['submit-result', 'request-extension']);
    expect(allowedActions(pending, handler, { now, time })).toEqual(['submit-result']);
  });

  it('stops offering a return once the policy’s returns are used up', () => {
    const handler = aPrincipal('handler', 'east-enforcement');
    const assigned = (returnCount: number) => aCase({ state: 'assigned', assignment: demoAssignment, returnCount });

    expect(allowedActions(assigned(2), handler, { now, time })).toContain('return');
    expect(allowedActions(assigned(3), handler, { now, time })).not.toContain('return');
  });
});
