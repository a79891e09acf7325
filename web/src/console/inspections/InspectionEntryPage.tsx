/**
 * Recording an inspection (`/console/inspections/records/new`, `POST /v1/inspections`). From a draw's page
 * (`?drawId=<id>&uscc=<code>`) the firm is one the draw drew, its drawn inspectors are preselected and the items are the
 * plan's; choosing others asks for the reason (the API requires it). Without a draw it is an ad hoc inspection of any
 * registered firm. Inspectors are picked from the pool where the user may read it (supervisors, administrators);
 * others pick from the drawn inspectors and the colleagues they see, or type a username — the API checks that each is
 * in the pool and not tied to the firm. Findings may put a violation on the firm's record, open a rectification
 * problem (the petition office's right) or file an enforcement case (its docket number is the system's); the outcome
 * follows from them. Evidence files are uploaded as they are picked. Field errors of the API show under their fields;
 * recorded, the quarter's records open with the new record's number.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, type Problem } from '../../api/problems.ts';
import type { DrawDetails, Inspector, NewInspection } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { stillUploading, type UploadedAttachment, uploadedAttachments } from '../../common/AttachmentUpload.tsx';
import { FormProblemAlert, refusalOf, useFormRequest } from '../../common/FormProblem.tsx';
import { PageHeading } from '../../common/PageHeading.tsx';
import { quarterOf } from '../../common/quarters.ts';
import { RecordLoading } from '../../common/RecordLoading.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { EvidenceUpload } from '../cases/case/EvidenceUpload.tsx';
import { bureauDay, fetchSystemNow } from '../cases/case/format.ts';
import { useColleagues, useUnits } from '../cases/list/directory.ts';
import { bandLabels, bands, type RectificationBand } from '../rectification/labels.ts';
import { readFailure } from '../statistics/problem.ts';
import { classLabels, type InspectionOutcome, outcomeLabels } from './labels.ts';
import { recordMessages } from './recordMessages.ts';

const recorderRoles = ['handler', 'lead', 'supervisor', 'admin'];

type Opens = 'none' | 'rectification' | 'enforcement';

interface FindingValues {
  description?: string;
  item?: string;
  violation?: boolean;
  serious?: boolean;
  opens?: Opens;
  rectification?: { departmentId?: string; band?: RectificationBand; measures?: string };
  enforcement?: { cause?: string };
}

interface FormValues {
  uscc?: string;
  date?: Dayjs;
  inspectors?: string[];
  substitutionReason?: string;
  itemsChecked?: string[];
  summary?: string;
  findings?: FindingValues[];
  evidence?: UploadFile<UploadedAttachment>[];
}

const fieldNames = [
  'uscc',
  'date',
  'inspectors',
  'substitutionReason',
  'itemsChecked',
  'summary',
  'findings',
  'evidence',
] as const satisfies readonly (keyof NewInspection)[];

/** The fields of one value each whose API paths name an element (`inspectors.1`): the error goes under the field. */
const onListFields = (problem: Problem): Problem => ({
  ...problem,
  ...(problem.errors
    ? {
        errors: problem.errors.map((error) => ({
          ...error,
          path: error.path.replace(/^(inspectors|itemsChecked|evidence)\..*$/, '$1'),
        })),
      }
    : {}),
});

const text = (value: string | undefined) => value?.trim() ?? '';

/** The outcome the API will give (`outcomeOf` in shared/inspections/domain/inspection.ts). */
const outcomeOf = (findings: readonly FindingValues[]): InspectionOutcome => {
  if (findings.some((finding) => finding?.opens === 'enforcement')) return 'case-filed';
  if (findings.some((finding) => finding?.opens === 'rectification')) return 'rectification-ordered';
  return findings.length > 0 ? 'issues-found' : 'no-issue';
};

const findingOf = (finding: FindingValues) => ({
  description: text(finding.description),
  ...(finding.item ? { item: finding.item } : {}),
  violation: finding.violation ?? false,
  serious: (finding.violation ?? false) && (finding.serious ?? false),
  ...(finding.opens === 'rectification'
    ? {
        rectification: {
          departmentId: finding.rectification?.departmentId ?? '',
          band: finding.rectification?.band as RectificationBand,
          measures: text(finding.rectification?.measures),
        },
      }
    : {}),
  // The docket number (立案文号) is the system's: never sent.
  ...(finding.opens === 'enforcement' ? { enforcement: { cause: text(finding.enforcement?.cause) } } : {}),
});

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((each) => b.includes(each));

