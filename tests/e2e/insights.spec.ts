// The team lead's insights: metrics over the archive, with the training
// sessions left out, a CSV export, and a layout that fits a tablet.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { CaseList, expectNoViolations, gotoUnlocked, next, openCase, passWithDemoAnswer } from "./pages/app";

const BILL_SPIKE_PHONE = "13800006229";

async function writeArchive(page: Page, size: string) {
  await gotoUnlocked(page, "/settings");
  await page.getByLabel("个案数量").selectOption(size);
  await page.getByRole("button", { name: "生成演示个案" }).click();
  await expect(page.getByText(`已写入 ${size} 个演示个案`)).toBeVisible({ timeout: 240_000 });
}

/** A case for the bill-spike customer whose first statement the pack
 * cannot place: the agent picks the intent by hand. */
async function startUnplaced(page: Page, said: string) {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await page.getByLabel(/手机号、账户或证件号/).fill(BILL_SPIKE_PHONE);
  await page.getByRole("button", { name: "查找", exact: true }).click();
  await page.getByRole("button", { name: /选择客户/ }).first().click();
  await page.getByLabel("照客户的原话记录，不要改写。").fill(said);
  await page.getByRole("button", { name: "识别来意" }).click();
  await page.getByLabel("或手动选择来意").selectOption({ label: "套餐变更/升级" });
  await page.getByRole("button", { name: "使用此来意", exact: true }).click();
  await expect(page.locator(".confirmed-intent")).toBeVisible();
}

const total = (page: Page) => page.getByTestId("metrics-total").locator('td[data-col="cases"]');

/** The breakdown's case counts, summed. */
async function breakdownSum(page: Page): Promise<number> {
  const cells = await page.getByTestId("metrics-rows").locator('td[data-col="cases"]').allInnerTexts();
  return cells.reduce((n, c) => n + Number(c), 0);
}

