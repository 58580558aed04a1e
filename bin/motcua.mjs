#!/usr/bin/env node
// The operator CLI. Builds dist/ first when it is missing or stale (e.g. right after a fresh clone).
import { ensureBuilt } from '../scripts/ensure-built.mjs';

await ensureBuilt({ quiet: true });
await import('../dist/cli.js');
