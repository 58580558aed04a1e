/**
 * The files on a dossier, by component: which components are digitized (scanned from paper at the desk) or
 * have the applicant's electronic copy, and how each file is described. Pure: no React, no network.
 */
import { formatFileSize } from '../../shared/attachments.js';
import type { DossierFile } from '../../shared/dossier-files-api.js';
import type { DossierComponent } from './api/dossiers-api.js';

export type ComponentFileState = 'digitized' | 'electronic' | 'paper';

export interface ComponentFiles {
  component: DossierComponent;
  files: DossierFile[];
  /** Digitized as soon as one scan is on file; electronic when only non-scanned files are. */
  state: ComponentFileState;
}

export const COMPONENT_FILE_STATE_LABELS = {
  digitized: 'Đã số hóa',
  electronic: 'Có bản điện tử',
  paper: 'Chưa số hóa',
} as const satisfies Record<ComponentFileState, string>;

/** Each component with its files, in the dossier's order; files under a code the dossier does not list come apart. */
export function filesByComponent(
  components: readonly DossierComponent[],
  files: readonly DossierFile[],
): { components: ComponentFiles[]; others: DossierFile[] } {
  const codes = new Set(components.map((c) => c.code));
  return {
    components: components.map((component) => {
      const mine = files.filter((f) => f.componentCode === component.code);
      const state: ComponentFileState = mine.some((f) => f.digitized) ? 'digitized' : mine.length > 0 ? 'electronic' : 'paper';
      return { component, files: mine, state };
    }),
    others: files.filter((f) => !codes.has(f.componentCode)),
  };
}

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

/** The paper a desk scan was made from (issue 20). */
const DIGITIZED_FROM_WORDS = { original: 'bản chính', certifiedCopy: 'bản sao có chứng thực', copy: 'bản chụp' } as const;

/** "PDF · 2 KB · 1 trang · bản số hóa từ giấy"; a scan signed at the desk says what it was scanned from ("bản số hóa từ bản chính"). */
export function describeFile(file: Pick<DossierFile, 'contentType' | 'size' | 'pages' | 'digitized'> & Partial<Pick<DossierFile, 'digitizedFrom'>>): string {
  return [
    TYPE_NAMES[file.contentType] ?? file.contentType,
    formatFileSize(file.size),
    file.pages ? `${file.pages} trang` : null,
    file.digitized ? `bản số hóa từ ${file.digitizedFrom ? DIGITIZED_FROM_WORDS[file.digitizedFrom] : 'giấy'}` : 'bản điện tử',
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}
