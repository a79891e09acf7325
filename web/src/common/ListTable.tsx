import { Table, type TableProps, Typography } from 'antd';

/**
 * The table of a list page: small, scrolling sideways on a narrow screen, in pages of 50 once longer, with `empty`
 * said when there is nothing. Rows are keyed by `id` unless `rowKey` says otherwise.
 */
export const ListTable = <Item extends object>({
  items,
  empty,
  ...table
}: Omit<TableProps<Item>, 'dataSource' | 'pagination' | 'locale'> & { items: readonly Item[]; empty: string }) => (
  <Table<Item>
    size="small"
    rowKey="id"
    dataSource={items}
    pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
    locale={{ emptyText: <Typography.Text type="secondary">{empty}</Typography.Text> }}
    scroll={{ x: true }}
    {...table}
  />
);
