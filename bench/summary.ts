/** The last step of `npm run bench`: every figure the benches recorded (bench/support/results.ts), in one table with its goal. */
import { meets, readResults, RESULTS_FILE } from './support/results.js';

const figures = readResults();
if (figures.length === 0) {
  console.log(`no figures in ${RESULTS_FILE}`);
  process.exit(0);
}
const number = (v: number, unit: string) => {
  const digits = unit === '%' || unit === '×' || Math.abs(v) < 100 ? 1 : 0;
  return v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};
const rows = figures.map((f) => {
  const value = `${number(f.value, f.unit)} ${f.unit}`;
  const range = f.spread ? `${number(f.spread.min, f.unit)}–${number(f.spread.max, f.unit)}` : '';
  const ok = meets(f.value, f.goal);
  return [f.bench, f.name, value, range, f.goal ? `${f.goal} ${f.unit}` : '', ok === undefined ? '' : ok ? 'OK' : 'MISSED', f.at];
});
const head = ['bench', 'figure', 'median', 'spread', 'goal', '', 'measured at'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log(`\nmotcua bench — every figure with its goal (${figures.length} figures)`);
for (const machine of new Set(figures.map((f) => f.machine))) console.log(machine);
console.log(line(head));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const missed = rows.filter((r) => r[5] === 'MISSED').length;
console.log(missed ? `\n${missed} figure(s) missed their goal` : '\nevery figure with a goal meets it');
