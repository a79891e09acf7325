/**
 * An assessment (`/console/grading/assessments/:id`): the scheme's indicators family by family, each answered by a
 * choice or a measured value, and beside them the grade the answers give — computed live in the browser by the same
 * pure function the API stores with every change (`computeGrade`, shared/grading/domain/compute.ts, so the rule exists
 * once): the lowest grade any indicator allows, the required indicators still missing, the indicators holding it back
 * with what the next grade needs, and the alert measure the grade implies. Preparers save and submit; reviewers accept
 * or return with a reason; publishers publish (A+ where the scheme chooses it among A firms) — the buttons are the
 * API's `allowedActions`. A scheme that is the example says so at the top.
 */

import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { computeGrade } from '#grading/domain/compute.ts';
import { api } from '../../api/client.ts';
import { isProblem, problemText } from '../../api/problems.ts';
import type { Assessment, GradingScheme } from '../../api/schema.gen.ts';
import { RecordLoading } from '../../common/RecordLoading.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { usePeople } from '../cases/case/directory.ts';
import { formatInstant } from '../cases/case/format.ts';
import { failureReason, readFailure } from '../statistics/problem.ts';
import {
  type AssessmentAction,
  actionLabels,
  ExampleSchemeAlert,
  ExampleSchemeTag,
  type Family,
  familyLabels,
  GradeTag,
  statusColours,
  statusLabels,
} from './labels.tsx';
import { gradingMessages } from './messages.ts';

type Indicator = GradingScheme['indicators'][number];
type Answer = Assessment['values'][number];
/** The grade of the answers, as the domain's pure function gives it (the API stores the same with every change). */
type GradeResult = ReturnType<typeof computeGrade>;

const answersOf = (values: readonly Answer[]): Record<string, Answer> =>
  Object.fromEntries(values.map((value) => [value.indicatorId, value]));

/** The answers as the API takes them: in the scheme's order, unanswered ones left out. */
const valuesOf = (scheme: GradingScheme, answers: Record<string, Answer>): Answer[] =>
  scheme.indicators.flatMap((indicator) => {
    const answer = answers[indicator.id];
    if (!answer) return [];
    const note = answer.note?.trim();
    const given = indicator.kind === 'choice' ? answer.option !== undefined : answer.value !== undefined;
    if (!given && !note) return [];
    return [
      {
        indicatorId: indicator.id,
        ...(indicator.kind === 'choice' && answer.option !== undefined ? { option: answer.option } : {}),
        ...(indicator.kind === 'measured' && answer.value !== undefined ? { value: answer.value } : {}),
        ...(note ? { note } : {}),
      },
    ];
  });

const IndicatorField = ({
  indicator,
  answer,
  outcome,
  editable,
  onChange,
}: {
  indicator: Indicator;
  answer?: Answer;
  outcome?: GradeResult['indicators'][number];
  editable: boolean;
  onChange: (answer: Answer) => void;
}) => {
  const t = useMessages(gradingMessages);
  const labelId = useId();
  const base = answer ?? { indicatorId: indicator.id };
  return (
    <div
      data-testid={`indicator-${indicator.id}`}
      data-grade={outcome?.grade ?? ''}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <Space align="baseline" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong id={labelId}>
          {indicator.name}
          {indicator.required && (
            <Typography.Text type="danger" style={{ marginLeft: 4 }} aria-label={t('required')}>
              *
            </Typography.Text>
          )}
        </Typography.Text>
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 4 }}>
            {t('indicatorGrade')}
          </Typography.Text>
          {outcome?.grade ? <GradeTag grade={outcome.grade} /> : <Tag>{t('unanswered')}</Tag>}
        </span>
      </Space>
      {indicator.description && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {indicator.description}
        </Typography.Paragraph>
      )}
      {indicator.kind === 'choice' ? (
        <Radio.Group
          aria-labelledby={labelId}
          disabled={!editable}
          value={answer?.option}
          onChange={(event) => onChange({ ...base, option: event.target.value as string, value: undefined })}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={indicator.options.map((option) => ({
            value: option.id,
            label: (
              <span>
                {option.label}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  （{option.grade}）
                </Typography.Text>
              </span>
            ),
          }))}
        />
      ) : (
        <Space wrap align="center">
          <InputNumber
            aria-labelledby={labelId}
            disabled={!editable}
            value={answer?.value ?? null}
            suffix={indicator.unit}
            style={{ width: 180 }}
            onChange={(value) => onChange({ ...base, value: value ?? undefined, option: undefined })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {indicator.thresholds
              .map((threshold) =>
                t('measuredHint', {
                  grade: threshold.grade,
                  limit: `${indicator.better === 'lower' ? '≤' : '≥'} ${threshold.limit} ${indicator.unit}`,
                }),
              )
              .join('；')}
          </Typography.Text>
        </Space>
      )}
      <Input
        size="small"
        aria-label={`${indicator.name} · ${t('notePlaceholder')}`}
        placeholder={t('notePlaceholder')}
        disabled={!editable}
        value={answer?.note ?? ''}
        maxLength={1000}
        onChange={(event) => onChange({ ...base, note: event.target.value })}
        style={{ marginTop: 8, maxWidth: 480 }}
      />
    </div>
  );
};

