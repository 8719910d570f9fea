//! What each team-lead metric means, in words a team lead reads: the help
//! of the insights screen, in both languages.
//!
//! The precise definitions are the module docs of [`crate::insight`]; each
//! entry here says the same in plain sentences, edge cases that change a
//! figure included. Keys are the metric fields of [`crate::insight::Row`]
//! (`scope` is which cases count at all). The Chinese names are those of
//! the CSV headers, so the help and the export speak alike.

use crate::text::Lang;

/// One metric explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The metric's field in [`crate::insight::Row`], or `scope`.
    pub key: &'static str,
    /// The metric's name: (zh-CN, en).
    pub name: (&'static str, &'static str),
    /// One sentence, for a column's tooltip: (zh-CN, en). The body says
    /// the same at length; both live here so they cannot drift apart.
    pub gist: (&'static str, &'static str),
    pub body_zh: &'static str,
    pub body_en: &'static str,
}

impl Definition {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhCn => self.name.0,
            Lang::En => self.name.1,
        }
    }

    pub fn gist(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhCn => self.gist.0,
            Lang::En => self.gist.1,
        }
    }

    pub fn body(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::ZhCn => self.body_zh,
            Lang::En => self.body_en,
        }
    }
}

/// Which cases count, then the metrics in the order of the report's
/// columns.
pub const DEFINITIONS: &[Definition] = &[
    Definition {
        key: "scope",
        name: ("统计口径", "Which cases count"),
        gist: ("真实个案按受理日期计入；培训练习不计入。", "Real cases count on the day they were opened; training sessions never count."),
        body_zh: "本机所有真实个案都计入；培训练习（培训模式下的个案）不是实际工作，不计入任何指标，也不会被算作真实个案的重复联系。\
            个案归入其受理当天，日期以知识包日历的时区为准：23:50 受理、过了午夜才结案的个案算在受理当天，周末和节假日受理的个案也照常计入当天。\
            周按 ISO 周计（周一至周日），月按自然月计，时区相同；按日期筛选时，保留受理日期在起止日期之间（含首尾两天）的个案。\
            各项指标都按个案当前的状况计算：当前所处阶段和结果，以及最近一次确认的来意和最近一次识别的客户。\
            无法读取的个案记录不参与统计，计为跳过。",
        body_en: "Every real case on this device counts; training sessions are practice, left out of every figure and never counted as a repeat contact of a real case. \
            A case belongs to the day it was opened, in the time zone of the pack's calendar: a case opened at 23:50 and closed after midnight counts on the first day, and a case opened on a weekend or a public holiday counts on that day like any other. \
            Weeks run Monday to Sunday (ISO weeks) and months are calendar months, in the same time zone; a date filter keeps the cases opened from its first day to its last, both included. \
            Every figure reads a case as it stands now: its current stage and outcome, the intent last confirmed and the customer last identified. \
            A case record that cannot be read is left out and counted as skipped.",
    },
    Definition {
        key: "fcr",
        name: ("首次解决率", "First-contact resolution (FCR)"),
        gist: ("已结案个案中：结案时已解决、从未重新打开、且同一客户 7 天内没有因同一来意再次联系的比例。", "Of the cases closed at least once: solved when closed, never reopened, and no repeat contact from the same customer on the same intent within 7 days."),
        body_zh: "在至少结案过一次的个案（已归档，或在受理时用快捷答复解决）中，首次联系即解决的比例。\
            须同时满足三点：个案当前已结案且已解决（用快捷答复解决，或回访确认问题已解决后归档）；从未被重开；同一客户在受理后 7 天内没有因同一来意再次联系。\
            结案后又被重开的个案，即使还没有再次结案，也留在分母中，算作未能首次解决。\
            通过承诺解决、几天后回访确认的个案仍算首次解决，因为客户不必再次联系。\
            未识别客户或未确认来意的个案无法判断是否重复联系，只要已解决且从未重开，即算首次解决。",
        body_en: "Of the cases closed at least once (archived, or answered with a quick answer at intake), the share solved on first contact. \
            A case is solved on first contact when all three hold: it is closed now and solved (a quick answer, or archived after a follow-up that found the problem solved); it was never reopened; and the same customer did not contact us again about the same intent within 7 days of its opening. \
            A case closed and then reopened stays in the count as not solved on first contact, even before it is closed again. \
            A case solved with a promise and a follow-up call days later still counts: the customer did not have to come back. \
            When the customer was never identified or the intent never confirmed, no repeat can be detected, so the case counts if it was solved and never reopened.",
    },
    Definition {
        key: "handle_time",
        name: ("平均处理时长", "Average handle time"),
        gist: ("从受理到给出承诺、进入回访或结案（先到者）为止的时间，分阶段累计；等待承诺兑现的时间不计。", "From opening until the promise, the follow-up stage or the close (whichever first), summed by stage; time waiting on a promise is not counted."),
        body_zh: "坐席处理个案的工作时长：从受理开始，到向客户作出承诺为止；如果先进入回访阶段或先结案，则到那时为止。\
            等待承诺兑现、等待回访、以及结案后到重开之前的时间都不计入；重开后的处理、作出承诺后退回前面阶段的处理、改选方案或原因后的处理，都会累加进来。\
            个案停在前面某个阶段未动（比如跨夜）的时间全部计入，因为记录无法区分暂停和处理。\
            只统计处理已告一段落的个案（已结案、已进入回访或正在等待承诺兑现）；分阶段时长是同一批个案在各阶段所用时间的平均值，各阶段相加约等于总平均（差异来自四舍五入）。",
        body_en: "The agent's working time on a case: from its opening until the promise is made to the customer, or until the case enters follow-up or is closed if that comes first. \
            Time spent waiting for the promise to be kept, waiting in follow-up, or lying closed before a reopening is not counted; work after a reopening, after going back from the promise to an earlier stage, or after choosing another solution or cause is added. \
            A case left open at an earlier stage (overnight, say) counts all that time, because the record cannot tell a pause from work. \
            Only cases whose handling is over (closed, in follow-up, or waiting on a promise) are averaged; the split by stage averages each stage's time over the same cases, so the stages add up to the total, give or take rounding.",
    },
    Definition {
        key: "csat",
        name: ("满意度（CSAT）", "Customer satisfaction (CSAT)"),
        gist: ("回访满意度（1–5 分）的平均分和 4–5 分占比；每轮回访计一次。", "Mean follow-up satisfaction score (1–5) and the share of 4s and 5s; each follow-up round counts once."),
        body_zh: "取自回访时客户给出的满意度评分（1 至 5 分）：显示平均分（保留一位小数）和 4–5 分占比，即打 4 分或 5 分的答复所占比例。\
            每轮回访计一次：回访后被重开的个案，这一轮和下一轮的答复都计入；同一轮回访记录了两次的，以后一次为准，视为更正。\
            没有评分的回访不计入。",
        body_en: "Taken from the satisfaction scores (1 to 5) given at follow-up: the mean score, to one decimal, and the top-two-box share, the answers scoring 4 or 5. \
            Each follow-up round counts once: a case reopened after its follow-up counts that answer and the next round's, and a follow-up recorded twice in the same round counts the later one, as a correction. \
            Follow-ups without a score are not counted.",
    },
    Definition {
        key: "nps",
        name: ("净推荐值（NPS）", "Net promoter score (NPS)"),
        gist: ("推荐者（9–10 分）占比减去贬损者（0–6 分）占比。", "Promoters (9–10) minus detractors (0–6), in percent of answers."),
        body_zh: "取自回访时客户对“是否愿意向亲友推荐”的打分（0 至 10 分），每轮回访计一次，规则与满意度相同。\
            9–10 分为推荐者，7–8 分为中立者，0–6 分为贬损者。\
            净推荐值等于推荐者占比减去贬损者占比，取整数，范围为 −100 到 100；没有答复时不显示分值。",
        body_en: "Taken from the answers at follow-up to how likely the customer is to recommend us, from 0 to 10, each follow-up round counted once as for satisfaction. \
            Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6. \
            The score is the percentage of promoters minus the percentage of detractors, a whole number from −100 to 100; with no answers there is no score.",
    },
    Definition {
        key: "repeat_contact",
        name: ("重复联系率", "Repeat-contact rate"),
        gist: ("已识别客户并确认来意的个案中，同一客户 7 天内又因同一来意联系的比例。", "Of the cases with a known customer and intent, the share followed by the same customer on the same intent within 7 days."),
        body_zh: "在已识别客户且已确认来意的个案中，同一客户在其后 7 天内（7×24 小时）又因同一来意发起新个案的比例。\
            例如隔 6 天再次联系，前一个个案算重复联系；隔 8 天则不算。\
            后来的个案可以来自任何渠道，也可以不在当前筛选的日期范围内，所以最近 7 天的重复联系率之后还可能上升。",
        body_en: "Of the cases with an identified customer and a confirmed intent, the share followed by another case of the same customer with the same intent within 7 days (7 × 24 hours). \
            A case opened 6 days after another makes that one a repeat; 8 days after, it does not. \
            The later case may have come through any channel and may fall outside the dates shown, so the rate of the last 7 days can still rise.",
    },
    Definition {
        key: "escalation",
        name: ("升级率", "Escalation rate"),
        gist: ("已选定方案的个案中，最近选定的方案超出坐席权限、需转交上级团队的比例。", "Of the cases with a chosen solution, the share whose latest choice went to a team above the agent's authority."),
        body_zh: "在已选定方案的个案中，最近一次选定的方案超出坐席权限、需转交上级团队处理的比例。\
            即使之后因重开或改判原因而被搁置，仍以最近一次选定的方案为准。\
            按升级团队分组时，未升级的个案（包括尚未选定方案的）归入“（无）”一行。",
        body_en: "Of the cases in which a solution was chosen, the share whose latest chosen solution was escalated to a team above the agent's authority. \
            The latest choice counts even if a reopening or a change of cause later set it aside. \
            Grouped by escalation team, the cases not escalated, including those with no solution chosen, are in the row \"(none)\".",
    },
    Definition {
        key: "commitments_met",
        name: ("承诺按时兑现率", "Commitments met on time"),
        gist: ("已兑现或已过期的当前承诺中，在截止时间前全部完成的比例；未到期的单独列出。", "Of the promises in force that are kept or past their deadline, the share kept by the deadline; those not yet due are counted apart."),
        body_zh: "每个个案只看当前有效的承诺，即最近一次作出的承诺；如果之后改选方案、改判原因或重开，原承诺即失效，不再评判。\
            承诺的各项任务全部标记完成即为兑现（没有任务的承诺，以回访确认问题已解决为准）；在截止时间当时或之前兑现的，算按时兑现。\
            承诺兑现了或已过截止时间，才参与评判；既未兑现、也未到截止时间的承诺算作“未到期”，单独列出，不算未按时。\
            截止时间以作出承诺时告诉客户的为准，已按工作时间计算；即时生效的承诺（截止时间就是作出承诺的时刻）在通话中完成即可，按承诺后 30 分钟内兑现算按时。",
        body_en: "Each case is judged on the promise in force now: the latest one made, unless a later choice of solution, change of cause or reopening set it aside. \
            A promise is kept when every one of its tasks is marked done (for a promise without tasks, when a follow-up finds the problem solved), and met when it was kept by its deadline. \
            A promise is judged once it is kept or its deadline has passed; one neither kept nor past its deadline is not yet due, counted apart and not as missed. \
            Deadlines are the ones given to the customer, already counted in working hours; a promise that takes effect at once (its deadline is the moment it was made) is kept during the contact, so it is on time when kept within 30 minutes of the promise.",
    },
    Definition {
        key: "reopen",
        name: ("重开率", "Reopen rate"),
        gist: ("已结案个案中，至少被重开过一次的比例。", "Of the cases closed at least once, the share reopened at least once."),
        body_zh: "在至少结案过一次的个案中（与首次解决率相同），至少被重开过一次的比例，也就是客户反映问题其实没有解决。\
            在回访阶段、归档之前被重开的也算。\
            从未结案过的个案（无论是否重开过）不计入。",
        body_en: "Of the cases closed at least once (as for first-contact resolution), the share reopened at least once: the customer said the problem was not solved after all. \
            A reopening at follow-up, before the case was archived, counts too. \
            A case never closed is not counted at all, reopened or not.",
    },
];

