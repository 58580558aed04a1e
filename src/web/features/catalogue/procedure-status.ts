/** Why a procedure code has no version in force today: abolished, replaced, or not yet in force. */
import type { ProcedureVersionInfo } from './api/catalogue-api.js';

export type ProcedureStatusNotice =
  { kind: 'upcoming'; name: string; from: string } | { kind: 'abolished' | 'replaced' | 'ended'; name: string; until: string; replacedBy: string | null };

/** Null when the versions do not explain it (e.g. an unknown code) or a version is in force on `today`. */
export function procedureStatusNotice(versions: readonly (ProcedureVersionInfo & { name: string })[], today: string): ProcedureStatusNotice | null {
  if (versions.some((v) => v.effectiveFrom <= today && (v.effectiveTo === null || today <= v.effectiveTo))) return null;
  const past = versions.filter((v) => v.effectiveFrom <= today).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const ended = past[0];
  if (ended && ended.effectiveTo !== null) {
    const kind = ended.endReason === 'abolished' || ended.endReason === 'replaced' ? ended.endReason : 'ended';
    return { kind, name: ended.name, until: ended.effectiveTo, replacedBy: ended.replacedBy };
  }
  const next = versions.filter((v) => v.effectiveFrom > today).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
  return next ? { kind: 'upcoming', name: next.name, from: next.effectiveFrom } : null;
}
