//! A seeded archive of fictional past cases, as complete event logs.
//!
//! For filling a demo device with thousands of cases (case search and,
//! later, metrics, tried at scale) and for benchmarks. Each case walks the
//! guided flow the way the app records it: intake with the first statement
//! and the recogniser's suggestions, the listen prompts and facts,
//! verification (audit-chained), reveals of records, the cause, rejected
//! and chosen solutions, the commitment as [`crate::commit::plan`] makes
//! it, the follow-up and the archive. About one case in seven is a quick
//! answer at intake, one in five of the last fortnight's is still open
//! somewhere in the flow (a few older ones are stuck), a few are reopened.
//! Most promises are kept by their deadline, a minority late, as in a real
//! contact centre; the follow-up call comes once the work is done.
//!
//! Deterministic: the same spec, pack and demo data give the same events.
//! No clock and no randomness of its own: times lead up to `spec.now`,
//! randomness comes from the demo data's seeded generator, and ids from
//! one [`IdSource`] fed in time order, as the one device `spec.device`
//! would have written them. Statements, prompts, facts, causes, solutions
//! and commitments are the pack's; only the agents' notes and the
//! customers' reasons and comments come from the small tables at the end
//! (demo wording, not telecom logic).

use super::rng::{Rng, Stream};
use super::DemoData;
use crate::audit;
use crate::case::{
    CaseId, Channel, DeviceId, Event, EventBody, EventId, FactSource, FeedbackVia, IdSource, Stage,
    Suggestion,
};
use crate::commit::{self, BusinessCalendar};
use crate::customer::Customer;
use crate::facts::FactValue;
use crate::pack::calendar::{parse_offset, parse_time};
use crate::pack::{self, Fact, FactType, Intent, Pack, PromptKind, QuickAnswer, Solution};
use crate::pack::{placeholders, RecordKind};
use crate::records::CustomerRecords;
use crate::resolve::{self, Authority};
use crate::text::{Lang, Text};
use crate::verify;
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset, Weekday};

/// What archive to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveSpec {
    pub seed: u64,
    /// How many cases.
    pub cases: usize,
    /// The moment the archive leads up to: every event is before it.
    pub now: OffsetDateTime,
    /// Cases are opened over the last `days` days (0 counts as 1).
    pub days: u32,
    /// The device that wrote every event.
    pub device: DeviceId,
}

/// Every generated case as its full event log (events in id order), oldest
/// case first. Empty when the pack has no intents or the demo data no
/// customers. Every log folds with no ignored event.
pub fn generate_archive(spec: &ArchiveSpec, pack: &Pack, demo: &DemoData) -> Vec<Vec<Event>> {
    if spec.cases == 0 || pack.intents.is_empty() || demo.customers.is_empty() {
        return Vec::new();
    }
    let kb = Kb::new(pack, spec.now);
    let drafts: Vec<Draft> = open_times(spec, &kb)
        .into_iter()
        .enumerate()
        .map(|(i, at)| draft(&kb, demo, spec, i as u64, at))
        .collect();
    assemble(spec, drafts)
}

/// Mixed into the seed so that the archive's streams are not the demo
/// data's even when both use the app's seed (`rng.rs` has no archive
/// stream of its own).
const SALT: u64 = 0x4152_4348_4956_4531;
/// Stream indexes beyond any case index: case `i` draws from index `i`.
const TIMES: u64 = u64::MAX;
const ID_BITS: u64 = u64::MAX - 1;

/// Channel weights in `Channel::ALL` order: most customers call.
const CHANNEL_WEIGHTS: [u32; 8] = [38, 12, 14, 6, 16, 3, 5, 6];
/// Where open cases stand, in `Stage::ALL` order.
const OPEN_WEIGHTS: [u32; 8] = [8, 14, 14, 10, 12, 12, 18, 12];
/// The same for intents without causes: they cannot get past diagnosis.
const OPEN_WEIGHTS_NO_CAUSE: [u32; 8] = [8, 14, 14, 10, 12, 0, 0, 0];
/// How many notes a case gets, 0 to 3.
const NOTE_COUNT_WEIGHTS: [u32; 4] = [30, 35, 22, 13];

/// Of the cases whose intent has a quick answer, how many get it.
const QUICK_PERCENT: u64 = 95;
/// Of the other cases opened in the last `RECENT_DAYS`, how many are still
/// open; of older ones, how many were left stuck. A real team closes its
/// cases: an archive whose year-old cases still wait would bury the
/// follow-up list.
const OPEN_PERCENT: u64 = 21;
const STUCK_PERCENT: u64 = 2;
const RECENT_DAYS: i64 = 14;
/// Of the promises whose work gets done, how many are done after the
/// deadline: a real team keeps most of its promises, not all.
const LATE_PERCENT: u64 = 10;
/// The longest the follow-up takes to record once the work is done: the
/// stage entered, perhaps a note, then the answers (see `enter`, `say`).
const FOLLOW_UP_SECS: i64 = 300 + 150 + 150 + 3;
/// Of the cases worked to the end, how many were reopened.
const REOPEN_PERCENT: u64 = 5;
const ENGLISH_PERCENT: u64 = 15;
/// How many suggestions the intake records (as the app's statement form).
const SHOWN: usize = 5;
/// The recogniser's "unknown" threshold, in thousandths.
const UNKNOWN_BELOW: i64 = 500;

/// What is read out of the pack once, not per case.
struct Kb<'a> {
    pack: &'a Pack,
    offset: UtcOffset,
    work_start: Time,
    work_end: Time,
    calendar: Option<BusinessCalendar>,
    /// The role agents act in: the pack's first, as in the app.
    role: Option<&'a str>,
    /// How the customer wants to hear back, if the pack has it as a choice.
    contact: Option<&'a Fact>,
    intents: Vec<IntentKb<'a>>,
}

struct IntentKb<'a> {
    intent: &'a Intent,
    quick: Option<&'a QuickAnswer>,
    /// Levels by rank: what the quick answer needs, what the records need.
    quick_level: usize,
    level: usize,
    opens: Vec<&'a str>,
    empathy: Vec<&'a str>,
    cautions: Vec<&'a str>,
    prompts: Vec<&'a str>,
    facts: Vec<FactKb<'a>>,
    causes: Vec<CauseKb<'a>>,
}

struct FactKb<'a> {
    fact: &'a Fact,
    /// The intent's prompt that collects it.
    asks: Option<&'a str>,
    required: bool,
}

struct CauseKb<'a> {
    id: &'a str,
    /// In the order the resolve stage ranks them for the acting role.
    solutions: Vec<SolutionKb<'a>>,
}

