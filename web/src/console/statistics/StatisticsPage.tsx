/**
 * The statistics page (`/console/statistics`, 统计分析): for a unit (the caller's or one below) and a period of dates
 * received (default 1 January to today, Asia/Shanghai), the counts of the cases received, the closure and on-time
 * rates with their numerators and denominators, the working days to close and the follow-up satisfaction; the
 * enforcement figures of the period (inspections, cases filed, decisions, penalties, transfers, closings); charts by
 * month, by category and by unit below; the table by unit; and the exports of the same view. The unit and period are
 * kept in the address, so a link reproduces the view.
 */
import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Row, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.ts';
import { Section } from '../../common/Section.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { useUnits } from '../cases/case/directory.ts';
import { categoryChart, departmentChart, trendChart } from './charts.ts';
import { DepartmentTable } from './DepartmentTable.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { CountCards, EnforcementCards, RateCards } from './FigureCards.tsx';
import { statisticsMessages } from './messages.ts';
import { StatsChart } from './StatsChart.tsx';
import { useStats, useSystemToday } from './useStats.ts';
import { presetPeriods, type StatsView, searchOf, viewFromSearch } from './view.ts';

const ChartSection = ({ title, note, children }: { title: string; note: string; children: ReactNode }) => {
  const heading = useId();
  return (
    <section aria-labelledby={heading} style={{ height: '100%' }}>
      <Card size="small" style={{ height: '100%' }}>
        <Typography.Title level={3} id={heading} style={{ fontSize: 15, margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {note}
        </Typography.Paragraph>
        {children}
      </Card>
    </section>
  );
};

const StatisticsPage = () => {
  const t = useMessages(statisticsMessages);
  const { language } = useI18n();
  const session = useSession();
  const directory = useUnits();
  const today = useSystemToday();
  const [search, setSearch] = useSearchParams();

  const ownUnit = session?.user.unitId ?? '';
  const { view, complete } = useMemo(() => viewFromSearch(search, { unit: ownUnit, today }), [search, ownUnit, today]);
  // The address always names the view shown, so that it can be copied as it is.
  useEffect(() => {
    if (view && !complete) setSearch(searchOf(view), { replace: true });
  }, [view, complete, setSearch]);
  const setView = (next: StatsView) => setSearch(searchOf(next), { replace: true });

  const stats = useStats(view);
  const data = stats.data;
  const total = data?.department;
  const ownName = t('ownRow');

  const charts = useMemo(() => {
    const words = statisticsMessages[language];
    return (
      data && {
        trend: trendChart(data.month, words, language),
        category: categoryChart(data.category, words, language),
        department: departmentChart(data.department, words, words.ownRow),
      }
    );
  }, [data, language]);

  const readable = directory.units.filter((unit) => unit.path.includes(ownUnit));
  const presets = today ? presetPeriods(today) : undefined;
  const empty = total !== undefined && total.counts.received === 0;

  return (
    <>
      <Space align="baseline" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button onClick={stats.refresh} icon={<SyncOutlined spin={stats.loading} />} aria-busy={stats.loading}>
          {t('refresh')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('intro')}
      </Typography.Paragraph>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" aria-label={t('filters')} style={{ rowGap: 8 }}>
          <Form.Item label={t('unit')} htmlFor="stats-unit">
            <Select
              id="stats-unit"
              style={{ minWidth: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={view?.unit ?? ownUnit}
              loading={directory.units.length === 0 && !directory.error}
              onChange={(unit: string) => view && setView({ ...view, unit })}
              options={
                readable.length > 0
                  ? readable.map((unit) => ({ value: unit.id, label: directory.unitLabel(unit.id) }))
                  : [{ value: view?.unit ?? ownUnit, label: directory.unitName(view?.unit ?? ownUnit) }]
              }
            />
          </Form.Item>
          <Form.Item label={t('period')} htmlFor="stats-period">
            <DatePicker.RangePicker
              id={{ start: 'stats-period', end: 'stats-period-end' }}
              allowClear={false}
              placeholder={[t('periodStart'), t('periodEnd')]}
              value={view ? [dayjs(view.from), dayjs(view.to)] : null}
              disabledDate={(date) => Boolean(today && date.format('YYYY-MM-DD') > today)}
              presets={
                presets &&
                (['thisYear', 'thisMonth', 'lastMonth', 'lastYear'] as const).map((name) => ({
                  label: t(name),
                  value: [dayjs(presets[name].from), dayjs(presets[name].to)],
                }))
              }
              onChange={(dates) => {
                const [from, to] = dates ?? [];
                if (view && from && to) {
                  setView({ ...view, from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
                }
              }}
            />
          </Form.Item>
        </Form>
        <div style={{ marginTop: 12 }}>
          <ExportButtons view={view} />
        </div>
      </Card>

      {stats.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('loadFailed')}
          description={stats.error}
          data-testid="stats-error"
        />
      )}

      {!total && !stats.error && <Skeleton active paragraph={{ rows: 8 }} data-testid="stats-loading" />}

      {total && charts && (
        <div aria-busy={stats.loading} data-testid="stats-figures">
          <Typography.Paragraph strong data-testid="stats-shown-for">
            {t('shownFor', { unit: total.unitName, from: total.from, to: total.to })}
          </Typography.Paragraph>
          <Section title={t('figures')}>
            <CountCards stats={total} />
          </Section>
          <Section title={t('rates')}>
            <RateCards stats={total} />
          </Section>
          <Section title={t('enforcement')}>
            <EnforcementCards stats={total} />
          </Section>
          <Section title={t('charts')}>
            {empty ? (
              <Empty description={t('empty')} data-testid="stats-empty" />
            ) : (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <ChartSection title={t('trend')} note={t('trendNote')}>
                    <StatsChart
                      option={charts.trend.option}
                      label={t('trendLabel', { summary: charts.trend.summary })}
                      testId="stats-chart-month"
                      height={300}
                    />
                  </ChartSection>
                </Col>
                <Col xs={24} xl={12}>
                  <ChartSection title={t('byCategory')} note={t('byCategoryNote')}>
                    {charts.category.rows > 0 ? (
                      <StatsChart
                        option={charts.category.option}
                        label={t('byCategoryLabel', { summary: charts.category.summary })}
                        testId="stats-chart-category"
                        height={Math.max(300, 80 + charts.category.rows * 34)}
                      />
                    ) : (
                      <Empty description={t('empty')} />
                    )}
                  </ChartSection>
                </Col>
                <Col xs={24}>
                  <ChartSection title={t('byDepartment')} note={t('byDepartmentNote')}>
                    <StatsChart
                      option={charts.department.option}
                      label={t('byDepartmentLabel', { summary: charts.department.summary })}
                      testId="stats-chart-department"
                      height={340}
                    />
                  </ChartSection>
                </Col>
              </Row>
            )}
          </Section>
          <Section title={t('table')}>
            <DepartmentTable stats={total} ownName={ownName} />
          </Section>
        </div>
      )}
    </>
  );
};

export default StatisticsPage;
