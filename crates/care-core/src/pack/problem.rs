//! What can be wrong with a pack, located and told in both languages.

use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One problem found in a pack file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub file: String,
    /// 1-based line and column of the field (or the nearest enclosing one).
    pub line: usize,
    pub column: usize,
    /// The field, as a path: `intents[2].facts[0]`.
    pub field: String,
    pub kind: ProblemKind,
}

/// The kinds of things of a pack that can be referred to by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Fact,
    Prompt,
    Level,
    Method,
    Action,
    Feature,
    Team,
    Role,
    Intent,
    Cause,
    Rule,
    Solution,
    Commitment,
    QuickAnswer,
    Choice,
    /// A training scenario's answer.
    Answer,
}

impl Kind {
    fn name(self, lang: Lang) -> &'static str {
        use Kind::*;
        match (self, lang) {
            (Fact, Lang::ZhCn) => "事实项",
            (Fact, Lang::En) => "fact",
            (Prompt, Lang::ZhCn) => "提示",
            (Prompt, Lang::En) => "prompt",
            (Level, Lang::ZhCn) => "核验级别",
            (Level, Lang::En) => "verification level",
            (Method, Lang::ZhCn) => "核验方式",
            (Method, Lang::En) => "verification method",
            (Action, Lang::ZhCn) => "操作",
            (Action, Lang::En) => "action",
            (Feature, Lang::ZhCn) => "时间线特征",
            (Feature, Lang::En) => "timeline feature",
            (Team, Lang::ZhCn) => "团队",
            (Team, Lang::En) => "team",
            (Role, Lang::ZhCn) => "角色",
            (Role, Lang::En) => "role",
            (Intent, Lang::ZhCn) => "来意",
            (Intent, Lang::En) => "intent",
            (Cause, Lang::ZhCn) => "原因",
            (Cause, Lang::En) => "cause",
            (Rule, Lang::ZhCn) => "规则",
            (Rule, Lang::En) => "rule",
            (Solution, Lang::ZhCn) => "方案",
            (Solution, Lang::En) => "solution",
            (Commitment, Lang::ZhCn) => "承诺模板",
            (Commitment, Lang::En) => "commitment template",
            (QuickAnswer, Lang::ZhCn) => "快捷答复",
            (QuickAnswer, Lang::En) => "quick answer",
            (Choice, Lang::ZhCn) => "选项",
            (Choice, Lang::En) => "choice",
            (Answer, Lang::ZhCn) => "回答",
            (Answer, Lang::En) => "answer",
        }
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file is not valid TOML, or a value has the wrong type or a field
    /// is missing or unknown. `detail` is the parser's own words (English).
    Syntax {
        detail: String,
    },
    Shape {
        detail: String,
    },
    UnsupportedSchema {
        found: u32,
        supported: u32,
    },
    EmptyText {
        lang: String,
    },
    BadId {
        id: String,
    },
    Duplicate {
        kind: Kind,
        id: String,
        first_line: usize,
    },
    Unknown {
        kind: Kind,
        id: String,
    },
    TooFewExamples {
        lang: String,
        found: usize,
        needed: usize,
    },
    DuplicateExample {
        text: String,
    },
    NoPrompts,
    CauseWithoutSolution {
        cause: String,
    },
    CauseWithoutRule {
        cause: String,
    },
    OutOfRange {
        value: String,
        range: String,
    },
    NotOrdered {
        kind: Kind,
    },
    FirstLevelNotZero,
    ConditionNeedsOne,
    OpNeedsValue,
    OpDoesNotFit {
        op: String,
        fact_type: String,
    },
    UnknownPlaceholder {
        name: String,
    },
    ChoiceWithoutChoices,
    BadTime {
        value: String,
    },
    BadDate {
        value: String,
    },
    BadOffset {
        value: String,
    },
    Empty,
    /// A list that needs at least one entry is empty.
    EmptyList,
    /// Exactly one of two fields must be given.
    OneOf {
        a: String,
        b: String,
    },
    /// A value its field cannot hold.
    BadValue {
        value: String,
        detail: String,
    },
    /// A training scenario of another format version.
    ScenarioSchema {
        found: u32,
        supported: u32,
    },
}

