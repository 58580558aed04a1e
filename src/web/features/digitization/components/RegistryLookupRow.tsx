import '../digitization.css';
import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { BIRTH_DATE_KEY, eFormInputId, fieldMark, markText, type RegistryLookup } from '../counter-eform.js';
import { LOOKUP_OUTCOME_LABELS } from '../provide-once-view.js';
import type { CounterProvideOnce } from '../hooks/useCounterProvideOnce.js';

interface RegistryLookupRowProps {
  state: CounterProvideOnce;
  /** A procedure is chosen (the lookup is made for one). */
  enabled: boolean;
  onLookUp: () => void;
}

function outcomeColor(lookup: RegistryLookup): string {
  return lookup.outcome === 'found' ? 'green' : lookup.outcome === 'notFound' ? 'govBlue' : 'govRed';
}

/**
 * The date of birth and the button that looks the applicant up in the national population database with the
 * number, name and date typed; Enter in the date field looks up too. The answer is said in words, whatever it is:
 * when the registry could not answer, intake goes on by hand.
 */
export function RegistryLookupRow({ state, enabled, onLookUp }: RegistryLookupRowProps) {
  const birth = state.extras[BIRTH_DATE_KEY] ?? '';
  const mark = markText(fieldMark(BIRTH_DATE_KEY, birth, state.lookup));
  const { lookup, lookupAction } = state;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    if (enabled) onLookUp();
  }

  return (
    <div className="dig-lookup" data-testid="registry-lookup">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          id={eFormInputId(BIRTH_DATE_KEY)}
          className="dig-lookup-date"
          label="Ngày sinh"
          description={mark ?? 'dd/mm/yyyy, hoặc năm sinh'}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          autoComplete="off"
          value={birth}
          onChange={(event) => state.setExtra(BIRTH_DATE_KEY, event.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={state.extraErrors[BIRTH_DATE_KEY]}
          data-mark={fieldMark(BIRTH_DATE_KEY, birth, lookup) ?? undefined}
        />
        <Button variant="outline" className="dig-lookup-button" onClick={onLookUp} loading={lookupAction.pending} disabled={!enabled}>
          Tra cứu CSDL dân cư
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {enabled
          ? 'Tra cứu Cơ sở dữ liệu quốc gia về dân cư bằng số định danh, họ tên và ngày sinh ở trên; mỗi lượt tra cứu được ghi nhật ký.'
          : 'Chọn thủ tục trước khi tra cứu Cơ sở dữ liệu quốc gia về dân cư.'}
      </Text>
      <div aria-live="polite">
        {lookup ? (
          <Alert
            mt="xs"
            color={outcomeColor(lookup)}
            variant="light"
            title={`Kết quả tra cứu: ${LOOKUP_OUTCOME_LABELS[lookup.outcome].toLocaleLowerCase('vi')}`}
            data-testid="registry-message"
            data-outcome={lookup.outcome}
            classNames={lookup.outcome === 'found' ? { title: 'dig-success-title' } : undefined}
          >
            <Text size="sm">{lookup.message}</Text>
            {!state.lookupInForce && lookup.lookupId ? (
              <Text size="sm" mt={4}>
                Số định danh hoặc thủ tục đã đổi sau lượt tra cứu này: hồ sơ sẽ không gắn với lượt tra cứu; tra cứu lại nếu cần.
              </Text>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {lookupAction.error ? (
        <Alert mt="xs" color="govRed" variant="light" title="Chưa tra cứu được" role="alert">
          {lookupAction.error.message}
        </Alert>
      ) : null}
    </div>
  );
}
