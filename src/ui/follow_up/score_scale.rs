use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use leptos::prelude::*;

/// A score scale as radio buttons, with "not given".
#[component]
pub fn ScoreScale(
    name: &'static str,
    legend: Msg,
    from: u8,
    to: u8,
    value: RwSignal<Option<u8>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="choice-group scale">
            <legend>{move || i18n.t(legend)}</legend>
            {(from..=to).map(|n| view! {
                <label class="choice">
                    <input type="radio" name=name prop:checked=move || value.get() == Some(n)
                        on:change=move |_| value.set(Some(n))/>
                    {n}
                </label>
            }).collect_view()}
            <label class="choice">
                <input type="radio" name=name prop:checked=move || value.get().is_none()
                    on:change=move |_| value.set(None)/>
                {move || i18n.t(Msg::NotGiven)}
            </label>
        </fieldset>
    }
}
