// Trunk post-build hook: stamps the service worker in the staging dir with
// a version (a hash of every file it serves) and the list of files to
// precache. A new build is thus a new worker, which the app offers to apply
// ("update available") instead of switching under a running case.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("stamp-sw: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const files = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name !== "sw.js")
  .map((e) => e.name)
  .sort();
const hash = createHash("sha256");
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest("hex").slice(0, 12);
const path = join(dir, "sw.js");
const source = readFileSync(path, "utf8");
const stamped = source
  .replace(/const VERSION = "dev";/, `const VERSION = "${version}";`)
  .replace(/const ASSETS = \[\];/, `const ASSETS = ${JSON.stringify(files.map((f) => `/${f}`))};`);
if (stamped === source) {
  console.error("stamp-sw: sw.js has no VERSION/ASSETS placeholders");
  process.exit(1);
}
writeFileSync(path, stamped);
console.log(`stamp-sw: version ${version}, ${files.length} files`);
