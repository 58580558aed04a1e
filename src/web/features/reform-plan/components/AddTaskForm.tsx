import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import type { Unit } from '../../../../domain/units/unit.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { addReformTask } from '../api/reform-plan-api.js';
import { useTaskForm } from '../hooks/useTaskForm.js';
import { EMPTY_TASK } from '../reform-view.js';
import { ActionError } from './ActionError.js';
import { TaskFields } from './TaskFields.js';

/** The plan's keeper adds one task to the year's plan (the plan is created with its first task). */
export function AddTaskForm({ year, units, onAdded }: { year: number; units: readonly Unit[]; onAdded: () => void }) {
  const form = useTaskForm(EMPTY_TASK);
  const add = useMutation(addReformTask);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = form.checked();
    if (fields && (await add.run(year, { ...fields, planTitle: null })).ok) {
      form.reset(EMPTY_TASK);
      onAdded();
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cchc-them">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="cchc-them">
            Thêm nhiệm vụ vào kế hoạch năm {year}
          </Title>
          <TaskFields idPrefix="cchc-them" form={form} units={units} />
          <ActionError error={add.error} title="Chưa thêm được nhiệm vụ" />
          <Group>
            <Button type="submit" loading={add.pending}>
              Thêm nhiệm vụ
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
