import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useId, useRef, useState, type FormEvent } from 'react';
import { maxOfScheme, SCHEME_LEVEL_LABELS, SCHEME_LEVELS, subCriteriaOf, type SchemeLevel } from '../../../../domain/par-index/scheme.js';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { formatNumber } from '../../../shared/format.js';
import { toBase64 } from '../../digitization/scan-pages.js';
import { importScheme } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { readYear } from '../par-view.js';
import { ActionMessage } from './ActionMessage.js';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The contract's bound: 5 MB of spreadsheet (7,000,000 characters of base64). */
const MAX_BYTES = 5 * 1024 * 1024;
const KEY = 'import';
const LEVEL_OPTIONS = SCHEME_LEVELS.map((l) => ({ value: l, label: SCHEME_LEVEL_LABELS[l] }));

type Errors = Partial<Record<'year' | 'name' | 'file', string>>;

function check(year: string, name: string, file: File | null): Errors {
  const errors: Errors = {};
  if (readYear(year) === null) errors.year = 'Nhập năm từ 2000 đến 2100.';
  if (name.trim().length < 3) errors.name = 'Tên bộ chỉ số có ít nhất 3 ký tự.';
  if (!file) errors.file = 'Chọn tệp Excel (.xlsx) của bộ chỉ số.';
  else if (!/\.xlsx$/i.test(file.name)) errors.file = `Tệp “${file.name}” không phải tệp Excel .xlsx.`;
  else if (file.size === 0 || file.size > MAX_BYTES) errors.file = `Tệp “${file.name}” rỗng hoặc lớn hơn 5 MB.`;
  return errors;
}

/**
 * "Nhập bộ chỉ số từ Excel": the year, the level, a name and the workbook (the layout "Tải Excel" gives); every bad
 * row the server finds is listed.
 */
export function ImportSchemeForm({ actions, defaultYear }: { actions: ParActions; defaultYear: number }) {
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [year, setYear] = useState(String(defaultYear));
  const [level, setLevel] = useState<SchemeLevel>('commune');
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(year, name, file);
    setErrors(found);
    const y = readYear(year);
    if (Object.keys(found).length > 0 || !file || y === null) return;
    const data = toBase64(new Uint8Array(await file.arrayBuffer()));
    const done = await actions.run(
      KEY,
      () => importScheme({ year: y, level, name: name.trim(), file: data }),
      (scheme) =>
        `Đã nhập bộ chỉ số “${scheme.name}” năm ${scheme.year} (${SCHEME_LEVEL_LABELS[scheme.level]}): ${subCriteriaOf(scheme.definition).length} tiêu chí thành phần, tối đa ${formatNumber(maxOfScheme(scheme.definition))} điểm.`,
    );
    if (done) {
      setName('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby="par-nhap-tieu-de" data-testid="par-import">
      <Stack gap="sm">
        <Text size="sm">
          Tệp theo mẫu “Tải Excel” của một bộ chỉ số: mỗi dòng một lĩnh vực (mã 1), tiêu chí (1.1) hoặc tiêu chí thành phần (1.1.1) với điểm tối đa, cách chấm,
          các mức và tài liệu kiểm chứng. Tối đa 5 MB.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Năm áp dụng" inputMode="numeric" value={year} onChange={(e) => setYear(e.currentTarget.value)} error={errors.year} required />
          <NativeSelect label="Cấp đánh giá" value={level} onChange={(e) => setLevel(e.currentTarget.value as SchemeLevel)} data={LEVEL_OPTIONS} />
          <TextInput label="Tên bộ chỉ số" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required />
        </SimpleGrid>
        <Stack gap={4}>
          <label htmlFor={fileId}>
            <Text component="span" fw={500} size="sm">
              Tệp Excel bộ chỉ số (.xlsx)
            </Text>
          </label>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            accept={XLSX_ACCEPT}
            className="par-file-input"
            aria-invalid={errors.file ? true : undefined}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          <ProblemList problems={errors.file ? [errors.file] : []} />
        </Stack>
        <ActionMessage actions={actions} actionKey={KEY} />
        <Group>
          <Button type="submit" loading={actions.pending === KEY}>
            Nhập bộ chỉ số
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
