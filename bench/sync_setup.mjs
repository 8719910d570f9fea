#!/usr/bin/env node
// Sets up the sync server for `scripts/bench sync`, with scripts/sync-admin-lib.mjs
// as the server admin: the team database, its user, and more empty databases
// open to the same team (the team's `_security`) for the PouchDB baseline
// (bench/sync_baseline.mjs) to push into.
//
//   node bench/sync_setup.mjs URL TEAM USER PASSWORD [DATABASE...]
import { ensureTeam, putUser, request, teamSecurity } from "../scripts/sync-admin-lib.mjs";

const [server, team, user, password, ...more] = process.argv.slice(2);
if (!password) {
  console.error("usage: node bench/sync_setup.mjs URL TEAM USER PASSWORD [DATABASE...]");
  process.exit(2);
}
const admin = { name: "admin", password: "admin-demo" };
await ensureTeam(server, admin, team);
await putUser(server, admin, user, password, team);
for (const db of more) {
  await ensureTeam(server, admin, db);
  // Members: the first team's role, so the same user may use it.
  await request(server, admin, "PUT", `/${encodeURIComponent(db)}/_security`, teamSecurity(team));
}
console.log(`sync_setup: ${team} (and ${more.join(", ") || "nothing else"}) for ${user} on ${server}`);
