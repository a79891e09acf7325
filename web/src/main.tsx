/**
 * The console's entry: public pages (submit, track, the follow-up survey) and the officials' console under /console,
 * each route its own chunk (`lazy`), so the public pages never load the officials' code.
 */
// Noto Sans SC in ~100 unicode-range slices: a page downloads only the slices of the characters it shows.
import '@fontsource/noto-sans-sc/400.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { PageLoading } from './common/PageLoading.tsx';
import { RouteError } from './common/RouteError.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { PublicLayout } from './public/PublicLayout.tsx';

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

const router = createBrowserRouter([
  {
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        element: <PublicLayout />,
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: page(() => import('./public/HomePage.tsx')) },
          { path: 'complaint', lazy: page(() => import('./public/SubmitComplaintPage.tsx')) },
          { path: 'track', lazy: page(() => import('./public/TrackPage.tsx')) },
          { path: 'survey/:token', lazy: page(() => import('./public/SurveyPage.tsx')) },
          { path: 'inspections', lazy: page(() => import('./public/PublicInspectionsPage.tsx')) },
        ],
      },
      {
        path: 'console',
        errorElement: <RouteError />,
        lazy: page(() => import('./console/ConsoleLayout.tsx')),
        children: [
          { index: true, lazy: page(() => import('./console/ledger/LedgerPage.tsx')) },
          { path: 'my-work', lazy: page(() => import('./console/work/MyWorkPage.tsx')) },
          { path: 'cases', lazy: page(() => import('./console/cases/CaseListPage.tsx')) },
          { path: 'cases/:id', lazy: page(() => import('./console/cases/CasePage.tsx')) },
          { path: 'statistics', lazy: page(() => import('./console/statistics/StatisticsPage.tsx')) },
          {
            path: 'rectification',
            lazy: page(() => import('./console/rectification/RectificationLedgerPage.tsx')),
          },
          { path: 'rectification/new', lazy: page(() => import('./console/rectification/ProblemCreatePage.tsx')) },
          { path: 'rectification/import', lazy: page(() => import('./console/rectification/LedgerImportPage.tsx')) },
          { path: 'campaigns', lazy: page(() => import('./console/campaigns/CampaignListPage.tsx')) },
          { path: 'campaigns/new', lazy: page(() => import('./console/campaigns/CampaignCreatePage.tsx')) },
          { path: 'campaigns/:id', lazy: page(() => import('./console/campaigns/CampaignPage.tsx')) },
          { path: 'enterprises', lazy: page(() => import('./console/enterprises/EnterpriseSearchPage.tsx')) },
          { path: 'enterprises/new', lazy: page(() => import('./console/enterprises/EnterpriseRegisterPage.tsx')) },
          { path: 'enterprises/import', lazy: page(() => import('./console/enterprises/EnterpriseImportPage.tsx')) },
          {
            path: 'enterprises/positive-list',
            lazy: page(() => import('./console/enterprises/PositiveListPage.tsx')),
          },
          { path: 'enterprises/:uscc', lazy: page(() => import('./console/enterprises/EnterprisePage.tsx')) },
          { path: 'grading', lazy: page(() => import('./console/grading/GradingPage.tsx')) },
          { path: 'grading/assessments/:id', lazy: page(() => import('./console/grading/AssessmentPage.tsx')) },
          { path: 'inspections', lazy: page(() => import('./console/inspections/PlansPage.tsx')) },
          { path: 'inspections/pools', lazy: page(() => import('./console/inspections/PoolsPage.tsx')) },
          { path: 'inspections/draws/:id', lazy: page(() => import('./console/inspections/DrawPage.tsx')) },
          {
            path: 'inspections/records',
            lazy: page(() => import('./console/inspections/InspectionRecordsPage.tsx')),
          },
          {
            path: 'inspections/records/new',
            lazy: page(() => import('./console/inspections/InspectionEntryPage.tsx')),
          },
          {
            path: 'inspections/enforcement',
            lazy: page(() => import('./console/inspections/EnforcementLedgerPage.tsx')),
          },
          { path: 'hotline', lazy: page(() => import('./console/hotline/HotlinePage.tsx')) },
          { path: 'follow-ups', lazy: page(() => import('./console/follow-ups/FollowUpsPage.tsx')) },
          { path: 'admin/policies', lazy: page(() => import('./console/admin/PoliciesPage.tsx')) },
          { path: 'admin/calendar', lazy: page(() => import('./console/admin/CalendarPage.tsx')) },
          { path: 'admin/survey-settings', lazy: page(() => import('./console/admin/SurveySettingsPage.tsx')) },
          { path: 'admin/users', lazy: page(() => import('./console/directory/UsersPage.tsx')) },
        ],
      },
      { path: 'console/sign-in', errorElement: <RouteError />, lazy: page(() => import('./console/SignInPage.tsx')) },
      {
        path: 'console/callback',
        errorElement: <RouteError />,
        lazy: page(() => import('./console/CallbackPage.tsx')),
      },
      { path: '*', element: <RouteError notFound /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>
  </StrictMode>,
);
