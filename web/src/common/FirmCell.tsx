import { Space, Typography } from 'antd';
import { Link } from 'react-router';

/** A firm in a table's cell: its name, linking to its page in the console, over its code. */
export const FirmCell = ({ uscc, name }: { uscc: string; name: string }) => (
  <Space orientation="vertical" size={0}>
    <Link to={`/console/enterprises/${uscc}`}>{name}</Link>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {uscc}
    </Typography.Text>
  </Space>
);
