import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The interface's two languages, as the tests drive it. */
export type Lang = "zh" | "en";

/** The interface words the journeys press and read, in both languages
 * (the app's own strings in src/i18n.rs). */
export const WORDS = {
  zh: {
    channel: "渠道",
    hotline: "热线",
    store: "营业厅",
    startCase: "开始受理",
    lookup: /手机号、账户或证件号/,
    search: "查找",
    selectCustomer: /选择客户/,
    statement: "照客户的原话记录，不要改写。",
    recognise: "识别来意",
    useIntent: (intent: string) => new RegExp(`使用此来意.*${escape(intent)}`),
    nextStage: (stage: string) => `进入下一阶段：${stage} →`,
    stages: ["受理", "倾听", "身份核验", "还原经过", "诊断", "方案", "承诺", "回访"],
    confirmOffer: /^确认：/,
    record: "记录",
    notRight: "不对",
    demoAnswer: "演示数据：显示正确答案",
    answer: "客户的回答",
    check: "核对",
    passed: "已通过",
    verified: "身份核验已通过，可以查看客户记录。",
    showRecords: "查看客户记录",
    confirmCause: (cause: string) => `确认原因：${cause}`,
    confirmedCause: (cause: string) => `已确认原因：${cause}`,
    topSuggestion: "首选",
    choose: /选择此方案/,
    chosen: "已选定",
    handoff: "转交说明",
    sms: "短信",
    makeCommitment: "做出此承诺",
    solved: /问题解决了吗/,
    satisfied: /客户满意吗/,
    yes: "是",
    no: "否",
    recordFollowUp: "记录回访结果",
    archive: "归档个案",
    archivedSolved: "个案已归档（已解决）。",
    switchTo: "English",
  },
  en: {
    channel: "Channel",
    hotline: "Hotline",
    store: "Store",
    startCase: "Start case",
    lookup: /Phone, account or ID number/,
    search: "Search",
    selectCustomer: /Select customer/,
    statement: "Write down what the customer said, as they said it.",
    recognise: "Recognise the intent",
    useIntent: (intent: string) => new RegExp(`Use this intent.*${escape(intent)}`),
    nextStage: (stage: string) => `Go to the next stage: ${stage} →`,
    stages: ["Intake", "Listen", "Verify", "Reconstruct", "Diagnose", "Resolve", "Commit", "Follow up"],
    confirmOffer: /^Confirm: /,
    record: "Record",
    notRight: "Not right",
    demoAnswer: "Demo data: show the right answers",
    answer: "Customer's answer",
    check: "Check",
    passed: "Passed",
    verified: "Identity verified: the customer's records can be shown.",
    showRecords: "Show the customer's records",
    confirmCause: (cause: string) => `Confirm the cause: ${cause}`,
    confirmedCause: (cause: string) => `Confirmed cause: ${cause}`,
    topSuggestion: "Top suggestion",
    choose: /^Choose/,
    chosen: "Chosen",
    handoff: "Handoff note",
    sms: "SMS",
    makeCommitment: "Make this commitment",
    solved: /Is the problem solved/,
    satisfied: /Is the customer satisfied/,
    yes: "Yes",
    no: "No",
    recordFollowUp: "Record the follow-up",
    archive: "Archive the case",
    archivedSolved: "The case is archived (solved).",
    switchTo: "中文",
  },
} as const;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** The PIN the tests set on their fresh device. */
export const TEST_PIN = "246810";

/** Gets past the device lock: a fresh browser sets the PIN, a loaded one
 * (the key is only ever in memory, so after every reload) unlocks. */
export async function unlock(page: Page, pin = TEST_PIN) {
  const setup = page.locator("#pin-new");
  const field = page.locator("#pin");
  await expect(setup.or(field)).toBeVisible({ timeout: 15_000 });
  if (await setup.isVisible()) {
    await setup.fill(pin);
    await page.locator("#pin-confirm").fill(pin);
    await setup.press("Enter");
  } else {
    await field.fill(pin);
    await field.press("Enter");
  }
  await expect(page.locator(".lock-screen")).toHaveCount(0, { timeout: 15_000 });
}

/** Waits until drafts of these form fields are in IndexedDB (their keys,
 * "case/field", are in clear; the values are sealed). A draft is written a
 * moment after the change; a reload within that moment would lose it. */
