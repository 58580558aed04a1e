import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatIsoDate } from '../../../shared/format.js';

/** A calendar date as dd/MM/yyyy, machine-readable too. */
export function DateText({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatIsoDate(iso)}</time>;
}

const SHOWN_CODES = 3;

/** Procedure codes: the first few, the rest behind a disclosure so that a long decision stays readable. */
export function ProcedureCodes({ codes }: { codes: readonly string[] }) {
  const shown = codes.slice(0, SHOWN_CODES);
  const more = codes.slice(SHOWN_CODES);
  return (
    <>
      <ul className="pub-codes mono" aria-label={`${codes.length} thủ tục`}>
        {shown.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      {more.length > 0 ? (
        <details className="pub-codes-more">
          <summary>và {more.length} thủ tục khác</summary>
          <ul className="pub-codes mono">
            {more.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export function NameList({ names }: { names: readonly string[] }) {
  if (names.length === 1) return <>{names[0]}</>;
  return (
    <ul className="pub-codes" style={{ flexDirection: 'column' }}>
      {names.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  );
}

/** A line of secondary information under the main value of a cell. */
export function SubLine({ children }: { children: ReactNode }) {
  return (
    <Text component="span" display="block" size="xs" c="dimmed">
      {children}
    </Text>
  );
}
