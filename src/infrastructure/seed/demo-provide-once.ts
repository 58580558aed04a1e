/**
 * Issue 20 in the demo catalogue: which results can stand in for a component (MaKetQuaThayThe), the procedures'
 * own e-form fields, and the procedure that needs a VNeID level 2 account. A marriage needs the marital-status
 * certificate another procedure issues; a re-registered birth needs the earlier birth certificate.
 */
import type { ProcedureRecord } from '../../domain/catalogue/procedure.js';
import type { EFormField } from '../../domain/data-vault/e-form.js';

const REPLACEABLE: Record<string, Record<number, string[]>> = {
  '1.000894': { 2: ['1.004873.KQ1'] },
  '1.001695': { 3: ['1.004873.KQ1'] },
  '1.004884': { 2: ['1.001193.KQ1'] },
};
const E_FORMS: Record<string, EFormField[]> = {
  '1.004873': [
    {
      key: 'maritalStatus',
      label: 'Tình trạng hôn nhân',
      type: 'select',
      required: true,
      options: ['Chưa đăng ký kết hôn với ai', 'Đã ly hôn', 'Vợ/chồng đã chết'],
    },
    { key: 'purpose', label: 'Mục đích sử dụng', type: 'text', required: true, maxLength: 300 },
  ],
  '1.000894': [
    { key: 'partnerName', label: 'Họ, chữ đệm và tên của bên kia', type: 'text', required: true, maxLength: 200 },
    { key: 'partnerPersonalId', label: 'Số định danh cá nhân của bên kia', type: 'personalId', required: true },
  ],
};
const EID_LEVEL_2 = new Set(['1.004884']);

export function provideOnce(records: ProcedureRecord[]): ProcedureRecord[] {
  return records.map((r) => {
    const replace = REPLACEABLE[r.code];
    const out: ProcedureRecord = replace
      ? { ...r, components: r.components.map((c, i) => (replace[i + 1] ? { ...c, replaceableBy: replace[i + 1]! } : c)) }
      : { ...r };
    if (E_FORMS[r.code]) out.eForm = E_FORMS[r.code]!;
    if (EID_LEVEL_2.has(r.code)) out.eidLevel2Required = true;
    return out;
  });
}
