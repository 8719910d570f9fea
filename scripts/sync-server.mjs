#!/usr/bin/env node
// A CouchDB-protocol server for development and tests: express-pouchdb 4.2
// (the engine of pouchdb-server) embedded in a small Express app, storing
// its databases with LevelDB on disk (or in memory with --in-memory).
// Apache CouchDB cannot be installed on this project's machines; this
// speaks the same HTTP protocol for what the app's sync uses. Known
// differences from CouchDB 3: a long-poll `_changes` ignores `timeout`
// (it answers at the first change; a newline every 6 s keeps it open),
// `update_seq` and `last_seq` are numbers, and a new database is public
// until its `_security` is set (scripts/sync-admin sets it).
//
// Usage: node scripts/sync-server.mjs [--port 5984] [--host 127.0.0.1]
//          [--dir PATH | --in-memory] [--admin NAME:PASSWORD]
//          [--cors-origins "http://a,http://b"]
//
// Everything the server writes goes into the data directory (--dir, or a
// fresh temporary one): the databases (db/), express-pouchdb's config
// (config.json, which keeps the hashed admin password and the session
// secret, so cookies survive a restart) and its log (log.txt). Prints
// "sync-server: listening on http://HOST:PORT" once it answers requests;
// SIGTERM or SIGINT stop it cleanly.
//
// Three defects of express-pouchdb 4.2 on Node 20 are worked around below
// ("Workaround 1" to "3"), and one hole in its access control is closed
// ("Fix 4"). `--without-workarounds 1,2,3,4` turns them off, only so that
// tests can show each defect is real and each fix needed.

import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
// express-pouchdb's own dependencies, resolved from where it is installed.
const requireFromCouch = createRequire(require.resolve("express-pouchdb"));

const USAGE = `usage: node scripts/sync-server.mjs [options]
  --port N                 port to listen on (default 5984)
  --host HOST              address to listen on (default 127.0.0.1)
  --dir PATH               data directory (default: a fresh temporary one)
  --in-memory              keep databases in memory (config and log still go to the data directory)
  --admin NAME:PASSWORD    the server admin (default admin:admin-demo)
  --cors-origins LIST      comma-separated origins allowed by CORS (default: any origin)
  --without-workarounds L  tests only: turn off workarounds (comma-separated, of 1,2,3,4)`;

