#!/usr/bin/env node
// The baseline of the sync benchmark (`scripts/bench sync`): PouchDB 9 in
// Node, memory adapter, replicating the same 10 000 event documents with the
// same server as tests/bench_sync.rs, in the same run, as the same user
// (basic auth, a member of the team; not the server admin).
//
// For each batch size: pull the team's database into a fresh local memory
// database (`PouchDB.replicate(remote, local, { batch_size })`), then push
// that local database to a fresh, empty database on the server (made by
// bench/sync_setup.mjs, open to the same team). Prints `BENCH\tkey\tvalue`.
//
//   node bench/sync_baseline.mjs URL TEAM USER PASSWORD BATCH:TARGET_DB...
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const PouchDB = require("pouchdb").plugin(require("pouchdb-adapter-memory"));
const pouchVersion = require("pouchdb/package.json").version;

const [server, team, user, password, ...runs] = process.argv.slice(2);
if (!runs.length) {
  console.error("usage: node bench/sync_baseline.mjs URL TEAM USER PASSWORD BATCH:TARGET_DB...");
  process.exit(2);
}
const bench = (key, value) => console.log(`BENCH\t${key}\t${value}`);
const remote = (db) =>
  new PouchDB(`${server.replace(/\/+$/, "")}/${encodeURIComponent(db)}`, {
    auth: { username: user, password },
    skip_setup: true, // the databases exist; a member may not create one
  });

bench("pouchdb_version", pouchVersion);
bench("node_version", process.version);
const source = remote(team);
const events = (await source.info()).doc_count;
bench("pouchdb_source_docs", events);

for (const run of runs) {
  const [batch, target] = run.split(":");
  const batchSize = Number(batch);
  const local = new PouchDB(`bench-local-${batchSize}-${Date.now()}`, { adapter: "memory" });

  let start = performance.now();
  const pulled = await PouchDB.replicate(source, local, { batch_size: batchSize });
  const pullMs = performance.now() - start;
  const localDocs = (await local.info()).doc_count;
  if (pulled.status !== "complete" || localDocs !== events) {
    throw new Error(`the pull took ${localDocs} of ${events} documents (${pulled.status})`);
  }

  const destination = remote(target);
  if ((await destination.info()).doc_count !== 0) throw new Error(`${target} is not empty`);
  start = performance.now();
  const pushed = await PouchDB.replicate(local, destination, { batch_size: batchSize });
  const pushMs = performance.now() - start;
  const remoteDocs = (await destination.info()).doc_count;
  if (pushed.status !== "complete" || remoteDocs !== events) {
    throw new Error(`the push left ${remoteDocs} of ${events} documents on the server (${pushed.status})`);
  }

  const p = `pouchdb_${batchSize}`;
  bench(`${p}_pull_ms`, pullMs.toFixed(0));
  bench(`${p}_pull_per_s`, (events / (pullMs / 1000)).toFixed(0));
  bench(`${p}_pull_written`, pulled.docs_written);
  bench(`${p}_push_ms`, pushMs.toFixed(0));
  bench(`${p}_push_per_s`, (events / (pushMs / 1000)).toFixed(0));
  bench(`${p}_push_written`, pushed.docs_written);
  await local.destroy();
}
