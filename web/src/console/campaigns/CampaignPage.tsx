/**
 * One campaign (`/console/campaigns/:id`, `GET /v1/campaigns/{id}`): its phases with their dates and the one under
 * way, the leading group and plan, the figures (tasks done, this week's reports), the numbered tasks with their
 * department, leader and person, their cases' state and colour and their weekly report status; the tasks × weeks grid;
 * and the weekly progress notes (`GET …/progress`, filtered by week and task in the address), with a dialog to file a
 * note for a task's week. Right after creation it also lists the rows' notes the API gave.
 */
import { Alert, Button, Col, Descriptions, Row, Select, Space, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Campaign, CampaignPerson, CampaignRowReport, CampaignTask, ProgressNote } from '../../api/schema.gen.ts';
import { ColourTag } from '../../common/ColourTag.tsx';
import { stateLabels } from '../../common/labels.ts';
import { RecordLoading } from '../../common/RecordLoading.tsx';
import { Section } from '../../common/Section.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { usePeople, useUnits } from '../cases/case/directory.ts';
import { formatInstant } from '../cases/case/format.ts';
import { readFailure } from '../statistics/problem.ts';
import { CampaignGrid } from './CampaignGrid.tsx';
import { type CampaignMessage, campaignMessages } from './messages.ts';
import { ProgressModal, type ProgressTarget } from './ProgressModal.tsx';
import { PhaseTag, ReportStatusTag } from './parts.tsx';

const personName = (person: CampaignPerson | undefined, people: (username: string) => string) =>
  person ? (person.username ? people(person.username).replace(/（.*）$/, '') : person.name) : '';

