/**
 * The public pages' frame: the bureau's name, the two things the public comes for, and the language switch. On a
 * phone the header narrows (styles.css): the bureau's name goes, and the menu takes a row of its own.
 */
import { Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { useT } from '../i18n/i18n.tsx';

export const PublicLayout = () => {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="gl-header"
        style={{ display: 'flex', alignItems: 'center', background: '#0f5f2c', color: '#fff' }}
      >
        <Link to="/" style={{ color: '#fff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.name')}
          <span className="gl-header-bureau"> · {t('app.bureau')}</span>
        </Link>
        <nav aria-label={t('public.home')} className="gl-header-nav">
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[pathname]}
            style={{ background: 'transparent' }}
            items={[
              { key: '/complaint', label: <Link to="/complaint">{t('public.submit')}</Link> },
              { key: '/track', label: <Link to="/track">{t('public.track')}</Link> },
              { key: '/inspections', label: <Link to="/inspections">{t('public.inspections')}</Link> },
            ]}
          />
        </nav>
        <LanguageSwitch />
        <Link to="/console" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('public.console')}
        </Link>
      </Layout.Header>
      {/* Not Layout.Content: it renders a <main>, and each page has its own. */}
      <div style={{ flex: 'auto' }}>
        <Outlet />
      </div>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('public.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
};
