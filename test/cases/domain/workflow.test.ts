import { describe, expect, it } from 'vitest';
import type { CaseState } from '#cases/domain/case.ts';
import {
  type ActionContext,
  type ActionName,
  actionInputSchemas,
  actionNames,
  actionRules,
  maxReturns,
  performAction,
} from '#cases/domain/workflow.ts';
import type { OfficialRole } from '#directory/domain/roles.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import { aCase, demoAssignment, unitOf, userOf } from '../../support/cases.ts';
import { aPrincipal } from '../../support/factories.ts';

const now = new Date('2026-11-24T02:00:00Z');
let counter = 0;
const context = (extra: Partial<ActionContext> = {}): ActionContext => ({
  now,
  eventId: () => `evt-${++counter}`,
  department: unitOf('east-enforcement'),
  responsible: userOf('handler'),
  lead: userOf('lead'),
  master: aCase({ id: '01KMASTERAAAAAAAAAAAAAAAAA', number: 'GL-2026-000000', state: 'accepted' }),
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
};

/** The case as it stands when each action is allowed. */
const caseFor = (action: ActionName) => {
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

const act = (action: ActionName, principal = aPrincipal('dispatcher', 'city-petition'), item = caseFor(action)) =>
  performAction(item, action, actionInputSchemas[action].parse(inputs[action]) as never, principal, context());

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
  it(`allows ${maxReturns} returns, then refuses further round trips`, () => {
    const item = aCase({ state: 'assigned', assignment: demoAssignment, returnCount: maxReturns });
    expect(() => act('return', actor.return, item)).toThrow(/达到上限/);
    const first = act('return', actor.return, aCase({ state: 'assigned', assignment: demoAssignment }));
    expect(first.changes[0]?.after).toMatchObject({ state: 'returned', returnCount: 1 });
  });

  it('allows a complaint one extension of at most 30 days', () => {
    expect(() => actionInputSchemas['request-extension'].parse({ days: 31, reason: '太久' })).toThrow();
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
