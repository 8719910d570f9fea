// Interop: the app's documents are plain CouchDB replication to anyone
// else's client. PouchDB in Node replicates the team database and finds
// every event the app pushed; documents PouchDB writes (a customer, and a
// case event made by another system) are pulled by the app.
import { expect, test } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PouchDB from "pouchdb";
import { CaseList, unlock } from "./pages/app";
import { signIn, signedIn, storedEventIds, synced } from "./pages/sync";
import { startSyncServer, TEAMS, type SyncServer } from "./support/sync-server";

let server: SyncServer;

test.beforeEach(async () => {
  server = await startSyncServer();
});

test.afterEach(async () => {
  await server?.dispose();
});

/** The app's canonical JSON: keys sorted, no whitespace. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A time-ordered (version 7) UUID for now. */
function uuid7(): string {
  const hex = Date.now().toString(16).padStart(12, "0") + randomBytes(10).toString("hex");
  const v = `${hex.slice(0, 12)}7${hex.slice(13, 16)}${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 32)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}

test("PouchDB replicates every event the app pushed, and what PouchDB writes reaches the app", async ({ page }) => {
  test.setTimeout(180_000);
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  const caseUrl = new URL(page.url()).pathname;
  const caseId = caseUrl.split("/").pop()!;
  for (const text of ["互通备注一", "互通备注二"]) {
    await page.locator("#note-draft").fill(text);
    await page.getByRole("button", { name: "添加备注" }).click();
    await expect(page.locator(".note-text", { hasText: text })).toHaveCount(1);
  }
  const localIds = await storedEventIds(page);
  await signIn(page, server.url, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await synced(page);

  const dir = mkdtempSync(join(tmpdir(), "care-interop-"));
  const local = new PouchDB(join(dir, "north"));
  const remote = new PouchDB(`${server.url}/north`, {
    auth: { username: TEAMS.north2.user, password: TEAMS.north2.password },
    skip_setup: true,
  });
  try {
    const pulled = await local.replicate.from(remote, { batch_size: 100 });
    expect(pulled.ok).toBe(true);
    const { rows } = await local.allDocs({ include_docs: true, startkey: `event:${caseId}:`, endkey: `event:${caseId}:\ufff0` });
    const byEvent = new Map(rows.map((r: { doc: { event: { id: string } } }) => [r.doc.event.id, r.doc]));
    for (const id of localIds) expect(byEvent.has(id), `PouchDB has no document for event ${id}`).toBe(true);
    // Each document's revision is the app's hash of its event: any client
    // can check what it received.
    for (const doc of byEvent.values() as Iterable<any>) {
      const hash = createHash("sha256").update(canonical(doc.event)).digest("hex").slice(0, 32);
      expect(doc._rev).toBe(`1-${hash}`);
    }

    // Another system adds a note to the case through PouchDB, as an event
    // document of the same shape, and a customer.
    const model: any = [...byEvent.values()].find((d: any) => JSON.stringify(d.event).includes("互通备注一"));
    expect(model, "the app's note is readable in PouchDB").toBeTruthy();
    const event = { ...model.event, id: uuid7(), at: new Date().toISOString().replace(/\.\d+Z$/, "Z") };
    event.body = JSON.parse(JSON.stringify(model.event.body).replace("互通备注一", "来自其他系统的备注"));
    const rev = `1-${createHash("sha256").update(canonical(event)).digest("hex").slice(0, 32)}`;
    await local.bulkDocs([{ _id: `event:${caseId}:${event.id}`, _rev: rev, type: "event", event }], { new_edits: false });
    const customer = await local.get("customer:C-20001");
    const { _rev: _ignored, ...body } = customer;
    void _ignored;
    await local.put({ ...body, _id: "customer:C-29997", customer: { ...body.customer, id: "C-29997", msisdn: "13911112222", account: "ACC-29997" } });
    const pushed = await local.replicate.to(remote);
    expect(pushed.ok).toBe(true);
    expect(pushed.docs_written).toBe(2);
  } finally {
    await Promise.allSettled([local.close(), remote.close()]);
    rmSync(dir, { recursive: true, force: true });
  }

  // The app takes both in: the note on the open case, the customer in lookup.
  await page.goto(caseUrl);
  await unlock(page);
  await expect(page.locator(".note-text", { hasText: "来自其他系统的备注" })).toHaveCount(1, { timeout: 60_000 });
  await list.open();
  await list.startCase();
  await page.getByLabel(/手机号、账户或证件号/).fill("13911112222");
  await page.getByRole("button", { name: "查找", exact: true }).click();
  await expect(page.getByRole("button", { name: /选择客户/ })).toHaveCount(1);
});
