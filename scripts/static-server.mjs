// A static file server for dist/, mounted under a sub-path the way a CDN or GitHub Pages
// would host it. Used by scripts/serve.sh and the end-to-end tests; no dependencies.
//
//   node scripts/static-server.mjs DIR [--base /reader/] [--port 8080] [--host 127.0.0.1]

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** Starts serving `dir` under `base`; resolves to the running server and its URL. */
export function serve(dir, { base = "/reader/", port = 0, host = "127.0.0.1" } = {}) {
  const root = resolve(dir);
  if (!base.startsWith("/")) base = "/" + base;
  if (!base.endsWith("/")) base += "/";
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === base.slice(0, -1)) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`Not found: the app is served under ${base}\n`);
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      // hashed assets may be cached for ever; index.html must be revalidated
      const cache = /-[0-9a-f]{16}\./.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
      res.writeHead(200, { "content-type": type, "cache-control": cache, "content-length": body.length });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port } = server.address();
      ok({ server, url: `http://${host}:${port}${base}` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const dir = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--"))) ?? "dist";
  const { url } = await serve(dir, {
    base: opt("--base", "/reader/"),
    port: Number(opt("--port", 8080)),
    host: opt("--host", "127.0.0.1"),
  });
  console.log(`Helmand Reader is served at ${url}  (Ctrl-C stops it)`);
}
