import { Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ParAssessment } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { outOfText } from '../par-view.js';
import { SubCriterionItem } from './SubCriterionItem.js';

interface DisclosureProps {
  id: string;
  order: 2 | 3;
  title: string;
  /** Said after the title: the points so far. */
  summary: string;
  children: ReactNode;
}

/** A heading whose button shows or hides what is under it (the WAI-ARIA accordion pattern); open at first. */
function Disclosure({ id, order, title, summary, children }: DisclosureProps) {
  const [open, setOpen] = useState(true);
  return (
    <section aria-labelledby={id} className={`par-disclosure par-level-${order}`}>
      <Title order={order} size={order === 2 ? 'h3' : 'h4'}>
        <button type="button" id={id} className="par-toggle" aria-expanded={open} aria-controls={`${id}-noi-dung`} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true" className="par-chevron">
            {open ? '▾' : '▸'}
          </span>
          <span className="break-anywhere">{title}</span>
        </button>
      </Title>
      <Text size="sm" c="gray.8" ml="lg">
        {summary}
      </Text>
      <div id={`${id}-noi-dung`} hidden={!open} className="par-disclosure-body">
        {children}
      </div>
    </section>
  );
}

const idOf = (code: string) => `lv-${code.replaceAll('.', '-')}`;

/** The scheme as fields → criteria → sub-criteria, each level with the unit's points and the points after appraisal. */
export function SchemeOutline({ assessment, actions }: { assessment: ParAssessment; actions: ParActions }) {
  const { self, final } = assessment.totals;
  return (
    <Stack gap="md" data-testid="par-outline">
      {assessment.scheme.definition.fields.map((field) => {
        const fieldSelf = self.fields.find((f) => f.code === field.code);
        const fieldFinal = final.fields.find((f) => f.code === field.code);
        return (
          <Disclosure
            key={field.code}
            id={idOf(field.code)}
            order={2}
            title={`Lĩnh vực ${field.code}. ${field.name}`}
            summary={`Tự chấm ${outOfText(fieldSelf?.points ?? 0, fieldSelf?.max ?? 0)} · sau thẩm định ${outOfText(fieldFinal?.points ?? 0, fieldFinal?.max ?? 0)}`}
          >
            <Stack gap="sm">
              {field.criteria.map((criterion) => {
                const c = fieldFinal?.criteria.find((x) => x.code === criterion.code);
                const own = fieldSelf?.criteria.find((x) => x.code === criterion.code);
                return (
                  <Disclosure
                    key={criterion.code}
                    id={idOf(criterion.code)}
                    order={3}
                    title={`${criterion.code}. ${criterion.name}`}
                    summary={`Tự chấm ${outOfText(own?.points ?? 0, own?.max ?? 0)} · sau thẩm định ${outOfText(c?.points ?? 0, c?.max ?? 0)}`}
                  >
                    <Stack gap="sm">
                      {criterion.subCriteria.map((sub) => (
                        <SubCriterionItem key={sub.code} assessment={assessment} sub={sub} actions={actions} />
                      ))}
                    </Stack>
                  </Disclosure>
                );
              })}
            </Stack>
          </Disclosure>
        );
      })}
    </Stack>
  );
}