/// The definition under `key`, if there is one.
pub fn definition(key: &str) -> Option<&'static Definition> {
    DEFINITIONS.iter().find(|d| d.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insight::Row;
    use std::collections::BTreeSet;

    /// The key explaining each field of a report row. Naming every field
    /// (no `..`) makes a new metric fail to compile here until it is
    /// explained.
    fn explained_by(row: &Row) -> Vec<&'static str> {
        let Row {
            key: _,
            cases: _,
            fcr: _,
            handle_time: _,
            csat: _,
            nps: _,
            repeat_contact: _,
            escalation: _,
            commitments_met: _,
            commitments_not_due: _,
            reopen: _,
        } = row;
        vec![
            "scope",
            "fcr",
            "handle_time",
            "csat",
            "nps",
            "repeat_contact",
            "escalation",
            "commitments_met",
            "reopen",
        ]
    }

    fn han(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn keys_are_unique_and_every_metric_of_a_row_is_explained() {
        let keys: BTreeSet<&str> = DEFINITIONS.iter().map(|d| d.key).collect();
        assert_eq!(keys.len(), DEFINITIONS.len(), "a key twice");
        let row = crate::insight::metrics(
            &[],
            &crate::insight::Filter::default(),
            crate::insight::GroupBy::None,
            time::UtcOffset::UTC,
            time::OffsetDateTime::UNIX_EPOCH,
        )
        .total;
        let wanted: BTreeSet<&str> = explained_by(&row).into_iter().collect();
        assert_eq!(keys, wanted);
        for key in wanted {
            assert_eq!(definition(key).map(|d| d.key), Some(key));
        }
        assert!(definition("commitments_not_due").is_none());
    }

    #[test]
    fn every_name_and_body_is_written_in_both_languages() {
        for d in DEFINITIONS {
            for lang in [Lang::ZhCn, Lang::En] {
                assert!(!d.name(lang).trim().is_empty(), "{} {lang:?}", d.key);
                assert!(!d.body(lang).trim().is_empty(), "{} {lang:?}", d.key);
            }
            assert!(han(d.name(Lang::ZhCn)) && han(d.body_zh), "{}", d.key);
            assert!(!han(d.name(Lang::En)) && !han(d.body_en), "{}", d.key);
            // The tooltip: one sentence, shorter than the body it sums up.
            assert!(han(d.gist.0) && !han(d.gist.1), "{}", d.key);
            assert_eq!(d.gist.0.matches('。').count(), 1, "{}", d.key);
            assert!(
                d.gist.0.ends_with('。') && d.gist.1.ends_with('.'),
                "{}",
                d.key
            );
            assert!(!d.gist.1.contains(". "), "{}", d.key);
            assert!(
                d.gist.0.chars().count() * 2 < d.body_zh.chars().count(),
                "{}",
                d.key
            );
            assert!(d.gist.1.len() * 2 < d.body_en.len(), "{}", d.key);
            // Two to five sentences, each ended.
            let zh = d.body_zh.matches('。').count();
            assert!(
                (2..=5).contains(&zh) && d.body_zh.ends_with('。'),
                "{}",
                d.key
            );
            let en = d.body_en.matches(". ").count() + 1;
            assert!(
                (2..=5).contains(&en) && d.body_en.ends_with('.'),
                "{}",
                d.key
            );
            // Plain words: no doubled spaces from the line joins, no code.
            for body in [d.body_zh, d.body_en] {
                assert!(!body.contains("  ") && !body.contains('`'), "{}", d.key);
                assert!(!body.contains('_') && !body.contains("::"), "{}", d.key);
            }
        }
    }

    #[test]
    fn names_match_the_report_columns() {
        let csv = crate::insight::metrics_csv(
            &crate::insight::metrics(
                &[],
                &crate::insight::Filter::default(),
                crate::insight::GroupBy::None,
                time::UtcOffset::UTC,
                time::OffsetDateTime::UNIX_EPOCH,
            ),
            Lang::ZhCn,
        );
        // The Chinese names as the CSV headers have them (less "%").
        for (key, zh) in [
            ("fcr", "首次解决率"),
            ("handle_time", "平均处理时长"),
            ("repeat_contact", "重复联系率"),
            ("escalation", "升级率"),
            ("commitments_met", "承诺按时兑现率"),
            ("reopen", "重开率"),
        ] {
            assert_eq!(definition(key).map(|d| d.name(Lang::ZhCn)), Some(zh));
            assert!(csv.contains(zh), "{zh} is not a column of the CSV");
        }
    }
}
