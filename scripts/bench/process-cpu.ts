// CPU time of a whole browser, every process of it (browser, GPU, network, audio, renderers, the
// extension's service worker), from Linux's /proc. The main-thread figure counts one thread of
// one process; this says what the rest of the browser pays, e.g. for compositing the banner.
import fs from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every mainstream arch. */
const TICK_MS = 10;

function fieldsOf(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (name) ": the name may hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // the process ended meanwhile
  }
}

/** The pid and every descendant of it. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(fieldsOf(Number(entry))?.[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(Number(entry));
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** User + system CPU time of a process and all its descendants, ms; NaN where there is no /proc. */
export function processTreeCpuMs(root: number | undefined): number {
  if (root === undefined || !fs.existsSync('/proc/self/stat')) return NaN;
  let total = 0;
  for (const pid of processTree(root)) {
    const fields = fieldsOf(pid);
    // utime and stime: fields 14 and 15 of /proc/<pid>/stat, 11 and 12 after the name.
    if (fields) total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  }
  return total;
}
