import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import Fastify from 'fastify';
import { assertGuarded } from '../../src/http/plugins/auth.js';

// The first lint builds the TypeScript program of the whole project: on a busy machine that takes a while.
describe('architecture rules are enforced by tooling', { timeout: 120_000 }, () => {
  const eslint = new ESLint();
  const root = fileURLToPath(new URL('../../', import.meta.url));
  // Probe files are linted from memory, as if they were at their path (eslint.config.js lets the type-aware
  // parser take them outside the project): nothing is written into src/.
  const lint = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: root + filePath });
    const fatal = result?.messages.find((m) => m.fatal);
    if (fatal) throw new Error(fatal.message);
    return result?.messages.map((m) => m.ruleId) ?? [];
  };
  /** The lines a rule flags (one import may match several of a rule's groups). */
  const flaggedLines = async (filePath: string, code: string, ruleId: string) => {
    const [result] = await eslint.lintText(code, { filePath: root + filePath });
    return [...new Set(result?.messages.filter((m) => m.ruleId === ruleId).map((m) => m.line))].sort((a, b) => a - b);
  };

  it('lint forbids the domain from importing infrastructure, HTTP, React or reading process.env', async () => {
    const rules = await lint(
      'src/domain/units/zz-architecture-probe.ts',
      [
        "import { openDatabase } from '../../infrastructure/db/database.js';",
        "import Fastify from 'fastify';",
        "import { useState } from 'react';",
        'export const x = [openDatabase, Fastify, useState, process.env.X];',
      ].join('\n'),
    );
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(3);
    expect(rules).toContain('no-restricted-properties');
  });

  it('lint forbids the web app from importing server code', async () => {
    const rules = await lint('src/web/shared/zz-architecture-probe.ts', "import { loadConfig } from '../../config/env.js';\nexport const y = loadConfig;\n");
    expect(rules).toContain('no-restricted-imports');
  });

  it('lint forbids routes from querying the database, drawing documents or reaching any adapter: they call use cases', async () => {
    const probe = [
      "import { sql } from 'kysely';",
      "import { openDatabase } from '../../infrastructure/db/database.js';",
      "import { renderOfficialDocument } from '../../infrastructure/pdf/official-document.js';",
      "import { createConfiguredMailer } from '../../infrastructure/mail/configured-mailer.js';",
      'export const z = (ctx: { deps: { db: unknown } }) => [sql, openDatabase, renderOfficialDocument, createConfiguredMailer, ctx.deps.db];',
    ].join('\n');
    expect(await flaggedLines('src/http/routes/zz-architecture-probe.ts', probe, 'no-restricted-imports')).toEqual([1, 2, 3, 4]);
    expect(await flaggedLines('src/http/routes/zz-architecture-probe.ts', probe, 'no-restricted-syntax')).toEqual([5]);
  });

  it('lint forbids the web app from restating a wire shape: its API client is typed from src/contract, type-only', async () => {
    const probe = [
      "import type { Unit } from '../../../../contract/unit.js';",
      "import { UnitList } from '../../../../contract/unit.js';",
      'export interface Official { id: string; name: string }',
      'export const listUnits = (): Promise<{ units: Unit[] }> => Promise.resolve({ units: [] });',
      'export const schema = UnitList;',
    ].join('\n');
    const path = 'src/web/features/units/api/zz-architecture-probe.ts';
    expect(await flaggedLines(path, probe, 'no-restricted-syntax')).toEqual([3, 4]);
    expect(await flaggedLines(path, probe, '@typescript-eslint/no-restricted-imports')).toEqual([2]);
  });

  it('a route under /api without an access guard stops the server from starting', async () => {
    const app = Fastify();
    app.addHook('onRoute', assertGuarded);
    expect(() => app.get('/api/v1/unguarded', async () => ({}))).toThrow(/declares no config.access guard/);
    expect(() => app.get('/api/v1/guarded', { config: { access: 'public' } }, async () => ({}))).not.toThrow();
  });
});
