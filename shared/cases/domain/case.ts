import type { CaseTimeLimits, ProgressColour } from '#deadlines/domain/clocks.ts';
import type { HelpPlanDetails } from '#grading/domain/help-plan-details.ts';
import type { Attachment } from '#intake/domain/attachments.ts';
import type { Channel, PollutionCategory, Urgency } from '#intake/domain/complaint-input.ts';
import type { OfficialRole } from '#platform/domain/principal.ts';
import type { LinkedProblem, RectificationDetails } from '#rectification/domain/details.ts';

export const caseKinds = ['complaint', 'rectification', 'task', 'help-plan'] as const;
export type CaseKind = (typeof caseKinds)[number];

export const caseStates = [
  'registered',
  'accepted',
  'rejected',
  'merged',
  'assigned',
  'in-progress',
  'returned',
  'result-submitted',
  'closed',
  'review-requested',
] as const;

export type CaseState = (typeof caseStates)[number];

/** States a case is finished in: nothing more is done to it (a review request starts from `closed`). */
export const finishedStates: readonly CaseState[] = ['closed', 'rejected', 'merged'];

export const isFinishedState = (state: CaseState): boolean => finishedStates.includes(state);

/** When a finished case was finished (a merged duplicate has no closing of its own: its last change); else absent. */
export const finishedAtOf = (item: Pick<Case, 'state' | 'closedAt' | 'updatedAt'>): string | undefined =>
  isFinishedState(item.state) ? (item.closedAt ?? item.updatedAt) : undefined;

/**
 * The unit holding a case now (its department once assigned, before that the unit that owns it) and the units above
 * it, from the root: where the case counts, in the ledger and the statistics.
 */
export const holderPathOf = (item: Pick<Case, 'assignment' | 'unitPath'>): readonly string[] =>
  item.assignment?.departmentPath ?? item.unitPath;

/** Who must finish the case: the department, its responsible person (责任人) and the lead official (包案领导). */
export interface Assignment {
  readonly departmentId: string;
  readonly departmentPath: readonly string[];
  readonly responsibleUsername: string;
  readonly leadUsername: string;
  readonly assignedAt: string;
  readonly assignedBy: string;
}

export interface Extension {
  readonly status: 'requested' | 'approved' | 'refused';
  readonly days: number;
  readonly reason: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly decisionNote?: string;
}

/** What the department's check found of a complaint (核查结论): substantiated, partly, or not. */
export const substantiations = ['yes', 'partly', 'no'] as const;
export type Substantiation = (typeof substantiations)[number];

export interface CaseResult {
  /** The department's account of what it found and did (internal). */
  readonly text: string;
  /** What the complainant is told. */
  readonly publicReply: string;
  /** For a complaint: whether it was substantiated (属实 / 部分属实 / 不属实); a substantiated one counts against the firm. */
  readonly substantiated?: Substantiation;
  readonly submittedAt: string;
  readonly submittedBy: string;
}

export interface Complainant {
  readonly anonymous: boolean;
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly confidential: boolean;
}

export interface ComplaintDetails {
  readonly channel: Channel;
  readonly complainant?: Complainant;
  readonly place: {
    readonly address: string;
    readonly town?: string;
    readonly coordinates?: { readonly latitude: number; readonly longitude: number };
  };
  readonly source?: { readonly name: string; readonly uscc?: string };
  readonly category: PollutionCategory;
  readonly description: string;
  readonly urgency: Urgency;
  /** Photos, recordings and documents, kept in the attachments bucket. */
  readonly attachments?: readonly Attachment[];
}

/** The bodies a lead may be handed to (移交线索 / 移送): the discipline body (纪检监察), the police, the judiciary. */
export const transferBodies = ['discipline', 'police', 'judiciary'] as const;
export type TransferBody = (typeof transferBodies)[number];

/** A lead handed to another body (移交): what, to whom, when, under which reference, and what came of it. */
export interface Transfer {
  /** ULID. */
  readonly id: string;
  /** When it was recorded (UTC). */
  readonly at: string;
  /** The day it was handed over, `YYYY-MM-DD` (Asia/Shanghai). */
  readonly date: string;
  readonly body: TransferBody;
  /** The receiving body by name, e.g. 市纪委监委. */
  readonly bodyName?: string;
  /** The document number (文号) of the transfer. */
  readonly reference?: string;
  /** What was handed over. */
  readonly summary: string;
  /** What the receiving body did with it, once known. */
  readonly outcome?: string;
  /** The day of the outcome, `YYYY-MM-DD` (Asia/Shanghai). */
  readonly outcomeAt?: string;
  /** Who recorded it. */
  readonly by: string;
}

