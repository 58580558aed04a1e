import { List, Stack, Text, Title } from '@mantine/core';
import type { ExplanationItem } from '../api/dossiers-api.js';

const HEADING_ID = 'vi-sao-ngay-nay';

/** "Vì sao là ngày này?": how the due date was counted when the dossier was accepted. */
export function DueExplanation({ explanation, rescheduled }: { explanation: readonly ExplanationItem[]; rescheduled: boolean }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={HEADING_ID}>
      <Title order={2} size="h4" id={HEADING_ID}>
        Vì sao là ngày này?
      </Title>
      {explanation.length === 0 ? (
        <Text size="sm">Hạn giải quyết được tính khi hồ sơ được tiếp nhận.</Text>
      ) : (
        <List type="ordered" spacing={4} size="sm" data-testid="due-explanation">
          {explanation.map((step, i) => (
            <List.Item key={`${i}-${step.kind}`}>{step.text}</List.Item>
          ))}
        </List>
      )}
      {rescheduled ? (
        <Text size="sm">Ngày hẹn trả đã được dời theo văn bản xin lỗi; hạn giải quyết ở trên vẫn là mốc đánh giá hồ sơ đúng hạn hay trễ hạn.</Text>
      ) : null}
    </Stack>
  );
}
