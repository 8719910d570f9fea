// A static server for the built app (dist/), as a host would serve it:
// right MIME types (application/wasm), and index.html for any app route
// so a reload on /cases/… works. Usage: node tests/e2e/serve.mjs DIR PORT
// (used by the tests, the screenshots and the benchmark; never in production)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 4173);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

async function file(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? path : null;
  } catch {
    return null;
  }
}

// Tests stand in for a deployment: POST /__deploy makes the next /sw.js a
// new version (a different last line), as a new build would.
let deployed = 0;

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "POST" && url.pathname === "/__deploy") {
    deployed += 1;
    res.writeHead(204).end();
    return;
  }
  const wanted = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  let path = await file(join(root, wanted));
  if (!path && !extname(wanted)) path = join(root, "index.html");
  if (!path) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  let body = await readFile(path);
  if (deployed && path.endsWith("sw.js")) body = Buffer.concat([body, Buffer.from(`\n// deployment ${deployed}\n`)]);
  res.writeHead(200, {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "cache-control": path.endsWith("index.html") || path.endsWith("sw.js") ? "no-cache" : "public, max-age=31536000, immutable",
  });
  res.end(body);
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