function fail(message) {
  console.error(`sync-server: ${message}`);
  process.exit(2);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: "string", default: "5984" },
      host: { type: "string", default: "127.0.0.1" },
      dir: { type: "string" },
      "in-memory": { type: "boolean", default: false },
      admin: { type: "string", default: "admin:admin-demo" },
      "cors-origins": { type: "string" },
      "without-workarounds": { type: "string", default: "" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }));
} catch (e) {
  fail(`${e.message}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${args.port} is not a port number`);
const colon = args.admin.indexOf(":");
if (colon < 1 || colon === args.admin.length - 1) fail("--admin must be NAME:PASSWORD");
const adminName = args.admin.slice(0, colon);
const adminPassword = args.admin.slice(colon + 1);
const corsOrigins = args["cors-origins"]
  ? args["cors-origins"].split(",").map((o) => o.trim().replace(/\/$/, "")).filter(Boolean)
  : null; // null: echo any origin
const unfixed = new Set(args["without-workarounds"].split(",").map((s) => s.trim()).filter(Boolean));
for (const n of unfixed) if (!["1", "2", "3", "4"].includes(n)) fail(`--without-workarounds: unknown workaround ${n}`);

const dir = resolve(args.dir ?? mkdtempSync(join(tmpdir(), "care-sync-server-")));
const dbDir = join(dir, "db");
mkdirSync(args["in-memory"] ? dir : dbDir, { recursive: true });

// ---------------------------------------------------------------------------
// Workaround 2: after a database delete fails (e.g. an anonymous DELETE /db,
// refused with 401), every later request that must open a database not
// yet open hangs (or, without workaround 1, kills the process on Node 20).
// express-pouchdb serialises opening and deleting databases on one promise
// chain (lib/create-or-delete-dbs.js, `promiseChain = promiseChain.then(fun)`);
// once a step rejects (e.g. an anonymous DELETE /db refused with 401), the
// chain stays rejected, no later step ever runs, and the caller in
// lib/utils.js has no rejection handler, so the request is never answered.
// Fix: replace the module's two exports, before express-pouchdb's own
// modules read them, with the same logic on a chain that recovers after a
// failure (each caller still sees its own step's error).
if (!unfixed.has("2")) {
  const queue = require("express-pouchdb/lib/create-or-delete-dbs.js");
  const PouchMap = requireFromCouch("pouchdb-collections").Map;
  let chain = Promise.resolve();
  const sequentially = (fun) => {
    const step = chain.then(fun);
    chain = step.catch(() => {}); // the next step runs whatever this one did
    return step;
  };
  queue.getOrCreateDB = (PouchDB, dbName) =>
    sequentially(() => {
      const map = (PouchDB.__dbCacheMap ??= new PouchMap());
      let db = map.get(dbName);
      if (!db) {
        db = new PouchDB(dbName);
        map.set(dbName, db);
      }
      return db;
    });
  queue.deleteDB = (PouchDB, dbName, opts) =>
    sequentially(() => {
      const db = PouchDB.__dbCacheMap?.get(dbName);
      if (!db) return PouchDB.destroy(dbName, opts);
      // Unlike the original, keep the cached instance if the delete is
      // refused, so the database is not left half-forgotten.
      return db.destroy(opts).then((r) => {
        PouchDB.__dbCacheMap.delete(dbName);
        return r;
      });
    });
}

// ---------------------------------------------------------------------------
// Workaround 1: some auth error paths leave a promise rejection unhandled
// (the poisoned chain above, and PouchDB.new refusing a non-admin below);
// Node 20 ends the process on an unhandled rejection, so one anonymous
// request could stop the server. Log them instead, and keep serving.
if (!unfixed.has("1")) {
  process.on("unhandledRejection", (reason) => {
    const what = reason && typeof reason === "object" ? `${reason.name ?? "Error"}: ${reason.message ?? JSON.stringify(reason)}` : String(reason);
    console.error(`sync-server: ignored an unhandled promise rejection (${what})`);
  });
}

// ---------------------------------------------------------------------------
// Fix 4 (not a Node 20 defect: a hole in express-pouchdb's access control):
// some routes call PouchDB without the user's identity, which pouchdb-security
// then treats as an admin; `POST /db/_bulk_get` hands any signed-in user
// (or anyone, anonymously) every document of a members-only database, and
// `POST /db/_bulk_docs` from a non-member answers 201 with an error per
// document. Fix: one membership check for every request that opens a
// database (lib/utils.js setDBOnReq, which db.js calls at request time),
// as CouchDB 3 does it: server admins, database admins and members pass, a
// database with no members is public, system databases (_users, ...)
// keep their own rules; anyone else gets 401 when anonymous and 403 when
// signed in, with CouchDB's error bodies.
if (!unfixed.has("4")) {
  const couchUtils = require("express-pouchdb/lib/utils.js");
  const setDBOnReq = couchUtils.setDBOnReq;
  couchUtils.setDBOnReq = (dbName, dbWrapper, req, res, next) =>
    setDBOnReq(dbName, dbWrapper, req, res, (err) => {
      if (err) return next(err);
      const user = req.couchSession?.userCtx ?? { name: null, roles: [] };
      if (user.roles.includes("_admin") || dbName.startsWith("_")) return next();
      // Without the user's identity, getSecurity() reads unrestricted.
      req.db.getSecurity().then((security) => {
        const section = (s) => ({ names: s?.names ?? [], roles: s?.roles ?? [] });
        const members = section(security.members);
        const isIn = (s) => s.names.includes(user.name) || s.roles.some((role) => user.roles.includes(role));
        const isPublic = members.names.length === 0 && members.roles.length === 0;
        if (isPublic || isIn(members) || isIn(section(security.admins))) return next();
        if (user.name == null) res.status(401).json({ error: "unauthorized", reason: "You are not authorized to access this db." });
        else res.status(403).json({ error: "forbidden", reason: "You are not allowed to access this db." });
      }, next);
    });
}

const express = require("express");
const expressPouchDB = require("express-pouchdb");
const Auth = requireFromCouch("pouchdb-auth");
const { hashPassword } = requireFromCouch("pouchdb-auth/lib/utils.js");

// PouchDB as express-pouchdb needs it: one storage adapter, plus HTTP
// (for _replicate), replication and map/reduce (views, _users' design doc).
let PouchDB = require("pouchdb-core")
  .plugin(args["in-memory"] ? require("pouchdb-adapter-memory") : require("pouchdb-adapter-leveldb"))
  .plugin(require("pouchdb-adapter-http"))
  .plugin(require("pouchdb-replication"))
  .plugin(require("pouchdb-mapreduce"));
if (!args["in-memory"]) PouchDB = PouchDB.defaults({ prefix: `${dbDir}/` });

// ---------------------------------------------------------------------------
// The config file, written before express-pouchdb reads it. It keeps the
// session secret (express-pouchdb otherwise makes a new one on each start,
// and every session cookie dies with a restart), the server's uuid, and the
// admin password already hashed: express-pouchdb hashes plain passwords
// asynchronously and may hand the plain text to the auth layer first, which
// then does not recognise the admin.
const configPath = join(dir, "config.json");
const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, "utf8")) : {};
config.couch_httpd_auth ??= {};
config.couch_httpd_auth.secret ??= randomBytes(16).toString("hex");
config.log = { file: join(dir, "log.txt"), level: "info" };
const previous = /^-pbkdf2-([0-9a-f]+),([0-9a-f]+),(\d+)$/.exec(config.admins?.[adminName] ?? "");
const stillValid = previous && (await hashPassword(adminPassword, previous[2], Number(previous[3]))) === previous[1];
if (!stillValid) {
  // Keep an unchanged admin's hash (and so its salt: admin cookies survive
  // a restart too); otherwise the admin is exactly the one given.
  config.admins = await Auth.hashAdminPasswords({ [adminName]: adminPassword });
} else {
  config.admins = { [adminName]: config.admins[adminName] };
}
writeFileSync(`${configPath}.tmp`, `${JSON.stringify(config, null, 2)}\n`);
renameSync(`${configPath}.tmp`, configPath);

