/** Each deadline clock of the case (accept, sign, finish, review) with its colour, and the policy behind it. */
import { Table, Tag, Typography } from 'antd';
import type { Case } from '../../../api/schema.gen.ts';
import { ColourTag } from '../../../common/ColourTag.tsx';
import type { Colour } from '../../../common/labels.ts';
import { Section } from '../../../common/Section.tsx';
import { useMessages } from '../../../i18n/i18n.tsx';
import { bureauDay, formatInstant } from './format.ts';
import { type CaseMessageKey, caseMessages } from './messages.ts';

type Clock = NonNullable<NonNullable<Case['timeLimits']>['clocks'][string]>;

const clockNames: Readonly<Record<string, CaseMessageKey>> = {
  accept: 'clockAccept',
  sign: 'clockSign',
  finish: 'clockFinish',
  review: 'clockReview',
};

/** Whether the deadline is the end of its due date (midnight after it), so the date alone says it. */
const endsOnItsDay = (clock: Clock): boolean =>
  bureauDay(Date.parse(clock.dueAt) - 1) === clock.dueDate && formatInstant(clock.dueAt).endsWith(' 00:00');

const colourAt = (clock: Clock, now: number): Colour => {
  if (now >= Date.parse(clock.dueAt)) return 'red';
  if (now >= Date.parse(clock.warnFrom)) return 'yellow';
  return 'blue';
};

export const CaseClocks = ({ kase, now }: { kase: Case; now: number }) => {
  const t = useMessages(caseMessages);
  const limits = kase.timeLimits;
  const rows = Object.entries(limits?.clocks ?? {}).flatMap(([name, clock]) => (clock ? [{ name, clock }] : []));
  const order = Object.keys(clockNames);
  rows.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const running: readonly string[] = kase.runningClocks;
  const escalation = (at: string | undefined, sent: boolean | undefined) =>
    at ? (
      <>
        {formatInstant(at)}
        {sent && <Tag style={{ marginInlineStart: 4 }}>{t('sent')}</Tag>}
      </>
    ) : (
      '—'
    );
  return (
    <Section
      title={t('sectionClocks')}
      extra={
        limits && (
          <Typography.Text type="secondary">
            {t('policy')}：{limits.policyId} v{limits.policyVersion}
          </Typography.Text>
        )
      }
    >
      {rows.length === 0 ? (
        <Typography.Text>{t('noClocks')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="name"
          dataSource={rows}
          columns={[
            {
              key: 'name',
              title: t('clock'),
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (_, { name }) => {
                const key = clockNames[name];
                return key ? t(key) : name;
              },
            },
            { key: 'startedAt', title: t('startedAt'), render: (_, { clock }) => formatInstant(clock.startedAt) },
            {
              key: 'dueAt',
              title: t('dueAt'),
              render: (_, { clock }) => (
                <>
                  <strong>{clock.dueDate}</strong>
                  {!endsOnItsDay(clock) && (
                    <>
                      <br />
                      <Typography.Text type="secondary">{formatInstant(clock.dueAt)}</Typography.Text>
                    </>
                  )}
                  {clock.extendedDays ? (
                    <>
                      <br />
                      {t('extendedDays', { days: clock.extendedDays })}
                    </>
                  ) : null}
                </>
              ),
            },
            { key: 'warnFrom', title: t('warnFrom'), render: (_, { clock }) => formatInstant(clock.warnFrom) },
            {
              key: 'reminderAt',
              title: t('reminderAt'),
              render: (_, { clock }) => escalation(clock.reminderAt, clock.reminded),
            },
            {
              key: 'supervisionAt',
              title: t('supervisionAt'),
              render: (_, { clock }) => escalation(clock.supervisionAt, clock.supervised),
            },
            {
              key: 'colour',
              title: t('clockColour'),
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (_, { name, clock }) =>
                running.includes(name) ? <ColourTag colour={colourAt(clock, now)} short /> : t('notRunning'),
            },
            {
              key: 'policy',
              title: t('policy'),
              render: (_, { clock }) =>
                clock.policyId ? `${clock.policyId} v${clock.policyVersion ?? limits?.policyVersion ?? ''}` : '—',
            },
          ]}
        />
      )}
    </Section>
  );
};
