/**
 * Grading (`/console/grading`, 绩效分级): the grade distribution of the register as a chart, and the assessments
 * waiting for the caller by status (`GET /v1/grading/assessments?status=`): to review for lead officials and
 * supervisors, to publish for supervisors and administrators, returned and drafts for preparers. The tab is kept in
 * the address.
 *
 * The distribution is counted by the API from the grade index (`GET /v1/enterprises/grade-counts`), every firm counted.
 */
import { Alert, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Assessment } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { formatInstant } from '../cases/case/format.ts';
import { failureReason } from '../statistics/problem.ts';
import type { ChartOption } from '../statistics/StatsChart.tsx';
import { StatsChart } from '../statistics/StatsChart.tsx';
import {
  type AssessmentStatus,
  ExampleSchemeTag,
  type Grade,
  GradeTag,
  gradeColours,
  gradeLabels,
  gradeOrder,
  statusColours,
  statusLabels,
  ungradedLabel,
} from './labels.tsx';
import { gradingMessages } from './messages.ts';

type Bucket = Grade | 'none';
const buckets: readonly Bucket[] = [...gradeOrder, 'none'];

interface Count {
  readonly bucket: Bucket;
  readonly count: number;
}

const useGradeCounts = () => {
  const [counts, setCounts] = useState<Count[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void api.GET('/v1/enterprises/grade-counts').then(({ data, error: problem, response }) => {
      if (!live) return;
      if (data) setCounts(buckets.map((bucket) => ({ bucket, count: data.counts[bucket] })));
      else setError(failureReason(problem, response));
    });
    return () => {
      live = false;
    };
  }, []);
  return { counts, error };
};

const queuesByRole: readonly {
  status: AssessmentStatus;
  roles: readonly string[];
  key: 'queueSubmitted' | 'queueAccepted' | 'queueReturned' | 'queueDraft';
}[] = [
  { status: 'submitted', roles: ['lead', 'supervisor'], key: 'queueSubmitted' },
  { status: 'accepted', roles: ['supervisor', 'admin'], key: 'queueAccepted' },
  { status: 'returned', roles: ['handler', 'admin'], key: 'queueReturned' },
  { status: 'draft', roles: ['handler', 'admin'], key: 'queueDraft' },
];

const Queue = ({ status }: { status: AssessmentStatus }) => {
  const t = useMessages(gradingMessages);
  const { language } = useI18n();
  const [items, setItems] = useState<Assessment[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setItems(undefined);
    api
      .GET('/v1/grading/assessments', { params: { query: { status, limit: 100 } } })
      .then(({ data, error: problem, response }) => {
        if (!live) return;
        if (data) setItems(data.items);
        else setError(failureReason(problem, response));
      });
    return () => {
      live = false;
    };
  }, [status]);
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Table<Assessment>
      size="small"
      rowKey="id"
      loading={items === undefined}
      dataSource={items ?? []}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: <Typography.Text type="secondary">{t('queueEmpty')}</Typography.Text> }}
      columns={[
        {
          key: 'enterprise',
          title: t('enterprise'),
          render: (_, item) => <Link to={`/console/grading/assessments/${item.id}`}>{item.enterpriseName}</Link>,
        },
        {
          key: 'industry',
          title: t('industry'),
          render: (_, item) => (
            <Space size={4} wrap>
              {item.industryName}
              {item.schemeExample && <ExampleSchemeTag />}
            </Space>
          ),
        },
        {
          key: 'status',
          title: t('status'),
          render: (_, item) => <Tag color={statusColours[item.status]}>{statusLabels[item.status][language]}</Tag>,
        },
        { key: 'grade', title: t('computed'), render: (_, item) => <GradeTag grade={item.result.grade} /> },
        { key: 'updated', title: t('updatedAt'), render: (_, item) => formatInstant(item.updatedAt) },
      ]}
    />
  );
};

const GradingPage = () => {
  const t = useMessages(gradingMessages);
  const { language } = useI18n();
  const session = useSession();
  const [search, setSearch] = useSearchParams();
  const { counts, error } = useGradeCounts();
  const roles = session?.user.roles ?? [];
  const queues = queuesByRole.filter((queue) => queue.roles.some((role) => roles.includes(role as never)));
  const active = queues.find((queue) => queue.status === search.get('queue'))?.status ?? queues[0]?.status;

  const chart = useMemo(() => {
    if (!counts) return undefined;
    const name = (bucket: Bucket) => (bucket === 'none' ? ungradedLabel[language] : gradeLabels[bucket][language]);
    const option: ChartOption = {
      textStyle: { fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans SC', sans-serif" },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: counts.map((count) => name(count.bucket)), axisLabel: { color: '#262626' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#262626' } },
      series: [
        {
          type: 'bar',
          name: t('distribution'),
          barMaxWidth: 48,
          label: {
            show: true,
            position: 'top',
            color: '#262626',
          },
          data: counts.map((count) => ({
            value: count.count,
            itemStyle: { color: count.bucket === 'none' ? '#8c8c8c' : gradeColours[count.bucket] },
          })),
        },
      ],
    };
    return {
      option,
      summary: counts.map((count) => `${name(count.bucket)} ${count.count}`).join('；'),
      total: counts.reduce((sum, count) => sum + count.count, 0),
    };
  }, [counts, language, t]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
          {t('gradingTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('gradingIntro')} <Link to="/console/enterprises">{t('searchEnterprises')}</Link>
        </Typography.Text>
      </div>
      <section aria-labelledby="grade-distribution">
        <Card
          title={
            <Typography.Title level={2} id="grade-distribution" style={{ fontSize: 16, margin: 0 }}>
              {t('distribution')}
            </Typography.Title>
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('distributionNote')}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} />}
          {chart && chart.total === 0 && <Empty />}
          {chart && chart.total > 0 && (
            <div data-testid="grade-distribution" data-summary={chart.summary}>
              <StatsChart
                option={chart.option}
                label={t('distributionLabel', { summary: chart.summary })}
                testId="grade-chart"
                height={300}
              />
            </div>
          )}
        </Card>
      </section>
      {queues.length > 0 && active && (
        <section aria-labelledby="assessment-queue">
          <Card
            title={
              <Typography.Title level={2} id="assessment-queue" style={{ fontSize: 16, margin: 0 }}>
                {t('queue')}
              </Typography.Title>
            }
          >
            <Tabs
              activeKey={active}
              onChange={(key) => setSearch({ queue: key }, { replace: true })}
              items={queues.map((queue) => ({
                key: queue.status,
                label: t(queue.key),
                children: queue.status === active ? <Queue status={queue.status} /> : null,
              }))}
            />
          </Card>
        </section>
      )}
    </Space>
  );
};

export default GradingPage;
