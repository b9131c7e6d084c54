// Fixture servers for the e2e tests.
//
// `startFixtureServer` serves a folder (normally `test/fixtures`) over HTTPS on 127.0.0.1 for ANY
// Host header, so browsers whose DNS is mapped to loopback (Chromium `--host-resolver-rules`,
// Firefox `network.dns.forceResolve`) load `https://meet.google.com/...` from it. Every `.html`
// response gets `<script src="/__harness/driver.js"></script>` injected right after `<head>`.
// `startPlainServer` is a plain-HTTP server for routes only (update manifests, CRX downloads for
// policy force-installs, ...).

import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureTestCertificate } from './cert.ts';

export type RouteHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => void | Promise<void>;

/** Routes are keyed by exact URL pathname (no query string), e.g. `/updates.xml`. */
export type Routes = Record<string, RouteHandler>;

/**
 * Hosts the fixture certificate covers by default. Chromium ignores certificate errors; Firefox
 * checks the chain for real, against the test CA imported into its profile (launchFirefox).
 */
export const DEFAULT_CERT_HOSTS: string[] = [
  'meet.google.com',
  'zoom.us',
  '*.zoom.us',
  'app.zoom.us',
  'teams.microsoft.com',
  'teams.live.com',
  '*.teams.microsoft.com',
  'whereby.com',
  '*.whereby.com',
  'meet.jit.si',
  '*.webex.com',
  'app.slack.com',
  'discord.com',
  'meet.example.org',
  'example.com',
  '*.example.com',
  '*.test',
];

export const DRIVER_PATH = '/__harness/driver.js';
export const DRIVER_TAG = `<script src="${DRIVER_PATH}"></script>`;

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.crx': 'application/x-chrome-extension',
  '.xpi': 'application/x-xpinstall',
};

/** Inserts the driver tag right after `<head ...>`, else after a doctype, else at the start. */
export function injectDriver(html: string, tag: string = DRIVER_TAG): string {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + tag + html.slice(at);
  }
  // Keep a doctype first, or the page would fall into quirks mode.
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) {
    const at = doctype[0].length;
    return html.slice(0, at) + tag + html.slice(at);
  }
  return tag + html;
}

function send(res: http.ServerResponse, status: number, body: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** Resolves a URL pathname under root, or undefined if it escapes root or is malformed. */
function resolveUnder(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return full;
}

async function serveStatic(
  realRoot: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  inject: boolean,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(res, 405, 'Method Not Allowed\n');
    return;
  }
  let file = resolveUnder(realRoot, pathname);
  if (!file) {
    send(res, 404, 'Not Found\n');
    return;
  }
  try {
    let stat = await fs.promises.stat(file);
    if (stat.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = await fs.promises.stat(file);
    }
    if (!stat.isFile()) throw new Error('not a file');
    // Symlinks must not lead out of root either.
    const real = await fs.promises.realpath(file);
    const rel = path.relative(realRoot, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('outside root');
  } catch {
    send(res, 404, 'Not Found\n');
    return;
  }
  const ext = path.extname(file).toLowerCase();
  const type = CONTENT_TYPES[ext] ?? 'application/octet-stream';
  let body = await fs.promises.readFile(file);
  if (inject && (ext === '.html' || ext === '.htm')) {
    body = Buffer.from(injectDriver(body.toString('utf8')), 'utf8');
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': String(body.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function makeHandler(
  root: string | undefined,
  routes: Routes,
  inject: boolean,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const realRoot = root ? fs.realpathSync(root) : undefined;
  return (req, res) => {
    void (async () => {
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
      } catch {
        send(res, 400, 'Bad Request\n');
        return;
      }
      const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      if (route) {
        await route(req, res);
        return;
      }
      if (!realRoot) {
        send(res, 404, 'Not Found\n');
        return;
      }
      await serveStatic(realRoot, req, res, pathname, inject);
    })().catch((err: unknown) => {
      send(res, 500, `Internal Server Error: ${String(err)}\n`);
    });
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closer(server: http.Server): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
}

export type FixtureServerOptions = {
  /** Folder to serve (the repo's `test/fixtures`). */
  root: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Extra routes, by exact pathname; they win over static files. */
  routes?: Routes;
  /** Hosts for the certificate's subjectAltName; DEFAULT_CERT_HOSTS when omitted. */
  hosts?: string[];
  /** Where the test CA and certificate are cached; defaults to `<tmpdir>/callguard-e2e-certs`. */
  certDir?: string;
  /** Inject the driver script into HTML responses (default true). */
  injectDriver?: boolean;
};

export type FixtureServer = {
  port: number;
  /** `https://${host}:${port}` */
  origin(host: string): string;
  /** `origin(host) + pathname` */
  url(host: string, pathname: string): string;
  /** PEM of the test CA that signed the server certificate. */
  caCert: string;
  caFingerprintSha256: string;
  close(): Promise<void>;
};

/** The test CA of each running fixture server, by port: launchFirefox trusts it in its profile. */
const casByPort = new Map<number, { caCert: string; caFingerprintSha256: string }>();

/** The test CA that signed the certificate of the fixture server on `port` (in this process). */
export function fixtureServerCa(port: number): { caCert: string; caFingerprintSha256: string } | undefined {
  return casByPort.get(port);
}

export async function startFixtureServer(opts: FixtureServerOptions): Promise<FixtureServer> {
  const certDir = opts.certDir ?? path.join(os.tmpdir(), 'callguard-e2e-certs');
  const tls = ensureTestCertificate(certDir, opts.hosts ?? DEFAULT_CERT_HOSTS);
  const server = https.createServer(
    { key: tls.key, cert: tls.cert + tls.caCert },
    makeHandler(opts.root, opts.routes ?? {}, opts.injectDriver ?? true),
  );
  const port = await listen(server, opts.port ?? 0);
  const origin = (host: string): string => `https://${host}:${port}`;
  casByPort.set(port, { caCert: tls.caCert, caFingerprintSha256: tls.caFingerprintSha256 });
  const close = closer(server);
  return {
    port,
    origin,
    url: (host, pathname) => origin(host) + (pathname.startsWith('/') ? pathname : `/${pathname}`),
    caCert: tls.caCert,
    caFingerprintSha256: tls.caFingerprintSha256,
    close: () => {
      casByPort.delete(port);
      return close();
    },
  };
}

export type PlainServer = {
  port: number;
  /** `http://${host}:${port}`, host defaults to 127.0.0.1. */
  origin(host?: string): string;
  close(): Promise<void>;
};

/** Plain-HTTP server on 127.0.0.1 for routes only (404 for anything else). */
export async function startPlainServer(
  routes: Routes,
  opts: { port?: number; root?: string } = {},
): Promise<PlainServer> {
  const server = http.createServer(makeHandler(opts.root, routes, false));
  const port = await listen(server, opts.port ?? 0);
  return {
    port,
    origin: (host = '127.0.0.1') => `http://${host}:${port}`,
    close: closer(server),
  };
}
