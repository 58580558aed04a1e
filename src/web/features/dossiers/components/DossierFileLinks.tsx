import { Anchor, Text } from '@mantine/core';
import { dossierFilePath, type DossierFile } from '../../../shared/dossier-files-api.js';
import { signatureText, uploaderText } from '../../../shared/dossier-file-format.js';
import { describeFile } from '../component-files.js';

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
              ({describeFile(f)}) · {uploaderText(f, viewer)}
            </Text>
          </Text>
          {signatureText(f) ? (
            <Text size="sm" c={f.signature?.verdict === 'valid' ? 'green.9' : 'red.9'} data-testid="file-signature">
              {signatureText(f)}
            </Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