/** What the page knows of the pool: the inspectors, or that this user may not read it. */
type Pool = { readonly state: 'loading' } | { readonly state: 'read'; readonly inspectors: Inspector[] } | Unread;
type Unread = { readonly state: 'forbidden' } | { readonly state: 'failed'; readonly reason: string };

const InspectionEntryPage = () => {
  const t = useMessages(recordMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const drawId = search.get('drawId') ?? undefined;
  const askedUscc = search.get('uscc')?.toUpperCase() ?? undefined;
  const session = useSession();
  const roles = session?.user.roles ?? [];
  const recorder = roles.some((role) => recorderRoles.includes(role));
  const mayOpenProblems = roles.includes('dispatcher');
  const units = useUnits();
  const colleagues = useColleagues();
  const [form] = Form.useForm<FormValues>();
  const [today, setToday] = useState(() => bureauDay(Date.now()));
  const [draw, setDraw] = useState<DrawDetails>();
  const [drawFailure, setDrawFailure] = useState<string>();
  const [pool, setPool] = useState<Pool>({ state: 'loading' });
  const [planItems, setPlanItems] = useState<{ code: string; label: string }[]>([]);
  const [firmName, setFirmName] = useState<{ uscc: string; name?: string }>();
  const { busy, problem, setProblem, send } = useFormRequest();

  const uscc = Form.useWatch('uscc', form);
  const chosen = Form.useWatch('inspectors', form);
  const itemsChecked = Form.useWatch('itemsChecked', form);
  const findings = Form.useWatch('findings', form);

  useEffect(() => {
    void fetchSystemNow().then((now) => {
      const day = bureauDay(now);
      setToday(day);
      if (!form.isFieldTouched('date')) form.setFieldValue('date', dayjs(day));
    });
  }, [form]);

  // The pool, where this user may read it; a 403 says to pick otherwise.
  useEffect(() => {
    let live = true;
    api.GET('/v1/inspection-plans/inspectors').then(
      ({ data, error, response }) => {
        if (!live) return;
        if (data) setPool({ state: 'read', inspectors: data });
        else if (response.status === 403) setPool({ state: 'forbidden' });
        else setPool({ state: 'failed', reason: readFailure(error, response) });
      },
      (cause: unknown) => live && setPool({ state: 'failed', reason: String(cause) }),
    );
    return () => {
      live = false;
    };
  }, []);

  // The draw, when recording one of its firms.
  const loadDraw = useCallback(async () => {
    if (!drawId) return;
    setDrawFailure(undefined);
    try {
      const { data, error, response } = await api.GET('/v1/draws/{id}', { params: { path: { id: drawId } } });
      if (data) setDraw(data);
      else setDrawFailure(readFailure(error, response));
    } catch (cause) {
      setDrawFailure(cause instanceof Error ? cause.message : String(cause));
    }
  }, [drawId]);
  useEffect(() => {
    void loadDraw();
  }, [loadDraw]);

  // Items to offer an ad hoc inspection: those of the quarter's plans (any code may be typed).
  useEffect(() => {
    if (drawId) return;
    let live = true;
    void api.GET('/v1/inspection-plans', { params: { query: { period: quarterOf(today) } } }).then(({ data }) => {
      if (!live || !data) return;
      const byCode = new Map(data.flatMap((plan) => plan.items).map((item) => [item.code, item]));
      setPlanItems([...byCode.values()]);
    });
    return () => {
      live = false;
    };
  }, [drawId, today]);

  // The firm's name, once a whole code is typed (ad hoc).
  const typed = uscc?.replace(/\s+/g, '').toUpperCase();
  useEffect(() => {
    if (drawId || !typed || typed.length !== 18) return;
    let live = true;
    void api.GET('/v1/enterprises/{uscc}', { params: { path: { uscc: typed } } }).then(({ data }) => {
      if (live) setFirmName({ uscc: typed, ...(data ? { name: data.name } : {}) });
    });
    return () => {
      live = false;
    };
  }, [drawId, typed]);

  const drawnInspectorsOf = useMemo(
    () =>
      (code: string | undefined): string[] => {
        const entity = draw?.result.entities.find((each) => each.uscc === code);
        return (entity?.inspectors ?? []).flatMap((certificate) => {
          const inspector = draw?.inspectors.find((each) => each.certificateNumber === certificate);
          return inspector ? [inspector.username] : [];
        });
      },
    [draw],
  );

  // A draw read: its firm (as asked), the firm's drawn inspectors and the plan's items, preselected.
  useEffect(() => {
    if (!draw) return;
    const entity = draw.result.entities.find((each) => each.uscc === askedUscc);
    form.setFieldsValue({
      ...(entity ? { uscc: entity.uscc, inspectors: drawnInspectorsOf(entity.uscc) } : {}),
      itemsChecked: draw.items.map((item) => item.code),
    });
  }, [draw, askedUscc, form, drawnInspectorsOf]);

  const drawnEntity = draw?.result.entities.find((each) => each.uscc === uscc);
  const drawnUsers = drawnInspectorsOf(uscc);
  const substituted = Boolean(drawnEntity) && !sameSet(drawnUsers, chosen ?? []);
  const inspectedAs = drawnEntity ? draw?.inspected[drawnEntity.uscc] : undefined;

  const inspectorOptions = useMemo(() => {
    if (pool.state === 'read') {
      return pool.inspectors
        .filter((inspector) => inspector.active)
        .map((inspector) => {
          const tie = inspector.ties.find((each) => each.uscc === typed);
          return {
            value: inspector.username,
            label: tie
              ? `${inspector.name}（${inspector.certificateNumber}）— ${t('tiedToFirm', { reason: tie.reason })}`
              : `${inspector.name}（${inspector.certificateNumber}）`,
            disabled: Boolean(tie),
          };
        });
    }
    // Without the pool: the draw's inspectors and the colleagues in view; the API checks the pool.
    const options = new Map<string, { value: string; label: string }>();
    for (const inspector of draw?.inspectors ?? []) {
      options.set(inspector.username, {
        value: inspector.username,
        label: `${inspector.name}（${inspector.certificateNumber}）`,
      });
    }
    for (const colleague of colleagues) {
      if (!options.has(colleague.username)) {
        options.set(colleague.username, {
          value: colleague.username,
          label: `${colleague.displayName}（${colleague.username}）`,
        });
      }
    }
    return [...options.values()];
  }, [pool, draw, colleagues, typed, t]);

  const itemOptions = (draw?.items ?? planItems).map((item) => ({
    value: item.code,
    label: `${item.code} ${item.label}`,
  }));
  const itemLabel = (code: string) => itemOptions.find((option) => option.value === code)?.label ?? code;
  const outcome = outcomeOf((findings ?? []).filter(Boolean));

  const submit = async (values: FormValues) => {
    if (stillUploading(values.evidence)) {
      setProblem({ title: t('stillUploading'), details: [] });
      return;
    }
    const body: NewInspection = {
      ...(drawId ? { drawId } : {}),
      uscc: values.uscc?.replace(/\s+/g, '').toUpperCase() ?? '',
      date: values.date?.format('YYYY-MM-DD') ?? '',
      // The generated types spell the API's list limits as tuples; the API checks the counts.
      inspectors: (values.inspectors ?? []) as NewInspection['inspectors'],
      ...(substituted && text(values.substitutionReason)
        ? { substitutionReason: text(values.substitutionReason) }
        : {}),
      itemsChecked: (values.itemsChecked ?? []).map((code) => code.trim()) as NewInspection['itemsChecked'],
      summary: text(values.summary),
      findings: (values.findings ?? []).map(findingOf) as NewInspection['findings'],
      evidence: uploadedAttachments(values.evidence) as NewInspection['evidence'],
    };
    await send(async () => {
      const { data, error, response } = await api.POST('/v1/inspections', { body });
      if (data) {
        message.success(t('recordedNotice', { number: data.number }));
        navigate(`/console/inspections/records?period=${quarterOf(data.date)}`, {
          state: { recorded: data.number },
        });
        return undefined;
      }
      return refusalOf(form, isProblem(error) ? onListFields(error) : error, response, fieldNames);
    });
  };

  const required = [{ required: true, message: t('required') }];
  const heading = (
    <PageHeading
      back="/console/inspections/records"
      backLabel={t('backToRecords')}
      title={t('entryTitle')}
      intro={t('entryIntro')}
    />
  );

  if (!recorder) {
    return (
      <>
        {heading}
        <Alert type="info" showIcon title={t('notRecorder')} />
      </>
    );
  }
  if (drawId && !draw) {
    return (
      <>
        {heading}
        <RecordLoading
          failure={drawFailure}
          onRetry={() => void loadDraw()}
          texts={{ loadFailed: t('drawFailed'), notFound: t('drawNotFound'), retry: t('retry') }}
        />
      </>
    );
  }

  return (
    <>
      {heading}
      {draw && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="drawn-context">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('draw')}>
              <Link to={`/console/inspections/draws/${draw.id}`}>
                {draw.planName}（{draw.period}）
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('drawnAt')}>{bureauDay(draw.drawnAt)}</Descriptions.Item>
            {drawnEntity && (
              <>
                <Descriptions.Item label={t('drawnFirm')}>
                  <span data-testid="drawn-firm">
                    {drawnEntity.name}（{drawnEntity.uscc}）
                  </span>{' '}
                  <Tag>{classLabels[drawnEntity.class][language]}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('drawnInspectors')}>
                  <span data-testid="drawn-inspectors">
                    {drawnEntity.inspectors
                      .map((certificate) => {
                        const inspector = draw.inspectors.find((each) => each.certificateNumber === certificate);
                        return inspector ? `${inspector.name}（${certificate}）` : certificate;
                      })
                      .join('、')}
                  </span>
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
        </Card>
      )}
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          name="inspection"
          data-testid="inspection-form"
          requiredMark
          initialValues={{ findings: [], inspectors: [], itemsChecked: [], date: dayjs(today) }}
          onFinish={(values) => void submit(values)}
          style={{ maxWidth: 900 }}
        >
          <FormProblemAlert failed={t('recordFailed')} problem={problem} />
          {inspectedAs && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('alreadyInspected', { number: inspectedAs })}
            />
          )}
          <Flex gap="middle" wrap>
            {draw ? (
              <Form.Item name="uscc" label={t('firm')} rules={required} style={{ minWidth: 420, flex: 1 }}>
                <Select<string>
                  showSearch={{ optionFilterProp: 'label' }}
                  options={draw.result.entities.map((entity) => ({
                    value: entity.uscc,
                    label: `${entity.name}（${entity.uscc}）`,
                    disabled: Boolean(draw.inspected[entity.uscc]),
                  }))}
                  onChange={(code) => form.setFieldValue('inspectors', drawnInspectorsOf(code))}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="uscc"
                label={t('uscc')}
                rules={required}
                style={{ minWidth: 320, flex: 1 }}
                extra={
                  firmName && firmName.uscc === typed ? (
                    <span data-testid="firm-name">{firmName.name ?? t('firmUnregistered')}</span>
                  ) : (
                    t('usccHelp')
                  )
                }
              >
                <Input maxLength={22} autoComplete="off" />
              </Form.Item>
            )}
            <Form.Item name="date" label={t('date')} rules={required}>
              <DatePicker
                format="YYYY-MM-DD"
                style={{ width: 180 }}
                disabledDate={(day) => {
                  const value = day.format('YYYY-MM-DD');
                  return value > today || (draw !== undefined && value < bureauDay(draw.drawnAt));
                }}
              />
            </Form.Item>
          </Flex>
          {pool.state === 'forbidden' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="pool-note"
              title={t('poolForbidden')}
            />
          )}
          {pool.state === 'failed' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('poolFailed', { reason: pool.reason })}
            />
          )}
          <Form.Item
            name="inspectors"
            label={t('inspectors')}
            rules={[...required, { type: 'array', min: 2, message: t('twoInspectors') }]}
            extra={pool.state === 'read' ? t('inspectorsHelp') : t('inspectorsTypeHelp')}
          >
            <Select<string[]>
              mode={pool.state === 'read' ? 'multiple' : 'tags'}
              showSearch={{ optionFilterProp: 'label' }}
              maxCount={6}
              options={inspectorOptions}
              loading={pool.state === 'loading'}
            />
          </Form.Item>
          {substituted && (
            <Form.Item
              name="substitutionReason"
              label={t('substitutionReason')}
              rules={[...required, { min: 2 }]}
              extra={t('substitutionHelp')}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
            </Form.Item>
          )}
          <Form.Item
            name="itemsChecked"
            label={t('itemsChecked')}
            rules={[{ required: true, type: 'array', min: 1, message: t('itemsRequired') }]}
            extra={draw ? undefined : t('itemsHelp')}
          >
            {draw ? (
              <Checkbox.Group
                options={draw.items.map((item) => ({ value: item.code, label: `${item.code} ${item.label}` }))}
              />
            ) : (
              <Select<string[]> mode="tags" options={itemOptions} tokenSeparators={[',', '，', ' ']} />
            )}
          </Form.Item>
          <Form.Item name="summary" label={t('summary')} rules={[...required, { min: 2 }]} extra={t('summaryHelp')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
          </Form.Item>
          <fieldset style={{ border: 0, padding: 0, margin: '0 0 24px' }}>
            <legend style={{ fontSize: 14, marginBottom: 8, borderBottom: 0 }}>{t('findings')}</legend>
            <Form.List name="findings">
              {(rows, { add, remove }) => (
                <>
                  {rows.map((row, index) => {
                    const number = index + 1;
                    const finding = findings?.[row.name];
                    return (
                      <Card
                        key={row.key}
                        size="small"
                        style={{ marginBottom: 12 }}
                        data-testid="finding"
                        title={t('findingNumber', { number })}
                        extra={
                          <Button
                            aria-label={t('removeFinding', { number })}
                            icon={<DeleteOutlined aria-hidden />}
                            onClick={() => remove(row.name)}
                          />
                        }
                      >
                        <Form.Item
                          name={[row.name, 'description']}
                          label={t('findingDescription', { number })}
                          rules={[...required, { min: 2 }]}
                        >
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
                        </Form.Item>
                        <Flex gap="middle" wrap align="center">
                          <Form.Item
                            name={[row.name, 'item']}
                            label={t('findingItem', { number })}
                            style={{ minWidth: 260 }}
                          >
                            <Select<string>
                              allowClear
                              options={(itemsChecked ?? []).map((code) => ({ value: code, label: itemLabel(code) }))}
                            />
                          </Form.Item>
                          <Form.Item name={[row.name, 'violation']} valuePropName="checked" style={{ marginTop: 30 }}>
                            <Checkbox>{t('findingViolation')}</Checkbox>
                          </Form.Item>
                          <Form.Item name={[row.name, 'serious']} valuePropName="checked" style={{ marginTop: 30 }}>
                            <Checkbox disabled={!finding?.violation}>{t('findingSerious')}</Checkbox>
                          </Form.Item>
                        </Flex>
                        <Form.Item
                          name={[row.name, 'opens']}
                          label={t('findingOpens', { number })}
                          extra={mayOpenProblems ? undefined : t('rectificationNeedsDispatcher')}
                        >
                          <Radio.Group
                            options={[
                              { value: 'none', label: t('opensNone') },
                              { value: 'rectification', label: t('opensRectification'), disabled: !mayOpenProblems },
                              { value: 'enforcement', label: t('opensEnforcement') },
                            ]}
                          />
                        </Form.Item>
                        {finding?.opens === 'enforcement' && (
                          <Form.Item
                            name={[row.name, 'enforcement', 'cause']}
                            label={t('caseCause', { number })}
                            rules={[...required, { min: 2 }]}
                            extra={t('docketAssigned')}
                          >
                            <Input maxLength={500} />
                          </Form.Item>
                        )}
                        {finding?.opens === 'rectification' && (
                          <>
                            <Flex gap="middle" wrap>
                              <Form.Item
                                name={[row.name, 'rectification', 'departmentId']}
                                label={t('department', { number })}
                                rules={required}
                                style={{ minWidth: 260 }}
                              >
                                <Select<string>
                                  showSearch={{ optionFilterProp: 'label' }}
                                  options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
                                />
                              </Form.Item>
                              <Form.Item
                                name={[row.name, 'rectification', 'band']}
                                label={t('band', { number })}
                                rules={required}
                                style={{ minWidth: 220 }}
                              >
                                <Select<RectificationBand>
                                  options={bands.map((value) => ({ value, label: bandLabels[value][language] }))}
                                />
                              </Form.Item>
                            </Flex>
                            <Form.Item
                              name={[row.name, 'rectification', 'measures']}
                              label={t('measures', { number })}
                              rules={[...required, { min: 2 }]}
                            >
                              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
                            </Form.Item>
                          </>
                        )}
                      </Card>
                    );
                  })}
                  <Button
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => add({ violation: false, serious: false, opens: 'none' })}
                    disabled={rows.length >= 20}
                  >
                    {t('addFinding')}
                  </Button>
                </>
              )}
            </Form.List>
          </fieldset>
          <Form.Item name="evidence" label={t('evidence')} valuePropName="fileList" extra={t('evidenceHelp')}>
            <EvidenceUpload />
          </Form.Item>
          <Form.Item label={t('outcome')} extra={t('outcomeHelp')}>
            <Typography.Text data-testid="outcome-preview" data-outcome={outcome}>
              {outcomeLabels[outcome][language]}
            </Typography.Text>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('record')}
            </Button>
            <Button onClick={() => navigate('/console/inspections/records')}>{t('cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
};

export default InspectionEntryPage;
