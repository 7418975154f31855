import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AbsencesPage } from '../features/absences/AbsencesPage';
import { AccountPage } from '../features/account/AccountPage';
import { AuditPage } from '../features/audit/AuditPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { ClientPage } from '../features/clients/ClientPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { ContactPage } from '../features/contacts/ContactPage';
import { DeadlinesPage } from '../features/calendar/DeadlinesPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { FeedbackDetailPage } from '../features/feedback/FeedbackDetailPage';
import { FeedbackListPage } from '../features/feedback/FeedbackListPage';
import { FeedbackNewPage } from '../features/feedback/FeedbackNewPage';
import { InstitutionsPage } from '../features/institutions/InstitutionsPage';
import { ArticlePage } from '../features/knowledge/ArticlePage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { LoginPage } from '../features/login/LoginPage';
import { MyWorkPage } from '../features/my-work/MyWorkPage';
import { NewsPage } from '../features/news/NewsPage';
import { QuarantinePage } from '../features/mail/QuarantinePage';
import { SignaturePage } from '../features/letters/SignaturePage';
import { TextModulesPage } from '../features/letters/TextModulesPage';
import { OutboxPage } from '../features/outbox/OutboxPage';
import { CallsPage } from '../features/phone/CallLog';
import { CallbacksPage } from '../features/phone/CallbacksPage';
import { CallLoadPage } from '../features/phone/CallLoadPage';
import { ControlPage } from '../features/control/ControlPage';
import { UnitReportPage, UnitReportsPage } from '../features/unit-reports/UnitReportsPage';
import { PhoneAdminPage } from '../features/phone/PhoneAdminPage';
import { QueuePage } from '../features/queue/QueuePage';
import { ReceptionPage } from '../features/reception/ReceptionPage';
import { RequestDetailPage } from '../features/requests/RequestDetailPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { ReviewsPage } from '../features/reviews/ReviewsPage';
import { SearchPage } from '../features/search/SearchPage';
import { EditServicePage, NewServicePage } from '../features/services/ServiceFormPage';
import { ServicePage } from '../features/services/ServicePage';
import { ServicesPage } from '../features/services/ServicesPage';
import { StaffPage } from '../features/staff/StaffPage';
import { MailboxesPage } from '../features/mailboxes/MailboxesPage';
import { TokensPage } from '../features/tokens/TokensPage';
import { UnitsPage } from '../features/units/UnitsPage';
import type { Permission } from '../../domain/roles';
import { Loading } from '../ui/Notice';
import { PageHeader } from '../ui/PageHeader';
import { Layout } from './Layout';
import { useSession, useSessionState } from './session';

// The rich-text editor is a large library that only writers need: loaded when a form opens.
const LazyArticleFormPage = lazy(() =>
  import('../features/knowledge/ArticleFormPage').then((module) => ({
    default: module.ArticleFormPage,
  })),
);
function ArticleFormPage() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyArticleFormPage />
    </Suspense>
  );
}

// Surveys are the work of a few people and a few days a year: their pages (and the charts) load
// when first opened, so the rest of the app starts without them.
function lazyPage(load: () => Promise<React.ComponentType>) {
  const Page = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}
