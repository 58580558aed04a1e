import '../portal-dossiers.css';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { DossierLookupForm } from '../../portal/components/DossierLookupForm.js';
import { appointmentText, formatInstant, isFinished, statusAdvice } from '../dossier-format.js';
import { usePublicDossier } from '../hooks/useDossiers.js';
import { normalizeDossierCode, normalizeLookupKey, publicStatusPagePath } from '../portal-dossier-paths.js';
import type { PublicDossierBrief, PublicDossierStatus } from '../api/portal-dossiers-api.js';
import { AppointmentExplanation } from './AppointmentExplanation.js';
import { DossierStatusBadge } from './DossierStatusBadge.js';
import { StepsTimeline } from './StepsTimeline.js';

/**
 * /tra-cuu-ho-so/:code[?key=…] — the public status of a dossier: its status for anyone with the code, the
 * detail (procedure, dates, steps) with the lookup key printed on the receipt too (the QR code on the receipt
 * carries both). The server returns no personal data, and none is shown.
 */
export function PublicDossierStatusPage() {
  const { code: raw = '' } = useParams();
  const [params] = useSearchParams();
  const code = normalizeDossierCode(raw);
  const lookupKey = params.get('key');
  // A code typed in lower case or with spaces: one address per dossier.
  if (code && code !== raw) return <Navigate to={publicStatusPagePath(code, lookupKey)} replace />;
  return <DossierStatusLookup key={`${code} ${lookupKey ?? ''}`} code={code} lookupKey={lookupKey ? normalizeLookupKey(lookupKey) : null} />;
}

/** The status of the dossier with this (normalised) code, or a friendly "not found" with the lookup box. */
export function DossierStatusLookup({ code, lookupKey = null }: { code: string; lookupKey?: string | null }) {
  const { data, error, loading, reload } = usePublicDossier(code ? code : null, lookupKey);
  const notFound = !code || error?.status === 404 || error?.status === 400;
  const wrongKey = error?.status === 403;
  usePageTitle(notFound ? 'Không tìm thấy hồ sơ' : `Tình trạng hồ sơ ${code}`);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/tra-cuu-ho-so" style={{ alignSelf: 'flex-start' }}>
        ‹ Tra cứu hồ sơ khác
      </Anchor>
      {notFound ? (
        <NotFound code={code} />
      ) : (
        <>
          <Stack gap={4}>
            <Title order={1}>Tình trạng hồ sơ</Title>
            <Text>
              Mã hồ sơ:{' '}
              <strong className="pd-code" data-testid="dossier-code">
                {code}
              </strong>
            </Text>
          </Stack>
          {loading ? <LoadingState label="Đang tra cứu hồ sơ…" /> : null}
          {wrongKey ? (
            <Stack gap="md">
              <Alert color="govRed" variant="light" title="Mã tra cứu không đúng" role="alert">
                {error.message}
              </Alert>
              <LookupKeyForm code={code} />
            </Stack>
          ) : error ? (
            <ErrorState error={error} title="Không tra cứu được hồ sơ" onRetry={reload} />
          ) : null}
          {data?.detail ? <PublicStatusView status={data} /> : data ? <BriefStatusView status={data} /> : null}
        </>
      )}
    </Stack>
  );
}

function NotFound({ code }: { code: string }) {
  return (
    <Stack gap="lg" data-testid="dossier-not-found">
      <Title order={1}>Không tìm thấy hồ sơ</Title>
      <Text>
        Không có hồ sơ nào có mã <strong className="pd-code">{code || '(trống)'}</strong>. Vui lòng kiểm tra lại mã ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết
        quả, ví dụ <span className="pd-code">000.00.31.H37-251201-0001</span>.
      </Text>
      <Text size="sm">Hồ sơ nộp trực tuyến có mã ngay khi nộp; bạn cũng xem được hồ sơ của mình trong mục “Hồ sơ của tôi” sau khi đăng nhập.</Text>
      <Paper withBorder p="lg">
        <DossierLookupForm key={code} initialCode={code} />
      </Paper>
    </Stack>
  );
}

