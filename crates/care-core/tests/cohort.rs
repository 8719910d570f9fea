//! The trainer's cohort view: sessions scored from real training case
//! logs, summed up per trainee and per scenario, and exported.

use care_core::case::{Event, EventBody, FactSource, TrainingRef};
use care_core::facts::FactValue;
use care_core::pack::{self, Pack};
use care_core::sim::{
    self, by_scenario, cohort, result_of, results_csv, results_json, Level, Rule, Scenario,
    SessionResult,
};
use care_core::{CaseId, Channel, DeviceId, EventId, IdSource, Lang, Text};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const BILL: &str = "bill-spike-easy";
const ROAMING: &str = "roaming-no-pack-medium";
const ANGRY: &str = "angry-repeat-caller-hard";

const ZHANG: &str = "张伟";
const LI: &str = "Li, \"Lei\"\nJr";
const EVIL: &str = "=HYPERLINK(\"http://x\")";

fn pack() -> Pack {
    pack::load(pack::DEMO_PACK_FILE, pack::DEMO_PACK).expect("the demo pack loads")
}

fn scenario(pack: &Pack, id: &str) -> Scenario {
    let (all, problems) = sim::library(pack);
    assert!(problems.is_empty(), "{problems:?}");
    all.into_iter()
        .find(|s| s.id == id)
        .expect("a scenario of the library")
}

/// A fixed clock advanced by hand, and one device's ids.
struct Clock {
    now: OffsetDateTime,
    ids: IdSource,
    device: DeviceId,
    random: u128,
}

impl Clock {
    fn new() -> Self {
        let mut ids = IdSource::new();
        let device = DeviceId::from_uuid(ids.next(1, 1));
        Clock {
            now: datetime!(2026-11-30 09:00 UTC),
            ids,
            device,
            random: 100,
        }
    }

    fn set(&mut self, at: OffsetDateTime) {
        self.now = at;
    }

    fn tick(&mut self, minutes: i64) {
        self.now += Duration::minutes(minutes);
    }

    fn id(&mut self) -> uuid::Uuid {
        self.random += 1;
        let ms = u64::try_from((self.now.unix_timestamp_nanos() / 1_000_000).max(0))
            .expect("after 1970");
        self.ids.next(ms, self.random)
    }

    /// A case of these events, one minute apart from `at`.
    fn case(&mut self, at: OffsetDateTime, bodies: Vec<EventBody>) -> Vec<Event> {
        self.set(at);
        let case = CaseId::from_uuid(self.id());
        let mut events = Vec::new();
        for body in bodies {
            let id = EventId::from_uuid(self.id());
            events.push(Event {
                id,
                case,
                device: self.device,
                at: self.now,
                body,
            });
            self.tick(1);
        }
        events
    }
}

fn opened(scenario: &str, trainee: &str) -> EventBody {
    EventBody::CaseOpened {
        agent: None,
        channel: Channel::Hotline,
        customer: None,
        training: Some(TrainingRef {
            scenario: scenario.into(),
            trainee: trainee.into(),
            lang: Lang::ZhCn,
        }),
    }
}

fn fact(pack: &Pack, id: &str, value: &str) -> EventBody {
    let f = pack.facts.iter().find(|f| f.id == id).expect("a pack fact");
    EventBody::FactCaptured {
        fact: id.into(),
        value: FactValue::parse(f, value).expect("a valid value"),
        source: FactSource::Answer,
    }
}

fn empathy() -> EventBody {
    EventBody::PromptAsked {
        prompt: "empathy_bill_shock".into(),
    }
}

fn verified() -> EventBody {
    EventBody::VerificationAttempted {
        method: "id_digits".into(),
        passed: true,
        prev: String::new(),
    }
}

fn reveal() -> EventBody {
    EventBody::DataRevealed {
        what: "bills".into(),
        prev: String::new(),
    }
}

fn cause(c: &str) -> EventBody {
    EventBody::CauseConfirmed {
        cause: c.into(),
        suggested: None,
    }
}

