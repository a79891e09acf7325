/**
 * What each action does to a case, one small function per action: the state it moves to, the fields it sets, what the
 * history records and the event it raises. Role, scope, version, state and what must hold of the case itself were
 * checked before (`workflow.ts`, `preconditions.ts`); a step checks what only its input reveals (the master of a
 * merge, the people of an assignment, an extension's length).
 */
import { workingDaysBetween } from '#deadlines/domain/calendar.ts';
import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import { computeDeadline } from '#deadlines/domain/periods.ts';
import { closeOutPolicyOf, type TimeLimitPolicy } from '#deadlines/domain/time-limit-policies.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import type { Attachment } from '#intake/domain/attachments.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate, startOfBureauDay } from '#platform/domain/time.ts';
import {
  addMonths,
  type CloseOut,
  type LookBack,
  pendingLookBack,
  type RectificationDetails,
} from '#rectification/domain/details.ts';
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
  /** For `apply-close-out`: the evidence, attached (copied out of the uploads). */
  readonly evidence?: readonly Attachment[];
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

export const problemsOfAssignment = ({ department, responsible, lead }: ActionContext) => [
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

/** What closing a case sets: when, and the working days it took from receipt. */
const closing = (item: Case, context: ActionContext, at: string): Partial<Case> => ({
  closedAt: at,
  workingDaysToClose: workingDaysBetween(
    bureauDate(new Date(item.receivedAt)),
    bureauDate(context.now),
    context.time.calendar,
  ),
});

const rectificationOf = (item: Case): RectificationDetails => {
  if (!item.rectification) throw new ConflictError('该事项没有整改问题的内容，不能办理销号');
  return item.rectification;
};

/** The problem's fields with `closeOut` as given (absent: the steps start again) and `more` changed. */
const withCloseOut = (
  item: Case,
  closeOut: CloseOut | undefined,
  more: Partial<RectificationDetails> = {},
): Partial<Case> => {
  const { closeOut: _before, ...details } = rectificationOf(item);
  return { rectification: { ...details, ...more, ...(closeOut ? { closeOut } : {}) } };
};

const closeOutOf = (item: Case): CloseOut => item.rectification?.closeOut ?? {};

/** A day given for something already done: not after today (Asia/Shanghai). */
const notAfterToday = (path: string, date: string, now: Date, what: string): void => {
  const today = bureauDate(now);
  if (date > today) throw new ValidationError([{ path, message: `${what}不能晚于今天（${today}）` }]);
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
    patch: closing(item, context, at),
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

  'apply-close-out': ({ item, input, principal, context, at }) => {
    const evidence = context.evidence ?? [];
    if (evidence.length === 0) throw new ValidationError([{ path: 'evidence', message: '须附整改佐证材料' }]);
    return {
      to: 'result-submitted',
      patch: withCloseOut(item, { application: { at, by: principal.username, result: input.result, evidence } }),
      changes: { result: input.result, evidence: evidence.map((attachment) => attachment.fileName) },
      event: 'result-submitted',
    };
  },

  'check-on-site': ({ item, input, principal, context, at }) => {
    notAfterToday('date', input.date, context.now, '核查日期');
    const onSiteCheck = {
      at,
      by: principal.username,
      date: input.date,
      inspectors: input.inspectors,
      findings: input.findings,
      passed: input.passed,
    };
    const changes = { date: input.date, inspectors: input.inspectors, findings: input.findings, passed: input.passed };
    // A failed check sends the problem back to rectifying; the next application starts the close-out again.
    if (!input.passed) {
      return {
        to: 'in-progress',
        patch: withCloseOut(item, undefined),
        reason: input.findings,
        changes,
        event: 'result-sent-back',
      };
    }
    return { patch: withCloseOut(item, { ...closeOutOf(item), onSiteCheck }), changes };
  },

  'sign-off': ({ item, input, principal, at }) => ({
    patch: withCloseOut(item, { ...closeOutOf(item), signOff: { at, by: principal.username, ...noteOf(input.note) } }),
    changes: noteOf(input.note),
    ...reasonOf(input.note),
  }),

  publish: ({ item, input, principal, context, at, policy }) => {
    const startDate = input.startDate ?? bureauDate(context.now);
    const { publicationWorkingDays } = closeOutPolicyOf(policy);
    // The start day counts as the first day of the period (公示期自发布之日起计算).
    const end = computeDeadline(
      startOfBureauDay(startDate),
      { amount: publicationWorkingDays, unit: 'working-days', startsNextDay: false, rollsOverHolidays: true },
      context.time.calendar,
    );
    const publication = {
      at,
      by: principal.username,
      startDate,
      endDate: end.dueDate,
      workingDays: publicationWorkingDays,
      ...(input.where ? { where: input.where } : {}),
      ...(end.missingCalendarYears.length > 0 ? { missingCalendarYears: end.missingCalendarYears } : {}),
    };
    return {
      patch: withCloseOut(item, { ...closeOutOf(item), publication }),
      changes: { startDate, endDate: end.dueDate, workingDays: publicationWorkingDays, ...noteOf(input.note) },
      ...reasonOf(input.note),
    };
  },

  'strike-off': ({ item, input, principal, context, at, policy }) => {
    const lookBack: LookBack = {
      dueDate: addMonths(bureauDate(context.now), closeOutPolicyOf(policy).lookBackMonths),
      scheduledAt: at,
    };
    const struckOff = { at, by: principal.username, outcome: input.outcome, ...noteOf(input.note) };
    return {
      to: 'closed',
      patch: {
        ...closing(item, context, at),
        ...withCloseOut(
          item,
          { ...closeOutOf(item), struckOff },
          { lookBacks: [...(rectificationOf(item).lookBacks ?? []), lookBack] },
        ),
      },
      changes: { outcome: input.outcome, lookBackDue: lookBack.dueDate, ...noteOf(input.note) },
      event: 'case-closed',
      ...reasonOf(input.note),
    };
  },

  'look-back': ({ item, input, principal, context, at }) => {
    const date = input.date ?? bureauDate(context.now);
    notAfterToday('date', date, context.now, '回头看日期');
    const details = rectificationOf(item);
    const due = pendingLookBack(details);
    if (!due) throw new ConflictError('本问题没有待进行的回头看');
    const done: LookBack = {
      ...due,
      doneAt: at,
      by: principal.username,
      date,
      outcome: input.outcome,
      findings: input.findings,
    };
    const lookBacks = [...(details.lookBacks ?? []).slice(0, -1), done];
    const changes = { outcome: input.outcome, date, findings: input.findings, dueDate: due.dueDate };
    if (input.outcome === 'confirmed') {
      return { patch: withCloseOut(item, details.closeOut, { lookBacks }), changes };
    }
    // Rebounded: reopened in one step, with the same department and people, on a new finish period; the close-out
    // starts again (the one before stays in the history).
    return {
      to: 'in-progress',
      patch: {
        ...withCloseOut(item, undefined, { lookBacks }),
        closedAt: undefined,
        workingDaysToClose: undefined,
        reopenCount: (item.reopenCount ?? 0) + 1,
      },
      reason: input.findings,
      changes,
      event: 'case-reopened',
    };
  },
};
