import '../feedback.css';
import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../../shared/components/ErrorState.js';
import { LoadingState } from '../../../shared/components/LoadingState.js';
import { usePageTitle } from '../../../shared/hooks/usePageTitle.js';
import { UnitSelect } from '../../calendar/components/UnitSelect.js';
import { useProcedureFields } from '../../catalogue/hooks/useProcedureFields.js';
import { useUnits } from '../../units/hooks/useUnits.js';
import type { PublicFeedback } from '../api/feedback-api.js';
import {
  excerpt,
  FEEDBACK_PAGE,
  formatDay,
  listHeadline,
  listSearch,
  pageTotal,
  parseListState,
  publicAnswerPage,
  SUBMIT_PAGE,
  TRACK_PAGE,
  votesText,
  type PublicListState,
} from '../feedback-view.js';
import { usePublicFeedbackList } from '../hooks/useFeedback.js';

const PAGE_TITLE = 'Phản ánh, kiến nghị';
const collator = new Intl.Collator('vi');

/** The text box: searches when sent (Enter or the button). */
function SearchBox({ query, onSearch }: { query: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(query);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(text);
  }
  return (
    <form role="search" aria-label="Tìm phản ánh, kiến nghị" onSubmit={handleSubmit} action={FEEDBACK_PAGE} method="get">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          id="pakn-tim"
          name="q"
          label="Tìm theo nội dung"
          description="Ví dụ: khai sinh, đất đai, thời gian giải quyết"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={200}
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit">Tìm kiếm</Button>
      </Group>
    </form>
  );
}

function AnswerItem({ item }: { item: PublicFeedback }) {
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap={6}>
        <Title order={3} size="h4">
          <Anchor component={Link} to={publicAnswerPage(item.code)} className="break-anywhere">
            {item.title}
          </Anchor>
        </Title>
        <Text size="sm" className="break-anywhere">
          <strong>Hỏi:</strong> {excerpt(item.content)}
        </Text>
        <Text size="sm" className="break-anywhere">
          <strong>Trả lời:</strong> {excerpt(item.answer)}
        </Text>
        <Text size="sm" c="gray.7">
          {[item.unitName, item.fieldName, `Trả lời ngày ${formatDay(item.publishedAt)}`, votesText(item)].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Previous and next pages, as links (shareable), with where the list stands. */
function Pager({ state, total, more }: { state: PublicListState; total: number; more: boolean }) {
  const pages = pageTotal(total, more);
  if (pages <= 1) return null;
  const page = Math.min(state.page, pages);
  return (
    <nav aria-label="Phân trang" className="fb-pager">
      {page > 1 ? (
        <Anchor component={Link} to={{ search: listSearch({ ...state, page: page - 1 }) }} rel="prev">
          ‹ Trang trước
        </Anchor>
      ) : null}
      <Text size="sm">{more ? `Trang ${page}` : `Trang ${page}/${pages}`}</Text>
      {page < pages ? (
        <Anchor component={Link} to={{ search: listSearch({ ...state, page: page + 1 }) }} rel="next">
          Trang sau ›
        </Anchor>
      ) : null}
    </nav>
  );
}

/**
 * /phan-anh-kien-nghi: the answered feedback in public, searched by text, unit and field, page by page (the address
 * bar holds the search); where to send one, and to follow one's own.
 */
export function FeedbackListPage() {
  usePageTitle(PAGE_TITLE);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = parseListState(params);
  const list = usePublicFeedbackList(state);
  const { data: unitData } = useUnits();
  const { data: fieldData } = useProcedureFields();
  const fields = [...(fieldData?.fields ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  const go = (change: Partial<PublicListState>) => void navigate({ search: listSearch({ ...state, ...change, page: change.page ?? 1 }) });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{PAGE_TITLE}</Title>
        <Text>
          Người dân, doanh nghiệp phản ánh, kiến nghị về quy định hành chính, thủ tục hành chính và hành vi của cán bộ, công chức. Câu trả lời của cơ quan nhà
          nước được công khai dưới đây.
        </Text>
        <Group gap="sm" mt="xs">
          <Button component={Link} to={SUBMIT_PAGE}>
            Gửi phản ánh
          </Button>
          <Button component={Link} to={TRACK_PAGE} variant="outline">
            Tra cứu phản ánh của bạn
          </Button>
        </Group>
      </Stack>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <SearchBox key={state.q} query={state.q} onSearch={(q) => go({ q })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <UnitSelect
              id="pakn-loc-don-vi"
              label="Cơ quan trả lời"
              units={unitData?.units ?? []}
              value={state.unit}
              onChange={(unit) => go({ unit })}
              levels={['province', 'department', 'commune']}
              clearable
              placeholder="Tất cả cơ quan"
            />
            <NativeSelect
              id="pakn-loc-linh-vuc"
              label="Lĩnh vực"
              value={state.field ?? ''}
              onChange={(e) => go({ field: e.currentTarget.value || null })}
              data={[{ value: '', label: 'Tất cả lĩnh vực' }, ...fields.map((f) => ({ value: f.code, label: f.name }))]}
            />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="pakn-ket-qua">
        <Title order={2} id="pakn-ket-qua">
          Phản ánh, kiến nghị đã được trả lời
        </Title>
        {list.loading && !list.data ? <LoadingState label="Đang tải phản ánh, kiến nghị…" /> : null}
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <>
            <Text role="status" data-testid="feedback-total">
              {listHeadline(list.data.total, state.page, list.data.more)}
            </Text>
            <ul className="fb-list" aria-labelledby="pakn-ket-qua">
              {list.data.items.map((item) => (
                <li key={item.code}>
                  <AnswerItem item={item} />
                </li>
              ))}
            </ul>
            <Pager state={state} total={list.data.total} more={list.data.more} />
          </>
        ) : null}
      </Stack>
    </Stack>
  );
}