fn solution(s: &str) -> EventBody {
    EventBody::SolutionChosen {
        solution: s.into(),
        escalated_to: None,
    }
}

fn commitment(s: &str) -> EventBody {
    EventBody::CommitmentMade {
        solution: s.into(),
        text: "两个工作日内回电".into(),
        lang: Lang::ZhCn,
        deadline: datetime!(2026-12-10 18:00 UTC),
        contact: "13800000000".into(),
        tasks: Vec::new(),
    }
}

/// What to leave out of a bill-spike session.
#[derive(Default)]
struct Skip {
    empathy: bool,
    commitment: bool,
    archive: bool,
    /// Reveal before verifying: the fatal error.
    reveal_first: bool,
}

/// A bill-spike session (default weights, 100 points): everything right
/// but what `skip` leaves out.
fn bill(pack: &Pack, trainee: &str, skip: Skip) -> Vec<EventBody> {
    let mut b = vec![opened(BILL, trainee)];
    if !skip.empathy {
        b.push(empathy());
    }
    b.push(fact(pack, "bill_month", "2026-10"));
    b.push(fact(pack, "disputed_amount", "140"));
    if skip.reveal_first {
        b.extend([reveal(), verified()]);
    } else {
        b.extend([verified(), reveal()]);
    }
    b.push(cause("data_overage"));
    b.push(solution("overage_explain_and_alert"));
    if !skip.commitment {
        b.push(commitment("overage_explain_and_alert"));
    }
    if !skip.archive {
        b.push(EventBody::CaseArchived);
    }
    b
}

/// A roaming session (default weights, 100 points) with no facts captured
/// (20 lost), verified or not (20 more lost).
fn roaming(trainee: &str, verify: bool, archive: bool) -> Vec<EventBody> {
    let mut b = vec![opened(ROAMING, trainee), empathy()];
    if verify {
        b.extend([verified(), reveal()]);
    }
    b.extend([
        cause("roaming_pay_per_use"),
        solution("roaming_goodwill_credit"),
        commitment("roaming_goodwill_credit"),
    ]);
    if archive {
        b.push(EventBody::CaseArchived);
    }
    b
}

fn day(n: u8) -> OffsetDateTime {
    datetime!(2026-11-30 09:00 UTC) + Duration::days(i64::from(n))
}

/// The cohort's sessions, scored:
/// - 张伟 (t-zhang): bill 100 (day 1), bill 85 without empathy and
///   commitment (day 2), bill 90 without commitment (day 3), and an
///   unfinished roaming session without facts (day 4, would be 80);
/// - `LI` (t-li): a fatal bill session, finished (day 1), a roaming
///   session without facts or verification, 60 (day 2);
/// - `EVIL` (t-evil): an angry-caller session only opened (day 5).
fn results() -> (Vec<SessionResult>, Vec<Vec<Event>>) {
    let p = pack();
    let (b, r, a) = (
        scenario(&p, BILL),
        scenario(&p, ROAMING),
        scenario(&p, ANGRY),
    );
    let mut clock = Clock::new();
    let logs: Vec<(&Scenario, &str, Vec<Event>)> = vec![
        // Handed in out of time order on purpose.
        (
            &b,
            LI,
            clock.case(
                day(1) + Duration::hours(1),
                bill(
                    &p,
                    "t-li",
                    Skip {
                        reveal_first: true,
                        ..Skip::default()
                    },
                ),
            ),
        ),
        (
            &b,
            ZHANG,
            clock.case(day(1), bill(&p, "t-zhang", Skip::default())),
        ),
        (
            &b,
            ZHANG,
            clock.case(
                day(3),
                bill(
                    &p,
                    "t-zhang",
                    Skip {
                        commitment: true,
                        ..Skip::default()
                    },
                ),
            ),
        ),
        (
            &b,
            ZHANG,
            clock.case(
                day(2),
                bill(
                    &p,
                    "t-zhang",
                    Skip {
                        empathy: true,
                        commitment: true,
                        ..Skip::default()
                    },
                ),
            ),
        ),
        (
            &r,
            ZHANG,
            clock.case(day(4), roaming("t-zhang", true, false)),
        ),
        (&r, LI, clock.case(day(2), roaming("t-li", false, true))),
        (&a, EVIL, clock.case(day(5), vec![opened(ANGRY, "t-evil")])),
    ];
    let results = logs
        .iter()
        .map(|(s, name, events)| result_of(s, &p, name, events).expect("a training session"))
        .collect();
    (results, logs.into_iter().map(|(_, _, e)| e).collect())
}

