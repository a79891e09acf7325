/**
 * A campaign's task breakdown table (任务分解表), as bureaus write it: numbered rows of 序号, 活动内容, 责任部门,
 * 责任领导, 责任人 and 备注 — pasted as text (cells separated by tabs, as Word and Excel copy them) or read from an
 * .xlsx sheet. Pure: text in, rows and the problems of each row out.
 *
 * Blank cells are the merged cells of the original (seed 003's table names a department once for the rows below it):
 * - a row that names no department takes the department, leader and person of the row above;
 * - a row that names a department but no leader takes the leader of the row above (leaders oversee several
 *   departments: the seed's 固废科 row under 监察大队's 周伟);
 * - a row that names no person takes the person of the row above only when its department is the same — another
 *   department's person is not its own, so it has none (the office assigns one later).
 */
import type { FieldProblem } from '#platform/domain/errors.ts';

/** One row of a pasted or uploaded table: its line (1-based) and cells. */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A task as the caller wrote it, before blanks are filled from the rows above. */
export interface TaskInput {
  /** Where the row came from, as a path prefix of its problems: `table.7` (line 7), `tasks.2` (the third task). */
  readonly ref: string;
  /** How a person names the row in a message: 第 7 行, 第 3 项. */
  readonly label: string;
  readonly number: number;
  readonly title: string;
  readonly department?: string;
  readonly leader?: string;
  readonly person?: string;
  readonly remark?: string;
}

export type InheritedField = 'department' | 'leader' | 'person';

/** A task with its blanks filled in, and which of its cells came from the rows above. */
export interface TaskRow {
  readonly ref: string;
  readonly label: string;
  readonly number: number;
  readonly title: string;
  /** The department cell as written (or inherited), and the departments it names (`管理科、监察大队`: two). */
  readonly department: string;
  readonly departmentNames: readonly string[];
  readonly leader?: string;
  readonly person?: string;
  readonly remark?: string;
  readonly inherited: readonly InheritedField[];
}

type Column = 'number' | 'title' | 'department' | 'leader' | 'person' | 'remark';

/** Header texts each column is known by (after removing spaces). */
const headerNames: Readonly<Record<Column, readonly string[]>> = {
  number: ['序号', '编号', '任务编号'],
  title: ['活动内容', '工作内容', '任务内容', '工作任务', '重点任务', '任务', '内容', '事项'],
  department: ['责任部门', '责任单位', '责任科室', '牵头部门', '牵头单位', '责任处室'],
  leader: ['责任领导', '分管领导', '牵头领导', '责任局领导'],
  person: ['责任人', '具体责任人', '经办人'],
  remark: ['备注'],
};

/** The column order of seed 003's table, used when a pasted table has no header row. */
const standardOrder: readonly Column[] = ['number', 'title', 'department', 'leader', 'person', 'remark'];

const maxTitleLength = 500;
const maxNameLength = 100;

/** Spaces of any width collapsed; spaces between Chinese characters (`周 伟`, justified names) removed. */
export const normaliseText = (text: string): string =>
  text
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/(?<=[㐀-鿿]) (?=[㐀-鿿])/g, '');

/** A name as it is matched: normalised, without spaces at all. */
export const nameKey = (name: string): string => normaliseText(name).replace(/ /g, '');

/**
 * Splits tab-separated text into rows, as Excel copies a range: a cell in double quotes may hold tabs, line breaks and
 * doubled quotes (`""`). Lines that are blank are dropped; each row keeps the line it starts on.
 */
export const splitTabbedText = (text: string): TableRow[] => {
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let atCellStart = true;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  const source = text.replace(/\r\n?/g, '\n');
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index] as string;
    if (quoted) {
      if (character === '"' && source[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        if (character === '\n') line += 1;
        cell += character;
      }
    } else if (character === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (character === '\t') {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (character === '\n') {
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += character;
      atCellStart = false;
    }
  }
  endRow();
  return rows;
};

const isHeaderCell = (column: Column, value: string) => headerNames[column].includes(nameKey(value));

/** The columns of a header row, if `row` is one (it names at least the number and the department). */
const headerColumns = (row: TableRow): Partial<Record<Column, number>> | undefined => {
  const columns: Partial<Record<Column, number>> = {};
  row.cells.forEach((value, index) => {
    const column = standardOrder.find(
      (candidate) => columns[candidate] === undefined && isHeaderCell(candidate, value),
    );
    if (column) columns[column] = index;
  });
  return columns.number !== undefined && columns.department !== undefined ? columns : undefined;
};

const fullWidthDigits = (text: string) => text.replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));

/** `3`, `3.`, `３`, `（3）` → 3; anything else undefined. */
const taskNumberOf = (value: string): number | undefined => {
  const match = /^[(（]?(\d{1,3})[)）.、．]?$/.exec(fullWidthDigits(value.trim()));
  const number = match ? Number(match[1]) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
};

export interface ReadTable {
  readonly tasks: readonly TaskInput[];
  readonly problems: readonly FieldProblem[];
}

/**
 * The task rows of a table: rows above the header row (titles, the 附件 line) are skipped; a row without a number whose
 * only text is in the title column continues the title above (a Word cell with a line break pastes as two lines); a
 * row without a number and without names is a heading (`（一）实施“五个一批”`) and skipped. Without a header row, the
 * columns are taken in seed 003's order when the first row starts with a number. Problems name `<field>.<line>.<column>`.
 */
