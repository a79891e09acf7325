/**
 * A rectification ledger (整改台账) as bureaus receive it from inspections: rows of 序号, 问题来源, 问题描述, 责任单位,
 * 责任领导, 责任人, 整改措施, 整改时限 and 备注 — from an .xlsx sheet or as JSON rows. Export writes the same columns,
 * so a file exported can be read again. Pure: rows in, the ledger's rows and the problems of each row out.
 *
 * 整改时限 is a band (立行立改, 短期, 中期, 长期, 长期坚持) or a date (2026-12-31, 2026/12/31, 2026年12月31日前,
 * 2026年12月底前, 2026年底前); a date's band is the shortest band whose policy period reaches it.
 */
import type { TableRow } from '#campaigns/domain/task-table.ts';
import { nameKey, normaliseText } from '#campaigns/domain/task-table.ts';
import { choosePolicy, type PolicySet } from '#deadlines/domain/time-limit-policies.ts';
import type { FieldProblem } from '#platform/domain/errors.ts';
import { addDays, isCalendarDate } from '#platform/domain/time.ts';
import {
  type RectificationBand,
  type RectificationSource,
  rectificationBands,
  rectificationSourceLabels,
  rectificationSources,
} from './details.ts';
import type { ProblemFields } from './problem.ts';
import type { LedgerRowInput } from './requests.ts';

export type LedgerColumn = keyof LedgerRowInput;

/** The columns in the order a ledger lists them, with the headings each is known by (the first is written). */
export const ledgerColumns: readonly { readonly column: LedgerColumn; readonly headings: readonly string[] }[] = [
  { column: 'number', headings: ['序号', '编号'] },
  { column: 'source', headings: ['问题来源', '来源'] },
  { column: 'description', headings: ['问题描述', '问题', '存在问题', '问题内容', '主要问题'] },
  { column: 'department', headings: ['责任单位', '责任部门', '责任科室', '牵头单位'] },
  { column: 'leader', headings: ['责任领导', '分管领导', '包案领导'] },
  { column: 'person', headings: ['责任人', '具体责任人'] },
  { column: 'measures', headings: ['整改措施', '整改方案', '整改要求'] },
  { column: 'deadline', headings: ['整改时限', '整改期限', '完成时限'] },
  { column: 'remark', headings: ['备注'] },
];

const required: readonly LedgerColumn[] = ['number', 'source', 'description', 'department', 'measures', 'deadline'];

/** A row read: where it came from (`rows.7`, `rows.0` for JSON), how to name it, and its cells. */
export interface LedgerRow extends LedgerRowInput {
  readonly ref: string;
  readonly label: string;
}

export interface ReadLedger {
  readonly rows: readonly LedgerRow[];
  readonly problems: readonly FieldProblem[];
}

const headingOf = (column: LedgerColumn) => ledgerColumns.find((each) => each.column === column)?.headings[0] ?? column;

/**
 * The rows of a sheet: the heading row is the first of the first 20 that names 序号 and 问题描述 (titles above it are
 * skipped); rows without any text are dropped. Problems name `<field>.<line>.<column>` (and `<field>` for the sheet).
 */
