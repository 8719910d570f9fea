use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use leptos::prelude::*;

/// Every keyboard shortcut of the case screen, opened with `?` or the
/// button in the case heading, closed with Esc or its button.
#[component]
pub fn ShortcutHelp(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = [
        ("Alt + →", Msg::ShortcutNextStage),
        ("Alt + ←", Msg::ShortcutPrevStage),
        ("Alt + 1…8", Msg::ShortcutJump),
        ("Alt + N", Msg::ShortcutNextAction),
        ("Alt + S", Msg::ShortcutStageStart),
        ("Alt + M", Msg::ShortcutNote),
        ("?", Msg::ShortcutHelp),
    ];
    move || {
        open.get().then(|| {
            view! {
                <div class="overlay" on:click=move |_| open.set(false)>
                    <section class="shortcut-help card" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                        on:click=|ev| ev.stop_propagation()>
                        <h2 id="shortcuts-title">{move || i18n.t(Msg::ShortcutsTitle)}</h2>
                        <table>
                            <tbody>
                                {rows.into_iter().map(|(keys, msg)| view! {
                                    <tr><td><kbd>{keys}</kbd></td><td>{move || i18n.t(msg)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <button type="button" id="shortcuts-close" on:click=move |_| open.set(false)>{move || i18n.t(Msg::ShortcutClose)}</button>
                    </section>
                </div>
            }
        })
    }
}
