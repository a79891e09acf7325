/**
 * Help plans (帮扶): publishing a D grade opens a case of kind `help-plan` for the enterprise, on the same workflow,
 * ledger and colours as complaints; a later grade of C or better closes it. The actions are the indicators that held
 * the firm at D, each with what C needs — the assessment's own "what holds it back".
 */
import type { Case, CaseEvent, HistoryEntry } from '#cases/domain/case.ts';
import { closeBySystem } from '#cases/domain/system-close.ts';
import type { Transition } from '#cases/domain/workflow.ts';
import { applyTimeLimits, type TimeContext } from '#deadlines/domain/deadlines.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import type { Assessment } from './assessment.ts';
import type { HelpPlanDetails } from './help-plan-details.ts';

/** Who opens and closes help plans: nobody in person, the publication of a grade. */
export const helpPlanActor = 'system';

export interface HelpPlanCase {
  readonly case: Omit<Case, 'number'>;
  readonly history: HistoryEntry;
  readonly event: CaseEvent;
}

/** The details of the help plan `assessment` (graded D) opens for `enterprise`. */
export const helpPlanDetails = (
  enterprise: Pick<Enterprise, 'uscc' | 'name'>,
  assessment: Assessment,
): HelpPlanDetails => ({
  uscc: enterprise.uscc,
  enterpriseName: enterprise.name,
  assessmentId: assessment.id,
  industryName: assessment.industryName,
  grade: assessment.publishedGrade ?? 'D',
  targetGrade: 'C',
  actions: assessment.result.holdingBack.map((shortfall) => ({
    indicatorId: shortfall.indicatorId,
    name: shortfall.name,
    ...(shortfall.answer ? { answer: shortfall.answer } : {}),
    needs: shortfall.needs,
  })),
});

/**
 * The help plan's case, accepted on registration (nobody decides whether to help a D firm: the petition office
 * assigns it to a department, with its responsible person and lead official, as any accepted case), with its
 * deadlines from the time-limit policy for its kind.
 */
export const helpPlanCase = (input: {
  readonly caseId: string;
  readonly details: HelpPlanDetails;
  readonly unit: OrgUnit;
  readonly now: Date;
  readonly time: TimeContext;
  readonly eventId: string;
}): HelpPlanCase => {
  const { caseId, details, unit, now, time } = input;
  const at = now.toISOString();
  const draft: Omit<Case, 'number'> = {
    id: caseId,
    kind: 'help-plan',
    state: 'accepted',
    version: 1,
    unitId: unit.id,
    unitPath: unit.path,
    receivedAt: at,
    createdAt: at,
    updatedAt: at,
    createdBy: helpPlanActor,
    historyLength: 1,
    returnCount: 0,
    extensions: [],
    mergedCases: [],
    helpPlan: details,
  };
  return {
    case: applyTimeLimits(undefined, draft as Case, now, time) as Omit<Case, 'number'>,
    history: {
      caseId,
      sequence: 1,
      at,
      actor: helpPlanActor,
      role: 'system',
      action: 'register',
      fromState: null,
      toState: 'accepted',
      reason: `${details.enterpriseName}（${details.industryName}）绩效分级评为 ${details.grade} 级，生成帮扶计划：${details.actions.length} 项指标须提升至 ${details.targetGrade} 级`,
      changes: { uscc: details.uscc, assessmentId: details.assessmentId, grade: details.grade },
    },
    event: { id: input.eventId, type: 'help-plan-opened', caseId, occurredAt: at, sequence: 1 },
  };
};

/** The transition closing a help plan once its firm is graded `grade` (C or better); undefined if already finished. */
export const closeHelpPlan = (
  item: Case,
  grade: string,
  assessmentId: string | undefined,
  context: { readonly now: Date; readonly time: TimeContext; readonly eventId: () => string },
): Transition | undefined =>
  closeBySystem(item, {
    action: 'grade-restored',
    reason: `企业绩效分级恢复为 ${grade} 级，帮扶计划办结`,
    changes: { grade, ...(assessmentId ? { assessmentId } : {}) },
    ...context,
  });