fn by_case<'a>(results: &'a [SessionResult], events: &[Event]) -> &'a SessionResult {
    results
        .iter()
        .find(|r| r.case == events[0].case)
        .expect("the session's result")
}

#[test]
fn a_real_case_or_another_scenarios_session_has_no_result() {
    let p = pack();
    let b = scenario(&p, BILL);
    let r = scenario(&p, ROAMING);
    let mut clock = Clock::new();
    let mut real = bill(&p, "t-zhang", Skip::default());
    real[0] = EventBody::CaseOpened {
        agent: None,
        channel: Channel::Hotline,
        customer: None,
        training: None,
    };
    let real = clock.case(day(1), real);
    assert_eq!(result_of(&b, &p, ZHANG, &real), None);
    let session = clock.case(day(1), bill(&p, "t-zhang", Skip::default()));
    assert_eq!(result_of(&r, &p, ZHANG, &session), None);
    assert_eq!(result_of(&b, &p, ZHANG, &[]), None);
    // A log whose first event does not open it.
    assert_eq!(result_of(&b, &p, ZHANG, &session[1..]), None);
    assert!(result_of(&b, &p, ZHANG, &session).is_some());
}

#[test]
fn a_session_is_scored_timed_and_told_finished() {
    let (results, logs) = results();
    let perfect = by_case(&results, &logs[1]);
    assert_eq!(perfect.scenario, BILL);
    assert_eq!(perfect.level, Level::Easy);
    assert_eq!(
        perfect.scenario_title.en,
        "A long-time customer whose bill doubled"
    );
    assert_eq!(perfect.trainee, "t-zhang");
    assert_eq!(perfect.trainee_name, ZHANG);
    assert_eq!(perfect.started_at, day(1));
    // Ten events a minute apart: nine minutes from the first to the last.
    assert_eq!(perfect.minutes, 9);
    assert!(perfect.finished);
    assert_eq!((perfect.earned, perfect.max), (100, 100));
    assert!(!perfect.fatal);
    assert!(perfect.lost.is_empty());
    assert_eq!(perfect.percent(), 100);

    let sloppy = by_case(&results, &logs[3]);
    assert_eq!((sloppy.earned, sloppy.percent()), (85, 85));
    assert_eq!(
        sloppy.lost,
        vec![(Rule::Commitment, 10), (Rule::Empathy, 5)]
    );

    let fatal = by_case(&results, &logs[0]);
    assert!(fatal.fatal && fatal.finished);
    assert_eq!((fatal.earned, fatal.max, fatal.percent()), (0, 100, 0));
    assert_eq!(fatal.lost, vec![(Rule::Verification, 20)]);

    let unfinished = by_case(&results, &logs[4]);
    assert!(!unfinished.finished);
    assert_eq!((unfinished.earned, unfinished.percent()), (80, 80));
    assert_eq!(unfinished.lost, vec![(Rule::Facts, 20)]);

    let li_roaming = by_case(&results, &logs[5]);
    assert_eq!(li_roaming.percent(), 60);
    assert_eq!(
        li_roaming.lost,
        vec![(Rule::Facts, 20), (Rule::Verification, 20)]
    );

    let only_opened = by_case(&results, &logs[6]);
    assert_eq!(only_opened.minutes, 0);
    assert!(!only_opened.finished);
}

