import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { NO_FILTERS, type AuditFilters } from '../api/audit-api.js';
import { actionOptions } from '../audit-labels.js';

interface AuditFiltersFormProps {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  /** The units the viewer may look at, by name. */
  units: { value: string; label: string }[];
}

const ACTIONS = actionOptions();

/** Filters by unit, official, action and date range; applied together with "Lọc". */
export function AuditFiltersForm({ value, onChange, units }: AuditFiltersFormProps) {
  const [draft, setDraft] = useState<AuditFilters>(value);
  const badRange = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  const set = (key: keyof AuditFilters) => (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [key]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!badRange) onChange({ ...draft, official: draft.official.trim() });
  };
  return (
    <form onSubmit={submit} aria-label="Lọc nhật ký">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <NativeSelect
          id="loc-nhat-ky-don-vi"
          label="Đơn vị"
          value={draft.unit}
          onChange={set('unit')}
          data={[{ value: '', label: 'Tất cả đơn vị' }, ...units]}
        />
        <TextInput
          id="loc-nhat-ky-can-bo"
          label="Cán bộ"
          description="Họ tên hoặc tên đăng nhập"
          value={draft.official}
          onChange={set('official')}
          maxLength={100}
        />
        <NativeSelect
          id="loc-nhat-ky-thao-tac"
          label="Thao tác"
          value={draft.action}
          onChange={set('action')}
          data={[{ value: '', label: 'Tất cả thao tác' }, ...ACTIONS]}
        />
        <TextInput id="loc-nhat-ky-tu-ngay" type="date" label="Từ ngày" value={draft.from} onChange={set('from')} />
        <TextInput
          id="loc-nhat-ky-den-ngay"
          type="date"
          label="Đến ngày"
          value={draft.to}
          onChange={set('to')}
          error={badRange ? 'Đến ngày phải từ ngày bắt đầu trở đi' : undefined}
        />
      </SimpleGrid>
      <Group gap="sm" mt="sm">
        <Button type="submit" disabled={badRange}>
          Lọc
        </Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(NO_FILTERS);
            onChange(NO_FILTERS);
          }}
        >
          Xóa bộ lọc
        </Button>
      </Group>
    </form>
  );
}
