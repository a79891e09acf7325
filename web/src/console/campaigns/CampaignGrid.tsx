/**
 * The tasks × weeks grid of a campaign: a row a task, a column a report week (its ISO week, Monday and due day), each
 * cell the week's report status in colour and words — filed (late or not), missing yellow, missing red, not yet due,
 * not required. A cell of a week begun opens that task's week to read or file its progress.
 */
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { Campaign, CampaignGridRow } from '../../api/schema.gen.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { campaignMessages } from './messages.ts';
import type { ProgressTarget } from './ProgressModal.tsx';
import { type CellStatus, cellColours, cellOrder, cellStatusLabels } from './parts.tsx';

type Cell = CampaignGridRow['cells'][number];

const shortWeek = (week: string) => week.replace(/^\d{4}-/, '');
const shortDate = (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

export const CampaignGrid = ({
  campaign,
  onOpen,
}: {
  campaign: Campaign;
  onOpen: (target: ProgressTarget) => void;
}) => {
  const t = useMessages(campaignMessages);
  const { language } = useI18n();
  const titles = new Map(campaign.tasks.map((task) => [task.number, task.title]));
  const cellText = (cell: Cell): string => {
    const words: Record<CellStatus, string> = {
      filed: cell.late ? t('cellFiledLate') : t('cellFiled'),
      'missing-yellow': t('cellYellow'),
      'missing-red': t('cellRed'),
      'not-due': t('cellNotDue'),
      'not-required': t('cellNotRequired'),
    };
    return words[cell.status];
  };
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} role="list" aria-label={t('legend')}>
        {cellOrder.map((status) => (
          <Tag
            key={status}
            role="listitem"
            color={cellColours[status].background}
            variant={status === 'not-due' ? 'outlined' : 'solid'}
            style={{ color: cellColours[status].text }}
          >
            {cellStatusLabels[status][language]}
          </Tag>
        ))}
      </Flex>
      <Table<CampaignGridRow>
        data-testid="campaign-grid"
        size="small"
        bordered
        pagination={false}
        rowKey="taskNumber"
        dataSource={campaign.grid}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-task': row.taskNumber }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'number', title: t('number'), dataIndex: 'taskNumber', fixed: 'left', width: 56, align: 'center' },
          {
            key: 'title',
            title: t('title'),
            fixed: 'left',
            width: 200,
            render: (_, row) => (
              <Typography.Text ellipsis={{ tooltip: titles.get(row.taskNumber) }} style={{ maxWidth: 184 }}>
                {titles.get(row.taskNumber)}
              </Typography.Text>
            ),
          },
          ...campaign.weeks.map((week, index) => ({
            key: week.week,
            title: (
              <div style={{ whiteSpace: 'nowrap', textAlign: 'center', lineHeight: 1.3 }}>
                <div>{shortWeek(week.week)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                  {t('dueOn', { date: shortDate(week.dueDate) })}
                </Typography.Text>
              </div>
            ),
            width: 76,
            align: 'center' as const,
            onCell: () => ({ style: { padding: 2 } }),
            render: (_: unknown, row: CampaignGridRow) => {
              const cell = row.cells[index];
              if (!cell) return null;
              const colour = cellColours[cell.status];
              const label = `${t('task')} ${row.taskNumber} · ${week.week} · ${cellStatusLabels[cell.status][language]}${cell.late ? `（${t('late')}）` : ''}`;
              const openable = week.monday <= campaign.today && cell.status !== 'not-required';
              const style = {
                display: 'block',
                width: '100%',
                minHeight: 30,
                border: cell.status === 'not-due' ? '1px dashed #bfbfbf' : 'none',
                borderRadius: 4,
                background: colour.background,
                color: colour.text,
                fontSize: 12,
                cursor: openable ? 'pointer' : 'default',
              } as const;
              return (
                <Tooltip title={label}>
                  {openable ? (
                    <button
                      type="button"
                      style={style}
                      aria-label={label}
                      data-testid={`grid-cell-${row.taskNumber}-${week.week}`}
                      data-status={cell.status}
                      onClick={() => onOpen({ taskNumber: row.taskNumber, week: week.week })}
                    >
                      {cellText(cell)}
                    </button>
                  ) : (
                    <span
                      style={{ ...style, lineHeight: '30px' }}
                      role="img"
                      aria-label={label}
                      data-testid={`grid-cell-${row.taskNumber}-${week.week}`}
                      data-status={cell.status}
                    >
                      {cellText(cell)}
                    </span>
                  )}
                </Tooltip>
              );
            },
          })),
        ]}
      />
    </>
  );
};
