/**
 * The components a desk receives for a demo procedure: every mandatory one, with its listed quantity. A counter
 * or postal intake accepted at once must hold them all (domain/dossier/intake.ts).
 */
import { DEMO_PROCEDURES } from '../../src/infrastructure/seed/demo-catalogue.js';

export interface IntakeComponent {
  code: string;
  name: string;
  form: string;
  copies: number;
}

export function receivedComponents(procedureCode: string): IntakeComponent[] {
  const record = DEMO_PROCEDURES.find((p) => p.code === procedureCode);
  if (!record) throw new Error(`no demo procedure ${procedureCode}`);
  return record.components.filter((c) => c.required).map((c) => ({ code: c.code, name: c.name, form: c.form, copies: Math.max(1, c.quantity) }));
}
