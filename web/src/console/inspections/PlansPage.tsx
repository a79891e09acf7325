/**
 * Random inspection plans and draws (`/console/inspections`, 双随机、一公开): the plans of a quarter
 * (`GET /v1/inspection-plans?period=`, the quarter kept in the address, the current one by default) and the quarter's
 * draws (`GET /v1/draws?period=`) with their tally per class, each linking to its draw page. Supervisors and
 * administrators make a plan (`POST /v1/inspection-plans`: rates per supervision class, the inspection items,
 * inspectors per firm; the API's field errors shown under the fields), change it until its draw
 * (`PATCH /v1/inspection-plans/{id}`, with the version read) and run its draw once (`POST /v1/draws`, with a seed
 * fixed publicly before, or one the system makes), landing on the draw's page.
 */
import { DeleteOutlined, EditOutlined, ExperimentOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, showFieldErrors } from '../../api/problems.ts';
import type { DrawSummary, InspectionPlan, NewInspectionPlan } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { InspectionItems } from '../../common/InspectionItems.tsx';
import { quarterOf, quarterPattern, shiftQuarter } from '../../common/quarters.ts';
import { RefusalAlert, refusalText } from '../../common/RefusalAlert.tsx';
import { RetryAlert } from '../../common/RetryAlert.tsx';
import { StampCell } from '../../common/StampCell.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { usePeople, useUnits } from '../cases/case/directory.ts';
import { bureauDay, fetchSystemNow, formatInstant } from '../cases/case/format.ts';
import { failureReason } from '../statistics/problem.ts';
import { classLabels, defaultRates, type SupervisionClass, supervisionClasses } from './labels.ts';
import { planMessages } from './planMessages.ts';

/** Who keeps the plans and runs the draws (the API's rule). */
const planners = ['supervisor', 'admin'];

interface PlanValues {
  name: string;
  period: string;
  rates: Record<SupervisionClass, number>;
  items: { code?: string; label?: string }[];
  inspectorsPerEntity: number;
}

const planFields = ['name', 'period', 'rates', 'items', 'inspectorsPerEntity'];

/** The period's words: `2026 年第 2 季度`. */
const useQuarterLabel = () => {
  const t = useMessages(planMessages);
  return (period: string) => {
    const match = quarterPattern.exec(period);
    return match ? t('quarterLabel', { year: match[1] ?? '', quarter: match[2] ?? '' }) : period;
  };
};

/**
 * Making a plan, or changing one not yet drawn (`editing`). Mounted for each opening, so that its form starts from
 * this opening's values (a form's store outlives a hidden dialog's fields and would keep the last opening's).
 */