const couch = expressPouchDB({ mode: "fullCouchDB", configPath, logPath: join(dir, "log.txt") });

// ---------------------------------------------------------------------------
// Workaround 3: with an admin configured, a non-admin `PUT /db` is never
// answered: the route (lib/routes/db.js) calls PouchDB.new(), which
// pouchdb-security turns into a rejected promise for a non-admin, then
// calls `.info()` on that promise ("db.info is not a function"); the
// TypeError is thrown inside a promise callback, so nothing answers (and
// without workaround 1 the process dies). Fix: refuse the request as
// CouchDB does, before the route runs. A param handler runs after
// express-pouchdb's authentication and before any route with `:db`.
if (!unfixed.has("3")) {
  couch.param("db", (req, res, next) => {
    const createsDb = req.method === "PUT" && /^\/[^/]+\/?$/.test(req.path);
    if (createsDb && !req.couchSession?.userCtx?.roles?.includes("_admin")) {
      res.status(401).json({ error: "unauthorized", reason: "You are not a server admin." });
      return;
    }
    next();
  });
}

const app = express();
app.disable("x-powered-by");

// CORS, as CouchDB does it with credentials: the app calls the server from
// another origin with cookies (`credentials: "include"`), so the origin is
// echoed (a wildcard is not allowed with credentials) when allowed.
const EXPOSED = "Cache-Control, Content-Type, ETag, Server, X-Couch-Request-ID, X-Couch-Update-NewRev, X-CouchDB-Body-Time";
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (!origin || (corsOrigins && !corsOrigins.includes(origin))) return next();
  res.vary("Origin");
  res.set("Access-Control-Allow-Origin", origin);
  res.set("Access-Control-Allow-Credentials", "true");
  if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
    res.set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, COPY, OPTIONS");
    res.set("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "Accept, Authorization, Content-Type, Origin, Referer");
    res.set("Access-Control-Max-Age", "600");
    res.status(204).end();
    return;
  }
  res.set("Access-Control-Expose-Headers", EXPOSED);
  next();
});

// CouchDB's welcome line, so clients that look for `"couchdb": "Welcome"`
// recognise the server; express-pouchdb's own fields are kept.
app.get("/", (req, res, next) => {
  const send = res.send.bind(res); // express-pouchdb sends JSON as a Buffer
  res.send = (body) => {
    if (Buffer.isBuffer(body)) {
      try {
        return send(Buffer.from(`${JSON.stringify({ couchdb: "Welcome", ...JSON.parse(body.toString("utf8")) })}\n`));
      } catch {
        // not JSON: send it unchanged
      }
    }
    return send(body);
  };
  next();
});

app.use(couch);

await couch.setPouchDB(PouchDB);

const server = app.listen(port, args.host);
server.on("error", (e) => fail(`cannot listen on ${args.host}:${port}: ${e.message}`));
await new Promise((ok) => server.once("listening", ok));
const address = server.address();
const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
console.log(`sync-server: listening on http://${shownHost}:${address.port}`);
console.log(`sync-server: data in ${dir}${args["in-memory"] ? " (databases in memory)" : ""}`);

// A clean stop: refuse new connections, end open ones (long-polls would
// otherwise hold server.close() forever), close the open databases so
// LevelDB releases its lock, then exit. A stuck close cannot keep the
// process alive past 3 s.
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 3000).unref();
  server.close();
  server.closeAllConnections();
  const open = [...(PouchDB.__dbCacheMap?.values() ?? [])];
  await Promise.allSettled(open.map((db) => db.close()));
  console.log(`sync-server: stopped (${signal})`);
  process.exit(0);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
