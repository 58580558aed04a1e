import '../portal-dossiers.css';
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isOfficialRole } from '../../../../domain/access/roles.js';
import { PROCEDURE_CODE_PATTERN } from '../../../../domain/catalogue/procedure.js';
import { toApiError, type ApiError } from '../../../shared/api.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { todayInVietnam } from '../../../shared/format.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import type { CurrentUser } from '../../auth/api/auth-api.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { procedurePagePath, type ProcedureDetail } from '../../catalogue/api/catalogue-api.js';
import { ProcedureNotFound } from '../../catalogue/components/ProcedureNotFound.js';
import { useProcedure } from '../../catalogue/hooks/useProcedure.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import { submitOnline, type SubmissionReceipt } from '../api/portal-dossiers-api.js';
import { useAttachmentUploads } from '../../../shared/hooks/useAttachmentUploads.js';
import { useSubmissionDraft } from '../hooks/useSubmissionDraft.js';
import { uploadJobs, type Attachments } from '../../../shared/attachments.js';
import { submissionPagePath } from '../portal-dossier-paths.js';
import { chosenUnit, componentKey, draftStorageKey, initialDraft, reuseRequests, toSubmission, unitChoice, type UnitChoice } from '../submission-form.js';
import { eidLevelProblem, formValues, intakeLayout } from '../intake.js';
import { reuseVaultDocument, type IntakeForm, type VaultDocument, type VaultListing } from '../../data-vault/api/data-vault-api.js';
import { useIntakeForm, useMyVault } from '../../data-vault/hooks/useDataVault.js';
import { nationalVaultNotice, offeredDocuments } from '../../data-vault/vault-view.js';
import { CitizenSignIn } from './CitizenSignIn.js';
import { SubmissionForm } from './SubmissionForm.js';
import { SubmissionReview } from './SubmissionReview.js';
import { SubmissionSuccess, type ReuseOutcome } from './SubmissionSuccess.js';

const TITLE = 'Nộp hồ sơ trực tuyến';

/** /nop-ho-so/:code — a logged-in citizen submits a dossier for a procedure offered online. */
export function SubmitDossierPage() {
  const { code = '' } = useParams();
  const wellFormed = PROCEDURE_CODE_PATTERN.test(code);
  const { state, refresh } = useAuth();
  const { data: procedure, error, loading, reload } = useProcedure(wellFormed ? code : null);
  const notFound = !wellFormed || error?.status === 404;
  usePageTitle(notFound ? 'Không tìm thấy thủ tục' : procedure ? `${TITLE}: ${procedure.name}` : TITLE);

  if (notFound) return <ProcedureNotFound code={code} known={wellFormed} />;
  if (state.status === 'loading')
    return (
      <PageFrame code={code}>
        <LoadingState />
      </PageFrame>
    );
  if (state.status === 'error')
    return (
      <PageFrame code={code}>
        <ErrorState error={state.error} onRetry={() => void refresh()} />
      </PageFrame>
    );
  if (state.status === 'anonymous') {
    return (
      <CitizenSignIn
        title={TITLE}
        message={`${state.expired ? 'Phiên đăng nhập đã hết hạn. ' : ''}Để nộp hồ sơ trực tuyến, vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID. Sau khi đăng nhập, bạn sẽ quay lại trang này.`}
        returnTo={submissionPagePath(code)}
      />
    );
  }
  if (isOfficialRole(state.user.role)) {
    return (
      <PageFrame code={code}>
        <Alert color="govBlue" variant="light" title="Tài khoản cán bộ">
          Hồ sơ trực tuyến do công dân, tổ chức nộp bằng tài khoản định danh điện tử. Cán bộ một cửa tiếp nhận hồ sơ trực tiếp trong trang cán bộ.
        </Alert>
      </PageFrame>
    );
  }
  return (
    <PageFrame code={code} procedureName={procedure?.name}>
      {loading ? <LoadingState label="Đang tải thông tin thủ tục…" /> : null}
      {error ? <ErrorState error={error} title="Không tải được thông tin thủ tục" onRetry={reload} /> : null}
      {procedure && !procedure.methods.some((m) => m.channel === 'online') ? (
        <Alert color="govBlue" variant="light" title="Thủ tục chưa nhận hồ sơ trực tuyến">
          Thủ tục này chỉ nhận hồ sơ trực tiếp hoặc qua dịch vụ bưu chính. Xem cách thức thực hiện trong trang thông tin thủ tục.
        </Alert>
      ) : null}
      {procedure && procedure.methods.some((m) => m.channel === 'online') ? (
        <SubmissionWizard key={draftStorageKey(state.user.id, procedure.code)} procedure={procedure} user={state.user} />
      ) : null}
    </PageFrame>
  );
}

