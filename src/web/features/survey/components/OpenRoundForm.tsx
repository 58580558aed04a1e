import { Alert, Button, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { UnitTree, type Unit } from '../../../../domain/units/unit.js';
import { problemsFromDetails } from '../../../shared/api.js';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { formatNumber } from '../../../shared/format.js';
import { useApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { UnitSelect } from '../../calendar/components/UnitSelect.js';
import { openRound, populationPath, type SurveyPopulation, type SurveyRound } from '../api/survey-api.js';
import { useSurveyAction } from '../hooks/useSurvey.js';
import { defaultRoundDraft, roundDraftProblems, type RoundDraft } from '../survey-view.js';

interface OpenRoundFormProps {
  units: readonly Unit[];
  /** The official's unit: the round covers units of its subtree. */
  ownUnit: string | null;
  today: string;
  onOpened: (round: SurveyRound) => void;
}

/**
 * Opening a round: its name, period, unit and margin of error; N and the sample size n = ceil(N / (1 + N·e²)) are shown
 * as they would be drawn; the server draws the sample and e-mails the invitations.
 */
export function OpenRoundForm({ units, ownUnit, today, onOpened }: OpenRoundFormProps) {
  const [draft, setDraft] = useState<RoundDraft>(() => defaultRoundDraft(today, ownUnit));
  const [tried, setTried] = useState(false);
  const open = useSurveyAction(openRound);
  const inScope = useMemo(() => {
    const tree = new UnitTree(units);
    return ownUnit ? units.filter((u) => tree.isWithin(u.code, ownUnit)) : [];
  }, [units, ownUnit]);
  const problems = roundDraftProblems(draft, today);
  const margin = draft.marginPercent / 100;
  const preview = useApiQuery<SurveyPopulation>(
    problems.length === 0 && draft.unitCode ? populationPath(draft.from, draft.to, [draft.unitCode], margin) : null,
  );
  const set =
    <K extends keyof RoundDraft>(key: K) =>
    (value: RoundDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problems.length > 0 || !draft.unitCode) return;
    const round = await open.run({ name: draft.name.trim(), from: draft.from, to: draft.to, unitCodes: [draft.unitCode], margin, answerBy: draft.answerBy });
    if (round) onOpened(round);
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} data-testid="survey-open-form">
      <Stack gap="sm">
        <TextInput id="khao-sat-ten" label="Tên đợt" required value={draft.name} onChange={(e) => set('name')(e.currentTarget.value)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            id="khao-sat-tu-ngay"
            type="date"
            label="Hồ sơ trả kết quả từ ngày"
            value={draft.from}
            onChange={(e) => set('from')(e.currentTarget.value)}
          />
          <TextInput id="khao-sat-den-ngay" type="date" label="Đến ngày" value={draft.to} onChange={(e) => set('to')(e.currentTarget.value)} />
          <TextInput id="khao-sat-han" type="date" label="Hạn trả lời phiếu" value={draft.answerBy} onChange={(e) => set('answerBy')(e.currentTarget.value)} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <UnitSelect
            id="khao-sat-don-vi"
            label="Đơn vị khảo sát (gồm cả đơn vị trực thuộc)"
            units={inScope}
            value={draft.unitCode}
            onChange={(code) => set('unitCode')(code)}
          />
          <NumberInput
            id="khao-sat-sai-so"
            label="Sai số e (%)"
            description="Cỡ mẫu n = N / (1 + N·e²), làm tròn lên"
            min={1}
            max={20}
            step={1}
            decimalScale={2}
            value={draft.marginPercent}
            onChange={(v) => set('marginPercent')(typeof v === 'number' ? v : Number(v))}
          />
        </SimpleGrid>
        {preview.data ? (
          <Text role="status" data-testid="survey-preview">
            {formatNumber(preview.data.population)} hồ sơ đã trả kết quả trong kỳ (N): sẽ chọn ngẫu nhiên n = {formatNumber(preview.data.sampleSize)} hồ sơ để
            mời trả lời.
          </Text>
        ) : null}
        {tried ? <ProblemList problems={problems} /> : null}
        {open.error ? (
          <Alert color="govRed" variant="light" role="alert" title="Chưa mở được đợt khảo sát">
            {open.error.message}
            <ProblemList problems={problemsFromDetails(open.error.details).map((p) => p.message)} />
          </Alert>
        ) : null}
        <Button type="submit" loading={open.pending} style={{ alignSelf: 'flex-start' }}>
          Mở đợt và gửi phiếu mời
        </Button>
      </Stack>
    </form>
  );
}