const LiveGrade = ({ scheme, result }: { scheme: GradingScheme; result: GradeResult }) => {
  const t = useMessages(gradingMessages);
  const names = new Map(scheme.indicators.map((indicator) => [indicator.id, indicator.name]));
  return (
    <Card
      size="small"
      title={t('liveGrade')}
      data-testid="live-grade"
      data-grade={result.grade ?? ''}
      style={{ marginBottom: 16 }}
    >
      <div aria-live="polite">
        <div style={{ marginBottom: 8 }}>
          {result.grade ? <GradeTag grade={result.grade} large /> : <Tag>{t('noGradeYet')}</Tag>}
          {scheme.example && <ExampleSchemeTag />}
        </div>
        {result.complete ? (
          <Typography.Paragraph style={{ color: '#1b7f3b' }} data-testid="live-complete">
            {t('complete')}
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph style={{ color: '#8a5300' }} data-testid="live-missing">
            {t('missing', {
              count: result.missing.length,
              names: result.missing.map((id) => names.get(id) ?? id).join('、'),
            })}
          </Typography.Paragraph>
        )}
        {result.grade && (
          <>
            <Typography.Title level={3} style={{ fontSize: 14 }}>
              {t('holdingBack')}
            </Typography.Title>
            {result.holdingBack.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('holdingBackNone')}</Typography.Paragraph>
            ) : (
              <ul style={{ paddingInlineStart: 20, marginTop: 0 }} data-testid="holding-back">
                {result.holdingBack.map((item) => (
                  <li key={item.indicatorId} data-indicator={item.indicatorId} style={{ marginBottom: 6 }}>
                    <Typography.Text strong>{item.name}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{t('now', { grade: item.grade })}</Typography.Text>
                    {item.answer && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t('answer', { answer: item.answer })}
                      </Typography.Text>
                    )}
                    <Typography.Text style={{ display: 'block' }}>{item.needs}</Typography.Text>
                  </li>
                ))}
              </ul>
            )}
            {result.alertMeasure && <Alert type="info" title={t('alertMeasure', { measure: result.alertMeasure })} />}
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t('liveHelp')}
        </Typography.Paragraph>
      </div>
    </Card>
  );
};