const PlanDialog = ({
  editing,
  periods,
  period,
  onClose,
  onSaved,
  onStale,
}: {
  editing: InspectionPlan | undefined;
  periods: readonly string[];
  period: string;
  onClose: () => void;
  onSaved: (plan: InspectionPlan) => void;
  onStale: () => void;
}) => {
  const t = useMessages(planMessages);
  const { language } = useI18n();
  const quarterLabel = useQuarterLabel();
  const [form] = Form.useForm<PlanValues>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const required = (field: string) => [{ required: true, whitespace: true, message: t('required', { field }) }];
  const initialValues: Partial<PlanValues> = editing
    ? {
        name: editing.name,
        period: editing.period,
        rates: { ...editing.rates },
        items: editing.items.map((item) => ({ ...item })),
        inspectorsPerEntity: editing.inspectorsPerEntity,
      }
    : { period, rates: { ...defaultRates }, items: [{}], inspectorsPerEntity: 2 };
  const title = editing ? t('planEditTitle', { name: editing.name }) : t('planFormTitle');

  const submit = async (values: PlanValues) => {
    setSaving(true);
    setRefusal(undefined);
    try {
      const fields = {
        name: values.name.trim(),
        rates: values.rates,
        // The generated type spells the API's item limits as a tuple; the API checks the count.
        items: values.items.map((item) => ({
          code: item.code?.trim() ?? '',
          label: item.label?.trim() ?? '',
        })) as NewInspectionPlan['items'],
        inspectorsPerEntity: values.inspectorsPerEntity,
      };
      const { data, error, response } = editing
        ? await api.PATCH('/v1/inspection-plans/{id}', {
            params: { path: { id: editing.id } },
            body: { ...fields, version: editing.version },
          })
        : await api.POST('/v1/inspection-plans', { body: { ...fields, period: values.period } });
      if (data) {
        onSaved(data);
        return;
      }
      setRefusal(refusalText(form, error, response, planFields));
      // Changed or drawn meanwhile: the list shows it as it now is once read again.
      if (isProblem(error) && response.status === 409) onStale();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={title}
      okText={editing ? t('save') : t('create')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('planFormIntro')}</Typography.Paragraph>
      {editing && <Typography.Paragraph type="secondary">{t('planEditNote')}</Typography.Paragraph>}
      <Form<PlanValues>
        form={form}
        layout="vertical"
        aria-label={title}
        data-testid="plan-form"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('name')} rules={[...required(t('name')), { min: 2, max: 100 }]}>
              <Input maxLength={100} placeholder={t('namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="period" label={t('period')} rules={required(t('period'))}>
              <Select
                disabled={editing !== undefined}
                options={[...new Set([...periods, ...(editing ? [editing.period] : [])])].map((value) => ({
                  value,
                  label: quarterLabel(value),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8, borderBottom: 0 }}>{t('rates')}</legend>
          <Row gutter={12}>
            {supervisionClasses.map((name) => (
              <Col xs={12} md={6} key={name}>
                <Form.Item
                  name={['rates', name]}
                  label={classLabels[name][language]}
                  rules={[{ required: true, message: t('required', { field: classLabels[name][language] }) }]}
                >
                  <InputNumber min={0.01} max={100} step={1} precision={2} suffix="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {t('rateHelp')}
          </Typography.Paragraph>
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
          <legend style={{ fontSize: 14, marginBottom: 8, borderBottom: 0 }}>{t('items')}</legend>
          <Form.List name="items">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, index) => (
                  <Flex key={row.key} align="start" gap="small" data-testid="plan-item">
                    <Form.Item
                      name={[row.name, 'code']}
                      label={t('itemCodeN', { n: index + 1 })}
                      rules={[
                        ...required(t('itemCode')),
                        { pattern: /^\s*[A-Za-z0-9-]{1,20}\s*$/, message: t('itemsHelp') },
                      ]}
                      style={{ width: 160 }}
                    >
                      <Input maxLength={20} style={{ fontFamily: 'monospace' }} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'label']}
                      label={t('itemLabelN', { n: index + 1 })}
                      rules={[...required(t('itemLabel')), { min: 2, max: 100 }]}
                      style={{ flex: 1 }}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                    <Button
                      aria-label={t('removeItem', { n: index + 1 })}
                      icon={<DeleteOutlined aria-hidden />}
                      style={{ marginTop: 30 }}
                      disabled={rows.length <= 1}
                      onClick={() => remove(row.name)}
                    />
                  </Flex>
                ))}
                <Space wrap>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} disabled={rows.length >= 50}>
                    {t('addItem')}
                  </Button>
                  <Typography.Text type="secondary">{t('itemsHelp')}</Typography.Text>
                </Space>
              </>
            )}
          </Form.List>
        </fieldset>
        <Form.Item
          name="inspectorsPerEntity"
          label={t('perEntityField')}
          extra={t('perEntityHelp')}
          rules={[{ required: true, message: t('required', { field: t('perEntityField') }) }]}
        >
          <InputNumber min={2} max={4} precision={0} />
        </Form.Item>
      </Form>
      <RefusalAlert title={editing ? t('changeRefused') : t('createRefused')} refusal={refusal} testId="plan-refused" />
    </Modal>
  );
};

const DrawDialog = ({
  plan,
  onClose,
  onDrawn,
  onStale,
}: {
  plan: InspectionPlan | undefined;
  onClose: () => void;
  onDrawn: (id: string) => void;
  onStale: () => void;
}) => {
  const t = useMessages(planMessages);
  const [form] = Form.useForm<{ seed?: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  useEffect(() => {
    if (plan) {
      form.resetFields();
      setRefusal(undefined);
    }
  }, [plan, form]);

  const submit = async ({ seed }: { seed?: string }) => {
    if (!plan) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      const { data, error, response } = await api.POST('/v1/draws', {
        body: { planId: plan.id, ...(seed?.trim() ? { seed: seed.trim() } : {}) },
      });
      if (data) {
        onDrawn(data.id);
        return;
      }
      if (isProblem(error)) {
        const loose = showFieldErrors(form, error, ['seed']);
        if ((error.errors ?? []).length === 0 || loose.length > 0) setRefusal(failureReason(error, response));
        // Drawn meanwhile (by someone else): the list shows the draw's link once read again.
        if (response.status === 409) onStale();
      } else setRefusal(failureReason(error, response));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={plan !== undefined}
      title={plan ? t('drawTitle', { name: plan.name }) : ''}
      okText={t('drawSubmit')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('drawIntro', { count: plan?.inspectorsPerEntity ?? 2 })}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="draw-form" onFinish={(values) => void submit(values)}>
        <Form.Item name="seed" label={t('seed')} extra={t('seedHelp')} rules={[{ max: 200 }]}>
          <Input maxLength={200} placeholder={t('seedPlaceholder')} />
        </Form.Item>
      </Form>
      <RefusalAlert title={t('drawRefused')} refusal={refusal} testId="draw-refused" />
    </Modal>
  );
};

/** A tally of a draw, per class: `重点排污单位 3 / 12`. */
const Tally = ({ classes }: { classes: DrawSummary['classes'] }) => {
  const t = useMessages(planMessages);
  const { language } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {classes.map((tally) => (
        <Tag key={tally.class} data-class={tally.class} data-drawn={tally.drawn} data-pool={tally.pool}>
          {t('tallyEntry', { class: classLabels[tally.class][language], drawn: tally.drawn, pool: tally.pool })}
        </Tag>
      ))}
    </Space>
  );
};

