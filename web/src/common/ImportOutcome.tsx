/**
 * What an import page (an enterprise sheet, a rectification ledger) holds of its last request and shows below its
 * form: the accepted report, or why the table was refused — row by row, or in words where the API names no row.
 */
import { Alert, Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { isProblem } from '../api/problems.ts';
import type { Problem } from '../api/schema.gen.ts';
import { type RowProblem, RowReport } from './RowReport.tsx';

/** How a page reads a refusal: the rows it names, and the words to show when it names none. */
export type ReadRefusal = (problem: Problem, response: Response) => { rows: RowProblem[]; failure: string };

/**
 * The outcome of an import page's last request. `settle` sends one and keeps its outcome (never throws); `clear`
 * forgets it, as picking another file does; `setFailure` keeps a reason found before sending (JSON that is not rows).
 */
export const useImportOutcome = <Report,>() => {
  const [report, setReport] = useState<Report>();
  const [rows, setRows] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string>();

  const clear = () => {
    setReport(undefined);
    setRows([]);
    setFailure(undefined);
  };

  const settle = async (
    request: () => Promise<{ data?: Report; error?: unknown; response: Response }>,
    readRefusal: ReadRefusal,
  ) => {
    try {
      const { data, error, response } = await request();
      if (data) setReport(data);
      else if (isProblem(error)) {
        const refusal = readRefusal(error, response);
        setRows(refusal.rows);
        if (refusal.rows.length === 0) setFailure(refusal.failure);
      } else setFailure(`${response.status} ${response.statusText}`);
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return { report, rows, failure, setFailure, clear, settle };
};

/** Why the table was refused: the reason in words under `title`, and the per-row report. */
export const ImportRefusal = ({
  title,
  failure,
  rows,
}: {
  title: string;
  failure: string | undefined;
  rows: readonly RowProblem[];
}) => (
  <>
    {failure && (
      <Alert type="error" showIcon role="alert" title={title} description={failure} style={{ marginBottom: 16 }} />
    )}
    {rows.length > 0 && <RowReport problems={rows} testId="import-row-report" />}
  </>
);

/** The rows an accepted import made, 50 to a page when there are more. */
export const ImportReportCard = <Row extends object>({
  title,
  rowKey,
  rows,
  columns,
}: {
  title: string;
  rowKey: keyof Row & string;
  rows: Row[];
  columns: TableColumnsType<Row>;
}) => (
  <Card size="small" data-testid="import-report" title={title}>
    <Table<Row>
      size="small"
      rowKey={rowKey}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      dataSource={rows}
      columns={columns}
    />
  </Card>
);
