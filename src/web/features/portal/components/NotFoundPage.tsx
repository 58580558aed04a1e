import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';

export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  usePageTitle('Không tìm thấy trang');
  const portal = homePath === '/';
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>Không tìm thấy trang</Title>
      <Text>Đường dẫn bạn truy cập không tồn tại hoặc đã được chuyển đi. Vui lòng kiểm tra lại địa chỉ.</Text>
      <Group gap="lg" component="nav" aria-label="Gợi ý">
        <Anchor component={Link} to={homePath}>
          {portal ? 'Về trang chủ' : 'Về trang tổng quan'}
        </Anchor>
        {portal ? (
          <>
            <Anchor component={Link} to="/thu-tuc">
              Tìm thủ tục hành chính
            </Anchor>
            <Anchor component={Link} to="/tra-cuu-ho-so">
              Tra cứu hồ sơ
            </Anchor>
          </>
        ) : null}
      </Group>
    </Stack>
  );
}
