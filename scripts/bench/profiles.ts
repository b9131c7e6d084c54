// Attributing V8 profiles (CDP Profiler and HeapProfiler) to the extension's own scripts. In a
// Chromium renderer the page's main world, the extension's isolated world and the main-world
// probe share one V8 isolate, so the profiles cover all three; a sample counts as the
// extension's when any frame of its stack runs a chrome-extension:// script of it.

export interface CallFrame {
  functionName: string;
  url: string;
}

interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}
export interface SamplingHeapProfile {
  head: HeapNode;
}

const IDLE = new Set(['(idle)', '(program)']);

export interface CpuShare {
  /** Wall time the profile covers, ms. */
  totalMs: number;
  /** Time the isolate was doing anything (not idle), ms. */
  busyMs: number;
  /** Time with a frame of the extension's isolated content script on the stack, ms. */
  contentScriptMs: number;
  /** Time with a frame of the main-world probe on the stack, ms. */
  probeMs: number;
}

/** How much of a CPU profile's time ran the extension's scripts. */
export function cpuShare(profile: CpuProfile, extensionId: string): CpuShare {
  const origin = `chrome-extension://${extensionId}/`;
  const parent = new Map<number, number>();
  const byId = new Map<number, CpuProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // Per node: which of the extension's scripts are on its stack (memoised up the tree).
  const kind = new Map<number, { cs: boolean; probe: boolean }>();
  const kindOf = (id: number): { cs: boolean; probe: boolean } => {
    const known = kind.get(id);
    if (known) return known;
    const url = byId.get(id)?.callFrame.url ?? '';
    const up = parent.has(id) ? kindOf(parent.get(id)!) : { cs: false, probe: false };
    const result = {
      cs: up.cs || (url.startsWith(origin) && url.includes('/content-scripts/')),
      probe: up.probe || (url.startsWith(origin) && url.endsWith('/rtc-probe.js')),
    };
    kind.set(id, result);
    return result;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  let cs = 0;
  let probe = 0;
  samples.forEach((id, i) => {
    // The time until the next sample is this sample's.
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (IDLE.has(name)) return;
    busy += dt;
    const k = kindOf(id);
    if (k.cs) cs += dt;
    else if (k.probe) probe += dt;
  });
  return { totalMs: (profile.endTime - profile.startTime) / 1000, busyMs: busy, contentScriptMs: cs, probeMs: probe };
}

/**
 * Bytes of live objects in a sampling heap profile that were allocated with the extension's
 * isolated content script on the stack (the probe's separately).
 */
export function heapShare(profile: SamplingHeapProfile, extensionId: string): { contentScript: number; probe: number; total: number } {
  const origin = `chrome-extension://${extensionId}/`;
  let contentScript = 0;
  let probe = 0;
  let total = 0;
  const walk = (node: HeapNode, cs: boolean, pr: boolean) => {
    const url = node.callFrame.url;
    const inCs = cs || (url.startsWith(origin) && url.includes('/content-scripts/'));
    const inProbe = pr || (url.startsWith(origin) && url.endsWith('/rtc-probe.js'));
    total += node.selfSize;
    if (inCs) contentScript += node.selfSize;
    else if (inProbe) probe += node.selfSize;
    for (const child of node.children) walk(child, inCs, inProbe);
  };
  walk(profile.head, false, false);
  return { contentScript, probe, total };
}