struct SolutionKb<'a> {
    solution: &'a Solution,
    /// The rank of the level its action needs.
    level: usize,
    /// The placeholders its commitment's wording leaves to the agent.
    missing: Vec<&'static str>,
    escalated_to: Option<String>,
}

impl<'a> Kb<'a> {
    fn new(pack: &'a Pack, now: OffsetDateTime) -> Kb<'a> {
        let c = &pack.calendar;
        let role = pack.roles.first().map(|r| r.id.as_str());
        Kb {
            pack,
            offset: parse_offset(&c.utc_offset).unwrap_or(super::CHINA),
            work_start: parse_time(&c.work_start).unwrap_or(Time::MIDNIGHT),
            // A day that does not parse, or ends before it starts, counts
            // as an hour long (see `open_times`).
            work_end: parse_time(&c.work_end).unwrap_or(Time::MIDNIGHT),
            calendar: BusinessCalendar::from_pack(c).ok(),
            role,
            contact: pack
                .fact("contact_preference")
                .filter(|f| f.kind == FactType::Choice && !f.choices.is_empty()),
            intents: pack
                .intents
                .iter()
                .map(|i| IntentKb::new(pack, i, role, now))
                .collect(),
        }
    }

    fn is_working_day(&self, date: Date) -> bool {
        match &self.calendar {
            Some(cal) => cal.is_working_day(date),
            None => !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday),
        }
    }

    fn methods(&self) -> impl Iterator<Item = (usize, &'a pack::Method)> {
        // A mask has room for 64 methods; a pack has a handful.
        self.pack.verification.methods.iter().take(64).enumerate()
    }

    /// Whether the methods in `passed` reach the level of rank `level`,
    /// as the verification policy counts them.
    fn reaches(&self, level: usize, passed: u64) -> bool {
        let Some(l) = self.pack.verification.levels.get(level) else {
            return level == 0;
        };
        let has = |i: usize| (passed >> i) & 1 == 1;
        let strength: u32 = self
            .methods()
            .filter(|(i, _)| has(*i))
            .map(|(_, m)| m.strength)
            .sum();
        strength >= l.min_strength
            && (l.requires_any.is_empty()
                || self
                    .methods()
                    .any(|(i, m)| has(i) && l.requires_any.contains(&m.id)))
    }

    /// The methods usable for this customer, intent and channel.
    fn usable(
        &self,
        channel: Channel,
        intent: &Intent,
        customer: &Customer,
        records: Option<&CustomerRecords>,
    ) -> u64 {
        self.methods()
            .filter(|(_, m)| {
                m.channels.contains(&channel)
                    && !m.not_for_intents.contains(&intent.id)
                    && verify::checkable(m.check, records.map(|r| (customer, r)))
            })
            .fold(0, |mask, (i, _)| mask | (1 << i))
    }
}

impl<'a> IntentKb<'a> {
    fn new(
        pack: &'a Pack,
        intent: &'a Intent,
        role: Option<&str>,
        now: OffsetDateTime,
    ) -> IntentKb<'a> {
        let prompts: Vec<&'a pack::Prompt> = intent
            .prompts
            .iter()
            .filter_map(|id| pack.prompts.iter().find(|p| &p.id == id))
            .collect();
        let of_kind = |kind: PromptKind| {
            prompts
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
        };
        let facts = intent
            .facts
            .iter()
            .map(|f| (f, true))
            .chain(intent.optional_facts.iter().map(|f| (f, false)))
            .filter_map(|(id, required)| {
                Some(FactKb {
                    fact: pack.fact(id)?,
                    asks: prompts
                        .iter()
                        .find(|p| p.collects.contains(id))
                        .map(|p| p.id.as_str()),
                    required,
                })
            })
            .collect();
        let causes = pack
            .causes
            .iter()
            .filter(|c| c.intents.contains(&intent.id))
            .map(|c| CauseKb {
                id: &c.id,
                solutions: ranked_solutions(pack, &c.id, role, now),
            })
            .collect();
        let quick = pack.quick_answers.iter().find(|q| q.intent == intent.id);
        let rank = |id: &str| pack.level_rank(id).unwrap_or(0);
        IntentKb {
            intent,
            quick,
            quick_level: quick.map_or(0, |q| rank(&q.verification)),
            level: rank(pack.records_level_for(Some(&intent.id))),
            opens: of_kind(PromptKind::Open),
            empathy: of_kind(PromptKind::Empathy),
            cautions: of_kind(PromptKind::Caution),
            prompts: prompts.iter().map(|p| p.id.as_str()).collect(),
            facts,
            causes,
        }
    }
}

/// A cause's solutions as the resolve stage offers them to `role`, with
/// the team each goes to when it is above the role. `now` only serves to
/// find what a commitment's wording leaves to the agent.
fn ranked_solutions<'a>(
    pack: &'a Pack,
    cause: &'a str,
    role: Option<&str>,
    now: OffsetDateTime,
) -> Vec<SolutionKb<'a>> {
    let level = |s: &Solution| {
        pack.actions
            .iter()
            .find(|a| a.id == s.action)
            .and_then(|a| pack.level_rank(&a.verification))
            .unwrap_or(0)
    };
    // The same for every plan of a solution: worked out once here rather
    // than per case (finding placeholders is most of a commitment's cost).
    let missing = |s: &Solution| {
        role.and_then(|r| commit::plan(pack, &s.id, r, now).ok())
            .map(|p| commit::unfilled(&p.template, &p.fill))
            .unwrap_or_default()
    };
    match role.and_then(|r| resolve::options(pack, cause, r).ok()) {
        Some(options) => options
            .into_iter()
            .filter_map(|o| {
                let solution = pack.solutions.iter().find(|s| s.id == o.solution)?;
                Some(SolutionKb {
                    solution,
                    level: level(solution),
                    missing: missing(solution),
                    escalated_to: match o.authority {
                        Authority::Within => None,
                        Authority::Escalate { team, .. } => Some(team),
                    },
                })
            })
            .collect(),
        None => pack
            .solutions_for(cause)
            .map(|solution| SolutionKb {
                solution,
                level: level(solution),
                missing: missing(solution),
                escalated_to: None,
            })
            .collect(),
    }
}

