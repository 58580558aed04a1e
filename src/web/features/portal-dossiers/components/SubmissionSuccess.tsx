import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { APPOINTMENT_PENDING_TEXT } from '../dossier-format.js';
import { MY_DOSSIERS_PAGE, myDossierPagePath, publicStatusPagePath } from '../portal-dossier-paths.js';
import type { SubmissionReceipt } from '../api/portal-dossiers-api.js';
import { STATUS_LABELS } from '../../../../domain/dossier/dossier.js';
import type { AttachmentUploads } from '../../../shared/hooks/useAttachmentUploads.js';
import { UploadProgress } from '../../../shared/components/UploadProgress.js';

/** A paper the citizen chose to meet from their data vault, and whether the server took it (error: its reason). */
export interface ReuseOutcome {
  componentName: string;
  title: string;
  error: string | null;
}

interface SubmissionSuccessProps {
  receipt: SubmissionReceipt;
  unitName: string;
  uploads: AttachmentUploads;
  reused?: readonly ReuseOutcome[];
}

/** After sending: the dossier code to keep, the papers taken from the vault, what happens next, and where to follow it. */
export function SubmissionSuccess({ receipt, unitName, uploads, reused = [] }: SubmissionSuccessProps) {
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
      {reused.length > 0 ? (
        <section aria-labelledby="giay-to-tu-kho">
          <Title order={3} id="giay-to-tu-kho" mb="xs">
            Giấy tờ lấy từ kho dữ liệu
          </Title>
          <List spacing="xs" data-testid="reuse-outcomes">
            {reused.map((r) => (
              <List.Item key={r.componentName}>
                {r.error === null ? (
                  <Text>
                    {r.componentName}: đã dùng «{r.title}» trong kho dữ liệu.
                  </Text>
                ) : (
                  <Text c="govRed.9" role="alert">
                    {r.componentName}: chưa dùng được «{r.title}» ({r.error}). Hồ sơ vẫn đã được nộp; cán bộ tiếp nhận sẽ hướng dẫn nếu cần bổ sung giấy tờ này.
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
      {uploads.items.length > 0 ? <UploadProgress uploads={uploads} savedText="Hồ sơ đã được nộp" /> : null}
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
      <Text>Cán bộ một cửa sẽ kiểm tra hồ sơ. Khi hồ sơ được tiếp nhận, ngày hẹn trả kết quả được tính và hiển thị trong mục Hồ sơ của tôi.</Text>
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
