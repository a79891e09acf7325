/**
 * The case's follow-up surveys (回访, `GET /v1/cases/{id}/surveys`): its complainant's and those rating its result
 * (merged duplicates), each with its channel, state, answer, comment and call attempts. A supervisor may judge an
 * answer invalid, with a written reason (`POST …/surveys/{surveyId}/invalidate`): it leaves the satisfaction figures.
 */
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { isProblem, problemText, showFieldErrors } from '../../../api/problems.ts';
import type { Case, Survey } from '../../../api/schema.gen.ts';
import { useSession } from '../../../auth/session.ts';
import {
  type SurveyStatus,
  satisfactionLabels,
  solvedLabels,
  surveyChannelLabels,
  surveyEventLabels,
  surveyStatusLabels,
} from '../../../common/labels.ts';
import { Section } from '../../../common/Section.tsx';
import { defineMessages, useI18n, useMessages } from '../../../i18n/i18n.tsx';
import { formatInstant } from './format.ts';

const messages = defineMessages({
  zh: {
    title: '回访',
    none: '尚无回访。投诉办结后会向投诉人发送评价邮件，或列入电话回访清单。',
    loadFailed: '无法读取回访',
    channel: '方式',
    status: '状态',
    answer: '评价',
    solved: '问题是否解决',
    comment: '投诉人意见',
    answeredAt: '评价时间',
    answeredBy: '评价来源',
    byComplainant: '投诉人（评价页）',
    byPhone: '电话回访，接线员 {operator}',
    closedAt: '办结时间',
    expiresAt: '评价截止',
    callDue: '应回访日',
    phone: '电话',
    attempts: '呼叫未接通',
    attemptsCount: '{count} 次',
    noAttempts: '无',
    otherCase: '评价的是合并后的主件的办理结果',
    invalidated: '{by} 于 {at} 判定无效：{reason}',
    history: '回访记录',
    invalidate: '判定无效',
    invalidateTitle: '判定评价无效',
    invalidateText: '判定后该评价不计入满意度，列入“无效评价”，理由记入回访记录。',
    reason: '理由',
    reasonRequired: '请填写判定无效的理由（至少 4 个字）',
    confirm: '判定无效',
    cancel: '取消',
    done: '已判定为无效评价',
    stale: '回访已被他人更新，已重新读取',
    failed: '未能判定',
  },
  en: {
    title: 'Follow-up surveys',
    none: 'No survey yet. Once the complaint is closed, the complainant gets a survey email, or a call is listed.',
    loadFailed: 'Could not read the surveys',
    channel: 'Channel',
    status: 'State',
    answer: 'Answer',
    solved: 'Solved?',
    comment: 'Comment',
    answeredAt: 'Answered',
    answeredBy: 'Answered through',
    byComplainant: 'the complainant (survey page)',
    byPhone: 'a call, recorded by {operator}',
    closedAt: 'Closed',
    expiresAt: 'Answers taken until',
    callDue: 'Call due',
    phone: 'Phone',
    attempts: 'Unanswered calls',
    attemptsCount: '{count}',
    noAttempts: 'none',
    otherCase: 'Rates the result of the case this one was merged into',
    invalidated: 'Judged invalid by {by} at {at}: {reason}',
    history: 'Survey history',
    invalidate: 'Judge invalid',
    invalidateTitle: 'Judge the answer invalid',
    invalidateText:
      'An invalid answer leaves the satisfaction rate and is counted as invalid; the reason is kept in the survey’s history.',
    reason: 'Reason',
    reasonRequired: 'Please give the reason (at least 4 characters)',
    confirm: 'Judge invalid',
    cancel: 'Cancel',
    done: 'Judged invalid',
    stale: 'Someone else updated the survey; read again',
    failed: 'Not done',
  },
});

const statusColour: Readonly<Record<SurveyStatus, string>> = {
  pending: '#1f5fbf',
  answered: '#1b7f3b',
  'not-evaluated': '#595959',
  unreachable: '#595959',
  invalid: '#b3261e',
  'no-contact': '#595959',
};

