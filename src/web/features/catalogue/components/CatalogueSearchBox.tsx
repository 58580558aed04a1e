import { Button, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { MAX_QUERY_LENGTH } from '../search-state.js';

/** Typing pauses this long before the search runs. */
export const SEARCH_DEBOUNCE_MS = 400;

interface CatalogueSearchBoxProps {
  /** The query in the address bar. */
  query: string;
  /**
   * Runs the search. `typing` marks a search made while the citizen is still typing, which should not
   * pile up history entries.
   */
  onSearch: (query: string, how: { typing: boolean }) => void;
}

/** The search box: searches as you type (after a pause), at once on Enter or the button. */
export function CatalogueSearchBox({ query, onSearch }: CatalogueSearchBoxProps) {
  const [draft, setDraft] = useState(query);
  const [shownQuery, setShownQuery] = useState(query);
  const debouncedSearch = useDebouncedCallback((value: string) => onSearch(value, { typing: true }), SEARCH_DEBOUNCE_MS);

  // The address bar changed under us (Back, a suggestion link): show its query, unless it is what we typed.
  if (query !== shownQuery) {
    setShownQuery(query);
    if (draft.trim() !== query) setDraft(query);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    debouncedSearch.cancel();
    onSearch(draft, { typing: false });
  }

  return (
    <form role="search" aria-label="Tìm thủ tục hành chính" onSubmit={handleSubmit}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          id="tu-khoa-thu-tuc"
          type="search"
          label="Tên hoặc mã thủ tục"
          description="Gõ có dấu hoặc không dấu, ví dụ: cap giay phep xay dung"
          value={draft}
          maxLength={MAX_QUERY_LENGTH}
          enterKeyHint="search"
          autoComplete="off"
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDraft(value);
            debouncedSearch(value);
          }}
          size="md"
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit" size="md">
          Tìm kiếm
        </Button>
      </Group>
    </form>
  );
}
