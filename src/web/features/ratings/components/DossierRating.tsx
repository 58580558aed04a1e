import '../ratings.css';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import type { DossierRating as Rating } from '../api/ratings-api.js';
import { useDossierRating } from '../hooks/useRating.js';
import { RatingForm } from './RatingForm.js';
import { RatingSummary } from './RatingSummary.js';

const HEADING_ID = 'danh-gia-hai-long';

/**
 * "Đánh giá mức độ hài lòng" on the citizen's dossier page, once the result has been returned: the form
 * when the server says they may rate, then a thank-you; the submitted rating, read-only, afterwards.
 */
export function DossierRating({ dossier }: { dossier: { id: string; status: string } }) {
  const returned = dossier.status === 'returned';
  const { data, error, reload } = useDossierRating(returned ? dossier.id : null);
  const [saved, setSaved] = useState<Rating | null>(null);
  const thanksRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) thanksRef.current?.focus();
  }, [saved]);

  if (!returned) return null;
  if (error) return <ErrorState error={error} title="Không tải được phần đánh giá mức độ hài lòng" onRetry={reload} />;
  const rating = saved?.dossierId === dossier.id ? saved : (data?.rating ?? null);
  if (!rating && !data?.canRate) return null;

  return (
    <section aria-labelledby={HEADING_ID}>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} id={HEADING_ID}>
            Đánh giá mức độ hài lòng
          </Title>
          {saved ? (
            <Alert
              ref={thanksRef}
              tabIndex={-1}
              className="rt-focus-target"
              color="govBlue"
              variant="light"
              role="status"
              title="Cảm ơn bạn đã đánh giá"
              data-testid="rating-thanks"
            >
              Ý kiến của bạn đã được gửi tới cơ quan giải quyết hồ sơ để cải thiện chất lượng phục vụ.
            </Alert>
          ) : null}
          {rating ? (
            <>
              {!saved ? <Text>Bạn đã đánh giá hồ sơ này. Mỗi hồ sơ chỉ được đánh giá một lần.</Text> : null}
              <RatingSummary rating={rating} />
            </>
          ) : (
            <>
              <Text>Hồ sơ đã được trả kết quả. Mời bạn cho biết mức độ hài lòng với việc giải quyết hồ sơ này; mỗi hồ sơ được đánh giá một lần.</Text>
              <RatingForm dossierId={dossier.id} onRated={setSaved} onStale={reload} />
            </>
          )}
        </Stack>
      </Paper>
    </section>
  );
}
