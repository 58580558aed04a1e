import '../results.css';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { formatDeadline } from '../../dossiers/dossier-format.js';
import { PaymentBadge } from '../../payments/components/PaymentBadge.js';
import { verifyFilePath, verifyPagePath, type PublicResult } from '../api/results-api.js';
import { usePublicResult } from '../hooks/useResults.js';
import { codeFromInput, KIND_LABELS, levelText, STATUS_LABELS, statusTone } from '../results-view.js';
import { FileCheck } from './FileCheck.js';
import { ResultErrorAlert } from './ResultFeedback.js';

/**
 * /xac-thuc/:code — the public page behind the QR code printed on every result document, for anyone without
 * signing in: who issued the document, who signed it and when, its hash, whether it still stands (revoked or
 * replaced show plainly), its signed file, and the check of a PDF the reader holds. /xac-thuc without a code:
 * a box for the code, and the check of a file alone.
 */
export function VerifyPage() {
  const { code: raw } = useParams();
  const code = raw?.trim() ? raw.trim() : null;
  usePageTitle('Xác thực văn bản điện tử');
  return (
    <Stack gap="lg">
      <Title order={1}>Xác thực văn bản điện tử</Title>
      <Text>
        Mỗi văn bản kết quả, bản sao chứng thực điện tử do cơ quan nhà nước trên Cổng cấp đều có mã QR dẫn đến trang này. Trang cho biết văn bản do ai ban hành,
        ai ký số, còn hiệu lực hay không, và kiểm tra tệp PDF bạn đang có có đúng là văn bản đó.
      </Text>
      {code ? <RecordSection key={code} code={code} /> : <CodeForm />}
      <FileCheck key={code ?? ''} code={code} />
    </Stack>
  );
}

function CodeForm() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = codeFromInput(text);
    if (!code) {
      setProblem('Mã xác thực gồm 8 đến 64 chữ cái, chữ số, dấu gạch ngang hoặc gạch dưới, in dưới mã QR của văn bản.');
      return;
    }
    setProblem(null);
    void navigate(verifyPagePath(code));
  };
  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate role="search" aria-label="Tra cứu văn bản theo mã xác thực">
        <Stack gap="sm" align="flex-start">
          <TextInput
            label="Mã xác thực"
            description="In dưới mã QR trên văn bản; bạn cũng có thể dán địa chỉ mà mã QR chứa."
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={problem}
            autoComplete="off"
            spellCheck={false}
            w="100%"
          />
          <Button type="submit">Tra cứu</Button>
        </Stack>
      </form>
    </Paper>
  );
}

function RecordSection({ code }: { code: string }) {
  const { data, error, loading, reload } = usePublicResult(code);
  if (loading) return <LoadingState label="Đang tra cứu văn bản…" />;
  if (error) {
    const missing = error.status === 404 || error.status === 400;
    return (
      <Stack gap="sm">
        <ResultErrorAlert error={error} title={missing ? `Không tìm thấy văn bản có mã xác thực ${code}` : 'Không tra cứu được văn bản'} />
        {missing ? (
          <Text size="sm">Hãy kiểm tra lại mã in dưới mã QR. Văn bản không có trong hệ thống thì không phải do cơ quan trên Cổng ban hành.</Text>
        ) : (
          <Button variant="outline" onClick={reload} style={{ alignSelf: 'flex-start' }}>
            Thử lại
          </Button>
        )}
      </Stack>
    );
  }
  return data ? <PublicRecord record={data} /> : null;
}

function StandingAlert({ record: r }: { record: PublicResult }) {
  if (r.status === 'revoked') {
    return (
      <Alert color="govRed" variant="filled" title="Văn bản đã bị thu hồi" data-testid="verify-standing">
        Văn bản này không còn hiệu lực.{r.revokedReason ? ` Lý do thu hồi: ${r.revokedReason}` : ''}
      </Alert>
    );
  }
  if (r.status === 'replaced') {
    return (
      <Alert color="govRed" variant="light" title="Văn bản đã được thay thế" data-testid="verify-standing">
        Văn bản này đã được đính chính, thay thế bằng văn bản khác và không còn được dùng.{' '}
        {r.replacedBy ? (
          <Anchor component={Link} to={verifyPagePath(r.replacedBy)}>
            Xem văn bản thay thế
          </Anchor>
        ) : null}
      </Alert>
    );
  }
  if (r.status === 'signed') {
    return (
      <Alert color="green" variant="light" title="Văn bản đã được ký số và ban hành" classNames={{ title: 'res-success-title' }} data-testid="verify-standing">
        Văn bản có trong hệ thống, đang có hiệu lực. Để chắc tệp bạn có đúng là văn bản này, hãy kiểm tra tệp ở bên dưới.
      </Alert>
    );
  }
  return null;
}

function PublicRecord({ record: r }: { record: PublicResult }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="van-ban-duoc-xac-thuc" data-testid="verify-record" data-status={r.status}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} size="h3" id="van-ban-duoc-xac-thuc" className="break-anywhere res-doc-head">
            {r.title}
          </Title>
          <PaymentBadge label={STATUS_LABELS[r.status]} tone={statusTone(r.status)} testId="verify-status" />
        </Group>
        <StandingAlert record={r} />
        <dl className="res-facts">
          <div>
            <dt>Cơ quan ban hành</dt>
            <dd data-testid="verify-issuer">{r.issuer}</dd>
          </div>
          <div>
            <dt>Loại văn bản</dt>
            <dd>{KIND_LABELS[r.kind]}</dd>
          </div>
          <div>
            <dt>Mã hồ sơ</dt>
            <dd className="mono break-anywhere" data-testid="verify-dossier-code">
              {r.dossierCode}
            </dd>
          </div>
          <div>
            <dt>Ngày ký ban hành</dt>
            <dd>{r.signedAt ? formatDeadline(r.signedAt) : 'Chưa ký ban hành'}</dd>
          </div>
          <div>
            <dt>Mã xác thực</dt>
            <dd className="mono break-anywhere">{r.code}</dd>
          </div>
          <div className="res-facts-wide">
            <dt>Người ký</dt>
            <dd>
              {r.signers.length === 0 ? (
                'Chưa có chữ ký'
              ) : (
                <ul className="res-signatures" data-testid="verify-signers">
                  {r.signers.map((s, i) => (
                    <li key={`${s.signedAt}-${i}`}>
                      {s.name} — ký ngày {formatDeadline(s.signedAt)} ({levelText(s.level)}
                      {s.level === 'B-T' ? ', có dấu thời gian' : ''})
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div className="res-facts-wide">
            <dt>Mã băm SHA-256 của tệp đã ký</dt>
            <dd>
              <code className="res-hash" data-testid="verify-hash">
                {r.sha256}
              </code>
            </dd>
          </div>
        </dl>
        <Anchor href={verifyFilePath(r.code)} download style={{ alignSelf: 'flex-start' }} data-testid="verify-file">
          Tải văn bản
        </Anchor>
      </Stack>
    </Paper>
  );
}
