import { Alert, Button, Stack, Text } from '@mantine/core';
import { useLogout } from '../../auth/hooks/useLogout.js';
import { useSessionExpiry } from '../hooks/useSessionExpiry.js';

/** A polite, non-blocking notice at the top of the back office when the session is about to end. */
export function SessionExpiryAlert() {
  const warning = useSessionExpiry();
  const { logout, pending, error } = useLogout('/dang-nhap');
  if (warning === null) return null;

  return (
    <Alert color="govRed" variant="light" title="Phiên làm việc sắp hết hạn" role="status" mb="md" data-testid="session-expiry">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{warning.message}</Text>
        {error ? (
          <Text size="sm" role="alert">
            {error}
          </Text>
        ) : null}
        <Button size="xs" color="govRed" loading={pending} onClick={() => void logout()}>
          Đăng nhập lại
        </Button>
      </Stack>
    </Alert>
  );
}
