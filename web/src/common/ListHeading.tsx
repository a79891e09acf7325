import { Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The head of a list page: its title with the page's actions (`children`) beside it, under it on a narrow screen. */
export const ListHeading = ({ title, intro, children }: { title: string; intro: string; children: ReactNode }) => (
  <div>
    <Flex justify="space-between" align="center" wrap gap="small">
      <Typography.Title level={1} style={{ marginBottom: 4 }}>
        {title}
      </Typography.Title>
      <Space wrap>{children}</Space>
    </Flex>
    <Typography.Text type="secondary">{intro}</Typography.Text>
  </div>
);