const CatiConsolePage = lazyPage(() =>
  import('../features/cati/CatiConsolePage').then((module) => module.CatiConsolePage),
);
const WaveCatiPage = lazyPage(() =>
  import('../features/cati/WaveCatiPage').then((module) => module.WaveCatiPage),
);
const PublishedReportsPage = lazyPage(() =>
  import('../features/survey-reports/PublishedReportsPage').then(
    (module) => module.PublishedReportsPage,
  ),
);
const ReportEditorPage = lazyPage(() =>
  import('../features/survey-reports/ReportEditorPage').then((module) => module.ReportEditorPage),
);
const ReportPage = lazyPage(() =>
  import('../features/survey-reports/ReportPage').then((module) => module.ReportPage),
);
const SurveyReportsPage = lazyPage(() =>
  import('../features/survey-reports/SurveyReportsPage').then((module) => module.SurveyReportsPage),
);
const QuestionnaireEditorPage = lazyPage(() =>
  import('../features/surveys/QuestionnaireEditorPage').then(
    (module) => module.QuestionnaireEditorPage,
  ),
);
const SurveyPage = lazyPage(() =>
  import('../features/surveys/SurveyPage').then((module) => module.SurveyPage),
);
const ImprovementsPage = lazyPage(() =>
  import('../features/improvements/ImprovementsPage').then((module) => module.ImprovementsPage),
);
const ImprovementTaskPage = lazyPage(() =>
  import('../features/improvements/ImprovementTaskPage').then(
    (module) => module.ImprovementTaskPage,
  ),
);
const ImprovementTaskFormPage = lazyPage(() =>
  import('../features/improvements/ImprovementTaskFormPage').then(
    (module) => module.ImprovementTaskFormPage,
  ),
);
const IdeasPage = lazyPage(() =>
  import('../features/ideas/IdeasPage').then((module) => module.IdeasPage),
);
const SurveyResultsPage = lazyPage(() =>
  import('../features/surveys/SurveyResultsPage').then((module) => module.SurveyResultsPage),
);
const SurveysPage = lazyPage(() =>
  import('../features/surveys/SurveysPage').then((module) => module.SurveysPage),
);
const WavePage = lazyPage(() =>
  import('../features/surveys/WavePage').then((module) => module.WavePage),
);

function NotFound() {
  const { t } = useTranslation();
  return <PageHeader title={t('errors.notFoundTitle')} intro={t('errors.notFound')} />;
}

/**
 * Shows the page only to those the server would let see it (any one of the permissions); the
 * server checks again.
 */
