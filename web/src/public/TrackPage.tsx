/**
 * Following a complaint (`GET /v1/public/complaints/{trackingCode}` with the secret in `X-Tracking-Secret`): the state,
 * its dates, the progress and the reply. The code may come in the address (`?code=`); the secret never does. A wrong
 * code and a wrong secret get the same answer, as from the API.
 */
import { Alert, Button, Card, Descriptions, Form, Input, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { problemText, showFieldErrors } from '../api/problems.ts';
import type { CaseState, PublicComplaintView } from '../api/schema.gen.ts';
import { categoryLabels, stateLabels } from '../common/labels.ts';
import { defineMessages, useI18n, useMessages } from '../i18n/i18n.tsx';
import { formatInstant, formatWait, retryAfterSeconds } from './format.ts';

const messages = defineMessages({
  zh: {
    title: '查询办理进度',
    intro: '请输入提交投诉时得到的查询码和查询密码。',
    code: '查询码',
    codePlaceholder: '12 位字母和数字',
    codeRequired: '请输入查询码',
    secret: '查询密码',
    secretRequired: '请输入查询密码',
    query: '查询',
    notFound: '没有查到：查询码或查询密码不正确。请核对后重试（查询码不区分大小写）。',
    tooMany: '查询过于频繁，请 {wait}后再试。',
    tooManyNoWait: '查询过于频繁，请稍后再试。',
    network: '网络连接失败，请检查网络后重试。',
    result: '办理情况',
    number: '文号',
    state: '当前状态',
    category: '污染类别',
    received: '收到时间',
    accepted: '受理时间',
    decisionDue: '受理决定期限',
    finishDue: '办结期限',
    dueDay: '{date} 前',
    closed: '办结时间',
    updated: '最近更新',
    progress: '办理进度',
    reply: '办理结果答复',
    rejection: '不予受理的理由',
    merged: '您反映的问题此前已有人反映，已与之合并办理，以下进度和答复即为该件的办理情况。',
    pending: '尚未办结，办结后将在此答复办理结果。',
  },
  en: {
    title: 'Track progress',
    intro: 'Enter the tracking code and secret you were given when you submitted your report.',
    code: 'Tracking code',
    codePlaceholder: '12 letters and digits',
    codeRequired: 'Please enter the tracking code',
    secret: 'Secret',
    secretRequired: 'Please enter the secret',
    query: 'Look up',
    notFound:
      'Nothing found: the tracking code or the secret is wrong. Please check them and try again (the code is not case-sensitive).',
    tooMany: 'Too many look-ups; please try again in {wait}.',
    tooManyNoWait: 'Too many look-ups; please try again later.',
    network: 'Could not reach the server; check your connection and try again.',
    result: 'Your report',
    number: 'Number',
    state: 'State',
    category: 'Kind of pollution',
    received: 'Received',
    accepted: 'Accepted',
    decisionDue: 'Decision on acceptance due',
    finishDue: 'Due to be finished',
    dueDay: 'by {date}',
    closed: 'Closed',
    updated: 'Last updated',
    progress: 'Progress',
    reply: 'Reply',
    rejection: 'Why it was not accepted',
    merged:
      'The same problem had been reported before, and your report is handled together with that one: the progress and reply below are of that report.',
    pending: 'Not finished yet: the reply will be shown here once the case is closed.',
  },
});

interface Values {
  trackingCode?: string;
  secret?: string;
}

/** States with nothing more to come (unless the complainant asks for a review). */
const finalStates: readonly CaseState[] = ['closed', 'rejected'];

/** Solid tag colours with white text at WCAG AA contrast: green when closed, grey when not accepted, else blue. */
const stateColour = (state: CaseState): string =>
  state === 'closed' ? '#1b7f3b' : state === 'rejected' ? '#595959' : '#1f5fbf';

const Progress = ({ view }: { view: PublicComplaintView }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const steps = view.progress;
  const finished = finalStates.includes(view.state);
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={steps.length - 1}
      status={finished ? 'finish' : 'process'}
      aria-label={t('progress')}
      items={steps.map((step) => ({
        key: `${step.at}-${step.state}`,
        title: stateLabels[step.state][language],
        content: formatInstant(step.at, language),
      }))}
    />
  );
};

