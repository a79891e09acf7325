/**
 * Imports a rectification ledger (整改台账) — rows as JSON or an .xlsx sheet — as problems, all or nothing, as a
 * campaign's task table is (`#campaigns/services/establish-campaign.ts`), and safe to retry.
 *
 * 1. Everything is checked before anything is written: each row's cells (`ledger-sheet.ts`), the blank cells filled
 *    from the row above (merged cells of the original), each department matched to one unit in the caller's scope
 *    and the people to users (`#campaigns/domain/matching.ts`). One refused row refuses the ledger with a problem per
 *    row and column (`rows.<line>.<column>`); nothing is stored.
 * 2. The import is recorded, named by the hash of the request and the caller's unit, with each row's planned case id.
 * 3. Each row's case is stored with a record of the row in the same transaction (`storePlannedCases`), so a retry
 *    never stores a row twice.
 * 4. The import is marked ready with its report.
 * A request cut off between 2 and 4 (a timeout) has stored some problems, each a real case naming the import; sending
 * the same request again stores the rest and answers the whole report. Once ready, the same request answers the same
 * report again (`replayed`), storing nothing.
 */
import { ulid } from 'ulid';
import { type Directory, matchTasks, type RowReport } from '#campaigns/domain/matching.ts';
import { fillDown } from '#campaigns/domain/task-table.ts';
import { rowsOfWorkbook } from '#campaigns/services/task-tables.ts';
import type { Case } from '#cases/domain/case.ts';
import { storePlannedCases } from '#cases/services/planned-cases.ts';
import { getCase } from '#cases/services/records.ts';
import { relayNow } from '#cases/services/relay-events.ts';
import { loadTimeContext } from '#deadlines/services/time-context.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { listColleagues } from '#directory/services/list-colleagues.ts';
import { listUnitsInScope } from '#directory/services/list-units.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { countMetric } from '#platform/metrics.ts';
import { requestHash } from '#platform/request-hash.ts';
import {
  bandPeriods,
  type CheckedRow,
  checkLedgerRows,
  ledgerOfJson,
  readLedgerSheet,
} from '#rectification/domain/ledger-sheet.ts';
import { problemCase, registrarRole } from '#rectification/domain/problem.ts';
import type { ImportLedgerRequest } from '#rectification/domain/requests.ts';
import {
  getLedgerImport,
  type ImportedRow,
  type LedgerImport,
  markLedgerImportReady,
  type PlannedRow,
  rowCompanion,
  startLedgerImport,
  storedRowNumbers,
} from '#rectification/store/imports.ts';

export type { ImportedRow } from '#rectification/store/imports.ts';

export interface LedgerImportReport {
  /** The import's id (the hash of the request and the unit): the same request again answers this report. */
  readonly importId: string;
  /** Whether this request answered an import completed before (nothing stored this time). */
  readonly replayed: boolean;
  /** Problems stored by this request. */
  readonly created: number;
  /** Each row's problem, in ledger order. */
  readonly rows: readonly ImportedRow[];
}

/** Problems in the order of the rows they name. */
const byRow = (problems: readonly FieldProblem[]): FieldProblem[] => {
  const position = (path: string) => Number(/^(?:rows|xlsxBase64)\.(\d+)/.exec(path)?.[1] ?? -1);
  return problems.toSorted((a, b) => position(a.path) - position(b.path));
};

/** The matching speaks of a campaign's leading group office; a problem waits for the office keeping the ledger. */
const problemWarning = (warning: string) =>
  warning.startsWith('任务暂未派单') ? '暂未派单：待信访办指定责任人、责任领导后派单' : warning;

