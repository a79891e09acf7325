/**
 * Registering a rectification problem (`/console/rectification/new`, `POST /v1/rectification-problems`; the petition
 * office keeps the ledger): source, the problem, the plan (measures and dated milestones), the responsible unit with
 * its lead official and responsible person (the assignment pickers; both or neither), the band or a target date, and
 * the complaint it came from (`?fromCase=<id>`, as the complaint's page links here). The form's names are the
 * request's, so each field error of the API shows under its field. Registered, the problem's page opens.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, problemText, showFieldErrors } from '../../api/problems.ts';
import type { CreateRectificationProblemRequest } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { FormProblemAlert } from '../../common/FormProblem.tsx';
import { PageHeading } from '../../common/PageHeading.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { AssignFields } from '../cases/case/AssignFields.tsx';
import { useUnits } from '../cases/case/directory.ts';
import { bureauDay, fetchSystemNow } from '../cases/case/format.ts';
import {
  bandLabels,
  bands,
  type RectificationBand,
  type RectificationSource,
  sourceLabels,
  sources,
} from './labels.ts';
import { rectificationMessages } from './messages.ts';

interface FormValues {
  source?: RectificationSource;
  sourceReference?: string;
  ledgerNumber?: string;
  description?: string;
  plan?: { measures?: string; milestones?: { date?: Dayjs; description?: string }[] };
  departmentId?: string;
  leadUsername?: string;
  responsibleUsername?: string;
  band?: RectificationBand;
  targetDate?: Dayjs | null;
  fromCaseId?: string;
  remark?: string;
}

const fieldNames = [
  'source',
  'sourceReference',
  'ledgerNumber',
  'description',
  'plan',
  'departmentId',
  'leadUsername',
  'responsibleUsername',
  'band',
  'targetDate',
  'fromCaseId',
  'remark',
] as const satisfies readonly (keyof CreateRectificationProblemRequest)[];

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The request of the form's values: empty fields left out, dates as `YYYY-MM-DD`. */
const requestOf = (values: FormValues): CreateRectificationProblemRequest => {
  const optional = {
    sourceReference: text(values.sourceReference),
    ledgerNumber: text(values.ledgerNumber),
    leadUsername: values.leadUsername || undefined,
    responsibleUsername: values.responsibleUsername || undefined,
    targetDate: values.targetDate?.format('YYYY-MM-DD'),
    fromCaseId: text(values.fromCaseId),
    remark: text(values.remark),
  };
  return {
    source: values.source as RectificationSource,
    description: values.description?.trim() ?? '',
    plan: {
      measures: values.plan?.measures?.trim() ?? '',
      // The generated type spells the API's 20-item limit as tuples; the API checks the count.
      milestones: (values.plan?.milestones ?? []).map((milestone) => ({
        date: milestone.date?.format('YYYY-MM-DD') ?? '',
        description: milestone.description?.trim() ?? '',
      })) as CreateRectificationProblemRequest['plan']['milestones'],
    },
    departmentId: values.departmentId ?? '',
    band: values.band as RectificationBand,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
};

const ProblemCreatePage = () => {
  const t = useMessages(rectificationMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const registrar = useSession()?.user.roles.includes('dispatcher') ?? false;
  const directory = useUnits();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; details: string[] }>();
  const [today, setToday] = useState(() => bureauDay(Date.now()));
  const fromCase = search.get('fromCase') ?? undefined;
  const [fromNumber, setFromNumber] = useState<string>();

  useEffect(() => {
    void fetchSystemNow().then((now) => setToday(bureauDay(now)));
  }, []);

  useEffect(() => {
    if (!fromCase) return;
    form.setFieldsValue({ fromCaseId: fromCase, source: 'complaint' });
    let live = true;
    void api.GET('/v1/cases/{id}', { params: { path: { id: fromCase } } }).then(({ data }) => {
      if (live && data) setFromNumber(data.number);
    });
    return () => {
      live = false;
    };
  }, [fromCase, form]);

  const submit = async (values: FormValues) => {
    // Both people or neither (assigned at once, or later): said under the one missing, as the API would.
    if (Boolean(values.leadUsername) !== Boolean(values.responsibleUsername)) {
      form.setFields([
        { name: values.leadUsername ? 'responsibleUsername' : 'leadUsername', errors: [t('bothOrNeither')] },
      ]);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const { data, error, response } = await api.POST('/v1/rectification-problems', { body: requestOf(values) });
      if (data) {
        message.success(t('created', { number: data.number }));
        navigate(`/console/cases/${data.id}`);
        return;
      }
      const title = isProblem(error) ? problemText(error) : `${response.status} ${response.statusText}`;
      const loose = isProblem(error) ? showFieldErrors(form, error, fieldNames) : [];
      setProblem({ title, details: loose });
    } catch (cause) {
      setProblem({ title: cause instanceof Error ? cause.message : String(cause), details: [] });
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('required') }];

  return (
    <>
      <PageHeading back="/console/rectification" backLabel={t('back')} title={t('newTitle')} intro={t('newIntro')} />
      {!registrar ? (
        <Alert type="info" showIcon title={t('notRegistrar')} />
      ) : (
        <Card>
          <Form<FormValues>
            form={form}
            layout="vertical"
            name="rectification-problem"
            data-testid="problem-form"
            requiredMark
            initialValues={{ plan: { milestones: [] } }}
            onFinish={(values) => void submit(values)}
            style={{ maxWidth: 820 }}
          >
            <FormProblemAlert failed={t('createFailed')} problem={problem} />
            <Flex gap="middle" wrap>
              <Form.Item name="source" label={t('source')} rules={required} style={{ minWidth: 260 }}>
                <Select<RectificationSource>
                  options={sources.map((value) => ({ value, label: sourceLabels[value][language] }))}
                />
              </Form.Item>
              <Form.Item name="sourceReference" label={t('sourceReference')} style={{ flex: 1, minWidth: 220 }}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="ledgerNumber" label={t('ledgerNumber')} style={{ width: 160 }}>
                <Input maxLength={20} />
              </Form.Item>
            </Flex>
            <Form.Item name="description" label={t('problemDescription')} rules={[...required, { min: 5 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item name={['plan', 'measures']} label={t('measures')} rules={[...required, { min: 2 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10_000} showCount />
            </Form.Item>
            <fieldset style={{ border: 0, padding: 0, margin: '0 0 24px' }}>
              <legend style={{ fontSize: 14, marginBottom: 8, borderBottom: 0 }}>{t('milestones')}</legend>
              <Form.List name={['plan', 'milestones']}>
                {(items, { add, remove }) => (
                  <>
                    {items.map((item, index) => (
                      <Flex key={item.key} align="start" wrap gap="small" data-testid="milestone">
                        <Form.Item
                          name={[item.name, 'date']}
                          label={`${t('milestoneDate')} ${index + 1}`}
                          rules={required}
                        >
                          <DatePicker format="YYYY-MM-DD" />
                        </Form.Item>
                        <Form.Item
                          name={[item.name, 'description']}
                          label={`${t('milestoneDescription')} ${index + 1}`}
                          rules={required}
                          style={{ minWidth: 380 }}
                        >
                          <Input maxLength={500} />
                        </Form.Item>
                        <Button
                          aria-label={`${t('removeMilestone')} ${index + 1}`}
                          icon={<DeleteOutlined aria-hidden />}
                          style={{ marginTop: 30 }}
                          onClick={() => remove(item.name)}
                        />
                      </Flex>
                    ))}
                    <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} disabled={items.length >= 20}>
                      {t('addMilestone')}
                    </Button>
                  </>
                )}
              </Form.List>
            </fieldset>
            <AssignFields
              form={form}
              directory={directory}
              peopleOptional
              labels={{ department: t('department'), responsible: t('responsible'), lead: t('lead') }}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t('peopleHelp')}
            </Typography.Paragraph>
            <Flex gap="middle" wrap>
              <Form.Item name="band" label={t('band')} rules={required} extra={t('bandHelp')} style={{ minWidth: 260 }}>
                <Select<RectificationBand>
                  options={bands.map((value) => ({ value, label: bandLabels[value][language] }))}
                />
              </Form.Item>
              <Form.Item name="targetDate" label={t('targetDate')} extra={t('targetDateHelp')}>
                <DatePicker format="YYYY-MM-DD" disabledDate={(day) => day.format('YYYY-MM-DD') <= today} />
              </Form.Item>
            </Flex>
            <Form.Item
              name="fromCaseId"
              label={t('fromCase')}
              extra={fromNumber ? t('fromCaseIs', { number: fromNumber }) : t('fromCaseHelp')}
            >
              <Input maxLength={40} style={{ maxWidth: 360 }} />
            </Form.Item>
            <Form.Item name="remark" label={t('remark')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('create')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
};

export default ProblemCreatePage;