const InvalidateModal = ({
  kase,
  survey,
  onClose,
  onChanged,
}: {
  kase: Case;
  survey: Survey;
  onClose: () => void;
  onChanged: () => void;
}) => {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async () => {
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const { error, response } = await api.POST('/v1/cases/{id}/surveys/{surveyId}/invalidate', {
        params: { path: { id: kase.id, surveyId: survey.id } },
        body: { reason: values.reason.trim(), version: survey.version },
      });
      if (!error) {
        message.success(t('done'));
        onClose();
        onChanged();
        return;
      }
      const text = isProblem(error) ? problemText(error) : String(response.status);
      if (response.status === 409) {
        message.error(`${t('stale')}（${text}）`);
        onClose();
        onChanged();
        return;
      }
      const loose = isProblem(error) ? showFieldErrors(form, error, ['reason']) : [];
      setProblem(loose.length > 0 ? `${text}：${loose.join('；')}` : text);
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('invalidateTitle')}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" name="invalidate-survey">
        <Typography.Paragraph>{t('invalidateText')}</Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={`${t('failed')}：${problem}`} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="reason"
          label={t('reason')}
          rules={[{ required: true, whitespace: true, min: 4, message: t('reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const SurveyItem = ({
  kase,
  survey,
  people,
  canInvalidate,
  onInvalidate,
  first,
}: {
  kase: Case;
  survey: Survey;
  people: (username: string) => string;
  canInvalidate: boolean;
  /** The first of the list: no rule above it. */
  first: boolean;
  onInvalidate: () => void;
}) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const { answer } = survey;
  const items = [
    { key: 'channel', label: t('channel'), children: surveyChannelLabels[survey.channel][language] },
    ...(answer
      ? [
          {
            key: 'answer',
            label: t('answer'),
            children: <strong data-testid="survey-answer">{satisfactionLabels[answer.satisfaction][language]}</strong>,
          },
          ...(answer.solved
            ? [{ key: 'solved', label: t('solved'), children: solvedLabels[answer.solved][language] }]
            : []),
          ...(answer.comment
            ? [
                {
                  key: 'comment',
                  label: t('comment'),
                  children: (
                    <span style={{ whiteSpace: 'pre-wrap' }} data-testid="survey-comment">
                      {answer.comment}
                    </span>
                  ),
                },
              ]
            : []),
          { key: 'answeredAt', label: t('answeredAt'), children: formatInstant(answer.at) },
          {
            key: 'answeredBy',
            label: t('answeredBy'),
            children: answer.via === 'phone' ? t('byPhone', { operator: people(answer.by) }) : t('byComplainant'),
          },
        ]
      : []),
    { key: 'closedAt', label: t('closedAt'), children: formatInstant(survey.closedAt) },
    ...(survey.status === 'pending'
      ? [{ key: 'expiresAt', label: t('expiresAt'), children: formatInstant(survey.expiresAt) }]
      : []),
    ...(survey.callDueDate ? [{ key: 'callDue', label: t('callDue'), children: survey.callDueDate }] : []),
    ...(survey.phoneHint ? [{ key: 'phone', label: t('phone'), children: survey.phoneHint }] : []),
    ...(survey.channel === 'phone'
      ? [
          {
            key: 'attempts',
            label: t('attempts'),
            children:
              survey.attempts.length === 0
                ? t('noAttempts')
                : `${t('attemptsCount', { count: survey.attempts.length })}（${survey.attempts
                    .map((attempt) => `${attempt.date}${attempt.note ? ` ${attempt.note}` : ''}`)
                    .join('；')}）`,
          },
        ]
      : []),
  ];
  return (
    <li
      data-testid="survey"
      data-status={survey.status}
      style={{ padding: '12px 0', borderTop: first ? undefined : '1px solid #f0f0f0' }}
    >
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <span>
          <Tag color={statusColour[survey.status]} data-testid="survey-status">
            {surveyStatusLabels[survey.status][language]}
          </Tag>
          {survey.caseId === kase.id && survey.resultCaseId !== kase.id && (
            <Typography.Text type="secondary">{t('otherCase')}</Typography.Text>
          )}
        </span>
        {canInvalidate && survey.status === 'answered' && (
          <Button onClick={onInvalidate} data-testid="invalidate-survey">
            {t('invalidate')}
          </Button>
        )}
      </Flex>
      <Descriptions size="small" column={1} items={items} />
      {survey.invalidation && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('invalidated', {
            by: people(survey.invalidation.by),
            at: formatInstant(survey.invalidation.at),
            reason: survey.invalidation.reason,
          })}
        />
      )}
      <details style={{ marginTop: 8 }}>
        <summary>{t('history')}</summary>
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {survey.history.map((event) => (
            <li key={`${event.at}-${event.what}`}>
              <time dateTime={event.at}>{formatInstant(event.at)}</time> {surveyEventLabels[event.what][language]}
              {event.by !== 'system' ? ` · ${people(event.by)}` : ''}
              {event.note ? ` · ${event.note}` : ''}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
};

/** Shown for complaints once closed (or when they have surveys); hidden when the caller may not read them. */
export const CaseSurveys = ({ kase, people }: { kase: Case; people: (username: string) => string }) => {
  const t = useMessages(messages);
  const session = useSession();
  const [surveys, setSurveys] = useState<Survey[]>();
  const [failure, setFailure] = useState<string>();
  const [hidden, setHidden] = useState(false);
  const [invalidating, setInvalidating] = useState<Survey>();
  const isComplaint = kase.kind === 'complaint';

  const load = useCallback(async () => {
    try {
      const { data, error, response } = await api.GET('/v1/cases/{id}/surveys', {
        params: { path: { id: kase.id } },
      });
      if (data) {
        setSurveys(data);
        setFailure(undefined);
      } else if (response.status === 403 || response.status === 404) setHidden(true);
      else setFailure(isProblem(error) ? problemText(error) : String(response.status));
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    }
  }, [kase.id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the case changes (its version)
  useEffect(() => {
    if (isComplaint) void load();
  }, [isComplaint, load, kase.version]);

  const closedOnce = kase.state === 'closed' || kase.state === 'review-requested';
  if (!isComplaint || hidden || (!closedOnce && (surveys?.length ?? 0) === 0 && !failure)) return null;
  const canInvalidate = session?.user.roles.includes('supervisor') ?? false;
  return (
    <div data-testid="case-surveys">
      <Section title={t('title')}>
        {failure && <Alert type="error" showIcon title={t('loadFailed')} description={failure} />}
        {surveys && surveys.length === 0 && <Typography.Text>{t('none')}</Typography.Text>}
        {surveys && surveys.length > 0 && (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {surveys.map((survey, index) => (
              <SurveyItem
                key={survey.id}
                first={index === 0}
                kase={kase}
                survey={survey}
                people={people}
                canInvalidate={canInvalidate}
                onInvalidate={() => setInvalidating(survey)}
              />
            ))}
          </ul>
        )}
        {invalidating && (
          <InvalidateModal
            key={`${invalidating.id}-${invalidating.version}`}
            kase={kase}
            survey={invalidating}
            onClose={() => setInvalidating(undefined)}
            onChanged={() => void load()}
          />
        )}
      </Section>
    </div>
  );
};
