import '../results.css';
import { Anchor, Button, Group, NativeSelect, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatDeadline } from '../../dossiers/dossier-format.js';
import { PaymentBadge } from '../../payments/components/PaymentBadge.js';
import {
  resultFilePath,
  revokeResult,
  signResult,
  submitResult,
  verifyPagePath,
  type DossierResults,
  type ResultDocument,
  type ResultSignature,
  type SigningProvider,
} from '../api/results-api.js';
import type { ResultAction } from '../hooks/useResults.js';
import { isIssued, kindText, levelText, PROVIDER_LABELS, relatedTitle, STATUS_LABELS, statusTone, timestampText } from '../results-view.js';

export interface DocumentItemProps {
  dossierId: string;
  doc: ResultDocument;
  /** The dossier's documents, for the titles of what this one replaces or was replaced by. */
  items: readonly ResultDocument[];
  /** Null for the applicant: nothing to do, only to read, download and verify. */
  rights: Pick<DossierResults, 'canPrepare' | 'canSign' | 'providers'> | null;
  action: ResultAction;
}

/** One result document: what it is, where it stands, who signed it and how, its file, its public check, and what the official may do next. */
export function ResultDocumentItem({ dossierId, doc, items, rights, action }: DocumentItemProps) {
  const issued = isIssued(doc.status);
  const replaces = relatedTitle(items, doc.replaces);
  const replacedBy = relatedTitle(items, doc.replacedBy);
  return (
    <li className="res-doc" data-testid="result-document" data-status={doc.status}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} className="res-doc-head">
            <Text fw={600} className="break-anywhere" data-testid="result-title">
              {doc.title}
            </Text>
            <Text size="sm" c="dimmed">
              {kindText(doc)} · lập ngày {formatDeadline(doc.createdAt)}
              {doc.signedAt ? ` · ban hành ngày ${formatDeadline(doc.signedAt)}` : ''}
            </Text>
          </Stack>
          <PaymentBadge label={STATUS_LABELS[doc.status]} tone={statusTone(doc.status)} testId="result-status" />
        </Group>
        {doc.revokedReason ? <Text size="sm">Lý do thu hồi: {doc.revokedReason}</Text> : null}
        {doc.replaces ? <Text size="sm">Đính chính, thay thế văn bản: {replaces ?? 'văn bản đã ban hành trước'}</Text> : null}
        {doc.replacedBy ? <Text size="sm">Đã được thay thế bằng: {replacedBy ?? 'văn bản mới'}</Text> : null}
        <SignatureList signatures={doc.signatures} />
        <Group gap="md">
          <Anchor href={resultFilePath(dossierId, doc.id)} download={doc.fileName} data-testid="result-file" size="sm">
            {issued ? 'Tải văn bản (PDF)' : 'Xem trước bản nháp (PDF)'}
            <VisuallyHidden component="span">: {doc.title}</VisuallyHidden>
          </Anchor>
          {issued ? (
            <Anchor component={Link} to={verifyPagePath(doc.verificationCode)} data-testid="result-verify" size="sm">
              Xác thực
              <VisuallyHidden component="span"> văn bản {doc.title}</VisuallyHidden>
            </Anchor>
          ) : null}
        </Group>
        {rights ? <DocumentActions dossierId={dossierId} doc={doc} rights={rights} action={action} /> : null}
      </Stack>
    </li>
  );
}

function SignatureList({ signatures }: { signatures: readonly ResultSignature[] }) {
  if (signatures.length === 0) return null;
  return (
    <ul className="res-signatures" aria-label="Chữ ký số trên văn bản" data-testid="result-signatures">
      {signatures.map((s, i) => (
        <li key={`${s.signedAt}-${i}`}>
          <Text size="sm">
            <strong>{s.signerName}</strong> ký ngày <time dateTime={s.signedAt}>{formatDeadline(s.signedAt)}</time> · {PROVIDER_LABELS[s.provider]} ·{' '}
            {levelText(s.level)}, {timestampText(s)}
          </Text>
          <Text size="xs" c="dimmed" className="break-anywhere">
            Chứng thư: {s.certificateSubject}; do {s.certificateIssuer} cấp
          </Text>
        </li>
      ))}
    </ul>
  );
}

