import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError, toApiError } from '../api.js';
import { fetchUploadToken, uploadDossierFile, type DossierFile } from '../dossier-files-api.js';
import type { UploadJob } from '../attachments.js';

export type UploadStatus = 'waiting' | 'uploading' | 'done' | 'failed';

export interface UploadItem {
  job: UploadJob;
  status: UploadStatus;
  /** 0–100 */
  progress: number;
  error: string | null;
  saved: DossierFile | null;
}

export interface AttachmentUploads {
  items: UploadItem[];
  /** Some upload is still going. */
  busy: boolean;
  /** Send these files to the dossier, one after the other. */
  start: (dossierId: string, jobs: UploadJob[]) => void;
  /** Send again the files that failed. */
  retryFailed: () => void;
  /** Stop sending and forget every file (the next dossier starts afresh). */
  clear: () => void;
}

/**
 * The files of a new dossier, sent after it is created, each with its progress and outcome: the citizen's
 * electronic copies of an online submission, and the desk's scans at counter intake.
 */
export function useAttachmentUploads(): AttachmentUploads {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  const dossierId = useRef<string | null>(null);
  const itemsRef = useRef<UploadItem[]>([]);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const patch = useCallback((id: string, change: Partial<UploadItem>) => {
    setItems((previous) => {
      const next = previous.map((item) => (item.job.id === id ? { ...item, ...change } : item));
      itemsRef.current = next;
      return next;
    });
  }, []);

  const run = useCallback(
    async (jobs: UploadJob[]) => {
      const id = dossierId.current;
      if (!id || jobs.length === 0) return;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setBusy(true);
      try {
        let csrfToken: string;
        try {
          csrfToken = await fetchUploadToken(abort.signal);
        } catch (cause) {
          if (isAbortError(cause)) return;
          const message = toApiError(cause).status === 401 ? 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại rồi gửi lại tệp.' : toApiError(cause).message;
          for (const job of jobs) patch(job.id, { status: 'failed', error: message, progress: 0 });
          return;
        }
        for (const job of jobs) {
          if (abort.signal.aborted) return;
          patch(job.id, { status: 'uploading', progress: 0, error: null });
          try {
            const saved = await uploadDossierFile(id, {
              componentCode: job.componentCode,
              fileName: job.attachment.file.name,
              form: job.form,
              digitized: job.digitized,
              contentType: job.attachment.contentType,
              body: job.attachment.file,
              csrfToken,
              onProgress: (progress) => patch(job.id, { progress }),
              signal: abort.signal,
            });
            patch(job.id, { status: 'done', progress: 100, saved });
          } catch (cause) {
            if (isAbortError(cause)) return;
            patch(job.id, { status: 'failed', progress: 0, error: toApiError(cause).message });
          }
        }
      } finally {
        if (controller.current === abort) setBusy(false);
      }
    },
    [patch],
  );

  const start = useCallback(
    (id: string, jobs: UploadJob[]) => {
      dossierId.current = id;
      const next = jobs.map((job): UploadItem => ({ job, status: 'waiting', progress: 0, error: null, saved: null }));
      itemsRef.current = next;
      setItems(next);
      void run(jobs);
    },
    [run],
  );

  const retryFailed = useCallback(() => {
    const failed = itemsRef.current.filter((item) => item.status === 'failed').map((item) => item.job);
    for (const job of failed) patch(job.id, { status: 'waiting', error: null, progress: 0 });
    void run(failed);
  }, [patch, run]);

  const clear = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    dossierId.current = null;
    itemsRef.current = [];
    setItems([]);
    setBusy(false);
  }, []);

  return { items, busy, start, retryFailed, clear };
}
