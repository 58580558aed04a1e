import { Radio, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SubCriterion } from '../../../../domain/par-index/scheme.js';
import { formatNumber } from '../../../shared/format.js';
import { scoreSubCriterion, type Answer, type ParAssessment, type ScoreRow } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { readPoints } from '../par-view.js';
import { FormFooter } from './ActionMessage.js';

interface SelfScoreFormProps {
  assessment: ParAssessment;
  sub: SubCriterion;
  score: ScoreRow | undefined;
  actions: ParActions;
}

/** The choice as typed: 'yes'/'no', a level's index, or points; '' before anything is chosen. */
function initialChoice(answer: Answer | null | undefined): string {
  if (!answer) return '';
  if (answer.kind === 'yesNo') return answer.done ? 'yes' : 'no';
  if (answer.kind === 'levels') return String(answer.level);
  if (answer.kind === 'manual') return formatNumber(answer.points);
  return '';
}

/** The answer the choice makes under the sub-criterion's method; or why there is none yet. */
function answerOf(sub: SubCriterion, choice: string): { ok: true; answer: Answer } | { ok: false; message: string } {
  const m = sub.method;
  if (m.kind === 'manual') {
    const read = readPoints(choice, sub.maxPoints);
    return read.ok ? { ok: true, answer: { kind: 'manual', points: read.value } } : read;
  }
  if (choice === '') return { ok: false, message: m.kind === 'levels' ? 'Chọn mức đạt được.' : 'Chọn Có hoặc Không.' };
  if (m.kind === 'levels') return { ok: true, answer: { kind: 'levels', level: Number(choice) } };
  return { ok: true, answer: { kind: 'yesNo', done: choice === 'yes' } };
}

/** The unit's own score of a yes/no, levels or direct-points sub-criterion, with an optional note, saved against the version read. */
export function SelfScoreForm({ assessment, sub, score, actions }: SelfScoreFormProps) {
  const [choice, setChoice] = useState(() => initialChoice(score?.answer));
  const [note, setNote] = useState(score?.selfNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const key = `score-${sub.code}`;
  const m = sub.method;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = answerOf(sub, choice);
    setError(built.ok ? null : built.message);
    if (!built.ok) return;
    const body = { expectedSeq: assessment.seq, answer: built.answer, note: note.trim() === '' ? null : note.trim() };
    await actions.run(key, () => scoreSubCriterion(assessment.round.id, assessment.unitCode, sub.code, body), `Đã lưu điểm tự chấm tiêu chí ${sub.code}.`);
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Tự chấm tiêu chí ${sub.code}`}>
      <Stack gap="xs">
        {m.kind === 'manual' ? (
          <TextInput
            label={`Điểm tự chấm (từ 0 đến ${formatNumber(sub.maxPoints)})`}
            inputMode="decimal"
            value={choice}
            onChange={(e) => setChoice(e.currentTarget.value)}
            error={error}
            maw={260}
          />
        ) : (
          <Radio.Group
            name={`tu-cham-${sub.code}`}
            label={m.kind === 'levels' ? 'Mức đạt được' : 'Kết quả tự chấm'}
            value={choice}
            onChange={setChoice}
            error={error}
          >
            <Stack gap={6} mt={4}>
              {m.kind === 'levels' ? (
                m.levels.map((l, i) => <Radio key={l.label} value={String(i)} label={`${l.label} (${formatNumber(l.points)} điểm)`} />)
              ) : (
                <>
                  <Radio value="yes" label={`Có (${formatNumber(sub.maxPoints)} điểm)`} />
                  <Radio value="no" label="Không (0 điểm)" />
                </>
              )}
            </Stack>
          </Radio.Group>
        )}
        <TextInput label="Ghi chú, giải trình (không bắt buộc)" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
        <FormFooter actions={actions} actionKey={key}>
          Lưu điểm tự chấm
        </FormFooter>
      </Stack>
    </form>
  );
}
