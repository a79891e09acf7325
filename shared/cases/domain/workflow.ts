/**
 * The one state machine for every case. Pure: the clock, ids and whatever the store looked up (the department, the
 * people named in an assignment, the master of a merge) are inputs; the result is the changed case(s), their history
 * entries and the events to fan out.
 */
import { z } from 'zod';
import { applyTimeLimits, type TimeContext } from '#deadlines/domain/deadlines.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { OfficialRole, Principal } from '#directory/domain/roles.ts';
import { scopeOf } from '#directory/domain/scope.ts';
import type { User } from '#directory/domain/users.ts';
import { ConflictError, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { Case, CaseEvent, CaseEventType, CaseKind, CaseState, Extension, HistoryEntry } from './case.ts';
import { caseIdSchema } from './ids.ts';
import { stateLabels } from './labels.ts';

z.config(z.locales.zhCN());

/** After this many returns the dispatcher must settle the remit question instead of sending the case round again. */
export const maxReturns = 3;
export const maxExtensionDays = 30;
/** The petition regulation allows a complaint one extension. */
const maxExtensionsByKind: Readonly<Record<CaseKind, number>> = {
  complaint: 1,
  rectification: 2,
  task: 2,
  'help-plan': 2,
};

export const returnReasonCodes = ['not-our-remit', 'insufficient-information', 'wrong-location', 'other'] as const;

const reason = z.string().trim().min(2).max(1000);
const note = z.string().trim().max(1000).optional();
/** Every action may name the version the caller last saw; a stale version is refused with 409. */
const base = { version: z.number().int().positive().optional() };

export const actionInputSchemas = {
  accept: z.object({ ...base, note }).strict(),
  reject: z.object({ ...base, reason }).strict(),
  merge: z.object({ ...base, masterCaseId: caseIdSchema, note }).strict(),
  assign: z
    .object({
      ...base,
      departmentId: z.string().trim().min(1).max(100),
      responsibleUsername: z.string().trim().min(1).max(100),
      leadUsername: z.string().trim().min(1).max(100),
      note,
    })
    .strict(),
  sign: z.object({ ...base, note }).strict(),
  return: z.object({ ...base, reasonCode: z.enum(returnReasonCodes), reason }).strict(),
  'submit-result': z
    .object({ ...base, result: z.string().trim().min(5).max(5000), publicReply: z.string().trim().min(5).max(2000) })
    .strict(),
  'approve-result': z.object({ ...base, note }).strict(),
  'send-back': z.object({ ...base, reason }).strict(),
  'request-extension': z.object({ ...base, days: z.number().int().min(1).max(maxExtensionDays), reason }).strict(),
  'approve-extension': z.object({ ...base, note }).strict(),
  'refuse-extension': z.object({ ...base, reason }).strict(),
  'request-review': z.object({ ...base, reason }).strict(),
  rehandle: z.object({ ...base, reason }).strict(),
  'confirm-result': z.object({ ...base, reason }).strict(),
} as const;

export type ActionName = keyof typeof actionInputSchemas;
export const actionNames = Object.keys(actionInputSchemas) as ActionName[];
export type ActionInput<A extends ActionName> = z.output<(typeof actionInputSchemas)[A]>;

/**
 * Who may act: `petition-office` — a dispatcher whose unit is on the case's path; `intake` — an operator or dispatcher
 * on the path (recording what a complainant says); `department` — a handler of the assigned department;
 * `lead` — a lead official whose unit is on the assigned department's path.
 */
type Actor = 'petition-office' | 'intake' | 'department' | 'lead';

interface ActionRule {
  readonly from: readonly CaseState[];
  readonly actor: Actor;
  readonly label: string;
}

export const actionRules: Readonly<Record<ActionName, ActionRule>> = {
  accept: { from: ['registered'], actor: 'petition-office', label: '受理' },
  reject: { from: ['registered'], actor: 'petition-office', label: '不予受理' },
  merge: { from: ['registered'], actor: 'petition-office', label: '合并重复件' },
  assign: { from: ['accepted', 'returned'], actor: 'petition-office', label: '派单' },
  sign: { from: ['assigned'], actor: 'department', label: '签收' },
  return: { from: ['assigned'], actor: 'department', label: '退单' },
  'submit-result': { from: ['in-progress'], actor: 'department', label: '提交办理结果' },
  'approve-result': { from: ['result-submitted'], actor: 'lead', label: '审核通过并办结' },
  'send-back': { from: ['result-submitted'], actor: 'lead', label: '退回重办' },
  'request-extension': { from: ['assigned', 'in-progress'], actor: 'department', label: '申请延期' },
  'approve-extension': { from: ['assigned', 'in-progress'], actor: 'lead', label: '批准延期' },
  'refuse-extension': { from: ['assigned', 'in-progress'], actor: 'lead', label: '不批准延期' },
  'request-review': { from: ['closed'], actor: 'intake', label: '申请复核' },
  rehandle: { from: ['review-requested'], actor: 'lead', label: '重新办理' },
  'confirm-result': { from: ['review-requested'], actor: 'lead', label: '维持原办理结果' },
};

const actorRoles: Readonly<Record<Actor, readonly OfficialRole[]>> = {
  'petition-office': ['dispatcher'],
  intake: ['operator', 'dispatcher'],
  department: ['handler'],
  lead: ['lead'],
};

/** Units whose users may see a case: its own path and, once assigned, the department's path. */
export const scopeUnitIds = (item: Case): string[] => scopeOf(item.unitPath, item.assignment?.departmentPath);

const actorRole = (rule: ActionRule, principal: Principal): OfficialRole => {
  const role = actorRoles[rule.actor].find((candidate) => principal.roles.includes(candidate));
  if (!role) throw new ForbiddenError(`只有${describeActor(rule.actor)}可以${rule.label}`);
  return role;
};

const describeActor = (actor: Actor): string =>
  ({
    'petition-office': '信访办',
    intake: '接线员或信访办',
    department: '承办科室的承办人',
    lead: '包案领导',
  })[actor];

const checkScope = (rule: ActionRule, item: Case, principal: Principal): void => {
  const allowed =
    rule.actor === 'petition-office' || rule.actor === 'intake'
      ? item.unitPath.includes(principal.unitId)
      : rule.actor === 'department'
        ? item.assignment?.departmentId === principal.unitId
        : (item.assignment?.departmentPath.includes(principal.unitId) ?? false);
  if (!allowed) throw new ForbiddenError('该事项不在您的职责范围内');
};

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
  /** Policies and calendar: transitions start, stop and extend the case's clocks. */
  readonly time?: TimeContext;
}