export const importLedger = async (request: ImportLedgerRequest, principal: Principal): Promise<LedgerImportReport> => {
  requireRole(principal, [registrarRole], '只有信访办（整改台账管理）可以导入整改台账');
  const at = now();
  const read = request.rows
    ? { rows: ledgerOfJson(request.rows), problems: [] }
    : readLedgerSheet(await rowsOfWorkbook(request.xlsxBase64 as string, 'xlsxBase64'));
  if (read.problems.length > 0) throw new ValidationError(read.problems);

  const [unit, units, users, time] = await Promise.all([
    getOrgUnit(principal.unitId),
    listUnitsInScope(principal),
    listColleagues({}, principal),
    loadTimeContext(at),
  ]);
  const { checked, problems: cellProblems } = checkLedgerRows(read.rows, {
    today: bureauDate(at),
    periodDays: bandPeriods(time.policySet),
    ...(request.sourceReference ? { sourceReference: request.sourceReference } : {}),
  });
  const filled = fillDown(
    checked.map(({ row, number }) => ({
      ref: row.ref,
      label: row.label,
      number,
      // The matching reads the department and the people; the description is checked above.
      title: row.description.slice(0, 500),
      ...(row.department ? { department: row.department } : {}),
      ...(row.leader ? { leader: row.leader } : {}),
      ...(row.person ? { person: row.person } : {}),
    })),
  );
  const directory: Directory = { units, users, ...(request.departments ? { aliases: request.departments } : {}) };
  const matched = matchTasks(filled.rows, directory);
  const problems = byRow([...cellProblems, ...filled.problems, ...matched.problems]);
  if (problems.length > 0) throw new ValidationError(problems);

  const importId = requestHash({ unitId: unit.id, request });
  const previous = await getLedgerImport(importId);
  if (previous?.status === 'ready' && previous.report) {
    return { importId, replayed: true, created: 0, rows: previous.report };
  }
  let record: LedgerImport = previous ?? {
    importId,
    status: 'creating',
    unitId: unit.id,
    rows: matched.tasks.map((task) => ({ number: task.number, caseId: ulid() })),
    startedAt: at.toISOString(),
    startedBy: principal.username,
  };
  // A concurrent attempt of the same request recorded it first: continue with its plan.
  if (!previous && !(await startLedgerImport(record))) record = (await getLedgerImport(importId)) ?? record;

  const rowOf = new Map<number, CheckedRow>(checked.map((each) => [each.number, each]));
  const creator = { username: principal.username, role: registrarRole };
  const { stored, events } = await storePlannedCases(
    record.rows.flatMap((planned: PlannedRow) => {
      const task = matched.tasks.find((each) => each.number === planned.number);
      const row = rowOf.get(planned.number);
      if (!task || !row) return [];
      return [
        {
          key: planned.number,
          build: (when: Date, context: typeof time) =>
            problemCase({
              id: planned.caseId,
              fields: row.fields,
              owners: {
                department: task.department,
                ...(task.leader ? { leadOfficial: task.leader } : {}),
                ...(task.person ? { responsiblePerson: task.person } : {}),
                assignable: task.assignable,
              },
              unit: { id: unit.id, path: unit.path },
              creator,
              importId,
              now: when,
              time: context,
              eventId: ulid(),
            }),
          companion: (when: string) => rowCompanion(importId, planned, when),
        },
      ];
    }),
    () => storedRowNumbers(importId),
  );

  const reports = new Map<number, RowReport>(matched.reports.map((report) => [report.number, report]));
  const report: ImportedRow[] = await Promise.all(
    record.rows.map(async (planned) => {
      const item: Case = stored.get(planned.number) ?? (await getCase(planned.caseId));
      const rowReport = reports.get(planned.number);
      return {
        ref: rowReport?.ref ?? '',
        label: rowReport?.label ?? '',
        number: planned.number,
        caseId: item.id,
        caseNumber: item.number,
        assigned: item.assignment !== undefined,
        warnings: (rowReport?.warnings ?? []).map(problemWarning),
      };
    }),
  );
  await markLedgerImportReady(importId, report, now().toISOString());
  countMetric('RectificationLedgerImported', ['unit', unit.id], stored.size);
  if (events.length > 0) await relayNow(events);
  return { importId, replayed: false, created: stored.size, rows: report };
};
