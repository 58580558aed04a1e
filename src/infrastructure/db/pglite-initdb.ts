/**
 * A long-running server creates a new PGlite data folder (initdb) in a short-lived child process, not in its own.
 * PGlite's initdb runs a second PGlite and the initdb WebAssembly module beside the one being opened, each with
 * its own WebAssembly memory, and copies the new folder through tar buffers: about 430 MB that is garbage once
 * the database is open, but that V8 frees only at a full collection, which an idle server may run late or not
 * at all (a freshly seeded demo server held 850–890 MB resident in some runs, about 500 MB in others or after a
 * forced GC, the malloc arena keeping some 60 MB of the copies even then). A child process gives all of it back
 * to the system when it exits, for one more PGlite start (about a second) on the first start only; the server
 * then opens the folder as it would any existing one.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs in the child: `node --input-type=module -e SCRIPT <PGlite module URL> <data folder>`. */
const SCRIPT = `
const [moduleUrl, dataDir] = process.argv.slice(1);
const { PGlite } = await import(moduleUrl);
const pglite = await PGlite.create(dataDir);
await pglite.close();
`;

/** Whether `dataDir` already holds a database: PGlite looks for the same file before it runs initdb. */
export function hasPGliteDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** Creates the PGlite database in `dataDir` (a folder on disk) unless one is there. */
export async function initPGliteDataDir(dataDir: string): Promise<void> {
  if (hasPGliteDatabase(dataDir)) return;
  const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', SCRIPT, moduleUrl, dataDir], { maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`PGlite initdb failed in ${dataDir}: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
  if (!hasPGliteDatabase(dataDir)) throw new Error(`PGlite initdb did not create a database in ${dataDir}`);
}
