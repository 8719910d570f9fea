import { expect, test } from "@playwright/test";
import { CaseList, diskFreed, fillDisk, unlock } from "./pages/app";

test("a page closed while 1 000 notes are being saved loses none that were shown as saved, and nothing is corrupt", async ({
  context,
}) => {
  test.setTimeout(240_000);
  const page = await context.newPage();
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  const caseUrl = page.url();
  // Every note the screen shows was acknowledged: it is drawn only after
  // its transaction committed. Record them as they appear.
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { acked: Set<string> }).acked = seen;
    new MutationObserver((changes) => {
      for (const c of changes)
        for (const node of Array.from(c.addedNodes))
          if (node instanceof Element) for (const el of Array.from(node.querySelectorAll(".note-text"))) seen.add(el.textContent ?? "");
    }).observe(document.body, { childList: true, subtree: true });
  });
  // A script types and adds notes as fast as the app takes them: each
  // note is typed, added, and the next starts once the box is cleared (the
  // note is saved) or after 50 ms, whichever is first.
  await page.evaluate(() => {
    const box = document.querySelector<HTMLTextAreaElement>("#note-draft")!;
    const add = box.form!.querySelector<HTMLButtonElement>("button[type=submit]")!;
    void (async () => {
      for (let i = 0; i < 1000; i++) {
        box.value = `快速备注 ${i}`;
        box.dispatchEvent(new Event("input", { bubbles: true }));
        add.click();
        const start = performance.now();
        while (box.value !== "" && performance.now() - start < 50) await new Promise((r) => setTimeout(r, 1));
      }
    })();
  });
  const ackedCount = () => page.evaluate(() => (window as unknown as { acked: Set<string> }).acked.size);
  // Closed in the middle of the run, well past the first few hundred.
  await expect.poll(ackedCount, { timeout: 150_000 }).toBeGreaterThan(600);
  const acked: string[] = await page.evaluate(() => Array.from((window as unknown as { acked: Set<string> }).acked));
  // Closed mid-write: whatever was in flight may be lost, nothing shown as
  // saved may be.
  await page.close();

  const again = await context.newPage();
  await again.goto(caseUrl);
  await unlock(again);
  const notes = again.locator(".note-text");
  await expect(notes.first()).toBeVisible();
  const stored = await notes.allInnerTexts();
  const missing = acked.filter((n) => !stored.includes(n));
  expect(missing, "notes shown as saved but gone after the page closed").toEqual([]);
  // None corrupt: every stored note is one that was typed, whole.
  for (const n of stored) expect(n).toMatch(/^快速备注 \d{1,3}$/);
  // And the case list still reads.
  await again.getByRole("link", { name: "返回个案列表" }).click();
  await expect(again.getByRole("table")).toBeVisible();
});

test("a full disk is reported in plain words and nothing typed is lost", async ({ page }) => {
  const list = new CaseList(page);
  await list.open();
  await list.startCase();
  // The browser refuses every write, as it does when the quota is used up.
  await fillDisk(page);
  await page.getByLabel("新备注").fill("空间不足时写的备注");
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.getByRole("alert")).toContainText("设备存储已满，未能保存。内容仍在输入框中");
  await expect(page.getByText("已保存到本机")).toHaveCount(0);
  await expect(page.locator(".note-text")).toHaveCount(0);
  await expect(page.getByLabel("新备注")).toHaveValue("空间不足时写的备注");

  // Space freed: the same note saves, once.
  await diskFreed(page);
  await page.getByRole("button", { name: "添加备注" }).click();
  await expect(page.locator(".note-text")).toHaveText(["空间不足时写的备注"]);
  await expect(page.getByText("已保存到本机")).toBeVisible();
});
