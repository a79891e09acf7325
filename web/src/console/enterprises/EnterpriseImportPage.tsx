/**
 * Importing a bureau's enterprise list (`/console/enterprises/import`, `POST /v1/enterprises/import`; petition office
 * and administrators): pick an .xlsx file, check it (`dryRun`) or check and import. The API takes it all or nothing:
 * a refused sheet lists every bad row and column (`rows.<row>.<column>`), shown as the per-row report; an accepted one
 * lists the firms each row registered, linked to their profiles.
 */
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { problemText } from '../../api/problems.ts';
import type { EnterpriseImportReport } from '../../api/schema.gen.ts';
import { ImportRefusal, ImportReportCard, useImportOutcome } from '../../common/ImportOutcome.tsx';
import { PageHeading } from '../../common/PageHeading.tsx';
import { rowProblems } from '../../common/RowReport.tsx';
import { type PickedXlsx, XlsxFileButton } from '../../common/XlsxFileButton.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { enterpriseMessages } from './messages.ts';

const EnterpriseImportPage = () => {
  const t = useMessages(enterpriseMessages);
  const [file, setFile] = useState<PickedXlsx>();
  const [busy, setBusy] = useState<'check' | 'import'>();
  const { report, rows, failure, clear, settle } = useImportOutcome<EnterpriseImportReport>();

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    clear();
    await settle(
      () => api.POST('/v1/enterprises/import', { body: { fileName: file.name, content: file.base64, dryRun } }),
      (problem, response) => ({
        rows: rowProblems(problem, ['rows', 'columns', 'content']),
        failure: response.status === 409 ? `${t('importedAlready')}：${problemText(problem)}` : problemText(problem),
      }),
    );
    setBusy(undefined);
  };

  return (
    <>
      <PageHeading
        back="/console/enterprises"
        backLabel={t('back')}
        title={t('importTitle')}
        intro={t('importIntro')}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          <Typography.Text strong>{t('columns')}：</Typography.Text>
          {t('columnsText')}
        </Typography.Paragraph>
        <Space wrap>
          <XlsxFileButton
            onPick={(picked) => {
              setFile(picked);
              clear();
            }}
          />
          <Button disabled={!file} loading={busy === 'check'} onClick={() => void send(true)}>
            {t('check')}
          </Button>
          <Button type="primary" disabled={!file} loading={busy === 'import'} onClick={() => void send(false)}>
            {t('importNow')}
          </Button>
        </Space>
        {file && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="import-file">
            {t('fileChosen', { name: file.name })}
          </Typography.Paragraph>
        )}
      </Card>
      <ImportRefusal title={t('importFailed')} failure={failure} rows={rows} />
      {report && (
        <ImportReportCard
          title={report.dryRun ? t('checked', { rows: report.rows }) : t('imported', { imported: report.imported })}
          rowKey="row"
          rows={report.registered}
          columns={[
            { key: 'row', title: t('row'), dataIndex: 'row', width: 70 },
            {
              key: 'uscc',
              title: t('uscc'),
              render: (_, row) => <span style={{ fontFamily: 'monospace' }}>{row.uscc}</span>,
            },
            {
              key: 'name',
              title: t('name'),
              render: (_, row) =>
                report.dryRun ? row.name : <Link to={`/console/enterprises/${row.uscc}`}>{row.name}</Link>,
            },
          ]}
        />
      )}
    </>
  );
};

export default EnterpriseImportPage;
