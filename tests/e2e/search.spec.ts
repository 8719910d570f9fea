import { expect, test, type Page } from "@playwright/test";
import { CaseList, gotoUnlocked, openCase, reloadUnlocked } from "./pages/app";

const BILL_SPIKE_PHONE = "13800006229";

/** The archive search on the case list. */
function searchBox(page: Page) {
  return page.getByRole("searchbox", { name: /电话、姓名、个案编号或关键词/ });
}

/** The count line under the search ("找到 N 个个案。…"), as a number. */
async function foundCount(page: Page): Promise<number> {
  const text = await page.locator(".search-count").innerText();
  const m = text.match(/找到 (\d+) 个个案/);
  if (!m) throw new Error(`no count in "${text}"`);
  return Number(m[1]);
}

test("a case just worked is found by a phone fragment, its reference and a word from its notes, also after a reload", async ({
  page,
}) => {
  await openCase(page, BILL_SPIKE_PHONE, "这个月话费怎么多扣了30块", "账单争议/费用异常");
  await page.getByLabel("新备注").fill("客户说路由器一直闪红灯");
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.getByText("已保存到本机")).toBeVisible();
  await page.getByRole("link", { name: "返回个案列表" }).click();

  const box = searchBox(page);
  const rows = page.locator(".case-search tbody tr");
  await box.fill("6229");
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
  // The phone is found but shown masked.
  await expect(rows.first()).not.toContainText(BILL_SPIKE_PHONE);
  const reference = (await rows.first().locator("td").first().innerText()).trim();

  await box.fill("138 0000 6229");
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
  await box.fill("路由器 红灯");
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
  await box.fill("路由器 宽带");
  await expect(page.getByText("没有符合条件的个案。")).toBeVisible();
  await box.fill(reference.toLowerCase());
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
  // Markup and pattern characters are only text to match: nothing runs,
  // nothing breaks, nothing is found.
  page.on("dialog", () => {
    throw new Error("a typed query ran as script");
  });
  await box.fill('<img src=x onerror=alert(1)> .* [ ( \\');
  await expect(page.getByText("没有符合条件的个案。")).toBeVisible();
  await expect(page.locator(".case-search img")).toHaveCount(0);
  // A date range that ends before it starts finds nothing and says so.
  await box.fill("");
  await page.getByLabel("受理日期从").fill("2026-12-31");
  await page.getByLabel("受理日期至").fill("2026-01-01");
  await expect(page.getByText("没有符合条件的个案。")).toBeVisible();
  await page.getByRole("button", { name: "清除条件" }).click();
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");

  // After a reload the index is read back from IndexedDB.
  await reloadUnlocked(page);
  await searchBox(page).fill("路由器");
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
  await expect(rows.first().locator("td").first()).toHaveText(reference);
  // The status filter: the case is in progress, not closed.
  await page.getByLabel("状态").selectOption({ label: "已结案" });
  await expect(page.getByText("没有符合条件的个案。")).toBeVisible();
  await page.getByLabel("状态").selectOption({ label: "处理中" });
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
});

test("search over 10 000 generated cases finds by reference, words, intent, status and dates, and survives a reload", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await gotoUnlocked(page, "/settings");
  await page.getByLabel("个案数量").selectOption("10000");
  await page.getByRole("button", { name: "生成演示个案" }).click();
  await expect(page.getByText("已写入 10000 个演示个案")).toBeVisible({ timeout: 240_000 });
  await expect(page.locator(".storage-counts")).toHaveCount(1);

  await page.getByRole("link", { name: "个案", exact: true }).click();
  await expect(page.locator(".search-count")).toContainText("找到 10000 个个案。显示最近更新的 50 个");
  const rows = page.locator(".case-search tbody tr");
  await expect(rows).toHaveCount(50);

  // One case by the reference read to the customer.
  const reference = (await rows.nth(7).locator("td").first().innerText()).trim();
  await searchBox(page).fill(reference);
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator("td").first()).toHaveText(reference);

  // Words from the notes: fewer than all, more than none.
  await searchBox(page).fill("客户要求尽快处理");
  const withWords = await foundCount(page);
  expect(withWords).toBeGreaterThan(0);
  expect(withWords).toBeLessThan(10000);

  // Filters narrow what the words found, and every row shows the status.
  await searchBox(page).fill("");
  await page.getByLabel("状态").selectOption({ label: "已结案" });
  const closed = await foundCount(page);
  await page.getByLabel("状态").selectOption({ label: "处理中" });
  const open = await foundCount(page);
  await page.getByLabel("状态").selectOption({ label: "待回访" });
  const awaiting = await foundCount(page);
  expect(closed + open + awaiting).toBe(10000);
  expect(closed).toBeGreaterThan(open);
  await page.getByLabel("状态").selectOption({ label: "已结案" });
  await expect(rows.first()).toContainText("已结案");

  await page.getByLabel("来意").selectOption({ label: "账单争议/费用异常" });
  const billClosed = await foundCount(page);
  expect(billClosed).toBeGreaterThan(0);
  expect(billClosed).toBeLessThan(closed);

  // A date range of one day in the past.
  await page.getByRole("button", { name: "清除条件" }).click();
  await expect(page.locator(".search-count")).toContainText("找到 10000 个个案");
  const day = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("受理日期从").fill(day);
  await page.getByLabel("受理日期至").fill(day);
  const oneDay = await foundCount(page);
  expect(oneDay).toBeGreaterThan(0);
  expect(oneDay).toBeLessThan(200);

  // The index is kept in IndexedDB: after a reload the totals are the same.
  await reloadUnlocked(page);
  await expect(page.locator(".search-count")).toContainText("找到 10000 个个案。", { timeout: 30_000 });
  await page.getByLabel("状态").selectOption({ label: "已结案" });
  expect(await foundCount(page)).toBe(closed);
});

test("a new case appears in the search list without a reload", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await expect(page.getByText("还没有个案")).toBeVisible();
  await list.startCase();
  await page.getByRole("link", { name: "返回个案列表" }).click();
  await expect(page.locator(".search-count")).toHaveText("找到 1 个个案。");
});
