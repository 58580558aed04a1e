import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ComingSoon } from '../../../shared/components/ComingSoon.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { ProcedureSearchForm } from './ProcedureSearchForm.js';

/** Placeholder until the procedure catalogue exists: echoes the query. */
export function ProcedureSearchPage() {
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  usePageTitle('Tìm thủ tục hành chính');

  return (
    <Stack gap="lg">
      <Title order={1}>Tìm thủ tục hành chính</Title>
      <Text data-testid="search-query">
        {query ? (
          <>
            Từ khóa tìm kiếm: <strong>{query}</strong>
          </>
        ) : (
          'Bạn chưa nhập từ khóa tìm kiếm.'
        )}
      </Text>
      <ComingSoon>Danh mục thủ tục hành chính của tỉnh đang được cập nhật lên cổng. Vui lòng quay lại sau.</ComingSoon>
      <Paper withBorder p="lg">
        <ProcedureSearchForm key={query} initialQuery={query} />
      </Paper>
      <Anchor component={Link} to="/">
        Về trang chủ
      </Anchor>
    </Stack>
  );
}
