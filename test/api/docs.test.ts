import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS, DEMO_OFFICIALS } from '../../src/infrastructure/seed/demo-province.js';
import { describeConfig } from '../../src/config/env.js';
import { runCli } from '../../src/cli/main.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README tells the truth about the demo', () => {
  it('opens with the two commands', () => {
    const firstBlock = readme.slice(readme.indexOf('```'), readme.indexOf('```', readme.indexOf('```') + 3));
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('lists every demo official with the password that works', () => {
    for (const o of DEMO_OFFICIALS) expect(readme, o.username).toContain(`\`${o.username}\``);
    for (const password of new Set(DEMO_OFFICIALS.map((o) => o.password))) expect(readme).toContain(password);
  });

  it('lists every demo citizen of the development identity provider', () => {
    for (const c of DEMO_CITIZENS) {
      expect(readme).toContain(`| \`${c.personalId}\` | ${c.fullName} |`);
      expect(readme).toContain(c.password);
    }
  });

  it('every configuration variable has a one-line description', () => {
    for (const v of describeConfig()) expect(v.describe.length, v.name).toBeGreaterThan(10);
  });
});

describe('docs/CONTRACT.md tells the truth about the contract', () => {
  const contract = readFileSync(new URL('../../docs/CONTRACT.md', import.meta.url), 'utf8');

  it('lists every configuration variable with the description the code gives', () => {
    for (const v of describeConfig()) expect(contract, v.name).toContain(`| \`${v.name}\` | ${v.describe} |`);
  });

  it("quotes the command line's usage exactly as `motcua help` prints it", async () => {
    const lines: string[] = [];
    expect(await runCli(['help'], (l) => lines.push(l))).toBe(0);
    expect(contract).toContain(`\`\`\`text\n${lines.join('\n')}\n\`\`\``);
  });

  it('is where the README and ADR 2 point', () => {
    expect(readme).toContain('(docs/CONTRACT.md)');
    expect(readFileSync(new URL('../../docs/adr/0002-http-framework-and-contract.md', import.meta.url), 'utf8')).toContain('docs/CONTRACT.md');
  });
});
