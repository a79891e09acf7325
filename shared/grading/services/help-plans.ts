/**
 * Opening and closing help plans as grades are published. Publishing records the plan on the enterprise in the
 * grade's own transaction — `opening`, with the id its case will have, or `closing` — and {@link settleHelpPlan} then
 * stores or closes the case in one transaction with the enterprise's plan marked `open` or removed. A crash in
 * between leaves the plan `opening` or `closing` (shown so on the enterprise), and the next publication for the firm
 * settles it, or {@link settleUnsettledHelpPlans} on its schedule, whichever comes first: the case's id was fixed at
 * publication, so it is stored once whoever completes it.
 */
import { ulid } from 'ulid';
import {
  type CaseCompanion,
  CaseCompanionConflictError,
  CaseNotFoundError,
  CaseVersionConflictError,
  commitTransition,
  createNumberedCase,
  getCase,
} from '#cases/services/records.ts';
import { relayNow } from '#cases/services/relay-events.ts';
import { loadTimeContext } from '#deadlines/services/time-context.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { type Enterprise, settledHelpPlan } from '#enterprises/domain/enterprise.ts';
import { enterpriseWrites, requireEnterprise, unsettledHelpPlans } from '#enterprises/services/grades.ts';
import { closeHelpPlan, helpPlanActor, helpPlanCase, helpPlanDetails } from '#grading/domain/help-plan.ts';
import { now } from '#platform/clock.ts';
import { logger } from '#platform/logger.ts';
import { requireAssessment } from './read-assessments.ts';

const attempts = 3;

/** Whether `error` is someone else's write in between (the enterprise or the case changed): read again and retry. */
const isConflict = (error: unknown): boolean =>
  error instanceof CaseCompanionConflictError || error instanceof CaseVersionConflictError;

/** The case of an `opening` plan stored, with the plan marked `open`; the case of a `closing` one closed. */
export const settleHelpPlan = async (uscc: string): Promise<Enterprise> => {
  for (let attempt = 1; ; attempt += 1) {
    const enterprise = await requireEnterprise(uscc);
    const plan = enterprise.helpPlan;
    if (!plan || plan.state === 'open') return enterprise;
    const at = now();
    const settled = settledHelpPlan(enterprise, at.toISOString(), helpPlanActor);
    // The item and the search entries settling changes (the plan leaves the index of unsettled plans).
    const [enterpriseItem, ...entries] = enterpriseWrites(enterprise, settled) as CaseCompanion[];
    try {
      const time = await loadTimeContext(at);
      if (plan.state === 'opening') {
        const [assessment, unit] = await Promise.all([requireAssessment(plan.assessmentId), getOrgUnit(plan.unitId)]);
        const opened = helpPlanCase({
          caseId: plan.caseId,
          details: helpPlanDetails(enterprise, assessment),
          unit,
          now: at,
          time,
          eventId: ulid(),
        });
        const stored = await createNumberedCase(opened.case, opened.history, opened.event, [
          { ...(enterpriseItem as CaseCompanion), label: '企业的帮扶计划' },
          ...entries,
        ]);
        logger.info('help plan opened', { uscc, caseId: stored.id, number: stored.number });
        await relayNow([opened.event]);
      } else {
        const item = await getCase(plan.caseId).catch((error: unknown) => {
          // A plan closing before its case was ever stored (graded C before it settled): nothing to close.
          if (error instanceof CaseNotFoundError) return undefined;
          throw error;
        });
        const latest = enterprise.industryGrades.find((entry) => entry.grade === enterprise.grade);
        const transition =
          item && closeHelpPlan(item, enterprise.grade ?? '', latest?.assessmentId, { now: at, time, eventId: ulid });
        await commitTransition(transition ?? { changes: [], events: [] }, [
          enterpriseItem as CaseCompanion,
          ...entries,
        ]);
        if (transition) await relayNow(transition.events);
        logger.info('help plan closed', { uscc, caseId: plan.caseId, alreadyFinished: !transition });
      }
      return settled;
    } catch (error) {
      if (!isConflict(error) || attempt >= attempts) throw error;
    }
  }
};

export interface SettleReport {
  /** Plans found `opening` or `closing`. */
  readonly found: number;
  readonly settled: number;
  /** Changed after `changedBefore`: the request that changed them may still be settling them. */
  readonly recent: number;
  /** The USCCs whose settling failed (logged; tried again on the next run). */
  readonly failed: readonly string[];
}

const pageSize = 100;

/**
 * Settles every help plan left `opening` or `closing` by an enterprise last changed before `changedBefore` (read from
 * the sparse index of unsettled plans, so a run reads only those). A failure is logged and the run goes on.
 */
export const settleUnsettledHelpPlans = async (changedBefore: Date): Promise<SettleReport> => {
  let found = 0;
  let settled = 0;
  let recent = 0;
  const failed: string[] = [];
  let after: string | undefined;
  do {
    const page = await unsettledHelpPlans(pageSize, after);
    for (const uscc of page.usccs) {
      found += 1;
      try {
        const enterprise = await requireEnterprise(uscc);
        if (new Date(enterprise.updatedAt) > changedBefore) {
          recent += 1;
          continue;
        }
        await settleHelpPlan(uscc);
        settled += 1;
      } catch (error) {
        logger.error('help plan not settled', { uscc, error });
        failed.push(uscc);
      }
    }
    after = page.after;
  } while (after !== undefined);
  return { found, settled, recent, failed };
};