/** The code alone: the status, and the way to the detail with the lookup key. */
function BriefStatusView({ status: s }: { status: PublicDossierBrief }) {
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <Group gap="sm">
          <DossierStatusBadge status={s.status} label={s.statusLabel} />
        </Group>
      </Paper>
      <LookupKeyForm code={s.code} />
    </Stack>
  );
}

/** The lookup key, typed from the receipt, opens the detail of the status. */
function LookupKeyForm({ code }: { code: string }) {
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const key = normalizeLookupKey(typed);
    if (!/^[0-9A-Z]{4,20}$/.test(key)) {
      setProblem('Nhập mã tra cứu gồm chữ và số in trên Giấy tiếp nhận hồ sơ.');
      return;
    }
    void navigate(publicStatusPagePath(code, key));
  };
  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} aria-labelledby="ma-tra-cuu-tieu-de" data-testid="lookup-key-form">
      <Stack gap="sm">
        <Title order={2} size="h4" id="ma-tra-cuu-tieu-de">
          Xem chi tiết hồ sơ
        </Title>
        <Text size="sm">
          Nhập mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả (hoặc quét mã QR trên giấy) để xem thủ tục, ngày hẹn trả và các bước xử lý.
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            id="ma-tra-cuu"
            label="Mã tra cứu"
            autoComplete="off"
            value={typed}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setProblem(undefined);
            }}
            error={problem}
          />
          <Button type="submit">Xem chi tiết</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PublicStatusView({ status: s }: { status: PublicDossierStatus }) {
  const advice = statusAdvice(s.status);
  const finished = isFinished(s.status) || s.status === 'resultReady';
  return (
    <Stack gap="xl">
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Group gap="sm">
            <DossierStatusBadge status={s.status} label={s.statusLabel} />
          </Group>
          {advice && s.status !== 'receptionSupplement' ? <Text size="sm">{advice}</Text> : null}
          <dl className="pd-facts" data-testid="public-status">
            <div>
              <dt>Thủ tục</dt>
              <dd>{s.procedureName}</dd>
            </div>
            <div>
              <dt>Cơ quan giải quyết</dt>
              <dd>{s.unitName}</dd>
            </div>
            <div>
              <dt>Ngày nộp</dt>
              <dd>{formatInstant(s.submittedAt)}</dd>
            </div>
            {s.acceptedAt ? (
              <div>
                <dt>Ngày tiếp nhận</dt>
                <dd>{formatInstant(s.acceptedAt)}</dd>
              </div>
            ) : null}
            <div>
              <dt>Ngày hẹn trả kết quả</dt>
              <dd>
                <Text fw={600} component="span" data-testid="appointment">
                  {appointmentText(s)}
                </Text>
                <AppointmentExplanation dossier={s} />
              </dd>
            </div>
            {s.currentStep ? (
              <div>
                <dt>Đang ở bước</dt>
                <dd>
                  {s.currentStep.name} ({s.currentStep.unitName})
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{finished ? 'Số ngày làm việc đã giải quyết' : 'Số ngày làm việc đã chờ'}</dt>
              <dd data-testid="days-waiting">{s.daysWaiting} ngày</dd>
            </div>
            {s.returnedAt ? (
              <div>
                <dt>Ngày trả kết quả</dt>
                <dd>{formatInstant(s.returnedAt)}</dd>
              </div>
            ) : null}
            {s.timelinessLabel ? (
              <div>
                <dt>Thời hạn</dt>
                <dd>{s.timelinessLabel}</dd>
              </div>
            ) : null}
          </dl>
        </Stack>
      </Paper>
      <section aria-labelledby="cac-buoc-xu-ly">
        <Title order={2} id="cac-buoc-xu-ly" mb="sm">
          Các bước xử lý
        </Title>
        <StepsTimeline steps={s.steps} finished={finished} />
      </section>
      <Text size="sm" c="dimmed">
        Trang này chỉ hiển thị tình trạng giải quyết, không hiển thị thông tin cá nhân của người nộp hồ sơ.
      </Text>
    </Stack>
  );
}
