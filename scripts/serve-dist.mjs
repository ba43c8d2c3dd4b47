// Serves a build the way a good static host does: brotli or gzip by
// Accept-Encoding, long caching for hashed files, `/a/b` from `a/b.html`
// when that page was prerendered, and the empty shell (`404.html`) for any
// other path without a file extension. Used by `make bench` for Lighthouse
// and by scripts/prerender.mjs.
// Usage: node scripts/serve-dist.mjs DIR PORT
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".webmanifest": "application/manifest+json", ".txt": "text/plain",
};

/// The files to try for a request path, best first.
function candidates(path) {
  if (!path) return ["index.html"];
  if (extname(path)) return [path];
  return [path, `${path}.html`, "404.html"];
}

async function firstReadable(dir, names) {
  for (const name of names) {
    try {
      return { file: join(dir, name), body: await readFile(join(dir, name)) };
    } catch {
      // A directory or a missing file: try the next.
    }
  }
  return null;
}

/// Starts serving `dir` on `port` (0 picks one) and resolves to the server.
/// `replace` maps paths to the text served instead of their file.
export function serve(dir, port, { replace = {} } = {}) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    const found = Object.hasOwn(replace, path)
      ? { file: join(dir, path), body: Buffer.from(replace[path]) }
      : await firstReadable(dir, candidates(path));
    if (!found) { res.writeHead(404).end("not found"); return; }
    let { file, body } = found;
    const type = types[extname(file)] ?? "application/octet-stream";
    const accepts = req.headers["accept-encoding"] ?? "";
    const headers = {
      "Content-Type": type,
      "Cache-Control": /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
      "Vary": "Accept-Encoding",
    };
    const encoding = type.startsWith("image/png") ? null
      : accepts.includes("br") ? "br" : accepts.includes("gzip") ? "gzip" : null;
    if (encoding) {
      const key = `${file}:${encoding}`;
      if (!cache.has(key)) {
        cache.set(key, encoding === "br"
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(body, { level: 9 }));
      }
      body = cache.get(key);
      headers["Content-Encoding"] = encoding;
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(port), "127.0.0.1", () => resolve(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = "dist", port = "8099"] = process.argv.slice(2);
  await serve(dir, port);
}