function PageFrame({ code, procedureName, children }: { code: string; procedureName?: string | undefined; children: ReactNode }) {
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={procedurePagePath(code)} style={{ alignSelf: 'flex-start' }}>
        ‹ Thông tin thủ tục
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{TITLE}</Title>
        {procedureName ? (
          <Text size="lg" fw={600} className="break-anywhere" data-testid="procedure-name">
            {procedureName} <span className="mono">({code})</span>
          </Text>
        ) : null}
      </Stack>
      {children}
    </Stack>
  );
}

type Phase = 'edit' | 'review' | 'done';

const PHASE_TITLES: Record<Phase, string> = {
  edit: 'Bước 1 trên 2: Khai thông tin hồ sơ',
  review: 'Bước 2 trên 2: Kiểm tra và nộp hồ sơ',
  done: 'Nộp hồ sơ thành công',
};

/** What the form needs before it opens: the units to pick from, the e-form prefilled, and the citizen's vault. */
function SubmissionWizard({ procedure, user }: { procedure: ProcedureDetail; user: CurrentUser }) {
  const [today] = useState(() => todayInVietnam());
  const needsUnits = procedure.agency.implementingUnitCodes.length !== 1;
  const { data: unitData, error: unitsError, reload: reloadUnits } = useUnits();
  const choice = useMemo(() => unitChoice(procedure, unitData?.units ?? [], today), [procedure, unitData, today]);
  const intake = useIntakeForm(procedure.code);
  const vault = useMyVault(true, procedure.code);

  if (needsUnits && unitsError) return <ErrorState error={unitsError} title="Không tải được danh sách đơn vị" onRetry={reloadUnits} />;
  if (intake.error) return <ErrorState error={intake.error} title="Không tải được biểu mẫu của thủ tục" onRetry={intake.reload} />;
  if ((needsUnits && !unitData) || !intake.data || (!vault.data && !vault.error)) return <LoadingState label="Đang tải biểu mẫu và thông tin của bạn…" />;
  const blocked = eidLevelProblem(intake.data);
  if (blocked)
    return (
      <Alert color="govRed" variant="light" title="Cần tài khoản VNeID mức độ 2" data-testid="eid-level-required">
        {blocked}
      </Alert>
    );
  return <FormWizard procedure={procedure} user={user} choice={choice} intake={intake.data} vault={vault.data ?? null} vaultError={vault.error ?? null} />;
}

interface FormWizardProps {
  procedure: ProcedureDetail;
  user: CurrentUser;
  choice: UnitChoice;
  intake: IntakeForm;
  vault: VaultListing | null;
  vaultError: ApiError | null;
}

