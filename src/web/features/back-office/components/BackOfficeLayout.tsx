import { Container, Stack, Title } from '@mantine/core';
import { Navigate } from 'react-router';
import { isOfficialRole } from '../../../../domain/access/roles.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { SkipLink } from '../../../shared/components/SkipLink.js';
import { MAIN_CONTENT_ID } from '../../../shared/site.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { BackOfficeShell } from './BackOfficeShell.js';

/**
 * Gate of /can-bo: visitors go to the login page (told so when their session expired), citizens to
 * their account, officials get the shell.
 */
export function BackOfficeLayout() {
  const { state, refresh } = useAuth();

  if (state.status === 'anonymous') {
    return <Navigate to={state.expired ? '/dang-nhap?het-han=1' : '/dang-nhap'} replace />;
  }
  if (state.status === 'authenticated' && !isOfficialRole(state.user.role)) {
    return <Navigate to="/tai-khoan" replace />;
  }
  if (state.status === 'authenticated') return <BackOfficeShell user={state.user} />;

  return (
    <>
      <SkipLink />
      <main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Container size="sm" py="xl">
          <Stack gap="md">
            <Title order={1}>Trang dành cho cán bộ</Title>
            {state.status === 'loading' ? (
              <LoadingState label="Đang kiểm tra phiên đăng nhập…" />
            ) : (
              <ErrorState error={state.error} title="Không kiểm tra được phiên đăng nhập" onRetry={() => void refresh()} />
            )}
          </Stack>
        </Container>
      </main>
    </>
  );
}
