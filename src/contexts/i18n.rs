//! The interface language.

use crate::i18n::Msg;
use crate::platform::settings;
use care_core::Lang;
use leptos::prelude::*;

/// The language of the interface, zh-CN by default, remembered per device.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// A message in the current language (tracked).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A message with values filled in (tracked).
    pub fn fill(&self, msg: Msg, values: &[(&str, &str)]) -> String {
        msg.fill(self.lang.get(), values)
    }

    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
    }
}

/// Provides the language, and keeps `<html lang>`, the title and the stored
/// choice in step with it.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(settings::stored_lang()),
    };
    Effect::new(move |_| {
        let lang = i18n.lang();
        settings::store_lang(lang);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.tag());
            }
            doc.set_title(Msg::AppName.text(lang));
        }
    });
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
