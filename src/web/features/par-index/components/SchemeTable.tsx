import { Anchor, Button, Group, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { SCHEME_LEVEL_LABELS } from '../../../../domain/par-index/scheme.js';
import { formatNumber } from '../../../shared/format.js';
import { copyScheme, schemeXlsxPath, type ParSchemeSummary } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { copyName, readYear } from '../par-view.js';
import { ActionMessage } from './ActionMessage.js';

/** "Sao chép sang năm…": the year and the new name; the copy keeps the definition, to amend. */
function CopyDialog({ scheme, actions, onClose }: { scheme: ParSchemeSummary; actions: ParActions; onClose: () => void }) {
  const [year, setYear] = useState(String(scheme.year + 1));
  const [name, setName] = useState(() => copyName(scheme.name, scheme.year, scheme.year + 1));
  const [errors, setErrors] = useState<{ year?: string; name?: string }>({});
  const key = 'copy';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const y = readYear(year);
    const found = { ...(y === null ? { year: 'Nhập năm từ 2000 đến 2100.' } : {}), ...(name.trim().length < 3 ? { name: 'Tên có ít nhất 3 ký tự.' } : {}) };
    setErrors(found);
    if (y === null || Object.keys(found).length > 0) return;
    const done = await actions.run(key, () => copyScheme(scheme.id, { year: y, name: name.trim() }), `Đã sao chép thành bộ chỉ số “${name.trim()}” năm ${y}.`);
    if (done) onClose();
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Sao chép “{scheme.name}” (năm {scheme.year}) thành bộ chỉ số của năm khác với cùng lĩnh vực, tiêu chí và cách chấm, để sửa đổi.
        </Text>
        <TextInput label="Năm áp dụng" inputMode="numeric" value={year} onChange={(e) => setYear(e.currentTarget.value)} error={errors.year} required />
        <TextInput label="Tên bộ chỉ số mới" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required />
        <ActionMessage actions={actions} actionKey={key} only="refused" />
        <Group gap="sm">
          <Button type="submit" loading={actions.pending === key}>
            Sao chép
          </Button>
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The schemes by year and level, each with its workbook and a copy to another year. */
export function SchemeTable({ schemes, actions }: { schemes: readonly ParSchemeSummary[]; actions: ParActions }) {
  const [copying, setCopying] = useState<ParSchemeSummary | null>(null);
  if (schemes.length === 0) return <Text>Chưa có bộ chỉ số nào. Nhập bộ chỉ số từ tệp Excel ở dưới.</Text>;
  return (
    <>
      <div className="table-scroll par-scroll" role="region" aria-label="Các bộ chỉ số (cuộn ngang để xem thêm cột)" tabIndex={0}>
        <Table className="par-wide" striped withTableBorder verticalSpacing="xs" data-testid="par-schemes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Năm</Table.Th>
              <Table.Th scope="col">Cấp đánh giá</Table.Th>
              <Table.Th scope="col">Tên bộ chỉ số</Table.Th>
              <Table.Th scope="col">Điểm tối đa</Table.Th>
              <Table.Th scope="col">Tiêu chí thành phần</Table.Th>
              <Table.Th scope="col">Số đợt</Table.Th>
              <Table.Th scope="col">Thao tác</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schemes.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.year}</Table.Td>
                <Table.Td>{SCHEME_LEVEL_LABELS[s.level]}</Table.Td>
                <Table.Td className="par-name-cell">{s.name}</Table.Td>
                <Table.Td>{formatNumber(s.maxPoints)}</Table.Td>
                <Table.Td>{formatNumber(s.subCriteria)}</Table.Td>
                <Table.Td>{formatNumber(s.rounds)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor href={schemeXlsxPath(s.id)} download size="sm" className="par-nowrap">
                      Tải Excel<VisuallyHidden> bộ chỉ số {s.name}</VisuallyHidden>
                    </Anchor>
                    <Button size="compact-sm" variant="subtle" onClick={() => setCopying(s)}>
                      Sao chép sang năm…<VisuallyHidden> bộ chỉ số {s.name}</VisuallyHidden>
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <ActionMessage actions={actions} actionKey="copy" only="ok" />
      <Modal
        opened={copying !== null}
        onClose={() => setCopying(null)}
        title="Sao chép bộ chỉ số sang năm khác"
        centered
        closeButtonProps={{ 'aria-label': 'Đóng' }}
      >
        {copying ? <CopyDialog scheme={copying} actions={actions} onClose={() => setCopying(null)} /> : null}
      </Modal>
    </>
  );
}
