// Trainer mode's scenario library: the built-in scenarios, and importing
// a trainer's own file (checked against the pack first).
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoViolations, gotoUnlocked, reloadUnlocked } from "./pages/app";

const EASY = readFileSync("public/scenarios/bill-spike-easy.toml", "utf8");

test("the library lists the built-in scenarios with their intent and level, in both languages", async ({ page }) => {
  await gotoUnlocked(page, "/");
  await page.getByRole("link", { name: "培训" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("培训：模拟客户");
  await expect(page.getByTestId("scenario-count")).toHaveText("共 12 个场景");
  const impostor = page.locator('tr[data-scenario="impostor-sim-swap-hard"]');
  await expect(impostor).toContainText("困难");
  await expect(impostor).toContainText("内置");
  await expectNoViolations(page, "training library");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("scenario-count")).toHaveText("12 scenarios");
  await expect(page.locator('tr[data-scenario="bill-spike-easy"]')).toContainText("Easy");
});

test("a broken scenario file is refused with its problems located, and the library stays as it was", async ({ page }) => {
  await gotoUnlocked(page, "/training");
  const broken = EASY.replace('id = "bill-spike-easy"', 'id = "my-first"').replace('prompt = "ask_which_bill"', 'prompt = "ask_which"').replace('level = "easy"', 'level = "easy"\n');
  await page.getByLabel("选择场景文件（TOML）").setInputFiles({ name: "my-first.toml", mimeType: "text/plain", buffer: Buffer.from(broken) });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("my-first.toml 有 1 个问题，未导入；场景库没有变化");
  await expect(alert).toContainText("answers[0].prompt");
  await expect(alert).toContainText("没有名为“ask_which”的提示");
  await expect(page.getByTestId("scenario-count")).toHaveText("共 12 个场景");
  // Not TOML at all.
  await page.getByLabel("选择场景文件（TOML）").setInputFiles({ name: "notes.toml", mimeType: "text/plain", buffer: Buffer.from("这不是场景 = [") });
  await expect(page.getByRole("alert")).toContainText("不是有效的 TOML");
  await expect(page.getByTestId("scenario-count")).toHaveText("共 12 个场景");
});

test("a valid scenario file joins the library and is still there after a reload; a built-in id is refused", async ({ page }) => {
  await gotoUnlocked(page, "/training");
  await page.getByLabel("选择场景文件（TOML）").setInputFiles({ name: "bill-spike-easy.toml", mimeType: "text/plain", buffer: Buffer.from(EASY) });
  await expect(page.getByRole("alert")).toContainText("与内置场景相同");
  const mine = EASY.replace('id = "bill-spike-easy"', 'id = "team-bill-spike"').replace("账单翻倍的老客户", "本组自编：账单翻倍");
  await page.getByLabel("选择场景文件（TOML）").setInputFiles({ name: "team.toml", mimeType: "text/plain", buffer: Buffer.from(mine) });
  await expect(page.getByRole("status").filter({ hasText: "已导入 team.toml" })).toBeVisible();
  await expect(page.getByTestId("scenario-count")).toHaveText("共 13 个场景");
  await reloadUnlocked(page);
  await expect(page.getByTestId("scenario-count")).toHaveText("共 13 个场景");
  await expect(page.locator('tr[data-scenario="team-bill-spike"]')).toContainText("导入自 team.toml");
  await expect(page.locator('tr[data-scenario="team-bill-spike"]')).toContainText("本组自编：账单翻倍");
});
