/**
 * The positive list (正面清单, 监督执法正面清单): firms the bureau inspects less often on site. Who may enter and what
 * removes a firm are rules held as data ({@link PositiveListRules}), read by one evaluator; every entry and removal is
 * a step of the firm's positive-list history with who, when, why and under which rules.
 */

import type { Grade } from '#grading/domain/grades.ts';
import { ConflictError } from '#platform/domain/errors.ts';
import { plainText } from '#platform/domain/text.ts';
import { addDays, bureauDate } from '#platform/domain/time.ts';
import { z } from '#platform/domain/zod.ts';
import type { Enterprise } from './enterprise.ts';
import type { PositiveListChange } from './records.ts';

/** The conditions of the positive list. */
export interface PositiveListRules {
  /** Raised whenever the rules change: each history step names the version it was decided under. */
  readonly version: number;
  /** The grades that qualify (e.g. A and B). */
  readonly entryGrades: readonly Grade[];
  /** No substantiated violation within this many months before entry. */
  readonly cleanMonths: number;
  /** A serious violation removes the firm and bars it for this many years. */
  readonly barYears: number;
  /** A firm whose published grade falls below the entry grades leaves the list. */
  readonly removeWhenGradeFalls: boolean;
}

/** The rules in force: grade A or B, no substantiated violation in 12 months; a serious violation bars for 3 years. */
export const positiveListRules: PositiveListRules = {
  version: 1,
  entryGrades: ['A+', 'A', 'B'],
  cleanMonths: 12,
  barYears: 3,
  removeWhenGradeFalls: true,
};

export const positiveListEntrySchema = z
  .object({
    uscc: z.string().trim().min(1).describe('统一社会信用代码 / the enterprise'),
    reason: plainText(2, 500).describe('纳入理由 / why it enters'),
    version: z.int().min(1).optional().describe('所依据的企业版本 / the enterprise version read'),
  })
  .strict();

export const positiveListRemovalSchema = z
  .object({
    reason: plainText(2, 500).describe('移出理由 / why it leaves'),
    serious: z
      .boolean()
      .default(false)
      .describe('因严重违法移出：按规则若干年内不得再纳入 / removed for a serious violation, which bars re-entry'),
    version: z.int().min(1).optional().describe('所依据的企业版本 / the enterprise version read'),
  })
  .strict();

export const positiveListQuerySchema = z
  .object({
    candidates: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true')
      .describe('同时列出符合条件但未纳入的企业 / also list the firms that qualify and are not on it'),
  })
  .strict();

const monthsBefore = (day: string, months: number): string => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1 - months, date));
  return shifted.toISOString().slice(0, 10);
};

/** Why `enterprise` may not enter today (empty when it may), each unmet condition in words. */
export const entryObstacles = (
  enterprise: Pick<Enterprise, 'grade' | 'positiveList' | 'violations' | 'positiveListBarredUntil'>,
  today: string,
  rules: PositiveListRules = positiveListRules,
): string[] => {
  const obstacles: string[] = [];
  if (enterprise.positiveList === 'listed') obstacles.push('已在正面清单中');
  if (!enterprise.grade || !rules.entryGrades.includes(enterprise.grade)) {
    const now = enterprise.grade ? `${enterprise.grade} 级` : '未评级';
    obstacles.push(`绩效等级须为 ${rules.entryGrades.join('、')} 级之一（现为 ${now}）`);
  }
  const since = monthsBefore(today, rules.cleanMonths);
  const recent = (enterprise.violations ?? []).filter((violation) => bureauDate(new Date(violation.at)) >= since);
  if (recent.length > 0) {
    obstacles.push(
      `近 ${rules.cleanMonths} 个月内有查实的违法问题：${recent.map((violation) => violation.number).join('、')}`,
    );
  }
  if (enterprise.positiveListBarredUntil && today < enterprise.positiveListBarredUntil) {
    obstacles.push(`因严重违法被移出，${enterprise.positiveListBarredUntil} 前不得再纳入`);
  }
  return obstacles;
};

