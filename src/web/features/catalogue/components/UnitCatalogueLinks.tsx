import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { catalogueFeedPath, unitProceduresPdfPath } from '../api/catalogue-api.js';

interface UnitCatalogueLinksProps {
  unit: { code: string; name: string } | null;
  field: { code: string; name: string } | null;
}

/**
 * For a chosen unit: its printable listing (A4 PDF with QR codes, for the desk's notice board), and an
 * Atom feed of changes for that unit and field, for people and systems that follow the catalogue.
 */
export function UnitCatalogueLinks({ unit, field }: UnitCatalogueLinksProps) {
  if (!unit && !field) return null;
  const feed = catalogueFeedPath({ unit: unit?.code, field: field?.code });
  const scope = [unit?.name, field ? `lĩnh vực ${field.name}` : null].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="danh-muc-cua-don-vi">
      {/* Feed autodiscovery for readers; React places it in <head>. */}
      <link rel="alternate" type="application/atom+xml" title={`Thay đổi danh mục thủ tục: ${scope}`} href={feed} />
      <Stack gap="xs">
        <Title order={2} size="h4" id="danh-muc-cua-don-vi">
          {unit ? `Danh mục thủ tục của ${unit.name}` : `Danh mục thủ tục lĩnh vực ${field?.name ?? ''}`}
        </Title>
        {unit ? (
          <Text>
            <Anchor href={unitProceduresPdfPath(unit.code)} type="application/pdf">
              In danh mục thủ tục của đơn vị (PDF, A4)
            </Anchor>
          </Text>
        ) : null}
        <Text>
          <Anchor href={feed} type="application/atom+xml">
            Theo dõi thay đổi (Atom)
          </Anchor>{' '}
          <Text component="span" size="sm" c="dimmed">
            – nhận thông báo khi thủ tục{scope ? ` của ${scope}` : ''} được công bố, sửa đổi hoặc bãi bỏ, bằng ứng dụng đọc tin.
          </Text>
        </Text>
      </Stack>
    </Paper>
  );
}
