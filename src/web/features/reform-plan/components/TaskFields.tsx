import { NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import type { Unit } from '../../../../domain/units/unit.js';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { UnitSelect } from '../../calendar/components/UnitSelect.js';
import type { TaskForm } from '../hooks/useTaskForm.js';
import { KIND_OPTIONS, type TaskValues } from '../reform-view.js';

interface TaskFieldsProps {
  idPrefix: string;
  form: TaskForm;
  units: readonly Unit[];
}

/** A task's fields: kind, text, owner unit, deadline, expected output (adding a task, correcting one). */
export function TaskFields({ idPrefix, form, units }: TaskFieldsProps) {
  const { values, errors, change: onChange } = form;
  return (
    <Stack gap="sm">
      <NativeSelect
        id={`${idPrefix}-loai`}
        label="Loại"
        value={values.kind}
        onChange={(e) => onChange({ kind: e.currentTarget.value as TaskValues['kind'] })}
        data={KIND_OPTIONS}
      />
      <Textarea
        id={`${idPrefix}-noi-dung`}
        label="Nội dung nhiệm vụ"
        required
        autosize
        minRows={2}
        value={values.content}
        onChange={(e) => onChange({ content: e.currentTarget.value })}
        error={errors.content}
      />
      <UnitSelect
        id={`${idPrefix}-don-vi`}
        label="Đơn vị chủ trì"
        units={units}
        value={values.unitCode}
        onChange={(unitCode) => onChange({ unitCode })}
        levels={['department', 'commune', 'province', 'service_center']}
      />
      <ProblemList problems={errors.unitCode ? [errors.unitCode] : []} />
      <TextInput
        id={`${idPrefix}-thoi-han`}
        type="date"
        label="Thời hạn hoàn thành"
        required
        value={values.deadline}
        onChange={(e) => onChange({ deadline: e.currentTarget.value })}
        error={errors.deadline}
      />
      <Textarea
        id={`${idPrefix}-san-pham`}
        label="Sản phẩm dự kiến"
        required
        autosize
        minRows={1}
        value={values.expectedOutput}
        onChange={(e) => onChange({ expectedOutput: e.currentTarget.value })}
        error={errors.expectedOutput}
      />
    </Stack>
  );
}
