import { type CaseKind, type CaseState, caseKinds } from '#cases/domain/case.ts';
import { channels, pollutionCategories, urgencies } from '#intake/domain/complaint-input.ts';
import { z } from '#platform/domain/zod.ts';
import { type RectificationBand, rectificationBands } from '#rectification/domain/details.ts';
import type { ClockName } from './clocks.ts';
import type { PolicyStep } from './periods.ts';

export { type ClockName, clockLabels, clockNames } from './clocks.ts';

const stepSchema = z
  .object({
    amount: z.number().int().min(0).max(3650),
    unit: z.enum(['calendar-days', 'working-days', 'hours']),
    startsNextDay: z.boolean(),
    rollsOverHolidays: z.boolean(),
  })
  .strict();

/** No policy allows a single extension longer than this (a year); each policy sets its own limit below it. */
export const extensionDaysCeiling = 365;

const policySchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,60}$/, '编号须为 2–60 位小写字母、数字或连字符'),
    name: z.string().trim().min(1).max(100),
    /** The policy applies to cases matching every field given; the most specific match wins. */
    match: z
      .object({
        kind: z.enum(caseKinds).optional(),
        channel: z.enum(channels).optional(),
        category: z.enum(pollutionCategories).optional(),
        urgency: z.enum(urgencies).optional(),
        /** A rectification problem's deadline band (立行立改 / 中期 / 长期): its period is this policy's finish step. */
        band: z.enum(rectificationBands).optional(),
      })
      .strict(),
    steps: z
      .object({
        accept: stepSchema.optional(),
        sign: stepSchema.optional(),
        finish: stepSchema,
        review: stepSchema.optional(),
      })
      .strict(),
    /** The longest single extension, in calendar days. */
    maxExtensionDays: z.number().int().min(0).max(extensionDaysCeiling),
    /** How many extensions a case may have (requested or approved; a refused one does not count). */
    maxExtensions: z.number().int().min(0).max(10),
    /** How often departments may send a case back as not their remit before the dispatcher must settle it. */
    maxReturns: z.number().int().min(0).max(20),
    /** Yellow starts when this share of the period is left, and at least `minimumDays` before the deadline. */
    warning: z.object({ fraction: z.number().min(0).max(1), minimumDays: z.number().min(0).max(30) }).strict(),
    /**
     * A rectification problem's close-out (销号): how many working days its publication (公示) runs, and how many months
     * after the strike-off its look-back (回头看) is due. Absent: {@link defaultCloseOutPolicy}.
     */
    closeOut: z
      .object({
        publicationWorkingDays: z.number().int().min(0).max(60),
        lookBackMonths: z.number().int().min(1).max(60),
      })
      .strict()
      .optional(),
  })
  .strict();

export type TimeLimitPolicy = z.output<typeof policySchema>;

export type CloseOutPolicy = NonNullable<TimeLimitPolicy['closeOut']>;

/** The close-out periods of a policy that names none (one saved before they were policy data): 5 working days, 6 months. */
export const defaultCloseOutPolicy: CloseOutPolicy = { publicationWorkingDays: 5, lookBackMonths: 6 };

/** The close-out periods of `policy`. */
export const closeOutPolicyOf = (policy: TimeLimitPolicy): CloseOutPolicy => policy.closeOut ?? defaultCloseOutPolicy;

export const policySetSchema = z
  .object({
    policies: z
      .array(policySchema)
      .min(1)
      .max(100)
      .superRefine((policies, context) => {
        const ids = new Set<string>();
        policies.forEach((policy, index) => {
          if (ids.has(policy.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: '编号重复' });
          ids.add(policy.id);
        });
        if (!policies.some((policy) => Object.keys(policy.match).length === 0)) {
          context.addIssue({ code: 'custom', path: [], message: '须有一条不设适用条件的兜底规则' });
        }
      }),
  })
  .strict();

