import { Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { createSearchParams, useNavigate } from 'react-router';

export function DossierLookupForm({ initialCode = '' }: { initialCode?: string }) {
  const navigate = useNavigate();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ma = code.trim();
    if (!ma) {
      setError('Vui lòng nhập mã hồ sơ.');
      return;
    }
    setError(null);
    void navigate({ pathname: '/tra-cuu-ho-so', search: `?${createSearchParams({ ma }).toString()}` });
  }

  return (
    <form action="/tra-cuu-ho-so" method="get" role="search" aria-label="Tra cứu hồ sơ" onSubmit={handleSubmit} noValidate>
      <Stack gap="sm" align="flex-start">
        <TextInput
          id="ma-ho-so"
          name="ma"
          label="Tra cứu hồ sơ"
          description="Nhập mã hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
          value={code}
          error={error}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setCode(event.currentTarget.value)}
          w="100%"
          size="md"
        />
        <Button type="submit" size="md">
          Tra cứu
        </Button>
      </Stack>
    </form>
  );
}
