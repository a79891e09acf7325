import { Typography } from 'antd';

/** The inspection items of a plan as a list: each item's code, then what is checked. */
export const InspectionItems = ({ items }: { items: readonly { code: string; label: string }[] }) => (
  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
    {items.map((item) => (
      <li key={item.code}>
        <Typography.Text code>{item.code}</Typography.Text> {item.label}
      </li>
    ))}
  </ul>
);
