import { expect, test } from "@playwright/test";
import { CaseList, gotoUnlocked, next, passWithDemoAnswer, reloadUnlocked, unlock } from "./pages/app";

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

test("with the network off after the first visit, a whole case is worked and survives a reload", async ({ page, context }) => {
  test.setTimeout(90_000);
  const list = new CaseList(page);
  await list.open();
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await reloadUnlocked(page);
  await context.setOffline(true);
  await reloadUnlocked(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await list.startWith("13800006229", "这个月话费怎么多扣了30块", "账单争议/费用异常");
  await next(page, "倾听");
  await page.locator(".fact-row").filter({ hasText: "账单月份" }).getByRole("button", { name: /确认/ }).click();
  await next(page, "身份核验");
  await passWithDemoAnswer(page, /服务密码/);
  await next(page, "还原经过");
  await page.getByRole("button", { name: "查看客户记录" }).click();
  await next(page, "诊断");
  await page.getByRole("button", { name: "确认原因：套餐外流量/通话超出" }).click();
  await next(page, "方案");
  await page.locator(".option-card").first().getByRole("button", { name: /选择此方案/ }).click();
  await next(page, "承诺");
  await page.getByRole("button", { name: "做出此承诺" }).click();
  await next(page, "回访");
  await page.getByRole("group", { name: /问题解决了吗/ }).getByText("是").click();
  await page.getByRole("group", { name: /客户满意吗/ }).getByText("是").click();
  await page.getByRole("button", { name: "记录回访结果" }).click();
  await page.getByRole("button", { name: "归档个案" }).click();
  await expect(page.getByText("个案已归档（已解决）。")).toBeVisible();
  await reloadUnlocked(page);
  await expect(page.getByText("个案已归档（已解决）。")).toBeVisible();
  await context.setOffline(false);
});

test("a new version waits, is offered on the case list only, and applies on reload", async ({ page, request }) => {
  const list = new CaseList(page);
  await list.open();
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await reloadUnlocked(page);
  // Whether a new version is installed and waiting to take over.
  const waiting = () => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
  expect(await waiting()).toBe(false);
  const banner = page.getByRole("status").filter({ hasText: "新版本已就绪" });
  await expect(banner).toHaveCount(0);

  // A case is open when the new version arrives: it is not switched.
  await list.startCase();
  const caseUrl = page.url();
  // A new build is deployed and the browser checks for it.
  expect((await request.post("/__deploy")).status()).toBe(204);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await page.getByLabel("新备注").fill("新版本到来时正在处理");
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.locator(".note-text")).toHaveCount(1);
  await expect.poll(waiting).toBe(true);
  await expect(banner).toHaveCount(0);

  // Back on the list it is offered, and applied when the user agrees.
  await page.getByRole("link", { name: "返回个案列表" }).click();
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "更新到新版本" }).click();
  await expect(page.locator("#pin")).toBeVisible();
  await unlock(page);
  expect(await waiting()).toBe(false);
  await expect(banner).toHaveCount(0);
  await page.goto(caseUrl);
  await unlock(page);
  await expect(page.locator(".note-text")).toHaveText(["新版本到来时正在处理"]);
});
