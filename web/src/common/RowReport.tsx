/**
 * The per-row report of a refused table (a campaign's task table, an enterprise sheet): the API refuses the whole
 * table and names every bad row in `errors[].path` (`table.7.department`, `rows.12.uscc`), its message already saying
 * the row in words. Shown as a table by row, so a long sheet's problems can be fixed one after the other.
 */
import { Alert, Table, Typography } from 'antd';
import type { Problem } from '../api/schema.gen.ts';
import { defineMessages, useMessages } from '../i18n/i18n.tsx';

const messages = defineMessages({
  zh: {
    title: '整表未导入：{count} 处需要修改',
    intro: '任何一行有误则整表不予导入，下表逐行列出原因。修改后重新提交即可。',
    row: '行',
    field: '列 / 字段',
    reason: '原因',
    whole: '整表',
  },
  en: {
    title: 'Nothing imported: {count} to fix',
    intro: 'One refused row refuses the whole table; each row’s reason is listed below. Fix them and submit again.',
    row: 'Row',
    field: 'Column / field',
    reason: 'Reason',
    whole: 'Table',
  },
});

export interface RowProblem {
  readonly key: string;
  /** The sheet's row number, when the path names one. */
  readonly row?: number;
  readonly field?: string;
  readonly message: string;
}

/** The problems of a table `prefix` (`table`, `rows`): `table.7.department` → row 7, field `department`. */
export const rowProblems = (problem: Problem, prefixes: readonly string[]): RowProblem[] =>
  (problem.errors ?? []).flatMap((error, index) => {
    const [head, row, ...rest] = error.path.split('.');
    if (!head || !prefixes.includes(head)) return [];
    const number = Number(row);
    return [
      {
        key: `${index}`,
        ...(Number.isInteger(number) && row !== '' ? { row: number, field: rest.join('.') } : { field: row }),
        message: error.message,
      },
    ];
  });

export const RowReport = ({ problems, testId }: { problems: readonly RowProblem[]; testId?: string }) => {
  const t = useMessages(messages);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      title={t('title', { count: problems.length })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('intro')}</Typography.Paragraph>
          <Table<RowProblem>
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={[...problems]}
            onRow={(problem) => ({ 'data-row': problem.row ?? '' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'row', title: t('row'), width: 70, render: (_, problem) => problem.row ?? t('whole') },
              { key: 'field', title: t('field'), width: 140, render: (_, problem) => problem.field || '—' },
              { key: 'reason', title: t('reason'), dataIndex: 'message' },
            ]}
          />
        </>
      }
    />
  );
};
