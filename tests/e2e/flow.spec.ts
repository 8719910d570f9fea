import { expect, test } from "@playwright/test";
import { CaseList, expectNoViolations, next, openCase, passWithDemoAnswer, reloadUnlocked } from "./pages/app";

/** A demo customer whose latest bill spiked (generated from the fixed seed). */
const BILL_SPIKE_PHONE = "13800006229";
const BILL_DISPUTE = "账单争议/费用异常";

test("listen offers what the first statement said and never asks it again", async ({ page }) => {
  await openCase(page, BILL_SPIKE_PHONE, "这个月话费怎么多扣了30块", BILL_DISPUTE);
  await next(page, "倾听");
  await expect(page.getByRole("status").filter({ hasText: "必填信息 0/2" })).toBeVisible();
  await expect(page.locator(".next-action")).toContainText("确认客户首句里已经说过的信息");
  const month = page.locator(".fact-row").filter({ hasText: "账单月份" });
  await expect(month).toContainText("客户已说：“这个月”");
  await month.getByRole("button", { name: /确认/ }).click();
  const amount = page.locator(".fact-row").filter({ hasText: "争议金额" });
  await expect(amount).toContainText("客户已说：“30块”");
  await amount.getByRole("button", { name: /确认：¥30.00/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "必填信息 2/2" })).toBeVisible();
  await expect(page.getByText("必填信息已齐全，可以进入身份核验。")).toBeVisible();
  await expectNoViolations(page, "listen with facts captured");
  // The prompt that asks for the month is marked known; the suggested next
  // question is about something else.
  const whichBill = page.locator(".prompt").filter({ hasText: "哪个月的账单" });
  await expect(whichBill).toContainText("已知，不必再问");
  await expect(page.locator(".next-action")).toContainText("进入“身份核验”");

  // Asking a question twice warns first.
  const first = page.locator(".prompt-open, .prompt-closed").first();
  await first.getByRole("button", { name: "已问" }).click();
  await expect(first).toContainText("已问 1 次");
  await first.getByRole("button", { name: "已问" }).click();
  await expect(first.getByRole("alert")).toContainText("已经问过了");

  // A bad value gets a clear message and is not recorded; a hostile one is
  // kept as plain text.
  const item = page.locator(".fact-row").filter({ hasText: "有疑问的收费项目" });
  await item.getByRole("textbox").fill("x".repeat(300));
  await item.getByRole("button", { name: "记录" }).click();
  await expect(item.getByRole("alert")).toHaveText("内容太长。");
  await item.getByRole("textbox").fill("<img src=x onerror=alert(1)>");
  await item.getByRole("button", { name: "记录" }).click();
  await expect(item.locator(".fact-value")).toContainText("<img src=x onerror=alert(1)>");
  await reloadUnlocked(page);
  await expect(page.getByRole("status").filter({ hasText: "必填信息 2/2" })).toBeVisible();
});

test("nothing personal or financial shows before verification; the records open after it", async ({ page }) => {
  await openCase(page, BILL_SPIKE_PHONE, "这个月话费怎么多扣了一百多块", BILL_DISPUTE);
  await next(page, "倾听");
  await next(page, "身份核验");
  const body = page.locator("body");
  await expect(body).not.toContainText(BILL_SPIKE_PHONE);
  await expect(body).not.toContainText(/¥\d/);
  await next(page, "还原经过");
  await expect(page.getByText("客户记录已锁定：请先完成身份核验。")).toBeVisible();
  await expect(body).not.toContainText(/¥\d/);
  await expect(body).not.toContainText(BILL_SPIKE_PHONE);
  await page.getByRole("button", { name: "去核验身份" }).click();
  await expect(page.locator("#stage-heading")).toHaveText("身份核验");

  await expectNoViolations(page, "verify");
  await passWithDemoAnswer(page, /服务密码/);
  await expect(page.getByText("身份核验已通过，可以查看客户记录。")).toBeVisible();
  await expect(page.getByText(/审计记录完整（1 条）/)).toBeVisible();

  await page.getByRole("button", { name: /还原经过/ }).first().click();
  await page.getByRole("button", { name: "查看客户记录" }).click();
  const findings = page.locator(".finding-list");
  await expect(findings).toContainText("账单突增");
  await expect(findings).toContainText(/倍/);
  await expect(page.locator("svg.timeline .flag")).not.toHaveCount(0);
  await page.locator(".finding").filter({ hasText: "账单突增" }).getByRole("button", { name: "打开" }).click();
  await expect(page.getByRole("dialog")).toContainText(/¥\d/);
  await expectNoViolations(page, "reconstruct with a record open");
  // The reveals are audited: the timeline and the bill.
  await page.getByRole("button", { name: /身份核验/ }).first().click();
  await expect(page.getByText(/审计记录完整（3 条）/)).toBeVisible();
});

test("too many wrong answers lock verification, and the lock survives a reload", async ({ page }) => {
  await openCase(page, BILL_SPIKE_PHONE, "这个月话费怎么多扣了一百多块", BILL_DISPUTE);
  await next(page, "倾听");
  await next(page, "身份核验");
  const row = page.locator(".method").filter({ hasText: /服务密码/ });
  for (const [n, left] of [[1, "还可尝试 2 次"], [2, "还可尝试 1 次"]] as const) {
    await row.getByLabel("客户的回答").fill("000000");
    await row.getByRole("button", { name: "核对" }).click();
    await expect(row).toContainText(`失败 ${n} 次`);
    await expect(page.getByText(left)).toBeVisible();
  }
  await expect(page.getByText("注意：再失败一次将锁定核验。")).toBeVisible();
  await row.getByLabel("客户的回答").fill("111111");
  await row.getByRole("button", { name: "核对" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "核验已锁定" })).toBeVisible();
  await expect(row.getByRole("button", { name: "核对" })).toBeDisabled();
  await reloadUnlocked(page);
  await expect(page.getByRole("alert").filter({ hasText: "核验已锁定" })).toBeVisible();
  await expect(page.getByText(/审计记录完整（4 条）/)).toBeVisible();
});

test("the next step is always shown and the shortcuts are listed on a help overlay", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await expect(page.locator(".next-action")).toContainText("查找客户");
  await page.getByLabel(/手机号、账户或证件号/).fill(BILL_SPIKE_PHONE);
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByRole("button", { name: /选择客户/ }).first().click();
  await expect(page.locator(".next-action")).toContainText("记录客户的第一句话");

  await page.locator("body").press("?");
  const help = page.getByRole("dialog", { name: "键盘快捷键" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Alt + N");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await page.keyboard.press("Alt+KeyM");
  await expect(page.locator("#note-draft")).toBeFocused();
  // Typing "?" in a field types it.
  await page.keyboard.type("?");
  await expect(page.locator("#note-draft")).toHaveValue("?");
  await expect(help).toBeHidden();
});
