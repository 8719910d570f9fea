import { expect, test, type Page } from "@playwright/test";
import { CaseList } from "./pages/app";

test.describe("tablet portrait, 768 × 1024", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

  test("no screen scrolls sideways", async ({ page }) => {
    const list = new CaseList(page);
    await list.open();
    const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noSideScroll()).toBe(true);
    await list.startCase();
    expect(await noSideScroll()).toBe(true);
    // A long unbroken note must wrap, not widen the page.
    await page.getByLabel("新备注").fill("账".repeat(50) + "x".repeat(300));
    await page.getByRole("button", { name: "添加备注" }).click();
    await expect(page.locator(".note-text")).toHaveCount(1);
    expect(await noSideScroll()).toBe(true);
    await page.getByRole("link", { name: "返回个案列表" }).click();
    await expect(page.getByRole("table")).toBeVisible();
    expect(await noSideScroll()).toBe(true);
  });

  test("the stage rail is operable by touch", async ({ page }) => {
    const list = new CaseList(page);
    await list.open();
    await list.startCase();
    await page.getByRole("navigation").getByRole("button", { name: /倾听/ }).tap();
    await expect(page.locator("#stage-heading")).toHaveText("倾听");
  });
});

/** Interactive elements on screen smaller than 44 × 44 CSS pixels (a radio
 * or checkbox counts as its label, which a finger presses too). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>(
      "button, a[href], input, select, textarea, summary, [tabindex='0']",
    );
    for (const el of Array.from(targets)) {
      if (!el.checkVisibility()) continue;
      const box = el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox");
      const target = box ? ((el as HTMLInputElement).labels?.[0] ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.height < 44 || r.width < 44) {
        found.push(`${el.tagName.toLowerCase()} “${(target.textContent ?? "").trim().slice(0, 30)}” ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return found;
  });
}

test.describe("a store tablet, 820 × 1180, touch only", () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

  test("a whole case by touch, from the first statement to archive, with every target at least 44 px", async ({ page }) => {
    test.setTimeout(120_000);
    const checkTargets = async (screen: string) => expect(await smallTargets(page), `small targets on ${screen}`).toEqual([]);
    const nextStage = async (stage: string) => {
      await page.getByRole("button", { name: `进入下一阶段：${stage} →` }).tap();
      await expect(page.locator("#stage-heading")).toHaveText(stage);
      await checkTargets(stage);
    };
    const list = new CaseList(page);
    await list.open();
    await checkTargets("case list");
    // A customer whose SIM was swapped without them comes into the store.
    await page.getByLabel("渠道").selectOption({ label: "营业厅" });
    await page.getByRole("button", { name: "开始受理" }).tap();
    await expect(page.getByRole("heading", { name: "受理", level: 2 })).toBeVisible();
    await page.getByLabel(/手机号、账户或证件号/).fill("15800008496");
    await page.getByRole("button", { name: "查找", exact: true }).tap();
    await page.getByRole("button", { name: /选择客户/ }).first().tap();
    await page.getByLabel("照客户的原话记录，不要改写。").fill("我的手机卡突然没信号了，还收到好几条验证码短信");
    await page.getByRole("button", { name: "识别来意" }).tap();
    await page.getByRole("button", { name: /使用此来意.*SIM 卡丢失被盗/ }).first().tap();
    await expect(page.locator(".confirmed-intent")).toBeVisible();
    await checkTargets("intake");

    await nextStage("倾听");
    for (const fact of ["丢失方式", "出现可疑验证码、扣款或登录提醒"]) {
      const row = page.locator(".fact-row").filter({ hasText: fact });
      await row.getByRole("button", { name: /^确认：/ }).tap();
      await expect(row).toHaveClass(/captured/);
    }
    const when = page.locator(".fact-row").filter({ hasText: "手机/卡丢失时间" });
    await when.getByRole("textbox").fill("今天上午");
    await when.getByRole("button", { name: "记录" }).tap();
    await expect(when.getByRole("alert")).toBeVisible();
    await when.getByRole("textbox").fill("2026-11-24 09:00");
    await when.getByRole("button", { name: "记录" }).tap();
    await expect(when).toHaveClass(/captured/);

    // In the store the ID card itself is the proof.
    await nextStage("身份核验");
    await page.getByRole("button", { name: "我已核验身份证原件，人证一致" }).tap();
    await expect(page.getByText("身份核验已通过，可以查看客户记录。")).toBeVisible();
    await checkTargets("verified");

    await nextStage("还原经过");
    await page.getByRole("button", { name: "查看客户记录" }).tap();
    await expect(page.locator(".finding-list")).toContainText("近期补换过 SIM 卡");
    await page.locator(".finding").first().getByRole("button", { name: "打开" }).tap();
    await expect(page.getByRole("dialog")).toBeVisible();
    await checkTargets("record detail");
    await page.getByRole("dialog").getByRole("button", { name: /关闭/ }).tap();

    await nextStage("诊断");
    await page.getByRole("button", { name: "确认原因：疑似被他人冒名补卡" }).tap();
    await nextStage("方案");
    await page.locator(".option-card").first().getByRole("button", { name: /选择此方案/ }).tap();
    await expect(page.locator(".option-card").first()).toContainText("已选定");
    await checkTargets("solution chosen");

    await nextStage("承诺");
    await page.locator(".commit-draft").getByText("短信", { exact: true }).tap();
    await page.getByRole("button", { name: "做出此承诺" }).tap();
    await expect(page.locator(".commitment .commitment-text")).toBeVisible();
    await page.locator(".task").first().getByRole("checkbox").tap();
    await expect(page.locator(".task").first()).toContainText("已完成");
    await checkTargets("commitment made");

    await nextStage("回访");
    await page.getByRole("group", { name: /问题解决了吗/ }).getByText("是").tap();
    await page.getByRole("group", { name: /客户满意吗/ }).getByText("是").tap();
    await page.getByRole("group", { name: /满意度评分/ }).getByText("5", { exact: true }).tap();
    await page.getByRole("group", { name: /推荐意愿/ }).getByText("9", { exact: true }).tap();
    await checkTargets("follow-up form");
    await page.getByRole("button", { name: "记录回访结果" }).tap();
    await page.getByRole("button", { name: "归档个案" }).tap();
    await expect(page.getByText("个案已归档（已解决）。")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
