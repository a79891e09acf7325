/**
 * The tasks of a request, as the domain reads them: a task table pasted as text, an uploaded .xlsx (its first sheet,
 * read with exceljs), or a list of tasks.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { taskInputSchema, taskTableSchema } from '#campaigns/domain/requests.ts';
import {
  normaliseText,
  type ReadTable,
  readTaskTable,
  splitTabbedText,
  type TableRow,
  type TaskInput,
} from '#campaigns/domain/task-table.ts';
import { ValidationError } from '#platform/domain/errors.ts';

type TaskTable = z.output<typeof taskTableSchema>;

/** The rows of an .xlsx file's first sheet, each with its row number; a merged cell counts once, in its first cell. */
export const rowsOfWorkbook = async (base64: string, field: string): Promise<TableRow[]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch (error) {
    throw new ValidationError([{ path: `${field}.xlsxBase64`, message: '无法读取该 .xlsx 文件' }], { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError([{ path: `${field}.xlsxBase64`, message: '.xlsx 文件中没有工作表' }]);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      // The other cells of a merged range repeat its value: blank, as the rule of the rows above expects.
      const merged = cell.isMerged && cell.master.address !== cell.address;
      cells[column - 1] = merged ? '' : cell.text;
    });
    rows.push({ line, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
};

/** The tasks of a table, pasted or uploaded, with the problems of its rows (`<field>.<line>.<column>`). */
export const readTable = async (table: TaskTable, field: string): Promise<ReadTable> =>
  readTaskTable('text' in table ? splitTabbedText(table.text) : await rowsOfWorkbook(table.xlsxBase64, field), field);

/** The tasks of a list (`tasks.<index>.<field>`), their names normalised as a table's are. */
export const tasksOfList = (tasks: readonly z.output<typeof taskInputSchema>[]): TaskInput[] =>
  tasks.map((task, index) => ({
    ref: `tasks.${index}`,
    label: `第 ${index + 1} 项`,
    number: task.number,
    title: normaliseText(task.title),
    ...(task.department ? { department: normaliseText(task.department) } : {}),
    ...(task.leader ? { leader: normaliseText(task.leader) } : {}),
    ...(task.person ? { person: normaliseText(task.person) } : {}),
    ...(task.remark ? { remark: task.remark } : {}),
  }));
