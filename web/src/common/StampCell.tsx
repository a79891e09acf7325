import { Space, Typography } from 'antd';

/** When something was done (kept on one line) and, under it, by whom: a table's cell. */
export const StampCell = ({ at, by }: { at: string; by: string }) => (
  <Space orientation="vertical" size={0}>
    <span style={{ whiteSpace: 'nowrap' }}>{at}</span>
    <Typography.Text type="secondary">{by}</Typography.Text>
  </Space>
);
