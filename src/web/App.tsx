import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider } from './features/auth/components/AuthProvider.js';
import { RequireCapability } from './features/back-office/components/RequireCapability.js';
import { RequireReformAccess } from './features/reform-plan/components/RequireReformAccess.js';
import { PLACEHOLDER_ITEMS } from './features/back-office/nav-items.js';
import { PortalHomePage } from './features/portal/components/PortalHomePage.js';
import { PublicLayout } from './features/portal/components/PublicLayout.js';
import { LoadingState, PAGE_LOADING_LABEL } from './shared/components/LoadingState.js';

/**
 * A page fetched the first time its route is shown. The portal's home page is the only page in the first download
 * (issue 17: the first visit stays under 300 kB); the back office and the other portal pages come in chunks of their own.
 */
function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<ComponentType<PropsOf<M[K]>>> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<PropsOf<M[K]>> }));
}
/** The props of a function component; never for anything else, so that naming a non-component fails where it is used. */
type PropsOf<C> = C extends (props: infer P) => ReactNode ? P : never;

const AccountPage = lazyPage(() => import('./features/account/components/AccountPage.js'), 'AccountPage');
const AuditLogPage = lazyPage(() => import('./features/audit/components/AuditLogPage.js'), 'AuditLogPage');
const LoginPage = lazyPage(() => import('./features/auth/components/LoginPage.js'), 'LoginPage');
const DueDateCalculatorPage = lazyPage(() => import('./features/calendar/components/DueDateCalculatorPage.js'), 'DueDateCalculatorPage');
const WorkingCalendarPage = lazyPage(() => import('./features/calendar/components/WorkingCalendarPage.js'), 'WorkingCalendarPage');
const ProcedurePage = lazyPage(() => import('./features/catalogue/components/ProcedurePage.js'), 'ProcedurePage');
const ProcedureSearchPage = lazyPage(() => import('./features/catalogue/components/ProcedureSearchPage.js'), 'ProcedureSearchPage');
const BackOfficeLayout = lazyPage(() => import('./features/back-office/components/BackOfficeLayout.js'), 'BackOfficeLayout');
const DashboardPage = lazyPage(() => import('./features/back-office/components/DashboardPage.js'), 'DashboardPage');
const PlaceholderPage = lazyPage(() => import('./features/back-office/components/PlaceholderPage.js'), 'PlaceholderPage');
const DossierPage = lazyPage(() => import('./features/dossiers/components/DossierPage.js'), 'DossierPage');
const ReceptionPage = lazyPage(() => import('./features/dossiers/components/WorkQueuePages.js'), 'ReceptionPage');
const ProcessingPage = lazyPage(() => import('./features/dossiers/components/WorkQueuePages.js'), 'ProcessingPage');
const ApprovalPage = lazyPage(() => import('./features/dossiers/components/WorkQueuePages.js'), 'ApprovalPage');
const DossierLookupPage = lazyPage(() => import('./features/portal/components/DossierLookupPage.js'), 'DossierLookupPage');
const NotFoundPage = lazyPage(() => import('./features/portal/components/NotFoundPage.js'), 'NotFoundPage');
const PaymentTasksPage = lazyPage(() => import('./features/payments/components/PaymentTasksPage.js'), 'PaymentTasksPage');
const PublicationDecisionsPage = lazyPage(() => import('./features/publication/components/PublicationDecisionsPage.js'), 'PublicationDecisionsPage');
const PublicationWatchdogPage = lazyPage(() => import('./features/publication/components/PublicationWatchdogPage.js'), 'PublicationWatchdogPage');
const MyDossierPage = lazyPage(() => import('./features/portal-dossiers/components/MyDossierPage.js'), 'MyDossierPage');
const MyDossiersPage = lazyPage(() => import('./features/portal-dossiers/components/MyDossiersPage.js'), 'MyDossiersPage');
const MyVaultPage = lazyPage(() => import('./features/data-vault/components/MyVaultPage.js'), 'MyVaultPage');
const PublicDossierStatusPage = lazyPage(() => import('./features/portal-dossiers/components/PublicDossierStatusPage.js'), 'PublicDossierStatusPage');
const SubmitDossierPage = lazyPage(() => import('./features/portal-dossiers/components/SubmitDossierPage.js'), 'SubmitDossierPage');
const VerifyPage = lazyPage(() => import('./features/results/components/VerifyPage.js'), 'VerifyPage');
const DefinitionsPage = lazyPage(() => import('./features/scorecard/components/DefinitionsPage.js'), 'DefinitionsPage');
const DrilldownPage = lazyPage(() => import('./features/scorecard/components/DrilldownPage.js'), 'DrilldownPage');
/** The dashboard draws with ECharts. */
const ScorecardPage = lazyPage(() => import('./features/scorecard/components/ScorecardPage.js'), 'ScorecardPage');
const SettlementReportPage = lazyPage(() => import('./features/scorecard/components/SettlementReportPage.js'), 'SettlementReportPage');
const DigitizationReportPage = lazyPage(() => import('./features/digitization/components/DigitizationReportPage.js'), 'DigitizationReportPage');
const ConnectionsPage = lazyPage(() => import('./features/national-sync/components/ConnectionsPage.js'), 'ConnectionsPage');
const NationalSyncPage = lazyPage(() => import('./features/national-sync/components/NationalSyncPage.js'), 'NationalSyncPage');
const UnitsPage = lazyPage(() => import('./features/units/components/UnitsPage.js'), 'UnitsPage');
const FeedbackListPage = lazyPage(() => import('./features/feedback/components/FeedbackListPage.js'), 'FeedbackListPage');
const PublicAnswerPage = lazyPage(() => import('./features/feedback/components/PublicAnswerPage.js'), 'PublicAnswerPage');
const SubmitFeedbackPage = lazyPage(() => import('./features/feedback/components/SubmitFeedbackPage.js'), 'SubmitFeedbackPage');
const TrackFeedbackPage = lazyPage(() => import('./features/feedback/components/TrackFeedbackPage.js'), 'TrackFeedbackPage');
const MyFeedbackPage = lazyPage(() => import('./features/feedback/components/MyFeedbackPage.js'), 'MyFeedbackPage');
const MyFeedbackItemPage = lazyPage(() => import('./features/feedback/components/MyFeedbackItemPage.js'), 'MyFeedbackItemPage');
const FeedbackQueuePage = lazyPage(() => import('./features/feedback/components/FeedbackQueuePage.js'), 'FeedbackQueuePage');
const FeedbackItemPage = lazyPage(() => import('./features/feedback/components/FeedbackItemPage.js'), 'FeedbackItemPage');
const EnterFeedbackPage = lazyPage(() => import('./features/feedback/components/EnterFeedbackPage.js'), 'EnterFeedbackPage');
/** The reform plan's page draws its completion chart with ECharts. */
const ReformPlanPage = lazyPage(() => import('./features/reform-plan/components/ReformPlanPage.js'), 'ReformPlanPage');
const ReformImportPage = lazyPage(() => import('./features/reform-plan/components/ReformImportPage.js'), 'ReformImportPage');
const ReformTaskPage = lazyPage(() => import('./features/reform-plan/components/ReformTaskPage.js'), 'ReformTaskPage');
const LegalRegisterPage = lazyPage(() => import('./features/legal-documents/components/LegalRegisterPage.js'), 'LegalRegisterPage');
const LegalDocumentPage = lazyPage(() => import('./features/legal-documents/components/LegalDocumentPage.js'), 'LegalDocumentPage');
const ParIndexPage = lazyPage(() => import('./features/par-index/components/ParIndexPage.js'), 'ParIndexPage');
/** A round's results draw their bars with ECharts. */
const ParRoundPage = lazyPage(() => import('./features/par-index/components/ParRoundPage.js'), 'ParRoundPage');
const ParAssessmentPage = lazyPage(() => import('./features/par-index/components/ParAssessmentPage.js'), 'ParAssessmentPage');
const SurveyAnswerPage = lazyPage(() => import('./features/survey/components/SurveyAnswerPage.js'), 'SurveyAnswerPage');
/** The survey's results draw with ECharts. */
const SurveyPage = lazyPage(() => import('./features/survey/components/SurveyPage.js'), 'SurveyPage');

