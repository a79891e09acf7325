/**
 * Reading a bureau's enterprise list (an Excel sheet, the way bureaus hold them) into registrations: which column is
 * which (by its heading, in the words such lists use), each row into a new enterprise, and every problem named by row
 * and column. Pure: the cells come in as text (services/import-enterprises.ts reads the workbook).
 */
import type { FieldProblem } from '#platform/domain/errors.ts';
import { plainText } from '#platform/domain/text.ts';
import { z } from '#platform/domain/zod.ts';
import { type NewEnterprise, newEnterpriseSchema } from './enterprise.ts';

export const importColumns = [
  'uscc',
  'name',
  'industryCode',
  'industryLabel',
  'address',
  'town',
  'contactName',
  'contactPhone',
  'keyPolluter',
  'vocs',
  'positiveList',
  'grade',
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** The heading a template shows for each column, and the other headings that mean it. */
export const columnHeadings: Readonly<Record<ImportColumn, readonly [string, ...string[]]>> = {
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc'],
  name: ['企业名称', '单位名称', '企业（单位）名称', '名称', 'name'],
  industryCode: ['行业代码', '国民经济行业代码', '行业类别代码', 'industrycode'],
  industryLabel: ['行业名称', '行业类别', '所属行业', 'industry'],
  address: ['地址', '企业地址', '详细地址', '生产经营地址', 'address'],
  town: ['乡镇（街道）', '乡镇街道', '所在乡镇', '乡镇', '街道', 'town'],
  contactName: ['联系人', '环保负责人', 'contact'],
  contactPhone: ['联系电话', '电话', '手机', 'phone'],
  keyPolluter: ['重点排污单位', '是否重点排污单位', 'keypolluter'],
  vocs: ['涉VOCs', '是否涉VOCs', '涉VOCs排放', 'vocs'],
  positiveList: ['正面清单', '是否纳入正面清单', 'positivelist'],
  grade: ['绩效分级', '绩效等级', '分级', 'grade'],
};

const requiredColumns: readonly ImportColumn[] = ['uscc', 'name', 'industryCode', 'industryLabel', 'address', 'town'];

/** Most rows one import takes: a county's register in one file, within one request's time. */
export const maxImportRows = 2000;

const normaliseHeading = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*＊:：]/g, '');

const headingIndex: ReadonlyMap<string, ImportColumn> = new Map(
  importColumns.flatMap((column) => columnHeadings[column].map((heading) => [normaliseHeading(heading), column])),
);

/** Which column of the sheet holds what; headings it does not know are ignored. */
export const mapColumns = (
  headings: readonly string[],
): { columns: Partial<Record<ImportColumn, number>>; problems: FieldProblem[] } => {
  const columns: Partial<Record<ImportColumn, number>> = {};
  const problems: FieldProblem[] = [];
  headings.forEach((heading, index) => {
    const column = headingIndex.get(normaliseHeading(heading));
    if (!column) return;
    if (columns[column] !== undefined) {
      problems.push({ path: `columns.${column}`, message: `“${columnHeadings[column][0]}”列出现了两次` });
      return;
    }
    columns[column] = index;
  });
  for (const column of requiredColumns) {
    if (columns[column] === undefined) {
      problems.push({
        path: `columns.${column}`,
        message: `缺少“${columnHeadings[column][0]}”列（第一行须为列名）`,
      });
    }
  }
  return { columns, problems };
};

const yes = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有']);
const no = new Set(['', '否', 'n', 'no', 'false', '0', '×', '无']);

const flag = (text: string): boolean | string => {
  const value = text.normalize('NFKC').trim().toLowerCase();
  if (yes.has(value)) return true;
  if (no.has(value)) return false;
  return text;
};

const positiveListOf = (text: string): string => {
  const value = text.normalize('NFKC').trim();
  if (['是', '已纳入', '纳入', 'listed'].includes(value)) return 'listed';
  if (['已移出', '移出', 'removed'].includes(value)) return 'removed';
  if (['', '否', '未纳入', 'not-listed'].includes(value)) return 'not-listed';
  return value;
};

const gradeOf = (text: string): string | undefined => {
  const value = text
    .normalize('NFKC')
    .trim()
    .toUpperCase()
    .replace(/级$/, '')
    .replace(/[−–—－]/g, '-');
  return value === '' || value === '无' || value === '未评级' ? undefined : value;
};

