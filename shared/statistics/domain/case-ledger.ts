/**
 * The case ledger as a table (POST /v1/exports): one row per case, from the summary that lists show, with the names of
 * its department and officials. Nothing of the complainant: the summary carries no name, phone, email or address of
 * theirs, and no column asks for one — an export leaves the system, so it holds no personal data of the public.
 */
import type { CaseSummary } from '#cases/domain/case-summary.ts';
import { caseKindLabels, categoryLabels, channelLabels, stateLabels, urgencyLabels } from '#cases/domain/labels.ts';
import { colourLabels } from '#deadlines/domain/deadlines.ts';
import type { Column, TableSpec } from './tables.ts';

/** A case of the ledger: its summary, with the names the directory gives its department and officials. */
export interface LedgerRow {
  readonly summary: CaseSummary;
  readonly departmentName?: string;
  readonly responsibleName?: string;
  readonly leadName?: string;
}

const labelOf = (labels: Readonly<Record<string, string>>, value: string | undefined): string | null =>
  value === undefined ? null : (labels[value] ?? value);

const instant = (value: string | undefined): Date | null => (value === undefined ? null : new Date(value));

/** 红色（超期）→ 红色: the ledger's column is narrow, and its header says what the colour is. */
const colourName = (colour: string | undefined): string | null =>
  labelOf(colourLabels, colour)?.replace(/（.*）$/, '') ?? null;

const ledgerColumns: readonly Column<LedgerRow>[] = [
  { header: '编号', kind: 'text', width: 18, value: ({ summary }) => summary.number },
  { header: '事项类型', kind: 'text', width: 10, value: ({ summary }) => labelOf(caseKindLabels, summary.kind) },
  { header: '来源渠道', kind: 'text', width: 10, value: ({ summary }) => labelOf(channelLabels, summary.channel) },
  { header: '污染类别', kind: 'text', width: 10, value: ({ summary }) => labelOf(categoryLabels, summary.category) },
  { header: '紧急程度', kind: 'text', width: 8, value: ({ summary }) => labelOf(urgencyLabels, summary.urgency) },
  { header: '乡镇（街道）', kind: 'text', width: 14, value: ({ summary }) => summary.town ?? null },
  { header: '收到时间', kind: 'datetime', width: 17, value: ({ summary }) => instant(summary.receivedAt) },
  { header: '状态', kind: 'text', width: 10, value: ({ summary }) => labelOf(stateLabels, summary.state) },
  { header: '色标', kind: 'text', width: 6, value: ({ summary }) => colourName(summary.colour) },
  {
    header: '承办单位',
    kind: 'text',
    width: 18,
    value: ({ summary, departmentName }) => departmentName ?? summary.departmentId ?? null,
  },
  {
    header: '责任人',
    kind: 'text',
    width: 10,
    value: ({ summary, responsibleName }) => responsibleName ?? summary.responsibleUsername ?? null,
  },
  {
    header: '包案领导',
    kind: 'text',
    width: 10,
    value: ({ summary, leadName }) => leadName ?? summary.leadUsername ?? null,
  },
  { header: '办理期限', kind: 'datetime', width: 17, value: ({ summary }) => instant(summary.dueAt) },
  { header: '办结时间', kind: 'datetime', width: 17, value: ({ summary }) => instant(summary.finishedAt) },
  {
    header: '是否超期',
    kind: 'text',
    width: 8,
    value: ({ summary }) => (summary.late || summary.colour === 'red' ? '是' : '否'),
  },
  { header: '更新时间', kind: 'datetime', width: 17, value: ({ summary }) => instant(summary.updatedAt) },
];

export const caseLedgerTable: TableSpec<LedgerRow> = { sheetName: '督办事项台账', columns: ledgerColumns };
