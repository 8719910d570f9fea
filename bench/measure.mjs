// Measures Care Assist beside a bare Leptos CSR app built the same way:
// gzip transfer size of wasm, JS and CSS, and time to interactive in
// headless Chromium (median of N loads, cold and warm). Writes
// the Markdown section to OUT. Usage: node bench/measure.mjs APP_DIST BASELINE_DIST OUT
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { execSync } from "node:child_process";
import os from "node:os";

const [appDist, baseDist, outFile] = process.argv.slice(2);
const LOADS = Number(process.env.BENCH_LOADS ?? 10);

// "Interactive": the first control a person would use is in the page with
// its handler attached (Leptos attaches handlers as it creates elements).
// For Care Assist that is the first control of the lock screen (the PIN's
// submit button), shown once the local database is open; unlocking is
// measured on its own below.
const targets = [
  { name: "Care Assist", dist: appDist, ready: "form button[type=submit]" },
  { name: "bare Leptos CSR", dist: baseDist, ready: "button" },
];

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json" };

function serve(dir) {
  return new Promise((resolve) => {
    const server = createServer(async (req, res) => {
      const path = new URL(req.url, "http://x").pathname;
      const file = join(dir, path === "/" || !extname(path) ? "index.html" : path);
      try {
        const body = await readFile(file);
        res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": file.endsWith(".html") ? "no-cache" : "max-age=31536000" });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

async function sizes(dir) {
  const out = { wasm: 0, js: 0, css: 0 };
  for (const f of await readdir(dir)) {
    const kind = { ".wasm": "wasm", ".js": "js", ".css": "css" }[extname(f)];
    if (!kind || f === "sw.js") continue;
    out[kind] += gzipSync(await readFile(join(dir, f)), { level: 9 }).length;
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeToInteractive(page, url, selector) {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector(selector, { state: "attached", timeout: 30_000 });
  // performance.now() counts from navigation start.
  return page.evaluate(() => performance.now());
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

const results = [];
for (const t of targets) {
  const server = await serve(t.dist);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const cold = [];
  for (let i = 0; i < LOADS; i++) {
    const ctx = await browser.newContext(); // empty cache, empty storage
    const page = await ctx.newPage();
    cold.push(await timeToInteractive(page, url, t.ready));
    await ctx.close();
  }
  const warm = [];
  const ctx = await browser.newContext({ serviceWorkers: "block" });
  const page = await ctx.newPage();
  await timeToInteractive(page, url, t.ready); // prime the HTTP cache
  for (let i = 0; i < LOADS; i++) warm.push(await timeToInteractive(page, url, t.ready));
  await ctx.close();
  server.close();
  results.push({ ...t, size: await sizes(t.dist), cold: median(cold), warm: median(warm), coldAll: cold, warmAll: warm });
  console.log(`${t.name}: cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms`);
}
// Unlocking: from pressing Enter on the PIN to the case list's "Start case"
// button. The first unlock of a new device derives the key (PBKDF2, 600 000
// iterations), makes the demo reference data and keeps it sealed in
// IndexedDB; a later unlock derives the key and opens the reference data and
// the search index from IndexedDB.
const PIN = "246810";
const START = "section.new-case button[type=submit]";
async function timeUnlock(page, first) {
  const field = page.locator(first ? "#pin-new" : "#pin");
  await field.waitFor({ timeout: 30_000 });
  await field.fill(PIN);
  if (first) await page.locator("#pin-confirm").fill(PIN);
  const start = await page.evaluate(() => performance.now());
  await field.press("Enter");
  await page.waitForSelector(START, { state: "attached", timeout: 60_000 });
  return (await page.evaluate(() => performance.now())) - start;
}
const unlock = { first: [], later: [] };
{
  const server = await serve(appDist);
  const url = `http://127.0.0.1:${server.address().port}/`;
  for (let i = 0; i < LOADS; i++) {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.goto(url);
    unlock.first.push(await timeUnlock(page, true));
    await page.reload();
    unlock.later.push(await timeUnlock(page, false));
    await ctx.close();
  }
  server.close();
  console.log(`unlock: first ${median(unlock.first).toFixed(0)} ms, later ${median(unlock.later).toFixed(0)} ms`);
}

const chromiumVersion = browser.version();
await browser.close();

const [app, base] = results;
const kb = (n) => (n / 1024).toFixed(1);
const ratio = (a, b) => (a / b).toFixed(2);
const total = (s) => s.wasm + s.js + s.css;
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
let commit = "unknown";
try { commit = execSync("git rev-parse --short HEAD").toString().trim(); } catch {}

const md = `# Benchmark results

Written by \`scripts/bench\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit}, on
${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}.

## The app against a bare Leptos app

Headless Chromium ${chromiumVersion}. Both apps were built in the same run by trunk in release
(\`opt-level="z"\`, LTO, one codegen unit, wasm-opt \`-Oz\`) and served from loopback.

### Transfer size (gzip -9)

| | wasm | JS | CSS | total |
| --- | ---: | ---: | ---: | ---: |
| ${app.name} | ${kb(app.size.wasm)} KiB | ${kb(app.size.js)} KiB | ${kb(app.size.css)} KiB | ${kb(total(app.size))} KiB |
| ${base.name} | ${kb(base.size.wasm)} KiB | ${kb(base.size.js)} KiB | ${kb(base.size.css)} KiB | ${kb(total(base.size))} KiB |
| ratio | ${ratio(app.size.wasm, base.size.wasm)} | ${ratio(app.size.js, base.size.js)} | – | ${ratio(total(app.size), total(base.size))} |

### Time to interactive (median of ${LOADS} loads)

Measured from navigation start to the first control being in the page with its handler
attached: Care Assist's lock screen (its PIN form, which waits for IndexedDB to open), the
bare app's button. Cold: a new browser context each load (empty cache and storage). Warm: the same
context reloaded, HTTP cache primed, service worker blocked.

| | cold | warm |
| --- | ---: | ---: |
| ${app.name} | ${app.cold.toFixed(0)} ms | ${app.warm.toFixed(0)} ms |
| ${base.name} | ${base.cold.toFixed(0)} ms | ${base.warm.toFixed(0)} ms |
| ratio | ${ratio(app.cold, base.cold)} | ${ratio(app.warm, base.warm)} |

Every load, in ms: Care Assist cold ${app.coldAll.map((x) => x.toFixed(0)).join(", ")};
warm ${app.warmAll.map((x) => x.toFixed(0)).join(", ")}. Bare Leptos cold
${base.coldAll.map((x) => x.toFixed(0)).join(", ")}; warm ${base.warmAll.map((x) => x.toFixed(0)).join(", ")}.

The app's first interactive control is its lock screen's: everything personal waits for the
PIN. So the time to the case list after the PIN is measured as well.

### Unlocking (median of ${LOADS} devices)

From pressing Enter on the PIN to the case list's "Start case" button, each time in a new
browser context. The first unlock of a device derives the key (PBKDF2-SHA256, 600 000
iterations), makes the demo reference data (520 customers and a year of their records) and
keeps it sealed in IndexedDB. A later unlock (after a reload) derives the key and opens the
reference data and the search index from IndexedDB.

| | first unlock | later unlock |
| --- | ---: | ---: |
| ${app.name} | ${median(unlock.first).toFixed(0)} ms | ${median(unlock.later).toFixed(0)} ms |

Every unlock, in ms: first ${unlock.first.map((x) => x.toFixed(0)).join(", ")}; later
${unlock.later.map((x) => x.toFixed(0)).join(", ")}.
`;
await writeFile(outFile, md);
console.log(md);