/** Several industries in one cell: `C3360；C3311`, with their names in the same order. */
const split = (text: string): string[] =>
  text
    .split(/[;；、,，/\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

const fieldColumn: Readonly<Record<string, ImportColumn>> = {
  uscc: 'uscc',
  name: 'name',
  industries: 'industryCode',
  address: 'address',
  town: 'town',
  contacts: 'contactName',
  keyPolluter: 'keyPolluter',
  vocs: 'vocs',
  positiveList: 'positiveList',
  grade: 'grade',
};

/** The column a problem of the schema is about: `industries.0.label` is the industry-name column. */
const columnOfPath = (path: readonly PropertyKey[]): ImportColumn => {
  const [field, , inner] = path.map(String);
  if (field === 'industries' && inner === 'label') return 'industryLabel';
  if (field === 'contacts' && inner === 'phone') return 'contactPhone';
  return fieldColumn[field ?? ''] ?? 'uscc';
};

export interface ImportRow {
  /** The row's number in the sheet (the heading row is 1). */
  readonly row: number;
  readonly cells: readonly string[];
  /** Columns whose cell Excel holds as a number too long to keep every digit (a USCC typed into a number cell). */
  readonly imprecise?: readonly number[];
}

/** An import request (`POST /v1/enterprises/import`): the .xlsx file, base64-encoded. */
export const importRequestSchema = z
  .object({
    fileName: plainText(1, 200).optional().describe('文件名（记录用）/ the file’s name'),
    content: z
      .string()
      .min(1)
      .max(14_000_000, '文件不能超过 10 MB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '须为 base64 编码的 .xlsx 文件')
      .describe('Excel 文件（.xlsx）的 base64 编码；第一个工作表，第一行为列名 / the .xlsx file, base64'),
    dryRun: z.boolean().default(false).describe('只检查不导入 / check every row, write nothing'),
  })
  .strict();
export type ImportRequest = z.output<typeof importRequestSchema>;

export type RowOutcome =
  | { readonly row: number; readonly enterprise: NewEnterprise }
  | { readonly row: number; readonly problems: readonly FieldProblem[] };

/** A row as a registration, or its problems, each at `rows.<row>.<column>` naming the row and the column's heading. */
export const readRow = (row: ImportRow, columns: Partial<Record<ImportColumn, number>>): RowOutcome => {
  const cell = (column: ImportColumn): string => {
    const index = columns[column];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const codes = split(cell('industryCode'));
  const labels = split(cell('industryLabel'));
  const problems: FieldProblem[] = [];
  const at = (column: ImportColumn, message: string): FieldProblem => ({
    path: `rows.${row.row}.${column}`,
    message: `第 ${row.row} 行“${columnHeadings[column][0]}”：${message}`,
  });
  const usccIndex = columns.uscc;
  if (usccIndex !== undefined && row.imprecise?.includes(usccIndex)) {
    return { row: row.row, problems: [at('uscc', '单元格为数字格式，已丢失位数：请将该列设为文本格式后重新填写')] };
  }
  if (codes.length !== labels.length) {
    problems.push(at('industryLabel', `行业代码 ${codes.length} 个，行业名称 ${labels.length} 个，须一一对应`));
  }
  const contactName = cell('contactName');
  const contactPhone = cell('contactPhone');
  const grade = gradeOf(cell('grade'));
  const input = {
    uscc: cell('uscc'),
    name: cell('name'),
    industries: codes.map((code, index) => ({ code, label: labels[index] ?? '' })),
    address: cell('address'),
    town: cell('town'),
    contacts:
      contactName || contactPhone ? [{ name: contactName, ...(contactPhone ? { phone: contactPhone } : {}) }] : [],
    keyPolluter: flag(cell('keyPolluter')),
    vocs: flag(cell('vocs')),
    positiveList: positiveListOf(cell('positiveList')),
    ...(grade ? { grade } : {}),
  };
  const parsed = newEnterpriseSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOfPath(issue.path);
      problems.push(at(column, issue.message));
    }
  }
  if (problems.length > 0 || !parsed.success) return { row: row.row, problems };
  return { row: row.row, enterprise: parsed.data };
};

/**
 * Every row read, and the problems across rows: a USCC on two rows is refused on the second.
 *
 * @example
 * readRows(rows, columns).filter((outcome) => 'problems' in outcome) // what to report
 */
export const readRows = (rows: readonly ImportRow[], columns: Partial<Record<ImportColumn, number>>): RowOutcome[] => {
  const firstRow = new Map<string, number>();
  return rows.map((row) => {
    const outcome = readRow(row, columns);
    if (!('enterprise' in outcome)) return outcome;
    const earlier = firstRow.get(outcome.enterprise.uscc);
    if (earlier !== undefined) {
      return {
        row: row.row,
        problems: [
          {
            path: `rows.${row.row}.uscc`,
            message: `第 ${row.row} 行“${columnHeadings.uscc[0]}”：与第 ${earlier} 行重复`,
          },
        ],
      };
    }
    firstRow.set(outcome.enterprise.uscc, row.row);
    return outcome;
  });
};
