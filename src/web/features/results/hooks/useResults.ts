import { useCallback, useState } from 'react';
import type { ApiError } from '../../../shared/api.js';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { dossierResultsPath, verifyFile, verifyRecordPath, type DossierResults, type PublicResult, type VerificationReport } from '../api/results-api.js';

/**
 * The dossier's result documents. While the list reloads after an action the last answer stays on screen, so
 * that the panel, and the focus in it, do not jump.
 */
export function useDossierResults(dossierId: string): ApiQuery<DossierResults> {
  const path = dossierResultsPath(dossierId);
  const query = useApiQuery<DossierResults>(path);
  const [last, setLast] = useState<{ path: string; data: DossierResults } | null>(null);
  if (query.data && query.data !== last?.data) setLast({ path, data: query.data });
  if (query.data || !query.loading || last?.path !== path) return query;
  return { ...query, data: last.data };
}

/** The public record behind a QR code; null skips the request. */
export function usePublicResult(code: string | null): ApiQuery<PublicResult> {
  return useApiQuery<PublicResult>(code === null ? null : verifyRecordPath(code));
}

export interface ResultAction {
  /** Runs `send` (one at a time); true when it succeeded, and then `onDone` was called with `done`. */
  perform: (what: string, send: () => Promise<unknown>, done: string) => Promise<boolean>;
  pending: boolean;
  /** What is under way, for the loader: "Đang ký số…". */
  label: string;
  error: ApiError | null;
  reset: () => void;
}

/** One action on the dossier's documents at a time (prepare, upload, submit, sign, revoke, certify), its loader and its refusal. */
export function useResultAction(onDone: (message: string) => void): ResultAction {
  const [label, setLabel] = useState('');
  const mutation = useMutation((send: () => Promise<unknown>) => send());
  const { run } = mutation;
  const perform = useCallback(
    async (what: string, send: () => Promise<unknown>, done: string) => {
      setLabel(what);
      const outcome = await run(send);
      if (outcome.ok) onDone(done);
      return outcome.ok;
    },
    [run, onDone],
  );
  return { perform, pending: mutation.pending, label, error: mutation.error, reset: mutation.reset };
}

/** The check of a PDF someone holds, against the document of `code` when the page has one. */
export function useFileCheck(code: string | null) {
  const mutation = useMutation((file: File) => verifyFile(file, code));
  const [report, setReport] = useState<{ fileName: string; report: VerificationReport } | null>(null);
  const { run, reset } = mutation;
  const check = useCallback(
    async (file: File) => {
      setReport(null);
      const outcome = await run(file);
      if (outcome.ok) setReport({ fileName: file.name, report: outcome.value });
    },
    [run],
  );
  const clear = useCallback(() => {
    setReport(null);
    reset();
  }, [reset]);
  return { check, clear, checked: report, pending: mutation.pending, error: mutation.error };
}
