import { Anchor, Container, Group, Text } from '@mantine/core';
import { Link } from 'react-router';

export function PublicFooter() {
  return (
    <footer className="site-footer">
      <Container size="md" py="lg" px="md">
        <Text size="sm" fw={600}>
          Ủy ban nhân dân tỉnh Lạng Sơn
        </Text>
        <Text size="sm">Hệ thống thông tin giải quyết thủ tục hành chính (phần mềm nguồn mở motcua)</Text>
        <Group component="nav" aria-label="Tiện ích" gap="md" mt="xs">
          <Anchor component={Link} to="/tinh-ngay-hen" size="sm" c="gray.9">
            Tính ngày hẹn trả
          </Anchor>
          <Anchor component={Link} to="/phan-anh-kien-nghi" size="sm" c="gray.9">
            Phản ánh, kiến nghị
          </Anchor>
        </Group>
      </Container>
    </footer>
  );
}
