import '../feedback.css';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSimilarAnswers } from '../hooks/useFeedback.js';
import { formatDay, publicAnswerPage } from '../feedback-view.js';

/**
 * "Câu trả lời tương tự": published answers that resemble the title being typed, shown before sending so that the
 * citizen may read one instead of asking again. Quiet while the title is short or nothing resembles it.
 */
export function SimilarAnswers({ title }: { title: string }) {
  const { query, result } = useSimilarAnswers(title);
  const items = query ? (result.data?.items ?? []) : [];
  return (
    // The live region is always there, so that what appears in it is announced.
    <div aria-live="polite" data-testid="similar-answers">
      {items.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-labelledby="cau-tra-loi-tuong-tu" bg="govBlue.0">
          <Stack gap="xs">
            <Title order={2} size="h4" id="cau-tra-loi-tuong-tu">
              Câu trả lời tương tự
            </Title>
            <Text size="sm">Những câu hỏi dưới đây đã được cơ quan nhà nước trả lời. Bạn có thể xem trước khi gửi phản ánh mới.</Text>
            <ul className="fb-list">
              {items.map((item) => (
                <li key={item.code}>
                  <Anchor component={Link} to={publicAnswerPage(item.code)} fw={600} className="break-anywhere">
                    {item.title}
                  </Anchor>
                  <Text size="sm">
                    {item.unitName} · trả lời ngày {formatDay(item.publishedAt)}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        </Paper>
      ) : null}
    </div>
  );
}
