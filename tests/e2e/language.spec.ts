import { expect, test, type Page } from "@playwright/test";
import { CaseList, gotoUnlocked, interfaceText, reloadUnlocked } from "./pages/app";

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
// Latin words that stand in Chinese text as they are: key names and units.
// Any other word of two letters or more in zh-CN mode is an untranslated string.
const LATIN_WORD = /[A-Za-z]{2,}/g;
const ALLOWED_IN_ZH = new Set<string>(["Alt", "GB", "MB", "SIM", "TOML", "App"]);

async function expectNoChinese(page: Page) {
  const text = await interfaceText(page);
  const hit = text.split("\n").find((line) => CJK.test(line));
  expect(hit, `Chinese left on an English page: ${hit}`).toBeUndefined();
}

// Case references (hex digits of the case id, e.g. "7BEF-CADE") are data,
// not words, even inside a label such as "打开个案 7BEF-CADE".
const CASE_REF = /\b[0-9A-Z]{4}-[0-9A-Z]{4}\b/g;

async function expectNoEnglish(page: Page) {
  const text = (await interfaceText(page)).replace(CASE_REF, "");
  const words = (text.match(LATIN_WORD) ?? []).filter((w) => !ALLOWED_IN_ZH.has(w));
  expect(words, "English left on a Chinese page").toEqual([]);
}

test("switching to English leaves no Chinese interface text, and back", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await page.getByLabel("新备注").fill("备注 note");
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.locator(".note-text")).toHaveCount(1);
  // Intake with ranked intents, which come from the pack in both languages.
  await page.getByLabel("照客户的原话记录，不要改写。").fill("话费多扣了");
  await page.getByRole("button", { name: "识别来意" }).click();
  await expect(page.locator(".suggestion")).not.toHaveCount(0);
  await expectNoEnglish(page);

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "Intake" })).toBeVisible();
  await expectNoChinese(page);

  // The choice is kept across a reload, and covers the case list too.
  await reloadUnlocked(page);
  await expect(page.getByRole("heading", { level: 2, name: "Intake" })).toBeVisible();
  await expectNoChinese(page);
  await page.getByRole("link", { name: "Back to cases" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  await expectNoChinese(page);
  await page.getByRole("link", { name: "Knowledge pack" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Knowledge pack" })).toBeVisible();
  await expectNoChinese(page);

  await page.getByRole("button", { name: /中文/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "知识包" })).toBeVisible();
  await expectNoEnglish(page);
});

test("Chinese is the default language", async ({ page }) => {
  await gotoUnlocked(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle("客服助手");
});

test("the chosen language is kept with the device's data, even when the browser's small storage is cleared", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.switchLanguage("en");
  // Give the choice a moment to reach IndexedDB, then clear localStorage
  // as a browser's "clear site settings" may.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const open = indexedDB.open("care-assist");
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const kept = await new Promise<{ lang?: string } | undefined>((resolve, reject) => {
          const req = db.transaction("settings").objectStore("settings").get("device");
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        db.close();
        return kept?.lang;
      }),
    )
    .toBe("en");
  await page.evaluate(() => localStorage.clear());
  await reloadUnlocked(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
});
