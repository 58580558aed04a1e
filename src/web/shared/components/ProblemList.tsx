import { Text } from '@mantine/core';

/** Problems with what the user picked, announced as they appear; nothing when there are none. */
export function ProblemList({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert">
      {problems.map((p) => (
        <Text key={p} size="sm" c="govRed.9" className="break-anywhere">
          {p}
        </Text>
      ))}
    </div>
  );
}
