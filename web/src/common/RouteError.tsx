import { Button, Result } from 'antd';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useT } from '../i18n/i18n.tsx';

/** What a route shows when it is unknown or its page failed to load. */
export const RouteError = ({ notFound = false }: { notFound?: boolean }) => {
  const t = useT();
  const error = useRouteError();
  const missing = notFound || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <main className="gl-narrow">
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('common.notFound') : t('common.error')}
        subTitle={missing ? undefined : error instanceof Error ? error.message : undefined}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        }
      />
    </main>
  );
};