impl ProblemKind {
    /// The problem in plain words, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let zh = lang == Lang::ZhCn;
        match self {
            Syntax { detail } if zh => format!("不是有效的 TOML：{detail}"),
            Syntax { detail } => format!("not valid TOML: {detail}"),
            Shape { detail } if zh => format!("字段或类型不对：{detail}"),
            Shape { detail } => format!("wrong field or type: {detail}"),
            UnsupportedSchema { found, supported } if zh => {
                format!("知识包格式版本为 {found}，本应用只支持版本 {supported}")
            }
            UnsupportedSchema { found, supported } => {
                format!("the pack is schema {found}; this app reads schema {supported}")
            }
            EmptyText { lang: l } if zh => format!("缺少 {l} 文本（中英文都必须填写）"),
            EmptyText { lang: l } => format!("the {l} text is missing or empty (both languages are required)"),
            BadId { id } if zh => format!("标识“{id}”不合规：只能用小写字母、数字和下划线，并以字母开头"),
            BadId { id } => format!("the id \"{id}\" is not valid: use lower-case letters, digits and _, starting with a letter"),
            Duplicate { kind, id, first_line } if zh => {
                format!("{}“{id}”重复定义，第一次在第 {first_line} 行", kind.name(lang))
            }
            Duplicate { kind, id, first_line } => {
                format!("{} \"{id}\" is defined twice; first at line {first_line}", kind.name(lang))
            }
            Unknown { kind, id } if zh => format!("没有名为“{id}”的{}", kind.name(lang)),
            Unknown { kind, id } => format!("there is no {} named \"{id}\"", kind.name(lang)),
            TooFewExamples { lang: l, found, needed } if zh => {
                format!("{l} 例句只有 {found} 条，至少需要 {needed} 条")
            }
            TooFewExamples { lang: l, found, needed } => {
                format!("only {found} {l} example(s); at least {needed} are needed")
            }
            DuplicateExample { text } if zh => format!("例句“{text}”重复"),
            DuplicateExample { text } => format!("the example \"{text}\" appears twice"),
            NoPrompts if zh => "这个来意没有任何倾听提示".into(),
            NoPrompts => "this intent has no listening prompts".into(),
            CauseWithoutSolution { cause } if zh => format!("原因“{cause}”没有任何方案"),
            CauseWithoutSolution { cause } => format!("the cause \"{cause}\" has no solution"),
            CauseWithoutRule { cause } if zh => format!("没有任何规则指向原因“{cause}”，诊断永远不会提出它"),
            CauseWithoutRule { cause } => format!("no rule points to the cause \"{cause}\", so diagnosis can never suggest it"),
            OutOfRange { value, range } if zh => format!("取值 {value} 超出范围 {range}"),
            OutOfRange { value, range } => format!("the value {value} is outside {range}"),
            NotOrdered { kind } if zh => format!("{}必须从弱到强排列", kind.name(lang)),
            NotOrdered { kind } => format!("the {}s must be listed weakest first", kind.name(lang)),
            FirstLevelNotZero if zh => "第一个核验级别必须是 min_strength = 0（无需核验）".into(),
            FirstLevelNotZero => "the first verification level must have min_strength = 0 (no verification)".into(),
            ConditionNeedsOne if zh => "条件必须只写 feature 或 fact 之一".into(),
            ConditionNeedsOne => "a condition names either a feature or a fact, not both or neither".into(),
            OpNeedsValue if zh => "这个比较需要 op 和 value".into(),
            OpNeedsValue => "this test needs both op and value (or op = \"present\")".into(),
            OpDoesNotFit { op, fact_type } if zh => format!("比较 {op} 不适用于 {fact_type} 类型的事实项"),
            OpDoesNotFit { op, fact_type } => format!("the test {op} does not fit a fact of type {fact_type}"),
            UnknownPlaceholder { name } if zh => format!("占位符 {{{name}}} 不存在"),
            UnknownPlaceholder { name } => format!("the placeholder {{{name}}} is not known"),
            ChoiceWithoutChoices if zh => "选择类事实项必须列出 choices".into(),
            ChoiceWithoutChoices => "a fact of type choice must list its choices".into(),
            BadTime { value } if zh => format!("“{value}”不是 HH:MM 格式的时间"),
            BadTime { value } => format!("\"{value}\" is not a time as HH:MM"),
            BadDate { value } if zh => format!("“{value}”不是 YYYY-MM-DD 格式的日期"),
            BadDate { value } => format!("\"{value}\" is not a date as YYYY-MM-DD"),
            BadOffset { value } if zh => format!("“{value}”不是 +08:00 这样的时区偏移"),
            BadOffset { value } => format!("\"{value}\" is not a UTC offset such as +08:00"),
            Empty if zh => "文件是空的".into(),
            Empty => "the file is empty".into(),
            BadValue { value, detail } if zh => format!("取值“{value}”不适用：{detail}"),
            BadValue { value, detail } => format!("the value \"{value}\" does not fit: {detail}"),
            EmptyList if zh => "至少需要一项".into(),
            EmptyList => "at least one entry is needed".into(),
            OneOf { a, b } if zh => format!("{a} 和 {b} 必须填写且只填写其中一个"),
            OneOf { a, b } => format!("give exactly one of {a} and {b}"),
            ScenarioSchema { found, supported } if zh => {
                format!("培训场景格式版本为 {found}，本应用只支持版本 {supported}")
            }
            ScenarioSchema { found, supported } => {
                format!("the scenario is schema {found}; this app reads schema {supported}")
            }
        }
    }
}

impl Problem {
    /// `file:line:column: field: message`, the form editors understand.
    pub fn render(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            self.file,
            self.line,
            self.column,
            self.field,
            self.kind.message(lang)
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}