#[test]
fn a_part_minute_rounds_up() {
    let p = pack();
    let b = scenario(&p, BILL);
    let mut clock = Clock::new();
    let mut events = clock.case(day(1), bill(&p, "t", Skip::default()));
    let last = events.len() - 1;
    events[last].at = events[0].at + Duration::seconds(9 * 60 + 1);
    let r = result_of(&b, &p, "x", &events).expect("a session");
    assert_eq!(r.minutes, 10);
}

fn sample(earned: u32, max: u32, fatal: bool) -> SessionResult {
    SessionResult {
        case: CaseId::from_uuid(IdSource::new().next(1, 1)),
        scenario: BILL.into(),
        scenario_title: Text {
            zh_cn: "标题".into(),
            en: "Title".into(),
        },
        level: Level::Easy,
        trainee: "t".into(),
        trainee_name: "n".into(),
        started_at: day(1),
        minutes: 3,
        finished: true,
        earned,
        max,
        fatal,
        lost: Vec::new(),
    }
}

#[test]
fn percent_rounds_to_the_nearest_and_is_zero_without_points_or_after_a_fatal_error() {
    assert_eq!(sample(2, 3, false).percent(), 67);
    assert_eq!(sample(1, 3, false).percent(), 33);
    assert_eq!(sample(1, 8, false).percent(), 13, "12.5 rounds up");
    assert_eq!(sample(0, 0, false).percent(), 0);
    assert_eq!(sample(90, 100, true).percent(), 0);
    assert_eq!(sample(u32::MAX, u32::MAX, false).percent(), 100);
}

#[test]
fn the_cohort_sums_finished_sessions_per_trainee() {
    let (results, _) = results();
    let rows = cohort(&results);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    // By name: '=' < 'L' < the Han characters.
    assert_eq!(names, vec![EVIL, LI, ZHANG]);

    let zhang = &rows[2];
    assert_eq!(zhang.trainee, "t-zhang");
    assert_eq!((zhang.sessions, zhang.finished), (4, 3));
    // (100 + 85 + 90) / 3 = 91.67; the unfinished 80 stays out.
    assert_eq!(zhang.average, Some(92));
    assert_eq!(zhang.best, Some(100));
    assert_eq!(zhang.latest, Some(90), "day 3, not the unfinished day 4");
    assert_eq!(zhang.fatal, 0);
    assert_eq!(zhang.trend, vec![(day(1), 100), (day(2), 85), (day(3), 90)]);
    // Commitment lost 20 over the finished sessions; the unfinished
    // session's 20 facts would have tied it and won on rule order.
    assert_eq!(zhang.weakest, Some(Rule::Commitment));

    let li = &rows[1];
    assert_eq!(li.trainee, "t-li");
    assert_eq!((li.sessions, li.finished), (2, 2));
    assert_eq!(li.average, Some(30));
    assert_eq!(li.best, Some(60));
    assert_eq!(li.latest, Some(60));
    assert_eq!(li.fatal, 1);
    assert_eq!(
        li.trend,
        vec![(day(1) + Duration::hours(1), 0), (day(2), 60)]
    );
    assert_eq!(li.weakest, Some(Rule::Verification));

    let evil = &rows[0];
    assert_eq!((evil.sessions, evil.finished), (1, 0));
    assert_eq!((evil.average, evil.best, evil.latest), (None, None, None));
    assert!(evil.trend.is_empty());
    assert_eq!(evil.weakest, None);
}

#[test]
fn a_tie_for_weakest_goes_to_the_first_rule_and_names_tie_by_id() {
    let mut a = sample(80, 100, false);
    a.trainee = "t-2".into();
    a.lost = vec![(Rule::Solution, 10), (Rule::Commitment, 10)];
    let mut b = a.clone();
    b.trainee = "t-1".into();
    b.lost = vec![(Rule::Cause, 5), (Rule::Commitment, 5)];
    let mut c = b.clone();
    c.lost = vec![(Rule::Cause, 10), (Rule::Empathy, 5)];
    let rows = cohort(&[a, b, c]);
    let ids: Vec<&str> = rows.iter().map(|r| r.trainee.as_str()).collect();
    assert_eq!(ids, vec!["t-1", "t-2"]);
    // t-1: cause 15, commitment 5, empathy 5.
    assert_eq!(rows[0].weakest, Some(Rule::Cause));
    // t-2: solution 10 and commitment 10: solution comes first.
    assert_eq!(rows[1].weakest, Some(Rule::Solution));
}

