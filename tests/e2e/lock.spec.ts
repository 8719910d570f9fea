import { expect, test, type Page } from "@playwright/test";
import {
  CaseList,
  draftsStored,
  expectNoViolations,
  next,
  openCase,
  passWithDemoAnswer,
  reloadUnlocked,
  TEST_PIN,
  unlock,
} from "./pages/app";

/** Every record of every store of the app's database, as JSON text: what
 * someone holding the device's disk would read. */
async function rawDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open("care-assist");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const parts: string[] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const all: unknown[] = await new Promise((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      parts.push(`${name}: ${JSON.stringify(all)}`);
    }
    db.close();
    return parts.join("\n");
  });
}

test("the first start asks for a PIN, says a forgotten one loses the data, and refuses weak ones", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "设置本机解锁 PIN" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("忘记 PIN 后，本机已保存的数据将无法读取");
  await expectNoViolations(page, "PIN setup");
  const pin = page.getByLabel(/PIN 或口令/);
  const again = page.getByLabel("再输入一次");
  await pin.fill("12345");
  await again.fill("12345");
  await page.getByRole("button", { name: "设置并开始使用" }).click();
  await expect(page.getByRole("alert")).toHaveText("至少需要 6 位。");
  await pin.fill("123456");
  await again.fill("123456");
  await page.getByRole("button", { name: "设置并开始使用" }).click();
  await expect(page.getByRole("alert")).toContainText("太容易被猜到");
  await pin.fill(TEST_PIN);
  await again.fill("246811");
  await page.getByRole("button", { name: "设置并开始使用" }).click();
  await expect(page.getByRole("alert")).toHaveText("两次输入不一致。");
  await again.fill(TEST_PIN);
  await page.getByRole("button", { name: "设置并开始使用" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "个案" })).toBeVisible();
  // Locking by hand takes every screen away.
  await page.getByRole("button", { name: /锁定/ }).click();
  await expect(page.getByRole("heading", { name: "应用已锁定" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link")).toHaveCount(0);
  await expectNoViolations(page, "unlock");
});

test("nothing of a customer's name, phone or ID number is stored in clear", async ({ page }) => {
  const phone = "13800006229";
  await openCase(page, phone, "这个月话费怎么多扣了30块", "账单争议/费用异常");
  await page.getByLabel("新备注").fill(`客户 ${phone} 要求回电`);
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.locator(".note-text")).toHaveCount(1);
  await next(page, "倾听");
  await next(page, "身份核验");
  await passWithDemoAnswer(page, /服务密码/);
  // Read the customer's identity in full from the screen, as the agent may.
  await page.getByRole("button", { name: "显示完整信息" }).click();
  const panel = page.locator(".customer-panel");
  await expect(panel).toContainText(phone);
  const name = (await panel.locator("dd").first().innerText()).trim();
  const idNumber = (await panel.locator("dd").filter({ hasText: /^\d{17}[\dX]$/ }).innerText()).trim();
  expect(name.length).toBeGreaterThan(1);
  // A half-typed note is kept as a draft, sealed as well.
  await page.getByLabel("新备注").fill(`${name} 的身份证 ${idNumber}`);
  await draftsStored(page, "note");

  const raw = await rawDatabase(page);
  expect(raw).toContain("events:");
  expect(raw).toContain("drafts:");
  for (const secret of [phone, name, idNumber, "要求回电", "这个月话费"]) {
    expect(raw, `“${secret}” is stored in clear`).not.toContain(secret);
  }
  // And it all reads back through the key.
  await reloadUnlocked(page);
  await expect(page.getByLabel("新备注")).toHaveValue(`${name} 的身份证 ${idNumber}`);
  await expect(page.locator(".note-text")).toContainText("要求回电");
});

test("the app locks itself after the chosen idle time, and unlocks to the same screen", async ({ page }) => {
  await page.clock.install();
  const list = new CaseList(page);
  await list.open();
  await page.getByRole("link", { name: "设置" }).click();
  await page.getByLabel("无操作多久后自动锁定").selectOption({ label: "1 分钟" });
  await expect(page.getByRole("status").filter({ hasText: "已保存到本机" })).toBeVisible();
  await list.open();
  await list.startCase();
  await page.getByLabel("新备注").fill("锁定前写了一半");
  const url = page.url();

  // Activity keeps it open...
  await page.clock.fastForward(40_000);
  await page.getByLabel("新备注").press("End");
  await page.clock.fastForward(40_000);
  await expect(page.getByRole("heading", { name: "应用已锁定" })).toHaveCount(0);
  // ...a minute without any locks it.
  await page.clock.fastForward(65_000);
  await expect(page.getByRole("heading", { name: "应用已锁定" })).toBeVisible();
  await expect(page.getByText("锁定前写了一半")).toHaveCount(0);
  await unlock(page);
  await expect(page).toHaveURL(url);
  await expect(page.getByLabel("新备注")).toHaveValue("锁定前写了一半");
  await page.getByRole("link", { name: "设置" }).click();
  await expect(page.locator(".lock-audit")).toContainText("无操作自动锁定");
});