export interface Transition {
  /**
   * The changed cases: the case acted on first (and, for a merge, the master), each with its new history entry —
   * absent only when nothing but the nightly check's next look-in time changed.
   */
  readonly changes: ReadonlyArray<{ readonly before: Case; readonly after: Case; readonly history?: HistoryEntry }>;
  readonly events: readonly CaseEvent[];
}

/** Throws ForbiddenError (role or scope), ConflictError (state, version, limits) or ValidationError (input). */
export const performAction = <A extends ActionName>(
  item: Case,
  action: A,
  input: ActionInput<A>,
  principal: Principal,
  context: ActionContext,
): Transition => {
  const rule = actionRules[action];
  const role = actorRole(rule, principal);
  checkScope(rule, item, principal);
  if (input.version !== undefined && input.version !== item.version) {
    throw new ConflictError(
      `事项已被他人更新（当前版本 ${item.version}，您看到的是版本 ${input.version}），请刷新后重试`,
    );
  }
  if (!rule.from.includes(item.state)) {
    throw new ConflictError(`当前状态为“${stateLabels[item.state]}”，不能${rule.label}`);
  }
  const at = context.now.toISOString();
  const step = stepFor(action, item, input as never, principal, context);

  const moved: Case = {
    ...item,
    ...step.patch,
    state: step.to ?? item.state,
    version: item.version + 1,
    historyLength: item.historyLength + 1,
    updatedAt: at,
  };
  const extensionDays =
    action === 'approve-extension'
      ? item.extensions.find((extension) => extension.status === 'requested')?.days
      : undefined;
  const after = context.time
    ? applyTimeLimits(item, moved, context.now, context.time, extensionDays ? { extensionDays } : undefined)
    : moved;
  const history: HistoryEntry = {
    caseId: item.id,
    sequence: after.historyLength,
    at,
    actor: principal.username,
    role,
    action,
    fromState: item.state,
    toState: after.state,
    ...(step.reason ? { reason: step.reason } : {}),
    changes: step.changes,
  };
  const event = (type: CaseEventType, caseId: string, sequence: number): CaseEvent => ({
    id: context.eventId(),
    type,
    caseId,
    occurredAt: at,
    sequence,
  });
  const changes: Transition['changes'][number][] = [{ before: item, after, history }];
  const events = step.event ? [event(step.event, item.id, history.sequence)] : [];
  const newGaps = (after.calendarMissingYears ?? []).filter((year) => !item.calendarMissingYears?.includes(year));
  if (newGaps.length > 0) events.push(event('calendar-missing', item.id, history.sequence));

  if (action === 'merge' && context.master) {
    const master = context.master;
    const masterAfter: Case = {
      ...master,
      mergedCases: [...master.mergedCases, item.id],
      version: master.version + 1,
      historyLength: master.historyLength + 1,
      updatedAt: at,
    };
    changes.push({
      before: master,
      after: masterAfter,
      history: {
        caseId: master.id,
        sequence: masterAfter.historyLength,
        at,
        actor: principal.username,
        role,
        action: 'absorb-duplicate',
        fromState: master.state,
        toState: master.state,
        changes: { mergedCase: item.id, mergedNumber: item.number },
      },
    });
  }
  return { changes, events };
};

