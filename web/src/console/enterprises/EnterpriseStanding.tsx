/**
 * What an enterprise's profile shows beside its grades: the help plan while graded D, the re-grading flag a
 * substantiated complaint raised, the substantiated violations on record, and its positive-list status with every entry
 * and removal (who, when, why) and the bar a serious violation sets, and every case about the firm the user may see
 * (complaints naming it, its help plans). Each links to the case it came from.
 */
import { Alert, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { CaseSummary, Enterprise } from '../../api/schema.gen.ts';
import { ColourTag } from '../../common/ColourTag.tsx';
import { kindLabels, labelOf, stateLabels } from '../../common/labels.ts';
import { Section } from '../../common/Section.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { formatInstant } from '../cases/case/format.ts';
import { positiveListLabels } from '../grading/labels.tsx';
import type { EnterpriseMessage } from './messages.ts';
import { enterpriseMessages } from './messages.ts';

type HelpPlan = NonNullable<Enterprise['helpPlan']>;
type Violation = NonNullable<Enterprise['violations']>[number];
type PositiveListChange = NonNullable<Enterprise['positiveListHistory']>[number];

const helpPlanStates: Readonly<Record<HelpPlan['state'], EnterpriseMessage>> = {
  opening: 'helpPlanOpening',
  open: 'helpPlanOpen',
  closing: 'helpPlanClosing',
};

const sources: Readonly<Record<Violation['source'], EnterpriseMessage>> = {
  complaint: 'sourceComplaint',
  inspection: 'sourceInspection',
};

/** Solid tag colours with white text at WCAG AA contrast. */
export const positiveListColours: Readonly<Record<Enterprise['positiveList'], string | undefined>> = {
  'not-listed': undefined,
  listed: '#1b7f3b',
  removed: '#ad4e00',
};

const caseLink = (caseId: string) => `/console/cases/${encodeURIComponent(caseId)}`;

/** The help plan while open: its state, since when, and its case. */
export const HelpPlanAlert = ({ plan }: { plan: HelpPlan }) => {
  const t = useMessages(enterpriseMessages);
  return (
    <Alert
      type={plan.state === 'closing' ? 'info' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="help-plan"
      data-state={plan.state}
      title={t('helpPlanTitle', { state: t(helpPlanStates[plan.state]) })}
      description={
        <>
          {t('helpPlanText', { since: formatInstant(plan.since) })}{' '}
          <Link to={caseLink(plan.caseId)}>{t('openHelpPlan')}</Link>
        </>
      }
    />
  );
};

/** The re-grading flag: a substantiated complaint against an A or B firm, cleared by its next published assessment. */
export const RegradeAlert = ({ regrade }: { regrade: NonNullable<Enterprise['regrade']> }) => {
  const t = useMessages(enterpriseMessages);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="regrade"
      title={t('regradeTitle')}
      description={
        <>
          {t('regradeText', { since: formatInstant(regrade.since), reason: regrade.reason })} {t('regradeCase')}：
          <Link to={caseLink(regrade.caseId)}>{regrade.number}</Link>
        </>
      }
    />
  );
};

/** The cases about the firm that the user's unit may see (`GET /v1/cases?uscc=`), newest first: the latest 100. */
export const EnterpriseCasesSection = ({ uscc }: { uscc: string }) => {
  const t = useMessages(enterpriseMessages);
  const { language } = useI18n();
  const [cases, setCases] = useState<CaseSummary[]>();
  const [more, setMore] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void api.GET('/v1/cases', { params: { query: { uscc, limit: 100 } } }).then(({ data }) => {
      setCases(data?.items ?? []);
      setMore(Boolean(data?.nextCursor));
      setFailed(!data);
    });
  }, [uscc]);
  return (
    <Section title={t('enterpriseCases')} testId="enterprise-cases">
      {failed && <Alert type="error" showIcon title={t('enterpriseCasesFailed')} style={{ marginBottom: 8 }} />}
      <Table<CaseSummary>
        size="small"
        rowKey="id"
        loading={!cases}
        pagination={false}
        scroll={{ x: true }}
        dataSource={cases ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{t('noEnterpriseCases')}</Typography.Text> }}
        columns={[
          {
            key: 'number',
            title: t('violationNumber'),
            render: (_, item) => <Link to={caseLink(item.id)}>{item.number}</Link>,
          },
          { key: 'kind', title: t('caseKind'), render: (_, item) => labelOf(kindLabels, item.kind, language) },
          { key: 'received', title: t('caseReceived'), render: (_, item) => formatInstant(item.receivedAt) },
          { key: 'state', title: t('caseState'), render: (_, item) => labelOf(stateLabels, item.state, language) },
          {
            key: 'colour',
            title: t('caseColour'),
            render: (_, item) => item.colour && <ColourTag colour={item.colour} />,
          },
        ]}
      />
      {more && <Typography.Text type="secondary">{t('enterpriseCasesMore')}</Typography.Text>}
    </Section>
  );
};

