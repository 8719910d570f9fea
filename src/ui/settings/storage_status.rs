use crate::contexts::i18n::use_i18n;
use crate::contexts::search::use_search;
use crate::contexts::store::use_db;
use crate::i18n::Msg;
use crate::platform::persistence::{self, Persistence};
use leptos::prelude::*;

/// `1.2 MB`, `10.0 GB`.
fn size(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = bytes.max(0.0);
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// Whether the browser keeps this app's data under storage pressure, and
/// how much room it uses; asks again on demand.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(None::<Persistence>);
    let used = RwSignal::new(None::<(f64, f64)>);
    let db = use_db();
    let counts = RwSignal::new(None::<(usize, usize)>);
    let ask = move || {
        leptos::task::spawn_local(async move {
            state.set(Some(persistence::request().await));
            used.set(persistence::estimate().await);
        });
    };
    // The counts follow every change to the archive (a case recorded, a
    // demo archive written).
    let search = use_search();
    Effect::new(move |_| {
        search.changes();
        leptos::task::spawn_local(async move {
            let store = db.get();
            if let (Ok(cases), Ok(outbox)) = (store.case_count().await, store.outbox_count().await)
            {
                counts.set(Some((cases, outbox)));
            }
        });
    });
    ask();
    view! {
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{move || i18n.t(Msg::StorageHeading)}</h2>
            <p role="status" class="storage-persistence">
                {move || state.get().map(|s| i18n.t(match s {
                    Persistence::Granted => Msg::PersistGranted,
                    Persistence::Refused => Msg::PersistRefused,
                    Persistence::Unsupported => Msg::PersistUnsupported,
                }))}
            </p>
            {move || used.get().map(|(u, q)| view! {
                <p class="small muted">{move || i18n.fill(Msg::StorageUsed, &[("used", &size(u)), ("quota", &size(q))])}</p>
            })}
            {move || counts.get().map(|(cases, outbox)| view! {
                <p class="small storage-counts">{move || i18n.fill(Msg::StorageCounts, &[("cases", &cases.to_string()), ("outbox", &outbox.to_string())])}</p>
            })}
            {move || (state.get() == Some(Persistence::Refused)).then(|| view! {
                <button type="button" on:click=move |_| ask()>{move || i18n.t(Msg::PersistAsk)}</button>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_in_binary_units() {
        assert_eq!(size(0.0), "0.0 B");
        assert_eq!(size(1536.0), "1.5 KB");
        assert_eq!(size(10.0 * 1024.0 * 1024.0 * 1024.0), "10.0 GB");
    }
}
