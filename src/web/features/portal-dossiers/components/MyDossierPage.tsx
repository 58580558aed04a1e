import '../portal-dossiers.css';
import { Alert, Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import type { DossierFiles } from '../../../shared/dossier-files-api.js';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CHANNEL_LABELS } from '../../../../domain/catalogue/procedure.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { DossierFeesPanel } from '../../payments/components/DossierFeesPanel.js';
import { ResultDocumentsPanel } from '../../results/components/ResultDocumentsPanel.js';
import { DossierRating } from '../../ratings/components/DossierRating.js';
import { DossierSurveyOffer } from '../../survey/components/DossierSurveyOffer.js';
import { appointmentText, formatInstant, historyLabel, isFinished, statusAdvice } from '../dossier-format.js';
import { useDossier, useDossierFiles } from '../hooks/useDossiers.js';
import { openSupplementRequest, uploadSlots } from '../applicant-files.js';
import { isDossierId, MY_DOSSIERS_PAGE, myDossierPagePath, publicStatusPagePath } from '../portal-dossier-paths.js';
import type { DossierDetail } from '../api/portal-dossiers-api.js';
import { AppointmentExplanation } from './AppointmentExplanation.js';
import { CitizenSignIn } from './CitizenSignIn.js';
import { DossierActions } from './DossierActions.js';
import { DossierDocuments } from './DossierDocuments.js';
import { SupplementUpload } from './SupplementUpload.js';
import { DossierStatusBadge } from './DossierStatusBadge.js';
import { StepsTimeline } from './StepsTimeline.js';

