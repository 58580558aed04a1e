import '../dossiers.css';
import { Alert, Anchor, Divider, Paper, SimpleGrid, Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Role } from '../../../../domain/access/roles.js';
import type { ActionType } from '../../../../domain/dossier/dossier.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useCurrentOfficial } from '../../back-office/hooks/useCurrentOfficial.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { DossierFeesPanel } from '../../payments/components/DossierFeesPanel.js';
import { ResultDocumentsPanel } from '../../results/components/ResultDocumentsPanel.js';
import { KioskRating } from '../../ratings/components/KioskRating.js';
import { DigitizePanel } from '../../digitization/components/DigitizePanel.js';
import { ProvideOncePanel } from '../../digitization/components/ProvideOncePanel.js';
import { useKeptData } from '../../digitization/hooks/useKeptData.js';
import { useProvideOnce } from '../../digitization/hooks/useProvideOnce.js';
import type { Dossier } from '../api/dossiers-api.js';
import { buildActionBody, emptyActionValues, needsForm } from '../action-forms.js';
import { filesByComponent } from '../component-files.js';
import { useDossier, useDossierFiles, useNow } from '../hooks/useDossiers.js';
import { useDossierAction } from '../hooks/useDossierAction.js';
import { ActionBar } from './ActionBar.js';
import { ActionModal } from './ActionModal.js';
import { ComponentsSection } from './ComponentsSection.js';
import { ApplicantSection, HistorySection } from './DossierDetails.js';
import { DossierSummary } from './DossierSummary.js';
import { DueExplanation } from './DueExplanation.js';
import { FormsSection } from './FormLinks.js';
import { StepsTimeline } from './StepsTimeline.js';

/** Where "back" goes: the official's own work queues. */
function queuePageFor(role: Role): { path: string; label: string } {
  if (role === 'desk_officer') return { path: '/can-bo/tiep-nhan-ho-so', label: 'Tiếp nhận hồ sơ' };
  if (role === 'leader') return { path: '/can-bo/phe-duyet', label: 'Phê duyệt' };
  if (role === 'specialist') return { path: '/can-bo/xu-ly-ho-so', label: 'Xử lý hồ sơ' };
  return { path: '/can-bo', label: 'Tổng quan' };
}

