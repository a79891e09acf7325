/**
 * Importing a rectification ledger (`/console/rectification/import`, `POST /v1/rectification-problems/import`; the
 * petition office): an .xlsx file in the shape inspections hand down, or JSON rows pasted. The API takes it all or
 * nothing: a refused ledger names every bad row and column (`xlsxBase64.<row>.<column>`, `rows.<index>.<column>`),
 * shown as the per-row report; an accepted one lists the problem each row became, linked to its page. A department
 * name the directory has twice (两个“监察大队”) is mapped to its unit here (`departments`).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { problemText } from '../../api/problems.ts';
import type { ImportRectificationLedgerRequest, LedgerImportReport } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { ImportRefusal, ImportReportCard, useImportOutcome } from '../../common/ImportOutcome.tsx';
import { PageHeading } from '../../common/PageHeading.tsx';
import { type RowProblem, rowProblems } from '../../common/RowReport.tsx';
import { type PickedXlsx, XlsxFileButton } from '../../common/XlsxFileButton.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useUnits } from '../cases/case/directory.ts';
import { rectificationMessages } from './messages.ts';

type Mode = 'file' | 'json';

/** Monospace for the JSON, with a CJK face for the Chinese in it (monospace fonts rarely have one). */
const monospace = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Noto Sans SC', 'Noto Sans CJK SC', monospace";

/** JSON rows are numbered from 0 in the API's paths; the report counts them from 1 as the rows are read. */
const numbered = (problems: readonly RowProblem[], mode: Mode): RowProblem[] =>
  problems.map((problem) =>
    mode === 'json' && problem.row !== undefined ? { ...problem, row: problem.row + 1 } : problem,
  );

/** A department name as the ledger writes it, and the unit it is. */
interface Mapping {
  readonly key: number;
  readonly name: string;
  readonly unitId?: string;
}

