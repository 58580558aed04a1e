import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toApiError } from '../../../shared/api.js';
import { useAuth } from '../hooks/useAuth.js';

interface LogoutButtonProps extends Pick<ButtonProps, 'variant' | 'color' | 'size'> {
  /** Where to go once the session has ended. */
  redirectTo: string;
}

export function LogoutButton({ redirectTo, variant = 'white', color, size = 'sm' }: LogoutButtonProps) {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleClick() {
    setPending(true);
    setError(null);
    try {
      await signOut();
      await navigate(redirectTo, { replace: true });
    } catch (cause) {
      setError(toApiError(cause).message);
      setPending(false);
    }
  }

  return (
    <Group gap="xs" wrap="nowrap">
      {error ? (
        <Text role="alert" size="xs" c="inherit" maw={220}>
          {error}
        </Text>
      ) : null}
      <Button variant={variant} color={color} size={size} loading={pending} onClick={() => void handleClick()}>
        Đăng xuất
      </Button>
    </Group>
  );
}
