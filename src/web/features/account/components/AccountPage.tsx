import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { isOfficialRole, ROLE_LABELS } from '../../../../domain/access/roles.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { LogoutButton } from '../../auth/components/LogoutButton.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { SignInPrompt } from './SignInPrompt.js';

/** The citizen's (or organisation representative's) own space. */
export function AccountPage() {
  usePageTitle('Tài khoản của tôi');
  const { state, refresh } = useAuth();

  if (state.status === 'loading') {
    return (
      <Stack gap="lg">
        <Title order={1}>Tài khoản của tôi</Title>
        <LoadingState />
      </Stack>
    );
  }
  if (state.status === 'error') {
    return (
      <Stack gap="lg">
        <Title order={1}>Tài khoản của tôi</Title>
        <ErrorState error={state.error} onRetry={() => void refresh()} />
      </Stack>
    );
  }
  if (state.status === 'anonymous') return <SignInPrompt />;

  const { user } = state;
  return (
    <Stack gap="lg">
      <Title order={1}>
        Xin chào, <span data-testid="current-user">{user.displayName}</span>
      </Title>
      <Paper withBorder p="lg">
        <Stack gap="sm" align="flex-start">
          <Text>
            Vai trò: <strong>{ROLE_LABELS[user.role]}</strong>
          </Text>
          {user.unitName ? <Text>Đơn vị: {user.unitName}</Text> : null}
          <Text>Bạn có thể tra cứu thủ tục và theo dõi hồ sơ đã nộp tại cổng.</Text>
          {isOfficialRole(user.role) ? (
            <Button component={Link} to="/can-bo" variant="light">
              Vào trang cán bộ
            </Button>
          ) : null}
          <LogoutButton redirectTo="/" variant="outline" color="govBlue" />
        </Stack>
      </Paper>
    </Stack>
  );
}
