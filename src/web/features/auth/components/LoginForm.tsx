import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { toApiError } from '../../../shared/api.js';
import { loginWithPassword } from '../api/auth-api.js';
import { useAuth } from '../hooks/useAuth.js';
import { fieldErrorsFrom, type FieldErrors } from '../login-errors.js';

/** Password login for officials; on success the back office opens. */
export function LoginForm() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!username.trim()) missing.username = 'Vui lòng nhập tên đăng nhập.';
    if (!password) missing.password = 'Vui lòng nhập mật khẩu.';
    setFieldErrors(missing);
    if (missing.username || missing.password) {
      setError(null);
      return;
    }
    setPending(true);
    setError(null);
    try {
      signIn(await loginWithPassword({ username: username.trim(), password }));
      await navigate('/can-bo', { replace: true });
    } catch (cause) {
      const apiError = toApiError(cause);
      setError(apiError.message);
      setFieldErrors(fieldErrorsFrom(apiError));
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label="Đăng nhập dành cho cán bộ">
      <Stack gap="md">
        {error ? (
          <Alert color="govRed" variant="light" title="Đăng nhập không thành công" role="alert">
            {error}
          </Alert>
        ) : null}
        <TextInput
          id="username"
          name="username"
          label="Tên đăng nhập"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          withAsterisk
          aria-required="true"
          value={username}
          error={fieldErrors.username}
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
        <PasswordInput
          id="password"
          name="password"
          label="Mật khẩu"
          autoComplete="current-password"
          withAsterisk
          aria-required="true"
          value={password}
          error={fieldErrors.password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          visibilityToggleButtonProps={{ 'aria-label': 'Hiện hoặc ẩn mật khẩu' }}
        />
        <Button type="submit" loading={pending} fullWidth>
          Đăng nhập
        </Button>
      </Stack>
    </form>
  );
}