const AssessmentPage = () => {
  const t = useMessages(gradingMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const people = usePeople();
  const [assessment, setAssessment] = useState<Assessment>();
  const [scheme, setScheme] = useState<GradingScheme>();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [returning, setReturning] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [reason, setReason] = useState('');
  const [aPlus, setAPlus] = useState(false);

  const show = useCallback((next: Assessment) => {
    setAssessment(next);
    setAnswers(answersOf(next.values));
  }, []);

  const load = useCallback(async () => {
    const found = await api.GET('/v1/grading/assessments/{id}', { params: { path: { id } } });
    if (!found.data) {
      setFailure(readFailure(found.error, found.response));
      return;
    }
    const read = await api.GET('/v1/grading/schemes/{industry}', {
      params: { path: { industry: found.data.industry }, query: { version: found.data.schemeVersion } },
    });
    if (!read.data) {
      setFailure(failureReason(read.error, read.response));
      return;
    }
    setScheme(read.data.scheme);
    show(found.data);
    setFailure(undefined);
  }, [id, show]);
  useEffect(() => {
    void load();
  }, [load]);

  const values = useMemo(() => (scheme ? valuesOf(scheme, answers) : []), [scheme, answers]);
  const live = useMemo(() => (scheme ? computeGrade(scheme, values) : undefined), [scheme, values]);
  const dirty =
    assessment !== undefined &&
    scheme !== undefined &&
    JSON.stringify(values) !== JSON.stringify(valuesOf(scheme, answersOf(assessment.values)));

  if (!assessment || !scheme || !live) {
    return (
      <>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('pageTitle')}
        </Typography.Title>
        <RecordLoading
          failure={failure}
          onRetry={() => void load()}
          texts={{ loadFailed: t('loadFailed'), notFound: t('notFound'), retry: t('retry') }}
        />
      </>
    );
  }

  const editable = assessment.allowedActions.includes('submit');
  const families = [...new Set(scheme.indicators.map((indicator) => indicator.family))];
  const outcomes = new Map(live.indicators.map((outcome) => [outcome.indicatorId, outcome]));

  const save = async (): Promise<Assessment | undefined> => {
    setBusy('save');
    try {
      const { data, error, response } = await api.PATCH('/v1/grading/assessments/{id}', {
        params: { path: { id } },
        body: { values, version: assessment.version },
      });
      if (data) {
        show(data);
        return data;
      }
      message.error(
        `${t('saveFailed')}：${isProblem(error) ? [problemText(error), ...(error.errors ?? []).map((item) => item.message)].join('；') : response.status}`,
      );
      return undefined;
    } finally {
      setBusy(undefined);
    }
  };

  const act = async (action: AssessmentAction, extra: { reason?: string; aPlus?: boolean } = {}) => {
    let current: Assessment | undefined = assessment;
    if (action === 'submit' && dirty) current = await save();
    if (!current) return;
    setBusy(action);
    try {
      const { data, error, response } = await api.POST('/v1/grading/assessments/{id}/actions/{action}', {
        params: { path: { id, action } },
        body: { version: current.version, ...extra },
      });
      if (data) {
        show(data);
        message.success(t('actionDone', { action: actionLabels[action][language] }));
        setReturning(false);
        setPublishing(false);
      } else {
        message.error(
          `${t('actionFailed')}：${isProblem(error) ? [problemText(error), ...(error.errors ?? []).map((item) => item.message)].join('；') : response.status}`,
        );
      }
    } finally {
      setBusy(undefined);
    }
  };

  const historyLabel = (action: Assessment['history'][number]['action']) =>
    action === 'create' ? t('created') : action === 'update' ? t('updated') : actionLabels[action][language];

  return (
    <div data-testid="assessment-page" data-status={assessment.status}>
      <div>
        <Link to={`/console/enterprises/${assessment.uscc}`}>← {t('back')}</Link>
      </div>
      <Space align="center" wrap style={{ marginTop: 8, marginBottom: 4 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('title', { name: assessment.enterpriseName, industry: assessment.industryName })}
        </Typography.Title>
        <Tag color={statusColours[assessment.status]} data-testid="assessment-status">
          {statusLabels[assessment.status][language]}
        </Tag>
        {assessment.publishedGrade && <GradeTag grade={assessment.publishedGrade} />}
        {(scheme.example || assessment.schemeExample) && <ExampleSchemeTag />}
      </Space>
      <Typography.Paragraph type="secondary">
        {t('schemeLine', { name: scheme.name, version: scheme.version })}
        {scheme.source && ` · ${t('source')}：${scheme.source}`}
      </Typography.Paragraph>
      {(scheme.example || assessment.schemeExample) && <ExampleSchemeAlert />}
      {!editable && assessment.status !== 'published' && (
        <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />
      )}

      <Row gutter={16}>
        <Col xs={24} lg={15}>
          {families.map((family) => (
            <Card
              key={family}
              size="small"
              title={
                <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                  {familyLabels[family as Family][language]}
                </Typography.Title>
              }
              style={{ marginBottom: 16 }}
            >
              {scheme.indicators
                .filter((indicator) => indicator.family === family)
                .map((indicator) => (
                  <IndicatorField
                    key={indicator.id}
                    indicator={indicator}
                    answer={answers[indicator.id]}
                    outcome={outcomes.get(indicator.id)}
                    editable={editable}
                    onChange={(answer) => setAnswers((previous) => ({ ...previous, [indicator.id]: answer }))}
                  />
                ))}
            </Card>
          ))}
        </Col>
        <Col xs={24} lg={9}>
          <div style={{ position: 'sticky', top: 16, zIndex: 1 }}>
            <div>
              <LiveGrade scheme={scheme} result={live} />
              <Card size="small" style={{ marginBottom: 16 }}>
                <Space wrap>
                  {editable && (
                    <Button
                      onClick={() => void save().then((saved) => saved && message.success(t('saved')))}
                      loading={busy === 'save'}
                      disabled={!dirty}
                    >
                      {t('save')}
                    </Button>
                  )}
                  {assessment.allowedActions.map((action) => (
                    <Button
                      key={action}
                      type={action === 'return' ? 'default' : 'primary'}
                      danger={action === 'return'}
                      loading={busy === action}
                      disabled={action === 'submit' && !live.complete}
                      onClick={() => {
                        if (action === 'return') setReturning(true);
                        else if (action === 'publish') setPublishing(true);
                        else void act(action);
                      }}
                    >
                      {actionLabels[action][language]}
                    </Button>
                  ))}
                </Space>
                {dirty && (
                  <Typography.Paragraph style={{ color: '#8a5300', marginTop: 8, marginBottom: 0 }}>
                    {t('unsaved')}
                  </Typography.Paragraph>
                )}
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                  {t('storedGrade')}：{assessment.result.grade ?? '—'}
                </Typography.Paragraph>
              </Card>
            </div>
          </div>
          <Card
            size="small"
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('history')}
              </Typography.Title>
            }
          >
            {assessment.history.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                items={[...assessment.history].reverse().map((entry, index) => ({
                  key: `${entry.at}-${index}`,
                  title: formatInstant(entry.at),
                  content: (
                    <>
                      <Typography.Text strong>{historyLabel(entry.action)}</Typography.Text>{' '}
                      <Typography.Text type="secondary">{people(entry.by)}</Typography.Text>
                      {entry.reason && (
                        <Typography.Paragraph style={{ marginBottom: 0 }}>{entry.reason}</Typography.Paragraph>
                      )}
                    </>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>

      <Modal
        open={returning}
        title={actionLabels.return[language]}
        okText={actionLabels.return[language]}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={busy === 'return'}
        onOk={() => void act('return', { reason: reason.trim() })}
        onCancel={() => setReturning(false)}
      >
        <Form layout="vertical">
          <Form.Item label={t('reason')} required htmlFor="return-reason">
            <Input.TextArea
              id="return-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              autoSize={{ minRows: 3 }}
              maxLength={2000}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={publishing}
        title={actionLabels.publish[language]}
        okText={actionLabels.publish[language]}
        confirmLoading={busy === 'publish'}
        onOk={() => void act('publish', scheme.aPlus && assessment.result.grade === 'A' ? { aPlus } : {})}
        onCancel={() => setPublishing(false)}
      >
        <Typography.Paragraph>{t('publishConfirm')}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('storedGrade')}：<GradeTag grade={assessment.result.grade} />
          {assessment.schemeExample && <ExampleSchemeTag />}
        </Typography.Paragraph>
        {scheme.aPlus && assessment.result.grade === 'A' && (
          <Checkbox checked={aPlus} onChange={(event) => setAPlus(event.target.checked)}>
            {t('aPlus')}
          </Checkbox>
        )}
      </Modal>
    </div>
  );
};

export default AssessmentPage;
