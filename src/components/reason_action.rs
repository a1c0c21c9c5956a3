//! Decline (Inbox) and Lost (Accepted): a reason from DOMAIN.md §3's list and
//! notes (required for "Others"), checked as the user goes by the domain's
//! `ReasonForm` (the server runs the same), confirmed, then sent once.

use domain::lifecycle::{DeclineReason, ReasonForm};
use domain::{Action, Referral};
use leptos::prelude::*;

use crate::components::action_run::bound;
use crate::components::form_fields::{select, textarea};
use crate::components::{ActionRun, Closed, ConfirmAndSend, Step};
use crate::i18n::{t, value};

/// The reason form of `action` (Decline or Lost) for `referral`.
#[component]
pub fn ReasonAction(
    action: Action,
    referral: Referral,
    /// Called with the referral as the server has it after the action (or, after a
    /// conflict the user resolved by discarding, as it is now).
    on_done: Callback<Closed>,
) -> impl IntoView {
    let run = ActionRun::new(action, referral, |_| ReasonForm::default(), on_done);
    let form = run.form;
    let step = run.step;
    let errors = Memo::new(move |_| form.get().parse().err().unwrap_or_default());
    let bound = bound(run, errors);
    let reasons = DeclineReason::ALL
        .iter()
        .map(|reason| {
            (
                reason.as_str().to_owned(),
                value("DeclineReason", reason.as_str()),
            )
        })
        .collect();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        run.confirm_if_valid(errors);
    };
    // "Close" is what partners know from the reference product for a decline.
    let (title, submit_label, question) = match action {
        Action::Decline => (
            t("action-decline-heading"),
            t("action-decline-submit"),
            t("action-decline-question"),
        ),
        _ => (
            t("action-lost-heading"),
            t("action-lost-submit"),
            t("action-lost-question"),
        ),
    };
    let submit_label = StoredValue::new(submit_label);
    view! {
        <section class="action-panel" aria-labelledby="action-heading">
            <h2 id="action-heading">{title}</h2>
            <form novalidate on:submit=submit>
                {select(bound, "status-reason", t("action-reason"), t("action-reason-choose"), reasons, "statusReason",
                    |f: &ReasonForm| f.status_reason.clone(), |f: &mut ReasonForm, v| f.status_reason = v)}
                {textarea(bound, "status-reason-notes", t("action-reason-notes"), "statusReasonNotes",
                    |f: &ReasonForm| f.notes.clone(), |f: &mut ReasonForm, v| f.notes = v)}
                {move || (step.get() == Step::Editing).then(|| view! {
                    <div class="form-buttons">
                        <button type="submit">{submit_label.get_value()}</button>
                        <button type="button" class="secondary" on:click=move |_| run.cancel()>{t("action-cancel")}</button>
                    </div>
                })}
            </form>
            <ConfirmAndSend run question/>
        </section>
    }
}
