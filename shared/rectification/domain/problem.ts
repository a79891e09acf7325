/**
 * A rectification problem's case as the office that keeps the ledger registers it, and the link its complaint gets
 * back. Pure: the clock, the ids, the policies and calendar, and the units and people looked up are inputs.
 */
import type { Case, CaseEvent, CaseState, HistoryEntry } from '#cases/domain/case.ts';
import type { Transition } from '#cases/domain/workflow.ts';
import { applyTimeLimits, governingPolicy, startClock, type TimeContext } from '#deadlines/domain/deadlines.ts';
import { ConflictError, ValidationError } from '#platform/domain/errors.ts';
import type { OfficialRole } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import {
  type NamedPerson,
  type RectificationBand,
  type RectificationDetails,
  type RectificationPlan,
  type RectificationSource,
  rectificationBandLabels,
  rectificationSourceLabels,
} from './details.ts';

/** The role that registers problems: the office that keeps the ledger (the workflow's `petition-office`). */
export const registrarRole: OfficialRole = 'dispatcher';

/** What a problem is, as a request or a ledger row gives it (people and unit resolved). */
export interface ProblemFields {
  readonly source: RectificationSource;
  readonly sourceReference?: string;
  readonly ledgerNumber?: string;
  readonly description: string;
  readonly plan: RectificationPlan;
  readonly band: RectificationBand;
  readonly targetDate?: string;
  readonly remark?: string;
}

/** The responsible department and people, resolved: assigned at once when both people fit the workflow's assignment. */
export interface ProblemOwners {
  readonly department: { readonly id: string; readonly name: string; readonly path: readonly string[] };
  readonly leadOfficial?: NamedPerson;
  readonly responsiblePerson?: NamedPerson;
  /** Whether the lead official and the responsible person are users who fit (what `assign` asks of them). */
  readonly assignable: boolean;
}

export interface ProblemCase {
  /** The case without its number: the store takes the number with the transaction. */
  readonly case: Omit<Case, 'number'>;
  readonly history: HistoryEntry;
  readonly event: CaseEvent;
}

const dayMs = 86_400_000;

/** A target date must lie after today and within ten years. */
export const targetDateProblem = (targetDate: string, now: Date): string | undefined => {
  const today = bureauDate(now);
  if (targetDate <= today) return `整改期限须晚于今天（${today}）`;
  if (Date.parse(targetDate) - Date.parse(today) > 3653 * dayMs) return '整改期限不能超过十年';
  return undefined;
};

/**
 * The case with its finish deadline on `targetDate` (the last day, Asia/Shanghai) instead of the band's period: a
 * calendar-day step from today that ends that very day (no roll-over), with the policy's warning window.
 */
const withTargetDate = (timed: Case, targetDate: string, now: Date, time: TimeContext): Case => {
  const finish = timed.timeLimits?.clocks.finish;
  if (!finish || !timed.timeLimits) return timed;
  const days = Math.round((Date.parse(targetDate) - Date.parse(bureauDate(now))) / dayMs);
  const clock = startClock(
    now,
    { amount: days, unit: 'calendar-days', startsNextDay: true, rollsOverHolidays: false },
    governingPolicy(timed, time),
    time.calendar,
  );
  const moved: Case = {
    ...timed,
    timeLimits: { ...timed.timeLimits, clocks: { ...timed.timeLimits.clocks, finish: clock } },
  };
  // The same state before and after: no clock starts, the colour and the next check follow the new deadline.
  return applyTimeLimits(moved, moved, now, time);
};

/**
 * The case of a problem: owned by the registrar's unit, `assigned` to its department at once when both people fit,
 * else `accepted` for the office to assign. Its deadlines come from the time-limit policy of its kind and band (or
 * the target date given).
 */
