// Serves a build the way a good static host does: brotli or gzip by
// Accept-Encoding, long caching for hashed files, and index.html for any
// path without a file extension. Used by `make bench` for Lighthouse.
// Usage: node scripts/serve-dist.mjs DIR PORT
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [dir = "dist", port = "8099"] = process.argv.slice(2);
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".webmanifest": "application/manifest+json", ".txt": "text/plain",
};
const cache = new Map();

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
  let file = join(dir, path || "index.html");
  let body;
  try {
    body = await readFile(file);
  } catch {
    if (extname(path)) { res.writeHead(404).end("not found"); return; }
    file = join(dir, "index.html");
    body = await readFile(file);
  }
  const type = types[extname(file)] ?? "application/octet-stream";
  const accepts = req.headers["accept-encoding"] ?? "";
  const headers = {
    "Content-Type": type,
    "Cache-Control": /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
    "Vary": "Accept-Encoding",
  };
  if (!type.startsWith("image/png")) {
    const key = file + (accepts.includes("br") ? ":br" : ":gz");
    if (accepts.includes("br")) {
      body = cache.get(key) ?? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      headers["Content-Encoding"] = "br";
    } else if (accepts.includes("gzip")) {
      body = cache.get(key) ?? gzipSync(body, { level: 9 });
      headers["Content-Encoding"] = "gzip";
    }
    cache.set(key, body);
  }
  res.writeHead(200, headers).end(body);
}).listen(Number(port), "127.0.0.1");