/** One dossier for the officials who handle it: dates and why, steps, documents, applicant, history, actions. */
export function DossierPage() {
  const { id = '' } = useParams();
  const user = useCurrentOfficial();
  const query = useDossier(id);
  const files = useDossierFiles(id);
  const provideOnce = useProvideOnce(id);
  // Kept while they reload after a scan or an action, so that the panels below stay as they are meanwhile.
  const filesShown = useKeptData(files.data, id);
  const provideOnceShown = useKeptData(provideOnce.data, id);
  const seenSeq = useRef<string | null>(null);
  const now = useNow();
  const { data: unitData } = useUnits();
  const [shown, setShown] = useState<Dossier | null>(null);
  const [open, setOpen] = useState<ActionType | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const { perform, pending, error, clearError, notice, setNotice } = useDossierAction(id, query.reload);

  // Keep the last answer on screen while a reload runs, so the page does not flash after each action.
  if (query.data && query.data !== shown) setShown(query.data);
  // After handing a dossier to another unit (an inter-agency step), this official may no longer see it.
  const handedOff = shown !== null && shown.id === id && query.error?.code === 'DOSSIER_NOT_FOUND';
  const dossier = !handedOff && shown && shown.id === id ? shown : null;
  usePageTitle(dossier ? `Hồ sơ ${dossier.code}` : 'Hồ sơ');

  const unitName = useMemo(() => {
    const names = new Map((unitData?.units ?? []).map((u) => [u.code, u.name]));
    for (const step of dossier?.steps ?? []) names.set(step.unitCode, step.unitName);
    return (code: string) => names.get(code) ?? code;
  }, [unitData, dossier]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  // After an action the desk may no longer attach files (the dossier moved on): the files and the record are asked again.
  const seq = dossier ? `${dossier.id}|${dossier.seq}` : null;
  const { reload: reloadFiles } = files;
  const { reload: reloadProvideOnce } = provideOnce;
  useEffect(() => {
    if (seq === null) return;
    if (seenSeq.current !== null && seenSeq.current !== seq && seenSeq.current.split('|')[0] === seq.split('|')[0]) {
      reloadFiles();
      reloadProvideOnce();
    }
    seenSeq.current = seq;
  }, [seq, reloadFiles, reloadProvideOnce]);

  const onAction = useCallback(
    (type: ActionType) => {
      if (!dossier) return;
      clearError();
      setNotice(null);
      if (needsForm(type)) {
        setOpen(type);
        return;
      }
      const built = buildActionBody(type, emptyActionValues(), { expectedSeq: dossier.seq, currentStepIndex: null, stepCount: 0, appointmentAt: null });
      if (built.ok) void perform(built.body);
    },
    [dossier, perform, clearError, setNotice],
  );

  const back = queuePageFor(user.role);
  // Digitizing at the desk: only where the server would take it (the receiving desk, the dossier at its step).
  const canDigitize = filesShown?.canUpload === true && user.role === 'desk_officer';
  const onDigitized = () => {
    files.reload();
    provideOnce.reload();
  };
  const rescheduled = dossier !== null && dossier.extensions > 0 && dossier.appointmentAt !== dossier.dueAt;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={back.path} size="sm">
        ← {back.label}
      </Anchor>
      {!dossier && query.loading ? <LoadingState label="Đang tải hồ sơ…" /> : null}
      {handedOff && notice ? (
        <Alert
          color={notice.kind === 'success' ? 'govBlue' : 'govRed'}
          variant="light"
          role={notice.kind === 'success' ? 'status' : 'alert'}
          data-testid="dossier-notice"
        >
          {notice.text}
        </Alert>
      ) : null}
      {handedOff ? (
        <Alert color="govBlue" variant="light" role="status" data-testid="dossier-handed-off">
          Hồ sơ {shown.code} đã được chuyển cho đơn vị khác; bạn không còn xử lý hồ sơ này.{' '}
          <Anchor component={Link} to={back.path}>
            Về {back.label.toLowerCase()}
          </Anchor>
        </Alert>
      ) : null}
      {!dossier && !handedOff && query.error ? <ErrorState error={query.error} title="Không mở được hồ sơ" onRetry={query.reload} /> : null}
      {dossier ? (
        <>
          <Paper withBorder p="md">
            <Stack gap="md">
              <DossierSummary dossier={dossier} now={now} />
              {notice ? (
                <Alert
                  ref={noticeRef}
                  tabIndex={-1}
                  color={notice.kind === 'success' ? 'govBlue' : 'govRed'}
                  variant="light"
                  role={notice.kind === 'success' ? 'status' : 'alert'}
                  data-testid="dossier-notice"
                  withCloseButton
                  closeButtonLabel="Ẩn thông báo"
                  onClose={() => setNotice(null)}
                >
                  {notice.text}
                </Alert>
              ) : null}
              {error && !open ? (
                <Alert color="govRed" variant="light" title="Chưa thực hiện được" role="alert">
                  {error.message}
                </Alert>
              ) : null}
              <Divider />
              <ActionBar actions={dossier.availableActions} pending={pending || query.loading} onAction={onAction} />
              <KioskRating dossier={dossier} />
            </Stack>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder p="md">
              <DueExplanation explanation={dossier.explanation} rescheduled={rescheduled} />
            </Paper>
            <Paper withBorder p="md">
              <StepsTimeline dossier={dossier} unitName={unitName} />
            </Paper>
            <Paper withBorder p="md">
              <ComponentsSection dossier={dossier} files={{ ...files, data: filesShown }} />
            </Paper>
            <Paper withBorder p="md">
              <ApplicantSection dossier={dossier} />
            </Paper>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: canDigitize ? 2 : 1 }} spacing="md">
            {canDigitize && filesShown ? (
              <Paper withBorder p="md">
                <DigitizePanel
                  key={dossier.id}
                  dossierId={dossier.id}
                  components={filesByComponent(dossier.components, filesShown.items).components}
                  onDigitized={onDigitized}
                />
              </Paper>
            ) : null}
            <Paper withBorder p="md">
              <ProvideOncePanel data={provideOnceShown} query={provideOnce} />
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <DossierFeesPanel dossierId={dossier.id} variant="official" onChanged={query.reload} />
          </Paper>
          <Paper withBorder p="md">
            <ResultDocumentsPanel dossierId={dossier.id} variant="official" onChanged={query.reload} />
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder p="md">
              <HistorySection dossier={dossier} />
            </Paper>
            <Paper withBorder p="md">
              <FormsSection dossier={dossier} />
            </Paper>
          </SimpleGrid>
          {open ? (
            <ActionModal
              key={open}
              type={open}
              dossier={dossier}
              unitName={unitName}
              pending={pending}
              error={error}
              onSubmit={perform}
              onClose={() => {
                setOpen(null);
                clearError();
              }}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