export const readTaskTable = (rows: readonly TableRow[], field = 'table'): ReadTable => {
  const headerIndex = rows.slice(0, 20).findIndex((row) => headerColumns(row) !== undefined);
  const header = headerIndex >= 0 ? (headerColumns(rows[headerIndex] as TableRow) ?? {}) : undefined;
  const first = rows[0];
  if (!header && !(first && taskNumberOf(first.cells[0] ?? '') !== undefined)) {
    return {
      tasks: [],
      problems: [
        {
          path: field,
          message:
            '找不到表头：须有“序号”和“责任部门”两列（及“活动内容”“责任领导”“责任人”“备注”），或按此顺序排列的各列',
        },
      ],
    };
  }
  const columns: Partial<Record<Column, number>> =
    header ?? Object.fromEntries(standardOrder.map((column, index) => [column, index]));
  const cellOf = (row: TableRow, column: Column): string => {
    const index = columns[column];
    return index === undefined ? '' : normaliseText(row.cells[index] ?? '');
  };

  const tasks: TaskInput[] = [];
  const problems: FieldProblem[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    const ref = `${field}.${row.line}`;
    const label = `第 ${row.line} 行`;
    const numberCell = cellOf(row, 'number');
    const names = (['department', 'leader', 'person'] as const).map((column) => cellOf(row, column));
    const title = cellOf(row, 'title');
    if (numberCell === '') {
      const previous = tasks.at(-1);
      if (names.every((name) => name === '') && previous && title !== '') {
        tasks[tasks.length - 1] = { ...previous, title: `${previous.title}${title}` };
      } else if (names.some((name) => name !== '')) {
        problems.push({ path: `${ref}.number`, message: `${label}：缺少序号` });
      }
      continue;
    }
    const number = taskNumberOf(numberCell);
    if (number === undefined) {
      if (names.some((name) => name !== '')) {
        problems.push({ path: `${ref}.number`, message: `${label}：序号“${numberCell}”须为正整数` });
      }
      continue;
    }
    const [department, leader, person] = names as [string, string, string];
    const remark = cellOf(row, 'remark');
    tasks.push({
      ref,
      label,
      number,
      title,
      ...(department ? { department } : {}),
      ...(leader ? { leader } : {}),
      ...(person ? { person } : {}),
      ...(remark ? { remark } : {}),
    });
  }
  if (tasks.length === 0 && problems.length === 0) {
    problems.push({ path: field, message: '表中没有带序号的任务行' });
  }
  return { tasks, problems };
};

/** The departments a cell names: `管理科、监察大队` → both (the first leads). */
export const departmentNamesOf = (cell: string): string[] =>
  cell
    .split(/[、，,;；/／\n]+/)
    .map(normaliseText)
    .filter((name) => name !== '');

export interface FilledTable {
  readonly rows: readonly TaskRow[];
  readonly problems: readonly FieldProblem[];
}

/**
 * Fills each task's blank department, leader and person from the row above (the rules at the top of this file), and
 * checks every row: a number used once, a title, a department named or inherited, texts of sensible length.
 *
 * @example
 * fillDown([
 *   { ref: 'table.3', label: '第 3 行', number: 1, title: '排查', department: '监察大队', leader: '周伟', person: '薛峰' },
 *   { ref: 'table.5', label: '第 5 行', number: 3, title: '危废', department: '固废科', person: '黄瑞芝' },
 * ]).rows[1] // { department: '固废科', leader: '周伟', person: '黄瑞芝', inherited: ['leader'], … }
 */
export const fillDown = (tasks: readonly TaskInput[]): FilledTable => {
  const rows: TaskRow[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Map<number, string>();
  let above: TaskRow | undefined;
  for (const task of tasks) {
    const { ref, label, number } = task;
    const where = `${label}（序号 ${number}）`;
    const earlier = seen.get(number);
    if (earlier) problems.push({ path: `${ref}.number`, message: `${where}：序号重复（${earlier}已用）` });
    seen.set(number, label);
    if (task.title === '') problems.push({ path: `${ref}.title`, message: `${where}：缺少活动内容` });
    if (task.title.length > maxTitleLength) {
      problems.push({ path: `${ref}.title`, message: `${where}：活动内容不能超过 ${maxTitleLength} 个字` });
    }
    for (const field of ['department', 'leader', 'person', 'remark'] as const) {
      if ((task[field]?.length ?? 0) > (field === 'remark' ? maxTitleLength : maxNameLength)) {
        problems.push({ path: `${ref}.${field}`, message: `${where}：内容过长` });
      }
    }

    const inherited: InheritedField[] = [];
    const take = <T>(field: InheritedField, own: T | undefined, fromAbove: T | undefined): T | undefined => {
      if (own !== undefined || fromAbove === undefined) return own;
      inherited.push(field);
      return fromAbove;
    };
    const department = take('department', task.department, above?.department);
    if (department === undefined) {
      problems.push({ path: `${ref}.department`, message: `${where}：没有责任部门，上方也没有可沿用的行` });
      continue;
    }
    const sameDepartment = above !== undefined && nameKey(department) === nameKey(above.department);
    const leader = take('leader', task.leader, above?.leader);
    const person = take('person', task.person, sameDepartment ? above?.person : undefined);
    const row: TaskRow = {
      ref,
      label,
      number,
      title: task.title,
      department,
      departmentNames: departmentNamesOf(department),
      ...(leader ? { leader } : {}),
      ...(person ? { person } : {}),
      ...(task.remark ? { remark: task.remark } : {}),
      inherited,
    };
    rows.push(row);
    above = row;
  }
  return { rows: rows.toSorted((a, b) => a.number - b.number), problems };
};
