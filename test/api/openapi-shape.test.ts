/**
 * The public API's shape is locked: the OpenAPI document, stripped of its prose (summaries and descriptions), must
 * match the committed snapshot. Moving schemas between layers (issue 16: src/contract) may change the words, never
 * the shape; a deliberate change of the API updates the snapshot in the same commit (`vitest -u`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const PROSE = new Set(['description', 'summary']);

function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (PROSE.has(key) && typeof (value as Record<string, unknown>)[key] === 'string') continue;
    out[key] = shapeOf((value as Record<string, unknown>)[key]);
  }
  return out;
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('pglite');
});
afterAll(() => app.stop());

it('keeps the OpenAPI document to its committed shape (only descriptions may change)', async () => {
  const res = await app.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = shapeOf(res.json()) as { info?: { version?: string } };
  if (doc.info) delete doc.info.version;
  await expect(`${JSON.stringify(doc, null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/openapi-shape.json');
});
