// Sync with a real CouchDB-protocol server on loopback (express-pouchdb,
// started and stopped by these tests; see tests/e2e/support/sync-server.ts).
import { expect, test, type Page } from "@playwright/test";
import { CaseList, expectNoViolations, unlock } from "./pages/app";
import { signIn as signInTo, signedIn, storedEventIds, synced, type Creds } from "./pages/sync";
import { startSyncServer, TEAMS, type SyncServer } from "./support/sync-server";

let server: SyncServer;

// A server of its own for each test: what one test pushed is not in the
// next one's pull.
test.beforeEach(async () => {
  server = await startSyncServer();
});

test.afterEach(async () => {
  await server?.dispose();
});

const signIn = (page: Page, creds: Creds, url = server.url) => signInTo(page, url, creds);

/** Adds `n` notes to the open case as fast as the app takes them. */
async function addNotes(page: Page, n: number, prefix: string) {
  await page.evaluate(
    async ({ n, prefix }) => {
      const box = document.querySelector<HTMLTextAreaElement>("#note-draft")!;
      const add = box.form!.querySelector<HTMLButtonElement>("button[type=submit]")!;
      for (let i = 0; i < n; i++) {
        box.value = `${prefix} ${i}`;
        box.dispatchEvent(new Event("input", { bubbles: true }));
        add.click();
        const start = performance.now();
        while (box.value !== "" && performance.now() - start < 5_000) await new Promise((r) => setTimeout(r, 1));
      }
    },
    { n, prefix },
  );
  await expect(page.locator(".note-text", { hasText: `${prefix} ${n - 1}` })).toHaveCount(1);
}

/** Every event document on the server, checked to be there once, at one
 * revision, without conflicts; gives their event ids. */
async function serverEventIds(team: string): Promise<string[]> {
  const rows = await server.allDocs(team);
  const events = rows.filter((r: { id: string }) => r.id.startsWith("event:"));
  const ids = events.map((r: { id: string }) => r.id.split(":")[2]);
  expect(new Set(ids).size, "an event document twice").toBe(ids.length);
  for (const r of events) {
    expect(r.value.rev, `${r.id} has more than one revision`).toMatch(/^1-/);
    expect(r.doc._conflicts, `${r.id} has conflicts`).toBeUndefined();
  }
  return ids;
}

