import { Alert, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ACTION_LABELS } from '../../../../domain/dossier/dossier.js';
import { applicantActions, type ApplicantActionType } from '../dossier-format.js';
import { useApplicantAction } from '../hooks/useApplicantAction.js';
import type { DossierDetail } from '../api/portal-dossiers-api.js';

const MAX_REASON = 2000;

const DONE_MESSAGES: Record<ApplicantActionType, string> = {
  withdraw: 'Đã rút hồ sơ. Cơ quan giải quyết sẽ dừng xử lý hồ sơ này.',
  resubmit: 'Đã nộp lại hồ sơ. Cán bộ một cửa sẽ kiểm tra và tiếp nhận.',
};

interface DossierActionsProps {
  dossier: Pick<DossierDetail, 'id' | 'seq' | 'availableActions'>;
  /** After an action went through: reload the dossier and say what happened. */
  onDone: (message: string) => void;
  /** The dossier changed meanwhile (409): reload before trying again. */
  onStale: () => void;
}

/** What the applicant may do now, as the server says: resubmit after a supplement, withdraw with a reason. */
export function DossierActions({ dossier, onDone, onStale }: DossierActionsProps) {
  const actions = applicantActions(dossier.availableActions);
  const { run, pending, error, reset } = useApplicantAction(dossier.id);
  const [open, setOpen] = useState<ApplicantActionType | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // After a successful action the page moves focus to its notice; the dialog must not send it back.
  const [succeeded, setSucceeded] = useState(false);

  if (actions.length === 0) return null;

  function close() {
    if (pending) return;
    setOpen(null);
    setReason('');
    setReasonError(null);
    reset();
  }

  async function confirm(type: ApplicantActionType) {
    if (type === 'withdraw' && !reason.trim()) {
      setReasonError('Vui lòng cho biết lý do rút hồ sơ.');
      return;
    }
    const outcome = await run(type === 'withdraw' ? { type, expectedSeq: dossier.seq, reason: reason.trim() } : { type, expectedSeq: dossier.seq });
    if (outcome) {
      setSucceeded(true);
      setOpen(null);
      setReason('');
      onDone(DONE_MESSAGES[type]);
    }
  }

  const stale = error?.code === 'DOSSIER_CHANGED' || error?.status === 409;

  return (
    <section aria-labelledby="thao-tac-ho-so">
      <Stack gap="sm">
        <Title order={2} size="h4" id="thao-tac-ho-so">
          Thao tác với hồ sơ
        </Title>
        <Group gap="sm">
          {actions.map((type) => (
            <Button
              key={type}
              variant={type === 'withdraw' ? 'outline' : 'filled'}
              color={type === 'withdraw' ? 'govRed' : 'govBlue'}
              onClick={() => {
                setSucceeded(false);
                setOpen(type);
              }}
            >
              {ACTION_LABELS[type]}
            </Button>
          ))}
        </Group>
      </Stack>
      <Modal
        opened={open !== null}
        onClose={close}
        title={open ? ACTION_LABELS[open] : ''}
        centered
        returnFocus={!succeeded}
        closeButtonProps={{ 'aria-label': 'Đóng' }}
      >
        <Stack gap="md">
          {open === 'withdraw' ? (
            <>
              <Text size="sm">Hồ sơ đã rút sẽ không được tiếp tục giải quyết. Nếu cần, bạn phải nộp hồ sơ mới.</Text>
              <Textarea
                id="ly-do-rut"
                label="Lý do rút hồ sơ"
                value={reason}
                onChange={(event) => {
                  setReason(event.currentTarget.value);
                  setReasonError(null);
                }}
                autosize
                minRows={3}
                maxLength={MAX_REASON}
                required
                error={reasonError}
                data-autofocus
              />
            </>
          ) : null}
          {open === 'resubmit' ? <Text size="sm">Xác nhận bạn đã bổ sung đủ giấy tờ theo yêu cầu và gửi lại hồ sơ để cán bộ một cửa tiếp nhận.</Text> : null}
          {error ? (
            <Alert color="govRed" variant="light" title="Chưa thực hiện được" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{error.message}</Text>
                {stale ? (
                  <Button
                    size="xs"
                    variant="outline"
                    color="govRed"
                    onClick={() => {
                      close();
                      onStale();
                    }}
                  >
                    Tải lại hồ sơ
                  </Button>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={close} disabled={pending}>
              Huỷ
            </Button>
            {open ? (
              <Button color={open === 'withdraw' ? 'govRed' : 'govBlue'} loading={pending} onClick={() => void confirm(open)}>
                {open === 'withdraw' ? 'Xác nhận rút hồ sơ' : 'Xác nhận nộp lại'}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Modal>
    </section>
  );
}
