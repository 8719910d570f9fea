// A CouchDB-protocol sync server for the specs: scripts/sync-server.mjs run
// as a child process on a free port and a fresh data directory, with the
// teams, users and reference documents scripts/sync-server sets up (the
// same code: scripts/sync-admin-lib.mjs), but a smaller seed by default.
//
//   const server = await startSyncServer();
//   ... await server.docCount("north") ...
//   await server.kill(); await server.restart();   // a crash, then back
//   await server.dispose();                        // in afterAll
//
// Every server still running when the test process exits is killed, even
// when a test failed before it could stop it.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Credentials, ensureTeam, putUser, request, seedTeam } from "../../../scripts/sync-admin-lib.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const LAUNCHER = join(ROOT, "scripts/sync-server.mjs");

/** The teams and users every seeded server has (as scripts/sync-server). */
export const TEAMS = {
  north: { team: "north", user: "north-agent", password: "north-demo-2026" },
  north2: { team: "north", user: "north-lead", password: "north-demo-2026" },
  south: { team: "south", user: "south-agent", password: "south-demo-2026" },
} as const;

export const ADMIN: Credentials = { name: "admin", password: "admin-demo" };

export interface SyncServerOptions {
  /** Port to use; default: the first free one from 5990 up. */
  port?: number;
  /** Data directory; default: a fresh temporary one (removed by dispose()). */
  dir?: string;
  /** Customers in the seed (default 30, to keep tests fast). */
  customers?: number;
  /** Set up teams, users and documents (default true). */
  seed?: boolean;
  /** More arguments for scripts/sync-server.mjs (e.g. --in-memory). */
  args?: string[];
}

export interface SyncServer {
  /** Base URL, e.g. http://127.0.0.1:5990 (no trailing slash). */
  url: string;
  port: number;
  dir: string;
  admin: Credentials;
  /** The server process's own id (changes with restart()). */
  readonly pid: number;
  /** Whether the server process is still alive. */
  readonly running: boolean;
  /** Documents in each team's seed (0 when not seeded). */
  seedCount: number;
  /** SIGKILL, as a crash; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, a clean stop; resolves once the process is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory (stopping it first if
   * it still runs); resolves once it answers. */
  restart(): Promise<void>;
  /** kill(), then removes the data directory if this helper made it. */
  dispose(): Promise<void>;
  /** `_all_docs?include_docs=true` rows of a team's database, as the admin. */
  allDocs(team: string): Promise<any[]>;
  /** doc_count of a team's database. */
  docCount(team: string): Promise<number>;
  /** PUT a document (with `_id`) as the admin; the server's answer. */
  put(team: string, doc: { _id: string; [key: string]: unknown }): Promise<any>;
  /** GET a document as the admin; null if there is none. */
  get(team: string, id: string): Promise<any>;
}

// Children still running, killed when this process exits.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => done(true)));
  });
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) if (await isFree(port)) return port;
  throw new Error(`no free port in ${from}..${from + 199}`);
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function waitExit(child: ChildProcess): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((done) => child.once("exit", () => done()));
}

/** A path for a document: ids are encoded, but `_design/` and `_local/`
 * keep their slash as the protocol wants. */
export function docPath(team: string, id: string): string {
  const special = /^(_design|_local)\/(.*)$/.exec(id);
  const encoded = special ? `${special[1]}/${encodeURIComponent(special[2])}` : encodeURIComponent(id);
  return `/${encodeURIComponent(team)}/${encoded}`;
}

// The seed documents, generated once per customers count and cached in the
// temporary directory for an hour (generating takes seconds once care-pack
// is built, and half a minute or more to build it).
const seeds = new Map<number, Promise<unknown[]>>();

/** The path of the cached seed for `customers` customers, made if missing
 * or older than an hour. */
export async function seedFile(customers: number): Promise<string> {
  const file = join(tmpdir(), `care-assist-seed-${customers}.json`);
  if (existsSync(file) && Date.now() - statSync(file).mtimeMs < 3_600_000) return file;
  const partial = `${file}.${process.pid}.tmp`;
  const out = openSync(partial, "w");
  try {
    await new Promise<void>((done, fail) => {
      const cargo = spawn(
        process.env.CARGO ?? "cargo",
        ["run", "-q", "-p", "care-pack", "--", "sync-seed", "--customers", String(customers)],
        { cwd: ROOT, stdio: ["ignore", out, "pipe"] },
      );
      let errors = "";
      cargo.stderr!.on("data", (chunk) => (errors += chunk));
      cargo.once("error", fail);
      cargo.once("exit", (code) =>
        code === 0 ? done() : fail(new Error(`cargo run -p care-pack -- sync-seed failed (exit ${code}):\n${errors}`)),
      );
    });
  } finally {
    closeSync(out);
  }
  renameSync(partial, file); // whole, or not at all: another run may read it
  return file;
}

