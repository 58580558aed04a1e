import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { VNEID_LOGIN_URL } from '../../../shared/site.js';

export function SignInPrompt() {
  return (
    <Stack gap="lg">
      <Title order={1}>Tài khoản của tôi</Title>
      <Paper withBorder p="lg">
        <Stack gap="md" align="flex-start">
          <Text>Bạn chưa đăng nhập. Vui lòng đăng nhập bằng tài khoản định danh điện tử VNeID để tiếp tục.</Text>
          <Button component="a" href={VNEID_LOGIN_URL}>
            Đăng nhập bằng VNeID
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