/// When each case was opened, oldest first: working hours of working days
/// mostly, some evenings, early mornings and days off.
fn open_times(spec: &ArchiveSpec, kb: &Kb) -> Vec<OffsetDateTime> {
    let mut rng = Rng::new(spec.seed ^ SALT, Stream::Records, TIMES);
    let days = i64::from(spec.days.max(1));
    let start = spec.now - Duration::days(days);
    let window = (spec.now - start).whole_seconds();
    let today = spec.now.to_offset(kb.offset).date();
    let hours = (kb.work_end - kb.work_start).whole_seconds().max(3600);
    let mut times: Vec<OffsetDateTime> = (0..spec.cases)
        .map(|_| {
            for _ in 0..8 {
                let Some(date) = today.checked_sub(Duration::days(rng.below(days as u64) as i64))
                else {
                    continue;
                };
                if !kb.is_working_day(date) && !rng.chance(35) {
                    continue;
                }
                let open = date.with_time(kb.work_start).assume_offset(kb.offset);
                let at = match rng.below(100) {
                    0..=79 => open + Duration::seconds(rng.between(0, hours - 1)),
                    80..=93 => open + Duration::seconds(hours + rng.between(0, 4 * 3600 - 1)),
                    _ => open - Duration::seconds(rng.between(1, 2 * 3600)),
                };
                if at >= start && at < spec.now {
                    return at.to_offset(UtcOffset::UTC);
                }
            }
            // A narrow window (a day, early in the morning) may have no
            // working hour in it: anywhere in it then.
            (start + Duration::seconds(rng.between(0, window - 1))).to_offset(UtcOffset::UTC)
        })
        .collect();
    times.sort_unstable();
    times
}

