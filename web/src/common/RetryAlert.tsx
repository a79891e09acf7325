import { Alert, Button } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** A read that failed: why, with a button to read again. */
export const RetryAlert = ({
  title,
  reason,
  retry,
  onRetry,
  style,
}: {
  title: string;
  reason: ReactNode;
  retry: string;
  onRetry: () => void;
  style?: CSSProperties;
}) => (
  <Alert
    type="error"
    showIcon
    style={style}
    title={title}
    description={reason}
    action={<Button onClick={onRetry}>{retry}</Button>}
  />
);
