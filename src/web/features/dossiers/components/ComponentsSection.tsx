import { Anchor, Stack, Text, Title } from '@mantine/core';
import { COMPONENT_FORM_LABELS, type ComponentForm } from '../../../../domain/catalogue/procedure.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { dossierFilePath, type DossierFile, type DossierFiles } from '../../../shared/dossier-files-api.js';
import { uploaderText } from '../../../shared/dossier-file-format.js';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import type { Dossier } from '../api/dossiers-api.js';
import { COMPONENT_FILE_STATE_LABELS, describeFile, filesByComponent } from '../component-files.js';
import { ToneBadge } from './ToneBadge.js';

function formLabel(form: string): string {
  return form in COMPONENT_FORM_LABELS ? COMPONENT_FORM_LABELS[form as ComponentForm] : form;
}

function FileList({ dossierId, files, label }: { dossierId: string; files: readonly DossierFile[]; label: string }) {
  return (
    <ul className="attachment-files" aria-label={label} data-testid="component-files">
      {files.map((f) => (
        <li key={f.id}>
          <Text size="sm" className="break-anywhere">
            <Anchor href={dossierFilePath(dossierId, f.id)} download={f.fileName} aria-label={`Tải tệp ${f.fileName}`}>
              {f.fileName}
            </Anchor>{' '}
            <Text component="span" size="sm" c="dimmed">
              ({describeFile(f)}) · {uploaderText(f, 'official')}
            </Text>
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** The documents received with the dossier, which of them are digitized, and their files to download. */
export function ComponentsSection({ dossier, files }: { dossier: Dossier; files: ApiQuery<DossierFiles> }) {
  const grouped = filesByComponent(dossier.components, files.data?.items ?? []);
  return (
    <Stack gap="xs" component="section" aria-labelledby="thanh-phan-ho-so">
      <Title order={2} size="h4" id="thanh-phan-ho-so">
        Thành phần hồ sơ
      </Title>
      {dossier.components.length === 0 ? (
        <Text size="sm">Không ghi nhận thành phần hồ sơ.</Text>
      ) : (
        <ul className="dos-history" style={{ listStyle: 'disc' }} data-testid="dossier-components">
          {grouped.components.map(({ component: c, files: mine, state }) => (
            <li key={c.code} data-state={state}>
              <Stack gap={4}>
                <span>
                  {c.name} — {formLabel(c.form)}, {c.copies} bản{' '}
                  {files.data ? <ToneBadge label={COMPONENT_FILE_STATE_LABELS[state]} tone={state === 'paper' ? 'neutral' : 'info'} size="sm" /> : null}
                </span>
                {mine.length > 0 ? <FileList dossierId={dossier.id} files={mine} label={`Tệp của thành phần: ${c.name}`} /> : null}
              </Stack>
            </li>
          ))}
        </ul>
      )}
      {grouped.others.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Tệp khác
          </Text>
          <FileList dossierId={dossier.id} files={grouped.others} label="Tệp khác của hồ sơ" />
        </Stack>
      ) : null}
      {files.error ? <ErrorState error={files.error} title="Không tải được danh sách tệp của hồ sơ" onRetry={files.reload} /> : null}
    </Stack>
  );
}