/** 督办事项: any tracked item. Instants are ISO 8601 in UTC. */
export interface Case {
  readonly id: string;
  /** Human-readable number, e.g. `GL-2026-000123`. */
  readonly number: string;
  readonly kind: CaseKind;
  readonly state: CaseState;
  /** Incremented by every change; a write must name the version it read (optimistic concurrency). */
  readonly version: number;
  /** The unit that owns the case, and its path from the root: users of any unit on the path may act on it. */
  readonly unitId: string;
  readonly unitPath: readonly string[];
  readonly receivedAt: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
  readonly complaint?: ComplaintDetails;
  /** Number of history entries: the next entry's sequence is this plus one. */
  readonly historyLength: number;
  readonly assignment?: Assignment;
  /** How often departments sent the case back as not their remit. */
  readonly returnCount: number;
  readonly extensions: readonly Extension[];
  readonly result?: CaseResult;
  /** The reason given to the complainant when the complaint was not accepted. */
  readonly rejectionReason?: string;
  /** The master case this duplicate was merged into. */
  readonly mergedInto?: string;
  /** Duplicates merged into this case: their complainants are told the result too. */
  readonly mergedCases: readonly string[];
  readonly closedAt?: string;
  /** Deadlines computed from the time-limit policy in force when the case started, with that policy's version. */
  readonly timeLimits?: CaseTimeLimits;
  /** Progress colour (进度色标): kept current by transitions and the nightly check. */
  readonly colour?: ProgressColour;
  /** When the nightly check must next look at this case (its next colour change or escalation); absent once finished. */
  readonly nextCheckAt?: string;
  /** Finished after its deadline. */
  readonly late?: boolean;
  /** Working days from receipt to the approval that closed it (absent while open, and on cases closed before). */
  readonly workingDaysToClose?: number;
  /** How often a review was asked for (a complainant's dissatisfaction, a look-back) and how often it was reopened. */
  readonly reviewCount?: number;
  readonly reopenCount?: number;
  /** Years a deadline needed but the calendar lacks: those deadlines are flagged, not trusted. */
  readonly calendarMissingYears?: readonly number[];
  /** Earlier complaints that look like the same matter, for the dispatcher to merge or not. */
  readonly duplicateCandidates?: readonly { caseId: string; number: string; reasons: readonly string[] }[];
  /** For complaints from the public: the code they track progress with (the secret is stored elsewhere, hashed). */
  readonly trackingCode?: string;
  /** Leads handed to the discipline body, the police or the judiciary: they do not change the state. */
  readonly transfers?: readonly Transfer[];
  /** A help plan's own fields: the enterprise graded D, the assessment, and the indicators to bring up to C. */
  readonly helpPlan?: HelpPlanDetails;
  /** A rectification problem's own fields: source, plan, responsible unit and people, band, close-out, look-backs. */
  readonly rectification?: RectificationDetails;
  /** On a complaint: the rectification problems made from it (each names the complaint back in `fromCase`). */
  readonly rectificationProblems?: readonly LinkedProblem[];
}

/** One entry of a case's append-only history: who did what, when, why, and what changed. */
export interface HistoryEntry {
  readonly caseId: string;
  /** Position in the history, from 1. */
  readonly sequence: number;
  readonly at: string;
  readonly actor: string;
  readonly role: OfficialRole | 'system' | 'public';
  readonly action: string;
  readonly fromState: CaseState | null;
  readonly toState: CaseState;
  readonly reason?: string;
  readonly changes: Readonly<Record<string, unknown>>;
}

/** Something that happened to a case, fanned out to workers through the notices queue. */
export const caseEventTypes = [
  'complaint-registered',
  'case-accepted',
  'case-rejected',
  'case-merged',
  'case-assigned',
  'case-signed',
  'case-returned',
  'result-submitted',
  'result-sent-back',
  'case-closed',
  'extension-requested',
  'extension-approved',
  'extension-refused',
  'review-requested',
  'case-reopened',
  'deadline-yellow',
  'deadline-red',
  'deadline-reminder',
  'deadline-supervision',
  'calendar-missing',
  'help-plan-opened',
  'regrade-flagged',
] as const;

export type CaseEventType = (typeof caseEventTypes)[number];

export interface CaseEvent {
  readonly id: string;
  readonly type: CaseEventType;
  readonly caseId: string;
  readonly occurredAt: string;
  /** The history entry that recorded the change. */
  readonly sequence?: number;
  /** For deadline notices: which clock, and its deadline. */
  readonly clock?: string;
  readonly dueAt?: string;
  /**
   * Years without calendar data that the change newly needed: on `calendar-missing` (one year each), and on
   * `complaint-registered` when the first deadlines already needed them.
   */
  readonly calendarYears?: readonly number[];
}

/**
 * Each kind is numbered by its own yearly counter, so its number says the kind: complaints `GL-2026-000123`, and
 * rectification problems (整改) `GL-ZG-…`, campaign tasks (任务) `GL-RW-…`, help plans (帮扶) `GL-BF-…`.
 */
const numberPrefixes: Readonly<Record<CaseKind, string>> = {
  complaint: 'GL',
  rectification: 'GL-ZG',
  task: 'GL-RW',
  'help-plan': 'GL-BF',
};

export const formatCaseNumber = (year: number, sequence: number, kind: CaseKind = 'complaint'): string =>
  `${numberPrefixes[kind]}-${year}-${String(sequence).padStart(6, '0')}`;
