// A STUN/TURN server (Debian's coturn `turnserver`) behind a NAT, built from network namespaces
// the test owns, so a real call gathers server-reflexive and relay candidates on a machine with
// no network:
//
//   root namespace (browser)           cg-nat-<tag>                      cg-turn-<tag>
//   eth0 192.0.2.2 (untouched)
//   cgc<tag> 10.231.0.1/30  ──veth──  cgn<tag> 10.231.0.2/30
//                                     cgo<tag> 203.0.113.7/24  ──veth──  cgs<tag> 203.0.113.200/24
//                                     (masquerade out of cgo)            turnserver :3478 (udp)
//
// The root namespace gets one route, 203.0.113.0/24 via the NAT namespace, so every packet the
// browser sends towards the TURN server, the NAT's outside address or a relay address goes into
// namespaces made here and nowhere else. The browser's UDP sockets are bound to its own interface
// addresses; the NAT rewrites their source to 203.0.113.7, which is what the STUN/TURN server
// reports back: the srflx candidate's address and the relay candidate's related address. Nothing
// is sent to any other address.
//
// Needs root, iproute2 (`ip netns`), nftables (`nft`) and coturn (`turnserver`); .ci/run installs
// the last two. close() stops coturn and deletes both namespaces (which removes the veths and the
// route). Stale namespaces left by a killed test run are removed on the next start.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TurnBehindNat {
  /** The NAT's outside address: what the STUN/TURN server sees as this browser's public address. */
  publicAddress: string;
  /** The STUN/TURN server's address (inside its own namespace). */
  serverAddress: string;
  /** RTCIceServer entries for the page: one STUN, one TURN (UDP) with credentials. */
  iceServers: { urls: string; username?: string; credential?: string }[];
  /** coturn's log so far (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

const PREFIXES = ['cg-nat-', 'cg-turn-'];
const ROOT_SIDE = '10.231.0.1';
const NAT_INSIDE = '10.231.0.2';
const NAT_OUTSIDE = '203.0.113.7';
const SERVER = '203.0.113.200';
const OUTSIDE_NET = '203.0.113.0/24';
const USER = 'callguard';
const PASSWORD = 'callguard-test';

/** Which tools are missing for startTurnBehindNat (empty: it can run). */
export function missingTurnTools(): string[] {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('root');
  for (const tool of ['ip', 'nft', 'turnserver']) {
    if (!whichSync(tool)) missing.push(tool === 'nft' ? 'nft (apt-get install nftables)' : tool === 'turnserver' ? 'turnserver (apt-get install coturn)' : tool);
  }
  return missing;
}

function whichSync(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin', '/usr/bin'])) {
    const file = path.join(dir, tool);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return undefined;
}

