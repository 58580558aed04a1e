/**
 * The administrative tree (cơ quan, đơn vị). Pure: no I/O.
 * Since 1/7/2025 local government has two tiers (province → commune); districts are kept as
 * historical, read-only units so that old dossiers and reports still resolve.
 */

export const UNIT_LEVELS = ['province', 'department', 'commune', 'service_center', 'one_stop_desk', 'district'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS = {
  province: 'Tỉnh',
  department: 'Sở, ban, ngành',
  commune: 'Xã, phường',
  service_center: 'Trung tâm Phục vụ hành chính công',
  one_stop_desk: 'Bộ phận Một cửa',
  district: 'Huyện (trước 1/7/2025)',
} as const satisfies Record<UnitLevel, string>;

export interface Unit {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  /** ISO date (yyyy-MM-dd), inclusive. */
  validFrom: string;
  /** ISO date (yyyy-MM-dd), inclusive; null while in force. */
  validTo: string | null;
  /** Units that took over this one after a merger. */
  replacedBy: string[];
}

/**
 * Electronic identifier of an agency (mã định danh điện tử, QĐ 20/2020/QĐ-TTg, TT 10/2016/TT-BTTTT):
 * V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.31.H37. It prefixes every dossier code.
 */
export const UNIT_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export function isValidUnitCode(code: string): boolean {
  return UNIT_CODE_PATTERN.test(code);
}

export function isUnitInForce(unit: Pick<Unit, 'validFrom' | 'validTo'>, onDate: string): boolean {
  return unit.validFrom <= onDate && (unit.validTo === null || onDate <= unit.validTo);
}

/** An index over the tree for ancestry questions; build once, query many times. */
export class UnitTree {
  private readonly byCode: Map<string, Unit>;

  constructor(units: readonly Unit[]) {
    this.byCode = new Map(units.map((u) => [u.code, u]));
  }

  find(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  /** The unit itself and its ancestors, nearest first. Stops on a cycle. */
  ancestry(code: string): Unit[] {
    const chain: Unit[] = [];
    const seen = new Set<string>();
    let current = this.byCode.get(code);
    while (current && !seen.has(current.code)) {
      chain.push(current);
      seen.add(current.code);
      current = current.parentCode ? this.byCode.get(current.parentCode) : undefined;
    }
    return chain;
  }

  /** True when `code` is `rootCode` or lies below it. */
  isWithin(code: string, rootCode: string): boolean {
    return this.ancestry(code).some((u) => u.code === rootCode);
  }

  children(code: string | null): Unit[] {
    return [...this.byCode.values()].filter((u) => u.parentCode === code).sort((a, b) => a.code.localeCompare(b.code));
  }

  all(): Unit[] {
    return [...this.byCode.values()];
  }

  /** The codes of `rootCode` and every unit below it. */
  subtreeCodes(rootCode: string): string[] {
    return this.all()
      .filter((u) => this.isWithin(u.code, rootCode))
      .map((u) => u.code);
  }
}

/** Problems that make a set of units unusable as a tree; empty when valid. */
export function validateUnitTree(units: readonly Unit[]): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const u of units) {
    if (!isValidUnitCode(u.code)) problems.push(`${u.code}: mã định danh không đúng định dạng`);
    if (codes.has(u.code)) problems.push(`${u.code}: mã bị trùng`);
    codes.add(u.code);
    if (u.validTo !== null && u.validTo < u.validFrom) problems.push(`${u.code}: validTo trước validFrom`);
  }
  const tree = new UnitTree(units);
  for (const u of units) {
    if (u.parentCode !== null && !codes.has(u.parentCode)) {
      problems.push(`${u.code}: đơn vị cha ${u.parentCode} không tồn tại`);
    }
    const chain = tree.ancestry(u.code);
    const top = chain[chain.length - 1];
    if (top && top.parentCode !== null && codes.has(top.parentCode)) problems.push(`${u.code}: cây có vòng lặp`);
    for (const r of u.replacedBy) if (!codes.has(r)) problems.push(`${u.code}: replacedBy ${r} không tồn tại`);
  }
  return problems;
}
