/**
 * Stores a batch of cases planned beforehand (a campaign's tasks, an imported ledger's problems), each with a record
 * of its own in the same transaction (`createNumberedCase`'s companion), skipping those whose record exists: a batch
 * cut off half-way is completed by running it again, and a run racing another stores no case twice. One case at a
 * time, so numbers rise in the batch's order.
 */
import type { Case, CaseEvent, HistoryEntry } from '#cases/domain/case.ts';
import { type CaseCompanion, createNumberedCase } from '#cases/store/cases.ts';
import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import { loadTimeContext } from '#deadlines/services/time-context.ts';
import { now } from '#platform/clock.ts';

/** One case of the batch: its key in the batch, how to build it, and its record. */
export interface PlannedCase<K> {
  readonly key: K;
  readonly build: (
    at: Date,
    time: TimeContext,
  ) => {
    readonly case: Omit<Case, 'number'>;
    readonly history: HistoryEntry;
    readonly event: CaseEvent;
  };
  /** The record stored with the case, conditioned on not existing (so a retry cannot store the case twice). */
  readonly companion: (at: string) => CaseCompanion;
}

export interface StoredBatch<K> {
  /** The cases this run stored, by key. */
  readonly stored: ReadonlyMap<K, Case>;
  /** Their events, to relay. */
  readonly events: readonly CaseEvent[];
}

/**
 * Stores the planned cases whose key `storedKeys` does not list. A case whose transaction fails because another run
 * stored it meanwhile (its record is there now) counts as done; any other failure is thrown.
 */
export const storePlannedCases = async <K>(
  planned: readonly PlannedCase<K>[],
  storedKeys: () => Promise<readonly K[]>,
): Promise<StoredBatch<K>> => {
  const done = new Set(await storedKeys());
  const missing = planned.filter((each) => !done.has(each.key));
  const stored = new Map<K, Case>();
  const events: CaseEvent[] = [];
  if (missing.length === 0) return { stored, events };
  const time = await loadTimeContext(now());
  for (const each of missing) {
    const at = now();
    const built = each.build(at, time);
    try {
      stored.set(
        each.key,
        await createNumberedCase(built.case, built.history, built.event, [each.companion(at.toISOString())]),
      );
      events.push(built.event);
    } catch (error) {
      if (!(await storedKeys()).includes(each.key)) throw error;
    }
  }
  return { stored, events };
};
