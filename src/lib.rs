//! Care Assist, the browser app: Leptos components over care-core, with
//! the browser adapters in `platform`.

pub mod app;
pub mod contexts;
pub mod format;
pub mod i18n;
pub mod platform;
pub mod ui;

/// Mounts the app on the page.
pub fn run() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