export const readLedgerSheet = (rows: readonly TableRow[], field = 'xlsxBase64'): ReadLedger => {
  const headerIndex = rows.slice(0, 20).findIndex((row) => {
    const keys = row.cells.map(nameKey);
    return keys.includes('序号') && ledgerColumns[2]?.headings.some((heading) => keys.includes(heading));
  });
  if (headerIndex < 0) {
    return {
      rows: [],
      problems: [
        { path: field, message: `找不到表头：须有${required.map((column) => `“${headingOf(column)}”`).join('')}等列` },
      ],
    };
  }
  const header = (rows[headerIndex] as TableRow).cells.map(nameKey);
  const index = new Map<LedgerColumn, number>();
  for (const { column, headings } of ledgerColumns) {
    const found = header.findIndex((cell) => headings.includes(cell));
    if (found >= 0) index.set(column, found);
  }
  const absent = required.filter((column) => !index.has(column));
  if (absent.length > 0) {
    return { rows: [], problems: [{ path: field, message: `缺少列：${absent.map(headingOf).join('、')}` }] };
  }
  const read: LedgerRow[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    const cell = (column: LedgerColumn) => {
      const at = index.get(column);
      return at === undefined ? '' : normaliseText(row.cells[at] ?? '');
    };
    const cells = Object.fromEntries(
      ledgerColumns.map(({ column }) => [column, cell(column)]).filter(([, value]) => value !== ''),
    ) as Partial<LedgerRowInput>;
    if (Object.keys(cells).length === 0) continue;
    read.push({
      ref: `${field}.${row.line}`,
      label: `第 ${row.line} 行`,
      number: '',
      source: '',
      description: '',
      measures: '',
      deadline: '',
      ...cells,
    });
  }
  if (read.length === 0) return { rows: [], problems: [{ path: field, message: '台账中没有问题行' }] };
  return { rows: read, problems: [] };
};

/** JSON rows as the sheet's rows (`rows.<index>`). */
export const ledgerOfJson = (rows: readonly LedgerRowInput[]): LedgerRow[] =>
  rows.map((row, index) => ({ ...row, ref: `rows.${index}`, label: `第 ${index + 1} 行` }));

/** Words a source cell may hold, each with its source. Longer words first, so `省级督察` is not read as `督察`. */
const sourceWords: readonly [string, RectificationSource][] = [
  ['中央', 'central-inspection'],
  ['省', 'provincial-inspection'],
  ['自查', 'self-check'],
  ['信访', 'complaint'],
  ['投诉', 'complaint'],
  ['举报', 'complaint'],
  ['12369', 'complaint'],
  ['双随机', 'random-inspection'],
  ['随机', 'random-inspection'],
];

/** The source a cell names: its code, its label, or a word of it (中央督察, 省级督察, 自查, 信访投诉, 双随机检查). */
export const sourceOf = (cell: string): RectificationSource | undefined => {
  const text = nameKey(cell);
  const code = rectificationSources.find((source) => source === text);
  if (code) return code;
  const label = rectificationSources.find((source) => nameKey(rectificationSourceLabels[source]) === text);
  return label ?? sourceWords.find(([word]) => text.includes(word))?.[1];
};

const bandWords: readonly [string, RectificationBand][] = [
  ['立行立改', 'short-term'],
  ['立即整改', 'short-term'],
  ['短期', 'short-term'],
  ['中期', 'medium'],
  ['长期', 'long-term'],
];

/** A deadline cell read: a band, or a target date (whose band the policies decide). */
export type DeadlineCell = { readonly band: RectificationBand } | { readonly targetDate: string };

const pad = (value: string | number) => String(value).padStart(2, '0');

/** The last day of a month. */
const monthEnd = (year: number, month: number) =>
  addDays(`${year + Math.floor(month / 12)}-${pad((month % 12) + 1)}-01`, -1);

/** `立行立改` → short-term; `2026年12月底前` → 2026-12-31; anything else undefined. */
export const deadlineOf = (cell: string): DeadlineCell | undefined => {
  const text = nameKey(cell).replace(/(之前|以前|前)$/, '');
  const band = rectificationBands.find((each) => each === text) ?? bandWords.find(([word]) => text.includes(word))?.[1];
  if (band) return { band };
  const full = /^(\d{4})(?:-|\/|\.|年)(\d{1,2})(?:-|\/|\.|月)(\d{1,2})日?$/.exec(text);
  if (full) {
    const date = `${full[1]}-${pad(full[2] as string)}-${pad(full[3] as string)}`;
    return isCalendarDate(date) ? { targetDate: date } : undefined;
  }
  const month = /^(\d{4})年(\d{1,2})月(?:底|末)?$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return { targetDate: monthEnd(Number(month[1]), Number(month[2])) };
  }
  const year = /^(\d{4})年(?:底|末)?$/.exec(text);
  if (year) return { targetDate: `${year[1]}-12-31` };
  return undefined;
};

