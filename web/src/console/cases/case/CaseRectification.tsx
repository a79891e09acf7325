/**
 * A rectification problem's own fields on its case page: where it was found, the problem, its band and who answers
 * for it, the complaint it came from; the plan (measures, milestones); the close-out steps (申请销号 → 现场核查 →
 * 签字确认 → 公示 → 销号) with who took each and when, the evidence; and the look-backs.
 */
import { Descriptions, List, Steps, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Case, RectificationDetails } from '../../../api/schema.gen.ts';
import { Section } from '../../../common/Section.tsx';
import { useI18n, useMessages } from '../../../i18n/i18n.tsx';
import { bandLabels, lookBackOutcomeLabels, sourceLabels } from '../../rectification/labels.ts';
import { rectificationMessages } from '../../rectification/messages.ts';
import { formatInstant } from './format.ts';

type CloseOut = NonNullable<RectificationDetails['closeOut']>;
type LookBack = NonNullable<RectificationDetails['lookBacks']>[number];
type Person = RectificationDetails['leadOfficial'];

const kilobytes = (size: number) =>
  size < 1024 * 1024 ? `${Math.ceil(size / 1024)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;

const pre = { whiteSpace: 'pre-wrap' } as const;

/** How many of the five close-out steps are taken (a failed on-site check does not count as one). */
export const closeOutStepsDone = (closeOut: CloseOut | undefined): number => {
  if (closeOut?.struckOff) return 5;
  if (closeOut?.publication) return 4;
  if (closeOut?.signOff) return 3;
  if (closeOut?.onSiteCheck?.passed) return 2;
  if (closeOut?.application) return 1;
  return 0;
};

export const CaseRectification = ({ kase, people }: { kase: Case; people: (username: string) => string }) => {
  const t = useMessages(rectificationMessages);
  const { language } = useI18n();
  const details = kase.rectification;
  if (!details) return null;

  const person = (named: Person) =>
    named
      ? named.username
        ? `${people(named.username)}（${named.username}）`
        : `${named.name}${t('asWritten')}`
      : '—';
  const byAt = (by: string, at: string) => t('byAt', { who: people(by), at: formatInstant(at) });

  const closeOut = details.closeOut;
  const done = closeOutStepsDone(closeOut);
  const { application, onSiteCheck, signOff, publication, struckOff } = closeOut ?? {};
  const steps = [
    { title: t('stepApply'), description: application ? byAt(application.by, application.at) : undefined },
    {
      title: t('stepCheck'),
      description: onSiteCheck ? `${onSiteCheck.date} · ${byAt(onSiteCheck.by, onSiteCheck.at)}` : undefined,
    },
    { title: t('stepSignOff'), description: signOff ? byAt(signOff.by, signOff.at) : undefined },
    {
      title: t('stepPublish'),
      description: publication ? (
        <>
          <div data-testid="publication-end">
            {t('publicationUntil', { date: publication.endDate, days: publication.workingDays })}
          </div>
          <div>{byAt(publication.by, publication.at)}</div>
        </>
      ) : undefined,
    },
    {
      title: struckOff?.outcome === 'kept-up' ? t('stepKeptUp') : t('stepStrikeOff'),
      description: struckOff ? byAt(struckOff.by, struckOff.at) : undefined,
    },
  ].map((step, index) => ({
    ...step,
    status: index < done ? ('finish' as const) : index === done ? ('process' as const) : ('wait' as const),
  }));

  return (
    <>
      <Section title={t('sectionProblem')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          data-testid="rectification-details"
          items={[
            {
              key: 'source',
              label: t('source'),
              children: <span data-testid="problem-source">{sourceLabels[details.source][language]}</span>,
            },
            ...(details.sourceReference
              ? [{ key: 'reference', label: t('sourceReference'), children: details.sourceReference }]
              : []),
            ...(details.ledgerNumber
              ? [{ key: 'ledgerNumber', label: t('ledgerNumber'), children: details.ledgerNumber }]
              : []),
            {
              key: 'band',
              label: t('band'),
              children: <span data-testid="problem-band">{bandLabels[details.band][language]}</span>,
            },
            ...(details.targetDate ? [{ key: 'target', label: t('targetDate'), children: details.targetDate }] : []),
            { key: 'unit', label: t('responsibleUnit'), children: details.responsibleUnit.name },
            { key: 'lead', label: t('lead'), children: person(details.leadOfficial) },
            { key: 'responsible', label: t('responsible'), children: person(details.responsiblePerson) },
            ...(details.fromCase
              ? [
                  {
                    key: 'fromCase',
                    label: t('fromCase'),
                    children: (
                      <Link to={`/console/cases/${details.fromCase.caseId}`} data-testid="problem-from-case">
                        {details.fromCase.number}
                      </Link>
                    ),
                  },
                ]
              : []),
            {
              key: 'description',
              label: t('problemDescription'),
              span: 2,
              children: (
                <Typography.Paragraph style={{ ...pre, margin: 0 }}>{details.description}</Typography.Paragraph>
              ),
            },
            ...(details.remark ? [{ key: 'remark', label: t('remark'), span: 2, children: details.remark }] : []),
            ...(details.importId ? [{ key: 'import', label: t('importId'), children: details.importId }] : []),
          ]}
        />
      </Section>
      <Section title={t('sectionPlan')}>
        <Typography.Paragraph style={pre} data-testid="plan-measures">
          {details.plan.measures}
        </Typography.Paragraph>
        {details.plan.milestones.length > 0 ? (
          <Table
            size="small"
            pagination={false}
            rowKey={(milestone) => `${milestone.date}-${milestone.description}`}
            dataSource={details.plan.milestones}
            data-testid="plan-milestones"
            columns={[
              { key: 'date', title: t('milestoneDate'), dataIndex: 'date', width: 130 },
              { key: 'description', title: t('milestoneDescription'), dataIndex: 'description' },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('noMilestones')}</Typography.Text>
        )}
      </Section>
      <Section title={t('sectionCloseOut')}>
        <div data-testid="close-out-steps" data-done={done}>
          <Steps size="small" titlePlacement="vertical" current={Math.min(done, 4)} items={steps} responsive />
        </div>
        {application ? (
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'result',
                label: t('closeOutResult'),
                children: <span style={pre}>{application.result}</span>,
              },
              {
                key: 'evidence',
                label: t('evidence'),
                children: (
                  <List
                    size="small"
                    data-testid="close-out-evidence"
                    dataSource={application.evidence}
                    renderItem={(attachment) => (
                      <List.Item>
                        {attachment.fileName}（{attachment.contentType}，{kilobytes(attachment.size)}）
                      </List.Item>
                    )}
                  />
                ),
              },
              ...(onSiteCheck
                ? [
                    {
                      key: 'check',
                      label: t('stepCheck'),
                      children: (
                        <span style={pre}>
                          {onSiteCheck.passed && <Tag color="#16803c">{t('checkPassed')}</Tag>}
                          {`${t('checkDate')}：${onSiteCheck.date}；${t('inspectors')}：${onSiteCheck.inspectors}\n${t('findings')}：${onSiteCheck.findings}`}
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(signOff?.note ? [{ key: 'signOff', label: t('stepSignOff'), children: signOff.note }] : []),
              ...(publication
                ? [
                    {
                      key: 'publication',
                      label: t('stepPublish'),
                      children: [
                        `${publication.startDate} — ${publication.endDate}`,
                        publication.where ? t('publicationWhere', { where: publication.where }) : '',
                        publication.missingCalendarYears?.length
                          ? t('calendarMissing', { years: publication.missingCalendarYears.join('、') })
                          : '',
                      ]
                        .filter(Boolean)
                        .join('；'),
                    },
                  ]
                : []),
              ...(struckOff?.note ? [{ key: 'struckOff', label: t('stepStrikeOff'), children: struckOff.note }] : []),
            ]}
          />
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('noCloseOut')}
          </Typography.Paragraph>
        )}
      </Section>
      <Section title={t('sectionLookBacks')}>
        {details.lookBacks && details.lookBacks.length > 0 ? (
          <Table<LookBack>
            size="small"
            pagination={false}
            rowKey="scheduledAt"
            dataSource={details.lookBacks}
            data-testid="look-backs"
            columns={[
              { key: 'due', title: t('lookBackDueDate'), dataIndex: 'dueDate', width: 120 },
              { key: 'date', title: t('lookBackDate'), render: (_, lookBack) => lookBack.date ?? '—', width: 120 },
              {
                key: 'outcome',
                title: t('lookBackOutcome'),
                render: (_, lookBack) =>
                  lookBack.outcome ? (
                    lookBackOutcomeLabels[lookBack.outcome][language]
                  ) : (
                    <Tag>{t('lookBackPending')}</Tag>
                  ),
              },
              { key: 'findings', title: t('lookBackFindings'), render: (_, lookBack) => lookBack.findings ?? '—' },
              { key: 'by', title: t('lookBackBy'), render: (_, lookBack) => (lookBack.by ? people(lookBack.by) : '—') },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('noLookBacks')}</Typography.Text>
        )}
      </Section>
    </>
  );
};
