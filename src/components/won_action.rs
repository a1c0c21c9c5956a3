//! Won (Accepted): the deal registration of DOMAIN.md §3 when the deal is eligible
//! (optional when its currency has no US dollar rate, refused when it cannot be
//! registered), checked as the user goes by the domain's `WonForm` with the same
//! rates the server uses, confirmed, then sent once.

use domain::i18n::Arg;
use domain::registration::{
    CONTRACT_SIGNED_AT_MOST_DAYS_AGO, CONTRACT_START_AT_MOST_DAYS_AGO, NotEligible,
};
use domain::{
    Action, ExchangeRates, FieldErrors, PricingModel, Referral, RegistrationEligibility,
    RegistrationForm, TenantType, WonForm, registration_eligibility,
};
use leptos::prelude::*;

use crate::clock::Clock;
use crate::components::{ActionRun, Closed, ConfirmAndSend, Step};
use crate::i18n::{t, t_with, value};

/// The Won form for `referral`.
#[component]
pub fn WonAction(
    referral: Referral,
    /// Called with the referral as the server has it after the action (or, after a
    /// conflict the user resolved by discarding, as it is now).
    on_done: Callback<Closed>,
) -> impl IntoView {
    // The server's dollar rates decide eligibility, so the form asks exactly when it will.
    let store = crate::store::Referrals::current();
    let rates = LocalResource::new(move || store.exchange_rates());
    let referral = StoredValue::new(referral);
    move || {
        match rates.get() {
        None => view! { <p class="secondary" role="status">{t("action-loading")}</p> }.into_any(),
        Some(Err(error)) => view! {
            <div class="error-panel" role="alert">
                <p>{error.to_string()}</p>
                <div class="form-buttons">
                    <button type="button" on:click=move |_| rates.refetch()>{t("action-retry")}</button>
                    <button type="button" class="secondary" on:click=move |_| on_done.run(Closed::Cancelled(referral.get_value()))>
                        {t("action-cancel")}
                    </button>
                </div>
            </div>
        }
        .into_any(),
        Some(Ok(rates)) => view! {
            <WonWithRates referral=referral.get_value() rates on_done/>
        }
        .into_any(),
    }
    }
}

/// The Won form once the server's dollar rates are known.
#[component]
fn WonWithRates(
    referral: Referral,
    rates: ExchangeRates,
    on_done: Callback<Closed>,
) -> impl IntoView {
    let rates = StoredValue::new(rates);
    let clock = Clock::current();
    let run = ActionRun::new(Action::Won, referral, |_| WonForm::default(), on_done);
    let form = run.form;
    let step = run.step;
    // The referral the form applies to: the current one after a reapplied conflict.
    let referral = run.referral();
    let eligibility = Memo::new(move |_| {
        referral.with(|r| rates.with_value(|rates| registration_eligibility(r, rates)))
    });
    let errors = Memo::new(move |_| {
        let now = clock.now();
        form.with(|f| {
            referral.with(|r| {
                rates.with_value(|rates| f.parse(r, rates, now).err().unwrap_or_default())
            })
        })
    });
    let answers = Answers { run, errors };
    // A registration unchecked (optional ones only) is kept here, so checking it again restores it.
    let set_aside = StoredValue::new(None::<RegistrationForm>);
    let register = move |yes: bool| {
        form.update(|f| {
            if yes {
                let kept = set_aside.write_value().take();
                f.deal_registration = Some(kept.unwrap_or_default());
            } else {
                set_aside.set_value(f.deal_registration.take());
            }
        });
    };
    // The form follows the deal's eligibility: a draft, or a colleague's edit, may have changed it.
    Effect::new(move |_| {
        let eligibility = eligibility.get();
        let registering = form.with_untracked(|f| f.deal_registration.is_some());
        if eligibility.requires_registration() && !registering {
            register(true);
        } else if !eligibility.allows_registration() && registering {
            register(false);
        }
    });
    // Nothing to fill in: only the confirmation is left.
    if !eligibility.with_untracked(RegistrationEligibility::allows_registration) {
        step.set(Step::Confirming);
    }
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        run.confirm_if_valid(errors);
    };
    // Memos, so that typing in a field does not draw the fields anew.
    let shows_registration = Memo::new(move |_| {
        eligibility.with(RegistrationEligibility::requires_registration)
            || form.with(|f| f.deal_registration.is_some())
    });
    view! {
        <section class="action-panel" aria-labelledby="action-heading">
            <h2 id="action-heading">{t("action-won-heading")}</h2>
            {move || match eligibility.get() {
                RegistrationEligibility::Eligible => view! {
                    <p>{t("action-won-eligible")}</p>
                }.into_any(),
                RegistrationEligibility::Undetermined { currency } => view! {
                    <p>{t_with("action-won-undetermined", &[("currency", Arg::Text(&currency))])}</p>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || form.with(|f| f.deal_registration.is_some())
                            on:change=move |event| register(event_target_checked(&event))
                            disabled=move || step.get() != Step::Editing
                        />
                        {t("action-won-register")}
                    </label>
                }.into_any(),
                RegistrationEligibility::NotEligible(why) => view! { <p>{not_eligible(why)}</p> }.into_any(),
            }}
            <form novalidate on:submit=submit>
                <p id="deal-registration-error" class="field-error">{move || run.error_for(errors, "dealRegistration")}</p>
                {move || shows_registration.get().then(|| registration_fields(answers))}
                {move || (step.get() == Step::Editing).then(|| view! {
                    <div class="form-buttons">
                        <button type="submit">{t("action-won-submit")}</button>
                        <button type="button" class="secondary" on:click=move |_| run.cancel()>{t("action-cancel")}</button>
                    </div>
                })}
            </form>
            <ConfirmAndSend run question=t("action-won-question")/>
        </section>
    }
}

