import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SubCriterion } from '../../../../domain/par-index/scheme.js';
import { ProblemList } from '../../../shared/components/ProblemList.js';
import { enterSurveyResults, type RoundUnit, type SurveyResultsInput } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { readPercent } from '../par-view.js';
import { ActionMessage } from './ActionMessage.js';

const KEY = 'survey';
const cell = (unit: string, sub: string) => `${unit}|${sub}`;

interface SurveyResultsFormProps {
  roundId: string;
  units: readonly RoundUnit[];
  subs: readonly SubCriterion[];
  actions: ParActions;
}

/**
 * "Nhập kết quả điều tra xã hội học": a percentage per unit and survey-based sub-criterion, scored in proportion to
 * its maximum; a cell left empty is not sent, a value entered again replaces the earlier one.
 */
export function SurveyResultsForm({ roundId, units, subs, actions }: SurveyResultsFormProps) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const results: SurveyResultsInput['results'] = [];
    const found: string[] = [];
    for (const u of units)
      for (const s of subs) {
        const read = readPercent(values[cell(u.unitCode, s.code)] ?? '');
        if (!read.ok) found.push(`${u.unitName}, ${s.code}: ${read.message}`);
        else if (read.value !== null) results.push({ unitCode: u.unitCode, subCode: s.code, value: read.value });
      }
    if (found.length === 0 && results.length === 0) found.push('Nhập ít nhất một kết quả.');
    setProblems(found);
    if (found.length > 0) return;
    const done = await actions.run(KEY, () => enterSurveyResults(roundId, { results }), `Đã lưu ${results.length} kết quả điều tra xã hội học.`);
    if (done) setValues({});
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-labelledby="par-dieu-tra-tieu-de" data-testid="par-survey">
      <Stack gap="sm">
        <Text size="sm">Tỷ lệ hài lòng (%) theo kết quả điều tra của từng đơn vị; điểm = điểm tối đa × tỷ lệ. Ô để trống không thay đổi kết quả đã nhập.</Text>
        <div className="table-scroll par-scroll" role="region" aria-label="Kết quả điều tra theo đơn vị (cuộn ngang để xem thêm cột)" tabIndex={0}>
          <Table className="par-wide" withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Đơn vị</Table.Th>
                {subs.map((s) => (
                  <Table.Th key={s.code} scope="col">
                    {s.code}. {s.name} (%)
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u) => (
                <Table.Tr key={u.unitCode}>
                  <Table.Th scope="row" fw={400}>
                    {u.unitName}
                  </Table.Th>
                  {subs.map((s) => (
                    <Table.Td key={s.code}>
                      <TextInput
                        aria-label={`Tỷ lệ hài lòng (%) ${s.code} của ${u.unitName}`}
                        inputMode="decimal"
                        size="sm"
                        w={110}
                        value={values[cell(u.unitCode, s.code)] ?? ''}
                        onChange={(e) => {
                          const text = e.currentTarget.value;
                          setValues((v) => ({ ...v, [cell(u.unitCode, s.code)]: text }));
                        }}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <ProblemList problems={problems} />
        <ActionMessage actions={actions} actionKey={KEY} />
        <Group>
          <Button type="submit" loading={actions.pending === KEY}>
            Lưu kết quả điều tra
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
