// Drives the app as an agent would and saves the README screenshots.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const [base, outDir] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

/** A fresh browser first sets the device PIN. */
async function setUp(page) {
  await page.locator("#pin-new").fill("246810");
  await page.locator("#pin-confirm").fill("246810");
  await page.locator("#pin-confirm").press("Enter");
  await page.locator(".lock-screen").waitFor({ state: "detached" });
}

/** The first start: choosing the PIN the data is encrypted under. */
async function lockSetup(file) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base);
  await page.locator("#pin-new").waitFor();
  await page.screenshot({ path: `${outDir}/${file}` });
  await ctx.close();
}

async function intake(lang, viewport, file) {
  const ctx = await browser.newContext({ viewport, hasTouch: viewport.width < 1000 });
  const page = await ctx.newPage();
  await page.goto(base);
  await setUp(page);
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
  await setUp(page);
  const broken = readFileSync("crates/care-core/tests/packs/minimal.toml", "utf8")
    .replace('escalation = "billing"', 'escalation = "legal"')
    .replace("sla_hours = 48", "sla_hours = 0");
  await page.locator("input[type=file]").setInputFiles({ name: "team-pack.toml", mimeType: "text/plain", buffer: Buffer.from(broken) });
  await page.locator(".problem-list").waitFor();
  await page.locator(".import-refused").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${outDir}/${file}` });
  await ctx.close();
}

// The whole flow for the bill-spike customer, one screenshot per stage.
async function tour(viewport, size) {
  const ctx = await browser.newContext({ viewport, hasTouch: viewport.width < 1000 });
  const page = await ctx.newPage();
  const shot = async (name) => {
    await page.mouse.click(1, 1);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${outDir}/tour-${name}-${size}.png`, fullPage: true });
  };
  const next = async (stage) => {
    await page.getByRole("button", { name: `进入下一阶段：${stage} →` }).click();
    await page.locator("#stage-heading", { hasText: stage }).waitFor();
  };
  await page.goto(base);
  await setUp(page);
  await page.getByRole("button", { name: "开始受理" }).click();
  await page.waitForURL(/\/cases\//);
  await page.getByLabel(/手机号、账户或证件号/).fill("13800006229");
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByRole("button", { name: /选择客户/ }).first().click();
  await page.getByLabel("照客户的原话记录，不要改写。").fill("这个月话费怎么多扣了30块");
  await page.getByRole("button", { name: "识别来意" }).click();
  await page.getByRole("button", { name: /使用此来意.*账单争议/ }).first().click();
  await page.locator(".confirmed-intent").waitFor();
  await next("倾听");
  await page.locator(".fact-row").filter({ hasText: "账单月份" }).getByRole("button", { name: /确认/ }).click();
  await page.getByRole("status").filter({ hasText: "必填信息 1/2" }).waitFor();
  await shot("2-listen");
  await page.locator(".fact-row").filter({ hasText: "争议金额" }).getByRole("button", { name: /确认/ }).click();
  await page.getByRole("status").filter({ hasText: "必填信息 2/2" }).waitFor();
  await next("身份核验");
  const row = page.locator(".method").filter({ hasText: /服务密码/ });
  await row.getByRole("button", { name: "演示数据：显示正确答案" }).click();
  const answer = (await row.locator(".demo-hint").innerText()).trim();
  await row.getByRole("button", { name: "演示数据：显示正确答案" }).click();
  await row.getByLabel("客户的回答").fill("000000");
  await row.getByRole("button", { name: "核对" }).click();
  await row.getByText("失败 1 次").waitFor();
  await shot("3-verify");
  await row.getByLabel("客户的回答").fill(answer);
  await row.getByRole("button", { name: "核对" }).click();
  await page.getByText("身份核验已通过，可以查看客户记录。").waitFor();
  await next("还原经过");
  await page.getByRole("button", { name: "查看客户记录" }).click();
  await page.locator(".finding").first().getByRole("button", { name: "打开" }).click();
  await shot("4-reconstruct");
  await next("诊断");
  await page.locator(".cause-card").first().waitFor();
  await shot("5-diagnose");
  await page.getByRole("button", { name: /确认原因：/ }).first().click();
  await page.locator(".confirmed-cause").waitFor();
  await next("方案");
  const credit = page.locator(".option-card").filter({ hasText: "账务后台" });
  await credit.getByRole("button", { name: /选择此方案/ }).click();
  await page.locator(".handoff-text").waitFor();
  await shot("6-resolve");
  await next("承诺");
  const draft = page.locator(".commit-draft");
  await draft.getByText("短信").click();
  await draft.getByRole("button", { name: "做出此承诺" }).click();
  await page.locator(".commitment").waitFor();
  await shot("7-commit");
  await next("回访");
  await shot("8-follow-up");
  await ctx.close();
}

await tour({ width: 1440, height: 900 }, "desktop");
await tour({ width: 768, height: 1024 }, "tablet");
await intake("zh-CN", { width: 1440, height: 900 }, "intake-desktop-zh.png");
await intake("en", { width: 1440, height: 900 }, "intake-desktop-en.png");
await intake("zh-CN", { width: 768, height: 1024 }, "intake-tablet-zh.png");
await packImport("pack-import-zh.png");
await lockSetup("lock-setup-zh.png");
await browser.close();
