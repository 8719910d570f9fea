import { expect, test, type Page } from "@playwright/test";
import { CaseList, reloadUnlocked } from "./pages/app";

/** Types what the customer said and asks for the intent. */
async function recognise(page: Page, said: string) {
  await page.getByLabel("照客户的原话记录，不要改写。").fill(said);
  await page.getByRole("button", { name: "识别来意" }).click();
}

const topSuggestion = (page: Page) => page.locator(".suggestion .suggestion-name").first();

test("look up a customer, then a Chinese and an English statement are each ranked right", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();

  // A demo customer whose bill spiked (the demo data is generated from a
  // fixed seed): looked up by phone number typed with spaces.
  await page.getByLabel(/手机号、账户或证件号/).fill("138 0000 6229");
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByRole("button", { name: /选择客户 .*138\*\*\*\*6229/ }).click();
  const panel = page.getByRole("complementary", { name: "客户信息" });
  await expect(panel).toContainText("138****6229");
  // Choosing keeps the search and its results on screen (nothing typed is lost).
  await expect(page.getByLabel(/手机号、账户或证件号/)).toHaveValue("138 0000 6229");
  await expect(page.getByRole("button", { name: /选择客户 .*138\*\*\*\*6229/ })).toHaveAttribute("aria-pressed", "true");
  // Profile tags come with their reasons.
  await expect(panel.getByRole("list").last()).not.toBeEmpty();

  await recognise(page, "这个月话费怎么多扣了一百多块，我啥也没干啊");
  await expect(topSuggestion(page)).toHaveText("账单争议/费用异常");
  await expect(page.locator(".suggestion-confidence").first()).toHaveText(/^\d+%$/);

  await recognise(page, "I was charged a fortune for roaming in Japan, never used data there");
  await expect(topSuggestion(page)).toHaveText("国际漫游费用");

  await page.getByRole("button", { name: /使用此来意.*国际漫游费用/ }).click();
  await expect(page.getByText("已确认来意：国际漫游费用")).toBeVisible();

  // Every step is in the log: a reload shows the same.
  await reloadUnlocked(page);
  await expect(panel).toContainText("138****6229");
  await expect(page.getByLabel("照客户的原话记录，不要改写。")).toHaveValue(/roaming in Japan/);
  await expect(topSuggestion(page)).toHaveText("国际漫游费用");
  await expect(page.getByText("已确认来意：国际漫游费用")).toBeVisible();
});

test("the agent can override the suggestion with another intent", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await recognise(page, "话费多扣了，要退钱");
  await page.getByLabel("或手动选择来意").selectOption({ label: "退款申请" });
  await page.locator("form").filter({ has: page.getByLabel("或手动选择来意") }).getByRole("button").click();
  await expect(page.getByText("已确认来意：退款申请 （人工改选）")).toBeVisible();
});

test("an unclear statement asks for an open question", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await recognise(page, "嗯……那个……");
  await expect(page.getByText("无法确定来意。请先问一个开放式问题")).toBeVisible();
});

test("a balance enquiry is answered at intake and the case closes as resolved", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await recognise(page, "帮我查一下话费还剩多少钱");
  await expect(topSuggestion(page)).toHaveText("余额查询");
  await page.getByRole("button", { name: /使用此来意.*余额查询/ }).click();
  const card = page.getByRole("region", { name: /快捷答复/ });
  // Figures stay hidden until verification.
  await expect(card).toContainText("（核验后显示）");
  await card.getByRole("button", { name: "答复并结案" }).click();
  await expect(card.getByRole("status")).toHaveText(/个案已结案/);
  await page.getByRole("link", { name: "返回个案列表" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText("已结案");
});

test("a lookup by an ID-number fragment or account works, and a too-short one is explained", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  const query = page.getByLabel(/手机号、账户或证件号/);
  await query.fill("12");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByRole("status").filter({ hasText: "至少 4 位" })).toBeVisible();
  await query.fill("8866306710");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.locator(".lookup-results li")).toHaveCount(1);
  await query.fill("0000000000000");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("没有找到匹配的客户。")).toBeVisible();
});

test("an empty statement is refused with a message", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await recognise(page, "   ");
  await expect(page.getByRole("alert")).toHaveText("请先记录客户的话。");
});