/**
 * One of the quarter's two tables (its plans, its draws) in a titled card, with why it could not be read and a button
 * to read again. `items` is undefined while they are read.
 */
const QuarterTable = <Item extends { id: string }>({
  id,
  title,
  items,
  empty,
  failure,
  failed,
  onRetry,
  ...table
}: Omit<TableProps<Item>, 'id' | 'title' | 'dataSource' | 'loading' | 'locale'> & {
  id: string;
  title: string;
  items: Item[] | undefined;
  empty: string;
  failure: string | undefined;
  failed: string;
  onRetry: () => void;
}) => {
  const t = useMessages(planMessages);
  return (
    <section aria-labelledby={id}>
      <Card
        title={
          <Typography.Title level={2} id={id} style={{ fontSize: 16, margin: 0 }}>
            {title}
          </Typography.Title>
        }
      >
        {failure && (
          <RetryAlert
            title={failed}
            reason={failure}
            retry={t('retry')}
            onRetry={onRetry}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<Item>
          size="small"
          rowKey="id"
          loading={!items}
          dataSource={items ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Typography.Text type="secondary">{empty}</Typography.Text> }}
          {...table}
        />
      </Card>
    </section>
  );
};

const PlansPage = () => {
  const t = useMessages(planMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const quarterLabel = useQuarterLabel();
  const session = useSession();
  const people = usePeople();
  const { unitLabel } = useUnits();
  const canPlan = planners.some((role) => session?.user.roles.includes(role));
  const [search, setSearch] = useSearchParams();
  const [today, setToday] = useState(() => bureauDay(Date.now()));
  const asked = search.get('period')?.toUpperCase();
  const current = quarterOf(today);
  const period = asked && quarterPattern.test(asked) ? asked : current;
  const [plans, setPlans] = useState<InspectionPlan[]>();
  const [draws, setDraws] = useState<DrawSummary[]>();
  const [plansError, setPlansError] = useState<string>();
  const [drawsError, setDrawsError] = useState<string>();
  const [reads, setReads] = useState(0);
  const [planning, setPlanning] = useState<{ editing?: InspectionPlan }>();
  const [drawing, setDrawing] = useState<InspectionPlan>();

  useEffect(() => {
    void fetchSystemNow().then((now) => setToday(bureauDay(now)));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reads` asks for a fresh read of the same quarter.
  useEffect(() => {
    let live = true;
    setPlans(undefined);
    setDraws(undefined);
    const query = { params: { query: { period } } };
    void api.GET('/v1/inspection-plans', query).then(({ data, error, response }) => {
      if (!live) return;
      setPlans(data ?? []);
      setPlansError(data ? undefined : failureReason(error, response));
    });
    void api.GET('/v1/draws', query).then(({ data, error, response }) => {
      if (!live) return;
      setDraws(data ?? []);
      setDrawsError(data ? undefined : failureReason(error, response));
    });
    return () => {
      live = false;
    };
  }, [period, reads]);
  const reload = () => setReads((count) => count + 1);

  // Two years back to half a year ahead, newest first; an asked quarter outside that range too.
  const periods = Array.from({ length: 11 }, (_, index) => shiftQuarter(current, 2 - index));
  if (!periods.includes(period)) periods.unshift(period);
  const choosePeriod = (value: string) => setSearch(value === current ? {} : { period: value }, { replace: true });

  const rateList = (plan: InspectionPlan) => (
    <Space orientation="vertical" size={0}>
      {supervisionClasses.map((name) => (
        <Typography.Text key={name} style={{ whiteSpace: 'nowrap' }}>
          {classLabels[name][language]} {t('percent', { rate: plan.rates[name] })}
        </Typography.Text>
      ))}
    </Space>
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="inspection-plans-page">
      <div>
        <Flex justify="space-between" align="center" wrap gap="small">
          <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
            {t('plansTitle')}
          </Typography.Title>
          <Space wrap>
            {canPlan && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setPlanning({})}>
                {t('newPlan')}
              </Button>
            )}
            <Link to="/console/inspections/pools">
              <TeamOutlined aria-hidden /> {t('poolsLink')}
            </Link>
          </Space>
        </Flex>
        <Typography.Text type="secondary">{t('plansIntro')}</Typography.Text>
      </div>
      <Card size="small">
        <Space wrap>
          <label htmlFor="inspection-period">{t('periodFilter')}</label>
          <Select
            id="inspection-period"
            value={period}
            style={{ width: 260 }}
            onChange={choosePeriod}
            options={periods.map((value) => ({ value, label: `${quarterLabel(value)}（${value}）` }))}
          />
        </Space>
      </Card>

      <QuarterTable<InspectionPlan>
        id="inspection-plans"
        title={t('plans')}
        items={plans}
        empty={t('noPlans')}
        failure={plansError}
        failed={t('plansFailed')}
        onRetry={reload}
        data-testid="plan-table"
        onRow={(plan) => ({ 'data-plan': plan.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('planName'),
            render: (_, plan) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{plan.name}</Typography.Text>
                <Typography.Text type="secondary">{unitLabel(plan.unitId)}</Typography.Text>
              </Space>
            ),
          },
          { key: 'rates', title: t('rates'), render: (_, plan) => rateList(plan) },
          {
            key: 'items',
            title: t('items'),
            render: (_, plan) => <InspectionItems items={plan.items} />,
          },
          {
            key: 'perEntity',
            title: t('perEntity'),
            render: (_, plan) => t('perEntityText', { count: plan.inspectorsPerEntity }),
          },
          {
            key: 'created',
            title: t('createdAt'),
            render: (_, plan) => <StampCell at={formatInstant(plan.createdAt)} by={people(plan.createdBy)} />,
          },
          {
            key: 'draw',
            title: t('draw'),
            render: (_, plan) =>
              plan.drawId ? (
                <Link
                  to={`/console/inspections/draws/${plan.drawId}`}
                  aria-label={t('viewDrawLabel', { name: plan.name })}
                  data-testid="view-draw"
                >
                  {t('viewDraw')}
                </Link>
              ) : canPlan ? (
                <Space wrap size="small">
                  <Button
                    size="small"
                    type="primary"
                    icon={<ExperimentOutlined aria-hidden />}
                    aria-label={t('runDrawLabel', { name: plan.name })}
                    onClick={() => setDrawing(plan)}
                  >
                    {t('runDraw')}
                  </Button>
                  <Button
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    aria-label={t('editPlanLabel', { name: plan.name })}
                    onClick={() => setPlanning({ editing: plan })}
                  >
                    {t('editPlan')}
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('notDrawn')}</Typography.Text>
              ),
          },
        ]}
      />

      <QuarterTable<DrawSummary>
        id="inspection-draws"
        title={t('draws')}
        items={draws}
        empty={t('noDraws')}
        failure={drawsError}
        failed={t('drawsFailed')}
        onRetry={reload}
        data-testid="draw-table"
        onRow={(draw) => ({ 'data-draw': draw.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'plan',
            title: t('planName'),
            render: (_, draw) => <Link to={`/console/inspections/draws/${draw.id}`}>{draw.planName}</Link>,
          },
          {
            key: 'drawnAt',
            title: t('drawnAt'),
            render: (_, draw) => <StampCell at={formatInstant(draw.drawnAt)} by={people(draw.drawnBy)} />,
          },
          { key: 'tally', title: t('tally'), render: (_, draw) => <Tally classes={draw.classes} /> },
          {
            key: 'count',
            title: t('drawnCount'),
            render: (_, draw) => t('drawnCountText', { count: draw.drawnCount }),
          },
          {
            key: 'seed',
            title: t('seedSource'),
            render: (_, draw) => (draw.seedSource === 'given' ? t('seedGiven') : t('seedGenerated')),
          },
        ]}
      />

      {planning && (
        <PlanDialog
          editing={planning.editing}
          periods={periods}
          period={period}
          onClose={() => setPlanning(undefined)}
          onStale={reload}
          onSaved={(plan) => {
            void message.success(
              planning.editing ? t('changed', { name: plan.name }) : t('created', { name: plan.name }),
            );
            setPlanning(undefined);
            if (plan.period === period) reload();
            else choosePeriod(plan.period);
          }}
        />
      )}
      <DrawDialog
        plan={drawing}
        onClose={() => setDrawing(undefined)}
        onStale={reload}
        onDrawn={(id) => {
          setDrawing(undefined);
          navigate(`/console/inspections/draws/${id}`);
        }}
      />
    </Space>
  );
};

export default PlansPage;
