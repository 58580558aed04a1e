/**
 * Results in history imported from a sync file (HoSoDongBoDVC, REFERENCE §9): the result the national portal
 * holds, by its link (DuongDanTepTinKetQua) and the fingerprint of its file (GiayToId). It counts for 4.1 and
 * 4.2 as the portal counts it (a synced dossier with a result link); a dossier handled here counts only with a
 * result document that carries its verified final signature. The file itself stays where the link points.
 */
import type { Insertable } from 'kysely';
import type { ResultDocumentsTable } from '../../infrastructure/db/schema.js';
import type { SyncDossier } from '../../contract/national-sync.js';
import type { DossierState } from '../../domain/dossier/fold.js';
import { toDate } from '../dossier/dossier-store.js';
import { newVerificationCode } from './result-records.js';

export function importedResults(rec: SyncDossier, dossierId: string, unitCode: string, state: DossierState): Insertable<ResultDocumentsTable>[] {
  const issued = state.resultFile;
  const result = issued ? rec.DanhSachGiayToKetQua.findLast((r) => r.GiayToId === issued.sha256) : undefined;
  if (!issued || !result) return [];
  const at = toDate(state.finishedAt ?? state.acceptedAt) ?? new Date(0);
  return [
    {
      dossier_id: dossierId,
      unit_code: unitCode,
      verification_code: newVerificationCode(),
      kind: 'result',
      title: result.TenGiayTo || issued.name,
      result_code: result.MaGiayToKetQua || null,
      source: 'imported',
      source_url: result.DuongDanTepTinKetQua || null,
      status: 'signed',
      file_sha256: issued.sha256,
      file_name: issued.name,
      level: null,
      created_at: at,
      signed_at: at,
    },
  ];
}
