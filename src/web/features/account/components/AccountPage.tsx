import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { isOfficialRole, ROLE_LABELS } from '../../../../domain/access/roles.js';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { LogoutButton } from '../../auth/components/LogoutButton.js';
import { useAuth } from '../../auth/hooks/useAuth.js';
import { SignInPrompt } from './SignInPrompt.js';

const SHORTCUTS = [
  {
    to: '/tai-khoan/ho-so',
    label: 'Hồ sơ của tôi',
    description: 'Xem tình trạng, ngày hẹn trả và các bước xử lý của những hồ sơ bạn đã nộp trực tuyến.',
  },
  {
    to: '/tai-khoan/phan-anh',
    label: 'Phản ánh, kiến nghị của tôi',
    description: 'Theo dõi tình trạng, thời hạn xử lý và câu trả lời của những phản ánh, kiến nghị bạn đã gửi bằng tài khoản.',
  },
  {
    to: '/tai-khoan/kho-du-lieu',
    label: 'Kho dữ liệu của tôi',
    description: 'Giấy tờ, kết quả điện tử đã có của bạn, dùng lại khi nộp hồ sơ mà không phải nộp lại.',
  },
  {
    to: '/thu-tuc',
    label: 'Tìm thủ tục hành chính',
    description: 'Tìm hiểu trình tự thực hiện và hồ sơ cần chuẩn bị cho từng thủ tục.',
  },
  {
    to: '/tra-cuu-ho-so',
    label: 'Tra cứu hồ sơ',
    description: 'Theo dõi tình trạng giải quyết hồ sơ bằng mã ghi trên Giấy tiếp nhận hồ sơ.',
  },
  {
    to: '/phan-anh-kien-nghi',
    label: 'Phản ánh, kiến nghị',
    description: 'Gửi phản ánh về quy định, thủ tục hành chính; xem câu trả lời đã công khai và theo dõi phản ánh của bạn.',
  },
] as const;

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
      <Paper withBorder p="lg" component="section" aria-labelledby="thong-tin-tai-khoan">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h4" id="thong-tin-tai-khoan">
            Thông tin tài khoản
          </Title>
          <Text>
            Vai trò: <strong>{ROLE_LABELS[user.role]}</strong>
          </Text>
          {user.unitName ? (
            <Text>
              Đơn vị: <strong>{user.unitName}</strong>
            </Text>
          ) : null}
          <Group gap="sm" mt="xs">
            {isOfficialRole(user.role) ? (
              <Button component={Link} to="/can-bo" variant="light">
                Vào trang cán bộ
              </Button>
            ) : null}
            <LogoutButton redirectTo="/" variant="outline" color="govBlue" />
          </Group>
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="dich-vu">
        <Title order={2} size="h3" id="dich-vu">
          Dịch vụ thường dùng
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {SHORTCUTS.map((item) => (
            <Paper key={item.to} withBorder p="md">
              <Anchor component={Link} to={item.to} fw={700}>
                {item.label}
              </Anchor>
              <Text size="sm" mt={4}>
                {item.description}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
