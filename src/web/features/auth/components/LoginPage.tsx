import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { isOfficialRole } from '../../../../domain/access/roles.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { VNEID_LOGIN_URL } from '../../../shared/site.js';
import { useAuth } from '../hooks/useAuth.js';
import { LoginForm } from './LoginForm.js';

export function LoginPage() {
  usePageTitle('Cán bộ đăng nhập');
  const { state } = useAuth();
  const signedInOfficial = state.status === 'authenticated' && isOfficialRole(state.user.role) ? state.user : null;

  return (
    <Stack gap="lg" maw={440} mx="auto">
      <Stack gap={4}>
        <Title order={1}>Cán bộ đăng nhập</Title>
        <Text>Dành cho cán bộ, công chức tiếp nhận và giải quyết thủ tục hành chính.</Text>
      </Stack>
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
        Người dân, doanh nghiệp vui lòng{' '}
        <Anchor href={VNEID_LOGIN_URL}>đăng nhập bằng tài khoản định danh điện tử VNeID</Anchor>.
      </Text>
    </Stack>
  );
}
