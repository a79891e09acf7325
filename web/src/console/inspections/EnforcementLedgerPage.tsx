/**
 * The enforcement ledger (`/console/inspections/enforcement?unit=&period=`, `GET /v1/enforcement-cases`): a unit's
 * figures for a year or a quarter — inspections, inspector visits (人次), cases filed, penalty decisions, the penalty
 * total in yuan, transfers to the police or the judiciary, cases closed — as the counters keep them, with a recount
 * from the records on request that says whether the two agree (and where not); and the cases filed in the period.
 * Recorders file a case (its docket number, 立案文号, is the system's) and take each case's steps — the penalty decision,
 * the transfer, the closing — sending the version they read: a case changed meanwhile (409) is said plainly and the
 * ledger read again. `?case=<id>` marks a case (the records page links a finding's case so).
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { EnforcementCase, EnforcementLedger, EnforcementStep, Inspection } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { FirmCell } from '../../common/FirmCell.tsx';
import { FormModal } from '../../common/FormModal.tsx';
import { refusalOf, refusalTitle, useFormRequest } from '../../common/FormProblem.tsx';
import { ListHeading } from '../../common/ListHeading.tsx';
import { ListTable } from '../../common/ListTable.tsx';
import { quarterOf } from '../../common/quarters.ts';
import { RetryAlert } from '../../common/RetryAlert.tsx';
import { withChanges } from '../../common/searchParams.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { bureauDay, fetchSystemNow } from '../cases/case/format.ts';
import { useUnits } from '../cases/list/directory.ts';
import { failureReason } from '../statistics/problem.ts';
import {
  type EnforcementState,
  enforcementStateLabels,
  type FigureName,
  figureLabels,
  type TransferTarget,
  transferTargetLabels,
} from './labels.ts';
import { type RecordMessage, recordMessages } from './recordMessages.ts';

const recorderRoles = ['handler', 'lead', 'supervisor', 'admin'];

/** State colours: white text on each meets 4.5:1. */
const stateColours: Readonly<Record<EnforcementState, string>> = {
  filed: '#1f5fbf',
  decided: '#ad4e00',
  closed: '#16803c',
};

type StepName = EnforcementStep['step'];

const stepLabels: Readonly<Record<StepName, RecordMessage>> = {
  decide: 'stepDecide',
  transfer: 'stepTransfer',
  close: 'stepClose',
};

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Short cells (numbers, days, states) kept on one line; the firm and the cause wrap. */
const nowrap = { whiteSpace: 'nowrap' } as const;

/** `12,345.67`: yuan to the fen. */
const formatYuan = (yuan: number) => yuanFormat.format(yuan);

/** The counts shown as cards, in the order of the bureau's report; the penalty total (in yuan) after the decisions. */
const countNames: readonly Exclude<FigureName, 'penaltyFen'>[] = [
  'inspections',
  'inspectorVisits',
  'casesFiled',
  'decisions',
  'transfers',
  'casesClosed',
];

/** The year and its quarters, for the two years before too. */
const periodsTo = (year: number): string[] =>
  [year, year - 1, year - 2].flatMap((each) => [String(each), ...[4, 3, 2, 1].map((q) => `${each}-Q${q}`)]);