#[test]
fn scenarios_are_summed_and_sorted_by_level_then_id() {
    let (results, _) = results();
    let rows = by_scenario(&results);
    let ids: Vec<&str> = rows.iter().map(|r| r.scenario.as_str()).collect();
    // The hard scenario's id sorts first, its level last.
    assert_eq!(ids, vec![BILL, ROAMING, ANGRY]);
    let bill = &rows[0];
    assert_eq!(bill.level, Level::Easy);
    assert_eq!(bill.title.zh_cn, "账单翻倍的老客户");
    assert_eq!((bill.sessions, bill.finished, bill.fatal), (4, 4, 1));
    // (100 + 85 + 90 + 0) / 4 = 68.75.
    assert_eq!(bill.average, Some(69));
    let roaming = &rows[1];
    assert_eq!(roaming.level, Level::Medium);
    assert_eq!(
        (roaming.sessions, roaming.finished, roaming.fatal),
        (2, 1, 0)
    );
    assert_eq!(roaming.average, Some(60));
    let angry = &rows[2];
    assert_eq!(angry.level, Level::Hard);
    assert_eq!(
        (angry.sessions, angry.finished, angry.average),
        (1, 0, None)
    );
}

/// The CSV's records, split on CRLF outside quotes.
fn records(csv: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            '\r' if !quoted && chars.peek() == Some(&'\n') => {
                chars.next();
                out.push(std::mem::take(&mut current));
            }
            _ => current.push(c),
        }
    }
    assert!(current.is_empty(), "the last record ends with CRLF");
    out
}

#[test]
fn the_csv_opens_in_excel_in_either_language_with_rows_in_time_order() {
    let (results, logs) = results();
    let zh = results_csv(&results, Lang::ZhCn);
    assert!(zh.starts_with('\u{feff}'), "a BOM first");
    let zh_records = records(zh.trim_start_matches('\u{feff}'));
    assert_eq!(
        zh_records[0],
        "学员,学员编号,场景,场景编号,难度,开始时间,用时（分钟）,已完成,得分,满分,百分比,致命错误,案件"
    );
    assert_eq!(zh_records.len(), 1 + results.len());
    // Day 1 09:00, 张伟's perfect session, comes first.
    assert_eq!(
        zh_records[1],
        format!(
            "张伟,t-zhang,账单翻倍的老客户,{BILL},简单,2026-12-01T09:00:00Z,9,是,100,100,100,否,{}",
            logs[1][0].case
        )
    );
    // Every line ends CRLF: the only bare LFs are inside Li's quoted name,
    // once for each of Li's two sessions.
    assert_eq!(zh.matches("\r\n").count(), 1 + results.len());
    assert_eq!(zh.matches('\n').count(), 1 + results.len() + 2);

    let en = results_csv(&results, Lang::En);
    let en_records = records(en.trim_start_matches('\u{feff}'));
    assert_eq!(
        en_records[0],
        "Trainee,Trainee ID,Scenario,Scenario ID,Level,Started,Minutes,Finished,Score,Max,Percent,Fatal,Case"
    );
    // Li's fatal session: a name with a comma, quotes and a newline is
    // quoted whole, with its quotes doubled.
    assert_eq!(
        en_records[2],
        format!(
            "\"Li, \"\"Lei\"\"\nJr\",t-li,A long-time customer whose bill doubled,{BILL},easy,2026-12-01T10:00:00Z,9,yes,0,100,0,yes,{}",
            logs[0][0].case
        )
    );
    // The unfinished roaming session.
    assert!(en_records[6].contains(",medium,2026-12-04T09:00:00Z,6,no,80,100,80,no,"));
    // A name that is a formula is written as text (and quoted, for its
    // quotes).
    assert_eq!(
        en_records[7],
        format!(
            "\"'=HYPERLINK(\"\"http://x\"\")\",t-evil,Third call about the broadband outage,{ANGRY},hard,2026-12-05T09:00:00Z,0,no,{},{},{},no,{}",
            results[6].earned,
            results[6].max,
            results[6].percent(),
            logs[6][0].case
        )
    );
}

