import { Container, Text } from '@mantine/core';

export function PublicFooter() {
  return (
    <footer>
      <Container size="md" py="lg" px="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="sm" c="gray.7">
          Ủy ban nhân dân tỉnh Lạng Sơn · Hệ thống thông tin giải quyết thủ tục hành chính (phần mềm nguồn mở motcua)
        </Text>
      </Container>
    </footer>
  );
}
