// Proves the e2e harness itself works, without any extension: the HTTPS fixture server (any Host,
// driver injection, content types, 404, no traversal), Chromium and Firefox reaching it under a
// real call-site hostname, and a loopback WebRTC call with a fake camera in both browsers.
//
// Run: node --test test/e2e/harness.test.ts

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import tls from 'node:tls';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startFixtureServer, startPlainServer } from './support/server.ts';
import type { FixtureServer } from './support/server.ts';
import { launchChromium, launchFirefox, waitFor } from './support/browsers.ts';

const PAGE_HTML = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>harness page</title>
</head>
<body>
<p>harness page</p>
<script>
window.loopbackCall = async function loopbackCall(timeoutMs) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  try {
    a.onicecandidate = (e) => { if (e.candidate) b.addIceCandidate(e.candidate).catch(() => {}); };
    b.onicecandidate = (e) => { if (e.candidate) a.addIceCandidate(e.candidate).catch(() => {}); };
    for (const track of stream.getTracks()) a.addTrack(track, stream);
    const offer = await a.createOffer();
    await a.setLocalDescription(offer);
    await b.setRemoteDescription(offer);
    const answer = await b.createAnswer();
    await b.setLocalDescription(answer);
    await a.setRemoteDescription(answer);
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('not connected in time: ' + a.connectionState + '/' + b.connectionState)),
        timeoutMs,
      );
      const check = () => {
        if (a.connectionState === 'connected' && b.connectionState === 'connected') {
          clearTimeout(timer);
          resolve();
        } else if (a.connectionState === 'failed' || b.connectionState === 'failed') {
          clearTimeout(timer);
          reject(new Error('connection failed'));
        }
      };
      a.onconnectionstatechange = check;
      b.onconnectionstatechange = check;
      check();
    });
    const stats = await a.getStats();
    const types = new Set();
    let pair = null;
    stats.forEach((r) => {
      types.add(r.type);
      if (r.type === 'candidate-pair' && (pair === null || r.nominated || r.state === 'succeeded')) {
        pair = { state: r.state, nominated: !!r.nominated };
      }
    });
    return {
      connectionState: a.connectionState,
      tracks: stream.getTracks().map((t) => t.kind).sort(),
      statTypes: [...types].sort(),
      pair,
    };
  } finally {
    a.close();
    b.close();
    for (const track of stream.getTracks()) track.stop();
  }
};
</script>
</body>
</html>
`;

function makeRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'callguard-harness-root-'));
  fs.mkdirSync(path.join(root, 'x'));
  fs.mkdirSync(path.join(root, '__harness'));
  fs.writeFileSync(path.join(root, 'x', 'page.html'), PAGE_HTML);
  fs.writeFileSync(path.join(root, 'x', 'nohead.html'), '<p>no head</p>');
  fs.writeFileSync(path.join(root, 'x', 'data.json'), '{"ok":true}');
  fs.writeFileSync(path.join(root, 'x', 'style.css'), 'p{color:red}');
  fs.writeFileSync(path.join(root, 'x', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(root, '__harness', 'driver.js'), 'window.__driverLoaded = true;\n');
  return root;
}

type Fetched = { status: number; type: string | undefined; body: string };

function get(server: FixtureServer, rawPath: string, host = 'meet.google.com'): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: rawPath,
        servername: host,
        headers: { host },
        ca: server.caCert,
        // The certificate must chain to the test CA and name `host` (wildcards included).
        checkServerIdentity: (_h, cert) => tls.checkServerIdentity(host, cert),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function checkPage(page: Page, expectedHost: string): Promise<void> {
  const info = await page.evaluate(() => ({
    hostname: location.hostname,
    protocol: location.protocol,
    driver: (window as unknown as { __driverLoaded?: boolean }).__driverLoaded === true,
    firstHeadChild: document.head.firstElementChild?.getAttribute('src') ?? null,
  }));
  assert.equal(info.hostname, expectedHost);
  assert.equal(info.protocol, 'https:');
  assert.equal(info.driver, true, 'driver.js should have run');
  assert.equal(info.firstHeadChild, '/__harness/driver.js');

  const call = await page.evaluate(
    () =>
      (
        window as unknown as { loopbackCall(ms: number): Promise<Record<string, unknown>> }
      ).loopbackCall(10_000),
  );
  assert.equal(call.connectionState, 'connected');
  assert.deepEqual(call.tracks, ['audio', 'video']);
  assert.ok(
    (call.statTypes as string[]).includes('candidate-pair'),
    `getStats should have a candidate-pair report, got ${JSON.stringify(call.statTypes)}`,
  );
  assert.ok(call.pair, 'a candidate pair was found');
}

test('fixture server: any host, driver injection, content types, 404, no traversal', async () => {
  const root = makeRoot();
  const secret = `${root}-secret.txt`;
  fs.writeFileSync(secret, 'secret');
  const server = await startFixtureServer({
    root,
    routes: {
      '/updates.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end('<gupdate/>');
      },
    },
  });
  const plain = await startPlainServer({
    '/hello': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hi');
    },
  });
  try {
    assert.equal(server.origin('meet.google.com'), `https://meet.google.com:${server.port}`);
    assert.match(server.caFingerprintSha256, /^[0-9a-f]{64}$/);

    const page = await get(server, '/x/page.html');
    assert.equal(page.status, 200);
    assert.equal(page.type, 'text/html; charset=utf-8');
    assert.match(page.body, /<head><script src="\/__harness\/driver\.js"><\/script>\n<meta/);

    const zoom = await get(server, '/x/page.html', 'us02web.zoom.us');
    assert.equal(zoom.status, 200);

    const nohead = await get(server, '/x/nohead.html');
    assert.equal(nohead.body, '<script src="/__harness/driver.js"></script><p>no head</p>');

    const expectTypes: Record<string, string> = {
      '/__harness/driver.js': 'text/javascript; charset=utf-8',
      '/x/data.json': 'application/json; charset=utf-8',
      '/x/style.css': 'text/css; charset=utf-8',
      '/x/icon.svg': 'image/svg+xml',
      '/updates.xml': 'application/xml',
    };
    for (const [p, type] of Object.entries(expectTypes)) {
      const r = await get(server, p);
      assert.equal(r.status, 200, p);
      assert.equal(r.type, type, p);
    }

    assert.equal((await get(server, '/x/missing.html')).status, 404);
    const base = path.basename(secret);
    for (const p of [
      `/../${base}`,
      `/%2e%2e/${base}`,
      `/x/..%2f..%2f${base}`,
      `/x/%2e%2e%2f%2e%2e%2f${base}`,
      `/..%5c${base}`,
    ]) {
      const r = await get(server, p);
      assert.notEqual(r.status, 200, p);
      assert.ok(!r.body.includes('secret'), p);
    }

    const hello = await fetch(`${plain.origin()}/hello`);
    assert.equal(await hello.text(), 'hi');
    assert.equal((await fetch(`${plain.origin()}/nope`)).status, 404);
  } finally {
    await server.close();
    await plain.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(secret, { force: true });
  }
});

