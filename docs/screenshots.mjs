// Drives the app as an agent would and saves the README screenshots.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const [base, outDir] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

async function intake(lang, viewport, file) {
  const ctx = await browser.newContext({ viewport, hasTouch: viewport.width < 1000 });
  const page = await ctx.newPage();
  await page.goto(base);
  if (lang === "en") await page.getByRole("button", { name: /English/ }).click();
  await page.getByRole("combobox").first().selectOption("hotline");
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/cases\//);
  await page.locator("input[type=search]").fill("138 0000 6229");
  await page.locator("input[type=search]").press("Enter");
  await page.locator(".lookup-results button").first().click();
  await page.locator("#statement").fill(lang === "en"
    ? "why is my bill like 100 yuan more this month?? I didn't do anything different"
    : "这个月话费怎么多扣了一百多块，我啥也没干啊");
  await page.locator("#statement").press("Tab");
  await page.locator(".intake-block form button[type=submit]").nth(1).click();
  await page.locator(".suggestion button").first().click();
  await page.locator(".confirmed-intent").waitFor();
  await page.mouse.click(1, 1);
  await page.screenshot({ path: `${outDir}/${file}`, fullPage: true });
  await ctx.close();
}

async function packImport(file) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/pack`);
  const broken = readFileSync("crates/care-core/tests/packs/minimal.toml", "utf8")
    .replace('escalation = "billing"', 'escalation = "legal"')
    .replace("sla_hours = 48", "sla_hours = 0");
  await page.locator("input[type=file]").setInputFiles({ name: "team-pack.toml", mimeType: "text/plain", buffer: Buffer.from(broken) });
  await page.locator(".problem-list").waitFor();
  await page.locator(".import-refused").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${outDir}/${file}` });
  await ctx.close();
}

await intake("zh-CN", { width: 1440, height: 900 }, "intake-desktop-zh.png");
await intake("en", { width: 1440, height: 900 }, "intake-desktop-en.png");
await intake("zh-CN", { width: 768, height: 1024 }, "intake-tablet-zh.png");
await packImport("pack-import-zh.png");
await browser.close();
