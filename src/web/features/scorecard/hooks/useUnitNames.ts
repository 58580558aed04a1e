import { useMemo } from 'react';
import { useUnits } from '../../units/hooks/useUnits.js';
import type { Unit } from '../../../../domain/units/unit.js';

/** The unit tree for the pickers and a name for a code (the code itself until the tree is there). */
export function useUnitNames(): { units: Unit[]; nameOf: (code: string) => string } {
  const { data } = useUnits();
  return useMemo(() => {
    const units = data?.units ?? [];
    const names = new Map(units.map((u) => [u.code, u.name]));
    return { units, nameOf: (code: string) => names.get(code) ?? code };
  }, [data]);
}