interface Step {
  readonly to?: CaseState;
  readonly patch?: Partial<Case>;
  readonly reason?: string;
  readonly changes: Record<string, unknown>;
  readonly event?: CaseEventType;
}

const pendingExtension = (item: Case): Extension | undefined =>
  item.extensions.find((extension) => extension.status === 'requested');

const decideExtension = (
  item: Case,
  status: 'approved' | 'refused',
  principal: Principal,
  at: string,
  why?: string,
) => {
  const pending = pendingExtension(item);
  if (!pending) throw new ConflictError('没有待审批的延期申请');
  return item.extensions.map((extension) =>
    extension === pending
      ? { ...extension, status, decidedAt: at, decidedBy: principal.username, ...(why ? { decisionNote: why } : {}) }
      : extension,
  );
};

const stepFor = (
  action: ActionName,
  item: Case,
  input: Record<string, unknown> & { note?: string; reason?: string },
  principal: Principal,
  context: ActionContext,
): Step => {
  const at = context.now.toISOString();
  const noteOnly = input.note ? { note: input.note } : {};
  switch (action) {
    case 'accept':
      return { to: 'accepted', changes: noteOnly, event: 'case-accepted', ...reasonOf(input.note) };
    case 'reject':
      return {
        to: 'rejected',
        patch: { rejectionReason: input.reason as string, closedAt: at },
        reason: input.reason as string,
        changes: { rejectionReason: input.reason },
        event: 'case-rejected',
      };
    case 'merge': {
      const master = context.master;
      if (!master) throw new ValidationError([{ path: 'masterCaseId', message: '主件不存在' }]);
      if (master.id === item.id) throw new ConflictError('不能合并到自身');
      if (master.kind !== item.kind) throw new ConflictError('只能合并同类事项');
      if (['merged', 'rejected'].includes(master.state)) throw new ConflictError('主件已合并或不予受理，不能作为主件');
      return {
        to: 'merged',
        patch: { mergedInto: master.id },
        changes: { mergedInto: master.id, masterNumber: master.number, ...noteOnly },
        event: 'case-merged',
        ...reasonOf(input.note),
      };
    }
    case 'assign': {
      const { department, responsible, lead } = context;
      const problems = [
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
      if (problems.length > 0 || !department || !responsible || !lead) throw new ValidationError(problems);
      if (!department.path.some((unitId) => item.unitPath.includes(unitId))) {
        throw new ForbiddenError('承办科室不在本单位管辖范围内');
      }
      const assignment = {
        departmentId: department.id,
        departmentPath: department.path,
        responsibleUsername: responsible.username,
        leadUsername: lead.username,
        assignedAt: at,
        assignedBy: principal.username,
      };
      return {
        to: 'assigned',
        patch: { assignment },
        changes: {
          departmentId: department.id,
          responsibleUsername: responsible.username,
          leadUsername: lead.username,
          ...noteOnly,
        },
        event: 'case-assigned',
        ...reasonOf(input.note),
      };
    }
    case 'sign':
      return { to: 'in-progress', changes: noteOnly, event: 'case-signed', ...reasonOf(input.note) };
    case 'return':
      if (item.returnCount >= maxReturns) {
        throw new ConflictError(`已退单 ${item.returnCount} 次，达到上限，请与信访办协调后办理`);
      }
      return {
        to: 'returned',
        patch: { returnCount: item.returnCount + 1 },
        reason: input.reason as string,
        changes: { reasonCode: input.reasonCode, returnCount: item.returnCount + 1 },
        event: 'case-returned',
      };
    case 'submit-result':
      return {
        to: 'result-submitted',
        patch: {
          result: {
            text: input.result as string,
            publicReply: input.publicReply as string,
            submittedAt: at,
            submittedBy: principal.username,
          },
        },
        changes: { result: input.result, publicReply: input.publicReply },
        event: 'result-submitted',
      };
    case 'approve-result':
      return {
        to: 'closed',
        patch: { closedAt: at },
        changes: noteOnly,
        event: 'case-closed',
        ...reasonOf(input.note),
      };
    case 'send-back':
      return { to: 'in-progress', reason: input.reason as string, changes: {}, event: 'result-sent-back' };
    case 'request-extension': {
      if (pendingExtension(item)) throw new ConflictError('已有待审批的延期申请');
      const finish = item.timeLimits?.clocks.finish;
      if (finish && context.now.getTime() >= new Date(finish.dueAt).getTime()) {
        throw new ConflictError('已超过办理期限，延期须在期限届满前申请');
      }
      const used = item.extensions.filter((extension) => extension.status !== 'refused').length;
      if (used >= maxExtensionsByKind[item.kind]) {
        throw new ConflictError(`此类事项最多延期 ${maxExtensionsByKind[item.kind]} 次`);
      }
      const extension: Extension = {
        status: 'requested',
        days: input.days as number,
        reason: input.reason as string,
        requestedAt: at,
        requestedBy: principal.username,
      };
      return {
        patch: { extensions: [...item.extensions, extension] },
        reason: input.reason as string,
        changes: { extensionDays: input.days },
        event: 'extension-requested',
      };
    }
    case 'approve-extension':
      return {
        patch: { extensions: decideExtension(item, 'approved', principal, at, input.note) },
        changes: { extension: 'approved', ...noteOnly },
        event: 'extension-approved',
        ...reasonOf(input.note),
      };
    case 'refuse-extension':
      return {
        patch: { extensions: decideExtension(item, 'refused', principal, at, input.reason) },
        reason: input.reason as string,
        changes: { extension: 'refused' },
        event: 'extension-refused',
      };
    case 'request-review':
      return { to: 'review-requested', reason: input.reason as string, changes: {}, event: 'review-requested' };
    case 'rehandle':
      return {
        to: 'in-progress',
        patch: { closedAt: undefined },
        reason: input.reason as string,
        changes: {},
        event: 'case-reopened',
      };
    case 'confirm-result':
      return { to: 'closed', reason: input.reason as string, changes: {}, event: 'case-closed' };
  }
};

const reasonOf = (text: string | undefined) => (text ? { reason: text } : {});
