import ExcelJS from 'exceljs';
import type { Case } from '#cases/domain/case.ts';
import { getCase } from '#cases/services/records.ts';
import { colourLabels } from '#deadlines/domain/deadlines.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import type { FileDownload } from '#platform/http/responses.ts';
import {
  closeOutStageLabels,
  closeOutStageOf,
  pendingLookBack,
  rectificationBandLabels,
  rectificationSourceLabels,
} from '#rectification/domain/details.ts';
import { type LedgerColumn, ledgerColumns } from '#rectification/domain/ledger-sheet.ts';
import type { ExportQuery } from '#rectification/domain/requests.ts';
import { listProblems } from './list-problems.ts';

/** Most problems one file holds: the file is answered directly, within API Gateway's 6 MB and 29 seconds. */
export const maxExportedProblems = 2000;

/** Columns after the ledger's own, which an import ignores: where each problem stands. */
const statusColumns = ['台账编号', '整改期限', '进度色标', '销号进度', '回头看日期'] as const;

const ledgerCell = (item: Case, column: LedgerColumn, index: number): string => {
  const details = item.rectification;
  if (!details) return '';
  switch (column) {
    case 'number':
      return details.ledgerNumber ?? String(index + 1);
    case 'source':
      return rectificationSourceLabels[details.source];
    case 'description':
      return details.description;
    case 'department':
      return details.responsibleUnit.name;
    case 'leader':
      return details.leadOfficial?.name ?? '';
    case 'person':
      return details.responsiblePerson?.name ?? '';
    case 'measures':
      return details.plan.measures;
    case 'deadline':
      return details.targetDate ?? rectificationBandLabels[details.band];
    case 'remark':
      return details.remark ?? '';
  }
};

const statusCells = (item: Case): string[] => [
  item.number,
  item.timeLimits?.clocks.finish?.dueDate ?? '',
  item.colour ? colourLabels[item.colour] : '',
  closeOutStageLabels[closeOutStageOf(item.rectification?.closeOut)],
  pendingLookBack(item.rectification)?.dueDate ?? '',
];

/** Reads `ids` a few at a time. */
const readCases = async (ids: readonly string[]): Promise<Case[]> => {
  const cases: Case[] = [];
  for (let start = 0; start < ids.length; start += 20) {
    cases.push(...(await Promise.all(ids.slice(start, start + 20).map((id) => getCase(id)))));
  }
  return cases;
};

/**
 * `GET /v1/rectification-problems/export`: the problems of a unit (and below) in the ledger's own columns (序号,
 * 问题来源, 问题描述 …, as an import reads them), then where each stands; oldest first.
 */
export const exportLedger = async (query: ExportQuery, principal: Principal): Promise<FileDownload> => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listProblems(
      {
        limit: 100,
        ...(query.source ? { source: query.source } : {}),
        ...(query.band ? { band: query.band } : {}),
        ...(query.unit ? { unit: query.unit } : {}),
        ...(cursor ? { cursor } : {}),
      },
      principal,
    );
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < maxExportedProblems);
  const cases = (await readCases(ids.slice(0, maxExportedProblems))).reverse();

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('整改台账');
  sheet.addRow([...ledgerColumns.map(({ headings }) => headings[0]), ...statusColumns]).font = { bold: true };
  cases.forEach((item, index) => {
    sheet.addRow([...ledgerColumns.map(({ column }) => ledgerCell(item, column, index)), ...statusCells(item)]);
  });
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  const body = new Uint8Array(await workbook.xlsx.writeBuffer());
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `整改台账_${bureauDate(now())}.xlsx`,
  };
};
