import { useCallback, useState } from 'react';
import { apiGetFile, toApiError, type ApiError } from '../../../shared/api.js';
import { saveBlob } from '../../../shared/download.js';

export interface FileExport {
  /** The export under way (its id), or null. */
  pending: string | null;
  error: ApiError | null;
  run: (id: string, path: string, accept: string, fallbackName: string) => Promise<void>;
}

/** Asks the server for a file (Accept: the file's media type) and hands it to the browser as a download. */
export function useFileExport(): FileExport {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (id: string, path: string, accept: string, fallbackName: string) => {
    setPending(id);
    setError(null);
    try {
      const file = await apiGetFile(path, accept);
      saveBlob(file.blob, file.fileName ?? fallbackName);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setPending(null);
    }
  }, []);
  return { pending, error, run };
}
