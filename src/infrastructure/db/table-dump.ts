/**
 * Tables as JSON lines, the same on both engines: each row as PostgreSQL's own `row_to_json` text (dates,
 * numbers beyond 2^53, bytea and jsonb exactly as the engine writes them, never parsed in JavaScript), read
 * through a cursor inside the caller's snapshot; loaded back with `json_populate_recordset`, which turns the
 * same text into the same values.
 */
import type { RawTransaction } from './database.js';

/** The base tables of the public schema, by name. */
export async function listTables(tx: RawTransaction): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every row of `table` as one JSON text, `batch` rows at a time, in the transaction's snapshot. */
export async function dumpTable(tx: RawTransaction, table: string, onRows: (lines: string[]) => Promise<void>, batch = 2_000): Promise<number> {
  const cursor = `dump_${table.replace(/[^a-z0-9_]/gi, '_')}`;
  await tx.exec(`declare ${cursor} no scroll cursor for select row_to_json(t)::text as j from ${quote(table)} t`);
  let total = 0;
  try {
    for (;;) {
      const rows = await tx.query<{ j: string }>(`fetch forward ${batch} from ${cursor}`);
      if (rows.length === 0) break;
      total += rows.length;
      await onRows(rows.map((r) => r.j));
      if (rows.length < batch) break;
    }
  } finally {
    await tx.exec(`close ${cursor}`);
  }
  return total;
}

/** Insert rows given as JSON texts (from dumpTable); identity columns keep their values. */
export async function loadRows(tx: RawTransaction, table: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  await tx.query(`insert into ${quote(table)} overriding system value select * from json_populate_recordset(null::${quote(table)}, $1::json)`, [
    `[${lines.join(',')}]`,
  ]);
}

/** Every sequence of the public schema with its position (null: never used). */
export async function readSequences(tx: RawTransaction): Promise<{ name: string; lastValue: string | null }[]> {
  const rows = await tx.query<{ name: string; last_value: string | null }>(
    `select sequencename as name, last_value::text as last_value from pg_sequences where schemaname = 'public' order by 1`,
  );
  return rows.map((r) => ({ name: r.name, lastValue: r.last_value }));
}

/** Put each sequence back where it was (identity columns, serial columns and free sequences alike). */
export async function restoreSequences(tx: RawTransaction, sequences: readonly { name: string; lastValue: string | null }[]): Promise<void> {
  for (const s of sequences) {
    if (s.lastValue === null) await tx.query(`select setval($1::regclass, 1, false)`, [quote(s.name)]);
    else await tx.query(`select setval($1::regclass, $2::bigint, true)`, [quote(s.name), s.lastValue]);
  }
}
