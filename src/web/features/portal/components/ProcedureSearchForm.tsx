import { Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { createSearchParams, useNavigate } from 'react-router';

export function ProcedureSearchForm({ initialQuery = '' }: { initialQuery?: string }) {
  const navigate = useNavigate();
  const [query, setQuery] = useState(initialQuery);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = query.trim();
    void navigate({ pathname: '/thu-tuc', search: q ? `?${createSearchParams({ q }).toString()}` : '' });
  }

  return (
    <form action="/thu-tuc" method="get" role="search" aria-label="Tìm thủ tục hành chính" onSubmit={handleSubmit}>
      <Stack gap="sm" align="flex-start">
        <TextInput
          id="tim-thu-tuc"
          name="q"
          type="search"
          label="Tìm thủ tục hành chính"
          description="Ví dụ: đăng ký khai sinh, cấp giấy phép xây dựng"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w="100%"
          size="md"
        />
        <Button type="submit" size="md">
          Tìm kiếm
        </Button>
      </Stack>
    </form>
  );
}
