//! Every string of the interface, in zh-CN and en.
//!
//! A message is an enum variant; the `messages!` table must give both
//! languages for each, so a missing translation does not compile. We chose
//! this over leptos_i18n for now: two fixed locales, compile-time
//! completeness from a plain `match`, no build-time JSON parsing and no
//! extra runtime in the wasm.

use care_core::{Channel, Lang, Stage};

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A string of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every message, for the completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The text in `lang`. `{name}` marks a value filled in by `fill`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$key, Lang::ZhCn) => $zh,
                        (Msg::$key, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

messages! {
    AppName => "客服助手", "Care Assist";
    SkipToMain => "跳到主要内容", "Skip to main content";
    SwitchLanguage => "切换界面语言：", "Switch language: ";
    OtherLanguageName => "English", "中文";
    Loading => "正在加载…", "Loading…";
    OpeningStore => "正在打开本地数据库…", "Opening the local database…";
    StoreUnavailable => "无法打开本地数据库。您的数据未被改动。请关闭其他打开本应用的标签页后重试；若仍失败，请检查浏览器是否允许本站存储数据。", "The local database cannot be opened. Your data has not been changed. Close other tabs running this app and try again; if it still fails, check that the browser allows this site to store data.";
    UpgradeFailed => "本地数据库升级失败，原有数据已保留。请刷新重试，或联系技术支持。", "The local database could not be upgraded; your existing data is kept. Reload to try again, or contact support.";
    Retry => "重试", "Try again";
    Cases => "个案", "Cases";
    CaseList => "个案列表", "Case list";
    NewCase => "新建个案", "New case";
    Channel => "渠道", "Channel";
    Customer => "客户", "Customer";
    NoCustomer => "未识别客户", "Customer not identified";
    StartCase => "开始受理", "Start case";
    Creating => "正在创建…", "Creating…";
    NoCases => "还没有个案。选择渠道和客户后点击“开始受理”。", "No cases yet. Choose a channel and a customer, then press Start case.";
    OpenedAt => "受理时间", "Opened";
    UpdatedAt => "最近更新", "Updated";
    CurrentStage => "当前阶段", "Current stage";
    NotesCount => "备注", "Notes";
    OpenCase => "打开", "Open";
    OpenCaseNamed => "打开个案 {id}", "Open case {id}";
    BackToCases => "返回个案列表", "Back to cases";
    CaseTitle => "个案", "Case";
    CaseNotFound => "找不到这个个案。它可能在另一台设备上创建，尚未同步。", "This case cannot be found. It may have been opened on another device and not synchronised yet.";
    CaseDamaged => "这个个案的记录无法读取，原始事件已保留。请联系技术支持。", "This case's record cannot be read; its events are kept. Please contact support.";
    Stages => "处理阶段", "Stages";
    StageN => "第 {n} 步", "Step {n}";
    StageLocked => "尚未到达", "Not reached yet";
    StageDone => "已完成", "Done";
    StageCurrent => "当前", "Current";
    KeyboardHint => "快捷键：Alt+→ 下一阶段，Alt+← 上一阶段，Alt+1…8 跳到已到达的阶段", "Shortcuts: Alt+→ next stage, Alt+← previous stage, Alt+1…8 jump to a stage reached";
    NextStage => "进入下一阶段：{stage}", "Go to the next stage: {stage}";
    PrevStage => "回到上一阶段：{stage}", "Back to the previous stage: {stage}";
    MoveRefused => "不能跳过阶段：请按顺序推进。", "Stages cannot be skipped: move forward one at a time.";
    StageIntake => "受理", "Intake";
    StageListen => "倾听", "Listen";
    StageVerify => "身份核验", "Verify";
    StageReconstruct => "还原经过", "Reconstruct";
    StageDiagnose => "诊断", "Diagnose";
    StageResolve => "方案", "Resolve";
    StageCommit => "承诺", "Commit";
    StageFollowUp => "回访", "Follow up";
    PurposeIntake => "确认渠道和客户，记录客户的第一句话，识别来意。", "Confirm the channel and the customer, record the customer's first statement and recognise the intent.";
    PurposeListen => "按提示提问，表达共情，记下需要的事实；客户说过的不再重复问。", "Ask the prompted questions, show empathy and capture the facts needed; never re-ask what the customer already said.";
    PurposeVerify => "在查看或更改敏感信息前核验身份；核验前个人信息保持遮蔽。", "Verify identity before anything sensitive is shown or changed; personal data stays masked until then.";
    PurposeReconstruct => "把账单、用量、订单、网络事件放在一条时间线上，标出异常。", "Put bills, usage, orders and network events on one timeline and flag the anomalies.";
    PurposeDiagnose => "根据规则列出最可能的原因及理由，确认一个原因。", "List the likely causes with their reasons, and confirm one.";
    PurposeResolve => "比较各方案的利弊、费用、生效时间和所需权限，超出权限则升级。", "Compare the solutions' pros, cons, fees, time to effect and authority; escalate when beyond yours.";
    PurposeCommit => "用客户听得懂的话说明将做什么、何时完成、费用和回复方式。", "Tell the customer in plain words what will be done, by when, at what cost and how they will hear back.";
    PurposeFollowUp => "确认问题已解决、客户满意，记录满意度后归档。", "Confirm the problem is solved and the customer satisfied, record satisfaction, then archive.";
    StageComingSoon => "本阶段的引导内容将由知识包提供。现在可以在下方记录备注。", "Guidance for this stage will come from the knowledge pack. For now, record notes below.";
    Notes => "备注", "Notes";
    NoteLabel => "新备注", "New note";
    NotePlaceholder => "记录客户说了什么、您做了什么", "What the customer said, what you did";
    AddNote => "添加备注", "Add note";
    NoNotes => "还没有备注。", "No notes yet.";
    NoteEmpty => "备注是空的。", "The note is empty.";
    NoteTooLong => "备注太长：{chars} 字，最多 {max} 字。", "The note is too long: {chars} characters, at most {max}.";
    NoteInStage => "于“{stage}”阶段", "at the {stage} stage";
    Saving => "正在保存…", "Saving…";
    Saved => "已保存到本机", "Saved on this device";
    SaveFailed => "保存失败，内容仍在输入框中，请重试。", "Not saved. Your text is still in the box; please try again.";
    DiskFull => "设备存储已满，未能保存。内容仍在输入框中；请释放空间后重试。", "The device storage is full and nothing was saved. Your text is still in the box; free some space and try again.";
    CustomerPanel => "客户信息", "Customer";
    Name => "姓名", "Name";
    Mobile => "手机号码", "Mobile number";
    Account => "账户", "Account";
    IdNumber => "证件号码", "ID number";
    Plan => "套餐", "Plan";
    City => "城市", "City";
    Segment => "客户等级", "Segment";
    Tenure => "在网时长", "Tenure";
    TenureMonths => "{n} 个月", "{n} months";
    MaskedNotice => "身份核验前，个人信息已遮蔽。", "Personal data is masked until identity is verified.";
    PageNotFound => "没有这个页面。", "There is no such page.";
    KnowledgePack => "知识包", "Knowledge pack";
    PackVersion => "版本", "Version";
    PackSource => "来源", "Source";
    PackEmbedded => "内置演示知识包", "Built-in demo pack";
    PackImportedFrom => "导入自 {file}（{at}）", "Imported from {file} ({at})";
    PackCounts => "{intents} 个来意，{examples} 条例句，{causes} 个原因，{solutions} 个方案", "{intents} intents, {examples} examples, {causes} causes, {solutions} solutions";
    ImportHeading => "导入知识包", "Import a pack";
    ImportPack => "选择知识包文件（TOML）", "Choose a pack file (TOML)";
    ImportChecking => "正在检查…", "Checking…";
    ImportDone => "已导入并启用 {file}。", "{file} is imported and in use.";
    ImportRefused => "{file} 有 {n} 个问题，未导入；当前知识包保持不变。", "{file} has {n} problem(s) and was not imported; the current pack stays in use.";
    ImportUnreadable => "无法读取这个文件。当前知识包保持不变。", "This file cannot be read. The current pack stays in use.";
    ImportNotSaved => "知识包有效，但未能保存到本机，当前知识包保持不变。", "The pack is valid but could not be saved on this device; the current pack stays in use.";
    RestoreEmbedded => "恢复内置知识包", "Go back to the built-in pack";
    EmbeddedBroken => "内置知识包无效，请联系技术支持。", "The built-in pack is invalid; please contact support.";
    StoredBroken => "之前导入的知识包已不再有效，现用内置知识包。", "The pack imported earlier is no longer valid; the built-in pack is in use.";
    ProblemAt => "第 {line} 行，第 {column} 列", "line {line}, column {column}";
    Intents => "来意", "Intents";
    Routing => "分流", "Routing";
    RoutingSelfService => "快捷答复", "Quick answer";
    RoutingHandle => "本岗处理", "Handle here";
    RoutingSpecialist => "转专席", "Specialist";
    VerificationNeeded => "核验要求", "Verification";
    ListeningPrompts => "倾听提示", "Listening prompts";
    ExampleUtterances => "例句", "Example utterances";
    FindCustomer => "查找客户", "Find the customer";
    LookupLabel => "手机号、账户或证件号（至少 4 位）", "Phone, account or ID number (at least 4 characters)";
    LookupButton => "查找", "Search";
    LookupTooShort => "请输入至少 4 位号码（手机号、账户或证件号）。", "Type at least 4 digits of a phone, account or ID number.";
    ProfileTags => "客户标签", "Profile tags";
    LookupNone => "没有找到匹配的客户。", "No customer matches.";
    SelectCustomerNamed => "选择客户 {who}", "Select customer {who}";
    FirstStatement => "客户的第一句话", "The customer's first words";
    FirstStatementHint => "照客户的原话记录，不要改写。", "Write down what the customer said, as they said it.";
    Recognise => "识别来意", "Recognise the intent";
    StatementEmpty => "请先记录客户的话。", "Record what the customer said first.";
    Suggestions => "可能的来意", "Likely intents";
    IntentSuffix => "：{intent}", ": {intent}";
    IntentUnknown => "无法确定来意。请先问一个开放式问题，让客户多说一些。", "The intent is unclear. Ask an open question and let the customer say more.";
    ChooseIntent => "或手动选择来意", "Or choose the intent yourself";
    ChooseIntentPlaceholder => "请选择…", "Choose…";
    UseThisIntent => "使用此来意", "Use this intent";
    ConfirmedIntent => "已确认来意：{intent}", "Confirmed intent: {intent}";
    Overridden => "（人工改选）", "(chosen by the agent)";
    QuickAnswerTitle => "快捷答复：{title}", "Quick answer: {title}";
    Select => "选择", "Select";
    GiveQuickAnswer => "答复并结案", "Answer and close the case";
    CaseClosedQuick => "已用快捷答复解决，个案已结案（首次解决）。", "Answered with a quick answer; the case is closed (resolved on first contact).";
    AfterVerification => "（核验后显示）", "(shown after verification)";
    NoPack => "没有可用的知识包，无法识别来意。", "No knowledge pack is available, so intents cannot be recognised.";
    Closed => "已结案", "Closed";
    Intent => "来意", "Intent";
    ChannelHotline => "热线", "Hotline";
    ChannelStore => "营业厅", "Store";
    ChannelApp => "手机应用", "Mobile app";
    ChannelWeb => "网站", "Website";
    ChannelWeChat => "微信", "WeChat";
    ChannelSms => "短信", "Text message";
    ChannelSocial => "社交媒体", "Social media";
    ChannelEmail => "电子邮件", "Email";
}

impl Msg {
    /// The text in `lang` with each `{name}` replaced by its value.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut out = self.text(lang).to_owned();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// The name of a stage.
pub fn stage_name(stage: Stage) -> Msg {
    match stage {
        Stage::Intake => Msg::StageIntake,
        Stage::Listen => Msg::StageListen,
        Stage::Verify => Msg::StageVerify,
        Stage::Reconstruct => Msg::StageReconstruct,
        Stage::Diagnose => Msg::StageDiagnose,
        Stage::Resolve => Msg::StageResolve,
        Stage::Commit => Msg::StageCommit,
        Stage::FollowUp => Msg::StageFollowUp,
    }
}

/// What a stage is for, in one sentence.
pub fn stage_purpose(stage: Stage) -> Msg {
    match stage {
        Stage::Intake => Msg::PurposeIntake,
        Stage::Listen => Msg::PurposeListen,
        Stage::Verify => Msg::PurposeVerify,
        Stage::Reconstruct => Msg::PurposeReconstruct,
        Stage::Diagnose => Msg::PurposeDiagnose,
        Stage::Resolve => Msg::PurposeResolve,
        Stage::Commit => Msg::PurposeCommit,
        Stage::FollowUp => Msg::PurposeFollowUp,
    }
}

/// The name of a channel.
pub fn channel_name(channel: Channel) -> Msg {
    match channel {
        Channel::Hotline => Msg::ChannelHotline,
        Channel::Store => Msg::ChannelStore,
        Channel::App => Msg::ChannelApp,
        Channel::Web => Msg::ChannelWeb,
        Channel::WeChat => Msg::ChannelWeChat,
        Channel::Sms => Msg::ChannelSms,
        Channel::Social => Msg::ChannelSocial,
        Channel::Email => Msg::ChannelEmail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(&c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)
        })
    }

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split('}').next())
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn english_text_has_no_chinese() {
        for m in Msg::ALL {
            // The language switch names the other language in that language.
            if *m == Msg::OtherLanguageName {
                continue;
            }
            assert!(!has_cjk(m.text(Lang::En)), "{m:?}: {}", m.text(Lang::En));
        }
    }

    #[test]
    fn chinese_text_is_chinese() {
        for m in Msg::ALL {
            if *m == Msg::OtherLanguageName {
                continue;
            }
            assert!(has_cjk(m.text(Lang::ZhCn)), "{m:?}: {}", m.text(Lang::ZhCn));
        }
    }

    #[test]
    fn both_languages_fill_the_same_values() {
        for m in Msg::ALL {
            assert_eq!(
                placeholders(m.text(Lang::ZhCn)),
                placeholders(m.text(Lang::En)),
                "{m:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            Msg::NoteTooLong.fill(Lang::En, &[("chars", "5000"), ("max", "4000")]),
            "The note is too long: 5000 characters, at most 4000."
        );
    }
}