const checkVersion = (enterprise: Enterprise, version: number | undefined): void => {
  if (version !== undefined && version !== enterprise.version) {
    throw new ConflictError(`企业信息已被他人修改（当前版本 ${enterprise.version}），请刷新后重试`);
  }
};

const withStep = (enterprise: Enterprise, step: PositiveListChange, changes: Partial<Enterprise>): Enterprise => ({
  ...enterprise,
  ...changes,
  positiveListHistory: [...(enterprise.positiveListHistory ?? []), step],
  version: enterprise.version + 1,
  updatedAt: step.at,
  updatedBy: step.by,
});

/** The firm on the list; a ConflictError naming every unmet condition when it may not enter. */
export const enterPositiveList = (
  enterprise: Enterprise,
  input: { readonly reason: string; readonly version?: number },
  by: string,
  at: string,
  rules: PositiveListRules = positiveListRules,
): Enterprise => {
  checkVersion(enterprise, input.version);
  const obstacles = entryObstacles(enterprise, bureauDate(new Date(at)), rules);
  if (obstacles.length > 0) throw new ConflictError(`不符合纳入正面清单的条件：${obstacles.join('；')}`);
  return withStep(
    enterprise,
    { at, by, action: 'enter', reason: input.reason, rulesVersion: rules.version },
    { positiveList: 'listed' },
  );
};

/** The firm off the list; for a serious violation, barred from re-entry for the rules' years. */
export const removeFromPositiveList = (
  enterprise: Enterprise,
  input: { readonly reason: string; readonly serious: boolean; readonly version?: number },
  by: string,
  at: string,
  rules: PositiveListRules = positiveListRules,
): Enterprise => {
  checkVersion(enterprise, input.version);
  if (enterprise.positiveList !== 'listed') throw new ConflictError('该企业不在正面清单中');
  const barredUntil = input.serious ? addYears(bureauDate(new Date(at)), rules.barYears) : undefined;
  return withStep(
    enterprise,
    {
      at,
      by,
      action: 'remove',
      reason: input.reason,
      rulesVersion: rules.version,
      ...(input.serious ? { serious: true, barredUntil } : {}),
    },
    { positiveList: 'removed', ...(barredUntil ? { positiveListBarredUntil: barredUntil } : {}) },
  );
};

/** The removal a published grade calls for: a listed firm whose grade fell below the entry grades; else the firm. */
export const afterGradeChange = (
  enterprise: Enterprise,
  at: string,
  rules: PositiveListRules = positiveListRules,
): Enterprise => {
  const { grade } = enterprise;
  if (enterprise.positiveList !== 'listed' || !rules.removeWhenGradeFalls || !grade) return enterprise;
  if (rules.entryGrades.includes(grade)) return enterprise;
  const step: PositiveListChange = {
    at,
    by: 'system',
    action: 'remove',
    reason: `绩效等级降为 ${grade} 级，不再符合正面清单条件`,
    rulesVersion: rules.version,
  };
  return {
    ...enterprise,
    positiveList: 'removed',
    positiveListHistory: [...(enterprise.positiveListHistory ?? []), step],
  };
};

/** The step that put a listed firm on the list (its reason is the member's reason). */
export const entryStep = (enterprise: Pick<Enterprise, 'positiveListHistory'>): PositiveListChange | undefined =>
  [...(enterprise.positiveListHistory ?? [])].reverse().find((step) => step.action === 'enter');

const addYears = (day: string, years: number): string => {
  const [year, rest] = [Number(day.slice(0, 4)), day.slice(4)];
  const shifted = `${year + years}${rest}`;
  // 29 February in a year without one: the day after 28 February.
  return rest === '-02-29' && !isLeap(year + years) ? addDays(`${year + years}-02-28`, 1) : shifted;
};

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
