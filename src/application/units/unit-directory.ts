import type { Insertable, Kysely } from 'kysely';
import type { DB, UnitRow, UnitsTable } from '../../infrastructure/db/schema.js';
import { UnitTree, type Unit, type UnitLevel } from '../../domain/units/unit.js';
import type { UnitDirectory } from '../context.js';

export function toUnit(row: UnitRow): Unit {
  return {
    code: row.code,
    name: row.name,
    level: row.level as UnitLevel,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    replacedBy: row.replaced_by,
  };
}

export function toUnitRow(u: Unit): Insertable<UnitsTable> {
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    parent_code: u.parentCode,
    valid_from: u.validFrom,
    valid_to: u.validTo,
    replaced_by: u.replacedBy,
  };
}

export async function loadUnitDirectory(db: Kysely<DB>): Promise<UnitDirectory> {
  let tree = new UnitTree([]);
  const directory: UnitDirectory = {
    tree: () => tree,
    async reload() {
      const rows = await db.selectFrom('units').selectAll().orderBy('code').execute();
      tree = new UnitTree(rows.map(toUnit));
    },
  };
  await directory.reload();
  return directory;
}
