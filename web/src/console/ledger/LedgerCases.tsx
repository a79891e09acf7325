/** The cases behind the selected unit and colour, most urgent first: number, what, where, who, due, days left. */
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseSummary } from '../../api/schema.gen.ts';
import { categoryLabels, channelLabels, kindLabels, stateLabels } from '../../common/labels.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import type { Directory } from '../cases/case/directory.ts';
import { bureauDay, daysBetween, formatInstant } from '../cases/case/format.ts';
import { ledgerMessages } from './messages.ts';

export const LedgerCases = ({
  cases,
  loading,
  now,
  directory,
  people,
}: {
  cases: readonly CaseSummary[];
  loading: boolean;
  now: number;
  directory: Directory;
  people: (username: string) => string;
}) => {
  const t = useMessages(ledgerMessages);
  const { language } = useI18n();
  const today = bureauDay(now);
  const remaining = (item: CaseSummary) => {
    if (item.state === 'closed' || item.state === 'rejected') {
      return item.late ? <Tag color="#c62828">{t('finishedLate')}</Tag> : t('finished');
    }
    if (!item.dueAt) return '—';
    const days = daysBetween(today, bureauDay(item.dueAt));
    if (days < 0 || (days === 0 && now >= Date.parse(item.dueAt))) {
      return (
        <Typography.Text strong style={{ color: '#b3261e' }}>
          {t('overdue', { days: Math.max(-days, 0) })}
        </Typography.Text>
      );
    }
    return days === 0 ? t('dueToday') : t('daysLeft', { days });
  };
  return (
    <Table<CaseSummary>
      data-testid="ledger-cases"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...cases]}
      pagination={cases.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: true }}
      locale={{ emptyText: t('noCases') }}
      columns={[
        {
          key: 'number',
          title: t('number'),
          render: (_, item) => <Link to={`/console/cases/${item.id}`}>{item.number}</Link>,
        },
        {
          key: 'summary',
          title: t('summary'),
          render: (_, item) => (
            <>
              {kindLabels[item.kind][language]}
              {item.category && ` · ${categoryLabels[item.category][language]}`}
              {item.town && ` · ${item.town}`}
              {item.channel && (
                <Typography.Text type="secondary">{`（${channelLabels[item.channel][language]}）`}</Typography.Text>
              )}
              {item.urgency === 'urgent' && (
                <Tag color="#b3261e" style={{ marginInlineStart: 6 }}>
                  {t('urgent')}
                </Tag>
              )}
              <br />
              <Typography.Text type="secondary">
                {stateLabels[item.state][language]} · {formatInstant(item.receivedAt)}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'holder',
          title: t('holder'),
          render: (_, item) => directory.unitLabel(item.departmentId ?? item.unitId),
        },
        {
          key: 'responsible',
          title: t('responsible'),
          render: (_, item) => (item.responsibleUsername ? people(item.responsibleUsername) : '—'),
        },
        { key: 'due', title: t('due'), render: (_, item) => (item.dueAt ? bureauDay(item.dueAt) : '—') },
        { key: 'remaining', title: t('remaining'), render: (_, item) => remaining(item) },
      ]}
    />
  );
};