/**
 * The band of a target date `days` ahead: the shortest band whose period (`periodDays`, from the policies) reaches it,
 * else the longest.
 */
export const bandForDays = (days: number, periodDays: Readonly<Record<RectificationBand, number>>): RectificationBand =>
  rectificationBands.find((band) => days <= periodDays[band]) ?? 'long-term';

/** The finish period of each band in calendar days, as the policies in force give it (to place a target date). */
export const bandPeriods = (policySet: PolicySet): Record<RectificationBand, number> =>
  Object.fromEntries(
    rectificationBands.map((band) => {
      const { amount, unit } = choosePolicy(policySet, { kind: 'rectification', band }).steps.finish;
      return [band, unit === 'hours' ? amount / 24 : unit === 'working-days' ? Math.ceil((amount * 7) / 5) : amount];
    }),
  ) as Record<RectificationBand, number>;

/** A row checked: its number in the ledger and the problem it describes. */
export interface CheckedRow {
  readonly row: LedgerRow;
  readonly number: number;
  readonly fields: ProblemFields;
}

const dayMs = 86_400_000;

/**
 * Checks each row's own cells: a whole number, a known source, a description and measures, a readable deadline (a
 * date after today). Problems name `<ref>.<column>` with the row and the column's heading.
 */
export const checkLedgerRows = (
  rows: readonly LedgerRow[],
  context: {
    readonly today: string;
    readonly periodDays: Readonly<Record<RectificationBand, number>>;
    readonly sourceReference?: string;
  },
): { readonly checked: readonly CheckedRow[]; readonly problems: readonly FieldProblem[] } => {
  const checked: CheckedRow[] = [];
  const problems: FieldProblem[] = [];
  for (const row of rows) {
    const own: FieldProblem[] = [];
    const refuse = (column: LedgerColumn, message: string) =>
      own.push({ path: `${row.ref}.${column}`, message: `${row.label}“${headingOf(column)}”：${message}` });
    const numberText = nameKey(row.number).replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
    const number = /^\d{1,4}[.、．]?$/.test(numberText) ? Number.parseInt(numberText, 10) : Number.NaN;
    if (!(number > 0)) refuse('number', row.number ? `“${row.number}”须为正整数` : '缺少序号');
    const source = sourceOf(row.source);
    if (!source) {
      refuse(
        'source',
        row.source ? `无法识别“${row.source}”，应为中央督察、省级督察、自查、信访投诉或双随机检查` : '缺少问题来源',
      );
    }
    if (row.description.length < 5)
      refuse('description', row.description ? '问题描述过短（至少 5 个字）' : '缺少问题描述');
    if (row.measures.length < 2) refuse('measures', '缺少整改措施');
    const deadline = deadlineOf(row.deadline);
    if (!deadline) {
      refuse('deadline', row.deadline ? `无法识别“${row.deadline}”，应为立行立改、中期、长期或日期` : '缺少整改时限');
    } else if ('targetDate' in deadline && deadline.targetDate <= context.today) {
      refuse('deadline', `整改期限 ${deadline.targetDate} 须晚于今天（${context.today}）`);
    }
    problems.push(...own);
    if (own.length > 0 || !source || !deadline) continue;
    const band =
      'band' in deadline
        ? deadline.band
        : bandForDays(
            Math.round((Date.parse(deadline.targetDate) - Date.parse(context.today)) / dayMs),
            context.periodDays,
          );
    checked.push({
      row,
      number,
      fields: {
        source,
        ...(context.sourceReference ? { sourceReference: context.sourceReference } : {}),
        ledgerNumber: String(number),
        description: row.description,
        plan: { measures: row.measures, milestones: [] },
        band,
        ...('targetDate' in deadline ? { targetDate: deadline.targetDate } : {}),
        ...(row.remark ? { remark: row.remark } : {}),
      },
    });
  }
  return { checked, problems };
};
