//! The deal fields that Accept and Edit share (the domain's `DealForm`): deal name,
//! estimated value and currency, closing date, team members picked from the
//! organisation's people, notes, CRM ID and marketing campaign ID.

use domain::lifecycle::{ContactForm, DealForm};
use domain::values::CurrencyCode;
use leptos::prelude::*;

use crate::api::Colleague;
use crate::components::Difference;
use crate::components::form_fields::{Bound, input, select, textarea};
use crate::i18n::{t, t_with};
use domain::i18n::Arg;

/// The deal fields of a form `F` whose deal part `deal` reaches.
pub fn deal_fields<F: Clone + Send + Sync + 'static>(
    bound: Bound<F>,
    deal: fn(&mut F) -> &mut DealForm,
) -> impl IntoView {
    // Reading goes through a copy, since the lens borrows mutably.
    let read = move |f: &F, pick: fn(&DealForm) -> String| pick(deal(&mut f.clone()));
    let currencies: Vec<(String, String)> = CurrencyCode::all()
        .map(|c| {
            (
                c.as_str().to_owned(),
                format!("{} — {}", c.as_str(), c.name()),
            )
        })
        .collect();
    view! {
        {input(bound, "deal-name", t("action-deal-name"), "text", "name",
            move |f| read(f, |d| d.name.clone()), move |f, v| deal(f).name = v)}
        <div class="field-pair">
            {input(bound, "deal-value", t("action-deal-value"), "text", "details.dealValue",
                move |f| read(f, |d| d.deal_value.clone()), move |f, v| deal(f).deal_value = v)}
            {select(bound, "deal-currency", t("action-currency"), t("action-currency-choose"), currencies, "details.currency",
                move |f| read(f, |d| d.currency.clone()), move |f, v| deal(f).currency = v)}
        </div>
        {input(bound, "closing-date", t("action-closing-date"), "date", "details.closingDateTime",
            move |f| read(f, |d| d.closing_date.clone()), move |f, v| deal(f).closing_date = v)}
        <TeamPicker bound deal/>
        {textarea(bound, "deal-notes", t("action-deal-notes"), "details.notes",
            move |f| read(f, |d| d.notes.clone()), move |f, v| deal(f).notes = v)}
        {move || bound.form.with(|f| deal(&mut f.clone()).lacks_notes()).then(|| view! {
            <p class="hint">{t("action-deal-notes-hint")}</p>
        })}
        <div class="field-pair">
            {input(bound, "crm-id", t("action-crm-id"), "text", "externalReferenceId",
                move |f| read(f, |d| d.external_reference_id.clone()), move |f, v| deal(f).external_reference_id = v)}
            {input(bound, "campaign-id", t("action-campaign-id"), "text", "campaignId",
                move |f| read(f, |d| d.campaign_id.clone()), move |f, v| deal(f).campaign_id = v)}
        </div>
    }
}