test("too many wrong PINs lock the device, across a reload, and the lockout is audited", async ({ page }) => {
  await page.clock.install();
  const list = new CaseList(page);
  await list.open();
  await page.getByRole("button", { name: /锁定/ }).click();
  const field = page.getByLabel("输入本机 PIN 或口令解锁。");
  for (const left of [4, 3, 2, 1]) {
    await field.fill("999999");
    await page.getByRole("button", { name: "解锁" }).click();
    await expect(page.getByRole("alert")).toHaveText(`PIN 不正确。再错 ${left} 次，本机将锁定 15 分钟。`);
  }
  await field.fill("999999");
  await page.getByRole("button", { name: "解锁" }).click();
  await expect(page.getByRole("alert")).toContainText("错误次数过多，本机已锁定");
  // Even the right PIN is refused now, and a reload changes nothing.
  await page.reload();
  await field.fill(TEST_PIN);
  await page.getByRole("button", { name: "解锁" }).click();
  await expect(page.getByRole("alert")).toContainText("错误次数过多，本机已锁定");

  await page.clock.fastForward(16 * 60_000);
  await unlock(page);
  await page.getByRole("link", { name: "设置" }).click();
  const audit = page.locator(".lock-audit");
  await expect(audit).toContainText("PIN 错误（连续第 5 次）");
  await expect(audit).toContainText("错误过多，锁定到");
  await expect(audit).toContainText("解锁");
  await expectNoViolations(page, "settings");
});

test.describe("a shared tablet", () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

  test("on a shared tablet a second person is added with their own PIN, sees none of the first one's cases, and each switches back with their own PIN", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByLabel(/您的姓名/).fill("王芳");
    await page.getByLabel(/PIN 或口令/).fill(TEST_PIN);
    await page.getByLabel("再输入一次").fill(TEST_PIN);
    await page.getByRole("button", { name: "设置并开始使用" }).click();
    const list = new CaseList(page);
    await list.startCase();
    await page.getByLabel("新备注").fill("王芳的个案");
    await page.getByRole("button", { name: "添加备注" }).click();
    await expect(page.locator(".note-text")).toHaveCount(1);
    await page.getByRole("link", { name: "返回个案列表" }).click();
    await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");

    // The second person is added from the lock screen.
    await page.getByRole("button", { name: "锁定" }).click();
    await page.getByRole("button", { name: "添加使用者" }).click();
    await expect(page.getByRole("heading", { name: "在本机添加使用者" })).toBeVisible();
    await expectNoViolations(page, "add a person");
    await page.getByLabel(/PIN 或口令/).fill("135792");
    await page.getByLabel("再输入一次").fill("135792");
    await page.getByRole("button", { name: "添加并开始使用" }).click();
    await expect(page.getByRole("alert")).toHaveText("请填写姓名，以便在锁屏上选择。");
    await page.getByLabel("姓名（显示在锁屏上）").fill("李强");
    await page.getByRole("button", { name: "添加并开始使用" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "个案" })).toBeVisible();
    await expect(page.locator(".current-user")).toHaveText("李强");
    await expect(page.getByText("还没有个案")).toBeVisible();

    // Back to the first person: picked on the lock screen, with her PIN only.
    await page.getByRole("button", { name: "锁定" }).click();
    await expect(page.getByRole("heading", { name: "谁在使用本机？" })).toBeVisible();
    await expect(page.getByRole("button", { name: "李强" })).toHaveAttribute("aria-pressed", "true");
    await expectNoViolations(page, "who is working");
    await page.getByRole("button", { name: "王芳" }).tap();
    await expect(page.getByRole("button", { name: "王芳" })).toHaveAttribute("aria-pressed", "true");
    const field = page.getByLabel("输入本机 PIN 或口令解锁。");
    await field.fill("135792");
    await page.getByRole("button", { name: "解锁" }).click();
    await expect(page.getByRole("alert")).toContainText("PIN 不正确");
    await field.fill(TEST_PIN);
    await page.getByRole("button", { name: "解锁" }).click();
    await expect(page.locator(".current-user")).toHaveText("王芳");
    await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
    await expect(page.locator(".case-search tbody tr")).toHaveCount(1);

    // Her case is not in his database, even on disk: his store holds no event.
    const theirEvents = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? "");
      const counts: Record<string, number> = {};
      for (const name of names.filter((n) => n.startsWith("care-assist"))) {
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        counts[name] = await new Promise((resolve, reject) => {
          const req = db.transaction("events").objectStore("events").count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        db.close();
      }
      return counts;
    });
    expect(Object.keys(theirEvents)).toHaveLength(2);
    expect(theirEvents["care-assist"]).toBe(2);
    expect(Object.entries(theirEvents).filter(([n]) => n !== "care-assist").map(([, c]) => c)).toEqual([0]);

    // After a reload the lock screen offers whoever worked last.
    await page.reload();
    await expect(page.getByRole("button", { name: "王芳" })).toHaveAttribute("aria-pressed", "true");
  });
});
