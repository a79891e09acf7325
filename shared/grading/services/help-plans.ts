/**
 * Opening and closing help plans as grades are published. Publishing records the plan on the enterprise in the
 * grade's own transaction — `opening`, with the id its case will have, or `closing` — and {@link settleHelpPlan} then
 * stores or closes the case in one transaction with the enterprise's plan marked `open` or removed. A crash in
 * between leaves the plan `opening` or `closing` (shown so on the enterprise), and the next publication for the firm
 * settles it: the case's id was fixed at publication, so it is stored once whoever completes it. (Nothing settles it
 * sooner yet: a nightly pass over unsettled plans is the missing piece.)
 */
import { ulid } from 'ulid';
import {
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
import { enterpriseItemPut, requireEnterprise } from '#enterprises/services/grades.ts';
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
    const put = enterpriseItemPut(enterprise, settled);
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
          { ...put, label: '企业的帮扶计划' },
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
        await commitTransition(transition ?? { changes: [], events: [] }, [{ Put: put.Put }]);
        if (transition) await relayNow(transition.events);
        logger.info('help plan closed', { uscc, caseId: plan.caseId, alreadyFinished: !transition });
      }
      return settled;
    } catch (error) {
      if (!isConflict(error) || attempt >= attempts) throw error;
    }
  }
};