export const problemCase = (input: {
  readonly id: string;
  readonly fields: ProblemFields;
  readonly owners: ProblemOwners;
  readonly unit: { readonly id: string; readonly path: readonly string[] };
  readonly creator: { readonly username: string; readonly role: OfficialRole };
  readonly fromCase?: Pick<Case, 'id' | 'number'>;
  readonly importId?: string;
  readonly now: Date;
  readonly time: TimeContext;
  readonly eventId: string;
}): ProblemCase => {
  const { id, fields, owners, unit, creator, now, time } = input;
  const at = now.toISOString();
  const leadUsername = owners.leadOfficial?.username;
  const responsibleUsername = owners.responsiblePerson?.username;
  const assigned = owners.assignable && leadUsername !== undefined && responsibleUsername !== undefined;
  const state: CaseState = assigned ? 'assigned' : 'accepted';
  const rectification: RectificationDetails = {
    ...fields,
    responsibleUnit: { id: owners.department.id, name: owners.department.name },
    ...(owners.leadOfficial ? { leadOfficial: owners.leadOfficial } : {}),
    ...(owners.responsiblePerson ? { responsiblePerson: owners.responsiblePerson } : {}),
    ...(input.fromCase ? { fromCase: { caseId: input.fromCase.id, number: input.fromCase.number } } : {}),
    ...(input.importId ? { importId: input.importId } : {}),
  };
  const draft: Omit<Case, 'number'> = {
    id,
    kind: 'rectification',
    state,
    version: 1,
    unitId: unit.id,
    unitPath: unit.path,
    receivedAt: at,
    createdAt: at,
    updatedAt: at,
    createdBy: creator.username,
    historyLength: 1,
    returnCount: 0,
    extensions: [],
    mergedCases: [],
    rectification,
    ...(assigned
      ? {
          assignment: {
            departmentId: owners.department.id,
            departmentPath: owners.department.path,
            responsibleUsername,
            leadUsername,
            assignedAt: at,
            assignedBy: creator.username,
          },
        }
      : {}),
  };
  const timed = applyTimeLimits(undefined, draft as Case, now, time);
  const dated = fields.targetDate ? withTargetDate(timed, fields.targetDate, now, time) : timed;
  const title = fields.description.length > 50 ? `${fields.description.slice(0, 50)}…` : fields.description;
  return {
    case: dated as Omit<Case, 'number'>,
    history: {
      caseId: id,
      sequence: 1,
      at,
      actor: creator.username,
      role: creator.role,
      action: 'register',
      fromState: null,
      toState: state,
      reason: `整改问题（${rectificationSourceLabels[fields.source]}）：${title}`,
      changes: {
        source: fields.source,
        band: fields.band,
        bandLabel: rectificationBandLabels[fields.band],
        ...(fields.targetDate ? { targetDate: fields.targetDate } : {}),
        departmentId: owners.department.id,
        departmentName: owners.department.name,
        ...(owners.leadOfficial ? { leadOfficial: owners.leadOfficial.name } : {}),
        ...(owners.responsiblePerson ? { responsiblePerson: owners.responsiblePerson.name } : {}),
        ...(assigned ? { responsibleUsername, leadUsername } : {}),
        ...(input.fromCase ? { fromCaseId: input.fromCase.id, fromCaseNumber: input.fromCase.number } : {}),
        ...(input.importId ? { importId: input.importId } : {}),
        ...(fields.ledgerNumber ? { ledgerNumber: fields.ledgerNumber } : {}),
      },
    },
    event: {
      id: input.eventId,
      type: assigned ? 'case-assigned' : 'case-accepted',
      caseId: id,
      occurredAt: at,
      sequence: 1,
    },
  };
};

/** Whether a complaint can give rise to a problem: it is one, and not a duplicate merged into another. */
export const checkSourceComplaint = (complaint: Case): void => {
  if (complaint.kind !== 'complaint') {
    throw new ValidationError([{ path: 'fromCaseId', message: `${complaint.number} 不是信访件` }]);
  }
  if (complaint.state === 'merged') {
    throw new ConflictError(`${complaint.number} 已合并到其他信访件，请从其主件产生整改问题`);
  }
};

/**
 * The complaint naming the problem made from it, one version on, with its history entry: written in the same
 * transaction as the problem, so neither exists without the other.
 */
export const linkBack = (
  complaint: Case,
  problem: Pick<Case, 'id' | 'number'>,
  creator: { readonly username: string; readonly role: OfficialRole },
  at: string,
): Transition['changes'][number] => {
  const after: Case = {
    ...complaint,
    rectificationProblems: [
      ...(complaint.rectificationProblems ?? []),
      { caseId: problem.id, number: problem.number, at },
    ],
    version: complaint.version + 1,
    historyLength: complaint.historyLength + 1,
    updatedAt: at,
  };
  return {
    before: complaint,
    after,
    history: {
      caseId: complaint.id,
      sequence: after.historyLength,
      at,
      actor: creator.username,
      role: creator.role,
      action: 'rectification-problem',
      fromState: complaint.state,
      toState: complaint.state,
      reason: `据此立整改问题 ${problem.number}`,
      changes: { rectificationCaseId: problem.id, rectificationNumber: problem.number },
    },
  };
};
