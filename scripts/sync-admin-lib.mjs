// What scripts/sync-admin does, as functions: set up team databases, their
// users and their reference documents on a CouchDB-protocol server, over
// plain HTTP with the server admin's credentials. The same calls work
// against Apache CouchDB 3 and scripts/sync-server.mjs; the Playwright
// helper (tests/e2e/support/sync-server.ts) uses them too, so there is one
// implementation.
//
// Every failure is an AdminError whose message can be shown as is.

export class AdminError extends Error {
  constructor(message) {
    super(message);
    this.name = "AdminError";
  }
}

/** `NAME:PASSWORD` (from --admin or COUCH_ADMIN) as `{ name, password }`. */
export function parseCredentials(text, what = "admin credentials") {
  const colon = (text ?? "").indexOf(":");
  if (colon < 1 || colon === text.length - 1) throw new AdminError(`${what} must be given as NAME:PASSWORD`);
  return { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

// CouchDB's rule for database names.
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** Throws unless `team` can be a CouchDB database name. */
export function checkTeamName(team) {
  if (!DB_NAME.test(team ?? "") || team.length > 238) {
    throw new AdminError(
      `"${team}" is not a valid team database name: it must start with a lowercase letter ` +
        "and contain only lowercase letters, digits and _ $ ( ) + - /",
    );
  }
}

/** The role that gives a user access to a team's database. */
export const teamRole = (team) => `team:${team}`;

/** A team database's `_security`: members are the users with the team's
 * role; no database admins (server admins only). */
export const teamSecurity = (team) => ({
  admins: { names: [], roles: [] },
  members: { names: [], roles: [teamRole(team)] },
});

/** The server's base URL without a trailing slash; throws on a bad URL. */
export function serverUrl(server) {
  let url;
  try {
    url = new URL(server);
  } catch {
    throw new AdminError(`"${server}" is not a server URL (e.g. http://127.0.0.1:5984)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AdminError(`"${server}" is not an http(s) URL`);
  if (url.username || url.password) throw new AdminError("give the admin credentials with --admin or COUCH_ADMIN, not in the URL");
  return url.href.replace(/\/+$/, "");
}

const basic = ({ name, password }) => `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;

/**
 * One request as the admin: `{ status, body }` (body parsed from JSON when
 * it is JSON). Throws an AdminError when the server cannot be reached, or
 * when the status is not in `ok` (default: any 2xx).
 */
export async function request(server, admin, method, path, body, { ok } = {}) {
  const base = serverUrl(server);
  const headers = { Accept: "application/json" };
  if (admin) headers.Authorization = basic(admin);
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
  } catch (e) {
    const cause = e.cause?.code ?? e.cause?.message ?? e.message;
    throw new AdminError(`cannot reach the server at ${base} (${cause}); is it running?`);
  }
  const text = await res.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const accepted = ok ? ok.includes(res.status) : res.status >= 200 && res.status < 300;
  if (!accepted) {
    if (res.status === 401 && admin) {
      throw new AdminError(`${base} refused the admin credentials for "${admin.name}" (wrong name or password?) on ${method} ${path}`);
    }
    const why = typeof parsed === "object" && parsed ? `${parsed.error}: ${parsed.reason}` : text.slice(0, 200);
    throw new AdminError(`${method} ${path} on ${base} answered ${res.status} (${why})`);
  }
  return { status: res.status, body: parsed };
}

/** Checks the server answers and the credentials are a server admin's. */
export async function checkAdmin(server, admin) {
  await request(server, null, "GET", "/");
  const { body } = await request(server, admin, "GET", "/_session");
  if (!body?.userCtx?.roles?.includes("_admin")) {
    throw new AdminError(`"${admin.name}" can sign in to ${serverUrl(server)} but is not a server admin`);
  }
}

/**
 * Creates the team's database if it is missing and restricts it to the
 * team's role. Returns `{ created }`.
 */
export async function ensureTeam(server, admin, team) {
  checkTeamName(team);
  const db = encodeURIComponent(team);
  const { status } = await request(server, admin, "PUT", `/${db}`, undefined, { ok: [201, 202, 412] });
  await request(server, admin, "PUT", `/${db}/_security`, teamSecurity(team));
  return { created: status !== 412 };
}

/**
 * Creates or updates the user NAME with PASSWORD and the one role
 * `team:TEAM` (other fields of an existing user are kept). Returns
 * `{ created }`.
 */
/** Creates or updates a user with the team's role and, with `lead`, the
 * role care-lead: a team lead, who may show a case report with personal
 * data in full (the app reads the roles from `_session`). */
/** The role of a team lead (care_core::access::LEAD_ROLE). */
export const LEAD_ROLE = "care-lead";

export async function putUser(server, admin, name, password, team, { lead = false } = {}) {
  checkTeamName(team);
  if (!name || name.startsWith("_") || name.includes(":")) {
    throw new AdminError(`"${name}" is not a valid user name (not empty, no leading _ and no :)`);
  }
  if (!password) throw new AdminError(`the password for "${name}" is empty`);
  const path = `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  let existing = await request(server, admin, "GET", path, undefined, { ok: [200, 404] });
  if (existing.status === 404 && existing.body?.reason === "Database does not exist.") {
    // A CouchDB that was never set up has no _users database yet.
    await request(server, admin, "PUT", "/_users", undefined, { ok: [201, 202, 412] });
    existing = { status: 404, body: null };
  }
  const doc = existing.status === 200 ? existing.body : { _id: `org.couchdb.user:${name}` };
  Object.assign(doc, { name, type: "user", roles: lead ? [teamRole(team), LEAD_ROLE] : [teamRole(team)], password });
  await request(server, admin, "PUT", path, doc);
  return { created: existing.status !== 200 };
}

/** JSON with sorted keys, to compare documents whatever their key order. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
const withoutRev = ({ _rev, _revisions, ...rest }) => rest;

/**
 * Writes the reference documents `docs` (each with `_id`, no `_rev`) into
 * the team's database, `batchSize` at a time with `_bulk_docs`. The current
 * revisions come from `_all_docs` first: an existing document is updated,
 * one whose content is already the same is left alone (so seeding again
 * makes no new revisions). Returns `{ created, updated, unchanged, failed }`
 * where `failed` lists `{ id, error, reason }`.
 */
export async function seedTeam(server, admin, team, docs, { batchSize = 100, onBatch } = {}) {
  checkTeamName(team);
  if (!Array.isArray(docs)) throw new AdminError("the seed must be a JSON array of documents");
  docs.forEach((doc, i) => {
    if (!doc || typeof doc !== "object" || typeof doc._id !== "string" || !doc._id) {
      throw new AdminError(`seed document ${i} has no _id`);
    }
  });
  const db = encodeURIComponent(team);
  const counts = { created: 0, updated: 0, unchanged: 0, failed: [] };
  for (let start = 0; start < docs.length; start += batchSize) {
    const batch = docs.slice(start, start + batchSize);
    const { body: current } = await request(server, admin, "POST", `/${db}/_all_docs?include_docs=true`, {
      keys: batch.map((d) => d._id),
    });
    const byId = new Map(current.rows.filter((r) => r.value && !r.value.deleted).map((r) => [r.id, r]));
    const writes = [];
    for (const doc of batch) {
      const { _rev, ...fresh } = doc; // a seed carries no revision; ignore one if it does
      const row = byId.get(doc._id);
      if (!row) writes.push(fresh);
      else if (row.doc && canonical(withoutRev(row.doc)) === canonical(fresh)) counts.unchanged += 1;
      else {
        writes.push({ ...fresh, _rev: row.value.rev });
      }
    }
    if (writes.length) {
      const { body: results } = await request(server, admin, "POST", `/${db}/_bulk_docs`, { docs: writes });
      for (const [i, r] of results.entries()) {
        if (r.error) counts.failed.push({ id: r.id ?? writes[i]._id, error: r.error, reason: r.reason });
        else if (writes[i]._rev) counts.updated += 1;
        else counts.created += 1;
      }
    }
    onBatch?.({ done: Math.min(start + batchSize, docs.length), total: docs.length });
  }
  return counts;
}
