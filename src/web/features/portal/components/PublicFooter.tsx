import { Container, Text } from '@mantine/core';

export function PublicFooter() {
  return (
    <footer className="site-footer">
      <Container size="md" py="lg" px="md">
        <Text size="sm" fw={600}>
          Ủy ban nhân dân tỉnh Lạng Sơn
        </Text>
        <Text size="sm">Hệ thống thông tin giải quyết thủ tục hành chính (phần mềm nguồn mở motcua)</Text>
      </Container>
    </footer>
  );
}
