import '../feedback.css';
import '../../portal-dossiers/portal-dossiers.css';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { MyFeedbackItem } from '../api/feedback-api.js';
import { formatDay, SUBMIT_PAGE, TRACK_PAGE } from '../feedback-view.js';
import { MY_FEEDBACK_PAGE, MY_FEEDBACK_TITLE, myFeedbackCount, myFeedbackPage, myFeedbackProgress } from '../my-feedback-view.js';
import { useMyFeedback } from '../hooks/useMyFeedback.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { useNow } from '../../dossiers/hooks/useDossiers.js';
import { CitizenSignIn } from '../../portal-dossiers/components/CitizenSignIn.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { FeedbackStatusBadge } from './FeedbackBadges.js';
import { Facts } from './PublicAnswerPage.js';

/** /tai-khoan/phan-anh — the feedback the signed-in citizen sent from their account, newest first, each opening its tracking page. */
export function MyFeedbackPage() {
  usePageTitle(MY_FEEDBACK_TITLE);
  const { state, refresh } = useAuth();
  const { data, error, loading, reload } = useMyFeedback(state.status === 'authenticated');
  const now = useNow();

  if (state.status === 'anonymous') {
    return (
      <CitizenSignIn
        title={MY_FEEDBACK_TITLE}
        message="Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để xem các phản ánh, kiến nghị bạn đã gửi."
        returnTo={MY_FEEDBACK_PAGE}
      />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/tai-khoan" style={{ alignSelf: 'flex-start' }}>
        ‹ Tài khoản của tôi
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1}>{MY_FEEDBACK_TITLE}</Title>
        <Button component={Link} to={SUBMIT_PAGE} variant="light">
          Gửi phản ánh, kiến nghị
        </Button>
      </Group>
      {state.status === 'loading' || loading ? <LoadingState label="Đang tải danh sách phản ánh…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void refresh()} /> : null}
      {error ? <ErrorState error={error} title="Không tải được danh sách phản ánh" onRetry={reload} /> : null}
      {data && data.items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>Bạn chưa gửi phản ánh, kiến nghị nào khi đăng nhập bằng tài khoản này.</Text>
        </Paper>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <Text data-testid="my-feedback-count">{myFeedbackCount(data.items.length)}</Text>
          <ul className="fb-list" aria-label="Danh sách phản ánh, kiến nghị" data-testid="my-feedback">
            {data.items.map((item) => (
              <li key={item.id}>
                <FeedbackCard item={item} now={now} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Text size="sm">
        Phản ánh gửi khi chưa đăng nhập không có trong danh sách này: theo dõi bằng mã phản ánh và mã tra cứu tại trang{' '}
        <Anchor component={Link} to={TRACK_PAGE}>
          Tra cứu phản ánh, kiến nghị
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

function FeedbackCard({ item, now }: { item: MyFeedbackItem; now: Date }) {
  const progress = myFeedbackProgress(item, now);
  return (
    <Paper withBorder p="md">
      <Stack gap={6}>
        <Title order={2} size="h4" className="break-anywhere">
          <Anchor component={Link} to={myFeedbackPage(item.code)}>
            {item.title}
          </Anchor>
        </Title>
        <Group gap="sm">
          <FeedbackStatusBadge status={item.status} label={item.statusLabel} />
        </Group>
        <Facts
          rows={[
            ['Mã phản ánh', <span className="mono">{item.code}</span>],
            ['Ngày gửi', <time dateTime={item.receivedAt}>{formatDay(item.receivedAt)}</time>],
            ['Đơn vị xử lý', item.unitName],
            ...(progress ? [['Tiến độ', <Text c={progress.overdue ? 'govRed.9' : undefined}>{progress.text}</Text>] as const] : []),
          ]}
        />
      </Stack>
    </Paper>
  );
}
