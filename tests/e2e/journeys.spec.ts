import { expect, test, type Page } from "@playwright/test";
import { type Lang, next, openCase, passWithDemoAnswer, reloadUnlocked, WORDS } from "./pages/app";

/** A day `n` days before today, as the agent types a date. */
function daysAgo(n: number, time?: string): string {
  const d = new Date(Date.now() - n * 24 * 3600 * 1000);
  const pad = (x: number) => String(x).padStart(2, "0");
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return time ? `${date} ${time}` : date;
}

type Both = { zh: string; en: string };

/** A fact the customer answers when asked: typed, or picked from a list.
 * `correcting` turns down what the statement seemed to say first. */
type Answer = { fact: Both; typed?: Both; pick?: Both; correcting?: boolean };

/** One care journey on the demo data: a customer whose records show the
 * problem, what they say, what they answer, and what the assistant must
 * find and suggest. */
type Journey = {
  name: string;
  /** Planted in the demo data (fixed seed; identities depend on it only). */
  phone: string;
  said: Both;
  intent: Both;
  /** Facts the first statement already gives, offered for confirmation. */
  offered: Both[];
  answers: Answer[];
  /** The verification methods passed, in order, until the level is met. */
  methods: RegExp[];
  finding: Both;
  cause: Both;
  solution: Both;
  /** Whether the top solution goes to a team above the trainee's cap. */
  escalated: boolean;
};

const PASSWORD = /服务密码|Service password/;
const ID_DIGITS = /身份证号后六位|Last 6 digits/;

const JOURNEYS: Journey[] = [
  {
    name: "bill dispute",
    phone: "13800006229",
    said: { zh: "这个月话费怎么多扣了30块", en: "Why was I charged 30 yuan extra on this month's bill" },
    intent: { zh: "账单争议/费用异常", en: "Bill dispute / unexpected charges" },
    offered: [
      { zh: "账单月份", en: "Bill month" },
      { zh: "争议金额", en: "Disputed amount" },
    ],
    answers: [],
    methods: [PASSWORD],
    finding: { zh: "账单突增", en: "Bill spike" },
    cause: { zh: "套餐外流量/通话超出", en: "Usage beyond the plan allowance" },
    solution: { zh: "讲清明细并设置用量提醒", en: "Walk through the usage and set usage alerts" },
    escalated: false,
  },
  {
    name: "roaming",
    phone: "18700001027",
    said: {
      zh: "我上周去日本出差，回来发现话费多扣了好几百，出国前没办漫游包",
      en: "I was in Japan for work last week and now my bill is hundreds higher, I didn't buy a roaming pack",
    },
    intent: { zh: "国际漫游费用", en: "Roaming charges" },
    offered: [{ zh: "出行前是否办理了漫游包", en: "Roaming pack bought before the trip" }],
    answers: [
      { fact: { zh: "出访国家或地区", en: "Country or region visited" }, typed: { zh: "日本", en: "Japan" } },
      { fact: { zh: "出行开始日期", en: "Trip start date" }, typed: { zh: daysAgo(12), en: daysAgo(12) } },
      { fact: { zh: "出行结束日期", en: "Trip end date" }, typed: { zh: daysAgo(6), en: daysAgo(6) } },
    ],
    methods: [PASSWORD],
    finding: { zh: "有国际漫游使用", en: "Roaming usage" },
    cause: { zh: "未办漫游包，按标准资费计费", en: "No roaming pack: charged at standard rates" },
    solution: { zh: "按漫游日包追溯计费，退还差额", en: "Re-rate at the day-pass price and refund the difference" },
    escalated: true,
  },
  {
    name: "no signal",
    phone: "14700009784",
    said: {
      zh: "我在家里这两天手机一直没信号，电话都打不出去",
      en: "For two days my phone has had no signal at home, I can't make any calls",
    },
    intent: { zh: "手机无信号/信号差", en: "No signal / poor coverage" },
    offered: [{ zh: "室内还是室外", en: "Indoors or outdoors" }],
    answers: [
      { fact: { zh: "问题发生地点", en: "Where it happens" }, typed: { zh: "小区家中", en: "At home in my flat" } },
      { fact: { zh: "问题开始时间", en: "When the problem started" }, typed: { zh: daysAgo(2, "08:00"), en: daysAgo(2, "08:00") } },
    ],
    methods: [PASSWORD],
    finding: { zh: "所在区域有网络故障", en: "Network outage in the area" },
    cause: { zh: "区域网络故障", en: "Network outage in the area" },
    solution: { zh: "告知故障进展，恢复后短信通知", en: "Explain the outage and text when it's fixed" },
    escalated: false,
  },
  {
    name: "lost SIM",
    phone: "15800008496",
    said: {
      zh: "我的手机昨天被偷了，卡在里面，今天还收到验证码短信",
      en: "My phone was stolen yesterday with the SIM inside, and today I got verification codes",
    },
    intent: { zh: "手机/SIM 卡丢失被盗（挂失补卡）", en: "SIM lost or stolen (suspend and replace)" },
    offered: [
      { zh: "丢失方式", en: "How it was lost" },
      { zh: "出现可疑验证码、扣款或登录提醒", en: "Suspicious codes, payments or log-in alerts" },
    ],
    answers: [
      {
        fact: { zh: "手机/卡丢失时间", en: "When the phone/SIM went missing" },
        typed: { zh: daysAgo(1, "19:30"), en: daysAgo(1, "19:30") },
        // "Yesterday" is offered as midnight; the customer knows the hour.
        correcting: true,
      },
    ],
    methods: [PASSWORD, ID_DIGITS],
    finding: { zh: "近期补换过 SIM 卡", en: "Recent SIM change" },
    cause: { zh: "疑似被他人冒名补卡", en: "Suspected SIM-swap fraud" },
    solution: { zh: "立即停机并转反诈中心", en: "Suspend now and escalate to the fraud centre" },
    escalated: true,
  },
  {
    name: "unwanted subscription",
    phone: "15200000983",
    said: {
      zh: "每个月都扣我10块钱的视频会员费，我从来没订过",
      en: "Every month I'm charged 10 yuan for a video membership that I never signed up for",
    },
    intent: { zh: "不明增值业务扣费", en: "Unwanted value-added subscriptions" },
    offered: [{ zh: "客户记得自己办理过", en: "Customer remembers signing up" }],
    answers: [{ fact: { zh: "增值业务名称", en: "Value-added service name" }, typed: { zh: "视频会员", en: "Video membership" } }],
    methods: [PASSWORD],
    finding: { zh: "新增增值业务订购", en: "New value-added subscription" },
    cause: { zh: "误订/被订增值业务", en: "Unwanted value-added service" },
    solution: { zh: "退订并开通增值业务屏蔽", en: "Cancel and block future paid add-ons" },
    escalated: false,
  },
];

