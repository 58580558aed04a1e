import { List, Stack, Text } from '@mantine/core';
import type { DecisionItemKind, Problem } from '../api/publication-api.js';
import { groupProblems, itemHeading } from '../decision-draft.js';

interface ProblemListProps {
  problems: readonly Problem[];
  /** The decision's items, to name each problem's item by its code and kind. */
  items: readonly { procedureCode: string; kind: DecisionItemKind }[];
  testId?: string;
}

/** What blocks publication, item by item, in the server's Vietnamese words. */
export function ProblemList({ problems, items, testId }: ProblemListProps) {
  const grouped = groupProblems(problems);
  return (
    <Stack gap="xs" data-testid={testId}>
      {grouped.general.length > 0 ? (
        <List size="sm" spacing={2}>
          {grouped.general.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      ) : null}
      {grouped.items.map((entry) => (
        <div key={entry.index}>
          <Text size="sm" fw={700}>
            {itemHeading(entry.index, items[entry.index])}
          </Text>
          <List size="sm" spacing={2}>
            {entry.messages.map(({ field, message }, i) => (
              <List.Item key={`${field}|${i}`}>
                {message}
                {field ? (
                  <Text component="span" size="xs" c="dimmed" className="mono break-anywhere">
                    {' '}
                    ({field.replace(/^record\.?/, '') || 'nội dung'})
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}
