/**
 * The officials' console frame: sign-in required (else to /console/sign-in, coming back afterwards), a menu of what
 * the user's roles use, who is signed in, the language switch and sign-out.
 */
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { clearSession, useSession } from '../auth/session.ts';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { useT } from '../i18n/i18n.tsx';

const ConsoleLayout = () => {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/console/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  const roles = session.user.roles;
  const has = (...wanted: string[]) => wanted.some((role) => roles.includes(role));
  const items = [
    { key: '/console', label: <Link to="/console">{t('console.ledger')}</Link> },
    { key: '/console/my-work', label: <Link to="/console/my-work">{t('console.myWork')}</Link> },
    { key: '/console/cases', label: <Link to="/console/cases">{t('console.cases')}</Link> },
    ...(has('dispatcher', 'lead', 'supervisor', 'admin')
      ? [{ key: '/console/statistics', label: <Link to="/console/statistics">{t('console.statistics')}</Link> }]
      : []),
    ...(has('operator', 'dispatcher')
      ? [
          { key: '/console/hotline', label: <Link to="/console/hotline">{t('console.hotline')}</Link> },
          { key: '/console/follow-ups', label: <Link to="/console/follow-ups">{t('console.followUps')}</Link> },
        ]
      : []),
    ...(has('admin', 'supervisor')
      ? [
          { key: '/console/admin/policies', label: <Link to="/console/admin/policies">{t('console.policies')}</Link> },
          { key: '/console/admin/calendar', label: <Link to="/console/admin/calendar">{t('console.calendar')}</Link> },
        ]
      : []),
    ...(has('admin', 'supervisor', 'dispatcher')
      ? [
          {
            key: '/console/admin/survey-settings',
            label: <Link to="/console/admin/survey-settings">{t('console.surveySettings')}</Link>,
          },
        ]
      : []),
    ...(has('admin', 'supervisor')
      ? [{ key: '/console/admin/users', label: <Link to="/console/admin/users">{t('console.users')}</Link> }]
      : []),
  ];
  const selected = items
    .map((item) => item.key)
    .filter((key) => location.pathname === key || (key !== '/console' && location.pathname.startsWith(`${key}/`)));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0f5f2c', color: '#fff' }}>
        <Link to="/console" style={{ color: '#fff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.name')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected.length > 0 ? selected : [location.pathname]}
            style={{ background: 'transparent' }}
            items={items}
          />
        </nav>
        <Space size="small">
          <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-user">
            {session.user.displayName}
          </Typography.Text>
          <LanguageSwitch />
          <Button type="text" style={{ color: '#fff' }} onClick={clearSession}>
            {t('console.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content>
        <main className="gl-page">
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
};

export default ConsoleLayout;
