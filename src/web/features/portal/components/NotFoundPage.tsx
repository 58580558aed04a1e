import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';

export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  usePageTitle('Không tìm thấy trang');
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>Không tìm thấy trang</Title>
      <Text>Đường dẫn bạn truy cập không tồn tại hoặc đã được chuyển đi. Vui lòng kiểm tra lại địa chỉ.</Text>
      <Anchor component={Link} to={homePath}>
        {homePath === '/' ? 'Về trang chủ' : 'Về trang tổng quan'}
      </Anchor>
    </Stack>
  );
}
