import { Stack, Switch, TextInput } from '@mantine/core';

interface UnitTreeControlsProps {
  filter: string;
  onFilterChange: (value: string) => void;
  showHistorical: boolean;
  onShowHistoricalChange: (value: boolean) => void;
}

export function UnitTreeControls(props: UnitTreeControlsProps) {
  return (
    <Stack gap="sm">
      <TextInput
        id="loc-don-vi"
        type="search"
        label="Lọc theo tên hoặc mã"
        description="Có thể gõ không dấu, ví dụ: dong dang"
        value={props.filter}
        autoComplete="off"
        onChange={(event) => props.onFilterChange(event.currentTarget.value)}
      />
      <Switch
        id="hien-don-vi-cu"
        label="Hiện đơn vị cũ (trước 1/7/2025)"
        checked={props.showHistorical}
        onChange={(event) => props.onShowHistoricalChange(event.currentTarget.checked)}
      />
    </Stack>
  );
}
