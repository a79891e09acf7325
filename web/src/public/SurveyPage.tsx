/**
 * The follow-up survey page (`/survey/:token`), opened from the survey email: the matter, its result and until when an
 * answer is taken — never a person. With `?answer=<satisfaction>` (one click in the email) the answer is sent on
 * opening, and the page thanks; otherwise the complainant picks 满意 / 基本满意 / 不满意, says whether the problem was
 * solved, may add a comment, and submits. A survey is answered once: the API's 409 says so, and the page shows it.
 */
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Skeleton, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { isProblem, problemText, showFieldErrors } from '../api/problems.ts';
import type { PublicSurvey, SurveyAnswerInput } from '../api/schema.gen.ts';
import {
  categoryName,
  type Satisfaction,
  type SurveyStatus,
  satisfactionLabels,
  satisfactions,
  solvedLabels,
  solvedOrder,
  surveyStatusLabels,
} from '../common/labels.ts';
import { defineMessages, type Language, useI18n, useMessages } from '../i18n/i18n.tsx';
import { formatInstant, formatWait, retryAfterSeconds } from './format.ts';

const messages = defineMessages({
  zh: {
    title: '评价办理结果',
    intro: '您反映的问题已办理完毕。请告诉我们您对办理结果是否满意，每件只能评价一次。',
    loading: '正在读取…',
    sending: '正在提交您的评价…',
    matter: '办理情况',
    number: '事项编号',
    category: '污染类别',
    town: '乡镇（街道）',
    closed: '办结时间',
    deadline: '评价截止',
    status: '评价状态',
    reply: '办理结果',
    question: '您对办理结果是否满意？',
    satisfactionRequired: '请选择您对办理结果的满意程度',
    solved: '问题是否解决',
    solvedHint: '可不选',
    comment: '留言',
    commentOptional: '可不填',
    commentHint: '您的意见将随评价转交承办部门',
    dissatisfiedHint: '评价为不满意的，将转交包案领导复核，复核后另行答复您。',
    submit: '提交评价',
    thanks: '感谢您的评价',
    thanksText: '您的评价“{answer}”已记录。',
    thanksReview: '您的意见已转交包案领导复核。',
    yourAnswer: '您的评价：{answer}（{at}）',
    closedSurvey: '不能再评价',
    badLink: '评价链接无效或已失效，请使用邮件中的完整链接。',
    tooMany: '操作过于频繁，请 {wait}后再试。',
    tooManyNoWait: '操作过于频繁，请稍后再试。',
    network: '网络连接失败，请检查网络后刷新本页。',
    failed: '提交未成功',
    privacy: '本页不显示您或工作人员的个人信息。链接仅供您本人使用，请勿转发。',
  },
  en: {
    title: 'Rate the result',
    intro:
      'The problem you reported has been dealt with. Please tell us whether you are satisfied with the result; each report can be rated once.',
    loading: 'Loading…',
    sending: 'Sending your answer…',
    matter: 'Your report',
    number: 'Number',
    category: 'Kind of pollution',
    town: 'Town',
    closed: 'Closed',
    deadline: 'Answers taken until',
    status: 'Survey',
    reply: 'Result',
    question: 'Are you satisfied with the result?',
    satisfactionRequired: 'Please choose how satisfied you are',
    solved: 'Was the problem solved?',
    solvedHint: 'optional',
    comment: 'Comment',
    commentOptional: 'optional',
    commentHint: 'It goes to the department with your answer',
    dissatisfiedHint: 'If you are dissatisfied, the lead official reviews the case and you will be told the outcome.',
    submit: 'Send',
    thanks: 'Thank you',
    thanksText: 'Your answer “{answer}” has been recorded.',
    thanksReview: 'Your answer has been passed to the lead official for a review.',
    yourAnswer: 'Your answer: {answer} ({at})',
    closedSurvey: 'This survey takes no more answers',
    badLink: 'This survey link is not valid or no longer works; please use the full link from the email.',
    tooMany: 'Too many requests; please try again in {wait}.',
    tooManyNoWait: 'Too many requests; please try again later.',
    network: 'Could not reach the server; check your connection and reload the page.',
    failed: 'Not sent',
    privacy: 'This page shows no personal data of yours or of officials. The link is for you only; do not forward it.',
  },
});

type Key = keyof (typeof messages)['zh'];
type Translate = (key: Key, values?: Record<string, string | number>) => string;

/** What opening the page, or submitting it, came to. */
type Outcome =
  | { readonly kind: 'shown'; readonly view: PublicSurvey }
  | { readonly kind: 'answered'; readonly view: PublicSurvey }
  /** The API took no answer (409): its own words, and the survey as it stands. */
  | { readonly kind: 'refused'; readonly detail: string; readonly view?: PublicSurvey }
  | { readonly kind: 'failed'; readonly message: string };