const EnforcementLedgerPage = () => {
  const t = useMessages(recordMessages);
  const { language } = useI18n();
  const [search, setSearch] = useSearchParams();
  const roles = useSession()?.user.roles ?? [];
  const recorder = roles.some((role) => recorderRoles.includes(role));
  const units = useUnits();
  const [today, setToday] = useState<string>();
  const [ledger, setLedger] = useState<EnforcementLedger>();
  const [loading, setLoading] = useState(false);
  const [recounting, setRecounting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [conflict, setConflict] = useState<string>();
  const [step, setStep] = useState<{ kase: EnforcementCase; step: StepName }>();
  const [filing, setFiling] = useState(false);

  useEffect(() => {
    void fetchSystemNow().then((now) => setToday(bureauDay(now)));
  }, []);

  const asked = search.get('period')?.toUpperCase();
  const period = asked && /^\d{4}(-Q[1-4])?$/.test(asked) ? asked : today?.slice(0, 4);
  const unit = search.get('unit') ?? undefined;
  const marked = search.get('case') ?? undefined;

  const read = useCallback(
    async (recount: boolean) => {
      if (!period) return;
      (recount ? setRecounting : setLoading)(true);
      setFailure(undefined);
      try {
        const { data, error, response } = await api.GET('/v1/enforcement-cases', {
          params: { query: { period, ...(unit ? { unit } : {}), ...(recount ? { recount: 'true' } : {}) } },
        });
        if (data) setLedger(data);
        else setFailure(failureReason(error, response));
      } catch (cause) {
        setFailure(cause instanceof Error ? cause.message : String(cause));
      } finally {
        (recount ? setRecounting : setLoading)(false);
      }
    },
    [period, unit],
  );

  useEffect(() => {
    void read(false);
  }, [read]);

  const go = (changes: Record<string, string | undefined>) => setSearch(withChanges(search, changes));

  const periods = [...new Set([...(today ? periodsTo(Number(today.slice(0, 4))) : []), ...(period ? [period] : [])])];
  const unitName = (id: string) => units.find((each) => each.id === id)?.name ?? id;
  const items = ledger?.items ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ListHeading title={t('ledgerTitle')} intro={t('ledgerIntro')}>
        {recorder && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setFiling(true)}>
            {t('fileCase')}
          </Button>
        )}
        <Link to="/console/inspections/records">{t('toRecords')}</Link>
      </ListHeading>
      <Card>
        <Form layout="inline" aria-label={t('filters')} style={{ rowGap: 12 }}>
          <Form.Item label={t('unit')} htmlFor="ledger-unit">
            <Select<string>
              id="ledger-unit"
              allowClear
              placeholder={ledger ? unitName(ledger.unitId) : t('ownUnit')}
              value={unit}
              style={{ width: 240 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={units.map((each) => ({
                value: each.id,
                label: each.path.length > 1 ? `${'　'.repeat(each.path.length - 1)}${each.name}` : each.name,
              }))}
              onChange={(value) => go({ unit: value, case: undefined })}
            />
          </Form.Item>
          <Form.Item label={t('ledgerPeriod')} htmlFor="ledger-period">
            <Select<string>
              id="ledger-period"
              value={period}
              style={{ width: 160 }}
              options={periods.map((value) => ({ value, label: value }))}
              onChange={(value) => go({ period: value, case: undefined })}
            />
          </Form.Item>
        </Form>
      </Card>
      {failure && (
        <RetryAlert title={t('ledgerFailed')} reason={failure} retry={t('retry')} onRetry={() => void read(false)} />
      )}
      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => setConflict(undefined) }}
          data-testid="step-conflict"
          title={t('conflictTitle')}
          description={t('conflictText', { reason: conflict })}
        />
      )}
      <section aria-labelledby="figures-heading">
        <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 12 }}>
          <Typography.Title level={2} id="figures-heading" style={{ fontSize: 16, margin: 0 }}>
            {ledger
              ? t('figuresOf', { unit: unitName(ledger.unitId), from: ledger.from, to: ledger.to })
              : t('figures')}
          </Typography.Title>
          <Button
            icon={<ReloadOutlined aria-hidden />}
            loading={recounting}
            disabled={!ledger}
            onClick={() => void read(true)}
            data-testid="recount-button"
          >
            {t('recount')}
          </Button>
        </Flex>
        <Row gutter={[12, 12]} role="list" aria-busy={loading || !ledger} data-testid="enforcement-figures">
          {countNames.map((name) => (
            <Col key={name} xs={12} sm={8} lg={6} xxl={3} role="listitem" style={{ flexGrow: 1 }}>
              <Card
                size="small"
                style={{ height: '100%' }}
                data-testid={`figure-${name}`}
                data-value={ledger?.figures[name]}
              >
                <Statistic title={figureLabels[name][language]} value={ledger?.figures[name] ?? '—'} />
                {ledger?.recount && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('recounted', { count: ledger.recount.figures[name] })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          ))}
          <Col xs={24} sm={16} lg={12} xxl={6} role="listitem" style={{ flexGrow: 1 }}>
            <Card size="small" style={{ height: '100%' }} data-testid="figure-penalty" data-value={ledger?.penaltyYuan}>
              <Statistic
                title={t('penaltyTotal')}
                value={ledger ? formatYuan(ledger.penaltyYuan) : '—'}
                suffix={ledger ? t('yuan') : undefined}
              />
              {ledger?.recount && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('recountedYuan', { amount: formatYuan(ledger.recount.figures.penaltyFen / 100) })}
                </Typography.Text>
              )}
            </Card>
          </Col>
        </Row>
        {ledger?.recount && (
          <div
            data-testid="enforcement-recount"
            data-matches={String(ledger.recount.matches)}
            style={{ marginTop: 12 }}
          >
            {ledger.recount.matches ? (
              <Alert type="success" showIcon title={t('recountMatches')} />
            ) : (
              <Alert
                type="error"
                showIcon
                title={t('recountDiffers')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {ledger.recount.differences.map((difference) => (
                      <li key={difference.name}>
                        {t('difference', {
                          name: figureLabels[difference.name][language],
                          counted: difference.counted,
                          recounted: difference.recounted,
                        })}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
          </div>
        )}
      </section>
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('casesTitle', { count: items.length })}
          </Typography.Title>
        }
      >
        <ListTable<EnforcementCase>
          items={items}
          empty={t('casesEmpty')}
          loading={loading}
          data-testid="enforcement-cases"
          onRow={(item) =>
            ({
              'data-case-id': item.id,
              'data-state': item.state,
              ...(item.id === marked ? { style: { background: '#f0f7f2' }, 'aria-current': 'true' } : {}),
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'docket',
              title: <span style={nowrap}>{t('docketNumber')}</span>,
              render: (_, item) => (
                <Typography.Text strong data-testid="docket-number" style={nowrap}>
                  {item.docketNumber ?? '—'}
                </Typography.Text>
              ),
            },
            {
              key: 'firm',
              title: t('firm'),
              render: (_, item) => <FirmCell uscc={item.uscc} name={item.enterpriseName} />,
            },
            {
              key: 'cause',
              title: t('cause'),
              render: (_, item) => (
                <Space orientation="vertical" size={0}>
                  <span>{item.cause}</span>
                  {item.inspectionId && (
                    <Link to={`/console/inspections/records?period=${quarterOf(item.filedOn)}`}>
                      {t('fromInspection')}
                    </Link>
                  )}
                </Space>
              ),
            },
            {
              key: 'filedOn',
              title: <span style={nowrap}>{t('filedOn')}</span>,
              render: (_, item) => <span style={nowrap}>{item.filedOn}</span>,
            },
            {
              key: 'state',
              title: <span style={nowrap}>{t('state')}</span>,
              render: (_, item) => (
                <Tag color={stateColours[item.state]} data-testid="case-state">
                  {enforcementStateLabels[item.state][language]}
                </Tag>
              ),
            },
            {
              key: 'decision',
              title: <span style={nowrap}>{t('decision')}</span>,
              render: (_, item) =>
                item.decision ? (
                  <Space orientation="vertical" size={0} data-testid="case-decision">
                    <span style={nowrap}>
                      {formatYuan(item.decision.penaltyFen / 100)} {t('yuan')}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12, ...nowrap }}>
                      {item.decision.decisionNumber} · {item.decision.on}
                    </Typography.Text>
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              key: 'transfer',
              title: <span style={nowrap}>{t('transfer')}</span>,
              render: (_, item) =>
                item.transfer ? (
                  <Space orientation="vertical" size={0} data-testid="case-transfer">
                    <span style={nowrap}>{transferTargetLabels[item.transfer.to][language]}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12, ...nowrap }}>
                      {item.transfer.on}
                    </Typography.Text>
                  </Space>
                ) : (
                  '—'
                ),
            },
            {
              key: 'closing',
              title: <span style={nowrap}>{t('closing')}</span>,
              render: (_, item) => (item.closing ? `${item.closing.on} · ${item.closing.result}` : '—'),
            },
            ...(recorder
              ? [
                  {
                    key: 'steps',
                    title: <span style={nowrap}>{t('steps')}</span>,
                    render: (_: unknown, item: EnforcementCase) => (
                      <Space size={4}>
                        {(['decide', 'transfer', 'close'] as const).map((name) => (
                          <Button
                            key={name}
                            size="small"
                            disabled={
                              item.state === 'closed' ||
                              (name === 'decide' && Boolean(item.decision)) ||
                              (name === 'transfer' && Boolean(item.transfer))
                            }
                            onClick={() => {
                              setConflict(undefined);
                              setStep({ kase: item, step: name });
                            }}
                          >
                            {t(stepLabels[name])}
                          </Button>
                        ))}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {step && today && (
        <StepModal
          kase={step.kase}
          step={step.step}
          today={today}
          onClose={() => setStep(undefined)}
          onDone={() => void read(false)}
          onConflict={(reason) => {
            setConflict(reason);
            void read(false);
          }}
        />
      )}
      {filing && today && (
        <FileCaseModal
          today={today}
          onClose={() => setFiling(false)}
          onFiled={(filed) => {
            if (period && !filed.filedOn.startsWith(period.slice(0, 4))) return;
            go({ case: filed.id });
            void read(false);
          }}
        />
      )}
    </Space>
  );
};

interface StepValues {
  on?: Dayjs;
  decisionNumber?: string;
  penaltyYuan?: number;
  summary?: string;
  to?: TransferTarget;
  reason?: string;
  result?: string;
}

const stepFields = ['on', 'decisionNumber', 'penaltyYuan', 'summary', 'to', 'reason', 'result'] as const;

/** The request of a step's form, with the version of the case read. */
const stepOf = (step: StepName, values: StepValues, version: number): EnforcementStep => {
  const on = values.on?.format('YYYY-MM-DD') ?? '';
  switch (step) {
    case 'decide':
      return {
        step,
        on,
        decisionNumber: values.decisionNumber?.trim() ?? '',
        penaltyYuan: values.penaltyYuan ?? 0,
        summary: values.summary?.trim() ?? '',
        version,
      };
    case 'transfer':
      return { step, on, to: values.to ?? 'police', reason: values.reason?.trim() ?? '', version };
    case 'close':
      return { step, on, result: values.result?.trim() ?? '', version };
  }
};

/** One step of a case as a modal form; a 409 goes back to the page, which says so and reads the ledger again. */
const StepModal = ({
  kase,
  step,
  today,
  onClose,
  onDone,
  onConflict,
}: {
  kase: EnforcementCase;
  step: StepName;
  today: string;
  onClose: () => void;
  onDone: () => void;
  onConflict: (reason: string) => void;
}) => {
  const t = useMessages(recordMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const { busy, problem, send } = useFormRequest();
  const label = t(stepLabels[step]);
  const required = [{ required: true, message: t('required') }];

  const submit = (values: StepValues) =>
    send(async () => {
      const { data, error, response } = await api.POST('/v1/enforcement-cases/{id}/steps', {
        params: { path: { id: kase.id } },
        body: stepOf(step, values, kase.version),
      });
      if (data) {
        message.success(t('stepDone', { step: label }));
        onClose();
        onDone();
        return undefined;
      }
      if (response.status === 409) {
        onClose();
        onConflict(refusalTitle(error, response));
        return undefined;
      }
      return refusalOf(form, error, response, stepFields);
    });

  return (
    <FormModal<StepValues>
      form={form}
      name={`enforcement-${step}`}
      testId="step-form"
      initialValues={{ on: dayjs(today), to: 'police' }}
      title={`${label}：${kase.docketNumber ?? kase.enterpriseName}`}
      okText={t('submit')}
      cancelText={t('cancel')}
      busy={busy}
      problem={problem}
      failed={t('stepFailed')}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('stepCase', { firm: kase.enterpriseName, cause: kase.cause, version: kase.version })}
      </Typography.Paragraph>
      {step === 'decide' && (
        <>
          <Form.Item name="decisionNumber" label={t('decisionNumber')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="penaltyYuan" label={t('penaltyYuan')} rules={required} extra={t('penaltyHelp')}>
            <InputNumber<number>
              min={0}
              max={100_000_000}
              precision={2}
              step={100}
              style={{ width: 220 }}
              suffix={t('yuan')}
            />
          </Form.Item>
          <Form.Item name="summary" label={t('decisionSummary')} rules={[...required, { min: 2 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={1000} showCount />
          </Form.Item>
        </>
      )}
      {step === 'transfer' && (
        <>
          <Form.Item name="to" label={t('transferTo')} rules={required}>
            <Radio.Group
              options={(['police', 'judiciary'] as const).map((value) => ({
                value,
                label: transferTargetLabels[value][language],
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('transferReason')} rules={[...required, { min: 2 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </>
      )}
      {step === 'close' && (
        <Form.Item name="result" label={t('closeResult')} rules={[...required, { min: 2 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={1000} showCount />
        </Form.Item>
      )}
      <Form.Item
        name="on"
        label={t(step === 'decide' ? 'decidedOn' : step === 'transfer' ? 'transferredOn' : 'closedOn')}
        rules={required}
      >
        <DatePicker
          format="YYYY-MM-DD"
          style={{ width: 200 }}
          disabledDate={(day: Dayjs) => {
            const value = day.format('YYYY-MM-DD');
            return value > today || value < kase.filedOn;
          }}
        />
      </Form.Item>
    </FormModal>
  );
};

interface FileValues {
  uscc?: string;
  cause?: string;
  filedOn?: Dayjs;
  inspectionId?: string;
}

const fileFields = ['uscc', 'cause', 'filedOn', 'inspectionId'] as const;

/** Filing a case: the firm, the cause, the day, and the inspection it came from (one of the firm's that quarter). */
const FileCaseModal = ({
  today,
  onClose,
  onFiled,
}: {
  today: string;
  onClose: () => void;
  onFiled: (filed: EnforcementCase) => void;
}) => {
  const t = useMessages(recordMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<FileValues>();
  const { busy, problem, send } = useFormRequest();
  const [inspections, setInspections] = useState<Inspection[]>([]);
  const uscc = Form.useWatch('uscc', form)?.replace(/\s+/g, '').toUpperCase();
  const filedOn = Form.useWatch('filedOn', form)?.format('YYYY-MM-DD') ?? today;
  const required = [{ required: true, message: t('required') }];

  // The firm's inspections of the quarter the case is filed in: the ones it may come from.
  useEffect(() => {
    if (uscc?.length !== 18) {
      setInspections([]);
      return;
    }
    let live = true;
    void api.GET('/v1/inspections', { params: { query: { period: quarterOf(filedOn) } } }).then(({ data }) => {
      if (live) setInspections((data ?? []).filter((inspection) => inspection.uscc === uscc));
    });
    return () => {
      live = false;
    };
  }, [uscc, filedOn]);

  const submit = (values: FileValues) =>
    send(async () => {
      const { data, error, response } = await api.POST('/v1/enforcement-cases', {
        body: {
          uscc: values.uscc?.replace(/\s+/g, '').toUpperCase() ?? '',
          cause: values.cause?.trim() ?? '',
          filedOn: values.filedOn?.format('YYYY-MM-DD') ?? '',
          ...(values.inspectionId ? { inspectionId: values.inspectionId } : {}),
        },
      });
      if (data) {
        message.success(data.docketNumber ? t('filedAs', { docket: data.docketNumber }) : t('filed'));
        onClose();
        onFiled(data);
        return undefined;
      }
      return refusalOf(form, error, response, fileFields);
    });

  return (
    <FormModal<FileValues>
      form={form}
      name="enforcement-case"
      testId="file-case-form"
      initialValues={{ filedOn: dayjs(today) }}
      title={t('fileCase')}
      okText={t('fileSubmit')}
      cancelText={t('cancel')}
      busy={busy}
      problem={problem}
      failed={t('fileFailed')}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="uscc" label={t('uscc')} rules={required}>
        <Input maxLength={22} autoComplete="off" />
      </Form.Item>
      <Form.Item name="cause" label={t('cause')} rules={[...required, { min: 2 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="filedOn" label={t('filedOn')} rules={required} extra={t('docketAssigned')}>
        <DatePicker
          format="YYYY-MM-DD"
          style={{ width: 200 }}
          disabledDate={(day: Dayjs) => day.format('YYYY-MM-DD') > today}
        />
      </Form.Item>
      <Form.Item name="inspectionId" label={t('sourceInspection')} extra={t('sourceInspectionHelp')}>
        <Select<string>
          allowClear
          options={inspections.map((inspection) => ({
            value: inspection.id,
            label: `${inspection.number}（${inspection.date}）`,
          }))}
          notFoundContent={t('noInspections')}
        />
      </Form.Item>
    </FormModal>
  );
};

export default EnforcementLedgerPage;
