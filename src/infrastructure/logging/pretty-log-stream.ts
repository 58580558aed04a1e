/**
 * Log lines for a person at a terminal: `14:05:09 INFO  message  key=value`, the time in Vietnam, colours when
 * the terminal has them. JSON lines stay the default when the output is not a terminal or in production (a
 * collector reads them); LOG_FORMAT chooses explicitly.
 */
import type { LogDestination } from './log-destination.js';
import { vietnamClock } from '../../domain/calendar/vietnam-time.js';

const LEVELS: Record<number, [name: string, colour: string]> = {
  10: ['TRACE', '\x1b[90m'],
  20: ['DEBUG', '\x1b[90m'],
  30: ['INFO ', '\x1b[32m'],
  40: ['WARN ', '\x1b[33m'],
  50: ['ERROR', '\x1b[31m'],
  60: ['FATAL', '\x1b[41m'],
};
const OMITTED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v']);

const show = (value: unknown): string => {
  if (typeof value === 'string') return /[\s="]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
};

/** One JSON log line as a readable line (the line itself when it is not JSON). */
export function prettyLogLine(line: string, colours: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const [name, colour] = LEVELS[Number(entry.level)] ?? ['LOG  ', ''];
  const paint = (text: string, c: string) => (colours && c ? `${c}${text}\x1b[0m` : text);
  const err = entry.err as { type?: string; message?: string; stack?: string } | undefined;
  const fields = Object.entries(entry)
    .filter(([k]) => !OMITTED.has(k) && k !== 'err')
    .map(([k, v]) => `${paint(k, '\x1b[90m')}=${show(v)}`)
    .join(' ');
  const time = typeof entry.time === 'number' ? vietnamClock(entry.time) : '';
  const head = `${paint(time, '\x1b[90m')} ${paint(name, colour)} ${String(entry.msg ?? '')}${fields ? `  ${fields}` : ''}`;
  return `${head}\n${err?.stack ? `${err.stack.replace(/^/gm, '    ')}\n` : ''}`;
}

/** A log stream that writes readable lines to a terminal, through the batching destination. */
export function prettyLogStream(destination: LogDestination, colours: boolean): { write(line: string): void } {
  return { write: (line) => void destination.write(prettyLogLine(line, colours)) };
}
