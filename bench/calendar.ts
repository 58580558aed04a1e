/**
 * Due-date computations per second (working days, no explanation: the path queues and scorecards use)
 * against a bare integer day-loop over a precomputed working-day table, in the same run.
 * Targets (issue 3): ≥ 500 000 computations/s and ≥ 25 % of the baseline.
 */
import os from 'node:os';
import { jdnFromIso, weekdayOfJdn } from '../src/domain/calendar/civil-date.js';
import { defaultHolidays } from '../src/domain/calendar/holidays.js';
import { WorkingCalendar } from '../src/domain/calendar/working-calendar.js';
import { computeDue, DEFAULT_OFFICE_HOURS } from '../src/domain/calendar/working-time.js';
import { record } from './support/results.js';
import { machineLine } from './support/machine.js';

const N = 200_000;
const base = jdnFromIso('2025-01-01');
const end = jdnFromIso('2028-12-31');
// Inputs: acceptance instants spread over 2026, limits of 1–30 working days (typical procedures).
const starts = new Float64Array(N); // local minutes exceed 2^31
const amounts = new Int32Array(N);
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const span = (jdnFromIso('2026-12-31') - jdnFromIso('2026-01-01')) * 1440;
for (let i = 0; i < N; i++) {
  starts[i] = jdnFromIso('2026-01-01') * 1440 + Math.floor(random() * span);
  amounts[i] = 1 + Math.floor(random() * 30);
}

// Baseline: the least a day count can do — step integer days over a flag table.
const offDays = new Set<number>();
for (let y = 2025; y <= 2028; y++) for (const d of defaultHolidays(y)) if (d.kind !== 'makeUpWorkingDay') offDays.add(jdnFromIso(d.date));
const flags = new Uint8Array(end - base + 1);
for (let jd = base; jd <= end; jd++) flags[jd - base] = weekdayOfJdn(jd) < 5 && !offDays.has(jd) ? 1 : 0;
function bare(): number {
  let checksum = 0;
  for (let i = 0; i < N; i++) {
    let d = Math.floor((starts[i] as number) / 1440);
    let n = amounts[i] as number;
    while (n > 0) {
      d++;
      if (flags[d - base] === 1) n--;
    }
    checksum += d;
  }
  return checksum;
}

const calendar = new WorkingCalendar();
function engine(): number {
  let checksum = 0;
  for (let i = 0; i < N; i++)
    checksum += computeDue(calendar, DEFAULT_OFFICE_HOURS, starts[i] as number, amounts[i] as number, 'working_days', { explain: false }).dueAtLocal;
  return checksum;
}

function rate(fn: () => number): number {
  const t0 = process.hrtime.bigint();
  const sink = fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!Number.isFinite(sink)) throw new Error('no result');
  return N / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ROUNDS = 5;
rate(bare);
rate(engine); // warm-up
// Bare and engine rounds alternate, so that a neighbour's load hits both; each round gives its own ratio.
const bareRates: number[] = [];
const engineRates: number[] = [];
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const bareRate = rate(bare);
  const engineRate = rate(engine);
  bareRates.push(bareRate);
  engineRates.push(engineRate);
  ratios.push((engineRate / bareRate) * 100);
}
const b = median(bareRates);
const e = median(engineRates);
const ratio = median(ratios);
const cpus = os.cpus();
console.log(`deadline engine — ${N.toLocaleString('en')} due dates per round, ${ROUNDS} rounds, median`);
console.log(`  machine: ${cpus.length} cores, ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`  bare integer day-loop                 ${Math.round(b).toLocaleString('en').padStart(12)} /s`);
console.log(
  `  computeDue (working days, no text)    ${Math.round(e).toLocaleString('en').padStart(12)} /s  ${e >= 500_000 ? 'OK' : 'BELOW'} (target ≥ 500,000/s)`,
);
console.log(
  `  ratio to bare (per round): median ${ratio.toFixed(1)} %, ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)} % ` +
    `(target ≥ 25 %) ${ratio >= 25 ? 'OK' : 'BELOW TARGET'}`,
);
const machine = machineLine();
record({
  bench: 'calendar',
  name: 'computeDue, due dates per second',
  value: e,
  unit: '/s',
  goal: '≥ 500000',
  at: `${N.toLocaleString('en')} per round`,
  machine,
});
record({
  bench: 'calendar',
  name: 'computeDue, % of the bare day-loop',
  value: ratio,
  spread: { min: Math.min(...ratios), max: Math.max(...ratios) },
  unit: '%',
  goal: '≥ 25',
  at: `${ROUNDS} rounds`,
  machine,
});
