import { useState } from 'react';

/**
 * The last answer of a query for `key` kept while it reloads (useApiQuery drops it meanwhile), so that a panel
 * does not vanish, and lose what it shows, each time its data is asked again. Another key forgets it.
 */
export function useKeptData<T>(data: T | undefined, key: string): T | undefined {
  const [kept, setKept] = useState<{ key: string; data: T } | null>(null);
  if (data !== undefined && (kept === null || kept.key !== key || kept.data !== data)) setKept({ key, data });
  return data ?? (kept?.key === key ? kept.data : undefined);
}
