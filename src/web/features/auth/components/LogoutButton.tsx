import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { useLogout } from '../hooks/useLogout.js';

interface LogoutButtonProps extends Pick<ButtonProps, 'variant' | 'color' | 'size'> {
  /** Where to go once the session has ended. */
  redirectTo: string;
}

export function LogoutButton({ redirectTo, variant = 'white', color, size = 'sm' }: LogoutButtonProps) {
  const { logout, pending, error } = useLogout(redirectTo);

  return (
    <Group gap="xs" wrap="nowrap">
      {error ? (
        <Text role="alert" size="xs" c="inherit" maw={220}>
          {error}
        </Text>
      ) : null}
      <Button variant={variant} color={color} size={size} loading={pending} onClick={() => void logout()}>
        Đăng xuất
      </Button>
    </Group>
  );
}
