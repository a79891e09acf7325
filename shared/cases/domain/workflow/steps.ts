/**
 * What each action does to a case, one small function per action: the state it moves to, the fields it sets, what the
 * history records and the event it raises. Role, scope, version, state and what must hold of the case itself were
 * checked before (`workflow.ts`, `preconditions.ts`); a step checks what only its input reveals (the master of a
 * merge, the people of an assignment, an extension's length).
 */
import { workingDaysBetween } from '#deadlines/domain/calendar.ts';
import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import type { TimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import type { Case, CaseEventType, CaseState, Extension } from '../case.ts';
import type { ActionInput, ActionName } from './actions.ts';
import { pendingExtension } from './preconditions.ts';

/** What the store looked up for an action. */
export interface ActionContext {
  readonly now: Date;
  readonly eventId: () => string;
  /** For `assign`: the department and the two people named. */
  readonly department?: OrgUnit;
  readonly responsible?: User;
  readonly lead?: User;
  /** For `merge`: the master case. */
  readonly master?: Case;
  /** Policies and calendar: transitions start, stop and extend the case's clocks, within its policy's limits. */
  readonly time: TimeContext;
}

export interface StepArgs<A extends ActionName> {
  readonly item: Case;
  readonly input: ActionInput<A>;
  readonly principal: Principal;
  readonly context: ActionContext;
  /** `context.now` as stored. */
  readonly at: string;
  /** The case's time-limit policy, in the version its deadlines came from. */
  readonly policy: TimeLimitPolicy;
}

export interface Step {
  /** The new state; absent when the state stays. */
  readonly to?: CaseState;
  readonly patch?: Partial<Case>;
  readonly reason?: string;
  readonly changes: Record<string, unknown>;
  readonly event?: CaseEventType;
  /** Calendar days added to the finish clock (an approved extension). */
  readonly extensionDays?: number;
  /** Another case the action changes too (the master of a merge), and what its history records. */
  readonly alsoChanges?: {
    readonly item: Case;
    readonly patch: Partial<Case>;
    readonly action: string;
    readonly changes: Record<string, unknown>;
  };
}

const noteOf = (note: string | undefined) => (note ? { note } : {});
const reasonOf = (text: string | undefined) => (text ? { reason: text } : {});

const decideExtension = (
  item: Case,
  status: 'approved' | 'refused',
  principal: Principal,
  at: string,
  why?: string,
): { extensions: Extension[]; decided: Extension } => {
  const pending = pendingExtension(item);
  if (!pending) throw new ConflictError('没有待审批的延期申请');
  const decided: Extension = {
    ...pending,
    status,
    decidedAt: at,
    decidedBy: principal.username,
    ...(why ? { decisionNote: why } : {}),
  };
  return { extensions: item.extensions.map((extension) => (extension === pending ? decided : extension)), decided };
};

const problemsOfAssignment = ({ department, responsible, lead }: ActionContext) => [
  ...(department && department.kind === 'department'
    ? []
    : [{ path: 'departmentId', message: '承办科室不存在或不是科室' }]),
  ...(responsible && department && responsible.unitId === department.id && responsible.roles.includes('handler')
    ? []
    : [{ path: 'responsibleUsername', message: '责任人须为承办科室的承办人' }]),
  ...(lead && department?.path.includes(lead.unitId) && lead.roles.includes('lead')
    ? []
    : [{ path: 'leadUsername', message: '包案领导须为承办科室或其上级单位的领导' }]),
];

/**
 * A master must still be handled: its complainants, and those of its duplicates, are told of its decision and its
 * result when they come. A closed or rejected case has told everyone already, and a merged one is no master.
 */
const refuseMergeInto = (master: Case): void => {
  switch (master.state) {
    case 'closed':
      throw new ConflictError(`主件 ${master.number} 已办结，不能再并入重复件；请将本件作为新件受理`);
    case 'rejected':
      throw new ConflictError(`主件 ${master.number} 已不予受理，不能作为主件`);
    case 'merged':
      throw new ConflictError(`${master.number} 本身已合并到其他事项，请合并到其主件`);
  }
};

/** The step of each action. */
export const steps: { readonly [A in ActionName]: (args: StepArgs<A>) => Step } = {
  accept: ({ input }) => ({
    to: 'accepted',
    changes: noteOf(input.note),
    event: 'case-accepted',
    ...reasonOf(input.note),
  }),

  reject: ({ input, at }) => ({
    to: 'rejected',
    patch: { rejectionReason: input.reason, closedAt: at },
    reason: input.reason,
    changes: { rejectionReason: input.reason },
    event: 'case-rejected',
  }),

  merge: ({ item, input, context }) => {
    const master = context.master;
    if (!master) throw new ValidationError([{ path: 'masterCaseId', message: '主件不存在' }]);
    if (master.id === item.id) throw new ConflictError('不能合并到自身');
    if (master.kind !== item.kind) throw new ConflictError('只能合并同类事项');
    refuseMergeInto(master);
    return {
      to: 'merged',
      patch: { mergedInto: master.id },
      changes: {
        mergedInto: master.id,
        masterNumber: master.number,
        masterState: master.state,
        ...noteOf(input.note),
      },
      event: 'case-merged',
      ...reasonOf(input.note),
      alsoChanges: {
        item: master,
        patch: { mergedCases: [...master.mergedCases, item.id] },
        action: 'absorb-duplicate',
        changes: { mergedCase: item.id, mergedNumber: item.number },
      },
    };
  },

  assign: ({ item, input, principal, context, at }) => {
    const { department, responsible, lead } = context;
    const problems = problemsOfAssignment(context);
    if (problems.length > 0 || !department || !responsible || !lead) throw new ValidationError(problems);
    if (!department.path.some((unitId) => item.unitPath.includes(unitId))) {
      throw new ForbiddenError('承办科室不在本单位管辖范围内');
    }
    return {
      to: 'assigned',
      patch: {
        assignment: {
          departmentId: department.id,
          departmentPath: department.path,
          responsibleUsername: responsible.username,
          leadUsername: lead.username,
          assignedAt: at,
          assignedBy: principal.username,
        },
      },
      changes: {
        departmentId: department.id,
        responsibleUsername: responsible.username,
        leadUsername: lead.username,
        ...noteOf(input.note),
      },
      event: 'case-assigned',
      ...reasonOf(input.note),
    };
  },

  sign: ({ input }) => ({
    to: 'in-progress',
    changes: noteOf(input.note),
    event: 'case-signed',
    ...reasonOf(input.note),
  }),

  return: ({ item, input }) => ({
    to: 'returned',
    patch: { returnCount: item.returnCount + 1 },
    reason: input.reason,
    changes: { reasonCode: input.reasonCode, returnCount: item.returnCount + 1 },
    event: 'case-returned',
  }),

  'submit-result': ({ input, principal, at }) => ({
    to: 'result-submitted',
    patch: {
      result: {
        text: input.result,
        publicReply: input.publicReply,
        ...(input.substantiated ? { substantiated: input.substantiated } : {}),
        submittedAt: at,
        submittedBy: principal.username,
      },
    },
    changes: {
      result: input.result,
      publicReply: input.publicReply,
      ...(input.substantiated ? { substantiated: input.substantiated } : {}),
    },
    event: 'result-submitted',
  }),

  'approve-result': ({ item, input, context, at }) => ({
    to: 'closed',
    patch: {
      closedAt: at,
      workingDaysToClose: workingDaysBetween(
        bureauDate(new Date(item.receivedAt)),
        bureauDate(context.now),
        context.time.calendar,
      ),
    },
    changes: noteOf(input.note),
    event: 'case-closed',
    ...reasonOf(input.note),
  }),

  'send-back': ({ input }) => ({ to: 'in-progress', reason: input.reason, changes: {}, event: 'result-sent-back' }),

  'request-extension': ({ item, input, principal, at, policy }) => {
    if (input.days > policy.maxExtensionDays) {
      throw new ValidationError([
        { path: 'days', message: `按时限规则“${policy.name}”，单次延期不能超过 ${policy.maxExtensionDays} 天` },
      ]);
    }
    const extension: Extension = {
      status: 'requested',
      days: input.days,
      reason: input.reason,
      requestedAt: at,
      requestedBy: principal.username,
    };
    return {
      patch: { extensions: [...item.extensions, extension] },
      reason: input.reason,
      changes: { extensionDays: input.days },
      event: 'extension-requested',
    };
  },

  'approve-extension': ({ item, input, principal, at }) => {
    const { extensions, decided } = decideExtension(item, 'approved', principal, at, input.note);
    return {
      patch: { extensions },
      changes: { extension: 'approved', ...noteOf(input.note) },
      event: 'extension-approved',
      extensionDays: decided.days,
      ...reasonOf(input.note),
    };
  },

  'refuse-extension': ({ item, input, principal, at }) => ({
    patch: { extensions: decideExtension(item, 'refused', principal, at, input.reason).extensions },
    reason: input.reason,
    changes: { extension: 'refused' },
    event: 'extension-refused',
  }),

  'request-review': ({ item, input }) => ({
    to: 'review-requested',
    patch: { reviewCount: (item.reviewCount ?? 0) + 1 },
    reason: input.reason,
    changes: {},
    event: 'review-requested',
  }),

  rehandle: ({ item, input }) => ({
    to: 'in-progress',
    patch: { closedAt: undefined, workingDaysToClose: undefined, reopenCount: (item.reopenCount ?? 0) + 1 },
    reason: input.reason,
    changes: {},
    event: 'case-reopened',
  }),

  'confirm-result': ({ input }) => ({ to: 'closed', reason: input.reason, changes: {}, event: 'case-closed' }),
};
