import '../results.css';
import { Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { useDossierResults, useResultAction, type ResultAction } from '../hooks/useResults.js';
import { CertifyCopyForm, PrepareResultForm } from './PrepareResultForms.js';
import { ResultDocumentItem } from './ResultDocumentItem.js';
import { ResultErrorAlert, ResultNotice } from './ResultFeedback.js';

const HEADING_ID = 'ket-qua-ky-so';

interface ResultDocumentsPanelProps {
  dossierId: string;
  /** 'official': the back office, with preparing, signing, revoking and certifying; 'citizen': the issued documents only. */
  variant: 'official' | 'citizen';
  /** A document was prepared, signed, revoked or certified (the dossier's history changes with it). */
  onChanged?: () => void;
}

/**
 * "Kết quả điện tử" of a dossier: its result documents, each with its status, signatures, file and public
 * verification; for officials, preparing them from the template or a PDF, sending them for signature, signing,
 * revoking, and certifying electronic copies.
 */
export function ResultDocumentsPanel({ dossierId, variant, onChanged }: ResultDocumentsPanelProps) {
  const official = variant === 'official';
  const { data, error, loading, reload } = useDossierResults(dossierId);
  const [notice, setNotice] = useState<string | null>(null);
  const done = useCallback(
    (message: string) => {
      setNotice(message);
      reload();
      onChanged?.();
    },
    [reload, onChanged],
  );
  const run = useResultAction(done);
  // A new action hides the last one's notice, so that the next notice is read out and focused even when it says the same.
  const action: ResultAction = {
    ...run,
    perform: (what, send, message) => {
      setNotice(null);
      return run.perform(what, send, message);
    },
  };

  // The applicant sees the section once something was issued to them.
  if (!official && data && data.items.length === 0) return null;
  const rights = official && data ? { canPrepare: data.canPrepare, canSign: data.canSign, providers: data.providers } : null;
  return (
    <Stack gap="md" component="section" aria-labelledby={HEADING_ID} data-testid="result-documents">
      <Title order={2} size={official ? 'h4' : undefined} id={HEADING_ID}>
        Kết quả điện tử
      </Title>
      {official ? null : (
        <Text size="sm">
          Văn bản kết quả được ký số, có mã QR. Ai nhận văn bản cũng có thể quét mã QR hoặc mở trang “Xác thực” để kiểm tra văn bản là thật và còn hiệu lực.
        </Text>
      )}
      <ResultNotice text={notice} onClose={() => setNotice(null)} />
      {action.pending ? <LoadingState label={action.label} /> : null}
      <ResultErrorAlert error={action.pending ? null : action.error} title="Chưa thực hiện được" onClose={action.reset} />
      {!data && loading ? <LoadingState label="Đang tải văn bản kết quả…" /> : null}
      {!data && error ? <ErrorState error={error} title="Không tải được văn bản kết quả của hồ sơ" onRetry={reload} /> : null}
      {data ? (
        <>
          {data.items.length === 0 ? (
            <Text size="sm">Hồ sơ chưa có văn bản kết quả điện tử.</Text>
          ) : (
            <ul className="res-docs" aria-label="Văn bản kết quả của hồ sơ">
              {data.items.map((doc) => (
                <ResultDocumentItem key={doc.id} dossierId={dossierId} doc={doc} items={data.items} rights={rights} action={action} />
              ))}
            </ul>
          )}
          {official && data.canPrepare ? <PrepareResultForm dossierId={dossierId} items={data.items} action={action} /> : null}
          {official && data.canCertify ? <CertifyCopyForm dossierId={dossierId} action={action} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