test("over 10 000 generated cases the totals add up, the filters narrow them, and the table exports as CSV", async ({ page }) => {
  test.setTimeout(360_000);
  await writeArchive(page, "10000");
  await page.getByRole("link", { name: "洞察" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("洞察：服务指标");
  await expect(total(page)).toHaveText("10000");
  // Every case reaches intake; each breakdown counts every case once.
  await expect(page.getByTestId("funnel").locator('g[data-stage="intake"]')).toHaveAttribute("data-count", "10000");
  expect(await breakdownSum(page)).toBe(10000);
  await page.locator("#insights-group").selectOption("channel");
  await expect(page.getByTestId("metrics-rows").locator("tbody tr")).not.toHaveCount(0);
  expect(await breakdownSum(page)).toBe(10000);
  const store = Number(await page.getByTestId("metrics-rows").locator('tr[data-key="store"] td[data-col="cases"]').innerText());
  expect(store).toBeGreaterThan(0);
  // Filtering on a channel keeps exactly that row's cases.
  await page.locator("#insights-channel").selectOption("store");
  await expect(total(page)).toHaveText(String(store));
  // Rates say what they count.
  await expect(page.getByTestId("metrics-total").locator('td[data-col="fcr"]')).toHaveText(/^\d+%（\d+\/\d+）$/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("metrics-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^care-metrics-channel-.*\.csv$/);
  const csv = readFileSync((await download.path()) as string, "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toContain("首次解决率");
  expect(lines).toHaveLength(2);
  expect(lines[1].startsWith("store,")).toBe(true);
});

test("training sessions never count in the metrics, and the screen fits a tablet in both languages", async ({ page }) => {
  test.setTimeout(120_000);
  await writeArchive(page, "100");
  await gotoUnlocked(page, "/training");
  await page.locator('button[data-start="bill-spike-easy"]').click();
  await expect(page.getByTestId("training-band")).toBeVisible();
  await page.setViewportSize({ width: 768, height: 1024 });
  await gotoUnlocked(page, "/insights");
  await expect(total(page)).toHaveText("100");
  // By the agent who took each case, their rows adding up to every case.
  await page.locator("#insights-group").selectOption("agent");
  const wang = page.getByTestId("metrics-rows").locator('tr[data-key="wang.fang"] td[data-col="cases"]');
  await expect(wang).toHaveCount(1);
  expect(await breakdownSum(page)).toBe(100);
  // Filtering on one agent keeps exactly their cases.
  const theirs = await wang.innerText();
  await page.locator("#insights-agent").selectOption("wang.fang");
  await expect(total(page)).toHaveText(theirs);
  await page.locator("#insights-agent").selectOption("");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoViolations(page, "insights");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Insights: service metrics");
  await expect(page.getByTestId("funnel")).toHaveAttribute("aria-label", /Intake 100/);
  // Every column says, on hover, how it is counted, in the language shown.
  const tips = await page.getByTestId("metrics-total").locator("thead abbr").evaluateAll((els) => els.map((e) => e.getAttribute("title") ?? ""));
  expect(tips).toHaveLength(9);
  for (const tip of tips) expect(tip).toMatch(/^[^\u4e00-\u9fff]{20,}\.$/);
  expect(tips[1]).toContain("within 7 days");
});

test("a statement the pack could not place is listed as a knowledge gap that links to its case, and the lists export as CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await writeArchive(page, "100");
  // An agent meets a request the pack does not know and picks the intent by
  // hand. What the customer said is hostile too: markup that would run if it
  // were ever inserted as HTML, and a formula a spreadsheet would run.
  const said = '=1+2 <img src=x onerror="window.__pwned=1"> 我想问问卫星电话在山里能不能用';
  await startUnplaced(page, said);
  const caseUrl = page.url();

  await page.getByRole("link", { name: "洞察" }).click();
  // Every list links to the cases behind it.
  await expect(page.getByTestId("gap-rejected").locator(".case-links a").first()).toHaveAttribute("href", /^\/cases\//);
  // Today's cases (a day of the pack calendar, at +08:00): the new gap is among them.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await page.locator("#insights-from").fill(today);
  await page.locator("#insights-from").dispatchEvent("change");
  const statements = page.getByTestId("gap-statements");
  const entry = statements.locator(".gap-entry").filter({ hasText: said });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText("套餐变更/升级");
  await expect(statements.locator("img")).toHaveCount(0);
  await entry.locator(".case-links a").first().click();
  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByLabel("照客户的原话记录，不要改写。")).toHaveValue(said);

  await page.getByRole("link", { name: "洞察" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("gaps-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^care-knowledge-gaps-.*\.csv$/);
  const csv = readFileSync((await download.path()) as string, "utf8");
  // The CSV quotes the statement and guards the formula with a leading "'".
  const line = csv.split("\r\n").find((l) => l.includes("卫星电话"));
  expect(line).toContain(`"'=1+2 <img src=x onerror=""window.__pwned=1""> 我想问问卫星电话在山里能不能用"`);
  expect(line).toContain(caseUrl.split("/").pop());

  // The printable report shows the words as the customer said them, as text.
  await gotoUnlocked(page, `${new URL(caseUrl).pathname}/report`);
  await expect(page.getByTestId("case-report")).toContainText(said);
  await expect(page.getByTestId("case-report").locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("a customer who says their own name in an unplaced statement is masked in the gap list", async ({ page }) => {
  test.setTimeout(120_000);
  // A verified agent sees the customer's whole name…
  await openCase(page, BILL_SPIKE_PHONE, "这个月话费怎么多扣了30块", "账单争议/费用异常");
  await next(page, "倾听");
  await next(page, "身份核验");
  await passWithDemoAnswer(page, /服务密码/);
  await page.locator(".customer-panel").getByRole("button", { name: "显示完整信息" }).click();
  const shown = page.locator(".customer-panel dd").first();
  await expect(shown).not.toContainText("*");
  const name = (await shown.innerText()).trim();
  expect(name).toMatch(/^[^*]{2,}$/);
  // …and the same customer calls again about something the pack does not know.
  await startUnplaced(page, `你好，我是${name}，想问问卫星电话在山里能不能用`);

  await page.getByRole("link", { name: "洞察" }).click();
  const entry = page.getByTestId("gap-statements").locator(".gap-entry").filter({ hasText: "卫星电话在山里" });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(`我是${name[0]}*`);
  await expect(entry).not.toContainText(name);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("gaps-csv").click()]);
  const csv = readFileSync((await download.path()) as string, "utf8");
  expect(csv).toContain("卫星电话在山里");
  expect(csv).not.toContain(name);
});
