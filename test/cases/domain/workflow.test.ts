import { describe, expect, it } from 'vitest';
import type { Case, CaseKind, CaseState } from '#cases/domain/case.ts';
import {
  type ActionContext,
  type ActionName,
  actionInputSchemas,
  actionNames,
  actionRules,
  actionRulesFor,
  performAction,
} from '#cases/domain/workflow.ts';
import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import { initialPolicySet, type PolicySet, type TimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { OfficialRole } from '#platform/domain/principal.ts';
import { aCase, aProblemDetails, closeOutBefore, demoAssignment, unitOf, userOf } from '../../support/cases.ts';
import { aPrincipal } from '../../support/factories.ts';
import { timeContext } from '../../support/time.ts';

const now = new Date('2026-11-24T02:00:00Z');
let counter = 0;
const evidence = {
  attachmentId: '01KAAAAAAAAAAAAAAAAAAAAAAA',
  fileName: '整改后现场.jpg',
  contentType: 'image/jpeg',
  size: 2048,
  key: 'attachments/01KAAAAAAAAAAAAAAAAAAAAAAA',
} as const;
const context = (extra: Partial<ActionContext> = {}): ActionContext => ({
  now,
  eventId: () => `evt-${++counter}`,
  department: unitOf('east-enforcement'),
  responsible: userOf('handler'),
  lead: userOf('lead'),
  master: aCase({ id: '01KMASTERAAAAAAAAAAAAAAAAA', number: 'GL-2026-000000', state: 'accepted' }),
  time: timeContext(),
  evidence: [evidence],
  ...extra,
});

/** A valid body for each action. */
const inputs: Record<ActionName, Record<string, unknown>> = {
  accept: {},
  reject: { reason: '不属于生态环境部门职责' },
  merge: { masterCaseId: '01KMASTERAAAAAAAAAAAAAAAAA' },
  assign: { departmentId: 'east-enforcement', responsibleUsername: 'handler', leadUsername: 'lead' },
  sign: {},
  return: { reasonCode: 'not-our-remit', reason: '属于住建部门职责' },
  'submit-result': { result: '现场检查，责令整改夜间施工。', publicReply: '已责令企业停止夜间作业。' },
  'approve-result': {},
  'send-back': { reason: '未附现场照片' },
  'request-extension': { days: 15, reason: '需第三方监测' },
  'approve-extension': {},
  'refuse-extension': { reason: '期限充足' },
  'request-review': { reason: '投诉人不满意' },
  rehandle: { reason: '噪声仍然存在' },
  'confirm-result': { reason: '经核实已整改到位' },
  'apply-close-out': { result: '已完成提标改造，在线监测达标。', evidence: [{ attachmentId: evidence.attachmentId }] },
  'check-on-site': { date: '2026-11-23', inspectors: '张三、李四', findings: '现场已整改到位', passed: true },
  'sign-off': {},
  publish: { where: '区政府网站' },
  'strike-off': {},
  'look-back': { outcome: 'confirmed', findings: '未发现反弹' },
};

/** The actions only a rectification problem has: its close-out (销号) and look-back (回头看). */
const closeOutActions: readonly ActionName[] = [
  'apply-close-out',
  'check-on-site',
  'sign-off',
  'publish',
  'strike-off',
  'look-back',
];

/** A rectification problem as it stands when each of its close-out actions is allowed. */
const problemFor = (action: ActionName) =>
  aCase({
    kind: 'rectification',
    complaint: undefined,
    state: actionRules[action].from[0] as CaseState,
    assignment: demoAssignment,
    rectification: aProblemDetails({
      ...(action === 'apply-close-out' ? {} : { closeOut: closeOutBefore(action) }),
      ...(action === 'look-back' ? { lookBacks: [{ dueDate: '2027-05-24', scheduledAt: now.toISOString() }] } : {}),
    }),
  });

/** The case as it stands when each action is allowed. */
const caseFor = (action: ActionName) => {
  if (closeOutActions.includes(action)) return problemFor(action);
  const state = actionRules[action].from[0] as CaseState;
  const assigned = !['registered', 'accepted'].includes(state);
  const pending = ['approve-extension', 'refuse-extension'].includes(action);
  return aCase({
    state,
    ...(assigned ? { assignment: demoAssignment } : {}),
    ...(pending
      ? {
          extensions: [
            { status: 'requested', days: 10, reason: '需监测', requestedAt: now.toISOString(), requestedBy: 'handler' },
          ],
        }
      : {}),
  });
};

const act = (
  action: ActionName,
  principal = aPrincipal('dispatcher', 'city-petition'),
  item = caseFor(action),
  extra: Partial<ActionContext> = {},
) => performAction(item, action, actionInputSchemas[action].parse(inputs[action]) as never, principal, context(extra));

const requestExtension = (item: Case, days: number, extra: Partial<ActionContext> = {}) =>
  performAction(
    item,
    'request-extension',
    { days, reason: '需第三方监测' },
    aPrincipal('handler', 'east-enforcement'),
    context(extra),
  );

/** Every demo user: role, unit — in scope or not depends on the action. */
const everyone: ReadonlyArray<readonly [OfficialRole, string, string]> = [
  ['operator', 'city-petition', 'operator'],
  ['dispatcher', 'city-petition', 'dispatcher'],
  ['handler', 'east-enforcement', 'handler'],
  ['handler', 'east-solid-waste', 'handler2'],
  ['lead', 'east', 'lead'],
  ['lead', 'west', 'lead-west'],
  ['supervisor', 'city', 'supervisor'],
  ['admin', 'city', 'admin'],
  ['dispatcher', 'west', 'dispatcher-west'],
  ['hotline-system', 'city-petition', 'hotline'],
];

/** Who may perform each action on the demo case: role and unit. */
const allowed: Record<ActionName, ReadonlyArray<string>> = {
  accept: ['dispatcher'],
  reject: ['dispatcher'],
  merge: ['dispatcher'],
  assign: ['dispatcher'],
  sign: ['handler'],
  return: ['handler'],
  'submit-result': ['handler'],
  'approve-result': ['lead'],
  'send-back': ['lead'],
  'request-extension': ['handler'],
  'approve-extension': ['lead'],
  'refuse-extension': ['lead'],
  'request-review': ['operator', 'dispatcher'],
  rehandle: ['lead'],
  'confirm-result': ['lead'],
  'apply-close-out': ['handler'],
  'check-on-site': ['dispatcher'],
  'sign-off': ['lead'],
  publish: ['dispatcher'],
  'strike-off': ['dispatcher'],
  'look-back': ['dispatcher'],
};

describe('authorisation matrix: every role × every action, in and out of scope', () => {
  for (const action of actionNames) {
    for (const [role, unit, username] of everyone) {
      const permitted = allowed[action].includes(username);
      it(`${action} by ${username} (${role} at ${unit}) is ${permitted ? 'allowed' : 'refused with 403'}`, () => {
        const principal = aPrincipal(role, unit, username);
        if (permitted) expect(act(action, principal).changes[0]?.after.version).toBe(2);
        else expect(() => act(action, principal)).toThrow(ForbiddenError);
      });
    }
  }
});

const actor: Record<ActionName, ReturnType<typeof aPrincipal>> = Object.fromEntries(
  actionNames.map((action) => {
    const username = allowed[action][0] as string;
    const [role, unit] = everyone.find(([, , name]) => name === username) ?? [];
    return [action, aPrincipal(role as OfficialRole, unit as string, username)];
  }),
) as never;

describe('state rules', () => {
  it.each(actionNames)('%s in a state it does not apply to is refused with 409', (action) => {
    const wrongState = aCase({ state: 'rejected', assignment: demoAssignment });
    expect(() => act(action, actor[action], wrongState)).toThrow(ConflictError);
  });

  it('refuses a stale version with 409 before anything else changes', () => {
    const item = caseFor('accept');
    expect(() => performAction(item, 'accept', { version: 7 }, actor.accept, context())).toThrow(/当前版本 1/);
  });

  it('walks a complaint from registered to closed, one history entry per step', () => {
    let item = aCase();
    const steps: ActionName[] = ['accept', 'assign', 'sign', 'submit-result', 'approve-result'];
    for (const action of steps) {
      const input = actionInputSchemas[action].parse(inputs[action]);
      const transition = performAction(item, action, input as never, actor[action], context());
      item = transition.changes[0]?.after ?? item;
      expect(transition.changes[0]?.history).toMatchObject({ sequence: item.historyLength, action });
    }
    expect(item).toMatchObject({ state: 'closed', version: 6, historyLength: 6, closedAt: now.toISOString() });
    expect(item.result?.publicReply).toBe('已责令企业停止夜间作业。');
  });
});

describe('returns, extensions, merges and assignments', () => {
  it('allows 3 returns under the shipped policies, then refuses further round trips', () => {
    const item = aCase({ state: 'assigned', assignment: demoAssignment, returnCount: 3 });
    expect(() => act('return', actor.return, item)).toThrow(/达到上限/);
    const first = act('return', actor.return, aCase({ state: 'assigned', assignment: demoAssignment }));
    expect(first.changes[0]?.after).toMatchObject({ state: 'returned', returnCount: 1 });
  });

  it('allows a complaint one extension of at most 30 days under the shipped policies', () => {
    const inProgress = aCase({ state: 'in-progress', assignment: demoAssignment });
    expect(() => requestExtension(inProgress, 31)).toThrow(ValidationError);
    expect(requestExtension(inProgress, 30).changes[0]?.after.extensions).toHaveLength(1);
    const approved = aCase({
      state: 'in-progress',
      assignment: demoAssignment,
      extensions: [
        { status: 'approved', days: 10, reason: '监测', requestedAt: now.toISOString(), requestedBy: 'handler' },
      ],
    });
    expect(() => act('request-extension', actor['request-extension'], approved)).toThrow(/最多延期 1 次/);
  });

  it('records a decision on the pending extension', () => {
    const after = act('approve-extension', actor['approve-extension']).changes[0]?.after;
    expect(after?.extensions[0]).toMatchObject({ status: 'approved', decidedBy: 'lead' });
    expect(after?.state).toBe('assigned');
  });

  it('merges a duplicate into its master and records it on both', () => {
    const transition = act('merge');
    expect(transition.changes.map((change) => change.after.state)).toEqual(['merged', 'accepted']);
    expect(transition.changes[1]?.after.mergedCases).toEqual(['01KCASEAAAAAAAAAAAAAAAAAAA']);
    expect(transition.changes[1]?.history?.action).toBe('absorb-duplicate');
  });

  it('refuses a master that is closed, rejected or merged, and a duplicate that holds duplicates itself', () => {
    const master = (overrides: Partial<Case>) =>
      aCase({ id: '01KMASTERAAAAAAAAAAAAAAAAA', number: 'GL-2026-000000', ...overrides });
    const mergeInto = (into: Case, item = caseFor('merge')) => act('merge', actor.merge, item, { master: into });

    expect(() => mergeInto(master({ state: 'closed' }))).toThrow('主件 GL-2026-000000 已办结');
    expect(() => mergeInto(master({ state: 'rejected' }))).toThrow('主件 GL-2026-000000 已不予受理');
    expect(() => mergeInto(master({ state: 'merged', mergedInto: '01KOTHER' }))).toThrow('本身已合并到其他事项');
    expect(() => mergeInto(master({ state: 'registered' }), aCase({ mergedCases: ['01KHELD'] }))).toThrow(
      '本件已有 1 件重复件并入',
    );
    for (const state of ['registered', 'in-progress', 'review-requested'] as const) {
      const transition = mergeInto(master({ state }));
      expect(transition.changes[0]?.history?.changes).toMatchObject({ masterState: state });
    }
  });

  it('names each bad person or department of an assignment', () => {
    const item = caseFor('assign');
    const wrong = context({ department: unitOf('east'), responsible: userOf('handler2'), lead: userOf('supervisor') });
    try {
      performAction(item, 'assign', inputs.assign as never, actor.assign, wrong);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((problem) => problem.path)).toEqual([
        'departmentId',
        'responsibleUsername',
        'leadUsername',
      ]);
    }
  });
});