function Permitted(props: { permission: Permission | Permission[]; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const permissions = Array.isArray(props.permission) ? props.permission : [props.permission];
  if (!permissions.some(can))
    return <PageHeader title={t('errors.notFoundTitle')} intro={t('errors.forbidden')} />;
  return props.children;
}

/**
 * Where one lands after signing in: the front office (those who serve clients) on the day's work,
 * everyone else on the directory.
 */
function Home() {
  const { can } = useSession();
  return can('requests.work') ? <Navigate to="/my-work" replace /> : <DirectoryPage />;
}

/** Serving clients; seeing cases and clients is also for those who only read them all. */
const SERVING: Permission = 'requests.work';
const CASES: Permission[] = ['requests.work', 'requests.read-all'];
/** Those who register, evaluate, handle their units' or the Ethics commission's feedback. */
const FEEDBACK: Permission[] = [
  'feedback.register',
  'feedback.manage-unit',
  'feedback.evaluate',
  'feedback.ethics',
];
const permitted = (permission: Permission | Permission[], page: React.ReactNode) => (
  <Permitted permission={permission}>{page}</Permitted>
);

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'my-work', element: permitted(SERVING, <MyWorkPage />) },
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'absences', element: <AbsencesPage /> },
      { path: 'reception', element: permitted(SERVING, <ReceptionPage />) },
      { path: 'queue', element: permitted(SERVING, <QueuePage />) },
      { path: 'mail/quarantine', element: permitted(SERVING, <QuarantinePage />) },
      { path: 'callbacks', element: permitted(SERVING, <CallbacksPage />) },
      { path: 'calls', element: permitted(SERVING, <CallsPage />) },
      {
        // The heads see their units' load as they see their incidents.
        path: 'calls/load',
        element: permitted('incidents.read', <CallLoadPage />),
      },
      { path: 'cati', element: permitted('surveys.interview', <CatiConsolePage />) },
      { path: 'surveys', element: permitted('surveys.manage', <SurveysPage />) },
      { path: 'surveys/:id', element: permitted('surveys.manage', <SurveyPage />) },
      {
        path: 'surveys/:id/questionnaire',
        element: permitted('surveys.manage', <QuestionnaireEditorPage />),
      },
      { path: 'surveys/:id/results', element: permitted('surveys.manage', <SurveyResultsPage />) },
      { path: 'surveys/:id/reports', element: permitted('surveys.manage', <SurveyReportsPage />) },
      { path: 'surveys/waves/:waveId', element: permitted('surveys.manage', <WavePage />) },
      {
        path: 'survey-reports/:id/edit',
        element: permitted('surveys.manage', <ReportEditorPage />),
      },
      { path: 'reports', element: <PublishedReportsPage /> },
      // Anyone may own a task or head a unit that has one; the server shows each their own.
      { path: 'quality/improvements', element: <ImprovementsPage /> },
      {
        path: 'quality/improvements/new',
        element: permitted('improvements.manage', <ImprovementTaskFormPage />),
      },
      { path: 'quality/improvements/:id', element: <ImprovementTaskPage /> },
      {
        path: 'quality/improvements/:id/edit',
        element: permitted('improvements.manage', <ImprovementTaskFormPage />),
      },
      { path: 'quality/ideas', element: permitted('ideas.submit', <IdeasPage />) },
      { path: 'quality/control', element: permitted('control.read', <ControlPage />) },
      {
        path: 'quality/unit-reports',
        element: permitted(['improvements.manage', 'unit-reports.submit'], <UnitReportsPage />),
      },
      {
        path: 'quality/unit-reports/:id',
        element: permitted(['improvements.manage', 'unit-reports.submit'], <UnitReportPage />),
      },
      // The staff's registry; the public form is the server's own page at /feedback.
      { path: 'quality/feedback', element: permitted(FEEDBACK, <FeedbackListPage />) },
      {
        path: 'quality/feedback/new',
        element: permitted('feedback.register', <FeedbackNewPage />),
      },
      { path: 'quality/feedback/:id', element: permitted(FEEDBACK, <FeedbackDetailPage />) },
      { path: 'reports/:id', element: <ReportPage /> },
      {
        path: 'surveys/waves/:waveId/cati',
        element: permitted('surveys.manage', <WaveCatiPage />),
      },
      { path: 'contacts/:id', element: permitted(CASES, <ContactPage />) },
      { path: 'requests', element: permitted(CASES, <RequestsPage />) },
      { path: 'requests/:id', element: permitted(CASES, <RequestDetailPage />) },
      { path: 'clients', element: permitted(CASES, <ClientsPage />) },
      { path: 'clients/:id', element: permitted(CASES, <ClientPage />) },
      { path: 'search', element: <SearchPage /> },
      { path: 'knowledge', element: <KnowledgePage /> },
      { path: 'knowledge/new', element: permitted('knowledge.edit', <ArticleFormPage />) },
      { path: 'knowledge/:id', element: <ArticlePage /> },
      { path: 'knowledge/:id/edit', element: <ArticleFormPage /> },
      { path: 'news', element: <NewsPage /> },
      { path: 'services', element: <ServicesPage /> },
      { path: 'services/new', element: permitted('knowledge.edit', <NewServicePage />) },
      { path: 'services/:id', element: <ServicePage /> },
      { path: 'services/:id/edit', element: <EditServicePage /> },
      { path: 'reviews', element: <ReviewsPage /> },
      { path: 'organisation/institutions', element: <InstitutionsPage /> },
      { path: 'organisation/units', element: <UnitsPage /> },
      { path: 'organisation/staff', element: <StaffPage /> },
      { path: 'organisation/calendar', element: <CalendarPage /> },
      { path: 'organisation/deadlines', element: <DeadlinesPage /> },
      {
        path: 'admin/mailboxes',
        element: (
          <Permitted permission="mailboxes.manage">
            <MailboxesPage />
          </Permitted>
        ),
      },
      {
        path: 'admin/tokens',
        element: (
          <Permitted permission="tokens.manage">
            <TokensPage />
          </Permitted>
        ),
      },
      { path: 'admin/telephony', element: permitted('telephony.manage', <PhoneAdminPage />) },
      {
        path: 'admin/audit',
        element: (
          <Permitted permission="audit.read">
            <AuditPage />
          </Permitted>
        ),
      },
      {
        path: 'admin/signature',
        element: (
          <Permitted permission="signatures.manage">
            <SignaturePage />
          </Permitted>
        ),
      },
      { path: 'text-modules', element: <TextModulesPage /> },
      {
        path: 'admin/outbox',
        element: (
          <Permitted permission="outbox.manage">
            <OutboxPage />
          </Permitted>
        ),
      },
      { path: 'account', element: <AccountPage /> },
      // A sign-in page kept as a bookmark: once signed in, it is the start page.
      { path: 'login', element: <Navigate to="/" replace /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

/** Sign-in first; once signed in, the address decides the page (deep links survive sign-in). */
export function App() {
  const { me, loading } = useSessionState();
  if (loading) return <Loading />;
  if (!me) return <LoginPage />;
  return <RouterProvider router={router} />;
}
