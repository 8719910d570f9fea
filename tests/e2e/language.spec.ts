import { expect, test, type Page } from "@playwright/test";
import { CaseList, interfaceText } from "./pages/app";

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
// Latin words that stand in Chinese text as they are: key names and units.
// Any other word of two letters or more in zh-CN mode is an untranslated string.
const LATIN_WORD = /[A-Za-z]{2,}/g;
const ALLOWED_IN_ZH = new Set<string>(["Alt", "GB", "MB"]);

async function expectNoChinese(page: Page) {
  const text = await interfaceText(page);
  const hit = text.split("\n").find((line) => CJK.test(line));
  expect(hit, `Chinese left on an English page: ${hit}`).toBeUndefined();
}

// Case references (ULID letters, e.g. "7KQW-RAWP") are data, not words,
// even inside a label such as "打开个案 7KQW-RAWP".
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
  await page.getByRole("textbox").fill("备注 note");
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.locator(".note-text")).toHaveCount(1);
  await expectNoEnglish(page);

  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "Intake" })).toBeVisible();
  await expectNoChinese(page);

  // The choice is kept across a reload, and covers the case list too.
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Intake" })).toBeVisible();
  await expectNoChinese(page);
  await page.getByRole("link", { name: "Back to cases" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  await expectNoChinese(page);

  await page.getByRole("button", { name: /中文/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "个案" })).toBeVisible();
  await expectNoEnglish(page);
});

test("Chinese is the default language", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle("客服助手");
});
