//! The knowledge pack: all telecom knowledge, as data. See
//! `docs/pack-format.md` for the file format.

pub mod calendar;
mod load;
mod model;
mod problem;

pub(crate) use load::{empty_texts, locate_all, parse};
pub use load::{load, placeholders, Path, COMMITMENT_PLACEHOLDERS, QUICK_ANSWER_PLACEHOLDERS};
pub use model::*;
pub use problem::{Kind, Problem, ProblemKind};

/// The demo pack that ships in the app and in `care-pack`.
pub const DEMO_PACK: &str = include_str!("../../../public/packs/demo.toml");
/// Its file name, as problems name it.
pub const DEMO_PACK_FILE: &str = "demo.toml";
