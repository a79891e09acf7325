/**
 * The figures of the view as cards: the counts (收到 … 重新办理), the closure and on-time rates each with its numerator,
 * denominator and formula, the working days to close, and the follow-up satisfaction with the surveys left out of it;
 * and the enforcement figures of the period (执法检查 … 结案, the penalties in yuan).
 * A rate with nothing to rate shows "—" and why — never 0%.
 */
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CohortCounts, EnforcementFigures, Rate, Stats } from '../../api/schema.gen.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { type StatisticsMessage, statisticsMessages } from './messages.ts';
import { formulaIn } from './view.ts';

const countOrder: readonly (keyof CohortCounts & StatisticsMessage)[] = [
  'received',
  'accepted',
  'rejected',
  'merged',
  'closed',
  'open',
  'openOverdue',
  'extensions',
  'returns',
  'reviews',
  'reopened',
];

const excludedOrder = ['notEvaluated', 'unreachable', 'invalid', 'noContact', 'pending'] as const;

const small = { fontSize: 12, display: 'block' } as const;

/** A rate: its value (or "—" and `emptyReason`), numerator/denominator, and its formula beneath. */
export const RateBlock = ({
  name,
  rate,
  emptyReason,
  testId,
}: {
  name: StatisticsMessage;
  rate: Rate;
  emptyReason: StatisticsMessage;
  testId: string;
}) => {
  const t = useMessages(statisticsMessages);
  const { language } = useI18n();
  const empty = rate.value === null;
  return (
    <div data-testid={testId} data-value={rate.value ?? ''}>
      <Statistic title={t(name)} value={empty ? '—' : rate.percent} styles={{ content: { fontSize: 26 } }} />
      <Typography.Text data-testid={`${testId}-fraction`} style={{ display: 'block' }}>
        {t('fraction', { numerator: rate.numerator, denominator: rate.denominator })}
      </Typography.Text>
      {empty && (
        <Typography.Text type="secondary" style={small} data-testid={`${testId}-reason`}>
          {t(emptyReason)}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={small}>
        {formulaIn(rate.formula, language)}
      </Typography.Text>
    </div>
  );
};

const FigureCard = ({ children, testId, value }: { children: ReactNode; testId: string; value?: number }) => (
  <Card size="small" style={{ height: '100%' }} data-testid={testId} data-value={value}>
    {children}
  </Card>
);

export const CountCards = ({ stats }: { stats: Stats }) => {
  const t = useMessages(statisticsMessages);
  return (
    <Row gutter={[12, 12]} role="list">
      {countOrder.map((name) => (
        <Col key={name} xs={12} sm={8} md={6} lg={4} xxl={3} role="listitem" style={{ flexGrow: 1 }}>
          <FigureCard testId={`figure-${name}`} value={stats.counts[name]}>
            <Statistic title={t(name)} value={stats.counts[name]} suffix={t('pieces')} />
            {name === 'closed' && (
              <Typography.Text type="secondary" style={small}>
                {t('closedOnTime')} {stats.counts.closedOnTime} · {t('closedLate')} {stats.counts.closedLate}
              </Typography.Text>
            )}
          </FigureCard>
        </Col>
      ))}
    </Row>
  );
};

export const RateCards = ({ stats }: { stats: Stats }) => {
  const t = useMessages(statisticsMessages);
  const { language } = useI18n();
  const days = stats.daysToClose;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={8}>
        <FigureCard testId="rate-card-closure">
          <RateBlock name="closureRate" rate={stats.closureRate} emptyReason="noClosureRate" testId="rate-closure" />
        </FigureCard>
      </Col>
      <Col xs={24} md={8}>
        <FigureCard testId="rate-card-on-time">
          <RateBlock name="onTimeRate" rate={stats.onTimeRate} emptyReason="noOnTimeRate" testId="rate-on-time" />
        </FigureCard>
      </Col>
      <Col xs={24} md={8}>
        <FigureCard testId="days-to-close">
          <Typography.Text type="secondary">{t('daysToClose')}</Typography.Text>
          <Flex gap={24} wrap>
            <Statistic
              title={t('average')}
              value={days.average ?? '—'}
              suffix={days.average === null ? undefined : t('dayUnit')}
              data-testid="days-average"
            />
            <Statistic
              title={t('median')}
              value={days.median ?? '—'}
              suffix={days.median === null ? undefined : t('dayUnit')}
              data-testid="days-median"
            />
          </Flex>
          <Typography.Text style={{ display: 'block' }} data-testid="days-counted">
            {t('counted', { count: days.counted })}
          </Typography.Text>
          {days.counted === 0 && (
            <Typography.Text type="secondary" style={small}>
              {t('noDays')}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={small}>
            {formulaIn(days.formula, language)}
          </Typography.Text>
        </FigureCard>
      </Col>
      <Col xs={24}>
        <SatisfactionCard stats={stats} />
      </Col>
    </Row>
  );
};

const SatisfactionCard = ({ stats }: { stats: Stats }) => {
  const t = useMessages(statisticsMessages);
  const rates = stats.satisfaction;
  return (
    <FigureCard testId="satisfaction">
      <Typography.Text type="secondary" style={small}>
        {t('satisfaction')} · {t('satisfactionPeriod')}
      </Typography.Text>
      <Row gutter={[24, 12]}>
        <Col xs={24} md={8}>
          <RateBlock
            name="satisfactionRate"
            rate={rates.satisfaction}
            emptyReason="noSatisfaction"
            testId="rate-satisfaction"
          />
        </Col>
        <Col xs={24} md={8}>
          <RateBlock name="solvedRate" rate={rates.solved} emptyReason="noSolved" testId="rate-solved" />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text style={{ display: 'block' }} data-testid="satisfaction-evaluated">
            {t('evaluated', { count: rates.evaluated })}
          </Typography.Text>
          <Typography.Text strong style={{ display: 'block', marginTop: 4 }}>
            {t('excluded')}
          </Typography.Text>
          <Flex wrap gap="2px 16px" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {excludedOrder.map((name) => (
              <li key={name} data-testid={`satisfaction-excluded-${name}`}>
                {t(name)} <strong>{rates.excluded[name]}</strong>
              </li>
            ))}
          </Flex>
        </Col>
      </Row>
    </FigureCard>
  );
};

/** The enforcement figures, each with its unit (次, 人次 or 件). */
const enforcementOrder: readonly [keyof EnforcementFigures & StatisticsMessage, StatisticsMessage][] = [
  ['inspections', 'times'],
  ['inspectorVisits', 'personTimes'],
  ['casesFiled', 'pieces'],
  ['decisions', 'pieces'],
  ['transfers', 'pieces'],
  ['casesClosed', 'pieces'],
];

export const EnforcementCards = ({ stats }: { stats: Stats }) => {
  const t = useMessages(statisticsMessages);
  const figures = stats.enforcement;
  return (
    <>
      <Row gutter={[12, 12]} role="list">
        {enforcementOrder.map(([name, unit]) => (
          <Col key={name} xs={12} sm={8} md={6} lg={4} xxl={3} role="listitem" style={{ flexGrow: 1 }}>
            <FigureCard testId={`enforcement-${name}`} value={figures[name]}>
              <Statistic title={t(name)} value={figures[name]} suffix={t(unit)} />
            </FigureCard>
          </Col>
        ))}
        <Col xs={24} sm={16} md={12} lg={8} xxl={6} role="listitem" style={{ flexGrow: 1 }}>
          <FigureCard testId="enforcement-penalty" value={figures.penaltyYuan}>
            <Statistic title={t('penalty')} value={figures.penaltyYuan} precision={2} suffix={t('yuan')} />
          </FigureCard>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ ...small, marginTop: 8 }}>
        {t('enforcementNote')}
      </Typography.Text>
    </>
  );
};
