import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { componentFormLabel } from '../../../../domain/catalogue/procedure.js';
import { DossierFileLinks } from '../../dossiers/components/DossierFileLinks.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { dossierResultPath, SUPPLEMENT_COMPONENT_CODE, type DossierFiles } from '../../../shared/dossier-files-api.js';
import type { ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { filesByComponent } from '../../dossiers/component-files.js';
import { FORM_TITLES, formPath } from '../../dossiers/dossier-forms.js';
import type { DossierDetail } from '../api/portal-dossiers-api.js';
import { applicantForms, reuseText, SUPPLEMENT_SLOT_NAME } from '../applicant-files.js';

/**
 * The applicant's papers with the files sent for each (to download), the papers sent for a supplement,
 * the electronic result once issued, and the printed forms addressed to them.
 */
export function DossierDocuments({ dossier: d, files }: { dossier: DossierDetail; files: ApiQuery<DossierFiles> }) {
  const grouped = filesByComponent(d.components, files.data?.items ?? []);
  const supplement = grouped.others.filter((f) => f.componentCode === SUPPLEMENT_COMPONENT_CODE);
  const others = grouped.others.filter((f) => f.componentCode !== SUPPLEMENT_COMPONENT_CODE);
  const forms = applicantForms(d);
  const result = files.data?.result ?? null;
  return (
    <Stack gap="lg">
      {result ? (
        <section aria-labelledby="ket-qua-dien-tu">
          <Title order={2} id="ket-qua-dien-tu" mb="sm">
            Kết quả giải quyết
          </Title>
          <Text>
            <Anchor href={dossierResultPath(d.id)} download={result.fileName} data-testid="result-file" className="break-anywhere">
              Tải kết quả điện tử: {result.fileName}
            </Anchor>
          </Text>
        </section>
      ) : null}

      <section aria-labelledby="giay-to-da-nop">
        <Title order={2} id="giay-to-da-nop" mb="sm">
          Giấy tờ và tệp đã gửi
        </Title>
        {d.components.length === 0 ? <Text>Không có giấy tờ kèm theo.</Text> : null}
        {d.components.length > 0 ? (
          <List type="ordered" spacing="xs" data-testid="my-components">
            {grouped.components.map(({ component: c, files: mine }, i) => (
              <List.Item key={`${c.code}-${i}`}>
                <Stack gap={4}>
                  <span>
                    {c.name} — {componentFormLabel(c.form)}, {c.copies} bản
                  </span>
                  {[...new Set(mine.map(reuseText).filter((t): t is string => t !== null))].map((text) => (
                    <Text key={text} size="sm" fw={600} c="govBlue.8" data-testid="reused-component">
                      <span aria-hidden="true">✓ </span>
                      {text}
                    </Text>
                  ))}
                  {mine.length > 0 ? (
                    <DossierFileLinks dossierId={d.id} files={mine} label={`Tệp của giấy tờ: ${c.name}`} viewer="applicant" testId="my-files" />
                  ) : null}
                </Stack>
              </List.Item>
            ))}
          </List>
        ) : null}
        {supplement.length > 0 ? (
          <Stack gap={4} mt="sm">
            <Text fw={600}>{SUPPLEMENT_SLOT_NAME}</Text>
            <DossierFileLinks dossierId={d.id} files={supplement} label={SUPPLEMENT_SLOT_NAME} viewer="applicant" testId="my-files" />
          </Stack>
        ) : null}
        {others.length > 0 ? (
          <Stack gap={4} mt="sm">
            <Text fw={600}>Tệp khác</Text>
            <DossierFileLinks dossierId={d.id} files={others} label="Tệp khác của hồ sơ" viewer="applicant" testId="my-files" />
          </Stack>
        ) : null}
        {files.loading && !files.data ? <LoadingState label="Đang tải danh sách tệp…" /> : null}
        {files.error ? <ErrorState error={files.error} title="Không tải được danh sách tệp của hồ sơ" onRetry={files.reload} /> : null}
      </section>

      <section aria-labelledby="bieu-mau-cua-toi">
        <Title order={2} id="bieu-mau-cua-toi" mb="sm">
          Giấy tờ cơ quan gửi bạn
        </Title>
        {forms.length === 0 ? (
          <Text>Chưa có. Giấy tiếp nhận hồ sơ và hẹn trả kết quả sẽ có ở đây khi hồ sơ được tiếp nhận.</Text>
        ) : (
          <List spacing="xs" data-testid="my-forms">
            {forms.map((form) => (
              <List.Item key={form}>
                <Anchor href={formPath(d.id, form)} target="_blank" rel="noopener">
                  Mẫu số {form}: {FORM_TITLES[form]} (PDF, mở trong thẻ mới)
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
