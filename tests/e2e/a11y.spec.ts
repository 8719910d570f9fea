import { expect, test } from "@playwright/test";
import { CaseList, expectNoViolations, gotoUnlocked } from "./pages/app";

for (const lang of ["zh-CN", "en"] as const) {
  test(`every screen of the shell passes axe (${lang})`, async ({ page }) => {
    // A dozen full axe runs: each takes seconds on a busy 2-core machine.
    test.setTimeout(120_000);
    const list = new CaseList(page);
    await list.open();
    if (lang === "en") await page.getByRole("button", { name: /English/ }).click();
    await expectNoViolations(page, "the empty case list");

    await page.getByRole("button", { name: /开始受理|Start case/ }).click();
    await expect(page).toHaveURL(/\/cases\//);
    const stages = page.getByRole("navigation").getByRole("button");
    await expect(stages).toHaveCount(8);
    await page.getByLabel(/照客户的原话记录|Write down what the customer said/).fill("话费多扣了");
    await page.getByRole("button", { name: /识别来意|Recognise the intent/ }).click();
    await expect(page.locator(".suggestion")).not.toHaveCount(0);
    for (let i = 0; i < 8; i++) {
      // Each stage panel is a landmark with a heading.
      const region = page.getByRole("region").filter({ has: page.locator("#stage-heading") });
      await expect(region).toHaveCount(1);
      await expectNoViolations(page, `stage ${i + 1}`);
      if (i < 7) {
        await page.keyboard.press("Alt+ArrowRight");
        await expect(page.locator("#stage-heading")).toBeFocused();
      }
    }
    await page.getByLabel(/新备注|New note/).fill("a11y");
    await page.getByRole("button", { name: /添加备注|Add note/ }).click();
    await expect(page.locator(".note-text")).toHaveCount(1);
    await expectNoViolations(page, "a case with a note");

    await gotoUnlocked(page, "/");
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoViolations(page, "the case list");
    await page.getByRole("searchbox").fill("a11y");
    await expect(page.locator(".search-count")).toBeVisible();
    await expectNoViolations(page, "the case list, searched");

    await gotoUnlocked(page, "/settings");
    await expect(page.locator(".storage-counts")).toBeVisible();
    await expectNoViolations(page, "the settings");

    await gotoUnlocked(page, "/pack");
    await page.locator("summary").first().click();
    await expectNoViolations(page, "the knowledge pack page");

    await gotoUnlocked(page, "/no/such/page");
    await expect(page.getByRole("heading", { level: 1, name: /没有这个页面|There is no such page/ })).toBeVisible();
    await expectNoViolations(page, "the not-found page");
  });
}