function DocumentActions({
  dossierId,
  doc,
  rights,
  action,
}: {
  dossierId: string;
  doc: ResultDocument;
  rights: NonNullable<DocumentItemProps['rights']>;
  action: ResultAction;
}) {
  if (doc.status === 'draft' && rights.canPrepare) {
    return (
      <Group gap="sm">
        <Button
          size="sm"
          disabled={action.pending}
          onClick={() => void action.perform('Đang trình ký…', () => submitResult(dossierId, doc), `Đã trình ký văn bản “${doc.title}”.`)}
        >
          Trình ký<VisuallyHidden component="span"> văn bản {doc.title}</VisuallyHidden>
        </Button>
      </Group>
    );
  }
  if (doc.status === 'awaitingSignature' && rights.canSign) return <SignForm dossierId={dossierId} doc={doc} providers={rights.providers} action={action} />;
  if (doc.status === 'signed' && rights.canSign) return <RevokeForm dossierId={dossierId} doc={doc} action={action} />;
  return null;
}

function SignForm({
  dossierId,
  doc,
  providers,
  action,
}: {
  dossierId: string;
  doc: ResultDocument;
  providers: readonly SigningProvider[];
  action: ResultAction;
}) {
  const [provider, setProvider] = useState<SigningProvider | ''>(providers[0] ?? '');
  if (providers.length === 0) return <Text size="sm">Đơn vị chưa được cấu hình hình thức ký số nào; liên hệ quản trị hệ thống.</Text>;
  const sign = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (provider === '') return;
    void action.perform('Đang ký số…', () => signResult(dossierId, doc, provider), `Đã ký số văn bản “${doc.title}”.`);
  };
  return (
    <form onSubmit={sign} aria-label={`Ký số văn bản ${doc.title}`}>
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label="Hình thức ký số"
          size="sm"
          value={provider}
          onChange={(e) => setProvider(e.currentTarget.value as SigningProvider)}
          data={providers.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }))}
          disabled={action.pending}
        />
        <Button type="submit" size="sm" loading={action.pending && action.label === 'Đang ký số…'} disabled={action.pending}>
          Ký số
        </Button>
      </Group>
    </form>
  );
}

function RevokeForm({ dossierId, doc, action }: { dossierId: string; doc: ResultDocument; action: ResultAction }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return (
      <Group gap="sm">
        <Button size="sm" variant="outline" color="govRed" disabled={action.pending} onClick={() => setOpen(true)}>
          Thu hồi<VisuallyHidden component="span"> văn bản {doc.title}</VisuallyHidden>
        </Button>
      </Group>
    );
  }
  const revoke = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem('Vui lòng nêu lý do thu hồi văn bản.');
      return;
    }
    setProblem(null);
    const done = await action.perform('Đang thu hồi văn bản…', () => revokeResult(dossierId, doc, reason.trim()), `Đã thu hồi văn bản “${doc.title}”.`);
    if (done) setOpen(false);
  };
  return (
    <form onSubmit={(e) => void revoke(e)} noValidate aria-label={`Thu hồi văn bản ${doc.title}`} className="res-form">
      <Stack gap="sm">
        <Textarea
          label="Lý do thu hồi"
          description="Văn bản đã thu hồi vẫn tra cứu được theo mã QR, với trạng thái đã thu hồi và lý do này."
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={problem}
          maxLength={500}
          autosize
          minRows={2}
          required
          data-autofocus
          autoFocus
        />
        <Group gap="sm">
          <Button type="submit" size="sm" color="govRed" disabled={action.pending}>
            Xác nhận thu hồi
          </Button>
          <Button size="sm" variant="default" disabled={action.pending} onClick={() => setOpen(false)}>
            Huỷ
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