test("1 000 events recorded offline are pushed once sign-in works, each on the server exactly once", async ({ page }) => {
  test.setTimeout(240_000);
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await addNotes(page, 1000, "推送备注");
  const local = await storedEventIds(page);
  expect(local.length).toBeGreaterThanOrEqual(1001);

  await signIn(page, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await synced(page, 120_000);
  await expect(page.getByTestId("sync-outbox")).toHaveText("没有待上传的记录。");
  const onServer = await serverEventIds("north");
  for (const id of local) expect(onServer, `event ${id} is not on the server`).toContain(id);
  // The log says what moved.
  await expect(page.getByTestId("sync-log")).toContainText(`上传 ${local.length} 条`);
});

test("a server killed in the middle of a sync is caught up after its restart, with nothing sent twice", async ({ page }) => {
  test.setTimeout(240_000);
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await addNotes(page, 600, "中断备注");
  const local = await storedEventIds(page);
  // Each _bulk_docs takes a while, so the kill lands between batches.
  await page.route(`${server.url}/north/_bulk_docs`, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue().catch(() => {});
  });
  // Which events each _bulk_docs the server answered carried.
  const answered: string[] = [];
  page.on("requestfinished", (req) => {
    if (!req.url().endsWith("/_bulk_docs")) return;
    for (const d of JSON.parse(req.postData() ?? "{}").docs ?? []) answered.push(d._id);
  });
  const before = await server.docCount("north");
  await signIn(page, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await expect.poll(() => server.docCount("north"), { timeout: 30_000, intervals: [50] }).toBeGreaterThan(before);
  const partial = (await server.docCount("north")) - before;
  await server.kill();
  // Killed in the middle: some batches were on the server, not all.
  expect(partial).toBeLessThan(local.length);
  const atKill = await storedEventIds(page);
  expect(atKill.length).toBe(local.length);
  // The app says it cannot reach the server, and keeps the rest.
  await expect(page.getByTestId("sync-indicator")).toContainText("同步出错", { timeout: 30_000 });
  await expect(page.getByTestId("sync-indicator")).toContainText("待上传");
  await server.restart();
  await page.getByRole("button", { name: "立即同步" }).click();
  await synced(page, 120_000);
  const onServer = await serverEventIds("north");
  for (const id of local) expect(onServer, `event ${id} is not on the server`).toContain(id);
  // Nothing the server had confirmed was sent again after the restart
  // (only a batch cut off by the kill may be).
  const twice = answered.filter((id, i) => answered.indexOf(id) !== i);
  expect(twice, "events sent again after the server had them").toEqual([]);
  expect(new Set(answered).size).toBe(local.length);
});

test("a case noted on two devices while both were offline ends with the same log on both", async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await browser.newContext();
  const b = await browser.newContext();
  try {
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await new CaseList(pageA).open();
    await new CaseList(pageA).startCase();
    const caseUrl = new URL(pageA.url()).pathname;
    await addNotes(pageA, 1, "两台设备共同的开头");
    await signIn(pageA, TEAMS.north);
    await signedIn(pageA, TEAMS.north);
    await synced(pageA);

    await new CaseList(pageB).open();
    await signIn(pageB, TEAMS.north2);
    await signedIn(pageB, TEAMS.north2);
    await synced(pageB);
    // The case came down to B: it opens there.
    await pageB.goto(caseUrl);
    await unlock(pageB);
    await expect(pageB.locator(".note-text", { hasText: "两台设备共同的开头" })).toHaveCount(1);

    await pageA.goto(caseUrl);
    await unlock(pageA);
    await a.setOffline(true);
    await b.setOffline(true);
    await addNotes(pageA, 3, "设备甲离线");
    await addNotes(pageB, 2, "设备乙离线");
    await expect(pageA.getByTestId("sync-indicator")).toContainText("待上传");
    await a.setOffline(false);
    await b.setOffline(false);
    await synced(pageA);
    await synced(pageB);
    // Each pulls what the other pushed: the one that pushed first sees the
    // other's on its next wake (the long-poll), or on demand.
    const both = async (page: Page) => {
      await expect
        .poll(async () => (await page.locator(".note-text").allInnerTexts()).length, { timeout: 60_000 })
        .toBe(6);
      return (await page.locator(".note-text").allInnerTexts()).sort();
    };
    const notesA = await both(pageA);
    const notesB = await both(pageB);
    expect(notesA).toEqual(notesB);
    expect(notesA).toContain("设备甲离线 2");
    expect(notesA).toContain("设备乙离线 1");
    expect((await storedEventIds(pageA)).sort()).toEqual((await storedEventIds(pageB)).sort());
  } finally {
    await a.close();
    await b.close();
  }
});

