// CPU time of another process as the kernel accounts it, so the load generator's own work never
// counts against the server it measures.
import {readFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';

function clockTicksPerSecond() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
  } catch {
    return 100;
  }
}

const ticksPerSecond = clockTicksPerSecond();

/** User plus system CPU time of `pid` (all its threads) in milliseconds, from /proc/<pid>/stat. */
export function readProcessCpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces and parentheses; the fixed fields follow the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]); // field 14
  const stime = Number(fields[12]); // field 15
  return ((utime + stime) * 1000) / ticksPerSecond;
}

export const cpuClockTicksPerSecond = ticksPerSecond;
