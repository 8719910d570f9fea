//! `care-pack`: the knowledge pack author's tool.
//!
//! - `care-pack check [FILE…]` checks packs and prints every problem as
//!   `file:line:column: field: message` (the same messages as the app).
//! - `care-pack classify [FILE]` reads utterances, one per line, from
//!   standard input and prints the top intents for each as tab-separated
//!   `utterance  intent  confidence` rows, or `unknown`.
//!
//! - `care-pack evaluate [FILE]` cross-validates the recogniser on the
//!   pack's own examples and prints the accuracy per language.
//! - `care-pack examples [FILE]` prints the examples with their folds, to
//!   compare other models on the same split.
//!
//! - `care-pack scenario FILE…` checks training scenarios against the pack
//!   (`--pack FILE`, the demo pack if not given), problems as `check` prints
//!   them.
//! - `care-pack sync-seed` prints, as one JSON array, the reference
//!   documents a sync server's team database is seeded with: the demo data
//!   set (made as the app makes it, leading up to `--now`) and the demo pack.
//!
//! With no FILE they use the demo pack built into the app.

use care_core::intent::{Recogniser, DEFAULT_THRESHOLD};
use care_core::pack::{self, Pack, Problem};
use care_core::Lang;
use clap::{Parser, Subcommand, ValueEnum};
/// The app's demo data seed (`src/contexts/demo.rs`).
const DEMO_SEED: u64 = 20_261_125;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "care-pack",
    version,
    about = "Check Care Assist knowledge packs and try their intent recognition"
)]
struct Cli {
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = MsgLang::En, global = true)]
    lang: MsgLang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum MsgLang {
    #[value(name = "en")]
    En,
    #[value(name = "zh-CN")]
    ZhCn,
}

#[derive(Subcommand)]
enum Command {
    /// Check packs; exits non-zero if any has a problem.
    Check {
        /// Pack files (TOML); the demo pack if none.
        files: Vec<String>,
    },
    /// Cross-validate the pack's intent recognition: accuracy per language.
    Evaluate {
        /// Pack file (TOML); the demo pack if none.
        file: Option<String>,
        /// Number of folds.
        #[arg(long, default_value_t = 5)]
        folds: usize,
    },
    /// Print the pack's examples as tab-separated `fold, lang, intent, text`
    /// rows, with the folds `evaluate` uses (for comparing other models).
    Examples {
        /// Pack file (TOML); the demo pack if none.
        file: Option<String>,
        #[arg(long, default_value_t = 5)]
        folds: usize,
    },
    /// Classify utterances read from standard input, one per line.
    Classify {
        /// Pack file (TOML); the demo pack if none.
        file: Option<String>,
        /// How many intents to print per utterance.
        #[arg(long, default_value_t = 3)]
        top: usize,
        /// Confidence below which an utterance is `unknown`.
        #[arg(long, default_value_t = DEFAULT_THRESHOLD)]
        threshold: f32,
    },
    /// Check training scenarios against a pack; exits non-zero if any has
    /// a problem.
    Scenario {
        /// Scenario files (TOML).
        files: Vec<String>,
        /// The pack they train on (TOML); the demo pack if not given.
        #[arg(long)]
        pack: Option<String>,
    },
    /// Print the reference documents (demo customers, shared data, the demo
    /// pack) a sync server is seeded with, as a JSON array.
    SyncSeed {
        /// The time the records lead up to (RFC 3339); now if not given.
        #[arg(long)]
        now: Option<String>,
        /// Only the first N customers (a smaller server for tests).
        #[arg(long)]
        customers: Option<usize>,
    },
}

/// The name and text of a pack file, or of the demo pack.
fn read_source(file: Option<&str>) -> Result<(String, String), String> {
    match file {
        None => Ok((pack::DEMO_PACK_FILE.to_owned(), pack::DEMO_PACK.to_owned())),
        Some(path) => std::fs::read_to_string(path)
            .map(|s| (path.to_owned(), s))
            .map_err(|e| format!("{path}: cannot read the file: {e}")),
    }
}