export interface PolicySet {
  readonly version: number;
  readonly policies: readonly TimeLimitPolicy[];
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

const calendarDays = (amount: number): PolicyStep => ({
  amount,
  unit: 'calendar-days',
  startsNextDay: true,
  rollsOverHolidays: true,
});
const workingDays = (amount: number): PolicyStep => ({
  amount,
  unit: 'working-days',
  startsNextDay: true,
  rollsOverHolidays: true,
});

/** A rectification problem's band: its finish period, its close-out periods, two extensions. */
const rectificationPolicy = (band: RectificationBand, name: string, days: number): TimeLimitPolicy => ({
  id: `rectification-${band}`,
  name,
  match: { kind: 'rectification', band },
  steps: { accept: calendarDays(15), finish: calendarDays(days), review: calendarDays(30) },
  maxExtensionDays: 90,
  maxExtensions: 2,
  maxReturns: 3,
  warning: { fraction: 0.2, minimumDays: 3 },
  closeOut: defaultCloseOutPolicy,
});

/**
 * The policies a new installation starts with (version 1), editable by administrators like any later version.
 * Petition regulation 《信访工作条例》(2022): decide on acceptance within 15 days, finish within 60 days of acceptance,
 * one extension of at most 30 days, a review answered within 30 days. Hotline work orders: sign for within 1 working
 * day, finish in 13 working days; urgent matters the same day. Other cases (rectification problems, campaign tasks,
 * help plans) start with the same periods and may be extended twice; a rectification problem's band (立行立改 30 days,
 * medium 180, long-term 365) sets its finish period, with a 5-working-day publication and a look-back 6 months after
 * the strike-off.
 */
export const initialPolicySet: PolicySet = {
  version: 1,
  policies: [
    {
      id: 'default',
      name: '督办事项默认时限',
      match: {},
      steps: { accept: calendarDays(15), finish: calendarDays(60), review: calendarDays(30) },
      maxExtensionDays: 30,
      maxExtensions: 2,
      maxReturns: 3,
      warning: { fraction: 0.2, minimumDays: 1 },
    },
    {
      id: 'petition-regulation',
      name: '《信访工作条例》默认时限',
      match: { kind: 'complaint' },
      steps: { accept: calendarDays(15), finish: calendarDays(60), review: calendarDays(30) },
      maxExtensionDays: 30,
      maxExtensions: 1,
      maxReturns: 3,
      warning: { fraction: 0.2, minimumDays: 1 },
    },
    {
      id: 'hotline',
      name: '热线工单',
      match: { kind: 'complaint', channel: 'hotline' },
      steps: { accept: workingDays(1), sign: workingDays(1), finish: workingDays(13), review: calendarDays(30) },
      maxExtensionDays: 30,
      maxExtensions: 1,
      maxReturns: 3,
      warning: { fraction: 0.2, minimumDays: 1 },
    },
    {
      id: 'hotline-urgent',
      name: '热线紧急工单（当日办结）',
      match: { kind: 'complaint', channel: 'hotline', urgency: 'urgent' },
      steps: {
        accept: { amount: 2, unit: 'hours', startsNextDay: false, rollsOverHolidays: false },
        sign: { amount: 2, unit: 'hours', startsNextDay: false, rollsOverHolidays: false },
        finish: { amount: 0, unit: 'working-days', startsNextDay: false, rollsOverHolidays: true },
        review: calendarDays(30),
      },
      maxExtensionDays: 30,
      maxExtensions: 1,
      maxReturns: 3,
      warning: { fraction: 0.2, minimumDays: 0 },
    },
    rectificationPolicy('short-term', '整改问题：立行立改（30 日内）', 30),
    rectificationPolicy('medium', '整改问题：中期整改（180 日内）', 180),
    rectificationPolicy('long-term', '整改问题：长期整改（一年内）', 365),
  ],
};

/** A policy as saved before `maxExtensions` and `maxReturns` were policy data (they were constants then). */
export type StoredTimeLimitPolicy = Omit<TimeLimitPolicy, 'maxExtensions' | 'maxReturns'> &
  Partial<Pick<TimeLimitPolicy, 'maxExtensions' | 'maxReturns'>>;

/**
 * A stored policy with the limits that were constants when it was saved: 3 returns; one extension for a complaint
 * (the petition regulation) and two for other kinds. A policy without a kind counts as a complaint's: until these
 * fields existed only complaints could be created, so a catch-all only ever served complaints.
 */
export const withLimitDefaults = (policy: StoredTimeLimitPolicy): TimeLimitPolicy => ({
  ...policy,
  maxExtensions: policy.maxExtensions ?? (policy.match.kind === undefined || policy.match.kind === 'complaint' ? 1 : 2),
  maxReturns: policy.maxReturns ?? 3,
});

export interface PolicySubject {
  readonly kind: CaseKind;
  readonly channel?: string;
  readonly category?: string;
  readonly urgency?: string;
  readonly band?: string;
}

/** The most specific policy whose every condition the case meets. */
export const choosePolicy = (set: PolicySet, subject: PolicySubject): TimeLimitPolicy => {
  const matching = set.policies.filter((policy) =>
    Object.entries(policy.match).every(([field, value]) => subject[field as keyof PolicySubject] === value),
  );
  const best = matching.sort((a, b) => Object.keys(b.match).length - Object.keys(a.match).length)[0];
  if (!best) throw new Error('no time-limit policy matches; a policy set always has a catch-all');
  return best;
};

/** Which clocks run in which state. */
export const activeClocks: Readonly<Partial<Record<CaseState, readonly ClockName[]>>> = {
  registered: ['accept'],
  accepted: ['finish'],
  returned: ['finish'],
  assigned: ['sign', 'finish'],
  'in-progress': ['finish'],
  'result-submitted': ['finish'],
  'review-requested': ['review'],
};
