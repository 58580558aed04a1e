import '../../portal-dossiers/portal-dossiers.css';
import { Anchor, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SCHEME_LEVEL_LABELS } from '../../../../domain/par-index/scheme.js';
import { isUnitInForce, type Unit } from '../../../../domain/units/unit.js';
import { normalizeForSearch, todayInVietnam } from '../../../shared/format.js';
import { openRound, type ParSchemeSummary } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { parseDayInput, readYear, roundPage } from '../par-view.js';
import { ActionMessage } from './ActionMessage.js';

const KEY = 'open-round';
type Errors = Partial<Record<'scheme' | 'name' | 'year' | 'deadline', string>>;

interface OpenRoundFormProps {
  schemes: readonly ParSchemeSummary[];
  units: readonly Unit[];
  actions: ParActions;
}

/** The units of the scheme's level a round may assess, chosen by ticking (none: all of them), filtered by name. */
function UnitChoice({
  units,
  chosen,
  onChange,
  levelLabel,
}: {
  units: readonly Unit[];
  chosen: string[];
  onChange: (c: string[]) => void;
  levelLabel: string;
}) {
  const [filter, setFilter] = useState('');
  const needle = normalizeForSearch(filter);
  const shown = units.filter((u) => needle === '' || normalizeForSearch(u.name).includes(needle) || chosen.includes(u.code));
  return (
    <fieldset className="pd-fieldset">
      <legend>Đơn vị được đánh giá</legend>
      <Stack gap="xs">
        <Text size="sm">
          Không chọn đơn vị nào: đánh giá mọi đơn vị {levelLabel.toLowerCase()} ({units.length} đơn vị). Đã chọn: {chosen.length}.
        </Text>
        <TextInput label="Lọc theo tên đơn vị" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} size="sm" />
        <Checkbox.Group value={chosen} onChange={onChange} aria-label="Chọn đơn vị được đánh giá">
          <Stack gap={6} className="par-unit-choices">
            {shown.map((u) => (
              <Checkbox key={u.code} value={u.code} label={u.name} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Stack>
    </fieldset>
  );
}

/** "Mở đợt đánh giá": a scheme, a name, the year, the deadline (dd/MM/yyyy) and, if not all, the units. */
export function OpenRoundForm({ schemes, units, actions }: OpenRoundFormProps) {
  const [schemeId, setSchemeId] = useState<string | null>(null);
  // The first scheme until one is chosen (a scheme imported meanwhile is offered at once).
  const scheme = schemes.find((s) => s.id === schemeId) ?? schemes[0] ?? null;
  const [name, setName] = useState('');
  // Null: the scheme's own year.
  const [typedYear, setYear] = useState<string | null>(null);
  const year = typedYear ?? (scheme ? String(scheme.year) : '');
  const [deadline, setDeadline] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [opened, setOpened] = useState<string | null>(null);
  const [today] = useState(() => todayInVietnam());
  const offered = useMemo(
    () => units.filter((u) => scheme !== null && u.level === scheme.level && isUnitInForce(u, today)).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [units, scheme, today],
  );

  function pickScheme(id: string) {
    setSchemeId(id);
    setChosen([]);
    setYear(null);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const y = readYear(year);
    const day = parseDayInput(deadline);
    const found: Errors = {};
    if (!scheme) found.scheme = 'Chọn bộ chỉ số.';
    if (name.trim().length < 3) found.name = 'Tên đợt đánh giá có ít nhất 3 ký tự.';
    if (y === null) found.year = 'Nhập năm từ 2000 đến 2100.';
    if (day === null) found.deadline = 'Nhập hạn dạng ngày/tháng/năm, ví dụ 31/12/2026.';
    else if (day < today) found.deadline = 'Hạn tự đánh giá đã qua.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !scheme || y === null || day === null) return;
    const body = { schemeId: scheme.id, name: name.trim(), year: y, deadline: day, unitCodes: chosen.length > 0 ? chosen : null };
    const done = await actions.run(
      KEY,
      async () => {
        const round = await openRound(body);
        setOpened(round.id);
        return round;
      },
      (round) => `Đã mở đợt “${round.name}” cho ${round.units.length} đơn vị.`,
    );
    if (done) {
      setName('');
      setDeadline('');
      setChosen([]);
    }
  }

  if (schemes.length === 0) return <Text>Cần có một bộ chỉ số trước khi mở đợt đánh giá.</Text>;
  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby="par-mo-dot-tieu-de" data-testid="par-open-round">
      <Stack gap="sm">
        <NativeSelect
          label="Bộ chỉ số"
          value={scheme?.id ?? ''}
          onChange={(e) => pickScheme(e.currentTarget.value)}
          data={schemes.map((s) => ({ value: s.id, label: `${s.year} · ${s.name} (${SCHEME_LEVEL_LABELS[s.level]})` }))}
          error={errors.scheme}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Tên đợt đánh giá" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required />
          <TextInput label="Năm đánh giá" inputMode="numeric" value={year} onChange={(e) => setYear(e.currentTarget.value)} error={errors.year} required />
          <TextInput
            label="Hạn tự đánh giá"
            description="Ngày/tháng/năm"
            placeholder="31/12/2026"
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={errors.deadline}
            required
          />
        </SimpleGrid>
        {scheme ? <UnitChoice units={offered} chosen={chosen} onChange={setChosen} levelLabel={SCHEME_LEVEL_LABELS[scheme.level]} /> : null}
        <ActionMessage actions={actions} actionKey={KEY} />
        {opened && actions.outcome?.key === KEY && actions.outcome.ok ? (
          <Anchor component={Link} to={roundPage(opened)}>
            Xem đợt đánh giá vừa mở
          </Anchor>
        ) : null}
        <Group>
          <Button type="submit" loading={actions.pending === KEY}>
            Mở đợt đánh giá
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
