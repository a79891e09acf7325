import type { Channel, PollutionCategory, Urgency } from './complaint-input.ts';
import type { OfficialRole } from './roles.ts';

export type CaseKind = 'complaint' | 'rectification' | 'task' | 'help-plan';

/** States grow with the workflow; a case starts as `registered`. */
export type CaseState = 'registered';

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
export interface CaseEvent {
  readonly id: string;
  readonly type: 'complaint-registered';
  readonly caseId: string;
  readonly occurredAt: string;
}

export const formatCaseNumber = (year: number, sequence: number): string =>
  `GL-${year}-${String(sequence).padStart(6, '0')}`;
