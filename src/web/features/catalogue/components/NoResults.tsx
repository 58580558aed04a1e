import { Anchor, Button, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EMPTY_SEARCH, toSearchString } from '../search-state.js';

/** Procedures every province publishes, offered when a search finds nothing. */
export const SUGGESTED_SEARCHES = [
  'đăng ký khai sinh',
  'đăng ký kết hôn',
  'chứng thực bản sao',
  'lý lịch tư pháp',
  'giấy phép xây dựng',
  'hộ kinh doanh',
] as const;

interface NoResultsProps {
  query: string;
  filtered: boolean;
  onClearFilters: () => void;
}

export function NoResults({ query, filtered, onClearFilters }: NoResultsProps) {
  return (
    <Stack gap="sm" data-testid="no-results">
      <Title order={3} size="h4">
        Gợi ý để tìm được thủ tục
      </Title>
      <Text>
        {query ? (
          <>
            Không có thủ tục nào khớp với từ khóa <strong className="break-anywhere">“{query}”</strong>
            {filtered ? ' trong các bộ lọc đã chọn' : ''}.
          </>
        ) : (
          'Không có thủ tục nào trong các bộ lọc đã chọn.'
        )}{' '}
        Bạn có thể thử:
      </Text>
      <List spacing="xs">
        {query ? <List.Item>Kiểm tra lại chính tả, hoặc gõ ít từ hơn, ví dụ “khai sinh” thay cho “đăng ký khai sinh cho con”.</List.Item> : null}
        {filtered ? (
          <List.Item>
            <Button variant="subtle" size="compact-md" px={0} onClick={onClearFilters}>
              Bỏ tất cả bộ lọc
            </Button>{' '}
            để tìm trong toàn bộ danh mục.
          </List.Item>
        ) : null}
        <List.Item>
          Tìm một thủ tục thường gặp:{' '}
          {SUGGESTED_SEARCHES.map((q, index) => (
            <span key={q}>
              {index > 0 ? ', ' : ''}
              <Anchor component={Link} to={`/thu-tuc${toSearchString({ ...EMPTY_SEARCH, q })}`}>
                {q}
              </Anchor>
            </span>
          ))}
          .
        </List.Item>
        <List.Item>
          <Anchor component={Link} to="/thu-tuc">
            Xem toàn bộ danh mục thủ tục hành chính
          </Anchor>
          .
        </List.Item>
      </List>
    </Stack>
  );
}
