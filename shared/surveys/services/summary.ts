import { requireRole } from '#directory/domain/roles.ts';
import { reportingUnit } from '#directory/services/list-units.ts';
import { now } from '#platform/clock.ts';
import { reportingPeriod } from '#platform/domain/period.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { ratesOf, type SurveyCounts, type SurveyRates, tally } from '#surveys/domain/figures.ts';
import { summaryQuerySchema } from '#surveys/domain/requests.ts';
import { monthsBetween } from '#surveys/store/keys.ts';
import { listSurveysClosedInMonth, sumCounters } from '#surveys/store/surveys.ts';

export interface SurveySummary extends SurveyRates {
  readonly unitId: string;
  readonly unitName: string;
  /** Complaints closed from `from` to `to` (Asia/Shanghai, inclusive): their surveys, whenever answered. */
  readonly from: string;
  readonly to: string;
  readonly counts: SurveyCounts;
  /** The counter items read: one per day that had surveys. */
  readonly daysRead: number;
  readonly recount?: { readonly counts: SurveyCounts; readonly surveysRead: number; readonly matches: boolean };
}

/**
 * The survey figures of a unit (its own and every unit below) for the complaints closed in a period, from the
 * counters kept with each survey change: one read per day, never a read of the surveys. With `recount`, the surveys
 * themselves are read too and tallied, and the response says whether the two agree.
 */
export const surveySummary = async (query: unknown, principal: Principal): Promise<SurveySummary> => {
  requireRole(
    principal,
    ['dispatcher', 'lead', 'supervisor', 'admin'],
    '只有信访办、包案领导、督办人员和管理员可以查看回访统计',
  );
  const input = parseWith(summaryQuerySchema, query);
  const { from, to } = reportingPeriod(input, bureauDate(now()), (end) => `${end.slice(0, 7)}-01`);
  // A petition office's dispatcher oversees the unit it serves, as in the ledger and the assignment pickers.
  const unit = await reportingUnit(principal, input.unit);
  const { counts, days } = await sumCounters(unit.id, from, to);
  const summary: SurveySummary = {
    unitId: unit.id,
    unitName: unit.name,
    from,
    to,
    counts,
    daysRead: days,
    ...ratesOf(counts),
  };
  if (!input.recount) return summary;
  requireRole(principal, ['supervisor', 'admin'], '只有督办人员和管理员可以重算回访统计');
  const surveys = (await Promise.all(monthsBetween(from, to).map(listSurveysClosedInMonth)))
    .flat()
    .filter((survey) => survey.closedDate >= from && survey.closedDate <= to && survey.unitPath.includes(unit.id));
  const recounted = tally(surveys);
  const matches = Object.entries(recounted).every(([name, value]) => counts[name as keyof SurveyCounts] === value);
  return { ...summary, recount: { counts: recounted, surveysRead: surveys.length, matches } };
};

/**
 * The survey counts of a unit (its own and every unit below) for the complaints closed from `from` to `to`, from the
 * counters: for the figures of other capabilities (statistics), which check the caller themselves.
 */
export const surveyCountsOf = async (
  unitId: string,
  from: string,
  to: string,
): Promise<{ counts: SurveyCounts; daysRead: number }> => {
  const { counts, days } = await sumCounters(unitId, from, to);
  return { counts, daysRead: days };
};
