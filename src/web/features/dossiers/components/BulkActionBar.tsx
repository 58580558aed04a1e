import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ACTION_LABELS } from '../../../../domain/dossier/dossier.js';
import type { ApiError } from '../../../shared/api.js';
import type { BulkCommand, QueueItem } from '../api/dossiers-api.js';
import { emptyActionValues, type ActionErrors, type ActionFormValues } from '../action-forms.js';
import { buildBulkCommand, commonBulkActions, defaultBulkReturnMethod, type BulkAction } from '../bulk-actions.js';
import { ReturnMethodField } from './ReturnMethodField.js';

interface BulkActionBarProps {
  /** The selected rows. */
  rows: readonly QueueItem[];
  pending: boolean;
  error: ApiError | null;
  onRun: (command: BulkCommand) => void;
  onClear: () => void;
}

const HEADING_ID = 'thao-tac-hang-loat';

const buttonLabel = (type: BulkAction, count: number) => `${ACTION_LABELS[type]} ${count} hồ sơ`;

/**
 * What can be done to all the selected dossiers at once: only the actions every one of them allows. An action
 * without fields runs on a click; approving and returning results first ask for their one note or method.
 */
export function BulkActionBar({ rows, pending, error, onRun, onClear }: BulkActionBarProps) {
  const [open, setOpen] = useState<Exclude<BulkAction, 'claim'> | null>(null);
  const actions = commonBulkActions(rows);

  function choose(type: BulkAction) {
    if (type === 'claim') onRun({ type: 'claim' });
    else setOpen(type);
  }

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={HEADING_ID} className="dos-bulk-bar" data-testid="bulk-bar">
      <Stack gap="xs">
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Text id={HEADING_ID} fw={700} size="sm">
            Đã chọn {rows.length} hồ sơ
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={onClear} disabled={pending}>
            Bỏ chọn tất cả
          </Button>
        </Group>
        {actions.length === 0 ? (
          <Text size="sm" data-testid="bulk-none">
            Các hồ sơ đã chọn không có chung thao tác nào làm được hàng loạt; hãy chọn các hồ sơ cùng chờ một thao tác.
          </Text>
        ) : (
          <Group gap="sm" wrap="wrap">
            {actions.map((type) => (
              <Button key={type} size="sm" onClick={() => choose(type)} loading={pending && open === null} disabled={pending}>
                {buttonLabel(type, rows.length)}
              </Button>
            ))}
          </Group>
        )}
        {error && open === null ? (
          <Alert color="govRed" variant="light" title="Chưa thực hiện được" role="alert">
            {error.message}
          </Alert>
        ) : null}
      </Stack>
      {open ? (
        <BulkActionDialog
          key={open}
          type={open}
          rows={rows}
          pending={pending}
          onSubmit={(command) => {
            setOpen(null);
            onRun(command);
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Paper>
  );
}

interface BulkActionDialogProps {
  type: Exclude<BulkAction, 'claim'>;
  rows: readonly QueueItem[];
  pending: boolean;
  onSubmit: (command: BulkCommand) => void;
  onClose: () => void;
}

/** The one note (approval) or method (return) for every selected dossier, with the list of what is concerned. */
function BulkActionDialog({ type, rows, pending, onSubmit, onClose }: BulkActionDialogProps) {
  const [values, setValues] = useState<ActionFormValues>(() => emptyActionValues(type === 'returnResult' ? { method: defaultBulkReturnMethod(rows) } : {}));
  const [errors, setErrors] = useState<ActionErrors>({});
  const label = buttonLabel(type, rows.length);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const built = buildBulkCommand(type, values);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    onSubmit(built.command);
  }

  return (
    <Modal opened onClose={onClose} title={label} centered size="lg" closeButtonProps={{ 'aria-label': 'Đóng' }}>
      <form
        noValidate
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
        }}
      >
        <Stack gap="md">
          <Text size="sm">{type === 'approve' ? 'Các hồ sơ được phê duyệt cùng một ghi chú:' : 'Kết quả của các hồ sơ được trả theo cùng một hình thức:'}</Text>
          <ul className="dos-history dos-bulk-codes" aria-label="Các hồ sơ đã chọn">
            {rows.map((r) => (
              <li key={r.id}>
                <span className="mono">{r.code}</span> — {r.procedureName}
              </li>
            ))}
          </ul>
          {type === 'approve' ? (
            <Textarea
              label="Ghi chú (không bắt buộc)"
              autosize
              minRows={2}
              maxRows={6}
              value={values.note}
              onChange={(event) => setValues((v) => ({ ...v, note: event.currentTarget.value }))}
              error={errors.note}
              data-autofocus
            />
          ) : (
            <ReturnMethodField value={values.method} onChange={(method) => setValues((v) => ({ ...v, method }))} error={errors.method} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={pending}>
              Hủy
            </Button>
            <Button type="submit" loading={pending}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
