import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountPage } from './features/account/components/AccountPage.js';
import { AuditLogPage } from './features/audit/components/AuditLogPage.js';
import { AuthProvider } from './features/auth/components/AuthProvider.js';
import { LoginPage } from './features/auth/components/LoginPage.js';
import { DueDateCalculatorPage } from './features/calendar/components/DueDateCalculatorPage.js';
import { WorkingCalendarPage } from './features/calendar/components/WorkingCalendarPage.js';
import { ProcedurePage } from './features/catalogue/components/ProcedurePage.js';
import { ProcedureSearchPage } from './features/catalogue/components/ProcedureSearchPage.js';
import { BackOfficeLayout } from './features/back-office/components/BackOfficeLayout.js';
import { DashboardPage } from './features/back-office/components/DashboardPage.js';
import { PlaceholderPage } from './features/back-office/components/PlaceholderPage.js';
import { RequireCapability } from './features/back-office/components/RequireCapability.js';
import { PLACEHOLDER_ITEMS } from './features/back-office/nav-items.js';
import { DossierPage } from './features/dossiers/components/DossierPage.js';
import { ApprovalPage, ProcessingPage, ReceptionPage } from './features/dossiers/components/WorkQueuePages.js';
import { DossierLookupPage } from './features/portal/components/DossierLookupPage.js';
import { NotFoundPage } from './features/portal/components/NotFoundPage.js';
import { PortalHomePage } from './features/portal/components/PortalHomePage.js';
import { PublicLayout } from './features/portal/components/PublicLayout.js';
import { PublicationDecisionsPage } from './features/publication/components/PublicationDecisionsPage.js';
import { PublicationWatchdogPage } from './features/publication/components/PublicationWatchdogPage.js';
import { MyDossierPage } from './features/portal-dossiers/components/MyDossierPage.js';
import { MyDossiersPage } from './features/portal-dossiers/components/MyDossiersPage.js';
import { PublicDossierStatusPage } from './features/portal-dossiers/components/PublicDossierStatusPage.js';
import { SubmitDossierPage } from './features/portal-dossiers/components/SubmitDossierPage.js';
import { DefinitionsPage } from './features/scorecard/components/DefinitionsPage.js';
import { DrilldownPage } from './features/scorecard/components/DrilldownPage.js';
import { SettlementReportPage } from './features/scorecard/components/SettlementReportPage.js';
import { UnitsPage } from './features/units/components/UnitsPage.js';
import { LoadingState } from './shared/components/LoadingState.js';

/** The dashboard draws with ECharts: loaded only when opened. */
const ScorecardPage = lazy(() => import('./features/scorecard/components/ScorecardPage.js').then((m) => ({ default: m.ScorecardPage })));

/**
 * Client routes. The server must answer every one of these paths (and any other non-/api path)
 * with index.html: /, /thu-tuc, /thu-tuc/:code (the code has a dot: /thu-tuc/1.001193), /tra-cuu-ho-so,
 * /tinh-ngay-hen, /dang-nhap, /tai-khoan, /can-bo/**.
 */
export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
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
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
