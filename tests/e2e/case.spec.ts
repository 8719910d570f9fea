import { expect, test } from "@playwright/test";
import { CaseList, CaseScreen, gotoUnlocked, reloadUnlocked } from "./pages/app";

test("a case moved through the stages by keyboard keeps its stage and note after a reload", async ({ page }) => {
  await new CaseList(page).open();
  await new CaseList(page).startCase("营业厅");
  const screen = new CaseScreen(page);

  // Alt+→ three times: intake → listen → verify → reconstruct.
  for (const name of ["倾听", "身份核验", "还原经过"]) {
    await page.keyboard.press("Alt+ArrowRight");
    await expect(screen.stageHeading()).toHaveText(name);
    // Focus follows the stage, so a screen reader hears where we are.
    await expect(screen.stageHeading()).toBeFocused();
  }
  // Alt+← goes back one; a skipped stage cannot be jumped to.
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(screen.stageHeading()).toHaveText("身份核验");
  await page.keyboard.press("Alt+7");
  await expect(page.getByRole("alert")).toContainText("不能跳过阶段");
  await expect(screen.stageHeading()).toHaveText("身份核验");
  // Alt+4 returns to a stage already reached.
  await page.keyboard.press("Alt+4");
  await expect(screen.stageHeading()).toHaveText("还原经过");
  // Focus lands on the heading a frame after the move is saved; wait for
  // the save and two frames, or that late focus would be taken from the
  // rail below (the heading may still hold focus from the move before, so
  // "focused" alone does not say the new move's focus has happened).
  await expect(screen.saveStatus()).toContainText("已保存到本机");
  await expect(screen.stageHeading()).toBeFocused();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

  // The rail: arrow keys move focus, Enter opens the stage.
  await screen.rail().getByRole("button", { name: /还原经过/ }).focus();
  await page.keyboard.press("ArrowUp");
  await expect(screen.rail().getByRole("button", { name: /身份核验/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(screen.stageHeading()).toHaveText("身份核验");

  const note = "客户称 11 月账单多扣 58 元 <script>alert('x')</script>";
  await screen.addNote(note);
  await expect(page.getByText("已保存到本机")).toBeVisible();
  await expect(page.locator(".note-text")).toHaveText([note]);
  await expect(page.getByLabel("新备注")).toHaveValue("");

  const url = page.url();
  await reloadUnlocked(page);
  await expect(page).toHaveURL(url);
  await expect(screen.stageHeading()).toHaveText("身份核验");
  await expect(page.locator(".note-text")).toHaveText([note]);
  await expect(page.getByText("于“身份核验”阶段")).toBeVisible();

  // And the case list shows it, at the stage it was left in.
  await page.getByRole("link", { name: "返回个案列表" }).click();
  const row = page.getByRole("row").filter({ hasText: "营业厅" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("身份核验");
  await row.getByRole("link", { name: /打开个案/ }).click();
  await expect(page).toHaveURL(url);
});

test("a blank note is refused with a message and nothing is saved", async ({ page }) => {
  await new CaseList(page).open();
  await new CaseList(page).startCase();
  const screen = new CaseScreen(page);
  await screen.addNote("   ");
  await expect(page.getByRole("alert")).toHaveText("备注是空的。");
  await expect(page.getByText("还没有备注。")).toBeVisible();
});

test("personal data is masked on the case screen", async ({ page }) => {
  await new CaseList(page).open();
  await new CaseList(page).startCase();
  await page.getByLabel(/手机号、账户或证件号/).fill("13800006229");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.locator(".lookup-results")).toContainText("138****6229");
  await expect(page.locator(".lookup-results")).not.toContainText("13800006229");
  await page.getByRole("button", { name: /选择客户/ }).first().click();
  const panel = page.getByRole("complementary", { name: "客户信息" });
  await expect(panel).toContainText("138****6229");
  await expect(panel).not.toContainText("13800006229");
  await expect(panel).not.toContainText("谢超");
  await expect(panel).toContainText("谢*");
});

test("an unknown case says so and offers the way back", async ({ page }) => {
  await gotoUnlocked(page, "/cases/019abf1c-8a2e-7c3d-9e4f-00abcd12ef34");
  await expect(page.getByRole("alert")).toContainText("找不到这个个案");
  await page.getByRole("link", { name: "返回个案列表" }).click();
  await expect(page.getByRole("heading", { name: "个案", level: 1 })).toBeVisible();
});
