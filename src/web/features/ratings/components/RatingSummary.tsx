import '../ratings.css';
import { Text } from '@mantine/core';
import { formatInstant } from '../../portal-dossiers/dossier-format.js';
import type { DossierRating } from '../api/ratings-api.js';
import { RATING_QUESTIONS, scoreText } from '../rating-form.js';

/** A submitted rating, read-only: each element with its score in words, the comment, when and how. */
export function RatingSummary({ rating }: { rating: DossierRating }) {
  return (
    <div data-testid="rating-summary">
      <dl className="rt-summary">
        {RATING_QUESTIONS.map((q) => (
          <div key={q.key}>
            <dt>{q.element}</dt>
            <dd>{scoreText(rating.scores[q.key])}</dd>
          </div>
        ))}
        <div>
          <dt>Ý kiến khác</dt>
          <dd>{rating.comment ?? 'Không có'}</dd>
        </div>
      </dl>
      <Text size="sm" c="dimmed" mt="sm">
        Đánh giá lúc {formatInstant(rating.ratedAt)}
        {rating.via === 'kiosk' ? ', tại bộ phận một cửa' : ', trên tài khoản của người nộp'}.
      </Text>
    </div>
  );
}
