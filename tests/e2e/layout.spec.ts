import { expect, test } from "@playwright/test";
import { CaseList } from "./pages/app";

test.describe("tablet portrait, 768 × 1024", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

  test("no screen scrolls sideways", async ({ page }) => {
    const list = new CaseList(page);
    await list.open();
    const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noSideScroll()).toBe(true);
    await list.startCase();
    expect(await noSideScroll()).toBe(true);
    // A long unbroken note must wrap, not widen the page.
    await page.getByLabel("新备注").fill("账".repeat(50) + "x".repeat(300));
    await page.getByRole("button", { name: "添加备注" }).click();
    await expect(page.locator(".note-text")).toHaveCount(1);
    expect(await noSideScroll()).toBe(true);
    await page.getByRole("link", { name: "返回个案列表" }).click();
    await expect(page.getByRole("table")).toBeVisible();
    expect(await noSideScroll()).toBe(true);
  });

  test("the stage rail is operable by touch", async ({ page }) => {
    const list = new CaseList(page);
    await list.open();
    await list.startCase();
    await page.getByRole("navigation").getByRole("button", { name: /倾听/ }).tap();
    await expect(page.locator("#stage-heading")).toHaveText("倾听");
  });
});
