/**
 * The entity pool's supervision classes (监管类别) and the rules that put a registered firm in one — rules as data,
 * read top to bottom, the first that matches decides; a firm no rule matches is `general`. The facts they read are the
 * register's: the key-polluter flag, the positive-list status, the grade, the violations on record (complaints closed
 * as substantiated, inspection findings) and the re-grading flag.
 */
import type { Enterprise } from '#enterprises/domain/enterprise.ts';
import type { Grade } from '#grading/domain/grades.ts';
import { addDays, bureauDate } from '#platform/domain/time.ts';

export const supervisionClasses = ['key-polluter', 'special', 'general', 'positive-list'] as const;
export type SupervisionClass = (typeof supervisionClasses)[number];

export const supervisionClassLabels: Readonly<Record<SupervisionClass, string>> = {
  'key-polluter': '重点排污单位',
  special: '特殊监管对象',
  general: '一般排污单位',
  'positive-list': '正面清单企业',
};

/** One fact a rule can ask of a firm. */
export type ClassCondition =
  | { readonly fact: 'key-polluter' }
  | { readonly fact: 'positive-list' }
  | { readonly fact: 'regrade' }
  | { readonly fact: 'grade'; readonly in: readonly Grade[] }
  | { readonly fact: 'violations'; readonly withinDays: number; readonly atLeast: number };

export interface ClassRule {
  readonly class: SupervisionClass;
  /** The rule matches when any of these holds. */
  readonly anyOf: readonly ClassCondition[];
  readonly reason: string;
}

export interface ClassRules {
  readonly version: number;
  readonly rules: readonly ClassRule[];
  /** The class of a firm no rule matches. */
  readonly otherwise: SupervisionClass;
}

/**
 * The rules in force. A firm with a recent substantiated violation, flagged for re-grading or graded D is a special
 * supervision object (特殊监管对象) whatever else it is; a listed firm is supervised mainly off-site but stays in the
 * pool (its own, lower rate — never exempt); then key polluters; everyone else is general.
 */
export const classRules: ClassRules = {
  version: 1,
  rules: [
    {
      class: 'special',
      anyOf: [{ fact: 'violations', withinDays: 365, atLeast: 1 }, { fact: 'regrade' }, { fact: 'grade', in: ['D'] }],
      reason: '一年内有查实的违法行为、待重新评级或绩效等级为 D',
    },
    { class: 'positive-list', anyOf: [{ fact: 'positive-list' }], reason: '已纳入正面清单' },
    { class: 'key-polluter', anyOf: [{ fact: 'key-polluter' }], reason: '重点排污单位' },
  ],
  otherwise: 'general',
};

/** The register's facts a rule reads. */
export type ClassFacts = Pick<Enterprise, 'keyPolluter' | 'positiveList' | 'grade' | 'regrade' | 'violations'>;

const holds = (condition: ClassCondition, firm: ClassFacts, today: string): boolean => {
  switch (condition.fact) {
    case 'key-polluter':
      return firm.keyPolluter;
    case 'positive-list':
      return firm.positiveList === 'listed';
    case 'regrade':
      return firm.regrade !== undefined;
    case 'grade':
      return firm.grade !== undefined && condition.in.includes(firm.grade);
    case 'violations': {
      const since = addDays(today, -condition.withinDays);
      const recent = (firm.violations ?? []).filter((violation) => bureauDate(new Date(violation.at)) > since);
      return recent.length >= condition.atLeast;
    }
  }
};

/** The class of a firm on `today` (`YYYY-MM-DD`, Asia/Shanghai) under `rules`. */
export const supervisionClassOf = (firm: ClassFacts, today: string, rules: ClassRules = classRules): SupervisionClass =>
  rules.rules.find((rule) => rule.anyOf.some((condition) => holds(condition, firm, today)))?.class ?? rules.otherwise;
