//! Listen: what to ask next, what is already known, the facts to collect.

pub mod fact_row;
pub mod listen_panel;
pub mod prompt_item;
