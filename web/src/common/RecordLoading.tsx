import { Alert, Button, Skeleton } from 'antd';
import type { CSSProperties } from 'react';

/** Marks a failure to read a record as "not found", named in the current language when shown. */
export const recordNotFound = '#not-found';

/**
 * What a record's page shows until its record is read: a skeleton, or why the read failed with a button to try again.
 * `failure` is the reason in words, or {@link recordNotFound}, shown as `texts.notFound`.
 */
export const RecordLoading = ({
  failure,
  onRetry,
  texts,
  style,
}: {
  failure: string | undefined;
  onRetry: () => void;
  texts: { loadFailed: string; notFound: string; retry: string };
  style?: CSSProperties;
}) =>
  failure ? (
    <Alert
      type="error"
      showIcon
      style={style}
      title={texts.loadFailed}
      description={failure === recordNotFound ? texts.notFound : failure}
      action={<Button onClick={onRetry}>{texts.retry}</Button>}
    />
  ) : (
    <Skeleton active />
  );