const asSatisfaction = (value: string | null): Satisfaction | undefined =>
  satisfactions.find((candidate) => candidate === value);

const failure = (response: Response | undefined, error: unknown, t: Translate, language: Language): string => {
  if (!response) return t('network');
  if (response.status === 404 || response.status === 400) return t('badLink');
  if (response.status === 429) {
    const wait = retryAfterSeconds(response);
    return wait ? t('tooMany', { wait: formatWait(wait, language) }) : t('tooManyNoWait');
  }
  return isProblem(error) ? problemText(error) : String(response.status);
};

const read = async (token: string, t: Translate, language: Language): Promise<Outcome> => {
  try {
    const { data, error, response } = await api.GET('/v1/surveys/{token}', { params: { path: { token } } });
    return data ? { kind: 'shown', view: data } : { kind: 'failed', message: failure(response, error, t, language) };
  } catch {
    return { kind: 'failed', message: t('network') };
  }
};

const answer = async (
  token: string,
  body: SurveyAnswerInput,
  t: Translate,
  language: Language,
): Promise<Outcome & { problem?: unknown }> => {
  try {
    const { data, error, response } = await api.POST('/v1/surveys/{token}', { params: { path: { token } }, body });
    if (data) return { kind: 'answered', view: data };
    if (response.status === 409) {
      const now = await read(token, t, language);
      return {
        kind: 'refused',
        detail: isProblem(error) ? problemText(error) : t('closedSurvey'),
        ...(now.kind === 'shown' ? { view: now.view } : {}),
      };
    }
    return { kind: 'failed', message: failure(response, error, t, language), problem: error };
  } catch {
    return { kind: 'failed', message: t('network') };
  }
};

/**
 * One-click answers in flight, by token and answer: the page's effect may run twice for one opening (React's strict
 * mode, a remount), and a second POST would be refused as a second answer.
 */
const oneClicks = new Map<string, Promise<Outcome>>();

const statusColour = (status: SurveyStatus): string =>
  status === 'answered' ? '#1b7f3b' : status === 'pending' ? '#1f5fbf' : '#595959';

const Matter = ({ view }: { view: PublicSurvey }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const heading = useId();
  const items = [
    { key: 'number', label: t('number'), children: <span data-testid="survey-case-number">{view.caseNumber}</span> },
    { key: 'category', label: t('category'), children: categoryName(view.category, language) },
    ...(view.town ? [{ key: 'town', label: t('town'), children: view.town }] : []),
    { key: 'closed', label: t('closed'), children: formatInstant(view.closedAt, language) },
    { key: 'deadline', label: t('deadline'), children: formatInstant(view.expiresAt, language) },
    {
      key: 'status',
      label: t('status'),
      children: (
        <Tag color={statusColour(view.status)} style={{ fontSize: 14 }} data-testid="survey-status">
          {surveyStatusLabels[view.status][language]}
        </Tag>
      ),
    },
  ];
  return (
    <section aria-labelledby={heading} style={{ marginBottom: 16 }}>
      <Card>
        <Typography.Title level={2} id={heading} style={{ fontSize: 18, marginTop: 0 }}>
          {t('matter')}
        </Typography.Title>
        <Descriptions bordered column={1} size="small" items={items} />
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
          {t('reply')}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="survey-reply">
          {view.publicReply}
        </Typography.Paragraph>
      </Card>
    </section>
  );
};

/** The answer already given, in a line. */
const givenAnswer = (view: PublicSurvey | undefined, t: Translate, language: Language): string | undefined => {
  if (!view?.answer) return undefined;
  const parts = [
    satisfactionLabels[view.answer.satisfaction][language],
    ...(view.answer.solved ? [solvedLabels[view.answer.solved][language]] : []),
  ];
  return t('yourAnswer', { answer: parts.join(' · '), at: formatInstant(view.answer.at, language) });
};

const icons: Readonly<Record<Satisfaction, ReactNode>> = {
  satisfied: <SmileOutlined aria-hidden />,
  'basically-satisfied': <MehOutlined aria-hidden />,
  dissatisfied: <FrownOutlined aria-hidden />,
};

interface Values {
  satisfaction?: Satisfaction;
  solved?: SurveyAnswerInput['solved'];
  comment?: string;
}

