use crate::ui::intake::customer_lookup::CustomerLookup;
use crate::ui::intake::intent_suggestions::IntentSuggestions;
use crate::ui::intake::quick_answer::QuickAnswerCard;
use crate::ui::intake::statement_form::StatementForm;
use leptos::prelude::*;

/// The intake stage, top to bottom in the order a call goes.
#[component]
pub fn IntakePanel() -> impl IntoView {
    view! {
        <div class="intake">
            <CustomerLookup/>
            <StatementForm/>
            <IntentSuggestions/>
            <QuickAnswerCard/>
        </div>
    }
}
