// Drives the app as an agent would and saves the README screenshots.
import { chromium } from "playwright-core";

const [base, outDir] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

async function shoot(lang, viewport, file) {
  const ctx = await browser.newContext({ viewport, locale: lang, hasTouch: viewport.width < 1000 });
  const page = await ctx.newPage();
  await page.goto(base);
  if (lang === "en") await page.getByRole("button", { name: /English/ }).click();
  const start = page.locator("form button[type=submit]");
  await page.getByRole("combobox").first().selectOption("store");
  await start.click();
  await page.waitForURL(/\/cases\//);
  await page.keyboard.press("Alt+ArrowRight");
  await page.locator("#note-draft").fill(lang === "en"
    ? "Customer says November's bill is 58 yuan higher than usual; no plan change on their side."
    : "客户称 11 月账单比平时多 58 元，自己没有改过套餐。");
  await page.locator(".note-form button").click();
  await page.locator(".note-text").waitFor();
  await page.keyboard.press("Alt+ArrowRight");
  await page.locator(".save-status .saved").waitFor();
  await page.mouse.click(1, 1);
  await page.screenshot({ path: `${outDir}/${file}`, fullPage: viewport.width < 1000 });
  await ctx.close();
}

await shoot("zh-CN", { width: 1440, height: 900 }, "case-desktop-zh.png");
await shoot("en", { width: 1440, height: 900 }, "case-desktop-en.png");
await shoot("zh-CN", { width: 768, height: 1024 }, "case-tablet-zh.png");
await browser.close();
