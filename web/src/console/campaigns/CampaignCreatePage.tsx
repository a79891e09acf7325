/**
 * Creating a campaign in one step (`/console/campaigns/new`, petition office): its name, plan text, leading group,
 * phases and weekly report rule, and the task table pasted from Word or Excel or uploaded as .xlsx
 * (`POST /v1/campaigns/import`). A refused table is refused whole, and the page lists the API's reason for every bad
 * row; a field the API names (the name taken, a phase's dates) shows its error under the field. Once created, the
 * campaign page opens with the rows' notes (people kept as names, tasks waiting to be assigned).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { fieldPath, isProblem, problemText } from '../../api/problems.ts';
import type { ImportCampaignRequest, Problem } from '../../api/schema.gen.ts';
import { PageHeading } from '../../common/PageHeading.tsx';
import { type RowProblem, RowReport, rowProblems } from '../../common/RowReport.tsx';
import { type PickedXlsx, XlsxFileButton } from '../../common/XlsxFileButton.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { type CampaignMessage, campaignMessages } from './messages.ts';

interface PhaseValues {
  name?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

interface CreateValues {
  name: string;
  planText?: string;
  leaders?: string[];
  deputies?: string[];
  members?: string[];
  office?: string;
  phases: PhaseValues[];
  dueWeekday: number;
  redAfterWorkingDays: number;
  tableText?: string;
}

/** Seed 003's three phases: the names prefilled, the dates the user's to give. */
const defaultPhases: PhaseValues[] = [{ name: '动员部署阶段' }, { name: '重点推进阶段' }, { name: '总结提高阶段' }];

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Where an API error path lands in this form (`phases.1.from` → the second phase's dates). */
const formField = (path: string): (string | number)[] | undefined => {
  const name = fieldPath(path);
  const [head, index, inner] = name;
  if (head === 'name') return ['name'];
  if (head === 'plan') return ['planText'];
  if (head === 'phases' && typeof index === 'number') return ['phases', index, inner === 'name' ? 'name' : 'dates'];
  if (head === 'leadingGroup' && typeof index === 'string') return [index];
  if (head === 'reporting' && typeof index === 'string') return [index];
  return undefined;
};

const CampaignCreatePage = () => {
  const t = useMessages(campaignMessages);
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const [mode, setMode] = useState<'paste' | 'upload'>('paste');
  const [file, setFile] = useState<PickedXlsx>();
  const [busy, setBusy] = useState(false);
  const [rows, setRows] = useState<RowProblem[]>([]);
  const [failure, setFailure] = useState<string[]>([]);
  const [noTable, setNoTable] = useState(false);

  const required = (field: CampaignMessage) => [{ required: true, message: t('required', { field: t(field) }) }];

  const showProblem = (problem: Problem) => {
    setRows(rowProblems(problem, ['table', 'tasks']));
    const loose: string[] = [];
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    for (const error of problem.errors ?? []) {
      if (/^(table|tasks)\b/.test(error.path)) continue;
      const name = formField(error.path);
      if (name) fields.push({ name, errors: [error.message] });
      else loose.push(error.message);
    }
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    if (problem.status === 409) form.setFields([{ name: ['name'], errors: [problemText(problem)] }]);
    else if ((problem.errors ?? []).length === 0 || loose.length > 0) setFailure([problemText(problem), ...loose]);
  };

  const submit = async (values: CreateValues) => {
    const table =
      mode === 'paste'
        ? values.tableText?.trim()
          ? { text: values.tableText }
          : undefined
        : file && { xlsxBase64: file.base64 };
    setRows([]);
    setFailure([]);
    if (!table) {
      setNoTable(true);
      return;
    }
    setNoTable(false);
    const people = (list?: string[]) => (list ?? []).map((name) => name.trim()).filter(Boolean);
    const body: ImportCampaignRequest = {
      name: values.name.trim(),
      ...(values.planText?.trim() ? { plan: { text: values.planText.trim() } } : {}),
      phases: values.phases.map((phase) => ({
        name: phase.name?.trim() ?? '',
        from: phase.dates?.[0]?.format('YYYY-MM-DD') ?? '',
        to: phase.dates?.[1]?.format('YYYY-MM-DD') ?? '',
      })) as ImportCampaignRequest['phases'],
      leadingGroup: {
        leaders: people(values.leaders),
        deputies: people(values.deputies),
        members: people(values.members),
        ...(values.office?.trim() ? { office: values.office.trim() } : {}),
      } as ImportCampaignRequest['leadingGroup'],
      reporting: { dueWeekday: values.dueWeekday, redAfterWorkingDays: values.redAfterWorkingDays },
      table,
    };
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/v1/campaigns/import', { body });
      if (data) {
        navigate(`/console/campaigns/${data.campaign.id}`, { state: { report: data.report } });
        return;
      }
      if (isProblem(error)) showProblem(error);
      else setFailure([`${response.status} ${response.statusText}`]);
    } catch (cause) {
      setFailure([cause instanceof Error ? cause.message : String(cause)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading back="/console/campaigns" backLabel={t('back')} title={t('createTitle')} intro={t('createIntro')} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        aria-label={t('createTitle')}
        initialValues={{ phases: defaultPhases, dueWeekday: 5, redAfterWorkingDays: 2 }}
        onFinish={submit}
        scrollToFirstError
      >
        <Card title={t('basics')} size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="name" label={t('name')} rules={required('name')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="planText" label={t('planText')} extra={t('planTextHelp')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        </Card>

        <Card title={t('phases')} size="small" style={{ marginBottom: 16 }}>
          <Form.List name="phases">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Row key={field.key} gutter={12} align="top" data-testid={`phase-${index}`}>
                    <Col xs={24} md={9}>
                      <Form.Item name={[field.name, 'name']} label={t('phaseName')} rules={required('phaseName')}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={12}>
                      <Form.Item
                        name={[field.name, 'dates']}
                        label={t('phaseDates')}
                        rules={required('phaseDates')}
                        htmlFor={`phase-${index}-from`}
                      >
                        <DatePicker.RangePicker
                          id={{ start: `phase-${index}-from`, end: `phase-${index}-to` }}
                          placeholder={[t('phaseFrom'), t('phaseTo')]}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={3} style={{ paddingTop: 30 }}>
                      <Button
                        aria-label={t('removePhase')}
                        icon={<DeleteOutlined aria-hidden />}
                        disabled={fields.length <= 1}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  disabled={fields.length >= 10}
                  onClick={() => {
                    const last = form.getFieldValue(['phases', fields.length - 1, 'dates']) as PhaseValues['dates'];
                    const from = last?.[1] ? last[1].add(1, 'day') : dayjs();
                    add({ name: '', dates: [from, null] });
                  }}
                >
                  {t('addPhase')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t('leadingGroup')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            {(['leaders', 'deputies', 'members'] as const).map((name) => (
              <Col xs={24} md={8} key={name}>
                <Form.Item name={name} label={t(name)} extra={t('namesHelp')}>
                  <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', ',', '，', ' ']} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item name="office" label={t('office')}>
            <Input maxLength={100} placeholder="局办公室" style={{ maxWidth: 360 }} />
          </Form.Item>
        </Card>

        <Card title={t('reporting')} size="small" style={{ marginBottom: 16 }}>
          <Space wrap size="large">
            <Form.Item name="dueWeekday" label={t('dueWeekday')} style={{ marginBottom: 0 }}>
              <Select
                style={{ width: 120 }}
                options={weekdays.map((day) => ({ value: day, label: t(`weekday${day}`) }))}
              />
            </Form.Item>
            <Form.Item name="redAfterWorkingDays" label={t('redAfter')} style={{ marginBottom: 0 }}>
              <InputNumber min={0} max={10} precision={0} />
            </Form.Item>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('reportingHelp')}
          </Typography.Paragraph>
        </Card>

        <Card
          title={t('taskTable')}
          size="small"
          style={{ marginBottom: 16 }}
          extra={
            <Segmented
              aria-label={t('taskTable')}
              value={mode}
              onChange={(value) => setMode(value as 'paste' | 'upload')}
              options={[
                { value: 'paste', label: t('paste') },
                { value: 'upload', label: t('upload') },
              ]}
            />
          }
        >
          {mode === 'paste' ? (
            <Form.Item name="tableText" label={t('tableText')} extra={t('tableHelp')}>
              <Input.TextArea
                data-testid="task-table"
                autoSize={{ minRows: 8, maxRows: 24 }}
                placeholder={t('tablePlaceholder')}
                style={{ fontFamily: 'monospace' }}
              />
            </Form.Item>
          ) : (
            <Space orientation="vertical">
              <XlsxFileButton onPick={setFile} />
              {file && (
                <Typography.Text data-testid="table-file">{t('fileChosen', { name: file.name })}</Typography.Text>
              )}
              <Typography.Text type="secondary">{t('fileHelp')}</Typography.Text>
            </Space>
          )}
          {noTable && <Alert type="error" showIcon role="alert" title={t('noTable')} style={{ marginTop: 8 }} />}
        </Card>

        {failure.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('refused')}
            description={failure.join('；')}
            data-testid="campaign-failure"
          />
        )}
        {rows.length > 0 && (
          <div style={{ marginBottom: 16 }}>
            <RowReport problems={rows} testId="campaign-row-report" />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          {busy ? t('creating') : t('submitCreate')}
        </Button>
      </Form>
    </>
  );
};

export default CampaignCreatePage;