/** /tai-khoan/ho-so/:id — one of the citizen's dossiers: where it stands, when and why, and what they can do. */
export function MyDossierPage() {
  const { id = '' } = useParams();
  const valid = isDossierId(id);
  const { state, refresh } = useAuth();
  const { data, error, loading, reload } = useDossier(valid && state.status === 'authenticated' ? id : null);
  const filesQuery = useDossierFiles(valid && state.status === 'authenticated' ? id : null);
  const reloadFiles = filesQuery.reload;
  // The same while the files reload after an upload: the upload pickers and their progress stay on the page.
  const [shownFiles, setShownFiles] = useState<{ id: string; data: DossierFiles } | null>(null);
  if (filesQuery.data && filesQuery.data !== shownFiles?.data) setShownFiles({ id, data: filesQuery.data });
  const files = { ...filesQuery, data: filesQuery.data ?? (filesQuery.loading && shownFiles?.id === id ? shownFiles.data : undefined) };
  const [notice, setNotice] = useState<string | null>(null);
  // While reloading after an action, keep showing the dossier (and the focus in it) until the new answer.
  const [shown, setShown] = useState(data);
  if (data && data !== shown) setShown(data);
  const current = data ?? (loading && shown?.id === id ? shown : undefined);
  const notFound = !valid || error?.status === 404;
  usePageTitle(notFound ? 'Không tìm thấy hồ sơ' : data ? `Hồ sơ ${data.code}` : 'Hồ sơ của tôi');

  if (state.status === 'anonymous') {
    return (
      <CitizenSignIn title="Hồ sơ của tôi" message="Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để xem hồ sơ." returnTo={myDossierPagePath(id)} />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={MY_DOSSIERS_PAGE} style={{ alignSelf: 'flex-start' }}>
        ‹ Hồ sơ của tôi
      </Anchor>
      {notFound ? (
        <>
          <Title order={1}>Không tìm thấy hồ sơ</Title>
          <Text>Không có hồ sơ này trong danh sách hồ sơ của bạn. Đường dẫn có thể chưa đúng, hoặc hồ sơ do người khác nộp.</Text>
        </>
      ) : null}
      {!notFound && !current && (state.status === 'loading' || loading) ? <LoadingState label="Đang tải hồ sơ…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void refresh()} /> : null}
      {error && !notFound ? <ErrorState error={error} title="Không tải được hồ sơ" onRetry={reload} /> : null}
      {current && !notFound ? (
        <DossierView
          dossier={current}
          files={files}
          notice={notice}
          onDone={(message) => {
            setNotice(message);
            reload();
            reloadFiles();
          }}
          onStale={() => {
            setNotice(null);
            reload();
            reloadFiles();
          }}
        />
      ) : null}
    </Stack>
  );
}

interface DossierViewProps {
  dossier: DossierDetail;
  files: ApiQuery<DossierFiles>;
  notice: string | null;
  onDone: (message: string) => void;
  onStale: () => void;
}

function DossierView({ dossier: d, files, notice, onDone, onStale }: DossierViewProps) {
  const advice = statusAdvice(d.status);
  const request = openSupplementRequest(d);
  const slots = files.data?.canUpload && request ? uploadSlots(d.components, files.data.uploadComponents) : [];
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={1} className="break-anywhere">
          {d.procedureName}
        </Title>
        <Group gap="sm">
          <DossierStatusBadge status={d.status} label={d.statusLabel} />
        </Group>
        {notice ? (
          <Alert ref={noticeRef} tabIndex={-1} className="pd-focus-target" color="govBlue" variant="light" role="status" title="Đã thực hiện">
            {notice}
          </Alert>
        ) : null}
        {advice ? <Text>{advice}</Text> : null}
        {request && (request.reason || request.items.length > 0) ? (
          <Alert color="govBlue" variant="light" title="Nội dung cần bổ sung" data-testid="supplement-request">
            <Stack gap={4}>
              {request.reason ? <Text size="sm">{request.reason}</Text> : null}
              {request.items.length > 0 ? (
                <>
                  <Text size="sm" fw={600}>
                    Giấy tờ cần bổ sung:
                  </Text>
                  <List size="sm" spacing={2}>
                    {request.items.map((item, i) => (
                      <List.Item key={`${item}-${i}`}>{item}</List.Item>
                    ))}
                  </List>
                </>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
      </Stack>

      <Paper withBorder p="lg">
        <dl className="pd-facts" data-testid="dossier-facts">
          <div>
            <dt>Mã hồ sơ</dt>
            <dd className="pd-code" data-testid="dossier-code">
              {d.code}
            </dd>
          </div>
          <div>
            <dt>Cơ quan giải quyết</dt>
            <dd>{d.unitName}</dd>
          </div>
          <div>
            <dt>Hình thức nộp</dt>
            <dd>{(CHANNEL_LABELS as Record<string, string>)[d.channel] ?? d.channel}</dd>
          </div>
          <div>
            <dt>Ngày nộp</dt>
            <dd>{formatInstant(d.submittedAt)}</dd>
          </div>
          {d.acceptedAt ? (
            <div>
              <dt>Ngày tiếp nhận</dt>
              <dd>{formatInstant(d.acceptedAt)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Ngày hẹn trả kết quả</dt>
            <dd>
              <Text fw={600} component="span" data-testid="appointment">
                {appointmentText(d)}
              </Text>
              <AppointmentExplanation dossier={d} history={d.history} />
            </dd>
          </div>
          {d.currentStep ? (
            <div>
              <dt>Đang ở bước</dt>
              <dd>
                {d.currentStep.name} ({d.currentStep.unitName})
              </dd>
            </div>
          ) : null}
          {d.returnedAt ? (
            <div>
              <dt>Ngày trả kết quả</dt>
              <dd>{formatInstant(d.returnedAt)}</dd>
            </div>
          ) : null}
          {d.timelinessLabel && isFinished(d.status) ? (
            <div>
              <dt>Thời hạn</dt>
              <dd>{d.timelinessLabel}</dd>
            </div>
          ) : null}
        </dl>
      </Paper>

      {slots.length > 0 ? <SupplementUpload dossier={d} slots={slots} onSent={files.reload} /> : null}

      <DossierActions dossier={d} onDone={onDone} onStale={onStale} />

      <DossierFeesPanel dossierId={d.id} variant="citizen" onChanged={onStale} />

      <ResultDocumentsPanel dossierId={d.id} variant="citizen" onChanged={onStale} />

      <DossierRating dossier={d} />

      <DossierSurveyOffer dossier={d} />

      <section aria-labelledby="cac-buoc-xu-ly">
        <Title order={2} id="cac-buoc-xu-ly" mb="sm">
          Các bước xử lý
        </Title>
        <StepsTimeline steps={d.steps} finished={isFinished(d.status) || d.status === 'resultReady'} />
      </section>

      <DossierDocuments dossier={d} files={files} />

      <section aria-labelledby="nhat-ky-ho-so">
        <Title order={2} id="nhat-ky-ho-so" mb="sm">
          Quá trình giải quyết
        </Title>
        <ol className="pd-list" data-testid="dossier-history">
          <li>
            <Text size="sm">
              <strong>{formatInstant(d.submittedAt)}</strong> · Nộp hồ sơ
            </Text>
          </li>
          {d.history.map((h) => (
            <li key={h.seq}>
              <Text size="sm">
                <strong>{formatInstant(h.at)}</strong> · {historyLabel(h.type)}
              </Text>
              {h.note ? (
                <Text size="sm" c="dimmed">
                  {h.note}
                </Text>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <Anchor component={Link} to={publicStatusPagePath(d.code, d.lookupKey)} style={{ alignSelf: 'flex-start' }}>
        Trang tra cứu công khai của hồ sơ (có thể chia sẻ, không có thông tin cá nhân)
      </Anchor>
    </Stack>
  );
}
