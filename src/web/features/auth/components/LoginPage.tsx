import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { isOfficialRole } from '../../../../domain/access/roles.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { VNEID_LOGIN_URL } from '../../../shared/site.js';
import { useAuth } from '../hooks/useAuth.js';
import { LoginForm } from './LoginForm.js';

export function LoginPage() {
  usePageTitle('Cán bộ đăng nhập');
  const { state } = useAuth();
  const signedInOfficial = state.status === 'authenticated' && isOfficialRole(state.user.role) ? state.user : null;
  // Set by the back office when the session ended by itself (/dang-nhap?het-han=1).
  const [searchParams] = useSearchParams();
  const sessionExpired = searchParams.has('het-han') && state.status !== 'authenticated';

  return (
    <Stack gap="lg" maw={440} mx="auto">
      <Stack gap={4}>
        <Title order={1}>Cán bộ đăng nhập</Title>
        <Text>Dành cho cán bộ, công chức tiếp nhận và giải quyết thủ tục hành chính.</Text>
      </Stack>
      {sessionExpired ? (
        <Alert color="govBlue" variant="light" role="status" data-testid="session-expired">
          Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.
        </Alert>
      ) : null}
      {signedInOfficial ? (
        <Text>
          Bạn đang đăng nhập với tên <strong>{signedInOfficial.displayName}</strong>.{' '}
          <Anchor component={Link} to="/can-bo">
            Vào trang cán bộ
          </Anchor>
        </Text>
      ) : null}
      <Paper withBorder p="lg">
        <LoginForm />
      </Paper>
      <Text size="sm">
        Người dân, doanh nghiệp vui lòng <Anchor href={VNEID_LOGIN_URL}>đăng nhập bằng tài khoản định danh điện tử VNeID</Anchor>.
      </Text>
    </Stack>
  );
}
