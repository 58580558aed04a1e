import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ComingSoon } from '../../../shared/components/ComingSoon.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { ProcedureSearchForm } from './ProcedureSearchForm.js';

/** Placeholder until the procedure catalogue exists: the search box, then the query echoed back. */
export function ProcedureSearchPage() {
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  usePageTitle(query ? `Tìm thủ tục: ${query}` : 'Tìm thủ tục hành chính');

  return (
    <Stack gap="lg">
      <Title order={1}>Tìm thủ tục hành chính</Title>
      <Paper withBorder p="lg">
        <ProcedureSearchForm key={query} initialQuery={query} />
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="ket-qua-tim-kiem">
        <Title order={2} id="ket-qua-tim-kiem">
          Kết quả tìm kiếm
        </Title>
        <Text data-testid="search-query">
          {query ? (
            <>
              Từ khóa: <strong className="break-anywhere">{query}</strong>
            </>
          ) : (
            'Bạn chưa nhập từ khóa. Hãy nhập tên thủ tục vào ô tìm kiếm ở trên.'
          )}
        </Text>
        <ComingSoon>Danh mục thủ tục hành chính của tỉnh đang được cập nhật lên cổng. Vui lòng quay lại sau.</ComingSoon>
      </Stack>
      <Anchor component={Link} to="/" style={{ alignSelf: 'flex-start' }}>
        Về trang chủ
      </Anchor>
    </Stack>
  );
}