const AnswerForm = ({ onSent, token }: { token: string; onSent: (outcome: Outcome) => void }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const chosen = Form.useWatch('satisfaction', form);

  const submit = async (values: Values) => {
    if (!values.satisfaction) return;
    const comment = values.comment?.trim();
    setBusy(true);
    setProblem(undefined);
    const outcome = await answer(
      token,
      {
        satisfaction: values.satisfaction,
        ...(values.solved ? { solved: values.solved } : {}),
        ...(comment ? { comment } : {}),
      },
      t,
      language,
    );
    setBusy(false);
    if (outcome.kind === 'failed') {
      const loose = isProblem(outcome.problem)
        ? showFieldErrors(form, outcome.problem, ['satisfaction', 'solved', 'comment'])
        : [];
      setProblem(loose.length > 0 ? loose.join('；') : outcome.message);
      return;
    }
    onSent(outcome);
  };

  return (
    <Card>
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} name="survey">
        <Form.Item
          name="satisfaction"
          label={<span style={{ fontSize: 16, fontWeight: 600 }}>{t('question')}</span>}
          rules={[{ required: true, message: t('satisfactionRequired') }]}
        >
          <Radio.Group
            name="satisfaction"
            aria-label={t('question')}
            optionType="button"
            buttonStyle="solid"
            size="large"
            block
            className="gl-choices"
            options={satisfactions.map((value) => ({
              value,
              label: (
                <span className="gl-choice">
                  {icons[value]}
                  <span>{satisfactionLabels[value][language]}</span>
                </span>
              ),
            }))}
          />
        </Form.Item>
        {chosen === 'dissatisfied' && (
          <Alert type="info" showIcon title={t('dissatisfiedHint')} style={{ marginTop: -8, marginBottom: 16 }} />
        )}
        <Form.Item name="solved" label={`${t('solved')}（${t('solvedHint')}）`}>
          <Radio.Group
            name="solved"
            aria-label={t('solved')}
            optionType="button"
            size="large"
            block
            options={solvedOrder.map((value) => ({ value, label: solvedLabels[value][language] }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={`${t('comment')}（${t('commentOptional')}）`}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            showCount
            placeholder={t('commentHint')}
          />
        </Form.Item>
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('failed')}
            description={problem}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('submit')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
};

const SurveyPage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const { token = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // The one-click answer of the address, read once: the address loses it once sent (a reload only shows the survey).
  const [oneClick] = useState(() => asSatisfaction(params.get('answer')));
  const [outcome, setOutcome] = useState<Outcome>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: opened once per token; the language only words messages
  useEffect(() => {
    let live = true;
    const key = `${token} ${oneClick ?? ''}`;
    let opening = oneClicks.get(key);
    if (!opening) {
      opening = oneClick ? answer(token, { satisfaction: oneClick }, t, language) : read(token, t, language);
      if (oneClick) oneClicks.set(key, opening);
    }
    void opening.then((result) => {
      if (!live) return;
      setOutcome(result);
      if (oneClick) setParams({}, { replace: true });
    });
    return () => {
      live = false;
    };
  }, [token, oneClick]);

  const view = outcome && 'view' in outcome ? outcome.view : undefined;
  const given = givenAnswer(view, t, language);
  return (
    <main className="gl-narrow gl-survey">
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('title')}
      </Typography.Title>
      {!outcome ? (
        <Card aria-busy="true">
          <Typography.Paragraph>{oneClick ? t('sending') : t('loading')}</Typography.Paragraph>
          <Skeleton active />
        </Card>
      ) : (
        <>
          {outcome.kind === 'failed' && <Alert type="error" showIcon role="alert" title={outcome.message} />}
          {outcome.kind === 'answered' && (
            <Card style={{ marginBottom: 16 }} data-testid="survey-thanks">
              <Result
                status="success"
                title={t('thanks')}
                subTitle={
                  <>
                    {t('thanksText', {
                      answer: outcome.view.answer ? satisfactionLabels[outcome.view.answer.satisfaction][language] : '',
                    })}
                    {outcome.view.answer?.satisfaction === 'dissatisfied' && ` ${t('thanksReview')}`}
                  </>
                }
                style={{ padding: '16px 0' }}
              />
            </Card>
          )}
          {outcome.kind === 'refused' && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              data-testid="survey-refusal"
              title={outcome.detail}
              description={given}
              style={{ marginBottom: 16 }}
            />
          )}
          {outcome.kind === 'shown' && !outcome.view.canAnswer && (
            <Alert
              type="warning"
              showIcon
              data-testid="survey-refusal"
              title={outcome.view.refusal ?? t('closedSurvey')}
              description={given}
              style={{ marginBottom: 16 }}
            />
          )}
          {outcome.kind === 'shown' && outcome.view.canAnswer && (
            <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
          )}
          {view && <Matter view={view} />}
          {outcome.kind === 'shown' && outcome.view.canAnswer && <AnswerForm token={token} onSent={setOutcome} />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 13 }}>
            {t('privacy')}
          </Typography.Paragraph>
        </>
      )}
    </main>
  );
};

export default SurveyPage;
