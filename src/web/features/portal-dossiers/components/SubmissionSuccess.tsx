import { Alert, Anchor, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { APPOINTMENT_PENDING_TEXT } from '../dossier-format.js';
import { MY_DOSSIERS_PAGE, myDossierPagePath, publicStatusPagePath } from '../portal-dossier-paths.js';
import type { SubmissionReceipt } from '../api/portal-dossiers-api.js';
import { STATUS_LABELS } from '../../../../domain/dossier/dossier.js';
import { formatFileSize } from '../attachments.js';
import type { AttachmentUploads, UploadItem } from '../hooks/useAttachmentUploads.js';

/** After sending: the dossier code to keep, what happens next, and where to follow it. */
export function SubmissionSuccess({ receipt, unitName, uploads }: { receipt: SubmissionReceipt; unitName: string; uploads: AttachmentUploads }) {
  return (
    <Stack gap="lg">
      <Alert color="govBlue" variant="light" title="Hồ sơ đã được gửi">
        <Stack gap="xs">
          <Text>
            Mã hồ sơ:{' '}
            <strong className="pd-code" data-testid="dossier-code">
              {receipt.code}
            </strong>
          </Text>
          <Text size="sm">Hãy ghi lại mã hồ sơ để tra cứu tình trạng giải quyết.</Text>
        </Stack>
      </Alert>
      {uploads.items.length > 0 ? <UploadedFiles uploads={uploads} /> : null}
      <dl className="pd-facts">
        <div>
          <dt>Tình trạng</dt>
          <dd>{STATUS_LABELS.submitted}</dd>
        </div>
        <div>
          <dt>Cơ quan giải quyết</dt>
          <dd>{unitName}</dd>
        </div>
        <div>
          <dt>Ngày hẹn trả</dt>
          <dd data-testid="appointment-note">{APPOINTMENT_PENDING_TEXT}.</dd>
        </div>
      </dl>
      <Text>
        Cán bộ một cửa sẽ kiểm tra hồ sơ. Khi hồ sơ được tiếp nhận, ngày hẹn trả kết quả được tính và hiển thị trong mục Hồ sơ của tôi.
      </Text>
      <Group gap="md">
        <Button component={Link} to={myDossierPagePath(receipt.id)}>
          Theo dõi hồ sơ
        </Button>
        <Anchor component={Link} to={publicStatusPagePath(receipt.code)}>
          Trang tra cứu công khai của hồ sơ
        </Anchor>
        <Anchor component={Link} to={MY_DOSSIERS_PAGE}>
          Tất cả hồ sơ của tôi
        </Anchor>
      </Group>
    </Stack>
  );
}

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  waiting: 'Đang chờ gửi',
  uploading: 'Đang gửi',
  done: 'Đã gửi',
  failed: 'Gửi không thành công',
};

/** The files attached in the form, sent to the new dossier one by one, with a way to send again those that failed. */
function UploadedFiles({ uploads }: { uploads: AttachmentUploads }) {
  const { items, busy, retryFailed } = uploads;
  const done = items.filter((i) => i.status === 'done').length;
  const failed = items.filter((i) => i.status === 'failed');
  const summary = busy
    ? `Đang gửi tệp đính kèm: đã gửi ${done} trên ${items.length} tệp.`
    : failed.length > 0
      ? `Đã gửi ${done} trên ${items.length} tệp; ${failed.length} tệp gửi không thành công.`
      : `Đã gửi đủ ${items.length} tệp đính kèm.`;
  return (
    <section aria-labelledby="tep-dinh-kem" data-testid="uploaded-files">
      <Title order={3} id="tep-dinh-kem" mb="sm">
        Tệp đính kèm
      </Title>
      <Text role="status" mb="sm" data-testid="upload-summary">
        {summary}
      </Text>
      <ul className="pd-list">
        {items.map((item) => (
          <li key={item.job.id} data-testid="upload-item" data-status={item.status}>
            <Stack gap={4}>
              <Text className="break-anywhere">
                <strong>{item.job.attachment.file.name}</strong> ({formatFileSize(item.job.attachment.file.size)})
                <Text component="span" display="block" size="sm">
                  {item.job.componentName}
                </Text>
              </Text>
              <Text size="sm" fw={600} c={item.status === 'failed' ? 'govRed.9' : undefined}>
                {STATUS_TEXT[item.status]}
                {item.status === 'uploading' ? ` (${item.progress}%)` : ''}
                {item.status === 'done' && item.saved?.pages ? ` · ${item.saved.pages} trang` : ''}
              </Text>
              {item.status === 'uploading' || item.status === 'waiting' ? (
                <Progress value={item.progress} aria-label={`Tiến độ gửi tệp ${item.job.attachment.file.name}`} size="sm" maw={420} />
              ) : null}
              {item.status === 'failed' && item.error ? (
                <Text size="sm" c="govRed.9" className="break-anywhere">
                  {item.error}
                </Text>
              ) : null}
            </Stack>
          </li>
        ))}
      </ul>
      {failed.length > 0 && !busy ? (
        <Alert color="govRed" variant="light" title="Có tệp chưa gửi được" mt="md" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Hồ sơ đã được nộp, nhưng {failed.length} tệp chưa gửi được: {failed.map((f) => f.job.attachment.file.name).join(', ')}. Bạn có thể gửi lại
              ngay bây giờ (nếu rời trang này, tệp cần chọn lại).
            </Text>
            <Button size="sm" onClick={retryFailed}>
              Gửi lại tệp chưa gửi được
            </Button>
          </Stack>
        </Alert>
      ) : null}
    </section>
  );
}
