import { List } from '@mantine/core';

interface FieldProblem {
  path: string;
  message: string;
}

function problems(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldProblem =>
      typeof d === 'object' && d !== null && typeof (d as FieldProblem).message === 'string' && typeof (d as FieldProblem).path === 'string',
  );
}

/** The per-field problems of a 400 answer (`details: [{ path, message }]`), when there are any. */
export function ServerErrorDetails({ details }: { details: unknown }) {
  const list = problems(details);
  if (list.length === 0) return null;
  return (
    <List size="sm" mt={4}>
      {list.map((p) => (
        <List.Item key={`${p.path}|${p.message}`}>{p.message}</List.Item>
      ))}
    </List>
  );
}
