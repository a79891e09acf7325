/**
 * Imports a bureau's enterprise list from an Excel sheet, all or nothing.
 *
 * 1. Every row is read and checked first — the columns, each field (USCCs with their check characters), a USCC on two
 *    rows, a USCC registered already. One refused row and nothing is written: the answer is a 400 naming every
 *    refused row and column (`rows.<row>.<column>`).
 * 2. Only then are the firms written, each in its own transaction (a firm and its search entries are up to 61 items,
 *    a transaction holds 100, so a sheet cannot be one transaction). The import is recorded first, named by the file's
 *    SHA-256, and every firm carries that id. If a write fails (a firm registered by someone else meanwhile, throttling)
 *    the firms this import wrote are deleted again and the import is recorded as rolled back. If the function is cut
 *    off (a timeout), the record stays `writing`: sending the same file again a minute later writes what is missing and
 *    completes it (sooner, it is refused as an import under way).
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { registerEnterprise } from '#enterprises/domain/enterprise.ts';
import {
  columnHeadings,
  type ImportRow,
  importRequestSchema,
  mapColumns,
  maxImportRows,
  readRows,
} from '#enterprises/domain/import-sheet.ts';
import { deleteImportedEnterprise, getEnterprises, saveEnterprise } from '#enterprises/store/enterprises.ts';
import { EnterpriseImportConflictError } from '#enterprises/store/errors.ts';
import { finishImport, getImport, startImport } from '#enterprises/store/imports.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { logger } from '#platform/logger.ts';
import { requireEnterpriseEditor } from './access.ts';

export interface ImportReport {
  /** The file's SHA-256: the same file is imported once. */
  readonly importId: string;
  readonly fileName?: string;
  readonly dryRun: boolean;
  /** Rows read (the heading row and empty rows aside). */
  readonly rows: number;
  /** Firms registered by this request (0 for a dry run). */
  readonly imported: number;
  /** Each row's firm, by row number. */
  readonly registered: readonly { readonly row: number; readonly uscc: string; readonly name: string }[];
}

/** An import still `writing` this long after it started was cut off (the function's timeout is 29 seconds). */
const abandonedAfterMs = 60_000;

/** Writes at once: enough to register a county's list within the API's 30 seconds, few enough not to throttle. */
const writeConcurrency = 8;

/** A cell as the text it shows; numbers too long for Excel to keep every digit are reported as such. */
const cellText = (cell: ExcelJS.Cell): { text: string; imprecise: boolean } => {
  const { value } = cell;
  if (value === null || value === undefined) return { text: '', imprecise: false };
  if (typeof value === 'number') {
    return { text: Number.isInteger(value) ? value.toFixed(0) : String(value), imprecise: Math.abs(value) >= 1e15 };
  }
  if (typeof value === 'boolean') return { text: value ? '是' : '否', imprecise: false };
  return { text: cell.text ?? '', imprecise: false };
};

const readWorkbook = async (content: Buffer): Promise<{ headings: string[]; rows: ImportRow[] }> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (cause) {
    throw new ValidationError([{ path: 'content', message: '不是有效的 Excel（.xlsx）文件' }], { cause });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError([{ path: 'content', message: '文件中没有工作表' }]);
  let headings: string[] | undefined;
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const imprecise: number[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const { text, imprecise: lost } = cellText(cell);
      cells[column - 1] = text.trim();
      if (lost) imprecise.push(column - 1);
    });
    const filled = Array.from({ length: cells.length }, (_, index) => cells[index] ?? '');
    if (filled.every((text) => text === '')) return;
    if (!headings) headings = filled;
    else rows.push({ row: rowNumber, cells: filled, ...(imprecise.length > 0 ? { imprecise } : {}) });
  });
  if (!headings) throw new ValidationError([{ path: 'content', message: '工作表是空的' }]);
  return { headings, rows };
};

/** Runs `task` over `items`, `limit` at a time; the first failure stops taking new items and is thrown. */
const runLimited = async <T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await task(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure;
};

