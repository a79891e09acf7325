/**
 * The inspection records of a quarter (`/console/inspections/records?period=2026-Q2`, `GET /v1/inspections`): each
 * with its number, day, firm, inspectors, outcome, findings, when it was published against the publication deadline
 * (late ones flagged), and the rectification problem or enforcement case a finding opened. The quarter (and a draw,
 * `?drawId=`) is kept in the URL; without one the system's current quarter is shown. Recorders (handlers, leads,
 * supervisors, administrators) record an inspection from here; a record just made is named at the top.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Inspection } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { FirmCell } from '../../common/FirmCell.tsx';
import { ListHeading } from '../../common/ListHeading.tsx';
import { ListTable } from '../../common/ListTable.tsx';
import { quarterOf, quarterPattern, shiftQuarter } from '../../common/quarters.ts';
import { RetryAlert } from '../../common/RetryAlert.tsx';
import { withChanges } from '../../common/searchParams.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { bureauDay, fetchSystemNow, formatInstant } from '../cases/case/format.ts';
import { failureReason } from '../statistics/problem.ts';
import { type InspectionOutcome, outcomeLabels } from './labels.ts';
import { recordMessages } from './recordMessages.ts';

/** Who records inspections and enforcement cases (the API's rule). */
const recorderRoles = ['handler', 'lead', 'supervisor', 'admin'];

/** Outcome colours: white text on each meets 4.5:1. */
const outcomeColours: Readonly<Record<InspectionOutcome, string>> = {
  'no-issue': '#16803c',
  'issues-found': '#8a5a00',
  'rectification-ordered': '#ad4e00',
  'case-filed': '#c62828',
};

/** `period` and the seven quarters before it, newest first. */
const quartersTo = (period: string): string[] => Array.from({ length: 8 }, (_, back) => shiftQuarter(period, -back));

const OutcomeTag = ({ outcome }: { outcome: InspectionOutcome }) => {
  const { language } = useI18n();
  return (
    <Tag color={outcomeColours[outcome]} data-outcome={outcome}>
      {outcomeLabels[outcome][language]}
    </Tag>
  );
};

