import { Text, TextInput } from '@mantine/core';
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import type { ProcedureSummary } from '../../catalogue/api/catalogue-api.js';
import { useProcedureSearch } from '../hooks/useProcedureLookup.js';

interface ProcedurePickerProps {
  id: string;
  selected: ProcedureSummary | null;
  onSelect: (procedure: ProcedureSummary | null) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

function optionLabel(p: ProcedureSummary): string {
  return `${p.code} – ${p.name}`;
}

/** Offered at the counter or by post. */
function receivable(p: ProcedureSummary): boolean {
  return p.timeLimits.some((t) => t.channel === 'counter' || t.channel === 'postal');
}

/**
 * The procedure search as an ARIA combobox: type a name or code, Arrow keys move through the matches,
 * Enter picks the highlighted one (or the first), Escape closes the list. Ctrl+Enter is left to the form.
 */
export function ProcedurePicker({ id, selected, onSelect, error, inputRef }: ProcedurePickerProps) {
  const [text, setText] = useState(selected ? optionLabel(selected) : '');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const search = useProcedureSearch(selected ? '' : text);
  const current = search.settledQuery === text.trim() && search.data ? search.data.items.filter(receivable) : null;
  const expanded = open && current !== null && current.length > 0;

  function choose(p: ProcedureSummary) {
    setText(optionLabel(p));
    setOpen(false);
    setActive(-1);
    onSelect(p);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const count = current?.length ?? 0;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((i) => (i + 1) % count);
        break;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((i) => (i <= 0 ? count - 1 : i - 1));
        break;
      case 'Enter': {
        event.preventDefault();
        const pick = current?.[active >= 0 ? active : 0];
        if (pick && !selected) choose(pick);
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
      default:
    }
  }

  const status = selected
    ? ''
    : search.loading
      ? 'Đang tìm…'
      : current === null
        ? ''
        : current.length === 0
          ? 'Không tìm thấy thủ tục nhận hồ sơ trực tiếp hoặc qua bưu chính.'
          : `${current.length} thủ tục phù hợp. Dùng phím mũi tên để chọn, Enter để xác nhận.`;

  return (
    <div className="dos-combobox">
      <TextInput
        id={id}
        ref={inputRef}
        label="Thủ tục hành chính"
        description="Gõ tên hoặc mã thủ tục (có dấu hoặc không dấu), chọn bằng phím mũi tên và Enter."
        withAsterisk
        value={text}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        error={error}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
          setActive(-1);
          if (selected) onSelect(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <Text size="xs" c="dimmed" role="status" mt={4} data-testid="procedure-search-status">
        {status}
      </Text>
      <ul id={listId} role="listbox" aria-label="Thủ tục phù hợp" className="dos-listbox" hidden={!expanded}>
        {(expanded ? current : []).map((p, i) => (
          <li
            key={p.code}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="dos-option"
            onMouseDown={(event) => {
              // Keep focus in the input; pick on press so that blur does not close the list first.
              event.preventDefault();
              choose(p);
            }}
          >
            <span className="mono">{p.code}</span> – {p.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
