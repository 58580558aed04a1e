import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import type { Dossier } from '../api/dossiers-api.js';
import { availableForms, FORM_TITLES, formPath, type DossierForm } from '../dossier-forms.js';

/** A form as a link to its PDF, opened in a new tab (said so for screen-reader users). */
export function FormLink({ dossierId, form, label }: { dossierId: string; form: DossierForm; label?: string }) {
  return (
    <Anchor href={formPath(dossierId, form)} target="_blank" rel="noopener" size="sm">
      {label ?? `Mẫu số ${form}: ${FORM_TITLES[form]}`} (PDF, mở trong thẻ mới)
    </Anchor>
  );
}

/** The printed forms issued for the dossier so far. */
export function FormsSection({ dossier }: { dossier: Dossier }) {
  const forms = availableForms(dossier);
  return (
    <Stack gap="xs" component="section" aria-labelledby="bieu-mau-ho-so">
      <Title order={2} size="h4" id="bieu-mau-ho-so">
        Biểu mẫu
      </Title>
      {forms.length === 0 ? (
        <Text size="sm">Chưa có biểu mẫu nào được lập cho hồ sơ.</Text>
      ) : (
        <List size="sm" spacing={4} data-testid="dossier-forms">
          {forms.map((form) => (
            <List.Item key={form}>
              <FormLink dossierId={dossier.id} form={form} />
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