/// Why the deal cannot be registered, worded for the partner.
fn not_eligible(why: NotEligible) -> String {
    match why {
        NotEligible::NoEligibleSolution => t("action-won-no-eligible-solution"),
        NotEligible::NoDealValue => t("action-won-no-deal-value"),
        NotEligible::BelowMinimum { usd } => t_with(
            "action-won-below-minimum",
            &[("usd", Arg::Text(&usd.round_dp(2).to_string()))],
        ),
    }
}

/// The registration's questions, in the order DOMAIN.md §3 lists them.
fn registration_fields(answers: Answers) -> impl IntoView {
    let referral = answers.run.referral();
    let currency = move || referral.with(|r| r.details.currency.clone());
    let created = move || referral.with(|r| r.created_date_time.date_naive());
    // A date typed before answering No (or Yes to perpetual) stays in sight, with the domain's question about it.
    let asks_marketplace_date = Memo::new(move |_| {
        answers.read(|r| {
            r.marketplace_transaction == Some(true) || !r.marketplace_transaction_date.is_empty()
        })
    });
    let asks_end_date = Memo::new(move |_| {
        answers.read(|r| r.perpetual_contract != Some(true) || !r.contract_end_date.is_empty())
    });
    view! {
        <fieldset class="registration">
            <legend>{t("action-registration-legend")}</legend>
            {yes_no(answers, "marketplaceTransaction", t("action-registration-marketplace"),
                |r| r.marketplace_transaction, |r, yes| r.marketplace_transaction = Some(yes))}
            {move || asks_marketplace_date.get().then(|| entry(
                answers, "marketplaceTransactionDate", t("action-registration-marketplace-date"), Entry::Date, None,
                |r| r.marketplace_transaction_date.clone(), |r, text| r.marketplace_transaction_date = text,
            ))}
            {yes_no(answers, "deployedOnAzure", t("action-registration-azure"),
                |r| r.deployed_on_azure, |r, yes| r.deployed_on_azure = Some(yes))}
            {yes_no(answers, "perpetualContract", t("action-registration-perpetual"),
                |r| r.perpetual_contract, |r, yes| r.perpetual_contract = Some(yes))}
            {move || entry(
                answers, "totalContractValue", t("action-registration-total-value"), Entry::Amount(currency()), None,
                |r| r.total_contract_value.clone(), |r, text| r.total_contract_value = text,
            )}
            {move || entry(
                answers, "solutionValue", t("action-registration-solution-value"), Entry::Amount(currency()),
                Some(t("action-registration-solution-value-hint")),
                |r| r.solution_value.clone(), |r, text| r.solution_value = text,
            )}
            {move || entry(
                answers, "contractSignedDate", t("action-registration-signed-date"), Entry::Date,
                Some(t_with("action-registration-signed-date-hint", &[
                    ("days", Arg::Count(CONTRACT_SIGNED_AT_MOST_DAYS_AGO as i64)),
                    ("arrived", Arg::Text(&created().to_string())),
                ])),
                |r| r.contract_signed_date.clone(), |r, text| r.contract_signed_date = text,
            )}
            {entry(
                answers, "contractStartDate", t("action-registration-start-date"), Entry::Date,
                Some(t_with("action-registration-start-date-hint", &[("days", Arg::Count(CONTRACT_START_AT_MOST_DAYS_AGO as i64))])),
                |r| r.contract_start_date.clone(), |r, text| r.contract_start_date = text,
            )}
            {move || asks_end_date.get().then(|| entry(
                answers, "contractEndDate", t("action-registration-end-date"), Entry::Date,
                Some(t("action-registration-end-date-hint")),
                |r| r.contract_end_date.clone(), |r, text| r.contract_end_date = text,
            ))}
            {choice(answers, "tenantType", t("action-registration-tenant-type"), t("action-registration-tenant-type-choose"),
                TenantType::ALL.iter().map(|tenant| (tenant.as_str(), value("TenantType", tenant.as_str()))).collect(),
                |r| r.tenant_type.clone(), |r, text| r.tenant_type = text)}
            {choice(answers, "pricingModel", t("action-registration-pricing-model"), t("action-registration-pricing-model-choose"),
                PricingModel::ALL.iter().map(|p| (p.as_str(), value("PricingModel", p.as_str()))).collect(),
                |r| r.pricing_model.clone(), |r, text| r.pricing_model = text)}
        </fieldset>
    }
}