#[test]
fn every_formula_lead_is_guarded_in_text_fields_only() {
    let mut rows = Vec::new();
    for (n, lead) in ["+", "-", "@", "\t", "\r"].into_iter().enumerate() {
        let mut r = sample(50, 100, false);
        r.trainee_name = format!("{lead}1+1");
        r.started_at = day(u8::try_from(n).expect("small"));
        rows.push(r);
    }
    let mut title = sample(50, 100, false);
    title.scenario_title.en = "=cmd".into();
    title.started_at = day(9);
    rows.push(title);
    let csv = results_csv(&rows, Lang::En);
    let records = records(csv.trim_start_matches('\u{feff}'));
    let firsts: Vec<&str> = records[1..6]
        .iter()
        .map(|r| r.split(",t,").next().expect("a name"))
        .collect();
    assert_eq!(
        firsts,
        vec!["'+1+1", "'-1+1", "'@1+1", "'\t1+1", "\"'\r1+1\""]
    );
    assert!(records[6].starts_with("n,t,'=cmd,"), "{}", records[6]);
    // Numbers are numbers.
    assert!(records[6].ends_with(&format!(",50,100,50,no,{}", rows[5].case)));
}

#[test]
fn the_json_export_carries_the_schema_every_result_and_its_percent() {
    let (results, logs) = results();
    let json = results_json(&results).expect("written");
    assert!(json.contains("\n  \"schema\": 1"), "pretty: {json}");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["schema"], 1);
    let list = v["results"].as_array().expect("a list");
    assert_eq!(list.len(), results.len());
    // In time order: 张伟's perfect session first.
    let first = &list[0];
    assert_eq!(first["case"], logs[1][0].case.to_string());
    assert_eq!(first["scenario"], BILL);
    assert_eq!(first["scenario_title"]["zh-CN"], "账单翻倍的老客户");
    assert_eq!(first["level"], "easy");
    assert_eq!(first["trainee"], "t-zhang");
    assert_eq!(first["trainee_name"], ZHANG);
    assert_eq!(first["started_at"], "2026-12-01T09:00:00Z");
    assert_eq!(first["minutes"], 9);
    assert_eq!(first["finished"], true);
    assert_eq!(first["percent"], 100);
    let fatal = &list[1];
    assert_eq!(fatal["trainee_name"], LI);
    assert_eq!(fatal["fatal"], true);
    assert_eq!(fatal["percent"], 0);
    assert_eq!(fatal["lost"], serde_json::json!([["verification", 20]]));
    // Each result reads back as it was.
    for item in list {
        let back: SessionResult = serde_json::from_value(item.clone()).expect("a result");
        let original = results
            .iter()
            .find(|r| r.case == back.case)
            .expect("one of the results");
        assert_eq!(&back, original);
        assert_eq!(item["percent"], original.percent());
    }
}

#[test]
fn a_cohort_row_serialises_its_trend_in_rfc3339() {
    let (results, _) = results();
    let rows = cohort(&results);
    let v = serde_json::to_value(&rows[2]).expect("serialisable");
    assert_eq!(
        v["trend"],
        serde_json::json!([
            ["2026-12-01T09:00:00Z", 100],
            ["2026-12-02T09:00:00Z", 85],
            ["2026-12-03T09:00:00Z", 90]
        ])
    );
    assert_eq!(v["weakest"], "commitment");
}
