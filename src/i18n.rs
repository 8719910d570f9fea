//! Every string of the interface, in zh-CN and en.
//!
//! A message is an enum variant; the `messages!` table must give both
//! languages for each, so a missing translation does not compile. We chose
//! this over leptos_i18n for now: two fixed locales, compile-time
//! completeness from a plain `match`, no build-time JSON parsing and no
//! extra runtime in the wasm.

use care_core::search::CaseStatus;
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
    ReferencePreparing => "正在准备客户资料…", "Preparing the customer data…";
    ReferenceFailed => "客户资料无法读取，本机保存的个案未受影响。请重试。", "The customer data cannot be read; the cases kept on this device are untouched. Try again.";
    OpeningStore => "正在打开本地数据库…", "Opening the local database…";
    StoreUnavailable => "无法打开本地数据库。您的数据未被改动。请关闭其他打开本应用的标签页后重试；若仍失败，请检查浏览器是否允许本站存储数据。", "The local database cannot be opened. Your data has not been changed. Close other tabs running this app and try again; if it still fails, check that the browser allows this site to store data.";
    UpgradeFailed => "本地数据库升级失败，原有数据已保留。请刷新重试，或联系技术支持。", "The local database could not be upgraded; your existing data is kept. Reload to try again, or contact support.";
    Retry => "重试", "Try again";
    SetupHeading => "设置本机解锁 PIN", "Set this device's PIN";
    SetupExplain => "本机保存的客户资料、备注和草稿都用它加密。每次打开应用、锁定之后，都要输入它。", "Customer data, notes and drafts kept on this device are encrypted with it. You enter it each time the app opens and after it locks.";
    SetupForgetWarning => "请务必记住：忘记 PIN 后，本机已保存的数据将无法读取，任何人都无法找回。", "Remember it: if the PIN is forgotten, the data kept on this device cannot be read, by anyone.";
    PinLabel => "PIN 或口令（至少 {min} 位）", "PIN or passphrase (at least {min} characters)";
    PinConfirmLabel => "再输入一次", "Enter it again";
    SetupButton => "设置并开始使用", "Set and start";
    PinTooShort => "至少需要 {min} 位。", "It needs at least {min} characters.";
    PinMismatch => "两次输入不一致。", "The two entries differ.";
    PinTooEasy => "太容易被猜到，请换一个（不要用 123456、000000 这类）。", "Too easy to guess; choose another (not 123456, 000000 and the like).";
    UnlockHeading => "应用已锁定", "The app is locked";
    UnlockExplain => "输入本机 PIN 或口令解锁。", "Enter this device's PIN or passphrase to unlock.";
    UnlockButton => "解锁", "Unlock";
    Unlocking => "正在解锁…", "Unlocking…";
    WrongPin => "PIN 不正确。再错 {n} 次，本机将锁定 {minutes} 分钟。", "Wrong PIN. {n} more wrong and this device locks for {minutes} minutes.";
    LockedOut => "错误次数过多，本机已锁定。请在 {time} 之后再试。", "Too many wrong PINs: this device is locked. Try again after {time}.";
    CryptoUnavailable => "此浏览器无法加密数据，为保护客户资料，应用不能在这里使用。", "This browser cannot encrypt data; to protect customers' data the app cannot run here.";
    LockNow => "锁定", "Lock";
    SetupNameLabel => "您的姓名（多人共用本机时显示在锁屏上，可不填）", "Your name (shown on the lock screen when several people share this device; optional)";
    AddUserHeading => "在本机添加使用者", "Add a person to this device";
    AddUserExplain => "每位使用者有自己的 PIN，数据分别加密保存，彼此无法查看。", "Each person has their own PIN; their data is encrypted separately and the others cannot read it.";
    AddUserNameLabel => "姓名（显示在锁屏上）", "Name (shown on the lock screen)";
    AddUserButton => "添加并开始使用", "Add and start";
    AddUser => "添加使用者", "Add a person";
    CancelAddUser => "返回锁屏", "Back to the lock screen";
    WhoIsWorking => "谁在使用本机？", "Who is working?";
    UnnamedUser => "使用者 {n}", "Person {n}";
    SwitchUser => "切换使用者", "Switch person";
    NameMissing => "请填写姓名，以便在锁屏上选择。", "Enter a name, so you can be picked on the lock screen.";
    Settings => "设置", "Settings";
    SettingsHeading => "本机设置", "Device settings";
    IdleLabel => "无操作多久后自动锁定", "Lock after this long without activity";
    MinutesN => "{n} 分钟", "{n} min";
    SettingSaved => "已保存到本机", "Saved on this device";
    UpdateReady => "新版本已就绪。当前没有进行中的个案时再更新：更新会重新载入应用，之后需要再次解锁。", "A new version is ready. Apply it when no case is in progress: the app reloads and asks for the PIN again.";
    ApplyUpdate => "更新到新版本", "Apply the new version";
    StorageHeading => "本机存储", "Storage on this device";
    PersistGranted => "已设为持久存储：浏览器不会因空间不足而自动清除本应用的数据。", "Persistent: the browser will not clear this app's data when space runs short.";
    PersistRefused => "浏览器未批准持久存储：设备空间不足时，未同步的数据可能被清除。请把本站加入书签或安装到桌面后再试。", "The browser did not grant persistent storage: if the device runs short of space, unsynchronised data may be cleared. Bookmark or install the app, then try again.";
    PersistUnsupported => "此浏览器不支持持久存储请求。", "This browser cannot be asked for persistent storage.";
    PersistAsk => "再次申请持久存储", "Ask for persistent storage again";
    StorageUsed => "已用 {used}，浏览器允许约 {quota}", "{used} used of about {quota} the browser allows";
    LockAuditHeading => "本机锁定记录", "Lock audit of this device";
    LockAuditWhen => "时间", "When";
    LockAuditWhat => "事件", "What";
    AuditCreated => "设置了 PIN", "PIN set";
    AuditUnlocked => "解锁", "Unlocked";
    AuditWrongPin => "PIN 错误（连续第 {n} 次）", "Wrong PIN ({n} in a row)";
    AuditLockedOut => "错误过多，锁定到 {time}", "Too many wrong PINs: locked until {time}";
    AuditLockedByUser => "手动锁定", "Locked by the user";
    AuditLockedIdle => "无操作自动锁定", "Locked after inactivity";
    Cases => "个案", "Cases";
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
    KeyboardHint => "快捷键：Alt+→ 下一阶段，Alt+← 上一阶段，Alt+1…8 跳到已到达的阶段；按 ? 查看全部", "Shortcuts: Alt+→ next stage, Alt+← previous stage, Alt+1…8 jump to a stage reached; press ? for all";
    ShortcutsTitle => "键盘快捷键", "Keyboard shortcuts";
    ShortcutsButton => "快捷键 (?)", "Shortcuts (?)";
    ShortcutNextStage => "下一阶段", "Next stage";
    ShortcutPrevStage => "上一阶段", "Previous stage";
    ShortcutJump => "跳到第 1…8 阶段（已到达的）", "Jump to stage 1…8 (reached)";
    ShortcutNextAction => "聚焦“下一步”建议的操作", "Focus the suggested next step";
    ShortcutStageStart => "聚焦本阶段的第一个输入或按钮", "Focus the stage's first field or button";
    ShortcutNote => "写备注", "Write a note";
    ShortcutHelp => "打开或关闭本帮助", "Open or close this help";
    ShortcutClose => "关闭", "Close";
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
    PackFromServer => "来自团队服务器（{id}）", "From the team's server ({id})";
    ServerPackBroken => "团队服务器发来的知识包未通过检查，未启用；当前知识包不变。请通知知识包维护人：", "The pack from the team's server did not pass the checks and is not used; the pack in force stays. Tell the pack's maintainer:";
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
    // ---- listen
    NoIntentYet => "请先在“受理”阶段确认来意，之后这里会给出要问的问题和要收集的信息。", "Confirm the intent at Intake first; this stage then shows what to ask and which facts to collect.";
    ListenProgress => "必填信息 {done}/{total}", "Required facts {done}/{total}";
    ListenComplete => "必填信息已齐全，可以进入身份核验。", "All required facts are in: you can go on to verification.";
    Prompts => "话术", "What to say";
    PromptOpen => "开放式提问", "Open question";
    PromptClosed => "封闭式提问", "Closed question";
    PromptEmpathy => "共情", "Empathy";
    PromptCaution => "注意", "Caution";
    MarkAsked => "已问", "Asked";
    MarkUsed => "已说", "Said";
    AskedTimes => "已问 {n} 次", "Asked {n}×";
    AlreadyKnown => "已知，不必再问", "Already known: do not ask";
    AskedTwiceWarning => "这个问题已经问过了，再问会让客户觉得没被倾听。", "This was asked already; asking again tells the customer they were not heard.";
    FactsChecklist => "要收集的信息", "Facts to collect";
    Required => "必填", "Required";
    Optional => "选填", "Optional";
    CustomerSaid => "客户已说：“{quote}”", "The customer said: “{quote}”";
    ConfirmOffer => "确认：{value}", "Confirm: {value}";
    NotRight => "不对", "Not right";
    SaveFact => "记录", "Record";
    ChangeFact => "修改", "Change";
    WithdrawFact => "撤回", "Withdraw";
    FromStatement => "来自客户首句", "from the first statement";
    FromAnswer => "客户回答", "customer's answer";
    FromRecords => "来自记录", "from the records";
    Yes => "是", "Yes";
    No => "否", "No";
    ChoosePlaceholder => "请选择…", "Choose…";
    FactEmpty => "请先填写内容。", "Enter a value first.";
    FactNotANumber => "请输入数字。", "Enter a number.";
    FactOutOfRange => "数值超出允许范围。", "The value is outside the allowed range.";
    FactTooLong => "内容太长。", "The text is too long.";
    FactNotADate => "日期格式不对，例如 2026-11-03 或 2026-11-03 14:30。", "That is not a date; for example 2026-11-03 or 2026-11-03 14:30.";
    FactNotAPhone => "请输入 5 到 15 位的电话号码。", "Enter a phone number of 5 to 15 digits.";
    FactUnknownChoice => "请从列表中选择。", "Choose from the list.";
    HintMonth => "如 2026-11", "e.g. 2026-11";
    HintDate => "如 2026-11-03", "e.g. 2026-11-03";
    HintDatetime => "如 2026-11-03 14:30", "e.g. 2026-11-03 14:30";
    HintMoney => "金额，元", "amount in yuan";
    // ---- verify
    VerifyNeeded => "需要达到：{level}", "Needed: {level}";
    VerifyRequiresAny => "此级别必须通过：{methods}（其他方式的强度加起来也不够）。", "This level needs {methods}; other methods do not add up to it.";
    VerifyReached => "已达到：{level}（强度 {strength}）", "Reached: {level} (strength {strength})";
    VerifyMet => "身份核验已通过，可以查看客户记录。", "Identity verified: the customer's records can be shown.";
    AttemptsLeft => "还可尝试 {n} 次", "{n} attempts left";
    VerifyLocked => "失败次数过多，核验已锁定至 {time}。请勿透露任何账户信息；可请客户稍后再试或到营业厅办理。", "Too many failed attempts: verification is locked until {time}. Disclose nothing about the account; ask the customer to try later or visit a store.";
    VerifyLastAttempt => "注意：再失败一次将锁定核验。", "Careful: one more failure locks verification.";
    MethodStrength => "强度 {n}", "strength {n}";
    MethodPassed => "已通过", "Passed";
    MethodFailures => "失败 {n} 次", "{n} failed";
    CustomerAnswer => "客户的回答", "Customer's answer";
    Check => "核对", "Check";
    SendCode => "发送验证码", "Send code";
    CodeSent => "验证码已发送至 {msisdn}，请客户读出收到的 6 位数字。", "A code was sent to {msisdn}; ask the customer to read out the 6 digits.";
    DocumentSeen => "我已核验身份证原件，人证一致", "I checked the original ID card and it matches the holder";
    CheckPassed => "核对通过。", "Check passed.";
    CheckFailed => "核对不一致。请勿提示正确答案。", "It does not match. Do not hint at the right answer.";
    CheckUnavailable => "没有可核对的信息，此方式不可用。", "Nothing to check against: this method cannot be used.";
    NeedCustomer => "请先在“受理”阶段找到客户。", "Find the customer at Intake first.";
    DemoAnswers => "演示数据：显示正确答案", "Demo data: show the right answers";
    DemoAnswersNote => "仅供演示和培训。真实系统中坐席看不到这些答案。", "For demos and training only. In a real system agents never see these answers.";
    DemoCode => "演示：短信内容为 {code}", "Demo: the text message says {code}";
    RevealPersonal => "显示完整信息", "Show in full";
    RevealLocked => "核验通过后可查看完整信息", "Shown in full after verification";
    AuditChainOk => "审计记录完整（{n} 条）", "Audit trail intact ({n} entries)";
    AuditChainBroken => "审计记录被篡改或缺失，请联系主管。", "The audit trail has been altered or has gaps; tell your team lead.";
    // ---- reconstruct
    RecordsLocked => "客户记录已锁定：请先完成身份核验。", "The customer's records are locked: verify the customer's identity first.";
    GoToVerify => "去核验身份", "Go to verification";
    ShowRecords => "查看客户记录", "Show the customer's records";
    ShowRecordsNote => "查看操作将记入审计日志。", "Viewing is recorded in the audit log.";
    Findings => "发现的异常", "What stands out";
    NoFindings => "在这段时间的记录中没有发现异常。", "Nothing unusual in the records for this period.";
    Timeline => "时间线", "Timeline";
    TimelineWindow => "{from} 至 {to}", "{from} to {to}";
    RecordsList => "记录明细", "Records";
    OpenRecord => "打开", "Open";
    CloseRecord => "关闭", "Close";
    NoRecordsInWindow => "这段时间没有相关记录。", "No records in this period.";
    KindBills => "账单", "Bills";
    KindUsage => "使用", "Usage";
    KindOrders => "订单", "Orders";
    KindSubscriptions => "订购", "Subscriptions";
    KindContacts => "来电记录", "Contacts";
    KindNetworkEvents => "网络事件", "Network events";
    KindPayments => "缴费", "Payments";
    KindDevices => "终端", "Devices";
    KindContracts => "合约", "Contracts";
    KindScreenedCalls => "反诈预警", "Flagged calls";
    NoCustomerRecords => "这位客户没有可用的记录。", "There are no records for this customer.";
    NextAction => "下一步", "Next";
    StepFindCustomer => "查找客户：输入手机号、账户或证件号。", "Find the customer by phone, account or ID number.";
    StepTakeStatement => "照原话记录客户的第一句话，然后识别来意。", "Write down the customer's first words, then recognise the intent.";
    StepConfirmIntent => "确认来意（或选择其他来意）。", "Confirm the intent (or choose another).";
    StepAsk => "问：“{prompt}”", "Ask: “{prompt}”";
    StepConfirmOffers => "确认客户首句里已经说过的信息，不要再问一遍。", "Confirm what the customer already said; do not ask it again.";
    StepGoTo => "进入“{stage}”。", "Go on to {stage}.";
    StepVerifyWith => "用“{method}”核验身份。", "Verify identity with: {method}.";
    StepLocked => "核验已锁定至 {time}：不要透露任何账户信息。", "Verification is locked until {time}: disclose nothing about the account.";
    StepCannotVerify => "此渠道无法达到所需核验级别：请客户到营业厅办理，不要透露账户信息。", "The level needed cannot be reached on this channel: ask the customer to visit a store and disclose nothing.";
    StepShowRecords => "查看客户记录，找出异常。", "Show the customer's records and look for what stands out.";
    StepConfirmCause => "确认最可能的原因。", "Confirm the most likely cause.";
    StepChooseSolution => "和客户一起选定方案。", "Choose a solution with the customer.";
    StepMakeCommitment => "向客户说明承诺并记录。", "Tell the customer the commitment and record it.";
    StepFollowUpBy => "在 {time} 前回访客户，确认问题是否解决。", "Call the customer back by {time} to check it is solved.";
    StepRecordFollowUp => "记录回访结果。", "Record the follow-up.";
    StepArchive => "归档个案。", "Archive the case.";
    StepDone => "个案已结案。", "The case is closed.";
    // ---- diagnose, resolve, commit, follow up
    PackUnavailable => "知识包不可用，无法给出建议。请到“知识包”页面查看问题。", "The knowledge pack is not available, so there is nothing to suggest. See the knowledge pack page for the problems.";
    PackFault => "知识包内容有误（{what}），请告知知识包维护人员。", "The knowledge pack has a fault ({what}); tell whoever maintains it.";
    NoRoles => "知识包没有定义坐席角色，无法判断权限。", "The knowledge pack defines no agent roles, so authority cannot be decided.";
    UnknownCause => "知识包中没有这个原因：{cause}", "The knowledge pack has no cause “{cause}”";
    UnknownSolution => "知识包中没有这个方案：{solution}。请回到“方案”重新选择。", "The knowledge pack has no solution “{solution}”. Go back to Resolve and choose again.";
    GoToIntake => "回到受理", "Go to Intake";
    GoToDiagnose => "去诊断", "Go to Diagnose";
    GoToResolve => "去选方案", "Go to Resolve";
    GoToCommit => "去做承诺", "Go to Commit";
    Cancel => "取消", "Cancel";
    Copy => "复制", "Copy";
    Copied => "已复制到剪贴板。", "Copied to the clipboard.";
    CopyFailed => "无法复制。请选中文字后手动复制。", "It could not be copied. Select the text and copy it by hand.";
    DiagnoseNeedIntent => "请先在“受理”阶段确认来意，之后这里会给出可能的原因。", "Confirm the intent at Intake first; this stage then shows the likely causes.";
    IntentNotInPack => "知识包中没有这个来意（{intent}），无法诊断。请回到“受理”重新确认来意。", "The knowledge pack has no intent “{intent}”, so there is nothing to diagnose. Go back to Intake and confirm the intent again.";
    NoCausesForIntent => "知识包没有为这个来意列出原因。请添加备注，按常规流程转交。", "The knowledge pack lists no causes for this intent. Add a note and hand the case over as usual.";
    DiagnoseFactsOnly => "以下原因仅根据已收集的信息推断；核验通过后会结合客户记录重新判断。", "These causes come from the collected facts only; once the customer is verified, their records count too.";
    DiagnoseNoCustomer => "未识别客户：以下原因仅根据已收集的信息推断。", "No customer identified: these causes come from the collected facts only.";
    ReopenedBefore => "此个案已重新打开（共 {n} 次），原因：", "This case was reopened ({n}×). Reason:";
    LikelyCauses => "可能的原因", "Likely causes";
    NoEvidence => "目前的信息还不足以指向任何原因。请先问下面的问题，或手动选择原因。", "Nothing collected so far points to a cause. Ask the questions below, or choose a cause yourself.";
    TopSuggestion => "首选", "Top suggestion";
    SeverityLabel => "严重程度：", "Severity: ";
    SeverityLow => "影响低", "Low severity";
    SeverityMedium => "影响中", "Medium severity";
    SeverityHigh => "影响高", "High severity";
    SeverityCritical => "影响严重", "Critical";
    CauseConfirmedBadge => "已确认", "Confirmed";
    Likelihood => "可能性", "Likelihood";
    WhyThisCause => "依据", "Why";
    AskToBeSure => "还可以问这些来确认", "What to ask to be sure";
    NothingToAsk => "没有能进一步区分原因的问题了。", "Nothing left to ask would tell the causes apart.";
    GainUpTo => "可能性最多 +{n}%", "up to +{n}% likelihood";
    YouCouldAsk => "可以这样问：", "You could ask: ";
    CouldSupport => "可能指向：{causes}", "Could point to: {causes}";
    RecordAtListen => "到“倾听”记录客户的回答", "Record the answer at Listen";
    ConfirmCauseHeading => "确认原因", "Confirm the cause";
    ConfirmTopCause => "确认原因：{cause}", "Confirm the cause: {cause}";
    OrChooseCause => "或选择其他原因", "Or choose another cause";
    ChooseCausePlaceholder => "请选择原因…", "Choose a cause…";
    ConfirmThisCause => "确认此原因", "Confirm this cause";
    ChooseCauseFirst => "请先从列表中选择一个原因。", "Choose a cause from the list first.";
    ConfirmedCause => "已确认原因：{cause}", "Confirmed cause: {cause}";
    CauseOverridden => "（坐席改选，系统首选为：{suggested}）", "(the agent's choice; the top suggestion was {suggested})";
    CauseChosenWithoutSuggestion => "（系统无首选，由坐席选择）", "(no suggestion; chosen by the agent)";
    ChangeCauseWarning => "更改原因会清除已选方案和已做出的承诺。", "Changing the cause clears the chosen solution and any commitment made.";
    ResolveNeedCause => "请先在“诊断”阶段确认原因，之后这里会列出可选方案。", "Confirm the cause at Diagnose first; this stage then lists the solutions.";
    ActingRole => "当前角色：{role}（尚无用户账号，按最低权限计算）", "Acting as: {role} (there are no user accounts yet, so the lowest role applies)";
    OptionsFor => "“{cause}”的可选方案", "Solutions for “{cause}”";
    NoSolutions => "知识包没有为这个原因列出方案。请添加备注，按常规流程转交。", "The knowledge pack lists no solutions for this cause. Add a note and hand the case over as usual.";
    RankN => "第 {n} 位", "No. {n}";
    RankReasons => "排序依据：", "Why it ranks here: ";
    Pros => "优点", "Pros";
    Cons => "缺点", "Cons";
    Fee => "客户付费", "Customer pays";
    Refund => "退还客户", "Refund to the customer";
    TimeToEffect => "生效时间", "Takes effect";
    EffectNow => "即时生效", "Immediately";
    EffectHours => "{n} 个工作小时内", "Within {n} working hours";
    VerificationShort => "客户目前的核验级别为“{reached}”，低于此操作所需的“{needed}”。办理前请先完成核验。", "The customer is verified to “{reached}”, below the “{needed}” this action needs. Verify further before doing it.";
    VerificationNotStarted => "客户尚未核验身份，此操作需要“{needed}”。", "The customer is not verified yet; this action needs “{needed}”.";
    Authority => "权限", "Authority";
    WithinAuthority => "在您的权限内，当场可办", "Within your authority: can be done now";
    EscalateTo => "需转交{team}（{hours} 个工作小时内答复）", "Goes to {team} (they answer within {hours} working hours)";
    ChooseSolution => "选择此方案", "Choose";
    RejectSolution => "不采用", "Reject";
    RejectReasonLabel => "不采用的原因（必填）", "Why it is rejected (required)";
    RejectReasonRequired => "请填写不采用的原因。", "Give the reason it is rejected.";
    ConfirmReject => "确认不采用", "Reject it";
    ChosenBadge => "已选定", "Chosen";
    RejectedBadge => "已不采用", "Rejected";
    RejectedBecause => "不采用原因：", "Rejected because:";
    HandoffHeading => "转交说明", "Handoff note";
    HandoffIntro => "复制后粘贴到{team}的工单里。客户信息已脱敏。", "Paste it into the ticket for {team}. The customer's details are masked.";
    NoReasonRecorded => "（未记录原因）", "(no reason recorded)";
    NoCauseConfirmed => "（尚未确认原因）", "(no cause confirmed)";
    NoIntentConfirmed => "（尚未确认来意）", "(no intent confirmed)";
    NotVerified => "未核验", "Not verified";
    CommitNeedSolution => "请先在“方案”阶段选定方案，之后这里会生成对客户的承诺。", "Choose a solution at Resolve first; this stage then drafts the commitment to the customer.";
    CommitFor => "承诺：{solution}", "Commitment: {solution}";
    Deadline => "完成时限", "Deadline";
    EscalatedPlanNote => "此方案需转交{team}，时限已包含其答复时间。", "This solution goes to {team}; the deadline includes their response time.";
    CustomerLanguage => "客户使用的语言", "The customer's language";
    HowToReply => "如何告知客户结果", "How the customer will hear back";
    ContactOther => "告知方式（如电话、短信）", "How we will tell them (e.g. phone call, text message)";
    StepsLabel => "客户需要做的步骤（每行一步）", "Steps for the customer (one per line)";
    Preview => "对客户说的话", "What to tell the customer";
    StillToFill => "还需填写：{what}", "Still to fill in: {what}";
    PlaceholderContact => "告知方式", "how they will hear back";
    PlaceholderSteps => "客户要做的步骤", "the customer's steps";
    PlaceholderOther => "承诺模板中的其他内容", "other parts of the wording";
    MakeCommitment => "做出此承诺", "Make this commitment";
    CalendarBroken => "知识包中的营业日历有误，无法计算时限。请告知知识包维护人员。", "The knowledge pack's business calendar has a fault, so deadlines cannot be worked out. Tell whoever maintains the pack.";
    DeadlineOutOfRange => "时限超出了可表示的日期范围。", "The deadline is beyond any date that can be shown.";
    CommitmentHeading => "已做出的承诺", "The commitment made";
    CommittedAt => "承诺时间", "Made at";
    Print => "打印", "Print";
    TimeToDeadline => "距完成时限（{deadline}）", "Time to the deadline ({deadline})";
    OverdueBadge => "已超时", "Overdue";
    Tasks => "跟进任务", "Follow-up tasks";
    TaskOwner => "负责：{owner}", "Owner: {owner}";
    TaskDue => "截止：{due}", "Due: {due}";
    TaskDoneLabel => "已完成", "Done";
    FollowUpNeedCommitment => "请先在“承诺”阶段向客户做出承诺，回访结果在这里记录。", "Make the commitment at Commit first; the follow-up is recorded here.";
    Promised => "向客户的承诺", "What was promised";
    PromisedBy => "承诺时限：{deadline}", "Promised by {deadline}";
    RecordFollowUpHeading => "记录回访", "Record the follow-up";
    AskSolved => "问题解决了吗？", "Is the problem solved?";
    AskSatisfied => "客户满意吗？", "Is the customer satisfied?";
    Csat => "满意度评分（1–5 分，5 分为非常满意）", "Satisfaction score (1–5, 5 is very satisfied)";
    CsatShort => "满意度评分", "Satisfaction score";
    Nps => "推荐意愿（0–10 分，10 分为一定会推荐）", "Likely to recommend us (0–10, 10 is certainly)";
    NpsShort => "推荐意愿", "Likely to recommend";
    NotGiven => "未回答", "Not given";
    CustomerComment => "客户意见", "The customer's comments";
    FeedbackVia => "回访渠道", "How the answers came";
    ViaCallback => "电话回访", "Callback";
    ViaOnlineSurvey => "在线问卷", "Online survey";
    ViaAppPopUp => "App 弹窗", "App pop-up";
    RecordFollowUp => "记录回访结果", "Record the follow-up";
    AnswerSolvedSatisfied => "请先回答“问题解决了吗”和“客户满意吗”。", "Answer whether the problem is solved and whether the customer is satisfied first.";
    FollowUpResult => "回访结果", "Follow-up result";
    SolvedYes => "已解决", "Solved";
    SolvedNo => "未解决", "Not solved";
    SatisfiedYes => "满意", "Satisfied";
    SatisfiedNo => "不满意", "Not satisfied";
    RecordedAt => "记录时间", "Recorded at";
    ChangeAnswers => "修改回访结果", "Change the answers";
    NotSolvedHint => "问题未解决：请重新打开个案，回到诊断。", "Not solved: reopen the case and go back to diagnosis.";
    Archive => "归档个案", "Archive the case";
    ArchivedSolved => "个案已归档（已解决）。", "The case is archived (solved).";
    ArchivedUnsolved => "个案已归档（未解决）。", "The case is archived (not solved).";
    ReopenHeading => "重新打开", "Reopen";
    ReopenExplain => "客户的问题没有解决时，重新打开个案回到诊断；之前的记录都会保留。", "If the customer's problem is not solved, reopen the case to go back to diagnosis; everything recorded so far is kept.";
    Reopen => "重新打开个案", "Reopen the case";
    ReopenReason => "重新打开的原因（必填）", "Why it is reopened (required)";
    ReopenReasonRequired => "请填写重新打开的原因。", "Give the reason for reopening.";
    ConfirmReopen => "重新打开并回到诊断", "Reopen and go back to Diagnose";
    FollowUpDueHeading => "待回访", "Follow-ups due";
    FollowUpDueIntro => "已向客户做出承诺、尚未回访的个案，时限最近的在前。", "Cases with a commitment and no follow-up yet, soonest deadline first.";
    TimeLeft => "剩余时间", "Time left";
    FollowUpDueMore => "另有 {n} 个待回访个案，可在下方按“待回访”状态搜索。", "{n} more cases await their follow-up: search below by the status Awaiting follow-up.";
    StorageCounts => "本机保存 {cases} 个个案；{outbox} 个事件等待同步到服务器。", "{cases} cases kept on this device; {outbox} events waiting to be synchronised to a server.";
    DemoArchiveHeading => "演示个案档案", "Demo case archive";
    DemoArchiveExplain => "在本机生成演示客户的虚构历史个案，用于试用搜索和统计。这些个案只保存在本机，不会同步。", "Writes fictional past cases of the demo customers on this device, to try search and the metrics. They stay on this device and are never synchronised.";
    DemoArchiveSize => "个案数量", "Number of cases";
    DemoArchiveWrite => "生成演示个案", "Write demo cases";
    DemoArchiveWriting => "正在写入：{done} / {total}", "Writing: {done} of {total}";
    DemoArchiveDone => "已写入 {n} 个演示个案，可在个案列表中搜索。", "{n} demo cases written; search them on the case list.";
    SearchHeading => "查找个案", "Find cases";
    SearchWords => "电话、姓名、个案编号或关键词", "Phone, name, case reference or words";
    SearchWordsHint => "多个词之间用空格分隔，须全部符合。", "Separate words with spaces; every word must match.";
    SearchStatus => "状态", "Status";
    SearchChannel => "接入方式", "Came in by";
    SearchFrom => "受理日期从", "Opened from";
    SearchTo => "受理日期至", "Opened until";
    SearchAny => "全部", "Any";
    SearchClear => "清除条件", "Clear";
    StatusOpen => "处理中", "In progress";
    StatusAwaitingFollowUp => "待回访", "Awaiting follow-up";
    StatusClosed => "已结案", "Closed";
    SearchFound => "找到 {total} 个个案。", "{total} cases found.";
    SearchFoundOne => "找到 1 个个案。", "1 case found.";
    SearchShowing => "显示最近更新的 {shown} 个，请缩小条件查看其余个案。", "Showing the {shown} most recently updated; narrow the search to see the others.";
    SearchNone => "没有符合条件的个案。", "No case matches.";
    SearchIndexLoading => "正在读取个案索引…", "Reading the case index…";
    SearchIndexFailed => "个案索引无法读取，个案本身未受影响。请重试。", "The case index cannot be read; the cases themselves are untouched. Try again.";
    Training => "培训", "Training";
    TrainingHeading => "培训：模拟客户", "Training: simulated customers";
    TrainingExplain => "学员在真实的受理流程中面对模拟客户练习，结束后得到评分和复盘。下面是可用的场景；培训师可以导入自己编写的场景文件（格式见 docs/scenario-format.md）。", "Trainees practise the real care flow against simulated customers, then get a score and a debrief. These are the scenarios available; trainers can import scenario files of their own (format in docs/scenario-format.md).";
    LibraryHeading => "场景库", "Scenario library";
    ScenarioCount => "共 {n} 个场景", "{n} scenarios";
    ScenarioTitle => "场景", "Scenario";
    ScenarioIntent => "来意", "Intent";
    ScenarioLevel => "难度", "Level";
    ScenarioSource => "来源", "Source";
    ScenarioBuiltIn => "内置", "Built in";
    ScenarioImportedFrom => "导入自 {file}", "Imported from {file}";
    LevelEasy => "简单", "Easy";
    LevelMedium => "中等", "Medium";
    LevelHard => "困难", "Hard";
    ScenarioImportHeading => "导入场景", "Import a scenario";
    ScenarioImportButton => "选择场景文件（TOML）", "Choose a scenario file (TOML)";
    ScenarioImportDone => "已导入 {file}，场景库已更新。", "Imported {file}; the library is updated.";
    ScenarioImportRefused => "{file} 有 {n} 个问题，未导入；场景库没有变化：", "{file} has {n} problem(s) and was not imported; the library is unchanged:";
    ScenarioIdBuiltIn => "这个场景的 id 与内置场景相同，未导入；请在文件里换一个 id。", "This scenario's id is that of a built-in one; it was not imported. Give it another id in the file.";
    TrainingBand => "培训练习 · 模拟客户，不是真实客户", "Training · a simulated customer, not a real one";
    ScenarioMissing => "这个练习的场景在本机不可用（可能已更换知识包或未导入）。", "This session's scenario is not available on this device (the pack may have changed, or it was not imported here).";
    EndAndDebrief => "结束练习并复盘", "End the session and see the debrief";
    SeeDebrief => "查看复盘", "See the debrief";
    StartPractice => "开始练习", "Practise";
    SimCustomerHeading => "模拟客户：{name}", "Simulated customer: {name}";
    CallerNumber => "来电号码", "Calling from";
    PatienceLeft => "耐心 {n}/{max}", "Patience {n}/{max}";
    ConversationLabel => "与模拟客户的对话", "Conversation with the simulated customer";
    CustomerSays => "客户", "Customer";
    TraineeAsks => "你", "You";
    AskCustomer => "问客户（用自己的话）", "Ask the customer (in your own words)";
    AskButton => "问", "Ask";
    QuestionEmpty => "请先输入要问的话。", "Type a question first.";
    CustomerGaveUp => "客户失去耐心，结束了通话。可以结束练习查看复盘。", "The customer ran out of patience and ended the call. You can end the session and see the debrief.";
    ReadAloud => "朗读客户的话", "Read the customer's words aloud";
    AskedForVerification => "（请客户提供核验信息：{method}）", "(Asked the customer for verification: {method})";
    AskForAnswer => "请客户回答", "Ask the customer";
    OpenUnverified => "不核验直接查看（仅培训模式有此按钮）", "Open without verifying (training mode only)";
    UseCustomerWords => "填入客户原话", "Use the customer's words";
    ScoreSoFar => "当前得分 {earned} / {max}", "Score so far {earned} / {max}";
    FatalShort => "致命错误", "Fatal error";
    RuleFacts => "信息采集", "Facts captured";
    RuleNoRepeats => "不重复提问", "No repeated questions";
    RuleVerification => "先核验后披露", "Verification before disclosure";
    RuleCause => "原因判断", "The right cause";
    RuleSolution => "解决方案", "An acceptable solution";
    RuleCommitment => "明确承诺", "A clear commitment";
    RuleEmpathy => "共情", "Empathy";
    RuleJargon => "避免术语", "No jargon";
    RuleTime => "用时", "Time";
    ListSeparator => "、", ", ";
    NothingChosen => "未选择", "nothing chosen";
    FindingFacts => "采集到 {n}/{of} 项信息。", "{n} of {of} facts captured.";
    FindingFactsMissed => "缺少或有误：{facts}。", " Missing or wrong: {facts}.";
    FindingRepeats => "重复问了客户已回答的问题 {n} 次。", "Asked something already answered {n} time(s).";
    FindingNoRepeats => "没有重复问客户已回答的问题。", "Nothing the customer had answered was asked again.";
    FindingVerifiedFirst => "先核验身份，再查看账户资料。", "Verified before looking at account data.";
    FindingNotVerified => "没有完成身份核验。", "Identity was never verified.";
    FindingRevealedTooEarly => "在身份核验通过之前查看了账户资料。", "Account data was opened before verification passed.";
    FindingImpostorPassed => "冒充者通过了核验。", "The impostor passed verification.";
    FindingImpostorRefused => "冒充者没有通过核验，也没有看到任何资料。", "The impostor failed verification and saw nothing.";
    FindingRightCause => "原因判断正确。", "The right cause.";
    FindingWrongCause => "原因判断有误（选择了：{chosen}）。", "The wrong cause (chose: {chosen}).";
    FindingAcceptableSolution => "方案可接受。", "An acceptable solution.";
    FindingEscalated => "方案可接受，并已按要求升级。", "An acceptable solution, escalated as required.";
    FindingNotEscalated => "方案对，但超出权限却没有升级。", "The right solution, but not escalated though above authority.";
    FindingWrongSolution => "方案不合适（选择了：{chosen}）。", "Not an acceptable solution (chose: {chosen}).";
    FindingCommitted => "给了客户明确的承诺和时限。", "The customer was given a clear commitment with a deadline.";
    FindingNoCommitment => "没有给客户承诺。", "No commitment was made.";
    FindingEmpathyShown => "表达了共情。", "Empathy was shown.";
    FindingNoEmpathy => "没有表达共情。", "No empathy was shown.";
    FindingNoJargon => "没有使用客户听不懂的术语。", "No jargon the customer could not follow.";
    FindingJargon => "使用了术语：{words}。", "Used jargon: {words}.";
    FindingTime => "用时 {n} 分钟（目标 {target} 分钟）。", "{n} minute(s) (target {target}).";
    StepIntent => "确认来意：{intent}", "Confirm the intent: {intent}";
    StepFact => "采集：{fact}", "Capture: {fact}";
    StepEmpathy => "表达共情", "Show empathy";
    StepVerify => "核验身份，再看账户资料", "Verify identity before opening account data";
    StepRefuse => "核验不通过：不透露任何资料", "Verification fails: disclose nothing";
    StepCause => "判断原因：{cause}", "Settle the cause: {cause}";
    StepSolution => "选择方案：{solutions} 之一", "Agree a solution: one of {solutions}";
    StepEscalate => "升级到有权限的团队", "Escalate to the team with the authority";
    StepCommit => "给出明确承诺", "Make a clear commitment";
    StepMet => "已做到：", "Met: ";
    StepNotMet => "未做到：", "Not met: ";
    EvTurn => "“{asked}” → 客户：“{said}”", "“{asked}” → customer: “{said}”";
    BackToTraining => "返回培训", "Back to training";
    NotATrainingCase => "这不是培训练习的案件。", "This case is not a training session.";
    DebriefHeading => "复盘：{title}", "Debrief: {title}";
    DebriefMeta => "学员 {trainee} · 用时 {minutes} 分钟", "Trainee {trainee} · {minutes} minute(s)";
    ScoreHeading => "得分", "Score";
    FatalError => "致命错误：", "Fatal error:";
    FatalExplain => "在身份核验通过之前（或对冒充者）透露了账户资料，本次得分为 0。", "account data was disclosed before verification passed (or to an impostor), so this session scores 0.";
    ShowMoment => "在回放中查看", "Show in the replay";
    RubricRule => "项目", "Rule";
    RubricPoints => "得分", "Points";
    RubricFinding => "说明", "What happened";
    RubricMoment => "时刻", "Moment";
    PractiseHeading => "接下来练习", "What to practise next";
    PractiseNothing => "全部满分，可以试试更难的场景。", "Full marks on every rule: try a harder scenario.";
    ReplayHeading => "回放", "Replay";
    ReplayBack => "‹ 上一步", "‹ Back";
    ReplayForward => "下一步 ›", "Forward ›";
    ReplayPlay => "播放", "Play";
    ReplayPause => "暂停", "Pause";
    ReplayPosition => "回放位置", "Replay position";
    ReplayAt => "第 {n} / {of} 步", "Step {n} of {of}";
    ReplayTrainee => "学员的做法", "What the trainee did";
    ReplayExpected => "场景期望的做法", "What the scenario expected";
    AssignedToYou => "分配给你的练习", "Assigned to you";
    AssignHeading => "指派练习", "Assign practice";
    AssignScenario => "场景", "Scenario";
    AssignTrainee => "学员", "Trainee";
    AssignButton => "指派", "Assign";
    AssignedOn => "指派日期", "Assigned on";
    PractisedSince => "此后练习次数", "Sessions since";
    RemoveAssignment => "移除", "Remove";
    NoAssignments => "还没有指派。", "Nothing assigned yet.";
    CohortHeading => "学员成绩", "Cohort results";
    CohortEmpty => "还没有练习记录。", "No training sessions yet.";
    CohortTrainees => "按学员", "By trainee";
    CohortScenarios => "按场景", "By scenario";
    CohortSessionList => "每次练习", "Every session";
    CohortSessions => "练习次数", "Sessions";
    CohortFinished => "已完成", "Finished";
    CohortAverage => "平均分", "Average";
    CohortBest => "最高分", "Best";
    CohortLatest => "最近一次", "Latest";
    CohortFatal => "致命错误次数", "Fatal errors";
    CohortWeakest => "最需加强", "Weakest rule";
    CohortStarted => "开始时间", "Started";
    Unfinished => "未完成", "Unfinished";
    ExportCsv => "导出 CSV", "Export CSV";
    ExportJson => "导出 JSON", "Export JSON";
    ExportFailed => "浏览器未能生成导出文件，请重试。", "The browser could not make the export file; try again.";
    TrendHeading => "成绩趋势（已完成的练习，按先后）", "Score trend (finished sessions, in order)";
    TrendLabel => "成绩趋势图：{names}", "Score trend chart: {names}";
    Insights => "洞察", "Insights";
    InsightsHeading => "洞察：服务指标", "Insights: service metrics";
    InsightsExplain => "本机所有真实个案的指标（培训练习不计入），按受理日期（知识包日历的时区）计算。把鼠标停在指标名上可看简要说明，完整定义见页面底部“指标怎么算”。", "Metrics of every real case on this device (training sessions left out), by the day each case was opened (in the pack calendar's time zone). Hover a metric's name for a short note; the full definitions are under \"How the figures are counted\" at the foot of the page.";
    Filters => "筛选", "Filters";
    FilterFrom => "从", "From";
    FilterTo => "到", "To";
    FilterAll => "全部", "All";
    GroupBy => "分组", "Group by";
    GroupDay => "按日", "Day";
    GroupWeek => "按周", "Week";
    GroupMonth => "按月", "Month";
    GroupIntent => "按来意", "Intent";
    GroupChannel => "按渠道", "Channel";
    GroupTeam => "按升级团队", "Escalation team";
    GroupAgent => "按坐席", "Agent";
    FilterAgent => "坐席", "Agent";
    GroupAgentTeam => "按坐席团队", "Agent's team";
    FilterAgentTeam => "坐席团队", "Agent's team";
    GroupKey => "分组", "Group";
    NoneKey => "（无）", "(none)";
    AllCases => "全部个案", "All cases";
    KeyFigures => "关键指标", "Key figures";
    VolumeHeading => "每日个案量与首次解决率", "Cases per day and first-contact resolution";
    VolumeHeadingWeeks => "每周个案量与首次解决率", "Cases per week and first-contact resolution";
    VolumeLabel => "{from} 至 {to} 的个案量与首次解决率，共 {n} 个个案", "Cases and first-contact resolution from {from} to {to}, {n} cases in all";
    VolumeCases => "个案量", "Cases";
    NoCasesYet => "所选范围内还没有个案。", "No cases in this range yet.";
    FunnelHeading => "各阶段到达的个案数", "Cases reaching each stage";
    FunnelLabel => "各阶段到达的个案数：{stages}", "Cases reaching each stage: {stages}";
    BreakdownHeading => "分组明细", "Breakdown";
    DefinitionsHeading => "指标怎么算", "How the figures are counted";
    ExportInteraction => "导出 TMF683 交互记录（JSON）", "Export TMF683 interaction (JSON)";
    ExportTicket => "导出 TMF621 工单（JSON）", "Export TMF621 ticket (JSON)";
    ExportTraining => "培训练习不是真实工作，不导出。", "Training sessions are practice, not work, and are not exported.";
    ExportNoTicket => "这个个案没有升级或承诺，没有工单可导出。", "This case has no escalation or commitment, so there is no ticket to export.";
    CaseReportLink => "报告与导出", "Report and exports";
    BackToCase => "返回个案 {id}", "Back to case {id}";
    ReportTitle => "个案报告 {id}", "Case report {id}";
    ReportAsOf => "生成于 {at} · 知识包 {pack} {version}", "Made {at} · knowledge pack {pack} {version}";
    ReportPrint => "打印报告", "Print the report";
    ReportShowFull => "显示完整个人信息（记入个案审计）", "Show personal data in full (written to the case's audit)";
    ReportMaskAgain => "重新遮蔽个人信息", "Mask personal data again";
    ReportMaskedForRole => "个人信息已遮蔽。只有团队服务器授予团队负责人权限的账户才能显示完整信息。", "Personal data is masked. Only an account the team's server makes a team lead may show it in full.";
    ReportTrainingMasked => "培训练习的报告始终遮蔽个人信息。", "A training session's report always masks personal data.";
    ReportDiscloseFailed => "未能把这次查看记入个案审计，个人信息仍然遮蔽。请重试。", "This disclosure could not be written to the case's audit, so personal data stays masked. Try again.";
    ReportAgent => "受理坐席", "Agent";
    ReportCaseId => "个案编号", "Case id";
    ReportStatus => "状态", "Status";
    ReportTimeline => "完整时间线（{n} 个事件）", "Full timeline ({n} events)";
    ReportTime => "时间", "Time";
    ReportStage => "阶段", "Stage";
    ReportDevice => "设备", "Device";
    ReportWhat => "经过", "What happened";
    ReportNoEffect => "（未生效）", "(no effect)";
    ReportNothing => "无。", "None.";
    ReportVerification => "身份核验审计", "Verification audit";
    ReportMethod => "核验方式", "Method";
    ReportResult => "结果", "Result";
    ReportPassed => "通过", "Passed";
    ReportFailed => "未通过", "Failed";
    ReportLocked => "{at} 起核验锁定至 {until}", "Verification locked at {at} until {until}";
    ReportReveals => "敏感资料的查看", "Sensitive data shown";
    ReportRevealLevel => "要求级别：{level}，已达到：{met}", "Level required: {level}, reached: {met}";
    ReportFullReports => "含完整个人信息的报告查看记录", "Reports shown with personal data in full";
    ReportDiagnosis => "诊断与方案", "Diagnosis and solution";
    ReportCause => "原因", "Cause";
    ReportSolution => "方案", "Solution";
    ReportEscalatedTo => "升级至 {team}", "escalated to {team}";
    ReportFacts => "收集到的事实", "Facts captured";
    ReportRejected => "被拒绝的方案", "Solutions turned down";
    ReportCommitment => "对客户的承诺", "Commitment to the customer";
    ReportMadeAt => "承诺时间", "Made";
    ReportDeadline => "截止时间", "Deadline";
    ReportContact => "联系方式", "Contact";
    ReportVerdict => "兑现情况", "Kept";
    ReportTask => "任务", "Task";
    ReportOwner => "负责方", "Owner";
    ReportDue => "应完成", "Due";
    ReportDone => "完成于", "Done";
    ReportNotDone => "未完成", "Not done";
    ReportFollowUp => "回访与重开", "Follow-up and reopenings";
    ReportRound => "第 {round} 轮回访（{at}，{via}）：已解决 {solved}，满意 {satisfied}，CSAT {csat}，NPS {nps}", "Follow-up round {round} ({at}, {via}): solved {solved}, satisfied {satisfied}, CSAT {csat}, NPS {nps}";
    ReportSuperseded => "（同轮后来有更正）", "(corrected later in the round)";
    ReportReopened => "{at} 重开：", "Reopened {at}:";
    BulkExportHeading => "导出这些个案", "Export these cases";
    BulkExportInteractions => "导出 {n} 个个案为 TMF683（JSON）", "Export {n} cases as TMF683 (JSON)";
    BulkExportTickets => "导出其中的工单为 TMF621（JSON）", "Export their tickets as TMF621 (JSON)";
    BulkExportWorking => "正在导出…（{done} / {n}）", "Exporting… ({done} of {n})";
    BulkExported => "已导出 {n} 项；{skipped} 个个案未导出（培训练习、没有工单或记录无法读取）。", "Exported {n}; {skipped} cases left out (training, no ticket, or a record that cannot be read).";
    GapsHeading => "知识缺口", "Knowledge gaps";
    GapsExplain => "知识包在哪里帮不上坐席：按上面的筛选条件，从本机的真实个案中找出。每一条都链接到相关个案。", "Where the knowledge pack fails agents, found in this device's real cases as filtered above. Every entry links to its cases.";
    GapStatements => "未能识别或被坐席改判的第一句话", "First statements not recognised, or overridden by the agent";
    GapStatementsHelp => "按相似程度归组。可作为新的例句补进知识包，或提示缺少某个来意。", "Grouped by how alike they are: examples to add to the pack, or an intent it lacks.";
    GapCauses => "没有采纳任何方案的原因", "Causes for which no solution was accepted";
    GapCausesHelp => "已确认原因，但个案已结案或 3 天未动仍未选定方案。", "A cause was confirmed, and no solution was chosen by the time the case closed or stood still for 3 days.";
    GapRejected => "常被拒绝的建议方案", "Suggestions often rejected";
    GapRejectedHelp => "被坐席或客户拒绝的方案，以及给出的理由。", "Solutions the agent or the customer turned down, with the reasons given.";
    GapMissing => "诊断时常缺的事实", "Facts often missing at diagnosis";
    GapMissingHelp => "来意要求的事实，在确认原因时还没有记录。", "Facts the intent requires that were not captured when the cause was confirmed.";
    GapNone => "没有发现。", "None found.";
    GapCases => "{n} 个个案", "cases: {n}";
    GapTimes => "被拒 {times} 次，{n} 个个案", "turned down ×{times}, cases: {n}";
    GapMissingOf => "{of} 个已诊断个案中缺 {n} 个", "missing in {n} of {of} diagnosed cases";
    GapChosenInstead => "坐席改选的来意：{intents}", "Intents agents chose instead: {intents}";
    GapReasons => "理由：", "Reasons:";
    GapForIntent => "来意：{intent}", "Intent: {intent}";
    GapMoreCases => "其余 {n} 个个案", "more cases: {n}";
    GapMoreInCsv => "另有 {n} 条，请导出 CSV 查看。", "More entries ({n}): export the CSV to see them.";
    RateOf => "{p}%（{hits}/{of}）", "{p}% ({hits} of {of})";
    MetricCases => "个案数", "Cases";
    MetricFcr => "首次解决率", "First-contact resolution";
    MetricAht => "平均处理时长", "Average handle time";
    MetricRepeat => "重复联系率", "Repeat contacts";
    MetricEscalation => "升级率", "Escalations";
    MetricCommitments => "承诺按时兑现率", "Commitments met on time";
    MetricReopen => "重开率", "Reopened";
    SyncHeading => "与团队服务器同步", "Sync with the team's server";
    SyncExplain => "个案记录先保存在本机，有网络时再上传到团队服务器；服务器上的客户资料和其他设备的记录也会下载到本机。", "Case records are kept on this device first and sent to the team's server when there is a network; customer data and other devices' records come down to this device.";
    SyncServerLabel => "服务器地址", "Server address";
    SyncTeamLabel => "团队", "Team";
    SyncUserLabel => "用户名", "User name";
    SyncPasswordLabel => "密码", "Password";
    SyncSignIn => "登录并同步", "Sign in and sync";
    SyncSigningIn => "正在登录…", "Signing in…";
    SyncSignedInAs => "已登录：{user}（团队 {team}），服务器 {server}", "Signed in as {user} (team {team}) at {server}";
    RoleLead => "团队服务器授予此账户团队负责人权限：可打印含完整个人信息的个案报告（每次都记入个案审计）。", "The team's server makes this account a team lead: it may print case reports with personal data in full (each time is written to the case's audit trail).";
    RoleAgent => "此账户为坐席权限：个案报告中的个人信息一律遮蔽。团队负责人权限由团队服务器管理员授予（角色 care-lead）。", "This account is an agent's: personal data in case reports is always masked. The lead role (care-lead) is granted by the team server's administrator.";
    SyncNow => "立即同步", "Sync now";
    SyncSignOut => "退出登录", "Sign out";
    SyncSignOutWarning => "还有 {n} 条记录尚未上传到服务器。退出登录后它们仍保存在本机，不会删除；再次登录后会上传。", "{n} records are not on the server yet. After signing out they stay on this device, nothing is deleted; they are sent after the next sign-in.";
    SyncSignOutConfirm => "退出登录（保留本机记录）", "Sign out (keep them on this device)";
    SyncSignedOut => "已退出登录。本机记录全部保留。", "Signed out. Everything on this device is kept.";
    SyncCancel => "取消", "Cancel";
    SyncFieldsMissing => "请填写服务器地址、团队、用户名和密码。", "Enter the server address, the team, the user name and the password.";
    SyncBadUrl => "服务器地址应以 http:// 或 https:// 开头。", "The server address must start with http:// or https://.";
    SyncNotSignedIn => "未连接团队服务器：记录只保存在本机。", "Not connected to a team server: records are kept on this device only.";
    SyncOutbox => "待上传：{n} 条", "Waiting to be sent: {n}";
    SyncOutboxNone => "没有待上传的记录。", "Nothing waiting to be sent.";
    SyncStateWaiting => "等待同步…", "Waiting to sync…";
    SyncStateOffline => "离线：记录保存在本机，联网后自动同步。", "Offline: records are kept on this device and sync when the network is back.";
    SyncStateOfflineShort => "离线", "Offline";
    SyncStateConnecting => "正在连接服务器…", "Connecting to the server…";
    SyncStatePushing => "正在上传 {done}/{total}", "Sending {done} of {total}";
    SyncStatePulling => "正在下载：已收到 {rows} 项", "Receiving: {rows} items so far";
    SyncStateSynced => "已同步 {at}", "Synced {at}";
    SyncStateFailed => "同步出错：{reason}", "Sync failed: {reason}";
    SyncRetryAt => "将于 {at} 重试。", "Trying again at {at}.";
    SyncRetryManual => "请处理后点击“立即同步”。", "Fix this, then choose Sync now.";
    SyncProblemOffline => "浏览器处于离线状态", "the browser is offline";
    SyncProblemUnreachable => "无法连接服务器，请检查地址和网络（数据仍在本机）", "the server cannot be reached; check the address and the network (the data is still on this device)";
    SyncProblemTimeout => "服务器没有及时响应", "the server did not answer in time";
    SyncProblemWrongPassword => "用户名或密码不正确", "the user name or password is wrong";
    SyncProblemNotAllowed => "此用户无权使用该团队的数据（不是团队成员，或登录已失效）", "this user may not use this team's data (not a member, or the sign-in has expired)";
    SyncProblemNoSuchTeam => "服务器上没有这个团队，请检查团队名称", "the server has no such team; check the team name";
    SyncProblemServer => "服务器返回错误", "the server answered with an error";
    SyncProblemStorage => "本机存储出错", "this device's storage failed";
    SyncLogHeading => "同步记录", "Sync log";
    SyncLogEmpty => "还没有同步记录。", "No sync yet.";
    SyncLogTime => "时间", "Time";
    SyncLogWhat => "内容", "What happened";
    SyncLogSignedIn => "{user} 登录团队 {team}（{server}）", "{user} signed in to team {team} ({server})";
    SyncLogSignedOut => "退出登录，{n} 条未上传的记录保留在本机", "Signed out; {n} records not yet sent kept on this device";
    SyncLogPushed => "上传 {n} 条", "sent {n}";
    SyncLogAlready => "服务器已有 {n} 条", "{n} already on the server";
    SyncLogPulled => "下载 {n} 条记录", "received {n} records";
    SyncLogReference => "更新 {n} 份资料", "{n} reference documents updated";
    SyncLogNothing => "已是最新", "up to date";
    SyncLogSkipped => "{n} 项服务器数据无法读取，未采用", "{n} server documents could not be read and were not taken";
    SyncLogNotTaken => "服务器未接受 {n} 条，保留待重试", "the server did not take {n}, kept to try again";
    SyncLogSeparator => "，", ", ";
    SyncLogFailed => "失败：{reason}", "Failed: {reason}";
    SyncIndicatorLabel => "同步状态", "Sync status";
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
pub fn status_name(status: CaseStatus) -> Msg {
    match status {
        CaseStatus::Open => Msg::StatusOpen,
        CaseStatus::AwaitingFollowUp => Msg::StatusAwaitingFollowUp,
        CaseStatus::Closed => Msg::StatusClosed,
    }
}

/// Why a sync failed, in a few words.
pub fn sync_problem(problem: &crate::contexts::sync::SyncProblem) -> Msg {
    use crate::contexts::sync::SyncProblem as P;
    match problem {
        P::Offline | P::Stopped => Msg::SyncProblemOffline,
        P::Unreachable(_) => Msg::SyncProblemUnreachable,
        P::Timeout => Msg::SyncProblemTimeout,
        P::WrongPassword => Msg::SyncProblemWrongPassword,
        P::NotAllowed(_) => Msg::SyncProblemNotAllowed,
        P::NoSuchTeam => Msg::SyncProblemNoSuchTeam,
        P::Server(_) => Msg::SyncProblemServer,
        P::Storage(_) => Msg::SyncProblemStorage,
    }
}

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
