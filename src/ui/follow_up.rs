//! Follow up: whether it was solved and the customer satisfied, the survey
//! scores; then archive, or reopen back to diagnose.

pub mod follow_up_form;
pub mod follow_up_panel;
pub mod follow_up_summary;
pub mod reopen_form;
pub mod score_scale;
pub mod yes_no;