/** Listen: confirm what the statement already said, then record the
 * customer's answers to the rest. */
async function listen(page: Page, j: Journey, lang: Lang) {
  const w = WORDS[lang];
  for (const fact of j.offered) {
    const row = page.locator(".fact-row").filter({ hasText: fact[lang] });
    await row.getByRole("button", { name: w.confirmOffer }).click();
    await expect(row).toHaveClass(/captured/);
  }
  for (const a of j.answers) {
    const row = page.locator(".fact-row").filter({ hasText: a.fact[lang] });
    if (a.correcting) await row.getByRole("button", { name: w.notRight }).click();
    if (a.typed) await row.getByRole("textbox").fill(a.typed[lang]);
    if (a.pick) await row.getByRole("combobox").selectOption({ label: a.pick[lang] });
    await row.getByRole("button", { name: w.record }).click();
    await expect(row).toHaveClass(/captured/);
  }
}

for (const lang of ["zh", "en"] as const) {
  for (const j of JOURNEYS) {
    test(`${j.name} (${lang}): from the first statement to archive, with the cause and remedy the records show`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const w = WORDS[lang];
      const [, listenStage, verifyStage, reconstruct, diagnose, resolve, commit, followUp] = w.stages;
      await openCase(page, j.phone, j.said[lang], j.intent[lang], lang);

      await next(page, listenStage, lang);
      await listen(page, j, lang);

      // Nothing personal or financial before verification.
      await next(page, verifyStage, lang);
      const body = page.locator("body");
      await expect(body).not.toContainText(j.phone);
      await expect(body).not.toContainText(/¥\d/);
      for (const method of j.methods) await passWithDemoAnswer(page, method, lang);
      await expect(page.getByText(w.verified)).toBeVisible();

      await next(page, reconstruct, lang);
      await page.getByRole("button", { name: w.showRecords }).click();
      await expect(page.locator(".finding-list")).toContainText(j.finding[lang]);
      await expect(page.locator("svg.timeline .flag")).not.toHaveCount(0);

      // The records' cause is the top suggestion.
      await next(page, diagnose, lang);
      const top = page.locator(".cause-card").first();
      await expect(top.locator(".card-title")).toHaveText(j.cause[lang]);
      await expect(top).toContainText(w.topSuggestion);
      await expect(top.locator(".reasons li")).not.toHaveCount(0);
      await page.getByRole("button", { name: w.confirmCause(j.cause[lang]) }).click();
      await expect(page.locator(".confirmed-cause")).toContainText(w.confirmedCause(j.cause[lang]));

      // Its best remedy comes first; choosing one above the cap hands it over.
      await next(page, resolve, lang);
      const first = page.locator(".option-card").first();
      await expect(first).toContainText(j.solution[lang]);
      await first.getByRole("button", { name: w.choose }).click();
      await expect(first).toContainText(w.chosen);
      await expect(page.getByRole("heading", { name: w.handoff })).toHaveCount(j.escalated ? 1 : 0);

      await next(page, commit, lang);
      const draft = page.locator(".commit-draft");
      const reply = draft.getByRole("group", { name: /如何告知客户结果|How the customer will hear back/ });
      if (await reply.count()) await reply.getByText(w.sms, { exact: true }).click();
      await draft.getByRole("button", { name: w.makeCommitment }).click();
      await expect(page.locator(".commitment .commitment-text")).toHaveAttribute("lang", lang === "zh" ? "zh-CN" : "en");
      await expect(page.locator(".countdown")).toBeVisible();

      await next(page, followUp, lang);
      await page.getByRole("group", { name: w.solved }).getByText(w.yes, { exact: true }).click();
      await page.getByRole("group", { name: w.satisfied }).getByText(w.yes, { exact: true }).click();
      await page.getByRole("button", { name: w.recordFollowUp }).click();
      await page.getByRole("button", { name: w.archive }).click();
      await expect(page.getByText(w.archivedSolved)).toBeVisible();
      await reloadUnlocked(page);
      await expect(page.getByText(w.archivedSolved)).toBeVisible();
    });
  }
}
