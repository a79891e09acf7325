/**
 * What a rectification problem (整改问题) holds beyond any case: where it was found, the problem, the plan, who answers
 * for it, its deadline band, the complaint it came from, and its close-out (销号) and look-backs (回头看). The case
 * (`#cases/domain/case.ts`) carries these as `rectification`, so this file imports no case type: the workflow's steps
 * and the case both read it without an import cycle. Pure.
 */
import type { Attachment } from '#intake/domain/attachments.ts';

/** Where a problem was found. */
export const rectificationSources = [
  'central-inspection',
  'provincial-inspection',
  'self-check',
  'complaint',
  'random-inspection',
] as const;
export type RectificationSource = (typeof rectificationSources)[number];

export const rectificationSourceLabels: Readonly<Record<RectificationSource, string>> = {
  'central-inspection': '中央生态环境保护督察',
  'provincial-inspection': '省级生态环境保护督察',
  'self-check': '自查自纠',
  complaint: '信访投诉',
  'random-inspection': '双随机检查',
};

/**
 * The deadline band (整改时限类型): the period of each is policy data (the time-limit policy matching the kind and the
 * band, `#deadlines/domain/time-limit-policies.ts`), never a number in code.
 */
export const rectificationBands = ['short-term', 'medium', 'long-term'] as const;
export type RectificationBand = (typeof rectificationBands)[number];

export const rectificationBandLabels: Readonly<Record<RectificationBand, string>> = {
  'short-term': '立行立改（短期）',
  medium: '限期整改（中期）',
  'long-term': '长期整改（长期）',
};

/** A person named for a problem: the name as written, and the user it is, when known. */
export interface NamedPerson {
  readonly name: string;
  readonly username?: string;
}

export interface Milestone {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly description: string;
}

/** The plan (整改方案): the measures and the milestones, with their dates. */
export interface RectificationPlan {
  readonly measures: string;
  readonly milestones: readonly Milestone[];
}

/** The department's application to close the problem out (销号申请): what it did, with the evidence. */
export interface CloseOutApplication {
  readonly at: string;
  readonly by: string;
  readonly result: string;
  readonly evidence: readonly Attachment[];
}

/** The on-site check (现场核查) of the fix. */
export interface OnSiteCheck {
  readonly at: string;
  readonly by: string;
  /** The day of the visit, `YYYY-MM-DD` (Asia/Shanghai). */
  readonly date: string;
  readonly inspectors: string;
  readonly findings: string;
  readonly passed: boolean;
}

/** The lead official's signature (签字确认). */
export interface SignOff {
  readonly at: string;
  readonly by: string;
  readonly note?: string;
}

/** The publication (公示): from its first day for a number of working days (policy data); strike-off does not wait. */
export interface Publication {
  readonly at: string;
  readonly by: string;
  readonly startDate: string;
  /** The last day of the publication period, `YYYY-MM-DD`. */
  readonly endDate: string;
  readonly workingDays: number;
  /** Where it is published (网站、公示栏 …). */
  readonly where?: string;
  /** Years without calendar data the end date needed: flagged, not trusted. */
  readonly missingCalendarYears?: readonly number[];
}

/** How a problem was closed: struck off (销号), or done and kept up (已完成，长期坚持) for measures that go on. */
export const strikeOffOutcomes = ['struck-off', 'kept-up'] as const;
export type StrikeOffOutcome = (typeof strikeOffOutcomes)[number];

export const strikeOffOutcomeLabels: Readonly<Record<StrikeOffOutcome, string>> = {
  'struck-off': '已销号',
  'kept-up': '已完成，长期坚持',
};

export interface StrikeOff {
  readonly at: string;
  readonly by: string;
  readonly outcome: StrikeOffOutcome;
  readonly note?: string;
}

/** The close-out steps taken so far, in order; a failed on-site check or a rebound starts them again. */
export interface CloseOut {
  readonly application?: CloseOutApplication;
  readonly onSiteCheck?: OnSiteCheck;
  readonly signOff?: SignOff;
  readonly publication?: Publication;
  readonly struckOff?: StrikeOff;
}

