/**
 * Importing a bureau's enterprise list (`/console/enterprises/import`, `POST /v1/enterprises/import`; petition office
 * and administrators): pick an .xlsx file, check it (`dryRun`) or check and import. The API takes it all or nothing:
 * a refused sheet lists every bad row and column (`rows.<row>.<column>`), shown as the per-row report; an accepted one
 * lists the firms each row registered, linked to their profiles.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, problemText } from '../../api/problems.ts';
import type { EnterpriseImportReport } from '../../api/schema.gen.ts';
import { fileAsBase64, xlsxType } from '../../common/files.ts';
import { type RowProblem, RowReport, rowProblems } from '../../common/RowReport.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { enterpriseMessages } from './messages.ts';

const EnterpriseImportPage = () => {
  const t = useMessages(enterpriseMessages);
  const [file, setFile] = useState<{ name: string; base64: string }>();
  const [busy, setBusy] = useState<'check' | 'import'>();
  const [report, setReport] = useState<EnterpriseImportReport>();
  const [rows, setRows] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string>();

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setReport(undefined);
    setRows([]);
    setFailure(undefined);
    try {
      const { data, error, response } = await api.POST('/v1/enterprises/import', {
        body: { fileName: file.name, content: file.base64, dryRun },
      });
      if (data) setReport(data);
      else if (isProblem(error)) {
        const byRow = rowProblems(error, ['rows', 'columns', 'content']);
        setRows(byRow);
        if (byRow.length === 0)
          setFailure(response.status === 409 ? `${t('importedAlready')}：${problemText(error)}` : problemText(error));
      } else setFailure(`${response.status} ${response.statusText}`);
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Link to="/console/enterprises">← {t('back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
        {t('importTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('importIntro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          <Typography.Text strong>{t('columns')}：</Typography.Text>
          {t('columnsText')}
        </Typography.Paragraph>
        <Space wrap>
          <Upload
            accept={`.xlsx,${xlsxType}`}
            maxCount={1}
            showUploadList={false}
            beforeUpload={async (picked) => {
              setFile({ name: picked.name, base64: await fileAsBase64(picked) });
              setReport(undefined);
              setRows([]);
              setFailure(undefined);
              return false;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('chooseFile')}</Button>
          </Upload>
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
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('importFailed')}
          description={failure}
          style={{ marginBottom: 16 }}
        />
      )}
      {rows.length > 0 && <RowReport problems={rows} testId="import-row-report" />}
      {report && (
        <Card
          size="small"
          data-testid="import-report"
          title={report.dryRun ? t('checked', { rows: report.rows }) : t('imported', { imported: report.imported })}
        >
          <Table
            size="small"
            rowKey="row"
            pagination={report.registered.length > 50 ? { pageSize: 50 } : false}
            dataSource={report.registered}
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
        </Card>
      )}
    </>
  );
};

export default EnterpriseImportPage;