/** The substantiated violations, newest first. */
export const ViolationsSection = ({ violations }: { violations: readonly Violation[] }) => {
  const t = useMessages(enterpriseMessages);
  return (
    <Section title={t('violations')} testId="enterprise-violations">
      <Table<Violation>
        size="small"
        rowKey={(item) => `${item.caseId}-${item.at}`}
        pagination={false}
        scroll={{ x: true }}
        dataSource={[...violations].reverse()}
        locale={{ emptyText: <Typography.Text type="secondary">{t('noViolations')}</Typography.Text> }}
        columns={[
          { key: 'at', title: t('violationAt'), render: (_, item) => formatInstant(item.at) },
          { key: 'source', title: t('violationSource'), render: (_, item) => t(sources[item.source]) },
          {
            key: 'number',
            title: t('violationNumber'),
            render: (_, item) => <Link to={caseLink(item.caseId)}>{item.number}</Link>,
          },
          {
            key: 'substantiated',
            title: t('substantiated'),
            render: (_, item) => (
              <Space size={4} wrap>
                {item.substantiated === 'yes' ? t('substantiatedYes') : t('substantiatedPartly')}
                {item.serious && (
                  <Tag color="#c62828" variant="solid" style={{ color: '#fff' }}>
                    {t('serious')}
                  </Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Section>
  );
};

/** The positive-list status, the bar if any, and every entry and removal, newest first. */
export const PositiveListSection = ({
  enterprise,
  people,
}: {
  enterprise: Enterprise;
  people: (username: string) => string;
}) => {
  const t = useMessages(enterpriseMessages);
  const { language } = useI18n();
  const history = [...(enterprise.positiveListHistory ?? [])].reverse();
  const actor = (by: string) => (by === 'system' ? t('systemActor') : people(by));
  return (
    <Section
      title={t('positiveListStatus')}
      testId="enterprise-positive-list"
      extra={<Link to="/console/enterprises/positive-list">{t('listTitle')}</Link>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span data-testid="positive-list-status" data-status={enterprise.positiveList}>
          <Tag
            color={positiveListColours[enterprise.positiveList]}
            variant={positiveListColours[enterprise.positiveList] ? 'solid' : undefined}
            style={positiveListColours[enterprise.positiveList] ? { color: '#fff' } : undefined}
          >
            {positiveListLabels[enterprise.positiveList][language]}
          </Tag>
        </span>
        {enterprise.positiveListBarredUntil && (
          <Alert
            type="warning"
            showIcon
            data-testid="positive-list-bar"
            title={t('barredUntil', { date: enterprise.positiveListBarredUntil })}
          />
        )}
        <Typography.Title level={3} style={{ fontSize: 14, margin: '8px 0 0' }}>
          {t('positiveListHistory')}
        </Typography.Title>
        {history.length === 0 ? (
          <Typography.Text type="secondary">{t('noPositiveListHistory')}</Typography.Text>
        ) : (
          <Timeline
            items={history.map((step: PositiveListChange, index) => ({
              key: `${step.at}-${index}`,
              color: step.action === 'enter' ? 'green' : step.serious ? 'red' : 'orange',
              title: formatInstant(step.at),
              content: (
                <div data-testid="positive-list-step" data-action={step.action}>
                  <Space size={4} wrap>
                    <strong>{step.action === 'enter' ? t('actionEnter') : t('actionRemove')}</strong>
                    {step.serious && (
                      <Tag color="#c62828" variant="solid" style={{ color: '#fff' }}>
                        {t('serious')}
                      </Tag>
                    )}
                    <span>{step.reason}</span>
                  </Space>
                  {step.barredUntil && (
                    <Typography.Text style={{ display: 'block' }}>
                      {t('barredUntil', { date: step.barredUntil })}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {actor(step.by)} ·{' '}
                    {step.rulesVersion === 0 ? t('registerList') : t('rulesVersion', { version: step.rulesVersion })}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        )}
      </Space>
    </Section>
  );
};
