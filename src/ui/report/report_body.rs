use crate::contexts::i18n::{use_i18n, I18n};
use crate::format::{case_ref, date_time};
use crate::i18n::Msg;
use care_core::report::{AuditChain, CaseReport, CommitmentVerdict, ReportCustomer};
use care_core::DeviceId;
use leptos::prelude::*;
use time::{OffsetDateTime, UtcOffset};

/// A device as a reader can tell devices apart: the first block of its id.
fn device(d: DeviceId) -> String {
    d.to_string().chars().take(8).collect()
}

fn yes_no(v: bool, i18n: I18n) -> &'static str {
    i18n.t(if v { Msg::Yes } else { Msg::No })
}

fn customer_rows(c: &ReportCustomer, i18n: I18n) -> impl IntoView {
    let rows = [
        (Msg::Name, c.name.clone()),
        (Msg::Mobile, c.msisdn.clone()),
        (Msg::IdNumber, c.id_number.clone()),
        (Msg::Account, c.account.clone()),
    ];
    rows.into_iter()
        .filter_map(|(label, value)| value.map(|v| (label, v)))
        .map(|(label, value)| {
            view! { <dt>{i18n.t(label)}</dt><dd translate="no" data-testid="report-personal">{value}</dd> }
        })
        .collect_view()
}

