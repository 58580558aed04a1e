// Builds dist/ (server bundle and web app) when it is missing or older than the sources,
// so that `npm start` and `npx motcua` work right after `npm install` and stay fast afterwards.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export async function ensureBuilt({ quiet = false } = {}) {
  const outputs = ['dist/main.js', 'dist/cli.js', 'dist/web/index.html'].map((p) => join(root, p));
  const inputs = ['src', 'package.json', 'vite.config.ts', 'tsup.config.ts'].map((p) => join(root, p)).filter(existsSync);
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
  if (built > 0 && Math.max(...inputs.map(newestMtime)) <= built) return;
  if (!quiet) console.error('motcua: building dist/ (first run or sources changed)…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureBuilt();
