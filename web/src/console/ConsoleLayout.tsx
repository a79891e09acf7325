/**
 * The officials' console frame: sign-in required (else to /console/sign-in, coming back afterwards), a menu of what
 * the user's roles use, who is signed in, the language switch and sign-out.
 */
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { clearSession, useSession } from '../auth/session.ts';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { useT } from '../i18n/i18n.tsx';

/** An entry of the console's menu; the administration pages are the children of one. */
interface MenuItem {
  readonly key: string;
  readonly label: ReactNode;
  readonly children?: MenuItem[];
}

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
  const items: MenuItem[] = [
    { key: '/console', label: <Link to="/console">{t('console.ledger')}</Link> },
    { key: '/console/my-work', label: <Link to="/console/my-work">{t('console.myWork')}</Link> },
    { key: '/console/cases', label: <Link to="/console/cases">{t('console.cases')}</Link> },
    ...(has('dispatcher', 'handler', 'lead', 'supervisor', 'admin')
      ? [
          {
            key: '/console/rectification',
            label: <Link to="/console/rectification">{t('console.rectification')}</Link>,
          },
        ]
      : []),
    ...(has('dispatcher', 'lead', 'supervisor', 'admin')
      ? [{ key: '/console/statistics', label: <Link to="/console/statistics">{t('console.statistics')}</Link> }]
      : []),
    ...(has('dispatcher', 'handler', 'lead', 'supervisor', 'admin')
      ? [{ key: '/console/campaigns', label: <Link to="/console/campaigns">{t('console.campaigns')}</Link> }]
      : []),
    // One entry for the register and its grading (the grading page is a link on the register's page), so that the
    // menu of the roles with most entries still fits the header without folding items away.
    { key: '/console/enterprises', label: <Link to="/console/enterprises">{t('console.enterprises')}</Link> },
    // Random inspections (双随机) and enforcement: every official reads them; the entry's pages say who may act.
    ...(has('dispatcher', 'handler', 'lead', 'supervisor', 'admin')
      ? [
          {
            key: '/console/inspections',
            label: t('console.inspections'),
            children: [
              {
                key: '/console/inspections/plans',
                label: <Link to="/console/inspections">{t('console.inspectionPlans')}</Link>,
              },
              {
                key: '/console/inspections/records',
                label: <Link to="/console/inspections/records">{t('console.inspectionRecords')}</Link>,
              },
              {
                key: '/console/inspections/enforcement',
                label: <Link to="/console/inspections/enforcement">{t('console.enforcement')}</Link>,
              },
            ],
          },
        ]
      : []),
    ...(has('operator', 'dispatcher')
      ? [
          { key: '/console/hotline', label: <Link to="/console/hotline">{t('console.hotline')}</Link> },
          { key: '/console/follow-ups', label: <Link to="/console/follow-ups">{t('console.followUps')}</Link> },
        ]
      : []),
  ];
  // The administration pages under one entry (系统管理), so that the header holds every role's menu at 1366 px.
  const adminItems = [
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
  if (adminItems.length > 0) items.push({ key: '/console/admin', label: t('console.admin'), children: adminItems });
  // The grading pages belong to the register's entry.
  // The pools and the draws belong to the plans' entry.
  const pathname = location.pathname
    .replace(/^\/console\/grading(?=\/|$)/, '/console/enterprises')
    .replace(/^\/console\/inspections(?:\/pools|\/draws(?=\/)|(?=$))/, '/console/inspections/plans');
  const selected = items
    .flatMap((item) => [item, ...(item.children ?? [])])
    .map((item) => item.key)
    .filter((key) => pathname === key || (key !== '/console' && pathname.startsWith(`${key}/`)));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 24,
          background: '#0f5f2c',
          color: '#fff',
        }}
      >
        <Link to="/console" style={{ color: '#fff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.name')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            className="gl-console-menu"
            selectedKeys={selected.length > 0 ? selected : [pathname]}
            style={{ background: 'transparent' }}
            items={items.map(({ children, ...item }) => (children ? { ...item, children } : item))}
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
      {/* Not Layout.Content: it renders a <main> too, and a page has one main landmark. */}
      <div style={{ flex: 'auto' }}>
        <main className="gl-page">
          <Outlet />
        </main>
      </div>
    </Layout>
  );
};

export default ConsoleLayout;
