import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Unit } from '../../../../domain/units/unit.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { editReformTask, reopenReformTask, type ReformTaskDetail } from '../api/reform-plan-api.js';
import { useTaskForm } from '../hooks/useTaskForm.js';
import { ActionError } from './ActionError.js';
import { TaskFields } from './TaskFields.js';

interface ManageProps {
  task: ReformTaskDetail;
  units: readonly Unit[];
  onDone: () => void;
}

/** The plan's keeper corrects a task (a deadline moved earns new reminders) and reopens one reported done, saying why. */
export function ManageTaskForms({ task, units, onDone }: ManageProps) {
  const form = useTaskForm({ kind: task.kind, content: task.content, unitCode: task.unitCode, deadline: task.deadline, expectedOutput: task.expectedOutput });
  const [reason, setReason] = useState('');
  const edit = useMutation(editReformTask);
  const reopen = useMutation(reopenReformTask);

  async function saveEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = form.checked();
    if (fields && (await edit.run(task.id, { ...fields, expectedVersion: task.version, reason: reason.trim() || null })).ok) onDone();
  }

  async function sendBack(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 3) return;
    if ((await reopen.run(task.id, { expectedVersion: task.version, reason: reason.trim() })).ok) {
      setReason('');
      onDone();
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cchc-theo-doi">
      <Stack gap="md" maw={680}>
        <Title order={2} size="h3" id="cchc-theo-doi">
          Theo dõi kế hoạch
        </Title>
        <Textarea
          id="cchc-ly-do"
          label={task.status === 'done' ? 'Lý do (khi sửa hoặc mở lại nhiệm vụ)' : 'Lý do sửa (không bắt buộc)'}
          autosize
          minRows={1}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {task.status === 'done' ? (
          <form onSubmit={(e) => void sendBack(e)} noValidate>
            <Stack gap="xs">
              <ActionError error={reopen.error} title="Chưa mở lại được nhiệm vụ" />
              <Group>
                <Button type="submit" variant="outline" color="orange" loading={reopen.pending} disabled={reason.trim().length < 3}>
                  Mở lại nhiệm vụ (minh chứng chưa đạt)
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        <form onSubmit={(e) => void saveEdit(e)} noValidate>
          <Stack gap="sm">
            <Title order={3} size="h4">
              Sửa nhiệm vụ
            </Title>
            <TaskFields idPrefix="cchc-sua" form={form} units={units} />
            <ActionError error={edit.error} title="Chưa lưu được nhiệm vụ" />
            <Group>
              <Button type="submit" loading={edit.pending}>
                Lưu nhiệm vụ
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
