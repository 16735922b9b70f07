import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** Rules of a `_headers` file (as Netlify and Cloudflare Pages read it): a path pattern, then indented headers. */
export function readHeadersFile(text: string): { pattern: RegExp; headers: Record<string, string> }[] {
  const rules: { pattern: RegExp; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/u.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/gu, '\\$&')
        .replace(/\*/gu, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`, 'u'), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (rule && colon > 0) rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** A running static server: its origin, the bytes it has sent, and how to stop it. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Body bytes sent so far, by request path. */
  sent: Map<string, number>;
  /** Stops the server. */
  close: () => Promise<void>;
}

/**
 * Serves a built site from `root` on 127.0.0.1 (a free port), the way a static host does:
 * `/x/` serves `x/index.html`, unknown paths get `404.html` with status 404, and the rules of
 * `root/_headers` (the Content-Security-Policy among them) are sent with every response.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const sent = new Map<string, number>();
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? readHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root + sep) && path !== root) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    let status = 200;
    if (!existsSync(path)) {
      status = 404;
      path = join(root, '404.html');
    }
    const size = existsSync(path) ? statSync(path).size : 0;
    sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + size);
    const headers = Object.assign(
      {},
      ...rules.filter((rule) => rule.pattern.test(url.pathname)).map((rule) => rule.headers),
    ) as Record<string, string>;
    response.writeHead(status, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': size,
      ...headers,
    });
    if (size > 0) createReadStream(path).pipe(response);
    else response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}
