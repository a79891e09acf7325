import { Spin } from 'antd';
import { useT } from '../i18n/i18n.tsx';

/** What shows while a page's code loads. */
export const PageLoading = () => {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('common.loading')} />
    </div>
  );
};
