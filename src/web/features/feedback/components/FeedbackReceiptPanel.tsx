import '../feedback.css';
import '../../portal-dossiers/portal-dossiers.css';
import { Alert, Button, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import type { FeedbackReceipt } from '../api/feedback-api.js';

/** One value to keep, large, with its copy button (the button says when it is copied). */
function KeptValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <Group gap="sm" wrap="wrap" align="center">
          <span className="fb-secret" data-testid={testId}>
            {value}
          </span>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'filled' : 'outline'} onClick={copy} aria-label={`Sao chép ${label.toLowerCase()}`}>
                <span aria-live="polite">{copied ? 'Đã sao chép' : 'Sao chép'}</span>
              </Button>
            )}
          </CopyButton>
        </Group>
      </dd>
    </div>
  );
}

interface FeedbackReceiptPanelProps {
  receipt: FeedbackReceipt;
  title: string;
  /** What happens next, and where to go. */
  children: ReactNode;
}

/**
 * After sending: the feedback's code and its tracking secret (mã tra cứu), shown this once, each with a copy button,
 * and the advice to keep them. Its heading takes focus, so that a screen reader starts here.
 */
export function FeedbackReceiptPanel({ receipt, title, children }: FeedbackReceiptPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="lg" data-testid="feedback-receipt">
      <Title order={1} ref={heading} tabIndex={-1} className="pd-focus-target">
        {title}
      </Title>
      <Alert color="govBlue" variant="light" title="Hãy lưu lại mã phản ánh và mã tra cứu">
        <Stack gap="md">
          <dl className="pd-facts">
            <KeptValue label="Mã phản ánh" value={receipt.code} testId="feedback-code" />
            <KeptValue label="Mã tra cứu" value={receipt.secret} testId="feedback-secret" />
          </dl>
          <Text size="sm" fw={700}>
            Mã tra cứu chỉ hiển thị một lần này. Hãy sao chép, ghi lại hoặc chụp màn hình và giữ kín.
          </Text>
          <Text size="sm">
            Với mã phản ánh và mã tra cứu, bạn theo dõi tình trạng xử lý, bổ sung thông tin khi được yêu cầu, đánh giá câu trả lời và phản ánh lại nếu chưa hài
            lòng. Cơ quan nhà nước không bao giờ hỏi mã tra cứu của bạn.
          </Text>
        </Stack>
      </Alert>
      {children}
    </Stack>
  );
}
