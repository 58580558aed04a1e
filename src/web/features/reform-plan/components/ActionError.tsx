import { Alert, Text } from '@mantine/core';
import { problemsFromDetails, type ApiError } from '../../../shared/api.js';

/** A refused action: the server's Vietnamese message and, when it names them, each problem (a row of a file, a field). */
export function ActionError({ error, title = 'Chưa thực hiện được' }: { error: ApiError | null; title?: string }) {
  if (!error) return null;
  const problems = problemsFromDetails(error.details);
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return (
    <Alert color="govRed" variant="light" title={title} role="alert">
      <Text size="sm">{error.message}</Text>
      {typeof reason === 'string' ? <Text size="sm">{reason}</Text> : null}
      {problems.length > 0 ? (
        <ul className="reform-problems">
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              <Text size="sm" className="break-anywhere">
                {p.message}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
