// Trainer mode end to end: a trainee works the real case screen against a
// simulated customer, is scored, and reads the debrief; the trainer sees
// the cohort.
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations, gotoUnlocked, next, WORDS } from "./pages/app";

const w = WORDS.zh;
const [, LISTEN, VERIFY, RECONSTRUCT, DIAGNOSE, RESOLVE, COMMIT] = w.stages;

/** Starts a session on a scenario from the library; the case screen opens
 * at intake, marked as training. */
async function startScenario(page: Page, id: string) {
  await gotoUnlocked(page, "/training");
  await page.locator(`button[data-start="${id}"]`).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("training-band")).toContainText("培训练习");
}

/** Intake as on a real call: the caller's number finds the customer, the
 * customer's words go in as the statement, the intent is confirmed. */
async function intake(page: Page, intent: string) {
  const phone = (await page.getByTestId("caller-number").innerText()).trim();
  await page.getByLabel(w.lookup).fill(phone);
  await page.getByRole("button", { name: w.search, exact: true }).click();
  await page.getByRole("button", { name: w.selectCustomer }).first().click();
  await page.getByRole("button", { name: "填入客户原话" }).click();
  await page.getByRole("button", { name: w.recognise }).click();
  await page.getByRole("button", { name: w.useIntent(intent) }).first().click();
  await expect(page.locator(".confirmed-intent")).toBeVisible();
}

/** Marks a listen prompt as asked, and waits for the customer's reply. */
async function ask(page: Page, prompt: string) {
  const replies = page.locator(".chat-log .from-customer");
  const before = await replies.count();
  await page.locator(".prompt").filter({ hasText: prompt }).getByRole("button").click();
  await expect(replies).toHaveCount(before + 1);
  return (await replies.last().innerText()).trim();
}

/** Types a fact into its row and records it. */
async function capture(page: Page, fact: string, value: string) {
  const row = page.locator(".fact-row").filter({ hasText: fact });
  if (await row.getByRole("button", { name: w.notRight }).count()) await row.getByRole("button", { name: w.notRight }).click();
  await row.getByRole("textbox").fill(value);
  await row.getByRole("button", { name: w.record }).click();
  await expect(row).toHaveClass(/captured/);
}

/** Asks the customer for a verification answer and checks what they say. */
async function verifyWithCustomer(page: Page, method: RegExp) {
  const row = page.locator(".method").filter({ hasText: method });
  const replies = page.locator(".chat-log .from-customer p");
  const before = await replies.count();
  await row.getByRole("button", { name: "请客户回答" }).click();
  await expect(replies).toHaveCount(before + 1);
  const said = (await replies.last().innerText()).trim();
  await row.getByLabel(w.answer).fill(said);
  await row.getByRole("button", { name: w.check }).click();
  return row;
}

