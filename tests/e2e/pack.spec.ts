import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { CaseList, gotoUnlocked, reloadUnlocked } from "./pages/app";

const minimal = readFileSync("crates/care-core/tests/packs/minimal.toml", "utf8");

test("a broken pack is refused with its problems and the old pack stays in use", async ({ page }) => {
  await gotoUnlocked(page, "/pack");
  await expect(page.getByRole("heading", { name: "演示电信知识包", level: 2 })).toBeVisible();

  const broken = minimal.replace('escalation = "billing"', 'escalation = "legal"').replace("sla_hours = 48", "sla_hours = 0");
  await page.getByLabel("选择知识包文件（TOML）").setInputFiles({
    name: "broken.toml",
    mimeType: "text/plain",
    buffer: Buffer.from(broken),
  });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("broken.toml 有 2 个问题，未导入；当前知识包保持不变。");
  await expect(alert.getByRole("listitem")).toHaveCount(2);
  const line = broken.split("\n").findIndex((l) => l.includes('"legal"')) + 1;
  await expect(alert).toContainText(`第 ${line} 行`);
  await expect(alert).toContainText("没有名为“legal”的团队");
  await expect(alert).toContainText("solutions[0].escalation");
  // Still the built-in pack, and intake still recognises with it.
  await expect(page.getByRole("heading", { name: "演示电信知识包", level: 2 })).toBeVisible();
  await reloadUnlocked(page);
  await expect(page.getByText("内置演示知识包")).toBeVisible();
});

test("a valid pack is imported, survives a reload, and the built-in one can be restored", async ({ page }) => {
  await gotoUnlocked(page, "/pack");
  await page.getByLabel("选择知识包文件（TOML）").setInputFiles({
    name: "team.toml",
    mimeType: "text/plain",
    buffer: Buffer.from(minimal),
  });
  await expect(page.getByText("已导入并启用 team.toml。")).toBeVisible();
  await expect(page.getByRole("heading", { name: "最小知识包", level: 2 })).toBeVisible();
  await reloadUnlocked(page);
  await expect(page.getByRole("heading", { name: "最小知识包", level: 2 })).toBeVisible();
  await expect(page.getByText(/导入自 team\.toml/)).toBeVisible();

  // The imported pack drives intake.
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  await page.getByLabel("照客户的原话记录，不要改写。").fill("账单多扣钱了");
  await page.getByRole("button", { name: "识别来意" }).click();
  await expect(page.locator(".suggestion .suggestion-name")).toHaveText(["账单争议", "余额查询"]);

  await gotoUnlocked(page, "/pack");
  await page.getByRole("button", { name: "恢复内置知识包" }).click();
  await expect(page.getByRole("heading", { name: "演示电信知识包", level: 2 })).toBeVisible();
  await reloadUnlocked(page);
  await expect(page.getByRole("heading", { name: "演示电信知识包", level: 2 })).toBeVisible();
});

test("team leads can browse the pack's intents with their examples", async ({ page }) => {
  await gotoUnlocked(page, "/pack");
  const intents = page.getByRole("region", { name: "来意" });
  await expect(intents.getByRole("listitem").filter({ has: page.locator("summary") })).toHaveCount(19);
  await intents.getByText("国际漫游费用").click();
  const open = intents.locator("details[open]");
  await expect(open.getByText("倾听提示")).toBeVisible();
  await expect(open.locator("li[lang=en]").first()).toBeVisible();
});