function FormWizard({ procedure, user, choice, intake, vault, vaultError }: FormWizardProps) {
  const layout = useMemo(() => intakeLayout(intake), [intake]);
  const offered = useMemo(() => (vault ? offeredDocuments(vault) : {}), [vault]);
  const offerIds = useMemo(() => Object.fromEntries(Object.entries(offered).map(([code, docs]) => [code, docs.map((d) => d.id)])), [offered]);
  const blank = useMemo(() => initialDraft(procedure, { contact: layout.contact, offers: offerIds }), [procedure, layout, offerIds]);
  const draftState = useSubmissionDraft(draftStorageKey(user.id, procedure.code), blank, offerIds);
  const [phase, setPhase] = useState<Phase>('edit');
  const [pending, setPending] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [receipt, setReceipt] = useState<{ created: SubmissionReceipt; unitName: string; reused: ReuseOutcome[] } | null>(null);
  // Files stay in memory only: a reload asks for them again (the form says so).
  const [attachments, setAttachments] = useState<Attachments>({});
  const uploads = useAttachmentUploads();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Each step starts at its heading, for keyboard and screen-reader users as after a page load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [phase]);

  const { draft } = draftState;
  const unit = chosenUnit(choice, draft);
  const files = uploadJobs(
    procedure.components,
    (c, i) => {
      const key = componentKey(c, i);
      const chosen = draft.components[key];
      return { key, provided: chosen?.provided === true && !chosen.vaultDocumentId };
    },
    attachments,
  );
  const vaultDocuments = Object.fromEntries((vault?.documents ?? []).map((d) => [d.id, d]));

  async function send() {
    if (!unit) {
      setPhase('edit');
      return;
    }
    setPending(true);
    setSubmitError(null);
    const eform = { formData: formValues(intake, draft), populationLookupId: intake.lookup.lookupId };
    let created: SubmissionReceipt;
    try {
      created = await submitOnline(toSubmission(draft, procedure, unit.code, user.displayName, eform));
    } catch (cause) {
      setSubmitError(toApiError(cause));
      setPending(false);
      return;
    }
    draftState.clear();
    // The dossier exists: a paper the vault could not meet is told, never a reason to lose the dossier.
    const reused = await reuseChosen(created.id, reuseRequests(draft, procedure), vaultDocuments);
    setReceipt({ created, unitName: unit.name, reused });
    uploads.start(created.id, files);
    setPending(false);
    setPhase('done');
  }

  return (
    <Stack gap="md">
      <Title order={2} ref={heading} tabIndex={-1} className="pd-focus-target" data-testid="submission-phase">
        {PHASE_TITLES[phase]}
      </Title>
      {phase === 'edit' ? (
        <SubmissionForm
          procedure={procedure}
          choice={choice}
          draftState={draftState}
          intake={intake}
          layout={layout}
          offered={offered}
          vaultNotice={
            vaultError
              ? `Không tải được kho dữ liệu của bạn (${vaultError.message}); bạn vẫn nộp hồ sơ với giấy tờ của mình.`
              : vault
                ? nationalVaultNotice(vault.national)
                : null
          }
          onContinue={() => setPhase('review')}
          attachments={attachments}
          onAttachmentsChange={(key, list) => setAttachments((previous) => ({ ...previous, [key]: list }))}
        />
      ) : null}
      {phase === 'review' && unit ? (
        <SubmissionReview
          procedure={procedure}
          draft={draft}
          unitName={unit.name}
          applicantName={user.displayName}
          intake={intake}
          vaultDocuments={vaultDocuments}
          pending={pending}
          error={submitError}
          returnTo={submissionPagePath(procedure.code)}
          onBack={() => {
            setSubmitError(null);
            setPhase('edit');
          }}
          onSubmit={() => void send()}
          files={files}
        />
      ) : null}
      {phase === 'done' && receipt ? (
        <SubmissionSuccess receipt={receipt.created} unitName={receipt.unitName} uploads={uploads} reused={receipt.reused} />
      ) : null}
    </Stack>
  );
}

/** Each paper chosen from the vault, met one after the other; a refusal is kept with the server's reason. */
async function reuseChosen(
  dossierId: string,
  requests: ReturnType<typeof reuseRequests>,
  documents: Readonly<Record<string, VaultDocument>>,
): Promise<ReuseOutcome[]> {
  const outcomes: ReuseOutcome[] = [];
  for (const r of requests) {
    const title = documents[r.vaultDocumentId]?.title ?? 'Giấy tờ trong kho dữ liệu';
    try {
      await reuseVaultDocument(dossierId, { componentCode: r.componentCode, vaultDocumentId: r.vaultDocumentId });
      outcomes.push({ componentName: r.componentName, title, error: null });
    } catch (cause) {
      outcomes.push({ componentName: r.componentName, title, error: toApiError(cause).message });
    }
  }
  return outcomes;
}