const Details = ({ view }: { view: PublicComplaintView }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const at = (instant: string | undefined) => (instant ? formatInstant(instant, language) : undefined);
  const items = [
    { key: 'number', label: t('number'), children: view.number },
    {
      key: 'state',
      label: t('state'),
      children: (
        <Tag color={stateColour(view.state)} style={{ fontSize: 14 }} data-testid="tracking-state">
          {stateLabels[view.state][language]}
        </Tag>
      ),
    },
    ...(view.category
      ? [{ key: 'category', label: t('category'), children: categoryLabels[view.category][language] }]
      : []),
    { key: 'received', label: t('received'), children: at(view.receivedAt) },
    ...(view.acceptedAt ? [{ key: 'accepted', label: t('accepted'), children: at(view.acceptedAt) }] : []),
    ...(view.decisionDueDate
      ? [{ key: 'decisionDue', label: t('decisionDue'), children: t('dueDay', { date: view.decisionDueDate }) }]
      : []),
    ...(view.finishDueDate
      ? [{ key: 'finishDue', label: t('finishDue'), children: t('dueDay', { date: view.finishDueDate }) }]
      : []),
    ...(view.closedAt ? [{ key: 'closed', label: t('closed'), children: at(view.closedAt) }] : []),
    { key: 'updated', label: t('updated'), children: at(view.updatedAt) },
  ];
  return (
    <section aria-labelledby="track-result" style={{ marginTop: 24 }}>
      <Card>
        <Typography.Title level={2} id="track-result" style={{ fontSize: 20, marginTop: 0 }}>
          {t('result')}
        </Typography.Title>
        {view.mergedWithEarlierReport && (
          <Alert type="info" showIcon title={t('merged')} style={{ marginBottom: 16 }} />
        )}
        <Descriptions bordered column={1} size="middle" items={items} />
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
          {t('progress')}
        </Typography.Title>
        <Progress view={view} />
        {view.rejectionReason && (
          <>
            <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
              {t('rejection')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{view.rejectionReason}</Typography.Paragraph>
          </>
        )}
        {view.state !== 'rejected' && (
          <>
            <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
              {t('reply')}
            </Typography.Title>
            {view.reply ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="tracking-reply">
                {view.reply}
              </Typography.Paragraph>
            ) : (
              <Typography.Paragraph type="secondary">{t('pending')}</Typography.Paragraph>
            )}
          </>
        )}
      </Card>
    </section>
  );
};

const TrackPage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [view, setView] = useState<PublicComplaintView>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(false);

  const query = async (values: Values) => {
    const trackingCode = (values.trackingCode ?? '').trim().toUpperCase();
    const secret = (values.secret ?? '').trim();
    setLoading(true);
    setFailure(undefined);
    setView(undefined);
    try {
      const { data, error, response } = await api.GET('/v1/public/complaints/{trackingCode}', {
        params: { path: { trackingCode }, header: { 'x-tracking-secret': secret } },
      });
      if (data) {
        setView(data);
        // The code (never the secret) in the address, so that a reload keeps it.
        if (params.get('code') !== trackingCode) setParams({ code: trackingCode }, { replace: true });
        return;
      }
      if (response.status === 404) setFailure(t('notFound'));
      else if (response.status === 429) {
        const wait = retryAfterSeconds(response);
        setFailure(wait ? t('tooMany', { wait: formatWait(wait, language) }) : t('tooManyNoWait'));
      } else {
        const loose = showFieldErrors(form, error, ['trackingCode', 'secret']);
        setFailure(
          loose.length > 0 ? loose.join('；') : (error.errors?.length ?? 0) > 0 ? undefined : problemText(error),
        );
      }
    } catch {
      setFailure(t('network'));
    } finally {
      setLoading(false);
    }
  };

  return (
    <main className="gl-narrow">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={query}
        initialValues={{ trackingCode: params.get('code') ?? '' }}
        style={{ background: '#fff', padding: 24, borderRadius: 8 }}
      >
        <Form.Item
          name="trackingCode"
          label={t('code')}
          rules={[{ required: true, whitespace: true, message: t('codeRequired') }]}
          normalize={(value: string) => value.toUpperCase()}
        >
          <Input
            placeholder={t('codePlaceholder')}
            maxLength={20}
            autoComplete="off"
            spellCheck={false}
            style={{ fontFamily: 'monospace', letterSpacing: 1 }}
          />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('secret')}
          rules={[{ required: true, whitespace: true, message: t('secretRequired') }]}
        >
          <Input.Password autoComplete="off" spellCheck={false} maxLength={200} />
        </Form.Item>
        {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" size="large" loading={loading}>
            {t('query')}
          </Button>
        </Form.Item>
      </Form>
      {view && <Details view={view} />}
    </main>
  );
};

export default TrackPage;