/// How a case ends up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// Answered at intake.
    Quick,
    /// Still open at this stage.
    Open(Stage),
    /// Worked to the end and archived, perhaps reopened on the way.
    Closed(Option<Reopen>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Reopen {
    /// Reopened after it was archived (the customer called again), rather
    /// than at a follow-up that found it unsolved.
    after_archive: bool,
    /// Still open after the reopening.
    then_open: bool,
}

/// A case's events before ids and audit links are given.
struct Draft {
    events: Vec<(OffsetDateTime, EventBody)>,
}

fn draft(kb: &Kb, demo: &DemoData, spec: &ArchiveSpec, index: u64, at: OffsetDateTime) -> Draft {
    let mut rng = Rng::new(spec.seed ^ SALT, Stream::Records, index);
    let which = rng.below(kb.intents.len() as u64) as usize;
    let ik = &kb.intents[which];
    let customer = rng.pick(&demo.customers);
    let records = demo.records(&customer.id);
    let mut target = if ik.quick.is_some() && rng.chance(QUICK_PERCENT) {
        Target::Quick
    } else if ik.causes.is_empty()
        || rng.chance(if spec.now - at <= Duration::days(RECENT_DAYS) {
            OPEN_PERCENT
        } else {
            STUCK_PERCENT
        })
    {
        let weights = if ik.causes.is_empty() {
            &OPEN_WEIGHTS_NO_CAUSE
        } else {
            &OPEN_WEIGHTS
        };
        Target::Open(Stage::ALL[rng.weighted(weights)])
    } else if rng.chance(REOPEN_PERCENT) {
        Target::Closed(Some(Reopen {
            after_archive: rng.chance(50),
            then_open: rng.chance(25),
        }))
    } else {
        Target::Closed(None)
    };
    // A case that gets past verification was taken on a channel where the
    // level can be reached; one that cannot stays open at verify.
    let level = if target == Target::Quick {
        ik.quick_level
    } else {
        ik.level
    };
    let mut weights = CHANNEL_WEIGHTS;
    if !matches!(
        target,
        Target::Open(Stage::Intake | Stage::Listen | Stage::Verify)
    ) {
        for (w, channel) in weights.iter_mut().zip(Channel::ALL) {
            if !kb.reaches(level, kb.usable(channel, ik.intent, customer, records)) {
                *w = 0;
            }
        }
        if weights.iter().all(|w| *w == 0) {
            target = Target::Open(Stage::Verify);
            weights = CHANNEL_WEIGHTS;
        }
    }
    let channel = Channel::ALL[rng.weighted(&weights)];
    let lang = if rng.chance(ENGLISH_PERCENT) {
        Lang::En
    } else {
        Lang::ZhCn
    };
    let mut note_at = [false; 8];
    for _ in 0..rng.weighted(&NOTE_COUNT_WEIGHTS) {
        note_at[rng.below(8) as usize] = true;
    }
    let mut g = Gen {
        kb,
        demo,
        rng,
        now: spec.now,
        t: at,
        lang,
        events: Vec::with_capacity(40),
        note_at,
        usable: kb.usable(channel, ik.intent, customer, records),
        passed: 0,
        failures: 0,
        asked: Vec::new(),
        contact: None,
        last_date: None,
    };
    // `None` only says where the case stopped: the log so far is whole.
    let _ = g.run(which, target, customer, channel);
    Draft { events: g.events }
}

/// `None` when the case is to stop at `here`.
fn halt(stop: Option<Stage>, here: Stage) -> Option<()> {
    (stop != Some(here)).then_some(())
}

/// One case being written. Every step returns `None` when the case stops
/// there: its target stage reached, or `now` reached.
struct Gen<'k, 'a> {
    kb: &'k Kb<'a>,
    demo: &'a DemoData,
    rng: Rng,
    now: OffsetDateTime,
    t: OffsetDateTime,
    lang: Lang,
    events: Vec<(OffsetDateTime, EventBody)>,
    /// The stages (by index) at whose entry the agent writes a note.
    note_at: [bool; 8],
    /// Verification methods usable, passed (bit masks by method index),
    /// and failed attempts so far.
    usable: u64,
    passed: u64,
    failures: u32,
    asked: Vec<&'a str>,
    /// The way to reply the customer chose (a choice id).
    contact: Option<String>,
    /// The last date fact captured, so a trip ends after it starts.
    last_date: Option<Date>,
}

/// The demo team: who takes the contacts, by shift (names and teams as a
/// team server would give them).
const ROSTER: [(&str, &str); 6] = [
    ("wang.fang", "north"),
    ("li.qiang", "north"),
    ("zhang.min", "north"),
    ("liu.yang", "south"),
    ("chen.jing", "south"),
    ("yang.lei", "south"),
];

impl<'k, 'a> Gen<'k, 'a> {
    /// The agent on shift when a case opens: four-hour shifts rotating by
    /// day. Read from the clock, not the random source, so adding agents
    /// changed nothing else the archive holds.
    fn on_shift(&self) -> crate::case::AgentRef {
        let shift =
            usize::from(self.t.hour() / 4) + self.t.date().to_julian_day().unsigned_abs() as usize;
        let (name, team) = ROSTER[shift % ROSTER.len()];
        crate::case::AgentRef {
            name: name.to_owned(),
            team: Some(team.to_owned()),
        }
    }

    fn run(
        &mut self,
        which: usize,
        target: Target,
        customer: &'a Customer,
        channel: Channel,
    ) -> Option<()> {
        let kb = self.kb;
        let ik: &'k IntentKb<'a> = &kb.intents[which];
        let stop = match target {
            Target::Open(stage) => Some(stage),
            _ => None,
        };

        // Intake.
        let known = self.rng.chance(55);
        let agent = self.on_shift();
        self.put(EventBody::CaseOpened {
            agent: Some(agent),
            channel,
            customer: known.then(|| customer.id.clone()),
            training: None,
        });
        if !known {
            self.say(EventBody::CustomerIdentified {
                customer: customer.id.clone(),
            })?;
        }
        let statement = self.statement(ik.intent);
        self.say(EventBody::StatementTaken { text: statement })?;
        self.maybe_note(Stage::Intake)?;
        if stop == Some(Stage::Intake) && self.rng.chance(35) {
            return None;
        }
        self.suggest_and_confirm(which)?;
        if let Some(qa) = ik.quick.filter(|_| target == Target::Quick) {
            self.verify_to(ik.quick_level)?;
            let answer = self.quick_answer(qa, customer);
            return self.say(EventBody::QuickAnswerGiven { answer });
        }
        halt(stop, Stage::Intake)?;

        self.enter(Stage::Listen)?;
        self.listen(ik, stop == Some(Stage::Listen))?;
        halt(stop, Stage::Listen)?;

        self.enter(Stage::Verify)?;
        if stop == Some(Stage::Verify) {
            return match self.rng.below(10) {
                0..=2 => self.lock_out(),
                3..=5 => self.try_once(false),
                _ => None,
            };
        }
        self.verify_to(ik.level)?;
        if self.kb.reaches(ik.level, self.passed) && self.rng.chance(15) {
            self.reveal("personal_data".to_owned())?;
        }

        self.enter(Stage::Reconstruct)?;
        self.reconstruct(ik, customer)?;
        halt(stop, Stage::Reconstruct)?;

        self.enter(Stage::Diagnose)?;
        if self.rng.chance(6) {
            // Back to listen for one more question, then on again.
            self.enter(Stage::Listen)?;
            let unasked = ik.prompts.iter().find(|p| !self.asked.contains(*p));
            if let Some(p) = unasked.or(ik.prompts.first()).copied() {
                self.ask(p)?;
            }
            self.enter(Stage::Diagnose)?;
        }
        halt(stop, Stage::Diagnose)?;
        if ik.causes.is_empty() {
            return None;
        }
        let cause = self.confirm_cause(ik, None)?;

        let Target::Closed(reopen) = target else {
            return self.round(ik, cause, stop, true);
        };
        let Some(reopen) = reopen else {
            let solved = self.rng.chance(92);
            self.round(ik, cause, None, solved)?;
            return self.say(EventBody::CaseArchived);
        };
        if reopen.after_archive {
            self.round(ik, cause, None, true)?;
            self.say(EventBody::CaseArchived)?;
            // The customer comes back some days later.
            let back = self.t + Duration::seconds(self.rng.between(12 * 3600, 5 * 86_400));
            let back = self.in_working_hours(back);
            if back >= self.now {
                return None;
            }
            self.t = back;
        } else {
            self.round(ik, cause, None, false)?;
            self.tick(300, 2 * 3600)?;
        }
        let reason = self.pick_text(REOPEN_REASONS);
        self.put(EventBody::CaseReopened { reason });
        // Reopening puts the case back at diagnose: on from there.
        let next = self.confirm_cause(ik, Some(cause))?;
        let stop = reopen.then_open.then(|| {
            *self
                .rng
                .pick(&[Stage::Resolve, Stage::Commit, Stage::FollowUp])
        });
        let solved = self.rng.chance(85);
        self.round(ik, next, stop, solved)?;
        self.say(EventBody::CaseArchived)
    }

    /// Resolve, commit and follow up for a confirmed cause.
    fn round(
        &mut self,
        ik: &'k IntentKb<'a>,
        cause: usize,
        stop: Option<Stage>,
        solved: bool,
    ) -> Option<()> {
        let c = &ik.causes[cause];
        self.enter(Stage::Resolve)?;
        let chosen = self.resolve(c, stop == Some(Stage::Resolve))?;
        halt(stop, Stage::Resolve)?;
        self.enter(Stage::Commit)?;
        let (deadline, dues) = self.commit(&c.solutions[chosen])?;
        if stop == Some(Stage::Commit) {
            // Waiting for the promise to be kept: its first task may be
            // done, mostly by its own due.
            if let Some(&due) = dues.first().filter(|_| self.rng.chance(40)) {
                let end = self.kept_by(due, 0)?;
                self.work(&dues, &[0], end);
            }
            return None;
        }
        self.follow_up(deadline, &dues, solved, stop)
    }

    /// When the promise's work is finished: by the deadline mostly, after
    /// it in [`LATE_PERCENT`] cases, and always before `now` with `room`
    /// to spare. A deadline still ahead at `now` is met early (the case
    /// was quick), never late; a late one that would reach `now` is done
    /// just before it. `None` when no time is left after the promise.
    fn kept_by(&mut self, deadline: OffsetDateTime, room: i64) -> Option<OffsetDateTime> {
        let latest = self.now - Duration::minutes(10) - Duration::seconds(room);
        if latest < self.t {
            return None;
        }
        if self.rng.chance(LATE_PERCENT) && deadline < latest {
            let after = Duration::seconds(self.rng.between(60, 2 * 86_400));
            let late = self.in_working_hours(deadline + after);
            let from = deadline.max(self.t) + Duration::seconds(1);
            return Some(if late <= latest {
                late
            } else {
                self.moment(from, latest)
            });
        }
        // On time: anywhere from the promise to its deadline (the promise
        // itself when it takes effect on the spot).
        let by = (deadline - Duration::seconds(room)).min(latest);
        Some(self.moment(self.t, by.max(self.t)))
    }

    /// A moment in `lo..=hi` (`lo` when the range is empty), moved into
    /// working hours when that still keeps it by `hi`.
    fn moment(&mut self, lo: OffsetDateTime, hi: OffsetDateTime) -> OffsetDateTime {
        let span = i64::try_from((hi - lo).whole_milliseconds()).unwrap_or(i64::MAX);
        let at = lo + Duration::milliseconds(self.rng.between(0, span));
        let moved = self.in_working_hours(at);
        if moved <= hi {
            moved
        } else {
            at
        }
    }

    /// Marks `tasks` (indexes into `dues`, in order) done, the last at
    /// `end`, each earlier one by its own due when there is time for it.
    fn work(&mut self, dues: &[OffsetDateTime], tasks: &[usize], end: OffsetDateTime) {
        let end = end.max(self.t);
        for (k, &task) in tasks.iter().enumerate() {
            let at = if k + 1 == tasks.len() {
                end
            } else {
                let due = dues.get(task).copied().unwrap_or(end);
                self.moment(self.t, due.min(end).max(self.t))
            };
            self.t = at;
            self.put(EventBody::TaskDone { task });
        }
        self.t = end;
    }

    /// Moves the clock on by `lo..=hi` seconds (and some milliseconds);
    /// `None` if that reaches `now`.
    fn tick(&mut self, lo: i64, hi: i64) -> Option<()> {
        let gap = Duration::seconds(self.rng.between(lo, hi))
            + Duration::milliseconds(self.rng.below(1000) as i64);
        let t = self.t + gap;
        if t >= self.now {
            return None;
        }
        self.t = t;
        Some(())
    }

    /// Moves `at` into working hours (a callback is made when the office
    /// is open), a little after the opening if it had to move.
    fn in_working_hours(&mut self, at: OffsetDateTime) -> OffsetDateTime {
        let Some(cal) = &self.kb.calendar else {
            return at;
        };
        let open = cal.next_opening(at);
        if open == at {
            at
        } else {
            open + Duration::seconds(self.rng.between(0, 3 * 3600))
        }
    }

    fn put(&mut self, body: EventBody) {
        // Events carry UTC, as the app's clock gives it.
        self.events.push((self.t.to_offset(UtcOffset::UTC), body));
    }

    /// The next event of the conversation, a little later.
    fn say(&mut self, body: EventBody) -> Option<()> {
        self.tick(20, 150)?;
        self.put(body);
        Some(())
    }

    fn enter(&mut self, stage: Stage) -> Option<()> {
        self.tick(40, 300)?;
        self.put(EventBody::StageEntered { stage });
        self.maybe_note(stage)
    }

    fn maybe_note(&mut self, stage: Stage) -> Option<()> {
        let Some(slot) = self.note_at.get_mut(stage.index()) else {
            return Some(());
        };
        if !std::mem::take(slot) {
            return Some(());
        }
        let text = self.pick_text(NOTES);
        self.say(EventBody::NoteAdded { text })
    }

    fn text(&self, (zh, en): (&str, &str)) -> String {
        match self.lang {
            Lang::ZhCn => zh.to_owned(),
            Lang::En => en.to_owned(),
        }
    }

    fn pick_text(&mut self, table: &[(&str, &str)]) -> String {
        let pair = *self.rng.pick(table);
        self.text(pair)
    }

    /// One of the pack's example utterances, in the case's language if it
    /// has one.
    fn statement(&mut self, intent: &Intent) -> String {
        let (first, second) = match self.lang {
            Lang::ZhCn => (&intent.examples.zh_cn, &intent.examples.en),
            Lang::En => (&intent.examples.en, &intent.examples.zh_cn),
        };
        let pool = if first.is_empty() { second } else { first };
        if pool.is_empty() {
            intent.name.get(self.lang).to_owned()
        } else {
            self.rng.pick(pool).clone()
        }
    }

    /// The recogniser's ranking as the agent saw it, and the agent's choice:
    /// mostly the top suggestion, sometimes the second, sometimes an intent
    /// picked from the full list (an override), sometimes after "unknown".
    fn suggest_and_confirm(&mut self, which: usize) -> Option<()> {
        let n = self.kb.intents.len();
        let (mut pos, top, close) = match self.rng.below(100) {
            0..=77 => (Some(0), self.rng.between(520, 970), false),
            78..=85 => (Some(1), self.rng.between(380, 620), true),
            86..=93 => (None, self.rng.between(450, 900), false),
            _ => {
                let pos = self.rng.chance(50).then(|| self.rng.below(3) as usize);
                (pos, self.rng.between(120, UNKNOWN_BELOW - 20), false)
            }
        };
        if n == 1 {
            pos = Some(0);
        }
        let others = (SHOWN - usize::from(pos.is_some())).min(n - 1);
        let mut ranked: Vec<usize> = Vec::with_capacity(SHOWN);
        while ranked.len() < others {
            let i = self.rng.below(n as u64) as usize;
            if i != which && !ranked.contains(&i) {
                ranked.push(i);
            }
        }
        if let Some(p) = pos {
            ranked.insert(p.min(ranked.len()), which);
        }
        let mut left = 1000 - top;
        let mut prev = top;
        let mut suggestions = Vec::with_capacity(ranked.len());
        for (k, &i) in ranked.iter().enumerate() {
            let p = if k == 0 {
                top
            } else {
                let hi = prev.min(left);
                let lo = if k == 1 && close { hi * 2 / 3 } else { hi / 5 };
                self.rng.between(lo, hi * 3 / 4).max(lo.min(hi))
            };
            if k > 0 {
                left -= p;
            }
            prev = p;
            suggestions.push(Suggestion {
                intent: self.kb.intents[i].intent.id.clone(),
                permille: u16::try_from(p).unwrap_or(0),
            });
        }
        self.say(EventBody::IntentsSuggested {
            ranked: suggestions,
            unknown: top < UNKNOWN_BELOW,
        })?;
        // Picked from the list of suggestions, or from the full list.
        let overridden = pos.is_none() || (top < UNKNOWN_BELOW && self.rng.chance(50));
        self.say(EventBody::IntentConfirmed {
            intent: self.kb.intents[which].intent.id.clone(),
            overridden,
        })
    }

    /// The pack's quick answer with the customer's figures, as read out.
    fn quick_answer(&self, qa: &QuickAnswer, customer: &Customer) -> String {
        let values = self.demo.quick_answer_values(&customer.id, self.t);
        let template = qa.answer.get(self.lang);
        let mut text = template.to_owned();
        for name in placeholders(template) {
            let value = values
                .iter()
                .find(|(k, _)| *k == name)
                .map_or("—", |(_, v)| v.get(self.lang));
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    fn ask(&mut self, prompt: &'a str) -> Option<()> {
        self.asked.push(prompt);
        self.say(EventBody::PromptAsked {
            prompt: prompt.to_owned(),
        })
    }

    /// An open question, perhaps empathy, then the facts: each asked (once
    /// per prompt) and captured where its value is simple; some come from
    /// the statement, a few are corrected.
    fn listen(&mut self, ik: &'k IntentKb<'a>, partial: bool) -> Option<()> {
        if !ik.opens.is_empty() && self.rng.chance(85) {
            let p = *self.rng.pick(&ik.opens);
            self.ask(p)?;
        }
        if !ik.empathy.is_empty() && self.rng.chance(45) {
            let p = *self.rng.pick(&ik.empathy);
            self.ask(p)?;
        }
        for f in &ik.facts {
            if partial && self.rng.chance(40) {
                return Some(());
            }
            if !f.required && !self.rng.chance(35) {
                continue;
            }
            let from_statement = f.required && self.rng.chance(12);
            if !from_statement {
                if let Some(p) = f.asks.filter(|p| !self.asked.contains(p)) {
                    self.ask(p)?;
                }
            }
            let Some(value) = self.fact_value(f.fact) else {
                continue;
            };
            let source = if from_statement {
                FactSource::Statement
            } else if matches!(f.fact.kind, FactType::Month | FactType::Money)
                && self.rng.chance(10)
            {
                FactSource::Records
            } else {
                FactSource::Answer
            };
            if self.kb.contact.is_some_and(|c| std::ptr::eq(c, f.fact)) {
                if let FactValue::Choice(id) = &value {
                    self.contact = Some(id.clone());
                }
            }
            let fact = f.fact.id.clone();
            self.say(EventBody::FactCaptured {
                fact: fact.clone(),
                value,
                source,
            })?;
            if from_statement && self.rng.chance(10) {
                // The statement did not mean that after all: withdrawn, asked.
                self.say(EventBody::FactCleared { fact: fact.clone() })?;
                if let Some(p) = f.asks {
                    self.ask(p)?;
                }
                self.capture_again(f.fact)?;
            } else if self.rng.chance(4) {
                // The customer corrects themselves.
                self.capture_again(f.fact)?;
            }
        }
        if !ik.cautions.is_empty() && self.rng.chance(30) {
            let p = *self.rng.pick(&ik.cautions);
            self.ask(p)?;
        }
        Some(())
    }

    fn capture_again(&mut self, fact: &'a Fact) -> Option<()> {
        let Some(value) = self.fact_value(fact) else {
            return Some(());
        };
        if self.kb.contact.is_some_and(|c| std::ptr::eq(c, fact)) {
            if let FactValue::Choice(id) = &value {
                self.contact = Some(id.clone());
            }
        }
        self.say(EventBody::FactCaptured {
            fact: fact.id.clone(),
            value,
            source: FactSource::Answer,
        })
    }

    /// A plausible value for a fact of a simple type, in the fact's bounds;
    /// `None` for free text and phone numbers.
    fn fact_value(&mut self, fact: &Fact) -> Option<FactValue> {
        let local = self.t.to_offset(self.kb.offset);
        let today = local.date();
        let bounds = |lo: f64, hi: f64| {
            let lo = fact.min.unwrap_or(lo).max(lo);
            let hi = fact.max.unwrap_or(hi).min(hi).max(lo);
            (lo, hi)
        };
        Some(match fact.kind {
            FactType::Money => {
                let (lo, hi) = bounds(5.0, 600.0);
                let fen = self
                    .rng
                    .between((lo * 100.0).ceil() as i64, (hi * 100.0).floor() as i64);
                FactValue::Money(fen)
            }
            FactType::Number => {
                let (lo, hi) = bounds(1.0, 60.0);
                FactValue::Number(self.rng.between(lo.ceil() as i64, hi.floor() as i64) * 1000)
            }
            FactType::Month => {
                let month = if self.rng.chance(60) {
                    first_of_previous_month(today)
                } else {
                    today
                };
                FactValue::Month(format!("{:04}-{:02}", month.year(), month.month() as u8))
            }
            FactType::Date => {
                let date = match self.last_date {
                    Some(d) => d + Duration::days(self.rng.between(1, 10)),
                    None => today - Duration::days(self.rng.between(5, 30)),
                }
                .min(today);
                self.last_date = Some(date);
                FactValue::Date(format!(
                    "{:04}-{:02}-{:02}",
                    date.year(),
                    date.month() as u8,
                    date.day()
                ))
            }
            FactType::Datetime => {
                let at = local - Duration::minutes(self.rng.between(30, 96 * 60));
                FactValue::Datetime(format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}",
                    at.year(),
                    at.month() as u8,
                    at.day(),
                    at.hour(),
                    at.minute()
                ))
            }
            FactType::Choice if !fact.choices.is_empty() => {
                FactValue::Choice(self.rng.pick(&fact.choices).id.clone())
            }
            FactType::Bool => FactValue::Bool(self.rng.chance(50)),
            FactType::Choice | FactType::Text | FactType::Phone => return None,
        })
    }

    fn reveal(&mut self, what: String) -> Option<()> {
        self.say(EventBody::DataRevealed {
            what,
            prev: String::new(),
        })
    }

    /// One attempt with a method usable and not yet passed.
    fn try_once(&mut self, passed: bool) -> Option<()> {
        let open = self.usable & !self.passed;
        if open == 0 {
            return None;
        }
        let weights: Vec<u32> = self
            .kb
            .methods()
            .map(|(i, m)| {
                if (open >> i) & 1 == 1 {
                    m.strength + 1
                } else {
                    0
                }
            })
            .collect();
        let m = self.rng.weighted(&weights);
        let method = self.kb.pack.verification.methods.get(m)?.id.clone();
        self.say(EventBody::VerificationAttempted {
            method,
            passed,
            prev: String::new(),
        })?;
        if passed {
            self.passed |= 1 << m;
        } else {
            self.failures += 1;
        }
        Some(())
    }

    /// Attempts until the level is reached, mostly passing; never a failure
    /// that would lock (that is [`Self::lock_out`]'s). Goes on unverified
    /// when the level cannot be reached here.
    fn verify_to(&mut self, level: usize) -> Option<()> {
        let max = self.kb.pack.verification.max_attempts;
        while !self.kb.reaches(level, self.passed) {
            if !self.kb.reaches(level, self.passed | self.usable) {
                return Some(());
            }
            let pass = self.failures + 1 >= max || self.rng.chance(90);
            self.try_once(pass)?;
        }
        Some(())
    }

    /// Wrong answers until verification locks.
    fn lock_out(&mut self) -> Option<()> {
        let v = &self.kb.pack.verification;
        let (max, minutes) = (v.max_attempts.max(1), i64::from(v.lock_minutes));
        while self.failures < max {
            self.try_once(false)?;
        }
        self.tick(2, 20)?;
        self.put(EventBody::VerificationLocked {
            until: self.t + Duration::minutes(minutes),
            prev: String::new(),
        });
        self.say(EventBody::NoteAdded {
            text: self.text(LOCKED_NOTE),
        })
    }

    /// Opens the records once verified, and some single records.
    fn reconstruct(&mut self, ik: &IntentKb, customer: &Customer) -> Option<()> {
        if !self.kb.reaches(ik.level, self.passed) || !self.rng.chance(88) {
            return Some(());
        }
        self.reveal("records".to_owned())?;
        let records = self.demo.records(&customer.id);
        for _ in 0..self.rng.below(3) {
            if let Some(what) = self.record_ref(ik.intent, records) {
                self.reveal(what)?;
            }
        }
        Some(())
    }

    /// One of the customer's records of a kind the intent reads, as the
    /// record detail names it.
    fn record_ref(&mut self, intent: &Intent, records: Option<&CustomerRecords>) -> Option<String> {
        let r = records?;
        if intent.records.is_empty() {
            return None;
        }
        let kind = *self.rng.pick(&intent.records);
        let mut pick = |n: usize| (n > 0).then(|| self.rng.below(n as u64) as usize);
        let id = match kind {
            RecordKind::Bills => r.bills.get(pick(r.bills.len())?)?.id.as_str(),
            RecordKind::Payments => r.payments.get(pick(r.payments.len())?)?.id.as_str(),
            RecordKind::Orders => r.orders.get(pick(r.orders.len())?)?.id.as_str(),
            RecordKind::Subscriptions => r
                .subscriptions
                .get(pick(r.subscriptions.len())?)?
                .id
                .as_str(),
            RecordKind::Contacts => r.contacts.get(pick(r.contacts.len())?)?.id.as_str(),
            _ => return None,
        };
        Some(format!("{}:{id}", kind.slug()))
    }

    /// Confirms one of the intent's causes (another than `avoid` if there
    /// is one); mostly the top suggestion, sometimes over it.
    fn confirm_cause(&mut self, ik: &IntentKb, avoid: Option<usize>) -> Option<usize> {
        let n = ik.causes.len() as u64;
        let mut c = self.rng.below(n) as usize;
        if Some(c) == avoid && n > 1 {
            c = (c + 1 + self.rng.below(n - 1) as usize) % n as usize;
        }
        let suggested = match self.rng.below(100) {
            0..=77 => Some(c),
            78..=92 => Some(self.rng.below(n) as usize),
            _ => None,
        };
        self.say(EventBody::CauseConfirmed {
            cause: ik.causes[c].id.to_owned(),
            suggested: suggested.map(|i| ik.causes[i].id.to_owned()),
        })?;
        Some(c)
    }

    /// Chooses a solution, mostly one ranked high, that the channel can
    /// verify for; sometimes another is turned down first; verifies
    /// further if the action needs it.
    fn resolve(&mut self, cause: &CauseKb, partial: bool) -> Option<usize> {
        let all = &cause.solutions;
        if all.is_empty() {
            return None;
        }
        let mut pool: Vec<usize> = (0..all.len())
            .filter(|&i| self.kb.reaches(all[i].level, self.passed | self.usable))
            .collect();
        if pool.is_empty() {
            pool = (0..all.len()).collect();
        }
        let weights: Vec<u32> = (0..pool.len())
            .map(|rank| [50, 25, 13, 7].get(rank).copied().unwrap_or(5))
            .collect();
        let chosen = pool[self.rng.weighted(&weights)];
        if all.len() > 1 && self.rng.chance(if partial { 40 } else { 20 }) {
            let other = (chosen + 1 + self.rng.below(all.len() as u64 - 1) as usize) % all.len();
            let reason = self.pick_text(REJECT_REASONS);
            self.say(EventBody::SolutionRejected {
                solution: all[other].solution.id.clone(),
                reason,
            })?;
        }
        if partial {
            return None;
        }
        let s = &all[chosen];
        if !self.kb.reaches(s.level, self.passed) {
            self.verify_to(s.level)?;
        }
        self.say(EventBody::SolutionChosen {
            solution: s.solution.id.clone(),
            escalated_to: s.escalated_to.clone(),
        })?;
        Some(chosen)
    }

    /// The commitment as the commit stage makes it: the pack's plan, the
    /// way to reply (asked and captured if the wording needs it and it is
    /// not known), a step of the agent's if the wording needs one. Gives
    /// the deadline and each task's due time.
    fn commit(&mut self, s: &SolutionKb) -> Option<(OffsetDateTime, Vec<OffsetDateTime>)> {
        let role = self.kb.role?;
        self.tick(30, 240)?;
        let plan = commit::plan(self.kb.pack, &s.solution.id, role, self.t).ok()?;
        let needs_contact = s.missing.contains(&"contact");
        let contact = match self.kb.contact {
            Some(fact) => {
                if needs_contact && self.contact.is_none() {
                    let id = self.rng.pick(&fact.choices).id.clone();
                    self.put(EventBody::FactCaptured {
                        fact: fact.id.clone(),
                        value: FactValue::Choice(id.clone()),
                        source: FactSource::Answer,
                    });
                    self.contact = Some(id);
                    self.tick(10, 60)?;
                }
                self.contact
                    .as_ref()
                    .and_then(|id| fact.choices.iter().find(|c| &c.id == id))
                    .map(|c| c.name.clone())
            }
            None => None,
        };
        let mut steps = Vec::new();
        if s.missing.contains(&"steps") {
            let (zh, en) = *self.rng.pick(STEPS);
            steps.push(Text {
                zh_cn: zh.to_owned(),
                en: en.to_owned(),
            });
        }
        let filled = |p: &&str| match *p {
            "contact" => contact.is_some(),
            "steps" => !steps.is_empty(),
            _ => false,
        };
        if !s.missing.iter().all(filled) {
            // The app would not let this promise be made half-filled.
            return None;
        }
        let text = plan.text(contact.clone(), steps).get(self.lang).to_owned();
        let tasks = plan.task_plans();
        let dues = tasks.iter().map(|t| t.due).collect();
        self.put(EventBody::CommitmentMade {
            solution: s.solution.id.clone(),
            text,
            lang: self.lang,
            deadline: plan.deadline,
            contact: contact
                .map(|c| c.get(self.lang).to_owned())
                .unwrap_or_default(),
            tasks,
        });
        Some((plan.deadline, dues))
    }

    /// The tasks done, mostly by the deadline (see [`Self::kept_by`]), then
    /// the follow-up call: right after the last task, the callback that
    /// confirms the work is done. When the case is not solved some tasks
    /// are left undone, and that promise is not kept.
    fn follow_up(
        &mut self,
        deadline: OffsetDateTime,
        dues: &[OffsetDateTime],
        solved: bool,
        stop: Option<Stage>,
    ) -> Option<()> {
        let done: Vec<usize> = (0..dues.len())
            .filter(|_| solved || self.rng.chance(60))
            .collect();
        // A promise without tasks is kept by the follow-up itself, which
        // comes up to `FOLLOW_UP_SECS` after the moment chosen.
        let room = if dues.is_empty() { FOLLOW_UP_SECS } else { 0 };
        let end = self.kept_by(deadline, room)?;
        self.work(dues, &done, end);
        self.enter(Stage::FollowUp)?;
        halt(stop, Stage::FollowUp)?;
        let satisfied = self.rng.chance(if solved { 85 } else { 10 });
        let csat = self.rng.chance(85).then(|| {
            let (lo, hi) = if satisfied { (4, 5) } else { (1, 3) };
            self.rng.between(lo, hi) as u8
        });
        let nps = self.rng.chance(70).then(|| {
            let (lo, hi) = if satisfied { (7, 10) } else { (0, 6) };
            self.rng.between(lo, hi) as u8
        });
        let comment = if self.rng.chance(45) {
            self.pick_text(if satisfied { PRAISE } else { COMPLAINTS })
        } else {
            String::new()
        };
        let via = *self.rng.pick(&FeedbackVia::ALL);
        self.say(EventBody::FollowUpRecorded {
            solved,
            satisfied,
            csat,
            nps,
            comment,
            via,
        })
    }
}

fn first_of_previous_month(date: Date) -> Date {
    let (year, month) = match date.month() {
        Month::January => (date.year() - 1, Month::December),
        m => (date.year(), m.previous()),
    };
    Date::from_calendar_date(year, month, 1).unwrap_or(date)
}

fn unix_ms(t: OffsetDateTime) -> u64 {
    u64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(0)
}

/// Gives every case and event its id, in time order from one id source as
/// the device would have, and links each audit event to the one before.
fn assemble(spec: &ArchiveSpec, drafts: Vec<Draft>) -> Vec<Vec<Event>> {
    // One slot per case id and per event; a case's id just before its
    // opening event.
    let mut bases = Vec::with_capacity(drafts.len());
    let mut slots: Vec<(u64, usize)> = Vec::new();
    for d in &drafts {
        bases.push(slots.len());
        let opened = d.events.first().map_or(0, |(at, _)| unix_ms(*at));
        slots.push((opened, slots.len()));
        for (at, _) in &d.events {
            slots.push((unix_ms(*at), slots.len()));
        }
    }
    slots.sort_unstable();
    let mut rng = Rng::new(spec.seed ^ SALT, Stream::Records, ID_BITS);
    let mut source = IdSource::new();
    let mut ids = vec![uuid::Uuid::nil(); slots.len()];
    for (ms, slot) in slots {
        let bits = (u128::from(rng.below(u64::MAX)) << 64) | u128::from(rng.below(u64::MAX));
        ids[slot] = source.next(ms, bits);
    }

    drafts
        .into_iter()
        .zip(bases)
        .map(|(d, base)| {
            let case = CaseId::from_uuid(ids[base]);
            let mut link: Option<String> = None;
            d.events
                .into_iter()
                .enumerate()
                .map(|(k, (at, mut body))| {
                    let audited = match &mut body {
                        EventBody::VerificationAttempted { prev, .. }
                        | EventBody::VerificationLocked { prev, .. }
                        | EventBody::DataRevealed { prev, .. } => {
                            *prev = link
                                .take()
                                .unwrap_or_else(|| audit::genesis(case, spec.device));
                            true
                        }
                        _ => false,
                    };
                    let event = Event {
                        id: EventId::from_uuid(ids[base + 1 + k]),
                        case,
                        device: spec.device,
                        at,
                        body,
                    };
                    if audited {
                        link = Some(audit::hash(&event));
                    }
                    event
                })
                .collect()
        })
        .collect()
}

// ---- demo wording: agents' notes, customers' reasons and comments

const NOTES: &[(&str, &str)] = &[
    (
        "客户情绪较激动，已先安抚",
        "Customer was upset; calmed them down first",
    ),
    (
        "客户要求尽快处理",
        "Customer asked for this to be handled quickly",
    ),
    (
        "已向客户说明处理流程和时限",
        "Explained the process and how long it takes",
    ),
    ("通话中断一次，已回拨", "Call dropped once; called back"),
    (
        "客户表示之前反映过类似问题",
        "Customer says they reported this before",
    ),
    (
        "客户希望短信告知处理结果",
        "Customer would like the result by text",
    ),
    (
        "客户白天不方便接电话，晚上联系",
        "Customer can't take calls by day; call in the evening",
    ),
    (
        "客户为老年人，已放慢语速逐项确认",
        "Elderly customer; went slowly and checked each point",
    ),
    (
        "家属代为来电，已说明需机主本人配合核验",
        "A relative called; explained the holder must verify",
    ),
    (
        "客户对方案表示认可",
        "Customer agreed with the proposed solution",
    ),
    ("需跟进确认", "Needs a follow-up check"),
    (
        "客户在外地，稍后再联系",
        "Customer is travelling; will get back to them",
    ),
];

const LOCKED_NOTE: (&str, &str) = (
    "核验多次未通过，已锁定；请客户稍后再来电或携带身份证到营业厅",
    "Verification failed repeatedly and is locked; asked the customer to call later or visit a store with their ID",
);

const REJECT_REASONS: &[(&str, &str)] = &[
    ("客户觉得费用太高", "Customer found it too expensive"),
    ("客户不想等这么久", "Customer didn't want to wait that long"),
    ("客户不方便去营业厅", "Customer can't get to a store"),
    ("客户更希望直接退款", "Customer would rather have a refund"),
    ("客户不接受，希望换个办法", "Customer wants another way"),
];

const REOPEN_REASONS: &[(&str, &str)] = &[
    (
        "客户反馈问题仍未解决",
        "Customer says the problem is still there",
    ),
    ("承诺的处理没有落实", "What was promised did not happen"),
    ("问题再次出现", "The problem came back"),
    (
        "客户再次来电，对结果有异议",
        "Customer called again and disputes the outcome",
    ),
];

const PRAISE: &[(&str, &str)] = &[
    ("处理很及时，谢谢", "Quick and helpful, thanks"),
    ("客服很耐心", "The agent was patient"),
    ("问题解决了，满意", "Sorted, I'm happy"),
];

const COMPLAINTS: &[(&str, &str)] = &[
    ("等得太久了", "It took too long"),
    (
        "希望一次解决，不要反复打电话",
        "I'd like it fixed the first time, not call again and again",
    ),
    ("问题还在", "The problem is still there"),
];

/// A step of the agent's for a commitment whose wording needs one.
const STEPS: &[(&str, &str)] = &[
    ("请保持手机畅通", "keep your phone on"),
    ("请留意我们的短信通知", "watch for our text message"),
];