function run(cmd: string, args: string[], input?: string): string {
  try {
    return execFileSync(cmd, args, { input, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } }).toString();
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr?.toString().trim() || e.message}`);
  }
}

const inNs = (ns: string, cmd: string, args: string[], input?: string) => run('ip', ['netns', 'exec', ns, cmd, ...args], input);

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Deletes namespaces of earlier runs whose process is gone (a test killed before its finally). */
function removeStaleNamespaces(): void {
  const listed = run('ip', ['netns', 'list']);
  for (const line of listed.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const prefix = PREFIXES.find((p) => name.startsWith(p));
    if (!prefix) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && processAlive(pid)) {
      throw new Error(`namespace ${name} belongs to running process ${pid}: another TURN test is running`);
    }
    deleteNamespace(name);
  }
}

function deleteNamespace(ns: string): void {
  // Kill whatever still runs inside (coturn), then delete: that removes its veths and our route.
  try {
    const pids = run('ip', ['netns', 'pids', ns]).split(/\s+/).filter(Boolean).map(Number);
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  } catch {
    // namespace already gone
  }
  try {
    run('ip', ['netns', 'delete', ns]);
  } catch {
    // already gone
  }
}

/**
 * Builds the topology above and starts coturn in it. Call close() in a finally: it stops coturn
 * and removes everything it made.
 */
export async function startTurnBehindNat(opts: { timeoutMs?: number } = {}): Promise<TurnBehindNat> {
  const missing = missingTurnTools();
  if (missing.length > 0) throw new Error(`cannot build the TURN topology, missing: ${missing.join(', ')}`);
  removeStaleNamespaces();

  const tag = String(process.pid);
  const natNs = `cg-nat-${tag}`;
  const turnNs = `cg-turn-${tag}`;
  const short = tag.slice(-8);
  const [rootIf, natIn, natOut, turnIf] = ['cgc', 'cgn', 'cgo', 'cgs'].map((p) => `${p}${short}`) as [string, string, string, string];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-turn-'));
  let turn: ChildProcess | undefined;
  let log = '';

  const close = async () => {
    if (turn && turn.exitCode === null) {
      const exited = new Promise<void>((resolve) => turn!.once('exit', () => resolve()));
      turn.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    }
    deleteNamespace(turnNs);
    deleteNamespace(natNs);
    // The veth's root end goes with its peer; make sure, in case the namespaces were half built.
    try {
      run('ip', ['link', 'delete', rootIf]);
    } catch {
      // gone with the namespace
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  };

  try {
    run('ip', ['netns', 'add', natNs]);
    run('ip', ['netns', 'add', turnNs]);
    // root <-> NAT
    run('ip', ['link', 'add', rootIf, 'type', 'veth', 'peer', 'name', natIn]);
    run('ip', ['link', 'set', natIn, 'netns', natNs]);
    // No IPv6 on the browser's side of the link: a link-local address appearing a moment later
    // (after duplicate address detection) would make Chromium abort loads with
    // ERR_NETWORK_CHANGED. The browser is started after this, on a network that stays put.
    run('ip', ['link', 'set', 'dev', rootIf, 'addrgenmode', 'none']);
    run('ip', ['addr', 'add', `${ROOT_SIDE}/30`, 'dev', rootIf]);
    run('ip', ['link', 'set', rootIf, 'up']);
    inNs(natNs, 'ip', ['addr', 'add', `${NAT_INSIDE}/30`, 'dev', natIn]);
    inNs(natNs, 'ip', ['link', 'set', natIn, 'up']);
    inNs(natNs, 'ip', ['link', 'set', 'lo', 'up']);
    // NAT <-> TURN
    inNs(natNs, 'ip', ['link', 'add', natOut, 'type', 'veth', 'peer', 'name', turnIf]);
    inNs(natNs, 'ip', ['link', 'set', turnIf, 'netns', turnNs]);
    inNs(natNs, 'ip', ['addr', 'add', `${NAT_OUTSIDE}/24`, 'dev', natOut]);
    inNs(natNs, 'ip', ['link', 'set', natOut, 'up']);
    inNs(turnNs, 'ip', ['addr', 'add', `${SERVER}/24`, 'dev', turnIf]);
    inNs(turnNs, 'ip', ['link', 'set', turnIf, 'up']);
    inNs(turnNs, 'ip', ['link', 'set', 'lo', 'up']);
    // Routing: the NAT forwards, and sends de-NATed replies back to the root namespace.
    inNs(natNs, 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']);
    inNs(natNs, 'ip', ['route', 'add', 'default', 'via', ROOT_SIDE]);
    inNs(
      natNs,
      'nft',
      ['-f', '-'],
      `table ip callguard_nat {
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "${natOut}" masquerade
  }
}
`,
    );
    run('ip', ['route', 'add', OUTSIDE_NET, 'via', NAT_INSIDE, 'dev', rootIf]);

    turn = spawn(
      'ip',
      [
        'netns', 'exec', turnNs, 'turnserver',
        '-n', '--no-cli', '--no-tls', '--no-dtls',
        `--listening-ip=${SERVER}`, `--relay-ip=${SERVER}`, '--listening-port=3478',
        '--min-port=49152', '--max-port=49252',
        '--lt-cred-mech', `--user=${USER}:${PASSWORD}`, '--realm=callguard.test',
        '--log-file=stdout', '--simple-log', '--verbose',
        `--pidfile=${path.join(workDir, 'turnserver.pid')}`,
        `--userdb=${path.join(workDir, 'turndb')}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } },
    );
    turn.stdout!.on('data', (d) => (log += d));
    turn.stderr!.on('data', (d) => (log += d));
    const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
    while (!/UDP listener opened on\s*:?\s*203\.0\.113\.200:3478/i.test(log)) {
      if (turn.exitCode !== null) throw new Error(`turnserver exited (${turn.exitCode}):\n${log}`);
      if (Date.now() > deadline) throw new Error(`turnserver did not open its UDP listener:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // The path works end to end (links up, NAT in place) before any browser relies on it.
    const mapped = await stunBinding(SERVER, 3478, Math.max(1000, deadline - Date.now()));
    if (mapped !== NAT_OUTSIDE) throw new Error(`the STUN server saw ${mapped}, not the NAT's address ${NAT_OUTSIDE}`);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    publicAddress: NAT_OUTSIDE,
    serverAddress: SERVER,
    iceServers: [
      { urls: `stun:${SERVER}:3478` },
      { urls: `turn:${SERVER}:3478?transport=udp`, username: USER, credential: PASSWORD },
    ],
    log: () => log,
    close,
  };
}

/**
 * One STUN Binding request (RFC 5389) from this namespace, retried until answered: the
 * XOR-MAPPED-ADDRESS the server saw (IPv4).
 */
export function stunBinding(host: string, port: number, timeoutMs: number): Promise<string> {
  const socket = dgram.createSocket('udp4');
  const transaction = randomBytes(12);
  const request = Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]), transaction]);
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no STUN answer from ${host}:${port} in ${timeoutMs} ms`)), timeoutMs);
    const resend = setInterval(() => socket.send(request, port, host), 200);
    const finish = (result: string | Error) => {
      clearTimeout(timer);
      clearInterval(resend);
      socket.close();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    socket.on('error', (error) => finish(error));
    socket.on('message', (message) => {
      if (message.length < 20 || message.readUInt16BE(0) !== 0x0101 || !message.subarray(8, 20).equals(transaction)) return;
      for (let at = 20; at + 4 <= message.length; ) {
        const type = message.readUInt16BE(at);
        const length = message.readUInt16BE(at + 2);
        if (type === 0x0020 && length >= 8 && message[at + 5] === 0x01) {
          const xored = message.readUInt32BE(at + 8) ^ 0x2112a442;
          finish([xored >>> 24, (xored >>> 16) & 255, (xored >>> 8) & 255, xored & 255].join('.'));
          return;
        }
        at += 4 + Math.ceil(length / 4) * 4;
      }
    });
    socket.send(request, port, host);
  });
}
