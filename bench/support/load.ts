/** Drive one load job in its own process (bench/dossier-load.ts through tsx, autocannon); the job goes in a file (ids are many). */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadFigures, LoadJob } from '../dossier-load.js';

const LOAD = join(dirname(fileURLToPath(import.meta.url)), '..', 'dossier-load.ts');
const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
let jobs = 0;

export type { LoadFigures, LoadJob };

export function drive(job: LoadJob): Promise<LoadFigures> {
  const file = join(dir, `job-${++jobs}.json`);
  writeFileSync(file, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', LOAD, file], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as LoadFigures);
    });
  });
}

export const showLoad = (f: LoadFigures) =>
  `${Math.round(f.rps).toLocaleString('en').padStart(7)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms${f.errors + f.non2xx ? `  ${f.errors} errors, ${f.non2xx} non-2xx` : ''}`;