/// The deal's team: the organisation's people (and anyone already on the team), ticked.
#[component]
fn TeamPicker<F: Clone + Send + Sync + 'static>(
    bound: Bound<F>,
    deal: fn(&mut F) -> &mut DealForm,
) -> impl IntoView {
    let error = move || bound.error.run("team".to_owned());
    let store = crate::store::Referrals::current();
    let colleagues = LocalResource::new(move || store.colleagues());
    let team = move || bound.form.with(|f| deal(&mut f.clone()).team.clone());
    let on_team = move |email: &str| {
        team()
            .iter()
            .any(|member| member.email.trim().eq_ignore_ascii_case(email))
    };
    let toggle = move |person: ContactForm| {
        bound.form.update(|f| {
            let team = &mut deal(f).team;
            let before = team.len();
            team.retain(|member| !member.email.trim().eq_ignore_ascii_case(&person.email));
            if team.len() == before {
                team.push(person);
            }
        });
        bound.leave.run("team".to_owned());
    };
    // The ticked members (by place on the team) whose name must be completed here; a
    // memo, so typing a name does not rebuild the fields being typed in.
    let incomplete = Memo::new(move |_| {
        let people = colleagues.get().and_then(Result::ok).unwrap_or_default();
        team()
            .iter()
            .enumerate()
            .filter(|(_, member)| {
                people.iter().any(|person| {
                    person
                        .email
                        .trim()
                        .eq_ignore_ascii_case(member.email.trim())
                        && lacks_a_name_part(person)
                })
            })
            .map(|(i, member)| (i, member.email.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="field team-picker" aria-describedby="team-error">
            <legend>{t("action-team-members")}</legend>
            {move || match colleagues.get() {
                None => view! { <p class="secondary" role="status">{t("action-colleagues-loading")}</p> }.into_any(),
                Some(Err(failure)) => view! {
                    <p class="form-error" role="alert">{failure.to_string()}</p>
                    <button type="button" class="secondary" on:click=move |_| colleagues.refetch()>{t("action-retry")}</button>
                }.into_any(),
                Some(Ok(people)) => {
                    let choices = choices(people, team());
                    choices.into_iter().map(|person| {
                        let label = format!("{} {}", person.first_name, person.last_name);
                        let detail = person.email.clone();
                        let email = person.email.clone();
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || on_team(&email)
                                    on:change=move |_| toggle(person.clone())
                                    disabled=move || bound.disabled.get()
                                />
                                <span>{label}" "<span class="secondary">{detail}</span></span>
                            </label>
                        }
                    }).collect_view().into_any()
                }
            }}
            <p id="team-error" class="field-error">{error}</p>
            {move || incomplete.get().into_iter().map(|(i, email)| member_name(bound, deal, i, email)).collect_view()}
        </fieldset>
    }
}

/// Fields completing the name of team member `i` (`email`), whose account's name lacks
/// the first or last name a team member needs: ticked, they would otherwise block the
/// form with a problem no field shows.
fn member_name<F: Clone + Send + Sync + 'static>(
    bound: Bound<F>,
    deal: fn(&mut F) -> &mut DealForm,
    i: usize,
    email: String,
) -> impl IntoView {
    let member = move |f: &F| {
        deal(&mut f.clone())
            .team
            .get(i)
            .cloned()
            .unwrap_or_default()
    };
    view! {
        <fieldset class="team-member-name">
            <legend>{t_with("action-team-member-name", &[("email", Arg::Text(&email))])}</legend>
            <div class="field-pair">
                {input(bound, format!("team-{i}-first-name"), t("action-first-name"), "text", format!("team[{i}].firstName"),
                    move |f| member(f).first_name, move |f, v| if let Some(m) = deal(f).team.get_mut(i) { m.first_name = v })}
                {input(bound, format!("team-{i}-last-name"), t("action-last-name"), "text", format!("team[{i}].lastName"),
                    move |f| member(f).last_name, move |f, v| if let Some(m) = deal(f).team.get_mut(i) { m.last_name = v })}
            </div>
        </fieldset>
    }
}

/// Whether a colleague's account name gives no first and last name (one word, or none).
fn lacks_a_name_part(colleague: &Colleague) -> bool {
    let member = as_member(colleague.clone());
    member.first_name.trim().is_empty() || member.last_name.trim().is_empty()
}

/// The organisation's people, then anyone on the team who is not one of them
/// (an employee added to the deal), each once.
fn choices(colleagues: Vec<Colleague>, team: Vec<ContactForm>) -> Vec<ContactForm> {
    let mut choices: Vec<ContactForm> = colleagues.into_iter().map(as_member).collect();
    for member in team {
        if !choices
            .iter()
            .any(|c| c.email.trim().eq_ignore_ascii_case(member.email.trim()))
        {
            choices.push(member);
        }
    }
    choices
}

/// A colleague as a team member: their name split at the first space.
fn as_member(colleague: Colleague) -> ContactForm {
    let (first, last) = colleague
        .name
        .split_once(' ')
        .unwrap_or((colleague.name.as_str(), ""));
    ContactForm {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: colleague.email.clone(),
        phone_number: String::new(),
    }
}

/// The deal fields a colleague changed since the user's form started (`baseline`),
/// with the user's value beside the current one.
pub fn differences(
    yours: &DealForm,
    baseline: &DealForm,
    current: &domain::Referral,
) -> Vec<Difference> {
    let now = DealForm::from_referral(current);
    let team = |form: &DealForm| {
        form.team
            .iter()
            .map(|member| {
                format!("{} {}", member.first_name, member.last_name)
                    .trim()
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fields = |form: &DealForm| {
        [
            (t("action-deal-name"), form.name.clone()),
            (t("action-deal-value"), form.deal_value.clone()),
            (t("action-currency"), form.currency.clone()),
            (t("action-closing-date"), form.closing_date.clone()),
            (t("action-team-members"), team(form)),
            (t("action-difference-notes"), form.notes.clone()),
            (
                t("action-difference-crm-id"),
                form.external_reference_id.clone(),
            ),
            (t("action-difference-campaign-id"), form.campaign_id.clone()),
        ]
    };
    fields(yours)
        .into_iter()
        .zip(fields(baseline))
        .zip(fields(&now))
        .filter(|((_, (_, before)), (_, now))| before.trim() != now.trim())
        .map(|(((field, yours), _), (_, now))| Difference { field, yours, now })
        .collect()
}
