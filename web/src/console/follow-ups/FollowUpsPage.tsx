/**
 * The operators' call list (`/console/follow-ups`, `GET /v1/follow-ups`): the follow-up calls due by today (or in the
 * next 30 days, `?upcoming=true`), the longest due first, each number masked. Keyboard first: the rows' radios are one
 * group (↑↓ pick a call), Enter moves to the picked call's "显示号码", and the panel beside the list records the call.
 * A call recorded leaves the list (read again), and the next one is picked.
 */
import { Alert, App, Button, Card, Col, ConfigProvider, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, problemText } from '../../api/problems.ts';
import type { CallListEntry } from '../../api/schema.gen.ts';
import { categoryName } from '../../common/labels.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { bureauDay, daysBetween, fetchSystemNow, formatClockTime, formatInstant } from '../cases/case/format.ts';
import { FollowUpPanel, type SaveResult } from './FollowUpPanel.tsx';
import { followUpMessages } from './messages.ts';

const radioName = 'follow-up-row';

/** The picked row's background, light enough for the green case-number link to keep 4.5:1 (antd's default does not). */
const tableTheme = { components: { Table: { rowSelectedBg: '#f0f8f2', rowSelectedHoverBg: '#eef7f1' } } };

const FollowUpsPage = () => {
  const t = useMessages(followUpMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const upcoming = search.get('upcoming') === 'true';
  const [entries, setEntries] = useState<CallListEntry[]>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<number>();
  const [today, setToday] = useState(() => bureauDay(Date.now()));
  const [selected, setSelected] = useState<string>();
  const revealRef = useRef<HTMLButtonElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const listHeading = useId();
  const panelHeading = useId();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [{ data, error, response }, now] = await Promise.all([
        api.GET('/v1/follow-ups', { params: { query: upcoming ? { upcoming: 'true' } : {} } }),
        fetchSystemNow(),
      ]);
      setToday(bureauDay(now));
      if (data) {
        setEntries(data);
        setFailure(undefined);
        setUpdatedAt(Date.now());
        // Keep the pick while it is listed; else the first call.
        setSelected((current) =>
          current && data.some((entry) => entry.surveyId === current) ? current : data[0]?.surveyId,
        );
      } else setFailure(isProblem(error) ? problemText(error) : String(response.status));
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setLoading(false);
    }
  }, [upcoming]);

  useEffect(() => {
    void load();
  }, [load]);

  const selectedEntry = entries?.find((entry) => entry.surveyId === selected);

  const focusSelectedRow = () =>
    requestAnimationFrame(() =>
      tableRef.current?.querySelector<HTMLInputElement>(`input[name="${radioName}"]:checked`)?.focus(),
    );

  const done = async (result: SaveResult, entry: CallListEntry) => {
    if ('stale' in result) message.warning(`${t('stale')}（${result.stale}）`);
    else {
      message.success(
        t('saved', {
          number: entry.caseNumber,
          what: result.saved === 'answered' ? t('savedAnswer') : t('savedUnreachable'),
        }),
      );
    }
    await load();
    focusSelectedRow();
  };

  /** Enter on a row's radio: on to the call's "显示号码". */
  const onRadioKey = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    revealRef.current?.focus();
  };

  const dueTag = (day: string) => {
    const days = daysBetween(today, day);
    if (days === 0) return <Tag color="#1f5fbf">{t('dueToday')}</Tag>;
    if (days < 0) return <Tag color="#c62828">{t('overdue', { days: -days })}</Tag>;
    return <Tag>{t('notYet')}</Tag>;
  };

  const columns: ColumnsType<CallListEntry> = [
    {
      title: t('number'),
      key: 'number',
      className: 'gl-nowrap',
      render: (_, entry) => (
        <Link to={`/console/cases/${entry.caseId}`} data-testid="follow-up-number">
          {entry.caseNumber}
        </Link>
      ),
    },
    {
      title: t('category'),
      key: 'category',
      className: 'gl-nowrap',
      render: (_, entry) => categoryName(entry.category, language),
    },
    { title: t('town'), key: 'town', render: (_, entry) => entry.town ?? '—' },
    { title: t('closedAt'), key: 'closedAt', render: (_, entry) => formatInstant(entry.closedAt) },
    {
      title: t('due'),
      key: 'due',
      render: (_, entry) => (
        <Space size={4} wrap>
          {entry.callDueDate}
          {dueTag(entry.callDueDate)}
        </Space>
      ),
    },
    {
      title: t('attempts'),
      key: 'attempts',
      className: 'gl-nowrap',
      render: (_, entry) => t('attemptsCount', { count: entry.attempts }),
    },
    { title: t('phone'), key: 'phone', className: 'gl-nowrap', render: (_, entry) => entry.phoneHint ?? '—' },
  ];

  return (
    <>
      <Space align="baseline" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          <Space size={6}>
            <Switch
              id="follow-ups-upcoming"
              checked={upcoming}
              onChange={(checked) => setSearch(checked ? { upcoming: 'true' } : {}, { replace: true })}
            />
            <label htmlFor="follow-ups-upcoming">{t('upcoming')}</label>
          </Space>
          <Typography.Text type="secondary" aria-live="polite" data-testid="follow-ups-updated">
            {updatedAt ? t('updatedAt', { time: formatClockTime(updatedAt) }) : ''}
          </Typography.Text>
          <Button onClick={() => void load()} loading={loading}>
            {t('refresh')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('intro')}
      </Typography.Paragraph>
      {failure && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('loadFailed')} description={failure} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <section aria-labelledby={listHeading} style={{ marginBottom: 16 }}>
            <Card
              title={
                <Typography.Title level={2} id={listHeading} style={{ fontSize: 16, margin: 0 }}>
                  {t('list')}
                </Typography.Title>
              }
              extra={
                entries && (
                  <Typography.Text type="secondary" data-testid="follow-ups-count">
                    {t('count', { count: entries.length })}
                  </Typography.Text>
                )
              }
            >
              <div ref={tableRef} data-testid="follow-ups">
                <ConfigProvider theme={tableTheme}>
                  <Table<CallListEntry>
                    className="gl-call-list"
                    rowKey="surveyId"
                    size="small"
                    columns={columns}
                    dataSource={entries ?? []}
                    loading={loading && !entries}
                    pagination={false}
                    locale={{ emptyText: <Typography.Text type="secondary">{t('empty')}</Typography.Text> }}
                    rowSelection={{
                      type: 'radio',
                      selectedRowKeys: selected ? [selected] : [],
                      onChange: (keys) => setSelected(keys[0] === undefined ? undefined : String(keys[0])),
                      getCheckboxProps: (entry) => ({
                        name: radioName,
                        'aria-label': t('select', { number: entry.caseNumber }),
                        onKeyDown: onRadioKey,
                      }),
                    }}
                    onRow={(entry) => ({
                      onClick: (event) => {
                        if ((event.target as HTMLElement).closest('a')) return;
                        setSelected(entry.surveyId);
                      },
                    })}
                  />
                </ConfigProvider>
              </div>
            </Card>
          </section>
        </Col>
        <Col xs={24} xl={8}>
          <section aria-labelledby={panelHeading} style={{ marginBottom: 16 }}>
            <Card
              title={
                <Typography.Title level={2} id={panelHeading} style={{ fontSize: 16, margin: 0 }}>
                  {t('panel')}
                </Typography.Title>
              }
            >
              {selectedEntry ? (
                <FollowUpPanel
                  key={`${selectedEntry.surveyId}-${selectedEntry.version}`}
                  entry={selectedEntry}
                  revealRef={revealRef}
                  onDone={(result) => void done(result, selectedEntry)}
                />
              ) : (
                <Typography.Text type="secondary">{t('noSelection')}</Typography.Text>
              )}
            </Card>
          </section>
        </Col>
      </Row>
    </>
  );
};

export default FollowUpsPage;