async function endSession(page: Page) {
  await page.getByRole("button", { name: "结束练习并复盘" }).click();
  await expect(page).toHaveURL(/\/training\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("复盘");
}

test("a trainee runs the easy scenario perfectly and gets full marks", async ({ page }) => {
  test.setTimeout(120_000);
  await startScenario(page, "bill-spike-easy");
  await expect(page.locator(".chat-log")).toContainText("平时就六十左右");
  await intake(page, "账单争议");

  await next(page, LISTEN);
  expect(await ask(page, "是哪个月的账单让您觉得不对")).toContain("十月份");
  expect(await ask(page, "您觉得多收了大概多少钱")).toContain("一百四十");
  await ask(page, "换谁都会着急");
  await capture(page, "账单月份", "2026-10");
  await capture(page, "争议金额", "140");

  await next(page, VERIFY);
  const row = await verifyWithCustomer(page, /身份证号后六位/);
  await expect(row).toContainText(w.passed);

  await next(page, RECONSTRUCT);
  await page.getByRole("button", { name: w.showRecords }).click();
  await next(page, DIAGNOSE);
  await page.getByRole("button", { name: w.confirmCause("套餐外流量/通话超出") }).click();
  await next(page, RESOLVE);
  const option = page.locator(".option-card").filter({ hasText: "讲清明细并设置用量提醒" });
  await option.getByRole("button", { name: w.choose }).click();
  await expect(option).toContainText(w.chosen);
  await next(page, COMMIT);
  const draft = page.locator(".commit-draft");
  const reply = draft.getByRole("group", { name: /如何告知客户结果/ });
  if (await reply.count()) await reply.getByText(w.sms, { exact: true }).click();
  await draft.getByRole("button", { name: w.makeCommitment }).click();
  await expect(page.locator(".commitment")).toBeVisible();
  await expect(page.getByTestId("live-score")).toContainText("当前得分 100 / 100");

  await endSession(page);
  await expect(page.getByTestId("score-total")).toHaveText("100 / 100");
  await expect(page.getByTestId("fatal")).toHaveCount(0);
  await expect(page.getByTestId("practise-none")).toBeVisible();
  await expect(page.locator('.expected-path li[data-met="false"]')).toHaveCount(0);
  await expectNoViolations(page, "debrief");
});

test("revealing the bill before verifying is the fatal error, and the replay goes to that moment", async ({ page }) => {
  test.setTimeout(90_000);
  await startScenario(page, "bill-spike-easy");
  await intake(page, "账单争议");
  await next(page, LISTEN);
  await next(page, VERIFY);
  // Straight past verification, and the records opened anyway.
  await next(page, RECONSTRUCT);
  await expect(page.locator(".notice.locked")).toBeVisible();
  await page.getByTestId("open-unverified").click();
  await expect(page.locator(".finding-list")).toBeVisible();
  await expect(page.getByTestId("live-score")).toContainText("致命错误");

  await endSession(page);
  await expect(page.getByTestId("score-total")).toHaveText(/^0 \/ \d+$/);
  await expect(page.getByTestId("fatal")).toContainText("在身份核验通过之前");
  await expect(page.locator('tr[data-rule="verification"]')).toContainText("在身份核验通过之前查看了账户资料");
  await expect(page.getByTestId("practise").locator("li").first()).toHaveText("先核验后披露");
  // The replay starts at the end; the fatal error's link takes it to the reveal.
  await page.getByTestId("fatal-moment").click();
  const current = page.locator(".replay-events li.current");
  await expect(current).toHaveCount(1);
  await expect(current).toContainText("查看了客户记录");
  await expect(current).toBeFocused();
  await expect(page.locator(".expected-path ul li").filter({ hasText: "核验身份，再看账户资料" })).toHaveAttribute("data-met", "false");
  // Playing from there moves on, one event at a time.
  const position = await page.getByTestId("replay-position").innerText();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByTestId("replay-position")).not.toHaveText(position);
  await expectNoViolations(page, "debrief with a fatal error");
});

test("the impostor fails verification and is told nothing: no fatal error, full points for verification", async ({ page }) => {
  test.setTimeout(90_000);
  await startScenario(page, "impostor-sim-swap-hard");
  await intake(page, "手机/SIM 卡丢失被盗");
  await next(page, LISTEN);
  await next(page, VERIFY);
  // He answers readily, and wrongly.
  const id = await verifyWithCustomer(page, /身份证号后六位/);
  await expect(id).toContainText("核对不一致");
  const pw = await verifyWithCustomer(page, /服务密码/);
  await expect(pw).toContainText("核对不一致");
  await expect(page.getByText(w.verified)).toHaveCount(0);
  // The records stay locked; nothing of the holder's is on screen.
  await next(page, RECONSTRUCT);
  await expect(page.locator(".notice.locked")).toBeVisible();
  await expect(page.locator(".finding-list")).toHaveCount(0);

  await endSession(page);
  await expect(page.getByTestId("fatal")).toHaveCount(0);
  const verification = page.locator('tr[data-rule="verification"]');
  await expect(verification).toContainText("冒充者没有通过核验，也没有看到任何资料");
  await expect(verification.locator("td").first()).toHaveText("40 / 40");
  await expect(page.locator(".expected-path ul li").filter({ hasText: "核验不通过：不透露任何资料" })).toHaveAttribute("data-met", "true");
});