const CampaignPage = () => {
  const t = useMessages(campaignMessages);
  const { language } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { report?: CampaignRowReport[] } | null)?.report;
  const [search, setSearch] = useSearchParams();
  const directory = useUnits();
  const people = usePeople();
  const [campaign, setCampaign] = useState<Campaign>();
  const [failure, setFailure] = useState<string>();
  const [notes, setNotes] = useState<ProgressNote[]>();
  const [target, setTarget] = useState<ProgressTarget>();
  const weekFilter = search.get('week') ?? undefined;
  const taskFilter = Number(search.get('task')) || undefined;

  const load = useCallback(async () => {
    const { data, error, response } = await api.GET('/v1/campaigns/{id}', { params: { path: { id } } });
    if (data) {
      setCampaign(data);
      setFailure(undefined);
    } else setFailure(readFailure(error, response));
  }, [id]);

  const loadNotes = useCallback(async () => {
    const { data } = await api.GET('/v1/campaigns/{id}/progress', {
      params: { path: { id }, query: { week: weekFilter, taskNumber: taskFilter } },
    });
    setNotes(data?.items ?? []);
  }, [id, weekFilter, taskFilter]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void loadNotes();
  }, [loadNotes]);

  const setFilter = (name: 'week' | 'task', value: string | number | undefined) => {
    const next = new URLSearchParams(search);
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, String(value));
    setSearch(next, { replace: true, state: location.state });
  };

  const back = (
    <div>
      <Link to="/console/campaigns">← {t('back')}</Link>
    </div>
  );
  if (!campaign) {
    return (
      <>
        {back}
        <RecordLoading
          failure={failure}
          onRetry={() => void load()}
          texts={{ loadFailed: t('loadFailed'), notFound: t('notFound'), retry: t('retry') }}
          style={{ marginTop: 16 }}
        />
      </>
    );
  }

  const { today } = campaign;
  const phaseIndex = campaign.phases.findIndex((phase) => phase.from <= today && today <= phase.to);
  const passed = campaign.phases.filter((phase) => phase.to < today).length;
  const group = campaign.leadingGroup;
  const names = (list: readonly CampaignPerson[]) =>
    list.length > 0 ? list.map((person) => personName(person, people)).join('、') : t('noneNamed');
  const figures = campaign.figures;
  const latestWeek = [...figures.weeks].reverse().find((week) => week.dueDate < today) ?? figures.weeks[0];
  const warned = (created ?? []).filter((row) => row.warnings.length > 0);
  const inheritedNames: Record<string, CampaignMessage> = {
    department: 'department',
    leader: 'leader',
    person: 'person',
  };

  return (
    <div data-testid="campaign-page" data-campaign={campaign.id}>
      {back}
      <Space align="center" wrap style={{ marginTop: 8, marginBottom: 4 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {campaign.name}
        </Typography.Title>
        <PhaseTag phases={campaign.phases} period={campaign.period} today={today} />
      </Space>
      <Typography.Paragraph type="secondary">
        {t('periodText', { from: campaign.period.from, to: campaign.period.to })} · {t('today', { today })}
      </Typography.Paragraph>

      {created && (
        <Alert
          type={warned.length > 0 ? 'warning' : 'success'}
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="campaign-created"
          title={t('created', { name: campaign.name, count: campaign.tasks.length })}
          description={
            warned.length > 0 && (
              <>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{t('rowNotesIntro')}</Typography.Paragraph>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {warned.map((row) => (
                    <li key={row.ref}>
                      {row.label}：{row.warnings.join('；')}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}

      <Section title={t('phases')} testId="campaign-phases">
        <Steps
          current={phaseIndex >= 0 ? phaseIndex : passed}
          status={phaseIndex < 0 && passed === campaign.phases.length ? 'finish' : 'process'}
          items={campaign.phases.map((phase) => ({
            title: phase.name,
            content: t('periodText', { from: phase.from, to: phase.to }),
          }))}
        />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginTop: 16 }}
          items={[
            { key: 'leaders', label: t('leaders'), children: names(group.leaders) },
            { key: 'deputies', label: t('deputies'), children: names(group.deputies) },
            { key: 'members', label: t('members'), children: names(group.members) },
            { key: 'office', label: t('office'), children: group.office ?? t('noneNamed') },
            {
              key: 'reporting',
              label: t('reporting'),
              children: t('reportingRule', {
                weekday: t(`weekday${campaign.reporting.dueWeekday}` as CampaignMessage),
                days: campaign.reporting.redAfterWorkingDays,
              }),
            },
            { key: 'unit', label: t('organisedBy'), children: directory.unitLabel(campaign.unitId) },
            {
              key: 'plan',
              label: t('plan'),
              span: 'filled',
              children: campaign.plan?.text ? (
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible' }} style={{ marginBottom: 0 }}>
                  {campaign.plan.text}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('noPlan')}</Typography.Text>
              ),
            },
          ]}
        />
      </Section>

      <Section title={t('figures')}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('tasksTotal')} value={figures.tasks.total} data-testid="figure-tasks" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('tasksClosed')} value={figures.tasks.closed} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('doneRate')}
              value={figures.tasks.doneRate.value === null ? '—' : figures.tasks.doneRate.percent}
              suffix={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  （{figures.tasks.doneRate.numerator}/{figures.tasks.doneRate.denominator}）
                </Typography.Text>
              }
            />
          </Col>
          {latestWeek && (
            <Col xs={12} md={6}>
              <Statistic
                title={t('thisWeek', { week: latestWeek.week })}
                value={latestWeek.filed}
                suffix={`/ ${latestWeek.required}`}
              />
              <Space size={4}>
                {latestWeek.missingYellow > 0 && (
                  <Tag
                    color="#f6c343"
                    style={{ color: '#3b2f00' }}
                  >{`${t('cellYellow')} ${latestWeek.missingYellow}`}</Tag>
                )}
                {latestWeek.missingRed > 0 && <Tag color="#c62828">{`${t('cellRed')} ${latestWeek.missingRed}`}</Tag>}
              </Space>
            </Col>
          )}
        </Row>
      </Section>

      <Section title={t('tasks')} testId="campaign-tasks">
        <Table<CampaignTask>
          size="small"
          rowKey="number"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={campaign.tasks}
          onRow={(task) => ({ 'data-task': task.number }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'number', title: t('number'), dataIndex: 'number', width: 56, align: 'center' },
            {
              key: 'title',
              title: t('title'),
              render: (_, task) => (
                <div style={{ minWidth: 200, maxWidth: 360 }}>
                  {task.title}
                  {task.remark && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {task.remark}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              key: 'department',
              title: t('department'),
              render: (_, task) => (
                <div data-testid="task-department">
                  {[task.department, ...task.coDepartments].map((unit) => directory.unitLabel(unit.id)).join('、')}
                  {task.inherited.length > 0 && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('inherited', {
                        fields: task.inherited.map((field) => t(inheritedNames[field] ?? 'department')).join('、'),
                      })}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            { key: 'leader', title: t('leader'), render: (_, task) => personName(task.leader, people) || '—' },
            { key: 'person', title: t('person'), render: (_, task) => personName(task.person, people) || '—' },
            {
              key: 'case',
              title: t('case'),
              render: (_, task) => (
                <Space size={4} wrap>
                  <Link to={`/console/cases/${task.caseId}`}>{task.case?.number ?? task.caseId}</Link>
                  {task.case && <Tag>{stateLabels[task.case.state][language]}</Tag>}
                  {task.case?.colour && <ColourTag colour={task.case.colour} short />}
                </Space>
              ),
            },
            {
              key: 'report',
              title: t('reportStatus'),
              render: (_, task) => <ReportStatusTag status={task.reportStatus} />,
            },
            {
              key: 'actions',
              title: t('actions'),
              render: (_, task) => (
                <Button size="small" onClick={() => setTarget({ taskNumber: task.number })}>
                  {t('fileProgress')}
                </Button>
              ),
            },
          ]}
        />
      </Section>

      <Section title={t('grid')}>
        <Typography.Paragraph type="secondary">{t('gridIntro')}</Typography.Paragraph>
        <CampaignGrid campaign={campaign} onOpen={setTarget} />
      </Section>

      <Section
        title={t('progress')}
        testId="campaign-progress"
        extra={
          <Space wrap>
            <Select
              aria-label={t('week')}
              style={{ width: 150 }}
              value={weekFilter ?? ''}
              onChange={(value: string) => setFilter('week', value)}
              options={[
                { value: '', label: t('allWeeks') },
                ...campaign.weeks.map((week) => ({ value: week.week, label: week.week })),
              ]}
            />
            <Select
              aria-label={t('task')}
              style={{ width: 150 }}
              value={taskFilter ?? 0}
              onChange={(value: number) => setFilter('task', value || undefined)}
              options={[
                { value: 0, label: t('allTasks') },
                ...campaign.tasks.map((task) => ({ value: task.number, label: `${t('task')} ${task.number}` })),
              ]}
            />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('progressIntro')}</Typography.Paragraph>
        <Table<ProgressNote>
          size="small"
          rowKey="id"
          loading={notes === undefined}
          dataSource={notes ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('noNotes')}</Typography.Text> }}
          pagination={(notes?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          columns={[
            { key: 'week', title: t('week'), dataIndex: 'week', width: 100 },
            { key: 'task', title: t('task'), dataIndex: 'taskNumber', width: 60, align: 'center' },
            {
              key: 'note',
              title: t('note'),
              render: (_, note) => <span style={{ whiteSpace: 'pre-wrap' }}>{note.note}</span>,
            },
            { key: 'by', title: t('filedBy'), render: (_, note) => people(note.filedBy) },
            {
              key: 'at',
              title: t('filedAt'),
              render: (_, note) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatInstant(note.filedAt)} {note.late && <Tag>{t('late')}</Tag>}
                </span>
              ),
            },
          ]}
        />
      </Section>

      <ProgressModal
        campaign={campaign}
        target={target}
        people={people}
        onClose={() => setTarget(undefined)}
        onFiled={() => {
          void load();
          void loadNotes();
        }}
      />
    </div>
  );
};

export default CampaignPage;
