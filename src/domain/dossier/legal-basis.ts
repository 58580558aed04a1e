/**
 * The legal basis in force on a day (REFERENCE §2.1, §2.3): which decree and circular a printed form or
 * report cites. Before 01/7/2025 the one-stop mechanism was Decree 61/2018/NĐ-CP (amended by 107/2021) with
 * Circular 01/2018/TT-VPCP; from 01/7/2025 it is Decree 118/2025/NĐ-CP with Circular 03/2025/TT-VPCP.
 * A document cites the basis of its own date (the form's date, the report's period end), so a reprint of an
 * old receipt still says what it said the day it was issued. One copy: every PDF and XLSX calls this.
 *
 * The two circulars number their forms differently (REFERENCE §2.3): 01/2018 has no stop notice, and its
 * control slip and register are Mẫu 05 and 06; 03/2025 adds the stop notice as Mẫu 05. Both lists are tagged
 * [M]/[S] in REFERENCE: change the tables here when the texts are confirmed.
 */
import { jdnFromCivil } from '../calendar/civil-date.js';

/** The printed documents that cite the basis. */
export type BasisDocument = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'stop' | 'controlSlip' | 'register' | 'settlementReport';

export interface LegalBasis {
  /** "118/2025/NĐ-CP" */
  decree: string;
  /** "03/2025/TT-VPCP" */
  circular: string;
  /** The form number of each document in the circular's appendix; null when the circular has no such form. */
  forms: Readonly<Record<Exclude<BasisDocument, 'settlementReport'>, string | null>>;
}

export const DECREE_61_2018: LegalBasis = {
  decree: '61/2018/NĐ-CP',
  circular: '01/2018/TT-VPCP',
  forms: { receipt: '01', supplement: '02', refusal: '03', apology: '04', stop: null, controlSlip: '05', register: '06' },
};

export const DECREE_118_2025: LegalBasis = {
  decree: '118/2025/NĐ-CP',
  circular: '03/2025/TT-VPCP',
  forms: { receipt: '01', supplement: '02', refusal: '03', apology: '04', stop: '05', controlSlip: '06', register: '07' },
};

const SWITCH_DAY = jdnFromCivil({ year: 2025, month: 7, day: 1 });

/** The basis in force on a local (UTC+7) day, given as a Julian Day Number. */
export function legalBasisOn(localDay: number): LegalBasis {
  return localDay < SWITCH_DAY ? DECREE_61_2018 : DECREE_118_2025;
}

/** The basis in force at a local instant (UTC+7 wall-clock minutes, days as Julian Day Numbers). */
export function legalBasisAt(localMinutes: number): LegalBasis {
  return legalBasisOn(Math.floor(localMinutes / 1440));
}

/**
 * The line printed above a document's title: "Mẫu số 06 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP",
 * or, for a document the circular has no form for, the decree and circular it is issued under.
 */
export function basisLine(document: BasisDocument, localDay: number): string {
  const basis = legalBasisOn(localDay);
  if (document === 'settlementReport') return `Biểu tổng hợp theo Nghị định số ${basis.decree} và Thông tư số ${basis.circular}`;
  const form = basis.forms[document];
  return form === null
    ? `Theo Nghị định số ${basis.decree} và Thông tư số ${basis.circular}`
    : `Mẫu số ${form} – ban hành kèm theo Thông tư số ${basis.circular}`;
}