const InspectionRecordsPage = () => {
  const t = useMessages(recordMessages);
  const navigate = useNavigate();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const roles = useSession()?.user.roles ?? [];
  const recorder = roles.some((role) => recorderRoles.includes(role));
  const [today, setToday] = useState<string>();
  const [records, setRecords] = useState<Inspection[]>();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string>();
  const recorded = (location.state as { recorded?: string } | null)?.recorded;

  useEffect(() => {
    void fetchSystemNow().then((now) => setToday(bureauDay(now)));
  }, []);

  const asked = search.get('period')?.toUpperCase();
  const period = asked && quarterPattern.test(asked) ? asked : today ? quarterOf(today) : undefined;
  const drawId = search.get('drawId') ?? undefined;

  const load = useCallback(async () => {
    if (!period) return;
    setLoading(true);
    setFailure(undefined);
    try {
      const { data, error, response } = await api.GET('/v1/inspections', {
        params: { query: { period, ...(drawId ? { drawId } : {}) } },
      });
      if (data) setRecords(data);
      else setFailure(failureReason(error, response));
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setLoading(false);
    }
  }, [period, drawId]);

  useEffect(() => {
    void load();
  }, [load]);

  // A record just made is named once: a change of the view forgets it.
  const go = (changes: Record<string, string | undefined>) =>
    setSearch(withChanges(search, changes), { replace: false, state: null });

  const periods = [...new Set([...(today ? quartersTo(quarterOf(today)) : []), ...(period ? [period] : [])])].sort(
    (a, b) => b.localeCompare(a),
  );
  const items = records ?? [];
  const late = items.filter((item) => item.publishedLate).length;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ListHeading title={t('recordsTitle')} intro={t('recordsIntro')}>
        {recorder && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => navigate('/console/inspections/records/new')}
          >
            {t('recordNew')}
          </Button>
        )}
        <Button onClick={() => navigate('/console/inspections/enforcement')}>{t('toEnforcement')}</Button>
      </ListHeading>
      {recorded && (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="recorded-notice"
          title={t('recordedNotice', { number: recorded })}
        />
      )}
      <Card>
        <Form layout="inline" aria-label={t('filters')} style={{ rowGap: 12 }}>
          <Form.Item label={t('period')} htmlFor="records-period">
            <Select<string>
              id="records-period"
              value={period}
              style={{ width: 160 }}
              options={periods.map((value) => ({ value, label: value }))}
              onChange={(value) => go({ period: value })}
              data-testid="records-period"
            />
          </Form.Item>
          {drawId && (
            <Form.Item label={t('draw')}>
              <Space>
                <Link to={`/console/inspections/draws/${drawId}`}>{drawId}</Link>
                <Button size="small" onClick={() => go({ drawId: undefined })}>
                  {t('allRecords')}
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form>
      </Card>
      {failure && (
        <RetryAlert title={t('recordsFailed')} reason={failure} retry={t('retry')} onRetry={() => void load()} />
      )}
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Typography.Text data-testid="records-count" aria-busy={loading || !records}>
            {t('recordsCount', { count: items.length })}
            {late > 0 ? ` · ${t('lateCount', { count: late })}` : ''}
          </Typography.Text>
        }
      >
        <ListTable<Inspection>
          items={items}
          empty={t('recordsEmpty')}
          loading={loading}
          data-testid="inspection-records"
          onRow={(item) =>
            ({
              'data-number': item.number,
              ...(item.number === recorded ? { style: { background: '#f0f7f2' } } : {}),
            }) as React.HTMLAttributes<HTMLElement>
          }
          expandable={{
            expandedRowRender: (item) => <RecordDetails item={item} />,
            expandRowByClick: false,
          }}
          columns={[
            {
              key: 'number',
              title: t('number'),
              render: (_, item) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                    {item.number}
                  </Typography.Text>
                  {item.drawId ? (
                    <Link to={`/console/inspections/draws/${item.drawId}`}>{t('drawn')}</Link>
                  ) : (
                    <Typography.Text type="secondary">{t('adHoc')}</Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              key: 'date',
              title: t('date'),
              render: (_, item) => <span style={{ whiteSpace: 'nowrap' }}>{item.date}</span>,
            },
            {
              key: 'firm',
              title: t('firm'),
              render: (_, item) => <FirmCell uscc={item.uscc} name={item.enterpriseName} />,
            },
            {
              key: 'inspectors',
              title: t('inspectors'),
              render: (_, item) => item.inspectors.map((inspector) => inspector.name).join('、'),
            },
            { key: 'outcome', title: t('outcome'), render: (_, item) => <OutcomeTag outcome={item.outcome} /> },
            {
              key: 'findings',
              title: t('findingsCount'),
              align: 'right',
              render: (_, item) => item.findings.length,
            },
            {
              key: 'published',
              title: t('published'),
              render: (_, item) => (
                <Space orientation="vertical" size={0}>
                  <span>{formatInstant(item.publishedAt)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('publishBy', { day: item.publishBy })}
                  </Typography.Text>
                  {item.publishedLate && (
                    <Tag color="#c62828" data-testid="published-late">
                      {t('publishedLate')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              key: 'opened',
              title: t('opened'),
              render: (_, item) => <OpenedLinks item={item} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
};

/** The problems and cases the findings of a record opened, as links. */
const OpenedLinks = ({ item }: { item: Inspection }) => {
  const t = useMessages(recordMessages);
  const links = item.findings.flatMap((finding) => [
    ...(finding.rectificationCaseId
      ? [
          <Link
            key={finding.rectificationCaseId}
            to={`/console/cases/${finding.rectificationCaseId}`}
            data-testid="rectification-link"
          >
            {t('rectificationLink', { number: finding.rectificationNumber ?? finding.rectificationCaseId })}
          </Link>,
        ]
      : []),
    ...(finding.enforcementCaseId
      ? [
          <Link
            key={finding.enforcementCaseId}
            to={`/console/inspections/enforcement?period=${item.date.slice(0, 4)}&case=${finding.enforcementCaseId}`}
            data-testid="enforcement-link"
          >
            {t('enforcementLink')}
          </Link>,
        ]
      : []),
  ]);
  return links.length > 0 ? (
    <Space orientation="vertical" size={0}>
      {links}
    </Space>
  ) : (
    '—'
  );
};

/** A record's text: what was checked and found, the evidence, who recorded it. */
const RecordDetails = ({ item }: { item: Inspection }) => {
  const t = useMessages(recordMessages);
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('itemsChecked')}>
        {item.itemsChecked
          .map((each) => (each.label === each.code ? each.code : `${each.code} ${each.label}`))
          .join('；')}
      </Descriptions.Item>
      <Descriptions.Item label={t('summary')}>{item.summary}</Descriptions.Item>
      <Descriptions.Item label={t('findings')}>
        {item.findings.length === 0 ? (
          t('noFindings')
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {item.findings.map((finding, index) => (
              // The findings of a record never change: their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                {finding.description}
                {finding.item ? `（${finding.item}）` : ''}
                {finding.violation && (
                  <Tag color="#c62828" style={{ marginInlineStart: 8 }}>
                    {finding.serious ? t('seriousViolation') : t('violation')}
                  </Tag>
                )}
              </li>
            ))}
          </ol>
        )}
      </Descriptions.Item>
      {item.substitutionReason && (
        <Descriptions.Item label={t('substitutionReason')}>{item.substitutionReason}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('inspectors')}>
        {item.inspectors.map((inspector) => `${inspector.name}（${inspector.certificateNumber}）`).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={t('evidence')}>
        {item.evidence.length === 0 ? '—' : item.evidence.map((file) => file.fileName).join('、')}
      </Descriptions.Item>
      {item.violationRecorded && (
        <Descriptions.Item label={t('firmRecord')}>
          {item.regradeFlagged ? t('regradeFlagged') : t('violationRecorded')}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('recordedBy')}>
        {item.recordedBy} · {formatInstant(item.recordedAt)}
      </Descriptions.Item>
    </Descriptions>
  );
};

export default InspectionRecordsPage;
