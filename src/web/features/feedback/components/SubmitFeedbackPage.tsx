import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { isOfficialRole } from '../../../../domain/access/roles.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import type { FeedbackReceipt } from '../api/feedback-api.js';
import { ENTRY_PAGE, FEEDBACK_PAGE, trackPageFor } from '../feedback-view.js';
import { FeedbackForm } from './FeedbackForm.js';
import { FeedbackReceiptPanel } from './FeedbackReceiptPanel.js';

const PAGE_TITLE = 'Gửi phản ánh, kiến nghị';

/**
 * /phan-anh-kien-nghi/gui: the public form (anonymous with a challenge, or from a citizen's account), then the receipt
 * with the code and the tracking secret, shown once.
 */
export function SubmitFeedbackPage() {
  usePageTitle(PAGE_TITLE);
  const { state, refresh } = useAuth();
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  const [round, setRound] = useState(0);

  if (receipt) {
    return (
      <FeedbackReceiptPanel receipt={receipt} title="Đã gửi phản ánh, kiến nghị">
        <Text>
          Phản ánh của bạn đã được tiếp nhận. Cơ quan có thẩm quyền xử lý trong thời hạn 15 ngày làm việc; câu trả lời được công khai tại trang Phản ánh, kiến
          nghị.
        </Text>
        <Group gap="md">
          <Button component={Link} to={trackPageFor(receipt.code)}>
            Tra cứu phản ánh
          </Button>
          <Button
            variant="outline"
            onClick={() => {
              setReceipt(null);
              setRound((n) => n + 1);
            }}
          >
            Gửi phản ánh khác
          </Button>
          <Anchor component={Link} to={FEEDBACK_PAGE}>
            Các phản ánh đã được trả lời
          </Anchor>
        </Group>
      </FeedbackReceiptPanel>
    );
  }

  const heading = (
    <Stack gap="xs">
      <Title order={1}>{PAGE_TITLE}</Title>
      <Text>
        Phản ánh về quy định hành chính, thủ tục hành chính hoặc hành vi của cán bộ, công chức khi giải quyết thủ tục hành chính. Khiếu nại, tố cáo được giải
        quyết theo quy định riêng, không gửi qua mẫu này.
      </Text>
    </Stack>
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void refresh()} />;
  const user = state.status === 'authenticated' ? state.user : null;
  if (user && isOfficialRole(user.role)) {
    return (
      <Stack gap="lg">
        {heading}
        <Alert color="govBlue" variant="light" title="Bạn đang đăng nhập bằng tài khoản cán bộ">
          Cán bộ nhập phản ánh nhận qua đường dây nóng, thư, thư điện tử hoặc được chuyển đến tại trang{' '}
          <Anchor component={Link} to={ENTRY_PAGE}>
            Nhập phản ánh
          </Anchor>
          . Mẫu này dành cho người dân, doanh nghiệp.
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {heading}
      <FeedbackForm key={round} citizenName={user?.displayName ?? null} onSent={setReceipt} />
    </Stack>
  );
}
