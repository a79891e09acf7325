/** A table of case summaries (`CaseSummary`): the case list's full columns, or my work's short ones. */
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../api/schema.gen.ts';
import { ColourTag } from '../../../common/ColourTag.tsx';
import { categoryLabels, channelLabels, kindLabels, stateLabels } from '../../../common/labels.ts';
import { defineMessages, useI18n, useMessages } from '../../../i18n/i18n.tsx';
import { unitName, useUnits } from './directory.ts';
import { formatDate, formatDateTime } from './format.ts';

const messages = defineMessages({
  zh: {
    number: '文号',
    summary: '摘要',
    state: '状态',
    colour: '色标',
    category: '类别',
    unit: '所属单位',
    received: '收到时间',
    due: '期限',
    channel: '渠道',
    urgent: '紧急',
    late: '超期办结',
    noColour: '—',
  },
  en: {
    number: 'Number',
    summary: 'Summary',
    state: 'State',
    colour: 'Colour',
    category: 'Category',
    unit: 'Unit',
    received: 'Received',
    due: 'Due',
    channel: 'Channel',
    urgent: 'Urgent',
    late: 'Finished late',
    noColour: '—',
  },
});

/** What a case is about, in a line: kind or category, and town. */
export const useCaseSummaryText = () => {
  const { language } = useI18n();
  return (item: CaseSummary): string =>
    [
      item.category ? categoryLabels[item.category][language] : kindLabels[item.kind][language],
      item.town,
      item.channel ? channelLabels[item.channel][language] : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
};

export const CaseTable = ({
  items,
  loading,
  variant = 'full',
  emptyText,
}: {
  items: readonly CaseSummary[];
  loading?: boolean;
  variant?: 'full' | 'short';
  /** What an empty table says. */
  emptyText?: string;
}) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const units = useUnits();
  const summaryText = useCaseSummaryText();
  const number: ColumnsType<CaseSummary>[number] = {
    title: t('number'),
    dataIndex: 'number',
    key: 'number',
    render: (_, item) => (
      <Link to={`/console/cases/${item.id}`} data-testid="case-number">
        {item.number}
      </Link>
    ),
  };
  const colour: ColumnsType<CaseSummary>[number] = {
    title: t('colour'),
    key: 'colour',
    render: (_, item) => (
      <>
        {item.colour ? <ColourTag colour={item.colour} short /> : t('noColour')}
        {item.late ? <Tag>{t('late')}</Tag> : null}
      </>
    ),
  };
  const due: ColumnsType<CaseSummary>[number] = {
    title: t('due'),
    key: 'due',
    render: (_, item) => formatDate(item.dueAt),
  };
  const state: ColumnsType<CaseSummary>[number] = {
    title: t('state'),
    key: 'state',
    render: (_, item) => stateLabels[item.state][language],
  };
  const columns: ColumnsType<CaseSummary> =
    variant === 'short'
      ? [
          number,
          {
            title: t('summary'),
            key: 'summary',
            render: (_, item) => (
              <>
                {summaryText(item)}
                {item.urgency === 'urgent' ? (
                  <Tag variant="solid" color="#c62828" style={{ marginInlineStart: 8 }}>
                    {t('urgent')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          state,
          colour,
          due,
        ]
      : [
          number,
          state,
          colour,
          {
            title: t('category'),
            key: 'category',
            render: (_, item) =>
              item.category ? categoryLabels[item.category][language] : kindLabels[item.kind][language],
          },
          {
            title: t('unit'),
            key: 'unit',
            render: (_, item) =>
              item.departmentId && item.departmentId !== item.unitId
                ? `${unitName(units, item.unitId)} / ${unitName(units, item.departmentId)}`
                : unitName(units, item.unitId),
          },
          {
            title: t('received'),
            key: 'received',
            render: (_, item) => <Typography.Text>{formatDateTime(item.receivedAt, language)}</Typography.Text>,
          },
          due,
        ];
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      pagination={false}
      {...(emptyText ? { locale: { emptyText } } : {})}
    />
  );
};
