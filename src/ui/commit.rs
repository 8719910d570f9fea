//! Commit: the promise to the customer in their language, its deadline in
//! business time, and the tasks that keep it.

pub mod commit_panel;
pub mod commitment_draft;
pub mod commitment_view;
pub mod countdown;
pub mod task_list;
