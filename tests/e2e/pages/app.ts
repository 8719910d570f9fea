import { expect, type Page } from "@playwright/test";

/** The page objects of the shell: the case list and one case. */
export class CaseList {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** Starts a case for the first demo customer and waits for its screen. */
  async startCase(channel = "热线") {
    await this.page.getByLabel("渠道").selectOption({ label: channel });
    await this.page.getByRole("button", { name: "开始受理" }).click();
    await expect(this.page).toHaveURL(/\/cases\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await expect(this.page.getByRole("heading", { name: "受理", level: 2 })).toBeVisible();
  }
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