export const importEnterprises = async (body: unknown, principal: Principal): Promise<ImportReport> => {
  requireEnterpriseEditor(principal);
  const request = parseWith(importRequestSchema, body);
  const content = Buffer.from(request.content, 'base64');
  const importId = createHash('sha256').update(content).digest('hex');
  const { headings, rows } = await readWorkbook(content);

  const { columns, problems: columnProblems } = mapColumns(headings);
  if (columnProblems.length > 0) throw new ValidationError(columnProblems);
  if (rows.length === 0) throw new ValidationError([{ path: 'content', message: '工作表只有列名，没有企业' }]);
  if (rows.length > maxImportRows) {
    throw new ValidationError([
      { path: 'content', message: `一次最多导入 ${maxImportRows} 家企业（本表 ${rows.length} 行），请分成几个文件` },
    ]);
  }

  const outcomes = readRows(rows, columns);
  const accepted = outcomes.flatMap((outcome) => ('enterprise' in outcome ? [outcome] : []));
  const registered = new Map(
    (await getEnterprises(accepted.map((outcome) => outcome.enterprise.uscc))).map((enterprise) => [
      enterprise.uscc,
      enterprise,
    ]),
  );
  const problems: FieldProblem[] = outcomes.flatMap((outcome) => {
    if ('problems' in outcome) return outcome.problems;
    const existing = registered.get(outcome.enterprise.uscc);
    if (!existing || existing.importId === importId) return [];
    return [
      {
        path: `rows.${outcome.row}.uscc`,
        message: `第 ${outcome.row} 行“${columnHeadings.uscc[0]}”：${outcome.enterprise.uscc} 已登记为“${existing.name}”（修改请用 PATCH /v1/enterprises/{uscc}）`,
      },
    ];
  });
  if (problems.length > 0) throw new ValidationError(problems);

  const report = (imported: number, dryRun: boolean): ImportReport => ({
    importId,
    ...(request.fileName ? { fileName: request.fileName } : {}),
    dryRun,
    rows: rows.length,
    imported,
    registered: accepted.map((outcome) => ({
      row: outcome.row,
      uscc: outcome.enterprise.uscc,
      name: outcome.enterprise.name,
    })),
  });
  if (request.dryRun) return report(0, true);

  const previous = await getImport(importId);
  if (previous?.status === 'completed') {
    throw new EnterpriseImportConflictError(`该文件已于 ${previous.finishedAt ?? previous.startedAt} 导入`);
  }
  const started = now();
  const at = started.toISOString();
  await startImport(
    {
      importId,
      ...(request.fileName ? { fileName: request.fileName } : {}),
      status: 'writing',
      usccs: accepted.map((outcome) => outcome.enterprise.uscc),
      startedAt: at,
      startedBy: principal.username,
    },
    new Date(started.getTime() - abandonedAfterMs).toISOString(),
  );
  const toWrite = accepted.filter((outcome) => !registered.has(outcome.enterprise.uscc));
  try {
    await runLimited(toWrite, writeConcurrency, async (outcome) => {
      await saveEnterprise(undefined, registerEnterprise(outcome.enterprise, principal.username, at, importId));
    });
  } catch (error) {
    const written = await getEnterprises(accepted.map((outcome) => outcome.enterprise.uscc));
    const kept: string[] = [];
    for (const enterprise of written.filter((candidate) => candidate.importId === importId)) {
      if (!(await deleteImportedEnterprise(enterprise, importId))) kept.push(enterprise.uscc);
    }
    const failure = `${(error as Error).name}${kept.length > 0 ? `；已被修改、未撤销：${kept.join('、')}` : ''}`;
    logger.error('enterprise import rolled back', { importId, error, kept });
    await finishImport(importId, 'rolled-back', now().toISOString(), failure);
    throw error;
  }
  await finishImport(importId, 'completed', now().toISOString());
  return report(toWrite.length, false);
};
