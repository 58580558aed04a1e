import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { REMEDY_LABELS, REMEDY_STATUSES } from '../../../../domain/reform-plan/reform-task.js';
import { useMutation } from '../../payments/hooks/usePayments.js';
import { addFinding, updateFinding, type ReformTaskDetail, type RemedyStatus } from '../api/reform-plan-api.js';
import { ActionError } from './ActionError.js';

const REMEDY_OPTIONS = REMEDY_STATUSES.map((r) => ({ value: r, label: REMEDY_LABELS[r] }));

/** An inspection's findings, each with how far it has been put right; who may act records more and updates them. */
export function FindingsSection({ task, canEdit, onDone }: { task: ReformTaskDetail; canEdit: boolean; onDone: () => void }) {
  const [content, setContent] = useState('');
  const add = useMutation(addFinding);
  const update = useMutation(updateFinding);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (content.trim().length < 5) return;
    if ((await add.run(task.id, { expectedVersion: task.version, content: content.trim() })).ok) {
      setContent('');
      onDone();
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cchc-phat-hien">
      <Stack gap="sm">
        <Title order={2} size="h3" id="cchc-phat-hien">
          Kết quả kiểm tra ({task.findings.length} phát hiện)
        </Title>
        {task.findings.length === 0 ? <Text>Chưa ghi nhận phát hiện nào.</Text> : null}
        <ol className="reform-history">
          {task.findings.map((f) => (
            <li key={f.id}>
              <Stack gap={4}>
                <Text size="sm" className="break-anywhere">
                  {f.content}
                </Text>
                {canEdit ? (
                  <NativeSelect
                    id={`cchc-khac-phuc-${f.position}`}
                    aria-label={`Tình hình khắc phục phát hiện ${f.position}`}
                    value={f.remedy}
                    disabled={update.pending}
                    onChange={(e) =>
                      void update
                        .run(task.id, f.id, { expectedVersion: task.version, remedy: e.currentTarget.value as RemedyStatus, note: null })
                        .then((r) => r.ok && onDone())
                    }
                    data={REMEDY_OPTIONS}
                    maw={240}
                  />
                ) : (
                  <Text size="sm" fw={700}>
                    {f.remedyLabel}
                  </Text>
                )}
                {f.remedyNote ? <Text size="xs">{f.remedyNote}</Text> : null}
              </Stack>
            </li>
          ))}
        </ol>
        <ActionError error={update.error} title="Chưa cập nhật được tình hình khắc phục" />
        {canEdit ? (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap="xs" maw={680}>
              <Textarea
                id="cchc-phat-hien-moi"
                label="Thêm phát hiện qua kiểm tra"
                autosize
                minRows={2}
                value={content}
                onChange={(e) => setContent(e.currentTarget.value)}
              />
              <ActionError error={add.error} title="Chưa thêm được phát hiện" />
              <Group>
                <Button type="submit" variant="outline" loading={add.pending} disabled={content.trim().length < 5}>
                  Thêm phát hiện
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
