import { caseKindLabels, categoryLabels, channelLabels } from '#cases/domain/labels.ts';
import { type CounterBucket, readCounterBuckets, readOpenCounters } from '#cases/services/records.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { reportingUnit } from '#directory/services/list-units.ts';
import { listChildUnits } from '#directory/services/lookup.ts';
import { readEnforcementFigures } from '#inspections/services/figures-for-period.ts';
import { now } from '#platform/clock.ts';
import { reportingPeriod } from '#platform/domain/period.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { rectificationSourceLabels } from '#rectification/domain/details.ts';
import { cohortBucket, cohortByDimensionBucket, type DimensionName } from '#statistics/domain/counters.ts';
import { type EnforcementFigures, enforcementFiguresOf } from '#statistics/domain/enforcement.ts';
import { type Figures, figuresOf, valuesOf, withoutParts } from '#statistics/domain/figures.ts';
import { type Grouping, statsQuerySchema } from '#statistics/domain/query.ts';
import { ratesOf, type SurveyRates } from '#surveys/domain/figures.ts';
import { surveyCountsOf } from '#surveys/services/summary.ts';

export interface StatsRow extends Figures {
  /** The unit id, month (`2026-03`), channel, category or kind. */
  readonly key: string;
  readonly label: string;
  /** For rows by unit: the survey rates of its complaints closed in the period. */
  readonly satisfaction?: SurveyRates;
}

export interface OpenNow {
  /** Open cases by colour now, whenever received (`none`: not yet timed). */
  readonly byColour: Readonly<Record<string, number>>;
  readonly byState: Readonly<Record<string, number>>;
}

export interface Stats extends Figures {
  readonly unitId: string;
  readonly unitName: string;
  readonly from: string;
  readonly to: string;
  readonly groupBy?: Grouping;
  /** What the figures count, in words. */
  readonly basis: string;
  /** The survey rates of the complaints closed from `from` to `to` (a survey follows a closing). */
  readonly satisfaction: SurveyRates;
  readonly openNow: OpenNow;
  /**
   * The enforcement figures of the unit (units below included) for the period: inspections, cases filed, decisions,
   * the penalties, transfers and closings, each on its own day — from the inspections capability's counters.
   */
  readonly enforcement: EnforcementFigures;
  readonly rows: readonly StatsRow[];
  /**
   * Case counter items (and, by department, the units below) read to answer: no case is read. The enforcement figures
   * are one query more, of at most one counter item per day of the period.
   */
  readonly itemsRead: number;
}

const basis =
  '按收到日期统计：所列为期间内收到的事项现在的办理情况（含下级单位；按现在承办的单位计）；满意度为期间内办结事项的回访结果；' +
  '“在办”按色标为当前数 / The cases received in the period as they stand now (units below included, counted where ' +
  'they are held now); satisfaction of the complaints closed in the period; open by colour as of now.';

const dimensionLabels: Readonly<Record<Exclude<Grouping, 'department' | 'month'>, Readonly<Record<string, string>>>> = {
  channel: channelLabels,
  category: categoryLabels,
  kind: caseKindLabels,
  source: rectificationSourceLabels,
};

const openNowOf = (bucket: CounterBucket): OpenNow => {
  const byColour: Record<string, number> = {};
  const byState: Record<string, number> = {};
  for (const [name, value] of Object.entries(bucket.figures)) {
    if (value === 0 || name.includes('|')) continue;
    if (name.startsWith('colour.')) byColour[name.slice('colour.'.length)] = value;
    if (name.startsWith('state.')) byState[name.slice('state.'.length)] = value;
  }
  return { byColour, byState };
};

const cohortOf = (unitId: string, from: string, to: string) =>
  readCounterBuckets(unitId, cohortBucket(from), cohortBucket(to));

const satisfactionOf = async (unitId: string, from: string, to: string) => {
  const { counts, daysRead } = await surveyCountsOf(unitId, from, to);
  return { rates: ratesOf(counts), daysRead };
};

/**
 * The statistics of a unit (its own and every unit below) for the cases received in a period, from the counters kept
 * with every change of a case: one item per day with cases, and one of open cases — never a case; and the enforcement
 * figures of the period, from the inspections capability's counters (one item per day with any). With `groupBy`, a
 * row per unit directly below (and the unit's own, 本级), month, channel, category or kind. Rows by unit, month and
 * kind add up to the total; rows by channel and category to the complaints' part of it (other kinds have neither).
 */
export const readStats = async (query: unknown, principal: Principal): Promise<Stats> => {
  requireRole(
    principal,
    ['dispatcher', 'lead', 'supervisor', 'admin'],
    '只有信访办、包案领导、督办人员和管理员可以查看统计',
  );
  const input = parseWith(statsQuerySchema, query);
  const { from, to } = reportingPeriod(input, bureauDate(now()), (end) => `${end.slice(0, 4)}-01-01`);
  const unit = await reportingUnit(principal, input.unit);

  const [buckets, open, satisfaction, enforcement] = await Promise.all([
    cohortOf(unit.id, from, to),
    readOpenCounters(unit.id),
    satisfactionOf(unit.id, from, to),
    readEnforcementFigures(unit.id, from, to),
  ]);
  let itemsRead = buckets.length + 1 + satisfaction.daysRead;
  let rows: StatsRow[] = [];

  if (input.groupBy === 'department') {
    const children = await listChildUnits(unit.id);
    itemsRead += children.length;
    const parts = await Promise.all(
      children.map(async (child) => {
        const [childBuckets, childSatisfaction] = await Promise.all([
          cohortOf(child.id, from, to),
          satisfactionOf(child.id, from, to),
        ]);
        itemsRead += childBuckets.length + childSatisfaction.daysRead;
        return { child, buckets: childBuckets, satisfaction: childSatisfaction.rates };
      }),
    );
    rows = [
      {
        key: unit.id,
        label: '本级',
        ...figuresOf(
          withoutParts(
            buckets,
            parts.flatMap((part) => part.buckets),
          ),
        ),
      },
      ...parts.map(({ child, buckets: own, satisfaction: rates }) => ({
        key: child.id,
        label: child.name,
        ...figuresOf(own),
        satisfaction: rates,
      })),
    ];
  } else if (input.groupBy === 'month') {
    const months = [...new Set(buckets.map((bucket) => bucket.bucket.slice(2, 9)))].sort();
    rows = months.map((month) => ({
      key: month,
      label: `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`,
      ...figuresOf(buckets.filter((bucket) => bucket.bucket.startsWith(`R#${month}`))),
    }));
  } else if (input.groupBy) {
    const dimension: DimensionName = input.groupBy;
    const byDimension = await readCounterBuckets(unit.id, cohortByDimensionBucket(from), cohortByDimensionBucket(to));
    itemsRead += byDimension.length;
    rows = valuesOf(byDimension, dimension).map((value) => ({
      key: value,
      label: dimensionLabels[dimension][value] ?? value,
      ...figuresOf(byDimension, { [dimension]: value }),
    }));
  }

  return {
    unitId: unit.id,
    unitName: unit.name,
    from,
    to,
    ...(input.groupBy ? { groupBy: input.groupBy } : {}),
    basis,
    ...figuresOf(buckets),
    satisfaction: satisfaction.rates,
    openNow: openNowOf(open),
    enforcement: enforcementFiguresOf(enforcement),
    rows,
    itemsRead,
  };
};