/// The registration's answers as the fields read and write them, and which errors show.
#[derive(Clone, Copy)]
struct Answers {
    run: ActionRun<WonForm>,
    errors: Memo<FieldErrors>,
}

impl Answers {
    fn read<T>(self, answer: impl FnOnce(&RegistrationForm) -> T) -> T {
        self.run.form.with(|f| match &f.deal_registration {
            Some(registration) => answer(registration),
            None => answer(&RegistrationForm::default()),
        })
    }

    fn write(self, change: impl FnOnce(&mut RegistrationForm)) {
        self.run
            .form
            .update(|f| change(f.deal_registration.get_or_insert_with(Default::default)));
    }

    fn leave(self, field: &'static str) {
        self.run.leave(&format!("dealRegistration.{field}"));
    }

    /// The message beside `field` (its API name under `dealRegistration`).
    fn error(self, field: &'static str) -> Option<String> {
        self.run
            .error_for(self.errors, &format!("dealRegistration.{field}"))
    }

    fn locked(self) -> bool {
        self.run.step.get() != Step::Editing
    }
}

fn id_of(field: &str) -> String {
    format!("registration-{field}")
}

/// What a one-line answer holds.
enum Entry {
    /// A calendar date, `YYYY-MM-DD` as the domain reads it.
    Date,
    /// An amount in the deal's currency (shown beside it).
    Amount(Option<String>),
}

/// A labelled date or amount input with its hint and its error.
fn entry(
    answers: Answers,
    field: &'static str,
    label: String,
    kind: Entry,
    hint: Option<String>,
    get: fn(&RegistrationForm) -> String,
    set: fn(&mut RegistrationForm, String),
) -> impl IntoView {
    let id = id_of(field);
    let hint_id = format!("{id}-hint");
    let unit_id = format!("{id}-currency");
    let error_id = format!("{id}-error");
    let (input_type, unit) = match kind {
        Entry::Date => ("date", None),
        Entry::Amount(currency) => ("text", Some(currency.unwrap_or_default())),
    };
    let described_by = [
        hint.is_some().then_some(hint_id.as_str()),
        unit.is_some().then_some(unit_id.as_str()),
        Some(error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p id=hint_id class="field-hint">{hint}</p> })}
            <div class="entry">
                <input
                    id=id
                    type=input_type
                    inputmode=unit.is_some().then_some("decimal")
                    autocomplete="off"
                    aria-invalid=move || answers.error(field).is_some().to_string()
                    aria-describedby=described_by
                    prop:value=move || answers.read(get)
                    on:input=move |event| answers.write(|r| set(r, event_target_value(&event)))
                    on:blur=move |_| answers.leave(field)
                    disabled=move || answers.locked()
                />
                {unit.map(|currency| view! { <span id=unit_id class="entry-unit">{currency}</span> })}
            </div>
            <p id=error_id class="field-error">{move || answers.error(field)}</p>
        </div>
    }
}

/// A yes/no question: a radio group with its legend and its error.
fn yes_no(
    answers: Answers,
    field: &'static str,
    question: String,
    get: fn(&RegistrationForm) -> Option<bool>,
    set: fn(&mut RegistrationForm, bool),
) -> impl IntoView {
    let name = id_of(field);
    let error_id = format!("{name}-error");
    let described_by = error_id.clone();
    view! {
        <fieldset
            class="choice-group"
            role="radiogroup"
            aria-invalid=move || answers.error(field).is_some().to_string()
            aria-describedby=described_by
            on:focusout=move |_| answers.leave(field)
        >
            <legend>{question}</legend>
            <div class="choices">
                {[(true, "yes", t("action-yes")), (false, "no", t("action-no"))].into_iter().map(|(value, answer, text)| view! {
                    <label class="check">
                        <input
                            type="radio"
                            name=name.clone()
                            value=answer
                            prop:checked=move || answers.read(get) == Some(value)
                            on:change=move |_| answers.write(|r| set(r, value))
                            disabled=move || answers.locked()
                        />
                        {text}
                    </label>
                }).collect_view()}
            </div>
            <p id=error_id class="field-error">{move || answers.error(field)}</p>
        </fieldset>
    }
}

/// A labelled select of `(API value, label)` options with its error.
fn choice(
    answers: Answers,
    field: &'static str,
    label: String,
    prompt: String,
    options: Vec<(&'static str, String)>,
    get: fn(&RegistrationForm) -> String,
    set: fn(&mut RegistrationForm, String),
) -> impl IntoView {
    let id = id_of(field);
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-invalid=move || answers.error(field).is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || answers.read(get)
                on:change=move |event| answers.write(|r| set(r, event_target_value(&event)))
                on:blur=move |_| answers.leave(field)
                disabled=move || answers.locked()
            >
                <option value="">{prompt}</option>
                {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
            <p id=error_id class="field-error">{move || answers.error(field)}</p>
        </div>
    }
}
