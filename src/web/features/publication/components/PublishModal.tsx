import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { problemsFromDetails, type ApiError } from '../../../shared/api.js';
import type { DecisionDetail } from '../api/publication-api.js';
import { ProblemList } from './ProblemList.js';

interface PublishModalProps {
  decision: DecisionDetail;
  opened: boolean;
  pending: boolean;
  /** The refusal of the last attempt: 422 lists the problems item by item. */
  error: ApiError | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Công bố" asked twice; when the server refuses, its per-item problems are shown in the dialog. */
export function PublishModal({ decision, opened, pending, error, onConfirm, onClose }: PublishModalProps) {
  const problems = error ? problemsFromDetails(error.details) : [];
  return (
    <Modal opened={opened} onClose={onClose} title={`Công bố quyết định ${decision.number}`} centered size="lg" closeButtonProps={{ 'aria-label': 'Đóng' }}>
      <Stack gap="md">
        <Text size="sm">
          {decision.items.length} thủ tục của quyết định sẽ được cập nhật vào danh mục thủ tục hành chính của tỉnh, có hiệu lực từ ngày ghi ở từng thủ tục.
          Quyết định đã công bố không thể sửa hay xóa.
        </Text>
        {error ? (
          <Alert color="govRed" variant="light" title={error.message} role="alert" data-testid="publish-error">
            {problems.length > 0 ? <ProblemList problems={problems} items={decision.items} /> : null}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending} data-autofocus>
            {error ? 'Đóng' : 'Hủy'}
          </Button>
          <Button onClick={onConfirm} loading={pending}>
            Công bố
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
