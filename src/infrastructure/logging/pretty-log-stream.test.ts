import { describe, expect, it } from 'vitest';
import { prettyLogLine } from './pretty-log-stream.js';

describe('log lines at a terminal', () => {
  it('show the Vietnam time, the level, the message and the fields; an error with its stack', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 11, 6, 7, 5, 9),
      pid: 1,
      hostname: 'h',
      msg: 'motcua đang chạy tại http://localhost:3000',
      database: 'pglite',
      ms: 812,
    });
    expect(prettyLogLine(line, false)).toBe('14:05:09 INFO  motcua đang chạy tại http://localhost:3000  database=pglite ms=812\n');
    const error = JSON.stringify({
      level: 50,
      time: Date.UTC(2026, 11, 6, 17, 0, 0),
      msg: 'thất bại',
      reqId: 'a b',
      err: { type: 'Error', message: 'x', stack: 'Error: x\n    at f' },
    });
    expect(prettyLogLine(error, false)).toBe('00:00:00 ERROR thất bại  reqId="a b"\n    Error: x\n        at f\n');
    expect(prettyLogLine(line, true)).toContain('\x1b[32mINFO \x1b[0m');
  });

  it('passes a line that is not JSON through', () => {
    expect(prettyLogLine('plain text', false)).toBe('plain text\n');
  });
});
