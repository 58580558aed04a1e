import '../results.css';
import { Anchor, FileInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { formatDeadline } from '../../dossiers/dossier-format.js';
import { verifyPagePath, type SignatureFinding, type VerificationReport } from '../api/results-api.js';
import { useFileCheck } from '../hooks/useResults.js';
import { levelText, STATUS_LABELS, VERDICT_LABELS, verdictTone } from '../results-view.js';
import { ResultErrorAlert } from './ResultFeedback.js';

const VERDICT_MARKS: Record<VerificationReport['verdict'], string> = { valid: '✓', invalid: '✗', unsigned: '–' };

/**
 * "Kiểm tra tệp PDF bạn đang có": a PDF chosen or dropped here is sent as it is to the public check, against the
 * document of `code` when the page has one, and the verdict is shown with each signature's findings.
 */
export function FileCheck({ code }: { code: string | null }) {
  const { check, checked, pending, error } = useFileCheck(code);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const pick = (chosen: File | null) => {
    setFile(chosen);
    if (chosen) void check(chosen);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    pick(event.dataTransfer.files[0] ?? null);
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="kiem-tra-tep">
      <Stack gap="md">
        <Title order={2} size="h3" id="kiem-tra-tep">
          Kiểm tra tệp PDF
        </Title>
        <Text size="sm">
          {code ? 'Tệp được đối chiếu với văn bản có mã xác thực này. ' : ''}
          Hệ thống kiểm tra tệp không bị sửa đổi sau khi ký, chữ ký số do tổ chức chứng thực tin cậy cấp, dấu thời gian, và văn bản có bị thu hồi hay thay thế
          không. Tệp chỉ dùng để kiểm tra, không được lưu lại.
        </Text>
        <div
          className="res-drop"
          data-dragging={dragging ? 'true' : 'false'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <FileInput
            label="Kiểm tra tệp PDF bạn đang có"
            description="Chọn tệp, hoặc kéo thả tệp PDF vào khung này."
            placeholder="Chọn tệp PDF…"
            className="res-file-input"
            accept="application/pdf,.pdf"
            value={file}
            onChange={pick}
            disabled={pending}
          />
        </div>
        {pending ? <LoadingState label="Đang kiểm tra tệp…" /> : null}
        <ResultErrorAlert error={error} title="Không kiểm tra được tệp" />
        <div aria-live="polite">{checked ? <ReportView fileName={checked.fileName} report={checked.report} code={code} /> : null}</div>
      </Stack>
    </Paper>
  );
}

function ReportView({ fileName, report, code }: { fileName: string; report: VerificationReport; code: string | null }) {
  const other = report.matches && report.matches.code !== code ? report.matches : null;
  return (
    <Stack gap="sm" className="res-verdict" data-tone={verdictTone(report.verdict)} component="section" aria-labelledby="ket-qua-kiem-tra">
      <Title order={3} size="h4" id="ket-qua-kiem-tra" className="break-anywhere">
        Kết quả kiểm tra tệp {fileName}
      </Title>
      <Text component="p" className="res-verdict-label" m={0}>
        <span aria-hidden="true">{VERDICT_MARKS[report.verdict]} </span>
        <span data-testid="verify-verdict">{VERDICT_LABELS[report.verdict]}</span>
      </Text>
      <Text data-testid="verify-summary">{report.summary}</Text>
      <Text size="sm">
        Mã băm SHA-256 của tệp: <code className="res-hash">{report.sha256}</code>
      </Text>
      {other ? (
        <Text size="sm">
          Tệp là văn bản đã đăng ký:{' '}
          <Anchor component={Link} to={verifyPagePath(other.code)}>
            {other.title}
          </Anchor>{' '}
          ({STATUS_LABELS[other.status].toLocaleLowerCase('vi')}).
        </Text>
      ) : null}
      {report.signatures.length > 0 ? (
        <ol className="res-findings" aria-label="Chữ ký số trong tệp" data-testid="verify-signatures">
          {report.signatures.map((s, i) => (
            <li key={`${s.signedAt ?? ''}-${i}`}>
              <Finding finding={s} />
            </li>
          ))}
        </ol>
      ) : null}
    </Stack>
  );
}

function timestampLine(t: SignatureFinding['timestamp']): string {
  if (!t) return 'Không có';
  const at = t.at ? formatDeadline(t.at) : 'không đọc được thời điểm';
  const by = t.authority ? `, do ${t.authority} cấp` : '';
  return t.problem ? `${at}${by}; ${t.problem}` : `${at}${by}`;
}

function Finding({ finding: s }: { finding: SignatureFinding }) {
  return (
    <dl className="res-facts res-facts-compact">
      <div>
        <dt>Người ký</dt>
        <dd className="break-anywhere">{s.signerName ?? 'Không rõ'}</dd>
      </div>
      <div>
        <dt>Tổ chức cấp chứng thư</dt>
        <dd className="break-anywhere">{s.issuerName ?? 'Không rõ'}</dd>
      </div>
      <div>
        <dt>Thời điểm ký</dt>
        <dd>{s.signedAt ? formatDeadline(s.signedAt) : 'Không rõ'}</dd>
      </div>
      <div>
        <dt>Mức chữ ký</dt>
        <dd>{levelText(s.level)}</dd>
      </div>
      <div>
        <dt>Dấu thời gian</dt>
        <dd className="break-anywhere">{timestampLine(s.timestamp)}</dd>
      </div>
      <div>
        <dt>Kết quả</dt>
        <dd data-testid="verify-signature-message">{s.message ?? (s.problem ? s.problem : 'Chữ ký hợp lệ; tệp không bị thay đổi sau khi ký.')}</dd>
      </div>
    </dl>
  );
}