/**
 * Client routes. The server must answer every one of these paths (and any other non-/api path)
 * with index.html: /, /thu-tuc, /thu-tuc/:code (the code has a dot: /thu-tuc/1.001193), /tra-cuu-ho-so,
 * /tinh-ngay-hen, /dang-nhap, /tai-khoan, /xac-thuc/:code (the QR code of a result document), /phan-anh-kien-nghi/** (citizen
 * feedback: the answers, the form, tracking), /khao-sat/:token (the satisfaction survey's answering page), /can-bo/**, /quan-tri/**.
 */
export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        {/* While the back office's frame loads; PublicLayout and BackOfficeShell hold their pages' own boundary, inside <main>. */}
        <Suspense fallback={<LoadingState label={PAGE_LOADING_LABEL} />}>
          <Routes>
            <Route element={<PublicLayout />}>
              <Route index element={<PortalHomePage />} />
              <Route path="thu-tuc" element={<ProcedureSearchPage />} />
              <Route path="thu-tuc/:code" element={<ProcedurePage />} />
              <Route path="tra-cuu-ho-so" element={<DossierLookupPage />} />
              <Route path="tra-cuu-ho-so/:code" element={<PublicDossierStatusPage />} />
              <Route path="nop-ho-so/:code" element={<SubmitDossierPage />} />
              <Route path="tinh-ngay-hen" element={<DueDateCalculatorPage />} />
              <Route path="dang-nhap" element={<LoginPage />} />
              <Route path="tai-khoan" element={<AccountPage />} />
              <Route path="tai-khoan/ho-so" element={<MyDossiersPage />} />
              <Route path="tai-khoan/ho-so/:id" element={<MyDossierPage />} />
              <Route path="tai-khoan/phan-anh" element={<MyFeedbackPage />} />
              <Route path="tai-khoan/phan-anh/:code" element={<MyFeedbackItemPage />} />
              <Route path="tai-khoan/kho-du-lieu" element={<MyVaultPage />} />
              <Route path="xac-thuc" element={<VerifyPage />} />
              <Route path="xac-thuc/:code" element={<VerifyPage />} />
              <Route path="phan-anh-kien-nghi" element={<FeedbackListPage />} />
              <Route path="phan-anh-kien-nghi/gui" element={<SubmitFeedbackPage />} />
              <Route path="phan-anh-kien-nghi/tra-cuu" element={<TrackFeedbackPage />} />
              <Route path="phan-anh-kien-nghi/:code" element={<PublicAnswerPage />} />
              <Route path="khao-sat/:token" element={<SurveyAnswerPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
            <Route path="can-bo" element={<BackOfficeLayout />}>
              <Route index element={<DashboardPage />} />
              <Route
                path="don-vi"
                element={
                  <RequireCapability capability="units.view">
                    <UnitsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="lich-lam-viec"
                element={
                  <RequireCapability capability="calendar.manage">
                    <WorkingCalendarPage />
                  </RequireCapability>
                }
              />
              <Route
                path="nhat-ky"
                element={
                  <RequireCapability capability="audit.view">
                    <AuditLogPage />
                  </RequireCapability>
                }
              />
              <Route
                path="cong-bo-thu-tuc"
                element={
                  <RequireCapability capability="catalogue.manage">
                    <PublicationWatchdogPage />
                  </RequireCapability>
                }
              />
              <Route
                path="quyet-dinh-cong-bo"
                element={
                  <RequireCapability capability="catalogue.manage">
                    <PublicationDecisionsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="tiep-nhan-ho-so"
                element={
                  <RequireCapability capability="dossier.receive">
                    <ReceptionPage />
                  </RequireCapability>
                }
              />
              <Route
                path="xu-ly-ho-so"
                element={
                  <RequireCapability capability="dossier.process">
                    <ProcessingPage />
                  </RequireCapability>
                }
              />
              <Route
                path="phe-duyet"
                element={
                  <RequireCapability capability="dossier.approve">
                    <ApprovalPage />
                  </RequireCapability>
                }
              />
              <Route
                path="chi-so"
                element={
                  <RequireCapability capability="scorecard.view">
                    <Suspense fallback={<LoadingState label="Đang tải bảng chỉ số…" />}>
                      <ScorecardPage />
                    </Suspense>
                  </RequireCapability>
                }
              />
              <Route
                path="chi-so/chi-tiet/:indicator"
                element={
                  <RequireCapability capability="scorecard.view">
                    <DrilldownPage />
                  </RequireCapability>
                }
              />
              <Route
                path="chi-so/dinh-nghia"
                element={
                  <RequireCapability capability="scorecard.view">
                    <DefinitionsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="bao-cao-giai-quyet"
                element={
                  <RequireCapability capability="scorecard.view">
                    <SettlementReportPage />
                  </RequireCapability>
                }
              />
              <Route
                path="bao-cao-so-hoa"
                element={
                  <RequireCapability capability="scorecard.view">
                    <DigitizationReportPage />
                  </RequireCapability>
                }
              />
              <Route
                path="dong-bo-cong-dvcqg"
                element={
                  <RequireCapability capability="audit.view">
                    <NationalSyncPage />
                  </RequireCapability>
                }
              />
              <Route
                path="thu-phi"
                element={
                  <RequireCapability capability="payment.manage">
                    <PaymentTasksPage />
                  </RequireCapability>
                }
              />
              <Route
                path="phan-anh"
                element={
                  <RequireCapability capability="feedback.handle">
                    <FeedbackQueuePage />
                  </RequireCapability>
                }
              />
              <Route
                path="phan-anh/nhap"
                element={
                  <RequireCapability capability="feedback.handle">
                    <EnterFeedbackPage />
                  </RequireCapability>
                }
              />
              <Route
                path="phan-anh/:id"
                element={
                  <RequireCapability capability="feedback.handle">
                    <FeedbackItemPage />
                  </RequireCapability>
                }
              />
              <Route
                path="ke-hoach-cai-cach"
                element={
                  <RequireReformAccess>
                    <ReformPlanPage />
                  </RequireReformAccess>
                }
              />
              <Route
                path="ke-hoach-cai-cach/nhap"
                element={
                  <RequireReformAccess manage>
                    <ReformImportPage />
                  </RequireReformAccess>
                }
              />
              <Route
                path="ke-hoach-cai-cach/nhiem-vu/:id"
                element={
                  <RequireReformAccess>
                    <ReformTaskPage />
                  </RequireReformAccess>
                }
              />
              <Route
                path="van-ban-phap-luat"
                element={
                  <RequireCapability capability="reform.manage">
                    <LegalRegisterPage />
                  </RequireCapability>
                }
              />
              <Route
                path="van-ban-phap-luat/:id"
                element={
                  <RequireCapability capability="reform.manage">
                    <LegalDocumentPage />
                  </RequireCapability>
                }
              />
              <Route
                path="khao-sat-hai-long"
                element={
                  <RequireCapability capability="scorecard.view">
                    <SurveyPage />
                  </RequireCapability>
                }
              />
              <Route
                path="chi-so-cai-cach"
                element={
                  <RequireCapability capability={['par.manage', 'par.assess']}>
                    <ParIndexPage />
                  </RequireCapability>
                }
              />
              <Route
                path="chi-so-cai-cach/dot/:id"
                element={
                  <RequireCapability capability={['par.manage', 'par.assess']}>
                    <ParRoundPage />
                  </RequireCapability>
                }
              />
              <Route
                path="chi-so-cai-cach/dot/:id/don-vi/:unit"
                element={
                  <RequireCapability capability={['par.manage', 'par.assess']}>
                    <ParAssessmentPage />
                  </RequireCapability>
                }
              />
              <Route path="ho-so/:id" element={<DossierPage />} />
              {PLACEHOLDER_ITEMS.map((item) => (
                <Route
                  key={item.path}
                  path={item.path}
                  element={
                    <RequireCapability capability={item.capability}>
                      <PlaceholderPage item={item} />
                    </RequireCapability>
                  }
                />
              ))}
              <Route path="*" element={<NotFoundPage homePath="/can-bo" />} />
            </Route>
            {/* Administration of the system, in the back office's frame. */}
            <Route path="quan-tri" element={<BackOfficeLayout />}>
              <Route index element={<Navigate to="ket-noi" replace />} />
              <Route
                path="ket-noi"
                element={
                  <RequireCapability capability="audit.view">
                    <ConnectionsPage />
                  </RequireCapability>
                }
              />
              <Route path="*" element={<NotFoundPage homePath="/can-bo" />} />
            </Route>
          </Routes>
        </Suspense>
      </AuthProvider>
    </BrowserRouter>
  );
}
