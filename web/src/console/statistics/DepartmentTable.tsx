/**
 * The figures by unit below as a table: counts, the closure and on-time rates with their numerators and denominators,
 * the average working days to close and the satisfaction; the unit's own cases (本级) first, the total last.
 */
import { Table, Typography } from 'antd';
import type { Rate, Stats, StatsRow } from '../../api/schema.gen.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { statisticsMessages } from './messages.ts';

const RateCell = ({ rate }: { rate?: Rate }) =>
  rate ? (
    <span style={{ whiteSpace: 'nowrap' }}>
      {rate.value === null ? '—' : rate.percent}{' '}
      <Typography.Text type="secondary">
        （{rate.numerator}/{rate.denominator}）
      </Typography.Text>
    </span>
  ) : (
    '—'
  );

export const DepartmentTable = ({ stats, ownName }: { stats: Stats; ownName: string }) => {
  const t = useMessages(statisticsMessages);
  const rows = stats.rows.filter((row) => row.key !== stats.unitId || row.counts.received > 0);
  const count = (name: 'received' | 'accepted' | 'closed' | 'open' | 'openOverdue') => ({
    key: name,
    title: t(name),
    align: 'right' as const,
    render: (_: unknown, row: StatsRow) => row.counts[name],
  });
  return (
    <Table<StatsRow>
      data-testid="stats-table"
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      scroll={{ x: true }}
      dataSource={rows}
      onRow={(row) => ({ 'data-row': row.key }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'unit',
          title: t('tableUnit'),
          render: (_: unknown, row: StatsRow) => (row.key === stats.unitId ? ownName : row.label),
        },
        count('received'),
        count('accepted'),
        count('closed'),
        count('open'),
        count('openOverdue'),
        {
          key: 'closure',
          title: t('closureRate'),
          render: (_: unknown, row: StatsRow) => <RateCell rate={row.closureRate} />,
        },
        {
          key: 'onTime',
          title: t('onTimeRate'),
          render: (_: unknown, row: StatsRow) => <RateCell rate={row.onTimeRate} />,
        },
        {
          key: 'days',
          title: t('averageDays'),
          align: 'right',
          render: (_: unknown, row: StatsRow) => row.daysToClose.average ?? '—',
        },
        {
          key: 'satisfaction',
          title: t('satisfactionRate'),
          render: (_: unknown, row: StatsRow) => <RateCell rate={row.satisfaction?.satisfaction} />,
        },
      ]}
      summary={() => (
        <Table.Summary.Row data-row="#total">
          <Table.Summary.Cell index={0}>
            <strong>{t('tableTotal')}</strong>
          </Table.Summary.Cell>
          {(['received', 'accepted', 'closed', 'open', 'openOverdue'] as const).map((name, index) => (
            <Table.Summary.Cell key={name} index={index + 1} align="right">
              <strong>{stats.counts[name]}</strong>
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={6}>
            <RateCell rate={stats.closureRate} />
          </Table.Summary.Cell>
          <Table.Summary.Cell index={7}>
            <RateCell rate={stats.onTimeRate} />
          </Table.Summary.Cell>
          <Table.Summary.Cell index={8} align="right">
            {stats.daysToClose.average ?? '—'}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={9}>
            <RateCell rate={stats.satisfaction.satisfaction} />
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
};