function seedDocs(customers: number): Promise<unknown[]> {
  if (!seeds.has(customers)) {
    seeds.set(
      customers,
      seedFile(customers).then((file) => JSON.parse(readFileSync(file, "utf8")) as unknown[]),
    );
  }
  return seeds.get(customers)!;
}

/** Signs in with `POST /_session`; the `AuthSession=...` cookie to send. */
export async function sessionCookie(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(`${url}/_session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, password }),
  });
  const cookie = /AuthSession=[^;]*/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (res.status !== 200 || !cookie) throw new Error(`${name} could not sign in to ${url}: ${res.status} ${await res.text()}`);
  return cookie;
}

/** Starts a sync server and, unless `seed: false`, sets up the teams north
 * and south, the users of TEAMS and each team's reference documents. */
export async function startSyncServer(opts: SyncServerOptions = {}): Promise<SyncServer> {
  const port = opts.port ?? (await freePort(5990));
  const ownDir = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), "care-sync-test-"));
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dir, "server-output.log");
  let child: ChildProcess;

  const launch = async () => {
    const log = openSync(logFile, "a");
    // Node runs the launcher directly (no shell), so child.pid is the
    // server's own process; its working directory is the data directory.
    child = spawn(
      process.execPath,
      [LAUNCHER, "--port", String(port), "--dir", dir, "--admin", `${ADMIN.name}:${ADMIN.password}`, ...(opts.args ?? [])],
      { cwd: dir, stdio: ["ignore", log, log] },
    );
    closeSync(log);
    const started = child;
    running.add(started);
    started.once("exit", () => running.delete(started));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (exited(started)) {
        throw new Error(`sync-server exited (${started.exitCode ?? started.signalCode}) before it answered:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
      }
      try {
        if ((await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) })).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        started.kill("SIGKILL");
        throw new Error(`sync-server did not answer on ${url} within 10 s; log: ${logFile}`);
      }
      await sleep(100);
    }
  };

  const stopWith = async (signal: NodeJS.Signals) => {
    if (exited(child)) return;
    const gone = waitExit(child);
    child.kill(signal);
    await gone;
  };

  await launch();

  const server: SyncServer = {
    url,
    port,
    dir,
    admin: ADMIN,
    get pid() {
      return child.pid!;
    },
    get running() {
      return !exited(child);
    },
    seedCount: 0,
    kill: () => stopWith("SIGKILL"),
    stop: async () => {
      // A clean stop takes well under a second; a stuck one is a crash.
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await stopWith("SIGTERM");
      clearTimeout(killer);
    },
    restart: async () => {
      await server.stop();
      await launch();
    },
    dispose: async () => {
      await server.kill();
      if (ownDir && !process.env.SYNC_SERVER_KEEP) rmSync(dir, { recursive: true, force: true });
    },
    allDocs: async (team) =>
      (await request(url, ADMIN, "GET", `/${encodeURIComponent(team)}/_all_docs?include_docs=true`)).body.rows,
    docCount: async (team) => (await request(url, ADMIN, "GET", `/${encodeURIComponent(team)}`)).body.doc_count,
    put: async (team, doc) => (await request(url, ADMIN, "PUT", docPath(team, doc._id), doc)).body,
    get: async (team, id) => {
      const { status, body } = await request(url, ADMIN, "GET", docPath(team, id), undefined, { ok: [200, 404] });
      return status === 404 ? null : body;
    },
  };

  if (opts.seed ?? true) {
    try {
      const docs = await seedDocs(opts.customers ?? 30);
      for (const team of ["north", "south"]) await ensureTeam(url, ADMIN, team);
      for (const { user, password, team } of Object.values(TEAMS)) {
        await putUser(url, ADMIN, user, password, team, { lead: user.endsWith("-lead") });
      }
      for (const team of ["north", "south"]) {
        const counts = await seedTeam(url, ADMIN, team, docs);
        if (counts.failed.length) throw new Error(`seeding ${team}: ${JSON.stringify(counts.failed.slice(0, 3))}`);
      }
      server.seedCount = docs.length;
    } catch (e) {
      await server.kill();
      throw e;
    }
  }
  return server;
}
