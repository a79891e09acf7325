/**
 * The cases other capabilities may read and write: intake stores a new case, the nightly check commits what it found,
 * notices and the ledger read cases and their listing entries. The store behind it stays private to this capability
 * (an import rule): its keys, items and index entries are nobody else's business.
 */

export { recordPersonalDataAccess } from '#cases/store/access-log.ts';
export {
  adjustCounters,
  type CounterBucket,
  readCounterBuckets,
  readOpenCounters,
  type ScanTotals,
  type ScanVisitor,
  scanCasesAndCounters,
} from '#cases/store/case-counters.ts';
export { type EntryQuery, lookBacksDuePartition, queryEntries, queryLedgerEntries } from '#cases/store/case-index.ts';
export {
  type CaseCompanion,
  CaseCompanionConflictError,
  type CaseWithHistory,
  commitTransition,
  createNumberedCase,
  getCase,
  getCaseWithHistory,
  getHistoryEntry,
  listOpenCasesDueBefore,
  listRecentComplaintsLike,
} from '#cases/store/cases.ts';
export { CaseNotFoundError, CaseVersionConflictError } from '#cases/store/errors.ts';
