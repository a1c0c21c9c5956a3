//! "Add your employees" (Accepted): a person of the partner's own working on the
//! deal (name, phone, email), checked by the domain's `NewTeamMember`.

use domain::lifecycle::NewTeamMember;
use domain::{Action, Referral};
use leptos::prelude::*;

use crate::components::action_run::{Buttons, Outcome, bound, submit};
use crate::components::form_fields::input;
use crate::components::{ActionRun, Closed};
use crate::i18n::t;

#[component]
pub fn TeamMemberAction(referral: Referral, on_done: Callback<Closed>) -> impl IntoView {
    let run = ActionRun::new(
        Action::AddTeamMember,
        referral,
        |_| NewTeamMember::default(),
        on_done,
    );
    let errors = Memo::new(move |_| run.form.get().parse().err().unwrap_or_default());
    let bound = bound(run, errors);
    view! {
        <section class="action-panel" aria-labelledby="action-heading">
            <h2 id="action-heading">{t("action-team-member-heading")}</h2>
            <form novalidate on:submit=move |event| submit(event, run, errors)>
                <div class="field-pair">
                    {input(bound, "member-first", t("action-first-name"), "text", "firstName",
                        |f: &NewTeamMember| f.first_name.clone(), |f: &mut NewTeamMember, v| f.first_name = v)}
                    {input(bound, "member-last", t("action-last-name"), "text", "lastName",
                        |f: &NewTeamMember| f.last_name.clone(), |f: &mut NewTeamMember, v| f.last_name = v)}
                </div>
                <div class="field-pair">
                    {input(bound, "member-email", t("action-email"), "email", "email",
                        |f: &NewTeamMember| f.email.clone(), |f: &mut NewTeamMember, v| f.email = v)}
                    {input(bound, "member-phone", t("action-phone"), "tel", "phoneNumber",
                        |f: &NewTeamMember| f.phone_number.clone(), |f: &mut NewTeamMember, v| f.phone_number = v)}
                </div>
                <Buttons run label=t("action-team-member-submit")/>
            </form>
            <Outcome run/>
        </section>
    }
}