/** The shipped policies as version `version`, with `limits` changed in every policy. */
const versionWith = (version: number, limits: Partial<TimeLimitPolicy>): PolicySet => ({
  version,
  policies: initialPolicySet.policies.map((policy) => ({ ...policy, ...limits })),
});

/** Version 3 in force allowing `inForce`; the case started under version 2, which allowed `started`. */
const twoVersions = (started: Partial<TimeLimitPolicy>, inForce: Partial<TimeLimitPolicy>): Partial<ActionContext> => ({
  time: { ...timeContext(), policySet: versionWith(3, inForce), earlierPolicySets: [versionWith(2, started)] },
});

/** A hotline complaint whose deadlines came from version 2 of the policies. */
const startedUnderVersionTwo = (overrides: Partial<Case> = {}): Case =>
  aCase({
    state: 'in-progress',
    assignment: demoAssignment,
    timeLimits: { policyId: 'hotline', policyVersion: 2, clocks: {} },
    ...overrides,
  });

const fieldsOf = (thrown: () => unknown): string[] => {
  try {
    thrown();
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((problem) => problem.path);
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('limits come from the policy version the case started with', () => {
  it('refuses an extension longer than the case’s policy allows, naming `days`', () => {
    const limits = twoVersions({ maxExtensionDays: 5 }, { maxExtensionDays: 30 });

    expect(fieldsOf(() => requestExtension(startedUnderVersionTwo(), 25, limits))).toEqual(['days']);
    expect(requestExtension(startedUnderVersionTwo(), 5, limits).changes[0]?.after.extensions).toEqual([
      expect.objectContaining({ status: 'requested', days: 5 }),
    ]);
  });

  it('allows the longer extension of the case’s version when the version in force allows less', () => {
    const limits = twoVersions({ maxExtensionDays: 30 }, { maxExtensionDays: 5 });

    const after = requestExtension(startedUnderVersionTwo(), 25, limits).changes[0]?.after;

    expect(after?.extensions.map((extension) => extension.days)).toEqual([25]);
  });

  it('counts extensions against the case’s version, not counting refused ones', () => {
    const limits = twoVersions({ maxExtensions: 2 }, { maxExtensions: 1 });
    const extension = (status: 'approved' | 'refused') =>
      ({ status, days: 5, reason: '监测', requestedAt: now.toISOString(), requestedBy: 'handler' }) as const;

    const second = requestExtension(startedUnderVersionTwo({ extensions: [extension('approved')] }), 5, limits);
    const third = () =>
      requestExtension(
        startedUnderVersionTwo({ extensions: [extension('approved'), extension('refused'), extension('approved')] }),
        5,
        limits,
      );

    expect(second.changes[0]?.after.extensions).toHaveLength(2);
    expect(third).toThrow(/最多延期 2 次/);
  });

  it('refuses any extension when the case’s version allows none', () => {
    const limits = twoVersions({ maxExtensions: 0 }, { maxExtensions: 2 });
    expect(() => requestExtension(startedUnderVersionTwo(), 5, limits)).toThrow(ConflictError);
  });

  it('counts returns against the case’s version', () => {
    const limits = twoVersions({ maxReturns: 1 }, { maxReturns: 5 });
    const assigned = (returnCount: number) => startedUnderVersionTwo({ state: 'assigned', returnCount });

    expect(act('return', actor.return, assigned(0), limits).changes[0]?.after.returnCount).toBe(1);
    expect(() => act('return', actor.return, assigned(1), limits)).toThrow(/已退单 1 次，达到上限/);
  });

  it('uses the warning share of the case’s version for a clock it starts', () => {
    const limits = twoVersions(
      { warning: { fraction: 0.5, minimumDays: 0 } },
      { warning: { fraction: 0.1, minimumDays: 0 } },
    );
    const registered = startedUnderVersionTwo({ state: 'registered', assignment: undefined });

    const finish = act('accept', actor.accept, registered, limits).changes[0]?.after.timeLimits?.clocks.finish;

    const period = Date.parse(finish?.dueAt ?? '') - Date.parse(finish?.startedAt ?? '');
    expect(Date.parse(finish?.dueAt ?? '') - Date.parse(finish?.warnFrom ?? '')).toBe(period * 0.5);
  });

  it('applies the policy in force to a case without deadlines yet', () => {
    const limits = twoVersions({ maxExtensionDays: 30 }, { maxExtensionDays: 5 });
    const withoutDeadlines = aCase({ state: 'in-progress', assignment: demoAssignment });

    expect(fieldsOf(() => requestExtension(withoutDeadlines, 25, limits))).toEqual(['days']);
  });

  it('refuses to guess when the case’s version was not loaded', () => {
    const time: TimeContext = { ...timeContext(), policySet: versionWith(3, {}) };
    expect(() => requestExtension(startedUnderVersionTwo(), 5, { time })).toThrow(/version 2/);
  });
});

describe('one rule table per kind', () => {
  const ofKind = (kind: CaseKind, overrides: Partial<Case> = {}) => aCase({ kind, complaint: undefined, ...overrides });

  it('documents every action as it applies to a complaint, and the close-out as it applies to a problem', () => {
    expect(Object.keys(actionRules).sort()).toEqual([...actionNames].sort());
    expect(actionRulesFor('complaint')).toEqual(
      Object.fromEntries(Object.entries(actionRules).filter(([action]) => !closeOutActions.includes(action as never))),
    );
    expect(actionRules['sign-off']).toEqual({ from: ['result-submitted'], actor: 'lead', label: '签字确认' });
    expect(actionRules.merge).toEqual({ from: ['registered'], actor: 'petition-office', label: '合并重复件' });
  });

  it.each<[CaseKind, ActionName[]]>([
    [
      'rectification',
      ['reject', 'merge', 'submit-result', 'approve-result', 'request-review', 'rehandle', 'confirm-result'],
    ],
    ['task', ['reject', 'merge', 'request-review', 'rehandle', 'confirm-result', ...closeOutActions]],
    ['help-plan', ['reject', 'merge', 'request-review', 'rehandle', 'confirm-result', ...closeOutActions]],
  ])('leaves out of a %s the actions %j, refusing them with 409', (kind, absent) => {
    expect(actionNames.filter((action) => !actionRulesFor(kind)[action])).toEqual(absent);
    for (const action of absent) {
      const item = ofKind(kind, { state: actionRules[action].from[0] as CaseState, assignment: demoAssignment });
      expect(() => act(action, actor[action], item)).toThrow(ConflictError);
    }
  });

  const walkProblem = (steps: readonly (readonly [ActionName, Record<string, unknown>?])[], start: Case) => {
    let item = start;
    for (const [action, body] of steps) {
      const input = actionInputSchemas[action].parse(body ?? inputs[action]);
      item = performAction(item, action, input as never, actor[action], context()).changes[0]?.after as Case;
    }
    return item;
  };
  const registered = () => ofKind('rectification', { rectification: aProblemDetails() });
  const toApplication: [ActionName][] = [['accept'], ['assign'], ['sign'], ['apply-close-out']];

  it('closes a problem out step by step, each by its actor, and reopens it in one step when the look-back finds it rebounded', () => {
    const struck = walkProblem(
      [...toApplication, ['check-on-site'], ['sign-off'], ['publish', { startDate: '2026-11-24' }], ['strike-off']],
      registered(),
    );

    expect(struck).toMatchObject({ state: 'closed', colour: 'green', historyLength: 9 });
    expect(struck.timeLimits?.policyId).toBe('rectification-short-term');
    expect(struck.rectification?.closeOut?.publication).toMatchObject({ endDate: '2026-11-30', workingDays: 5 });
    expect(struck.rectification?.closeOut?.struckOff).toMatchObject({ by: 'dispatcher', outcome: 'struck-off' });
    expect(struck.rectification?.lookBacks).toEqual([{ dueDate: '2027-05-24', scheduledAt: now.toISOString() }]);

    const reopened = walkProblem([['look-back', { outcome: 'rebounded', findings: '夜间偷排，问题反弹' }]], struck);

    expect(reopened).toMatchObject({
      state: 'in-progress',
      reopenCount: 1,
      assignment: { departmentId: 'east-enforcement' },
    });
    expect(reopened.closedAt).toBeUndefined();
    expect(reopened.rectification?.closeOut).toBeUndefined();
    expect(reopened.rectification?.lookBacks?.[0]).toMatchObject({ outcome: 'rebounded', by: 'dispatcher' });
    expect(reopened.timeLimits?.clocks.finish?.startedAt).toBe(now.toISOString());
  });

  it('keeps a problem closed when the look-back confirms it, and closes one as done and kept up', () => {
    const kept = walkProblem(
      [...toApplication, ['check-on-site'], ['sign-off'], ['publish'], ['strike-off', { outcome: 'kept-up' }]],
      registered(),
    );
    const confirmed = walkProblem([['look-back']], kept);

    expect(kept.rectification?.closeOut?.struckOff?.outcome).toBe('kept-up');
    expect(confirmed).toMatchObject({ state: 'closed', version: kept.version + 1 });
    expect(confirmed.rectification?.lookBacks?.[0]?.outcome).toBe('confirmed');
    expect(() => walkProblem([['look-back']], confirmed)).toThrow(/没有待进行的回头看/);
  });

  it.each<[ActionName, RegExp]>([
    ['check-on-site', /尚未申请销号/],
    ['sign-off', /须先经现场核查通过/],
    ['publish', /须先由包案领导签字确认/],
    ['strike-off', /须先公示整改结果/],
  ])('refuses %s out of order with 409, naming why', (action, why) => {
    const applied = walkProblem(toApplication, registered());
    const before = action === 'check-on-site' ? { ...applied, rectification: aProblemDetails() } : applied;

    expect(() => walkProblem([[action]], before)).toThrow(ConflictError);
    expect(() => walkProblem([[action]], before)).toThrow(why);
  });

  it('sends a problem back to rectifying when the on-site check fails, and starts the close-out again', () => {
    const failed = walkProblem(
      [...toApplication, ['check-on-site', { ...inputs['check-on-site'], passed: false, findings: '仍有异味' }]],
      registered(),
    );

    expect(failed).toMatchObject({ state: 'in-progress' });
    expect(failed.rectification?.closeOut).toBeUndefined();
    expect(walkProblem([['apply-close-out']], failed).state).toBe('result-submitted');
  });

  it('lets only the petition office record a look-back, naming the step', () => {
    const closed = problemFor('look-back');
    expect(() => act('look-back', aPrincipal('operator', 'city-petition'), closed)).toThrow(/只有信访办可以回头看/);
  });

  it('gives other kinds two extensions under the shipped policies', () => {
    const extension = { status: 'approved', days: 5, reason: '监测', requestedAt: now.toISOString(), requestedBy: 'x' };
    const task = ofKind('task', { state: 'in-progress', assignment: demoAssignment, extensions: [extension] as never });
    expect(requestExtension(task, 10).changes[0]?.after.extensions).toHaveLength(2);
  });
});
