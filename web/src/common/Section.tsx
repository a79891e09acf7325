import { Card, Typography } from 'antd';
import { type ReactNode, useId } from 'react';

/** A card of a record's page (a case, a campaign, an enterprise): a region named by its level-2 heading. */
export const Section = ({
  title,
  extra,
  children,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) => {
  const id = useId();
  return (
    <section aria-labelledby={id} style={{ marginBottom: 16 }} data-testid={testId}>
      <Card
        title={
          <Typography.Title level={2} id={id} style={{ fontSize: 16, margin: 0 }}>
            {title}
          </Typography.Title>
        }
        extra={extra}
      >
        {children}
      </Card>
    </section>
  );
};
