import { expect, test } from "@playwright/test";
import { CaseList, gotoUnlocked, reloadUnlocked } from "./pages/app";

test("the app is installable: a web manifest and a service worker", async ({ page, request }) => {
  await gotoUnlocked(page, "/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href!)).json();
  expect(manifest.name).toContain("客服助手");
  expect(manifest.start_url).toBe("/");
  expect(manifest.icons.length).toBeGreaterThan(0);
  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptURL).toMatch(/\/sw\.js$/);
});

test("a case opened offline is still there when the app reloads offline", async ({ page, context }) => {
  const list = new CaseList(page);
  await list.open();
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await reloadUnlocked(page); // the worker now controls the page and has cached the shell
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await context.setOffline(true);
  await list.startCase("营业厅");
  await page.getByLabel("新备注").fill("地下室无信号，离线记录");
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.getByText("已保存到本机")).toBeVisible();
  await reloadUnlocked(page);
  await expect(page.locator(".note-text")).toHaveText(["地下室无信号，离线记录"]);
  await context.setOffline(false);
});