test("the trainer assigns a scenario, and the cohort shows each session, the trend and a CSV export", async ({ page }) => {
  test.setTimeout(120_000);
  // The trainer assigns; the trainee (the same person here) sees it first.
  await gotoUnlocked(page, "/training");
  await page.locator("#assign-scenario").selectOption("old-handset-easy");
  await page.getByRole("button", { name: "指派", exact: true }).click();
  await expect(page.getByTestId("assignments")).toContainText("手机电不经用的退休阿姨");
  await expect(page.getByTestId("assigned-to-me")).toContainText("手机电不经用的退休阿姨");
  await expect(page.getByTestId("cohort-empty")).toBeVisible();

  // Two sessions: one fatal, one ended early.
  await startScenario(page, "bill-spike-easy");
  await intake(page, "账单争议");
  await next(page, LISTEN);
  await next(page, VERIFY);
  await next(page, RECONSTRUCT);
  await page.getByTestId("open-unverified").click();
  await endSession(page);
  await gotoUnlocked(page, "/training");
  await page.getByTestId("assigned-to-me").getByRole("button", { name: "开始练习" }).click();
  await expect(page.getByTestId("training-band")).toContainText("手机电不经用的退休阿姨");
  await page.getByLabel("问客户（用自己的话）").fill("您的手机是什么问题");
  await page.getByRole("button", { name: "问", exact: true }).click();
  await expect(page.locator(".chat-log .from-trainee")).toHaveCount(1);
  await endSession(page);

  // Real work's list never shows practice.
  await gotoUnlocked(page, "/");
  await expect(page.locator("body")).not.toContainText("培训练习");

  await gotoUnlocked(page, "/training");
  const cohort = page.getByTestId("cohort");
  await expect(page.getByTestId("cohort-sessions").locator("tbody tr")).toHaveCount(2);
  const trainee = page.getByTestId("cohort-trainees").locator("tbody tr");
  await expect(trainee).toHaveCount(1);
  await expect(trainee.locator("td").nth(0)).toHaveText("2");
  await expect(trainee.locator('[data-col="fatal"]')).toHaveText("1");
  await expect(cohort.locator(".trend-chart svg circle")).toHaveCount(2);
  await expect(page.getByTestId("assignments").locator("tbody tr td").nth(3)).toHaveText("1");
  await expectNoViolations(page, "cohort");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^training-results-.*\.csv$/);
  const csv = (await import("node:fs")).readFileSync((await download.path()) as string, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toContain("学员");
  expect(lines[1]).toContain("账单翻倍的老客户");
  expect(lines[2]).toContain("手机电不经用的退休阿姨");

  // Each session's debrief is a link away.
  await page.getByTestId("cohort-sessions").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("复盘");
});

test("the training screens fit a tablet, and the case screen keeps the chat beside the flow", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await startScenario(page, "bill-spike-easy");
  await expect(page.locator(".sim-chat")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("training-band")).toContainText("Training");
  await expect(page.locator(".sim-chat h2")).toContainText("Simulated customer");
  await expectNoViolations(page, "training case at tablet size");
});

test("the customer's words can be read aloud in the scenario's language", async ({ page }) => {
  // The browser's speech synthesis, replaced by a recorder.
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    const synth = { speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }), cancel: () => {} };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  });
  await startScenario(page, "old-handset-easy");
  const spoken = () => page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
  await page.getByLabel("朗读客户的话").check();
  await expect.poll(spoken).toHaveLength(1);
  expect((await spoken())[0].lang).toBe("zh-CN");
  expect((await spoken())[0].text).toContain("手机");
  await page.getByLabel("问客户（用自己的话）").fill("手机用了多久了");
  await page.getByRole("button", { name: "问", exact: true }).click();
  await expect.poll(spoken).toHaveLength(2);
  const reply = (await page.locator(".chat-log .from-customer p").last().innerText()).trim();
  expect((await spoken())[1].text).toBe(reply);
  // Off again: nothing more is said aloud.
  await page.getByLabel("朗读客户的话").uncheck();
  await page.getByLabel("问客户（用自己的话）").fill("是在我们这儿买的吗");
  await page.getByRole("button", { name: "问", exact: true }).click();
  await expect(page.locator(".chat-log .from-trainee")).toHaveCount(2);
  expect(await spoken()).toHaveLength(2);
  // A hostile question is shown as the words typed, never run as markup.
  const hostile = `<img src=x onerror="document.title='pwned'">`;
  await page.getByLabel("问客户（用自己的话）").fill(hostile);
  await page.getByRole("button", { name: "问", exact: true }).click();
  await expect(page.locator(".chat-log .from-trainee").last()).toContainText(hostile);
  await expect(page.locator(".chat-log img")).toHaveCount(0);
  expect(await page.title()).not.toBe("pwned");
});