test('Chromium: mapped meet.google.com page, driver, loopback WebRTC call', { timeout: 60_000 }, async () => {
  const root = makeRoot();
  const server = await startFixtureServer({ root });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium({ hosts: ['meet.google.com', '*.zoom.us'], port: server.port });
    const page = await browser.newPage();
    // Port 443 is remapped to the fixture server by --host-resolver-rules.
    const res = await page.goto('https://meet.google.com/x/page.html', { waitUntil: 'load' });
    assert.equal(res?.status(), 200);
    await checkPage(page, 'meet.google.com');

    // Wildcard mapping
    const zoom = await page.goto('https://us02web.zoom.us/x/page.html', { waitUntil: 'load' });
    assert.equal(zoom?.status(), 200);
    assert.equal(await page.evaluate(() => location.hostname), 'us02web.zoom.us');
    await waitFor(() => page.evaluate(() => (window as unknown as { __driverLoaded?: boolean }).__driverLoaded), {
      timeoutMs: 5_000,
      what: 'driver on zoom page',
    });
  } finally {
    await browser?.close();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('Firefox: mapped meet.google.com page, driver, loopback WebRTC call', { timeout: 60_000 }, async () => {
  const root = makeRoot();
  const server = await startFixtureServer({ root });
  let browser: Browser | undefined;
  try {
    ({ browser } = await launchFirefox({ port: server.port }));
    const page = await browser.newPage();
    // network.dns.forceResolve maps every host to 127.0.0.1, so the port stays in the URL.
    const res = await page.goto(`${server.origin('meet.google.com')}/x/page.html`, { waitUntil: 'load' });
    assert.equal(res?.status(), 200);
    await checkPage(page, 'meet.google.com');
  } finally {
    await browser?.close();
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('waitFor reports what it waited for and the last value', async () => {
  let n = 0;
  assert.equal(await waitFor(async () => (++n >= 3 ? 'done' : false), { intervalMs: 5 }), 'done');
  await assert.rejects(
    waitFor(async () => null, { timeoutMs: 50, intervalMs: 10, what: 'the thing' }),
    /Timed out after 50 ms waiting for the thing; last value: null/,
  );
  await assert.rejects(
    waitFor(async () => { throw new Error('boom'); }, { timeoutMs: 30, intervalMs: 10, what: 'x' }),
    /waiting for x; last error: Error: boom/,
  );
});
