/**
 * The working calendar of a year (`GET /v1/admin/calendar/{year}`): its statutory holidays and make-up working days,
 * where they come from (the holiday library, or entered by an admin), as a list and on a month calendar. Admins enter
 * a year's State Council notice (`PUT`); supervisors read. The year is kept in the URL (`?year=2026`).
 */
import { Alert, Button, Calendar, Card, Col, DatePicker, Flex, List, Row, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { problemText } from '../../api/problems.ts';
import { useSession } from '../../auth/session.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/i18n.tsx';
import './calendar/calendar.css';
import { CalendarEditor } from './calendar/CalendarEditor.tsx';
import { type CalendarDay, type CalendarYear, runsOf } from './calendar/calendarDays.ts';

const messages = defineMessages({
  zh: {
    title: '节假日与调休',
    intro: '按工作日计算的办理时限依据此日历：法定节假日不计，调休上班日计为工作日。',
    year: '年份',
    source: '数据来源',
    library: '节假日库',
    admin: '管理员录入',
    none: '无数据',
    noData: '{year} 年还没有节假日数据：按工作日计算、落在该年的期限仅供参考并被标记。请在国务院公布节假日安排后录入。',
    enter: '录入节假日安排',
    edit: '修改节假日安排',
    readOnly: '您可查看日历；只有系统管理员可以录入或修改。',
    list: '节假日安排',
    calendar: '日历',
    holiday: '放假',
    makeup: '调休上班',
    holidayMark: '休',
    makeupMark: '班',
    days: '{count} 天',
    to: '至',
    empty: '该年没有节假日或调休上班日',
    previous: '上个月',
    next: '下个月',
    month: '{year} 年 {month} 月',
    show: '在日历中查看',
    saved: '{year} 年节假日安排已保存',
    failed: '日历加载失败',
  },
  en: {
    title: 'Holidays and make-up days',
    intro: 'Working-day time limits follow this calendar: statutory holidays do not count, make-up working days do.',
    year: 'Year',
    source: 'Source',
    library: 'Holiday library',
    admin: 'Entered by an admin',
    none: 'No data',
    noData:
      '{year} has no holiday data yet: working-day deadlines falling in it are flagged as provisional. Enter the State Council notice once published.',
    enter: 'Enter the holidays',
    edit: 'Change the holidays',
    readOnly: 'You may read the calendar; only administrators enter or change it.',
    list: 'Holidays',
    calendar: 'Calendar',
    holiday: 'Holiday',
    makeup: 'Make-up working day',
    holidayMark: 'Off',
    makeupMark: 'Work',
    days: '{count} days',
    to: 'to',
    empty: 'No holiday or make-up day in this year',
    previous: 'Previous month',
    next: 'Next month',
    month: '{month}/{year}',
    show: 'Show on the calendar',
    saved: 'The holidays of {year} are saved',
    failed: 'Could not load the calendar',
  },
});

const holidayColour = '#c62828';
const makeupColour = '#1f5fbf';

const CalendarPage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const isAdmin = useSession()?.user.roles.includes('admin') ?? false;
  const [search, setSearch] = useSearchParams();
  const thisYear = dayjs().year();
  const requested = Number(search.get('year'));
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear;
  const [calendar, setCalendar] = useState<CalendarYear>();
  const [error, setError] = useState<string>();
  const [month, setMonth] = useState<Dayjs>(() => (year === thisYear ? dayjs() : dayjs(`${year}-01-01`)));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = useCallback(async () => {
    const { data, error: problem } = await api.GET('/v1/admin/calendar/{year}', { params: { path: { year } } });
    if (problem) {
      setError(problemText(problem));
      setCalendar(undefined);
    } else {
      setError(undefined);
      setCalendar(data);
    }
  }, [year]);

  useEffect(() => {
    void load();
    setMonth(year === dayjs().year() ? dayjs() : dayjs(`${year}-01-01`));
    setSaved(false);
  }, [load, year]);

  const byDate = useMemo(
    () => new Map<string, CalendarDay>((calendar?.days ?? []).map((day) => [day.date, day])),
    [calendar],
  );
  const runs = useMemo(() => runsOf(calendar?.days ?? []), [calendar]);
  const weekday = (date: string) =>
    dayjs(date)
      .locale(language === 'zh' ? 'zh-cn' : 'en')
      .format('ddd');

  const cell = (date: Dayjs) => {
    const day = byDate.get(date.format('YYYY-MM-DD'));
    if (!day) return null;
    const holiday = day.kind === 'holiday';
    return (
      <Tag
        variant="solid"
        color={holiday ? holidayColour : makeupColour}
        style={{ color: '#fff', marginInlineEnd: 0 }}
        data-date={day.date}
        data-kind={day.kind}
      >
        {holiday ? t('holidayMark') : t('makeupMark')}
        {day.name ? ` ${day.name}` : ''}
      </Tag>
    );
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={1} style={{ marginBottom: 4 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        <Space wrap>
          <label htmlFor="calendar-year">{t('year')}</label>
          <DatePicker
            id="calendar-year"
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(value) => value && setSearch({ year: String(value.year()) })}
          />
          {isAdmin && calendar ? (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="edit-calendar">
              {calendar.source === 'admin' ? t('edit') : t('enter')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {isAdmin ? null : <Alert type="info" showIcon title={t('readOnly')} />}
      {saved ? <Alert type="success" showIcon role="status" title={t('saved', { year })} /> : null}
      {error ? <Alert type="error" showIcon title={t('failed')} description={error} /> : null}
      {calendar && !calendar.hasData ? <Alert type="warning" showIcon title={t('noData', { year })} /> : null}
      {calendar ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card
              title={
                <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                  {t('list')}
                </Typography.Title>
              }
              extra={
                <Space size={4}>
                  <Typography.Text>{t('source')}：</Typography.Text>
                  <Tag data-testid="calendar-source">{t(calendar.source)}</Tag>
                </Space>
              }
            >
              <List
                data-testid="calendar-list"
                dataSource={runs}
                locale={{ emptyText: t('empty') }}
                renderItem={(run) => (
                  <List.Item
                    actions={[
                      <Button key="show" type="link" size="small" onClick={() => setMonth(dayjs(run.from))}>
                        {t('show')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space size="small" wrap>
                          <Tag
                            variant="solid"
                            color={run.kind === 'holiday' ? holidayColour : makeupColour}
                            style={{ color: '#fff' }}
                          >
                            {run.kind === 'holiday' ? t('holiday') : t('makeup')}
                          </Tag>
                          <span>{run.name ?? ''}</span>
                        </Space>
                      }
                      description={
                        run.from === run.to
                          ? `${run.from}（${weekday(run.from)}）`
                          : `${run.from} ${t('to')} ${run.to}，${t('days', { count: run.count })}`
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card
              title={
                <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                  {t('calendar')}
                </Typography.Title>
              }
            >
              <Calendar
                className="gl-holiday-calendar"
                value={month}
                onChange={setMonth}
                validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
                cellRender={(date, info) => (info.type === 'date' ? cell(date) : null)}
                headerRender={() => (
                  <Flex justify="space-between" align="center" style={{ paddingBottom: 12 }}>
                    <Button onClick={() => setMonth(month.subtract(1, 'month'))} disabled={month.month() === 0}>
                      {t('previous')}
                    </Button>
                    <Typography.Text strong aria-live="polite" data-testid="calendar-month">
                      {t('month', { year: month.year(), month: month.month() + 1 })}
                    </Typography.Text>
                    <Button onClick={() => setMonth(month.add(1, 'month'))} disabled={month.month() === 11}>
                      {t('next')}
                    </Button>
                  </Flex>
                )}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      {isAdmin && calendar ? (
        <CalendarEditor
          key={`${calendar.year}-${calendar.source}-${calendar.days.length}`}
          calendar={calendar}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(stored) => {
            setEditing(false);
            setCalendar(stored);
            setSaved(true);
          }}
        />
      ) : null}
    </Space>
  );
};

export default CalendarPage;
