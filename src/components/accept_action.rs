//! Accept (Inbox) and Edit (Accepted): the deal fields, checked as the user goes by
//! the domain's `AcceptForm` / `EditForm` (the server runs the same); Accept also
//! takes additional customer contacts. "Next" moves the lead to Accepted.

use domain::i18n::Arg;
use domain::lifecycle::{AcceptForm, ContactForm, EditForm};
use domain::{Action, FieldErrors, Referral};
use leptos::prelude::*;

use crate::clock::Clock;
use crate::components::action_run::{Buttons, Outcome, bound, submit};
use crate::components::deal_fields::{deal_fields, differences};
use crate::components::form_fields::input;
use crate::components::{ActionRun, Closed, Step};
use crate::i18n::{t, t_with};

/// The Accept form.
#[component]
pub fn AcceptAction(referral: Referral, on_done: Callback<Closed>) -> impl IntoView {
    let clock = Clock::current();
    let run = ActionRun::new(Action::Accept, referral, AcceptForm::prefilled, on_done);
    let errors = Memo::new(move |_| run.form.get().parse(clock.now()).err().unwrap_or_default());
    let bound = bound(run, errors);
    view! {
        <section class="action-panel" aria-labelledby="action-heading">
            <h2 id="action-heading">{t("action-accept-heading")}</h2>
            <form novalidate on:submit=move |event| submit(event, run, errors)>
                {deal_fields(bound, |f: &mut AcceptForm| &mut f.deal)}
                <CustomerContacts run errors/>
                <Buttons run label=t("action-accept-submit")/>
            </form>
            <Outcome run compare=Callback::new(move |current: Referral| run.form.with_untracked(|f| differences(&f.deal, &run.baseline().deal, &current)))/>
        </section>
    }
}

/// The Edit form.
#[component]
pub fn EditAction(referral: Referral, on_done: Callback<Closed>) -> impl IntoView {
    let clock = Clock::current();
    let run = ActionRun::new(Action::Edit, referral, EditForm::prefilled, on_done);
    // Against the version being edited: a closing date it already has may have passed.
    let errors = Memo::new(move |_| {
        let referral = run.referral().get();
        run.form
            .get()
            .parse_for(&referral, clock.now())
            .err()
            .unwrap_or_default()
    });
    let bound = bound(run, errors);
    view! {
        <section class="action-panel" aria-labelledby="action-heading">
            <h2 id="action-heading">{t("action-edit-heading")}</h2>
            <form novalidate on:submit=move |event| submit(event, run, errors)>
                {deal_fields(bound, |f: &mut EditForm| &mut f.deal)}
                <Buttons run label=t("action-edit-submit")/>
            </form>
            <Outcome run compare=Callback::new(move |current: Referral| run.form.with_untracked(|f| differences(&f.deal, &run.baseline().deal, &current)))/>
        </section>
    }
}

/// Additional contacts at the customer (optional): name, phone, email.
#[component]
fn CustomerContacts(run: ActionRun<AcceptForm>, errors: Memo<FieldErrors>) -> impl IntoView {
    let form = run.form;
    let count = move || form.with(|f| f.customer_contacts.len());
    let add = move |_| form.update(|f| f.customer_contacts.push(ContactForm::default()));
    view! {
        <fieldset class="field contacts-editor">
            <legend>{t("action-contacts-legend")}</legend>
            {move || (0..count()).map(|at| contact_row(run, errors, at)).collect_view()}
            <button type="button" class="secondary" on:click=add disabled=move || run.step.get() != Step::Editing>
                {t("action-contacts-add")}
            </button>
        </fieldset>
    }
}

fn contact_row(run: ActionRun<AcceptForm>, errors: Memo<FieldErrors>, at: usize) -> impl IntoView {
    let bound = bound(run, errors);
    let path = move |field: &str| format!("customerProfile.team[{at}].{field}");
    let contact = move |f: &AcceptForm| f.customer_contacts.get(at).cloned().unwrap_or_default();
    let id = move |what: &str| format!("contact-{at}-{what}");
    let number = [("number", Arg::Count(at as i64 + 1))];
    view! {
        <div class="contact-editor" role="group" aria-label=t_with("action-contact-group", &number)>
            <div class="field-pair">
                {input(bound, id("first"), t("action-first-name"), "text", path("firstName"),
                    move |f| contact(f).first_name, move |f, v| if let Some(c) = f.customer_contacts.get_mut(at) { c.first_name = v })}
                {input(bound, id("last"), t("action-last-name"), "text", path("lastName"),
                    move |f| contact(f).last_name, move |f, v| if let Some(c) = f.customer_contacts.get_mut(at) { c.last_name = v })}
            </div>
            <div class="field-pair">
                {input(bound, id("email"), t("action-email"), "email", path("email"),
                    move |f| contact(f).email, move |f, v| if let Some(c) = f.customer_contacts.get_mut(at) { c.email = v })}
                {input(bound, id("phone"), t("action-phone"), "tel", path("phoneNumber"),
                    move |f| contact(f).phone_number, move |f, v| if let Some(c) = f.customer_contacts.get_mut(at) { c.phone_number = v })}
            </div>
            <button type="button" class="link-button" on:click=move |_| run.form.update(|f| { if at < f.customer_contacts.len() { f.customer_contacts.remove(at); } })>
                {t_with("action-contact-remove", &number)}
            </button>
        </div>
    }
}
