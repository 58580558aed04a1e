import { Anchor, Text } from '@mantine/core';
import { dossierFilePath, type DossierFile } from '../../../shared/dossier-files-api.js';
import { signatureText, uploaderText } from '../../../shared/dossier-file-format.js';
import { fileOriginText } from '../../digitization/provide-once-view.js';
import { describeFile } from '../component-files.js';

/** Mantine's green 9 is under 4.5:1 on white; this one is about 7:1. */
const VALID_GREEN = '#1b5e20';

/** A dossier's files to download, each with its type and size and who sent it when (as `viewer` may be told). */
export function DossierFileLinks({
  dossierId,
  files,
  label,
  viewer,
  testId,
}: {
  dossierId: string;
  files: readonly DossierFile[];
  label: string;
  viewer: 'applicant' | 'official';
  testId: string;
}) {
  return (
    <ul className="attachment-files" aria-label={label} data-testid={testId}>
      {files.map((f) => (
        <li key={f.id}>
          <Text size="sm" className="break-anywhere">
            <Anchor href={dossierFilePath(dossierId, f.id)} download={f.fileName} aria-label={`Tải tệp ${f.fileName}`}>
              {f.fileName}
            </Anchor>{' '}
            <Text component="span" size="sm" c="dimmed">
              ({describeFile(f)}
              {viewer === 'official' && fileOriginText(f) ? ` · ${fileOriginText(f)}` : ''}) · {uploaderText(f, viewer)}
            </Text>
          </Text>
          {signatureText(f) ? (
            <Text size="sm" c={f.signature?.verdict === 'valid' ? VALID_GREEN : 'red.9'} data-testid="file-signature">
              {signatureText(f)}
            </Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
