/** The board (挂图督办): one row per unit, a clickable count per colour, and the row's total. */
import { Button, Table, Typography } from 'antd';
import { type Colour, colourLabels, colourOrder, colourTags } from '../../common/labels.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { type BoardRow, type Selection, sumOf, totalRowKey } from './board.ts';
import { CountButton } from './CountButton.tsx';
import { ledgerMessages } from './messages.ts';

export const LedgerBoard = ({
  rows,
  selection,
  onSelect,
  canDrillDown,
  onDrillDown,
}: {
  rows: readonly BoardRow[];
  selection?: Selection;
  onSelect: (selection: Selection) => void;
  canDrillDown: (unitId: string) => boolean;
  onDrillDown: (unitId: string) => void;
}) => {
  const t = useMessages(ledgerMessages);
  const { language } = useI18n();
  const colourColumn = (colour: Colour) => ({
    key: colour,
    title: (
      <span
        style={{
          background: colourTags[colour].background,
          color: colourTags[colour].text,
          padding: '1px 8px',
          borderRadius: 4,
          whiteSpace: 'nowrap',
        }}
      >
        {colourLabels[colour][language].replace(/（.*）|\s*\(.*\)/, '')}
      </span>
    ),
    align: 'center' as const,
    width: 88,
    render: (_: unknown, row: BoardRow) => (
      <CountButton
        colour={colour}
        count={row.counts[colour]}
        label={t('countLabel', { unit: row.name, colour: colourLabels[colour][language], count: row.counts[colour] })}
        pressed={selection?.row === row.key && selection.colour === colour}
        onSelect={() => onSelect({ row: row.key, colour })}
      />
    ),
  });
  return (
    <Table<BoardRow>
      data-testid="ledger-board"
      size="middle"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={[...rows]}
      scroll={{ x: true }}
      onRow={(row) => ({ 'data-row': row.key, 'data-unit': row.unitId }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'unit',
          title: t('unit'),
          width: 200,
          render: (_, row) => {
            const name =
              row.key === totalRowKey ? (
                <Typography.Text strong>{row.name}</Typography.Text>
              ) : canDrillDown(row.key) ? (
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto' }}
                  title={t('drillDown', { unit: row.name })}
                  onClick={() => onDrillDown(row.key)}
                >
                  {row.name}
                </Button>
              ) : (
                row.name
              );
            return (
              <span style={{ paddingInlineStart: row.level * 20, display: 'inline-block', whiteSpace: 'nowrap' }}>
                {name}
              </span>
            );
          },
        },
        ...colourOrder.map(colourColumn),
        {
          key: 'total',
          title: t('total'),
          align: 'center',
          width: 72,
          render: (_, row) => (
            <Typography.Text strong={row.key === totalRowKey} data-testid="row-total">
              {sumOf(row.counts)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
};
