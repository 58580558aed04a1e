/** One file on its way to a dossier (dossier-files-api.ts uploadDossierFile): what the browser holds, not a wire shape. */
import type { ComponentForm } from '../../domain/catalogue/procedure.js';

export interface FileUpload {
  componentCode: string;
  fileName: string;
  form: ComponentForm | string;
  digitized: boolean;
  contentType: string;
  body: Blob;
  /** The session's CSRF token (fetchUploadToken). */
  csrfToken: string;
  /** 0–100 as the bytes go out. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}