const LedgerImportPage = () => {
  const t = useMessages(rectificationMessages);
  const directory = useUnits();
  const [mappings, setMappings] = useState<Mapping[]>([]);
  const registrar = useSession()?.user.roles.includes('dispatcher') ?? false;
  const [mode, setMode] = useState<Mode>('file');
  const [file, setFile] = useState<PickedXlsx>();
  const [json, setJson] = useState('');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const { report, rows, failure, setFailure, clear, settle } = useImportOutcome<LedgerImportReport>();

  const send = async () => {
    clear();
    let body: ImportRectificationLedgerRequest;
    if (mode === 'file') {
      if (!file) return;
      body = { xlsxBase64: file.base64 };
    } else {
      try {
        const parsed: unknown = JSON.parse(json);
        if (!Array.isArray(parsed)) throw new Error('[…]');
        body = { rows: parsed as NonNullable<ImportRectificationLedgerRequest['rows']> };
      } catch (cause) {
        setFailure(t('badJson', { reason: cause instanceof Error ? cause.message : String(cause) }));
        return;
      }
    }
    if (reference.trim()) body = { ...body, sourceReference: reference.trim() };
    const departments = Object.fromEntries(
      mappings.flatMap((mapping) =>
        mapping.name.trim() && mapping.unitId ? [[mapping.name.trim(), mapping.unitId]] : [],
      ),
    );
    if (Object.keys(departments).length > 0) body = { ...body, departments };
    setBusy(true);
    await settle(
      () => api.POST('/v1/rectification-problems/import', { body }),
      (problem) => ({
        rows: numbered(rowProblems(problem, ['rows', 'xlsxBase64']), mode),
        failure: problemText(problem),
      }),
    );
    setBusy(false);
  };

  const ready = mode === 'file' ? file !== undefined : json.trim() !== '';
  return (
    <>
      <PageHeading
        back="/console/rectification"
        backLabel={t('back')}
        title={t('importTitle')}
        intro={t('importIntro')}
      />
      {!registrar ? (
        <Alert type="info" showIcon title={t('notRegistrar')} />
      ) : (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph>
            <Typography.Text strong>{t('columns')}：</Typography.Text>
            {t('columnsText')}
          </Typography.Paragraph>
          <Tabs
            activeKey={mode}
            onChange={(key) => {
              setMode(key as Mode);
              clear();
            }}
            items={[
              {
                key: 'file',
                label: t('fromFile'),
                children: (
                  <>
                    <XlsxFileButton
                      onPick={(picked) => {
                        setFile(picked);
                        clear();
                      }}
                    />
                    {file && (
                      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="import-file">
                        {t('fileChosen', { name: file.name })}
                      </Typography.Paragraph>
                    )}
                  </>
                ),
              },
              {
                key: 'json',
                label: t('fromJson'),
                children: (
                  <>
                    <label htmlFor="ledger-json">{t('jsonRows')}</label>
                    <Input.TextArea
                      id="ledger-json"
                      value={json}
                      onChange={(event) => setJson(event.target.value)}
                      autoSize={{ minRows: 6, maxRows: 20 }}
                      style={{ fontFamily: monospace, marginTop: 4 }}
                      placeholder='[{"number":"1","source":"中央督察","description":"…","department":"…","leader":"…","person":"…","measures":"…","deadline":"立行立改"}]'
                    />
                    <Typography.Text type="secondary">{t('jsonHelp')}</Typography.Text>
                  </>
                ),
              },
            ]}
          />
          <fieldset style={{ border: 0, padding: 0, margin: '12px 0 0' }}>
            <legend style={{ fontSize: 14, marginBottom: 4, borderBottom: 0 }}>{t('mappings')}</legend>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('mappingsHelp')}
            </Typography.Paragraph>
            {mappings.map((mapping, index) => {
              const change = (patch: Partial<Mapping>) =>
                setMappings((all) => all.map((each) => (each.key === mapping.key ? { ...each, ...patch } : each)));
              return (
                <Flex key={mapping.key} gap="small" wrap style={{ marginBottom: 8 }}>
                  <Input
                    aria-label={`${t('mappingName')} ${index + 1}`}
                    placeholder={t('mappingName')}
                    value={mapping.name}
                    maxLength={100}
                    style={{ width: 220 }}
                    onChange={(event) => change({ name: event.target.value })}
                  />
                  <Select
                    aria-label={`${t('mappingUnit')} ${index + 1}`}
                    placeholder={t('mappingUnit')}
                    value={mapping.unitId}
                    style={{ width: 280 }}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={directory.units
                      .filter((unit) => unit.kind === 'department')
                      .map((unit) => ({ value: unit.id, label: directory.unitLabel(unit.id) }))}
                    onChange={(unitId: string) => change({ unitId })}
                  />
                  <Button
                    aria-label={`${t('removeMapping')} ${index + 1}`}
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => setMappings((all) => all.filter((each) => each.key !== mapping.key))}
                  />
                </Flex>
              );
            })}
            <Button
              size="small"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setMappings((all) => [...all, { key: Date.now() + all.length, name: '' }])}
            >
              {t('addMapping')}
            </Button>
          </fieldset>
          <Space wrap style={{ marginTop: 12 }} align="end">
            <div>
              <label htmlFor="ledger-reference">{t('batchReference')}</label>
              <Input
                id="ledger-reference"
                value={reference}
                onChange={(event) => setReference(event.target.value)}
                maxLength={200}
                style={{ width: 360, display: 'block', marginTop: 4 }}
              />
            </div>
            <Button type="primary" disabled={!ready} loading={busy} onClick={() => void send()}>
              {t('importNow')}
            </Button>
          </Space>
        </Card>
      )}
      <ImportRefusal title={t('importFailed')} failure={failure} rows={rows} />
      {report && (
        <ImportReportCard
          title={report.replayed ? t('replayed', { id: report.importId }) : t('imported', { created: report.created })}
          rowKey="ref"
          rows={report.rows}
          columns={[
            { key: 'number', title: t('row'), dataIndex: 'number', width: 70 },
            { key: 'label', title: t('rowLabel'), dataIndex: 'label', width: 110 },
            {
              key: 'case',
              title: t('problem'),
              render: (_, row) => <Link to={`/console/cases/${row.caseId}`}>{row.caseNumber}</Link>,
            },
            {
              key: 'assigned',
              title: t('assigned'),
              render: (_, row) =>
                row.assigned ? <Tag color="#16803c">{t('assignedYes')}</Tag> : <Tag>{t('assignedNo')}</Tag>,
            },
            { key: 'warnings', title: t('warnings'), render: (_, row) => row.warnings.join('；') || '—' },
          ]}
        />
      )}
    </>
  );
};

export default LedgerImportPage;