export async function draftsStored(page: Page, ...fields: string[]) {
  await expect
    .poll(() =>
      page.evaluate(async (wanted) => {
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const open = indexedDB.open("care-assist");
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const keys: IDBValidKey[] = await new Promise((resolve, reject) => {
          const req = db.transaction("drafts").objectStore("drafts").getAllKeys();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        db.close();
        return wanted.every((f) => keys.some((k) => String(k).endsWith(`/${f}`)));
      }, fields),
    )
    .toBe(true);
}

/** Makes the browser refuse every IndexedDB write, as it does when the
 * quota is used up; `diskFreed` undoes it. */
export async function fillDisk(page: Page) {
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    (window as unknown as { restorePut: () => void }).restorePut = () => {
      IDBObjectStore.prototype.put = original;
    };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
}

export async function diskFreed(page: Page) {
  await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
}

/** Opens a page and unlocks. */
export async function gotoUnlocked(page: Page, url: string) {
  await page.goto(url);
  await unlock(page);
}

/** Reloads and unlocks: what a user does after a reload. */
export async function reloadUnlocked(page: Page) {
  await page.reload();
  await unlock(page);
}

/** Fails with the list of axe violations on the screen, if any. */
export async function expectNoViolations(page: Page, screen: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility violations on ${screen}`).toEqual([]);
}

/** Presses "go to the next stage" and waits for that stage's heading. */
export async function next(page: Page, stage: string, lang: Lang = "zh") {
  await page.getByRole("button", { name: WORDS[lang].nextStage(stage) }).click();
  await expect(page.locator("#stage-heading")).toHaveText(stage);
}

/** Reads the demo answer for a method and gives it as the customer would. */
export async function passWithDemoAnswer(page: Page, method: RegExp, lang: Lang = "zh") {
  const w = WORDS[lang];
  const row = page.locator(".method").filter({ hasText: method });
  await row.getByRole("button", { name: w.demoAnswer }).click();
  const answer = (await row.locator(".demo-hint").innerText()).trim();
  await row.getByLabel(w.answer).fill(answer);
  await row.getByRole("button", { name: w.check }).click();
  await expect(row).toContainText(w.passed);
}

/** The page objects of the shell: the case list and one case. */
export class CaseList {
  constructor(private readonly page: Page) {}

  async open() {
    await gotoUnlocked(this.page, "/");
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** Starts a case on a channel and waits for its screen. */
  async startCase(channel?: string, lang: Lang = "zh") {
    const w = WORDS[lang];
    await this.page.getByLabel(w.channel).selectOption({ label: channel ?? w.hotline });
    await this.page.getByRole("button", { name: w.startCase }).click();
    await expect(this.page).toHaveURL(/\/cases\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await expect(this.page.getByRole("heading", { name: w.stages[0], level: 2 })).toBeVisible();
  }

  /** Switches the interface to the other language from the list page. */
  async switchLanguage(to: Lang) {
    await this.page.getByRole("button", { name: new RegExp(WORDS[to === "en" ? "zh" : "en"].switchTo) }).click();
    await expect(this.page.locator("html")).toHaveAttribute("lang", to === "en" ? "en" : "zh-CN");
  }

  /** Starts a case, finds the customer by phone, takes the first statement
   * and confirms the intent. */
  async startWith(phone: string, said: string, intent: string, lang: Lang = "zh", channel?: string) {
    const w = WORDS[lang];
    await this.startCase(channel, lang);
    await this.page.getByLabel(w.lookup).fill(phone);
    await this.page.getByRole("button", { name: w.search, exact: true }).click();
    await this.page.getByRole("button", { name: w.selectCustomer }).first().click();
    await this.page.getByLabel(w.statement).fill(said);
    await this.page.getByRole("button", { name: w.recognise }).click();
    await this.page.getByRole("button", { name: w.useIntent(intent) }).first().click();
    await expect(this.page.locator(".confirmed-intent")).toBeVisible();
  }
}

/** Opens the case list and starts a case: customer, first statement,
 * intent confirmed. */
export async function openCase(page: Page, phone: string, said: string, intent: string, lang: Lang = "zh") {
  const list = new CaseList(page);
  await list.open();
  if (lang === "en") await list.switchLanguage("en");
  await list.startWith(phone, said, intent, lang);
}

export class CaseScreen {
  constructor(private readonly page: Page) {}

  stageHeading() {
    return this.page.locator("#stage-heading");
  }

  rail() {
    return this.page.getByRole("navigation", { name: /处理阶段|Stages/ });
  }

  saveStatus() {
    return this.page.getByRole("status").filter({ hasText: /保存|Saved|Saving/ });
  }

  async addNote(text: string) {
    await this.page.getByLabel("新备注").fill(text);
    await this.page.getByRole("button", { name: "添加备注" }).click();
  }
}

/** The visible text of the page, leaving out what is not interface text:
 * personal data and customer words (marked translate="no"), and anything
 * marked as written in another language (the language switch names the
 * other language in that language). */
export async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('[translate="no"], script, style, noscript')) continue;
      const tagged = el.closest("[lang]");
      if (tagged && tagged !== document.documentElement && tagged.getAttribute("lang") !== pageLang) continue;
      if (!el.checkVisibility()) continue;
      parts.push(node.textContent ?? "");
    }
    // Attribute text a person meets: labels, placeholders, titles.
    for (const el of Array.from(document.querySelectorAll("[aria-label], [placeholder], [title]"))) {
      if (el.closest('[translate="no"]')) continue;
      for (const a of ["aria-label", "placeholder", "title"]) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    parts.push(document.title);
    return parts.join("\n");
  });
}
