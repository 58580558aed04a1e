import { Stack, Text, Title } from '@mantine/core';
import { componentFormLabel } from '../../../../domain/catalogue/procedure.js';
import { DossierFileLinks } from './DossierFileLinks.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import type { DossierFiles } from '../../../shared/dossier-files-api.js';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import type { Dossier } from '../api/dossiers-api.js';
import { COMPONENT_FILE_STATE_LABELS, filesByComponent } from '../component-files.js';
import { ToneBadge } from './ToneBadge.js';

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
                  {c.name} — {componentFormLabel(c.form)}, {c.copies} bản{' '}
                  {files.data ? <ToneBadge label={COMPONENT_FILE_STATE_LABELS[state]} tone={state === 'paper' ? 'neutral' : 'info'} size="sm" /> : null}
                </span>
                {mine.length > 0 ? (
                  <DossierFileLinks dossierId={dossier.id} files={mine} label={`Tệp của thành phần: ${c.name}`} viewer="official" testId="component-files" />
                ) : null}
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
          <DossierFileLinks dossierId={dossier.id} files={grouped.others} label="Tệp khác của hồ sơ" viewer="official" testId="component-files" />
        </Stack>
      ) : null}
      {files.error ? <ErrorState error={files.error} title="Không tải được danh sách tệp của hồ sơ" onRetry={files.reload} /> : null}
    </Stack>
  );
}
