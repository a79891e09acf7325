/**
 * The look-backs due (`GET /v1/rectification-problems/look-backs?due=`): struck-off problems whose look-back falls due
 * by the day chosen (today when none; kept in the URL as `due`), earliest first, each linked to its page, where the
 * office records it with the `回头看` action.
 */
import { Alert, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { LookBacksDue as LookBacks } from '../../api/schema.gen.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { failureReason } from '../statistics/problem.ts';
import { sourceLabels } from './labels.ts';
import { rectificationMessages } from './messages.ts';

export const LookBacksDue = () => {
  const t = useMessages(rectificationMessages);
  const { language } = useI18n();
  const [search, setSearch] = useSearchParams();
  const due = search.get('due') ?? undefined;
  const [result, setResult] = useState<LookBacks>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .GET('/v1/rectification-problems/look-backs', { params: { query: due ? { due } : {} } })
      .then(({ data, error: problem, response }) => {
        if (!live) return;
        setResult(data);
        setError(data ? undefined : failureReason(problem, response));
      })
      .catch((cause: unknown) => live && setError(cause instanceof Error ? cause.message : String(cause)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [due]);

  const setDue = (day: string | undefined) => {
    const next = new URLSearchParams(search);
    if (day) next.set('due', day);
    else next.delete('due');
    setSearch(next);
  };

  return (
    <section aria-labelledby="look-backs-title">
      <Card
        title={
          <Typography.Title level={2} id="look-backs-title" style={{ fontSize: 16, margin: 0 }}>
            {t('lookBacksTitle')}
          </Typography.Title>
        }
        extra={
          <Space>
            <label htmlFor="look-backs-due">{t('lookBacksDue')}</label>
            <DatePicker
              id="look-backs-due"
              format="YYYY-MM-DD"
              value={dayjs(result?.due ?? due)}
              allowClear={false}
              onChange={(day) => setDue(day ? day.format('YYYY-MM-DD') : undefined)}
            />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('lookBacksIntro')}</Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon title={t('lookBacksFailed', { reason: error })} style={{ marginBottom: 12 }} />
        )}
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={result?.items ?? []}
          pagination={false}
          data-testid="look-backs-due"
          locale={{ emptyText: <Typography.Text type="secondary">{t('lookBacksEmpty')}</Typography.Text> }}
          columns={[
            {
              key: 'number',
              title: t('number'),
              render: (_, item) => <Link to={`/console/cases/${item.id}`}>{item.number}</Link>,
            },
            { key: 'title', title: t('description'), render: (_, item) => item.title ?? '—' },
            {
              key: 'source',
              title: t('source'),
              render: (_, item) => (item.source ? sourceLabels[item.source][language] : '—'),
            },
            { key: 'due', title: t('lookBackDueDate'), render: (_, item) => item.lookBackDue ?? '—' },
          ]}
        />
      </Card>
    </section>
  );
};