/// Reads and loads one pack, or gives the lines that explain why not.
fn read_pack(file: Option<&str>, lang: Lang) -> Result<(String, Pack), Vec<String>> {
    let (name, source) = read_source(file).map_err(|e| vec![e])?;
    match pack::load(&name, &source) {
        Ok(p) => Ok((name, p)),
        Err(problems) => Err(problems.iter().map(|p: &Problem| p.render(lang)).collect()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        MsgLang::En => Lang::En,
        MsgLang::ZhCn => Lang::ZhCn,
    };
    match cli.command {
        Command::SyncSeed { now, customers } => sync_seed(now.as_deref(), customers),
        Command::Check { files } => check(&files, lang),
        Command::Scenario { files, pack } => {
            with_pack(pack.as_deref(), lang, |p| check_scenarios(&files, p, lang))
        }
        Command::Classify {
            file,
            top,
            threshold,
        } => classify(file.as_deref(), top, threshold, lang),
        Command::Evaluate { file, folds } => with_pack(file.as_deref(), lang, |pack| {
            // Time only the recognition of held-out utterances, not training.
            let mut spent = std::time::Duration::ZERO;
            let mut count = 0u32;
            let cv = care_core::intent::cross_validate_with(pack, folds, |model, text| {
                let start = std::time::Instant::now();
                let r = model.recognise(text);
                spent += start.elapsed();
                count += 1;
                r
            });
            println!("folds\t{}", cv.k);
            println!("calibration_error\t{:.3}", cv.calibration_error);
            println!(
                "latency_us\t{:.1}",
                spent.as_secs_f64() * 1e6 / f64::from(count.max(1))
            );
            for (name, s) in [("zh-CN", cv.zh_cn), ("en", cv.en)] {
                println!("{name}\t{}/{}\t{:.3}", s.correct, s.total, s.accuracy());
            }
        }),
        Command::Examples { file, folds } => with_pack(file.as_deref(), lang, |pack| {
            let intents: Vec<&str> = pack.intents.iter().map(|i| i.id.as_str()).collect();
            for e in care_core::intent::folds(pack, folds) {
                let text = e.text.replace(['\t', '\n'], " ");
                println!(
                    "{}\t{}\t{}\t{text}",
                    e.fold,
                    e.lang.tag(),
                    intents[e.intent]
                );
            }
        }),
    }
}

fn sync_seed(now: Option<&str>, customers: Option<usize>) -> ExitCode {
    use time::format_description::well_known::Rfc3339;
    let now = match now {
        None => time::OffsetDateTime::now_utc(),
        Some(text) => match time::OffsetDateTime::parse(text, &Rfc3339) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("--now {text:?} is not an RFC 3339 time: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    // The seed the app's demo data uses, so the server's customers are the
    // ones the demo scenarios and tests know.
    let mut data = care_core::demo_data::generate(DEMO_SEED, now);
    if let Some(n) = customers {
        data.customers.truncate(n);
        let kept: std::collections::BTreeSet<_> =
            data.customers.iter().map(|c| c.id.clone()).collect();
        data.records.retain(|id, _| kept.contains(id));
        for ids in data.scenarios.values_mut() {
            ids.retain(|id| kept.contains(id));
        }
    }
    let docs = care_core::sync::reference_docs(data, &[("demo", pack::DEMO_PACK)]);
    let values: Result<Vec<_>, _> = docs.iter().map(|d| d.to_value()).collect();
    match values.and_then(|v| {
        serde_json::to_string(&v).map_err(|e| care_core::sync::SyncError::Malformed {
            what: "seed",
            detail: e.to_string(),
        })
    }) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints each scenario's problems (or that it is fine); exits the
/// process non-zero if any has one.
fn check_scenarios(files: &[String], pack: &Pack, lang: Lang) {
    let mut failed = false;
    for file in files {
        let result = std::fs::read_to_string(file)
            .map_err(|e| vec![format!("{file}: {e}")])
            .and_then(|source| {
                care_core::sim::load(file, &source, pack)
                    .map_err(|problems| problems.iter().map(|p| p.render(lang)).collect())
            });
        match result {
            Ok(s) => println!("{file}: ok ({} answers, {:?})", s.answers.len(), s.level),
            Err(lines) => {
                failed = true;
                for l in lines {
                    println!("{l}");
                }
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}

fn check(files: &[String], lang: Lang) -> ExitCode {
    let targets: Vec<Option<&str>> = if files.is_empty() {
        vec![None]
    } else {
        files.iter().map(|f| Some(f.as_str())).collect()
    };
    let mut failed = false;
    for file in targets {
        match read_pack(file, lang) {
            Ok((name, p)) => {
                let counts: Vec<String> =
                    p.counts().iter().map(|(k, v)| format!("{v} {k}")).collect();
                println!("{name}: ok ({})", counts.join(", "));
            }
            Err(lines) => {
                failed = true;
                for l in &lines {
                    println!("{l}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs `f` on a loaded pack, or prints why it cannot be loaded.
fn with_pack(file: Option<&str>, lang: Lang, f: impl FnOnce(&Pack)) -> ExitCode {
    match read_pack(file, lang) {
        Ok((_, pack)) => {
            f(&pack);
            ExitCode::SUCCESS
        }
        Err(lines) => {
            for l in lines {
                eprintln!("{l}");
            }
            ExitCode::FAILURE
        }
    }
}

fn classify(file: Option<&str>, top: usize, threshold: f32, lang: Lang) -> ExitCode {
    with_pack(file, lang, |pack| classify_lines(pack, top, threshold))
}

fn classify_lines(pack: &Pack, top: usize, threshold: f32) {
    let model = Recogniser::from_pack(pack).with_threshold(threshold);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let utterance = line.trim();
        if utterance.is_empty() {
            continue;
        }
        // Tabs inside an utterance would break the columns.
        let shown = utterance.replace('\t', " ");
        let r = model.recognise(utterance);
        let written = if r.unknown {
            let conf = r.ranked.first().map(|b| b.confidence).unwrap_or(0.0);
            writeln!(out, "{shown}\tunknown\t{conf:.3}")
        } else {
            r.ranked
                .iter()
                .take(top.max(1))
                .try_for_each(|x| writeln!(out, "{shown}\t{}\t{:.3}", x.intent, x.confidence))
        };
        if written.is_err() {
            break; // the reader went away (a closed pipe)
        }
    }
}
