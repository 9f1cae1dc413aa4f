// The machine's state beside each figure: load average, and the CPU each process used (from /proc, so that
// processes we did not start, like PostgreSQL's backends, count too).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) that process `pid` has used so far, or 0 once it is gone. */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
  } catch {
    return 0;
  }
}

/** Starts measuring: call `report(processes)` at the end, with a map of name to pid list. */
export class Machine {
  constructor(processes) {
    this.start = process.hrtime.bigint();
    this.before = new Map();
    this.processes = processes;
    for (const [, pids] of Object.entries(processes())) for (const pid of pids) this.before.set(pid, cpuSeconds(pid));
    this.selfBefore = process.cpuUsage();
  }

  /** "load 1.2 0.9 0.7; cpu (cores): plenary 0.83, postgres 0.31, ..." over the time since the start. */
  report() {
    const seconds = Number(process.hrtime.bigint() - this.start) / 1e9;
    const parts = [];
    for (const [name, pids] of Object.entries(this.processes())) {
      let used = 0;
      for (const pid of pids) used += cpuSeconds(pid) - (this.before.get(pid) ?? 0);
      parts.push(`${name} ${(used / seconds).toFixed(2)}`);
    }
    const self = process.cpuUsage(this.selfBefore);
    parts.push(`driver ${((self.user + self.system) / 1e6 / seconds).toFixed(2)}`);
    return `load ${loadavg().map(l => l.toFixed(2)).join(' ')}; cores used over ${seconds.toFixed(1)} s: ${parts.join(', ')}`;
  }
}

/** p50 / p99 / max of samples in nanoseconds, as milliseconds. */
export function percentiles(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = q => sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, p50: at(0.5) / 1e6, p90: at(0.9) / 1e6, p99: at(0.99) / 1e6, max: at(1) / 1e6 };
}

export function figure(label, samples) {
  const p = percentiles(samples);
  const ms = v => (v < 10 ? v.toFixed(2) : v.toFixed(1)).padStart(7);
  console.log(`BENCH ${label.padEnd(48)} n=${String(p.n).padStart(6)}  p50 ${ms(p.p50)} ms  p90 ${ms(p.p90)} ms  p99 ${ms(p.p99)} ms  max ${ms(p.max)} ms`);
  return p;
}
