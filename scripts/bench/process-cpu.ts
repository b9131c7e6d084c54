// CPU time of a whole browser, every process of it (browser, GPU, network, audio, renderers, the
// extension's service worker), from Linux's /proc. The main-thread figure counts one thread of
// one process; this says what the rest of the browser pays, e.g. for compositing the banner.
import fs from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every mainstream arch. */
const TICK_MS = 10;

/** User + system CPU time of a process and all its descendants, ms; NaN where there is no /proc. */
export function processTreeCpuMs(root: number | undefined): number {
  if (root === undefined || !fs.existsSync('/proc/self/stat')) return NaN;
  // One pass over /proc: each process's parent and CPU time.
  const children = new Map<number, number[]>();
  const cpuMs = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // After "pid (name) ": the name may hold spaces and parentheses. Then the parent is field 1,
    // utime and stime fields 11 and 12 (14 and 15 of the whole line).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const parent = Number(fields[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(pid);
    cpuMs.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
  }
  let total = 0;
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    total += cpuMs.get(tree[i]!) ?? 0;
    tree.push(...(children.get(tree[i]!) ?? []));
  }
  return total;
}
