import '../feedback.css';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { CitizenSignIn } from '../../portal-dossiers/components/CitizenSignIn.js';
import { MY_FEEDBACK_PAGE, MY_FEEDBACK_TITLE, myFeedbackPage } from '../my-feedback-view.js';
import { useMyFeedbackItem } from '../hooks/useMyFeedback.js';
import { TrackedItem } from './TrackFeedbackPage.js';

const PAGE_TITLE = 'Theo dõi phản ánh, kiến nghị';

/**
 * /tai-khoan/phan-anh/:code — one of the citizen's own items as on the tracking page (status, answer, files, the
 * supplement asked for, a re-raise, the vote), without the tracking secret: the account that sent it proves it.
 */
export function MyFeedbackItemPage() {
  const { code = '' } = useParams();
  const { state, refresh } = useAuth();
  const query = useMyFeedbackItem(code, state.status === 'authenticated');
  const [notice, setNotice] = useState<string | null>(null);
  // While reloading after the reporter's action, the item (and the focus in it) stays until the new answer.
  const [shown, setShown] = useState(query.data);
  if (query.data && query.data !== shown) setShown(query.data);
  const view = query.data ?? (query.loading && shown?.code === code ? shown : undefined);
  const notFound = query.error?.status === 404;
  usePageTitle(notFound ? 'Không tìm thấy phản ánh' : `Phản ánh ${code}`);

  if (state.status === 'anonymous') {
    return (
      <CitizenSignIn
        title={PAGE_TITLE}
        message="Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để theo dõi phản ánh, kiến nghị bạn đã gửi."
        returnTo={myFeedbackPage(code)}
      />
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={MY_FEEDBACK_PAGE} style={{ alignSelf: 'flex-start' }}>
        ‹ {MY_FEEDBACK_TITLE}
      </Anchor>
      <Title order={1}>{notFound ? 'Không tìm thấy phản ánh' : PAGE_TITLE}</Title>
      {notFound ? <Text>Không có phản ánh này trong danh sách phản ánh, kiến nghị bạn đã gửi bằng tài khoản này.</Text> : null}
      {!view && (state.status === 'loading' || query.loading) ? <LoadingState label="Đang tải phản ánh…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void refresh()} /> : null}
      {query.error && !notFound ? <ErrorState error={query.error} title="Không tải được phản ánh" onRetry={query.reload} /> : null}
      {view ? (
        <TrackedItem
          tracked={{ code: view.code, secret: null, view }}
          notice={notice}
          onChanged={async (text) => {
            setNotice(text);
            query.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
