// The printable case report and the standard exports: masked for an agent,
// in full for a team lead (a role the team's server grants) with that
// disclosure in the case's audit trail, and bulk exports from the archive.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { CaseList, diskFreed, expectNoViolations, fillDisk, gotoUnlocked } from "./pages/app";
import { signIn, signedIn, synced } from "./pages/sync";
import { startSyncServer, TEAMS } from "./support/sync-server";

const BILL_SPIKE_PHONE = "13800006229";
const BILL_DISPUTE = "账单争议/费用异常";

/** Opens a case for the customer with `phone`, whose first statement
 * repeats their number; gives the case id. */
async function caseSayingTheNumber(page: Page, phone: string): Promise<string> {
  const list = new CaseList(page);
  await list.open();
  await list.startWith(phone, `我的号码是${phone}，这个月话费怎么多扣了一百多块`, BILL_DISPUTE);
  return page.url().split("/").pop() as string;
}

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path()) as string, "utf8") };
}

test("an agent's report masks personal data everywhere, prints, and exports the case as TMF683", async ({ page }) => {
  const id = await caseSayingTheNumber(page, BILL_SPIKE_PHONE);
  await page.getByTestId("case-report-link").click();
  await expect(page).toHaveURL(`/cases/${id}/report`);
  const report = page.getByTestId("case-report");
  await expect(report.getByRole("heading", { level: 1 })).toHaveText(/^个案报告 [0-9A-F]{4}-[0-9A-F]{4}$/);
  await expect(report).toContainText("完整时间线");
  await expect(report).toContainText("身份核验审计");
  await expect(page.getByTestId("report-chain")).toContainText("审计链完整");
  // The number the customer said is masked in their words too.
  await expect(report).toContainText("138****6229");
  expect(await page.locator("body").innerText()).not.toContain(BILL_SPIKE_PHONE);
  // An agent has no way to unmask it.
  await expect(page.getByTestId("report-disclose")).toHaveCount(0);
  await expect(page.getByTestId("report-masked-note")).toContainText("团队负责人");

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByTestId("report-print").click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  const interaction = await download(page, "export-tmf683");
  expect(interaction.name).toBe(`care-tmf683-party-interaction-${id}.json`);
  const resource = JSON.parse(interaction.text);
  expect(resource["@type"]).toBe("PartyInteraction");
  expect(resource.id).toBe(id);
  expect(resource.reason).toBe(BILL_DISPUTE);
  expect(interaction.text).not.toContain(BILL_SPIKE_PHONE);
  // No escalation and no promise yet: no ticket, and the button says why.
  await expect(page.getByTestId("export-tmf621")).toBeDisabled();
  await expect(page.getByTestId("export-tmf621")).toHaveAttribute("title", /没有升级或承诺/);

  await page.setViewportSize({ width: 768, height: 1024 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoViolations(page, "case report");
  await page.getByRole("button", { name: "English" }).click();
  await expect(report.getByRole("heading", { level: 1 })).toHaveText(/^Case report /);
  await expect(report).toContainText("Verification audit");
});

test("a team lead shows the report in full only after the disclosure is in the case's audit, and exports stay masked", async ({ page }) => {
  test.setTimeout(120_000);
  const server = await startSyncServer();
  try {
    const lead = TEAMS.north2;
    await signIn(page, server.url, lead);
    await signedIn(page, lead);
    await expect(page.getByTestId("sync-role")).toContainText("团队负责人权限");
    await synced(page);
    const phone: string = (await server.get("north", "customer:C-20001")).customer.msisdn;
    const id = await caseSayingTheNumber(page, phone);
    await gotoUnlocked(page, `/cases/${id}/report`);
    const report = page.getByTestId("case-report");
    await expect(report).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    // The case names who took it: the account and its team.
    await expect(report).toContainText("受理坐席north-lead (north)");
    await expect(page.getByTestId("report-full-reports")).toHaveCount(0);

    // With the disk full the disclosure cannot be audited: nothing is shown.
    await fillDisk(page);
    await page.getByTestId("report-disclose").click();
    await expect(page.getByRole("alert")).toContainText("未能把这次查看记入个案审计，个人信息仍然遮蔽");
    expect(await page.locator("body").innerText()).not.toContain(phone);
    await diskFreed(page);

    await page.getByTestId("report-disclose").click();
    await expect(page.getByTestId("report-disclosure")).toContainText(/完整/);
    await expect(page.getByTestId("report-personal").filter({ hasText: phone })).toHaveCount(1);
    await expect(report).toContainText(`我的号码是${phone}`);
    await expect(page.getByTestId("report-full-reports").locator("li")).toHaveCount(1);
    await expect(page.getByTestId("report-chain")).toContainText("审计链完整");
    const exported = await download(page, "export-tmf683");
    expect(exported.text).not.toContain(phone);

    // The disclosure was kept: after a reload the report is masked again
    // and its audit still shows the full report that was shown.
    await page.reload();
    await gotoUnlocked(page, `/cases/${id}/report`);
    await expect(page.getByTestId("report-full-reports").locator("li")).toHaveCount(1);
    expect(await page.locator("body").innerText()).not.toContain(phone);
  } finally {
    await server.dispose();
  }
});

test("the archive exports every case found, not just the rows shown, as TMF683 and their tickets as TMF621", async ({ page }) => {
  test.setTimeout(240_000);
  await gotoUnlocked(page, "/settings");
  await page.getByLabel("个案数量").selectOption("100");
  await page.getByRole("button", { name: "生成演示个案" }).click();
  await expect(page.getByText("已写入 100 个演示个案")).toBeVisible({ timeout: 120_000 });
  await gotoUnlocked(page, "/");
  await expect(page.getByTestId("bulk-tmf683")).toHaveText("导出 100 个个案为 TMF683（JSON）");
  const interactions = await download(page, "bulk-tmf683");
  expect(interactions.name).toMatch(/^care-tmf683-party-interactions-.*-100\.json$/);
  const all = JSON.parse(interactions.text);
  expect(all).toHaveLength(100);
  expect(new Set(all.map((r: { id: string }) => r.id)).size).toBe(100);
  expect(all.every((r: { "@type": string }) => r["@type"] === "PartyInteraction")).toBe(true);
  await expect(page.getByTestId("bulk-status")).toHaveText("已导出 100 项；0 个个案未导出（培训练习、没有工单或记录无法读取）。");

  const tickets = await download(page, "bulk-tmf621");
  const list = JSON.parse(tickets.text);
  expect(list.length).toBeGreaterThan(0);
  expect(list.length).toBeLessThan(100);
  expect(list.every((t: { "@type": string }) => t["@type"] === "TroubleTicket")).toBe(true);
  await expect(page.getByTestId("bulk-status")).toContainText(`已导出 ${list.length} 项；${100 - list.length} 个个案未导出`);
});