test("reference data changed on the server reaches the app", async ({ page }) => {
  await signIn(page, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await synced(page);
  // The operator adds a customer on the server.
  const model = await server.get("north", "customer:C-20001");
  const { _id, _rev, ...body } = model;
  void _id;
  void _rev;
  body.customer = { ...body.customer, id: "C-29999", msisdn: "13912345678", account: "ACC-29999" };
  await server.put("north", { ...body, _id: "customer:C-29999" });
  await page.getByRole("button", { name: "立即同步" }).click();
  await expect(page.getByTestId("sync-log")).toContainText(/更新 1 份资料/, { timeout: 30_000 });
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await page.getByLabel(/手机号、账户或证件号/).fill("13912345678");
  await page.getByRole("button", { name: "查找", exact: true }).click();
  await expect(page.getByRole("button", { name: /选择客户/ })).toHaveCount(1);
});

test("the team server's knowledge pack is used, and a broken one is refused with its problems while the pack in force stays", async ({ page }) => {
  await signIn(page, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await synced(page);
  await page.getByRole("link", { name: "知识包" }).click();
  await expect(page.getByText("来自团队服务器（pack:demo）")).toBeVisible();
  const pack = await server.get("north", "pack:demo");
  await server.put("north", { ...pack, source: pack.source.replace("[[intents]]", "[[intents]\n") });
  await page.getByRole("link", { name: "设置" }).click();
  await page.getByRole("button", { name: "立即同步" }).click();
  await expect(page.getByTestId("sync-log")).toContainText("更新 1 份资料", { timeout: 30_000 });
  await page.getByRole("link", { name: "知识包" }).click();
  await expect(page.getByRole("alert")).toContainText("团队服务器发来的知识包未通过检查");
  await expect(page.getByRole("alert")).toContainText("pack:demo · 第");
  await expect(page.getByText("来自团队服务器（pack:demo）")).toBeVisible();
});

test("documents on the server the app cannot read are counted in the log, and the rest still syncs", async ({ page }) => {
  await server.put("north", { _id: "customer:broken", type: "customer", customer: "13800000000 张三" });
  await server.put("north", { _id: "event:not-a-case:not-an-event", type: "event", event: { id: "x" } });
  await server.put("north", { _id: "something-else", type: "a-type-from-the-future" });
  await signIn(page, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await synced(page);
  await expect(page.getByTestId("sync-log")).toContainText("3 项服务器数据无法读取，未采用");
  // What could be read arrived.
  await expect(page.getByTestId("sync-log")).toContainText(/更新 \d+ 份资料/);
});

test("a user of another team is refused, and nothing is kept", async ({ page }) => {
  await signIn(page, { ...TEAMS.south, team: "north" });
  await expect(page.getByTestId("sync-note")).toContainText("此用户无权使用该团队的数据");
  await expect(page.locator(".sync-account")).toHaveCount(0);
  await page.reload();
  await unlock(page);
  await expect(page.getByRole("textbox", { name: "服务器地址" })).toBeVisible();
  await expect(page.getByTestId("sync-indicator")).toHaveCount(0);
});

test("a wrong password gets a clear message", async ({ page }) => {
  await signIn(page, { ...TEAMS.north, password: "not-the-password" });
  await expect(page.getByTestId("sync-note")).toHaveText("同步出错：用户名或密码不正确");
  await expect(page.locator(".sync-account")).toHaveCount(0);
});

test("a server that cannot be reached is said so, in the user's words", async ({ page }) => {
  await signIn(page, TEAMS.north, "http://127.0.0.1:9");
  await expect(page.getByTestId("sync-note")).toContainText("无法连接服务器");
});

test("on a tablet, a failed sync is told in the banner in both languages without pushing the page sideways", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await synced(page);
  await server.kill();
  await page.getByRole("button", { name: "立即同步" }).click();
  const banner = page.getByTestId("sync-indicator");
  await expect(banner).toContainText("同步出错：无法连接服务器", { timeout: 30_000 });
  await expect(page.getByTestId("sync-status")).toContainText("无法连接服务器");
  await expect(page.getByText(/将于 \d\d:\d\d:\d\d 重试/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByRole("button", { name: "English" }).click();
  await expect(banner).toContainText("Sync failed: the server cannot be reached");
  await expect(page.getByText(/Trying again at \d\d:\d\d:\d\d/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const box = await banner.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(32);
  await expectNoViolations(page, "settings with a failed sync, tablet");
});

test("signing out with unsynced work warns, keeps it, and it is sent after the next sign-in", async ({ page, context }) => {
  const list = new CaseList(page);
  await list.open();
  await signIn(page, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await synced(page);
  await context.setOffline(true);
  await list.open();
  await list.startCase();
  await addNotes(page, 2, "退出前未上传");
  const local = await storedEventIds(page);
  await page.goto("/settings");
  await unlock(page);
  await expect(page.getByTestId("sync-outbox")).toContainText(/待上传：\d+ 条/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("尚未上传到服务器");
  await expect(page.getByRole("alertdialog")).toContainText("不会删除");
  await page.getByRole("button", { name: "退出登录（保留本机记录）" }).click();
  await expect(page.getByTestId("sync-note")).toHaveText("已退出登录。本机记录全部保留。");
  await expect(page.getByTestId("sync-outbox")).toContainText(/待上传：\d+ 条/);
  expect((await storedEventIds(page)).sort()).toEqual(local.sort());
  await expect(page.getByTestId("sync-log")).toContainText("退出登录");

  await context.setOffline(false);
  await signIn(page, TEAMS.north);
  await signedIn(page, TEAMS.north);
  await synced(page);
  const onServer = await serverEventIds("north");
  for (const id of local) expect(onServer).toContain(id);
});
