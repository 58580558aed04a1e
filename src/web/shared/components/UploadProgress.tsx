import { Alert, Button, Progress, Stack, Text, Title, type TitleOrder, type TitleSize } from '@mantine/core';
import { formatFileSize } from '../attachments.js';
import type { AttachmentUploads, UploadItem } from '../hooks/useAttachmentUploads.js';

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  waiting: 'Đang chờ gửi',
  uploading: 'Đang gửi',
  done: 'Đã gửi',
  failed: 'Gửi không thành công',
};

interface UploadProgressProps {
  uploads: AttachmentUploads;
  /** Where the section sits in the page's outline. */
  headingOrder?: TitleOrder;
  /** The heading's look, when the page's headings are smaller than their level's default. */
  titleSize?: TitleSize;
  title?: string;
  /** What already happened to the dossier, for the failure message ("Hồ sơ đã được nộp"); none when nothing else was saved. */
  savedText?: string;
}

/** The files chosen in the form, sent to the new dossier one by one, with a way to send again those that failed. */
export function UploadProgress({ uploads, headingOrder = 3, titleSize, title = 'Tệp đính kèm', savedText }: UploadProgressProps) {
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
      <Title order={headingOrder} {...(titleSize ? { size: titleSize } : {})} id="tep-dinh-kem" mb="sm">
        {title}
      </Title>
      <Text role="status" mb="sm" data-testid="upload-summary">
        {summary}
      </Text>
      <ul className="attachment-uploads">
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
              {savedText ? `${savedText}, nhưng ` : ''}
              {failed.length} tệp chưa gửi được: {failed.map((f) => f.job.attachment.file.name).join(', ')}. Bạn có thể gửi lại ngay bây giờ (nếu rời trang này,
              tệp cần chọn lại).
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
