/**
 * What a counter or postal intake must hold before the desk accepts it : every mandatory component of the
 * procedure. A dossier short of one is not accepted; the desk records a reception-time supplement request
 * instead (form 02), which starts no clock (REFERENCE §2.6).
 */
import type { ProcedureComponent } from '../catalogue/procedure.js';

/** A component as received at the desk: its code and how many copies were handed over. */
export interface ReceivedComponent {
  code: string;
  copies: number;
}

/** The procedure's mandatory components not received (a component with no copy counts as not received). */
export function missingMandatoryComponents(
  components: readonly Pick<ProcedureComponent, 'code' | 'name' | 'required'>[],
  received: readonly ReceivedComponent[],
): Pick<ProcedureComponent, 'code' | 'name'>[] {
  const have = new Set(received.filter((r) => r.copies > 0).map((r) => r.code));
  return components.filter((c) => c.required && !have.has(c.code)).map((c) => ({ code: c.code, name: c.name }));
}
