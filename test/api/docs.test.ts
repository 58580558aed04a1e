import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CITIZENS, DEMO_OFFICIALS } from '../../src/infrastructure/seed/demo-province.js';
import { describeConfig } from '../../src/config/env.js';

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
