use crate::contexts::i18n::use_i18n;
use crate::i18n::Msg;
use leptos::prelude::*;

/// A yes/no question as two radio buttons.
#[component]
pub fn YesNo(name: &'static str, legend: Msg, value: RwSignal<Option<bool>>) -> impl IntoView {
    let i18n = use_i18n();
    let option = move |v: bool, m: Msg| {
        view! {
            <label class="choice">
                <input type="radio" name=name prop:checked=move || value.get() == Some(v)
                    on:change=move |_| value.set(Some(v))/>
                {move || i18n.t(m)}
            </label>
        }
    };
    view! {
        <fieldset class="choice-group">
            <legend>{move || i18n.t(legend)}" "<span class="badge required">{move || i18n.t(Msg::Required)}</span></legend>
            {option(true, Msg::Yes)}
            {option(false, Msg::No)}
        </fieldset>
    }
}
