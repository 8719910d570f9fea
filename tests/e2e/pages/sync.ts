import { expect, type Page } from "@playwright/test";
import { unlock } from "./app";

export type Creds = { team: string; user: string; password: string };

/** Signs in to a team server from the settings page, as a person does. */
export async function signIn(page: Page, url: string, creds: Creds) {
  await page.goto("/settings");
  await unlock(page);
  await page.getByRole("textbox", { name: "服务器地址" }).fill(url);
  await page.getByRole("textbox", { name: "团队", exact: true }).fill(creds.team);
  await page.getByRole("textbox", { name: "用户名" }).fill(creds.user);
  await page.getByLabel("密码", { exact: true }).fill(creds.password);
  await page.getByRole("button", { name: "登录并同步" }).click();
}

/** Waits until settings say who is signed in. */
export async function signedIn(page: Page, creds: Creds) {
  await expect(page.locator(".sync-account")).toContainText(creds.user, { timeout: 15_000 });
}

/** Waits until the banner says synced and nothing waits in the outbox. */
export async function synced(page: Page, timeout = 60_000) {
  await expect(page.getByTestId("sync-indicator")).toContainText("已同步", { timeout });
  await expect(page.getByTestId("sync-indicator")).not.toContainText("待上传", { timeout });
}

/** The ids of every event in this device's database (keys are clear). */
export async function storedEventIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open("care-assist");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const keys: IDBValidKey[] = await new Promise((resolve, reject) => {
      const req = db.transaction("events").objectStore("events").getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return keys.map(String);
  });
}