/// The report, section by section: header, timeline, verification audit,
/// diagnosis, commitment and follow-up. Built in the interface language
/// when the page made it; printed as it shows.
#[component]
pub fn ReportBody(report: CaseReport, offset: UtcOffset) -> impl IntoView {
    let i18n = use_i18n();
    let at = move |t: OffsetDateTime| date_time(t, offset);
    let h = report.header;
    let reference = case_ref(h.case);
    let none = move || view! { <p class="muted">{i18n.t(Msg::ReportNothing)}</p> };
    let timeline = report
        .timeline
        .into_iter()
        .map(|e| {
            view! {
                <tr class:no-effect=e.no_effect>
                    <td class="nowrap"><time>{at(e.at)}</time></td>
                    <td class="nowrap">{e.stage_label}</td>
                    <td class="mono">{device(e.device)}</td>
                    <td>{e.description}
                        {e.text.map(|t| view! { <q translate="no">{t}</q> })}
                        {e.no_effect.then(|| view! { <span class="muted">{i18n.t(Msg::ReportNoEffect)}</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let v = report.verification;
    let chain_broken = matches!(v.chain, AuditChain::Broken { .. });
    let attempts = v.attempts;
    let attempts_view = if attempts.is_empty() {
        none().into_any()
    } else {
        view! {
            <table class="report-table">
                <thead><tr>
                    <th scope="col">{i18n.t(Msg::ReportTime)}</th>
                    <th scope="col">{i18n.t(Msg::ReportMethod)}</th>
                    <th scope="col">{i18n.t(Msg::ReportResult)}</th>
                    <th scope="col">{i18n.t(Msg::ReportDevice)}</th>
                </tr></thead>
                <tbody>{attempts.into_iter().map(|a| view! {
                    <tr>
                        <td class="nowrap"><time>{at(a.at)}</time></td>
                        <td>{a.method_label}</td>
                        <td>{i18n.t(if a.passed { Msg::ReportPassed } else { Msg::ReportFailed })}</td>
                        <td class="mono">{device(a.device)}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        }
        .into_any()
    };
    let locks = v
        .locks
        .into_iter()
        .map(|l| {
            view! { <li>{i18n.fill(Msg::ReportLocked, &[("at", &at(l.at)), ("until", &at(l.until))])}</li> }
        })
        .collect_view();
    let reveals = v.reveals;
    let reveals_view = if reveals.is_empty() {
        none().into_any()
    } else {
        view! {
            <ul>{reveals.into_iter().map(|r| view! {
                <li class:warning=!r.verified>
                    <time>{at(r.at)}</time>" · "{r.description}" · "
                    <span class="mono">{device(r.device)}</span>" · "
                    {i18n.fill(Msg::ReportRevealLevel, &[("level", &r.level_needed_label), ("met", yes_no(r.verified, i18n))])}
                </li>
            }).collect_view()}</ul>
        }
        .into_any()
    };
    let full_reports = (!v.full_reports.is_empty()).then(|| {
        view! {
            <h3>{i18n.t(Msg::ReportFullReports)}</h3>
            <ul data-testid="report-full-reports">{v.full_reports.into_iter().map(|f| view! {
                <li><time>{at(f.at)}</time>" · "<span class="mono">{device(f.device)}</span></li>
            }).collect_view()}</ul>
        }
    });
    let d = report.diagnosis;
    let cause = d.cause.map(|c| {
        view! {
            <dt>{i18n.t(Msg::ReportCause)}</dt>
            <dd>{c.label}" · "<time>{at(c.at)}</time>" · "{c.choice_label}</dd>
        }
    });
    let solution = d.solution.map(|s| {
        let team = s.escalated_to.map(|t| i18n.fill(Msg::ReportEscalatedTo, &[("team", &t.label)]));
        view! {
            <dt>{i18n.t(Msg::ReportSolution)}</dt>
            <dd>{s.label}" · "<time>{at(s.at)}</time>{team.map(|t| view! { " · "<strong>{t}</strong> })}</dd>
        }
    });
    let facts = d
        .facts
        .into_iter()
        .map(|f| {
            view! { <tr><td>{f.label}</td><td translate="no">{f.value}</td><td>{f.source_label}</td><td class="nowrap"><time>{at(f.at)}</time></td></tr> }
        })
        .collect_view();
    let rejected = if d.rejected.is_empty() {
        none().into_any()
    } else {
        view! { <ul>{d.rejected.into_iter().map(|r| view! {
            <li>{r.label}" · "<q translate="no">{r.reason}</q>" · "<time>{at(r.at)}</time></li>
        }).collect_view()}</ul> }
        .into_any()
    };
    let commitment = report.commitment.map(|c| {
        let late = matches!(c.verdict, CommitmentVerdict::KeptLate | CommitmentVerdict::Missed);
        view! {
            <blockquote translate="no">{c.text}</blockquote>
            <dl class="report-fields">
                <dt>{i18n.t(Msg::ReportSolution)}</dt><dd>{c.solution_label}</dd>
                <dt>{i18n.t(Msg::ReportMadeAt)}</dt><dd><time>{at(c.made_at)}</time></dd>
                <dt>{i18n.t(Msg::ReportDeadline)}</dt><dd><time>{at(c.deadline)}</time></dd>
                <dt>{i18n.t(Msg::ReportContact)}</dt><dd translate="no">{c.contact}</dd>
                <dt>{i18n.t(Msg::ReportVerdict)}</dt><dd class:warning=late data-testid="report-verdict">{c.verdict_label}</dd>
            </dl>
            <table class="report-table">
                <thead><tr>
                    <th scope="col">{i18n.t(Msg::ReportTask)}</th>
                    <th scope="col">{i18n.t(Msg::ReportOwner)}</th>
                    <th scope="col">{i18n.t(Msg::ReportDue)}</th>
                    <th scope="col">{i18n.t(Msg::ReportDone)}</th>
                </tr></thead>
                <tbody>{c.tasks.into_iter().map(|t| view! {
                    <tr>
                        <td>{t.title}</td><td>{t.owner_label}</td>
                        <td class="nowrap"><time>{at(t.due)}</time></td>
                        <td class="nowrap">{t.done_at.map_or_else(|| i18n.t(Msg::ReportNotDone).to_owned(), at)}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        }
    });
    let rounds = report.follow_up.rounds;
    let reopenings = report.follow_up.reopenings;
    let follow_up = if rounds.is_empty() && reopenings.is_empty() {
        none().into_any()
    } else {
        view! {
            <ul>{rounds.into_iter().map(|r| {
                let score = |v: Option<u8>| v.map_or_else(|| "—".to_owned(), |n| n.to_string());
                view! {
                    <li class:superseded=r.superseded>
                        {i18n.fill(Msg::ReportRound, &[
                            ("round", &r.round.to_string()),
                            ("at", &at(r.at)),
                            ("via", &r.via_label),
                            ("solved", yes_no(r.solved, i18n)),
                            ("satisfied", yes_no(r.satisfied, i18n)),
                            ("csat", &score(r.csat)),
                            ("nps", &score(r.nps)),
                        ])}
                        {(!r.comment.is_empty()).then(|| view! { " "<q translate="no">{r.comment.clone()}</q> })}
                        {r.superseded.then(|| view! { " "<span class="muted">{i18n.t(Msg::ReportSuperseded)}</span> })}
                    </li>
                }
            }).collect_view()}
            {reopenings.into_iter().map(|r| view! {
                <li class="warning">{i18n.fill(Msg::ReportReopened, &[("at", &at(r.at))])}" "<q translate="no">{r.reason}</q></li>
            }).collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <article class="case-report" aria-labelledby="report-title" data-testid="case-report">
            <header>
                <h1 id="report-title">{i18n.fill(Msg::ReportTitle, &[("id", &reference)])}</h1>
                <p class="muted">{i18n.fill(Msg::ReportAsOf, &[("at", &at(report.as_of)), ("pack", &h.pack_id), ("version", &h.pack_version)])}</p>
                {h.practice.map(|p| view! { <p class="warning">{p.notice}</p> })}
                <p class:disclosure-full=h.disclosure == care_core::report::Disclosure::Full data-testid="report-disclosure">{h.disclosure_label}</p>
                <dl class="report-fields">
                    <dt>{i18n.t(Msg::ReportCaseId)}</dt><dd class="mono">{h.case.to_string()}</dd>
                    <dt>{i18n.t(Msg::Channel)}</dt><dd>{h.channel_label}</dd>
                    <dt>{i18n.t(Msg::OpenedAt)}</dt><dd><time>{at(h.opened_at)}</time>" · "<span class="mono">{device(h.opened_on)}</span></dd>
                    {h.agent.map(|a| view! {
                        <dt>{i18n.t(Msg::ReportAgent)}</dt>
                        <dd translate="no">{a.name}{a.team.map(|t| format!(" ({t})"))}</dd>
                    })}
                    <dt>{i18n.t(Msg::ReportStatus)}</dt><dd>{h.status_label}</dd>
                    <dt>{i18n.t(Msg::Intent)}</dt><dd>{h.intent.map(|x| x.label)}</dd>
                    {h.customer.as_ref().map(|c| customer_rows(c, i18n))}
                </dl>
            </header>
            <section aria-labelledby="report-timeline">
                <h2 id="report-timeline">{i18n.fill(Msg::ReportTimeline, &[("n", &h.event_count.to_string())])}</h2>
                <table class="report-table">
                    <thead><tr>
                        <th scope="col">{i18n.t(Msg::ReportTime)}</th>
                        <th scope="col">{i18n.t(Msg::ReportStage)}</th>
                        <th scope="col">{i18n.t(Msg::ReportDevice)}</th>
                        <th scope="col">{i18n.t(Msg::ReportWhat)}</th>
                    </tr></thead>
                    <tbody>{timeline}</tbody>
                </table>
            </section>
            <section aria-labelledby="report-verification">
                <h2 id="report-verification">{i18n.t(Msg::ReportVerification)}</h2>
                <p class:warning=chain_broken data-testid="report-chain">{v.chain_label}</p>
                <p>{v.verified_before_reveals_label}</p>
                {attempts_view}
                <ul>{locks}</ul>
                <h3>{i18n.t(Msg::ReportReveals)}</h3>
                {reveals_view}
                {full_reports}
            </section>
            <section aria-labelledby="report-diagnosis">
                <h2 id="report-diagnosis">{i18n.t(Msg::ReportDiagnosis)}</h2>
                <dl class="report-fields">{cause}{solution}</dl>
                <table class="report-table">
                    <caption>{i18n.t(Msg::ReportFacts)}</caption>
                    <tbody>{facts}</tbody>
                </table>
                <h3>{i18n.t(Msg::ReportRejected)}</h3>
                {rejected}
            </section>
            <section aria-labelledby="report-commitment">
                <h2 id="report-commitment">{i18n.t(Msg::ReportCommitment)}</h2>
                {commitment.map_or_else(|| none().into_any(), |c| c.into_any())}
            </section>
            <section aria-labelledby="report-follow-up">
                <h2 id="report-follow-up">{i18n.t(Msg::ReportFollowUp)}</h2>
                {follow_up}
            </section>
        </article>
    }
}