export const lookBackOutcomes = ['confirmed', 'rebounded'] as const;
export type LookBackOutcome = (typeof lookBackOutcomes)[number];

export const lookBackOutcomeLabels: Readonly<Record<LookBackOutcome, string>> = {
  confirmed: '整改成效巩固',
  rebounded: '问题反弹，重新整改',
};

/** A look-back (回头看): due months after the strike-off (policy data), then recorded as confirmed or rebounded. */
export interface LookBack {
  /** `YYYY-MM-DD`. */
  readonly dueDate: string;
  readonly scheduledAt: string;
  readonly doneAt?: string;
  readonly by?: string;
  /** The day it was done, `YYYY-MM-DD`. */
  readonly date?: string;
  readonly outcome?: LookBackOutcome;
  readonly findings?: string;
}

/** A rectification problem's own fields on its case. */
export interface RectificationDetails {
  readonly source: RectificationSource;
  /** The inspection batch, the hand-down document number (交办文号) … */
  readonly sourceReference?: string;
  /** The number the ledger it came from gave it (序号). */
  readonly ledgerNumber?: string;
  readonly description: string;
  readonly plan: RectificationPlan;
  /** The responsible unit (责任单位) as a unit of the directory. */
  readonly responsibleUnit: { readonly id: string; readonly name: string };
  /** 责任领导 and 责任人: users where they are, else the names as written (the case is assigned once both fit). */
  readonly leadOfficial?: NamedPerson;
  readonly responsiblePerson?: NamedPerson;
  readonly band: RectificationBand;
  /** A target date given instead of the band's period (`YYYY-MM-DD`): the finish deadline is that day. */
  readonly targetDate?: string;
  /** The complaint the problem came from; the complaint names it back in `rectificationProblems`. */
  readonly fromCase?: { readonly caseId: string; readonly number: string };
  /** The ledger import that created it. */
  readonly importId?: string;
  readonly remark?: string;
  readonly closeOut?: CloseOut;
  /** Every look-back, oldest first; the last one without an outcome is the one due. */
  readonly lookBacks?: readonly LookBack[];
}

/** A problem a case gave rise to (on a complaint: the rectification problems made from it). */
export interface LinkedProblem {
  readonly caseId: string;
  readonly number: string;
  readonly at: string;
}

/** The look-back still to be done, if any. */
export const pendingLookBack = (details: RectificationDetails | undefined): LookBack | undefined => {
  const last = details?.lookBacks?.at(-1);
  return last && last.outcome === undefined ? last : undefined;
};

/** Where a problem stands in its close-out (for lists and the ledger file). */
export const closeOutStages = [
  'rectifying',
  'applied',
  'checked',
  'signed-off',
  'published',
  'struck-off',
  'kept-up',
] as const;
export type CloseOutStage = (typeof closeOutStages)[number];

export const closeOutStageLabels: Readonly<Record<CloseOutStage, string>> = {
  rectifying: '整改中',
  applied: '已申请销号',
  checked: '已现场核查',
  'signed-off': '已签字确认',
  published: '公示中',
  'struck-off': '已销号',
  'kept-up': '已完成，长期坚持',
};

/** The furthest close-out step taken. */
export const closeOutStageOf = (closeOut: CloseOut | undefined): CloseOutStage => {
  if (closeOut?.struckOff) return closeOut.struckOff.outcome;
  if (closeOut?.publication) return 'published';
  if (closeOut?.signOff) return 'signed-off';
  if (closeOut?.onSiteCheck?.passed) return 'checked';
  if (closeOut?.application) return 'applied';
  return 'rectifying';
};

/**
 * A calendar date `months` later, on the same day of the month or the month's last day when it has fewer days
 * (`2026-08-31` + 6 → `2027-02-28`).
 */
export const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
};
