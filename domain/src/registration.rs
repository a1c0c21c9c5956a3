//! Deal registration after a referral is won (DOMAIN.md §3 "Won → deal registration").
//!
//! Interpretations (documented here because the source documents leave them open):
//! - **Eligible solution**: the deal includes an eligible solution when the
//!   referral's `details.requirements.solutions` lists at least one solution; the
//!   vendor only lists solutions that take part in co-sell there.
//! - **USD 25,000**: the deal value (`details.dealValue` in `details.currency`) is
//!   converted with an [`ExchangeRates`] table the caller supplies (this crate has no
//!   I/O, so it cannot look rates up). The product is compared exactly, without
//!   rounding. When no rate is known for the currency, eligibility is
//!   [`RegistrationEligibility::Undetermined`]: registration is then possible but
//!   not demanded, so a missing rate never blocks marking a deal as won.
//! - **Money**: the total contract value and the solution value are in the deal's currency.
//! - **Dates** are calendar dates (`YYYY-MM-DD`, or an RFC 3339 timestamp taken as its
//!   UTC date) in the years 2000 to 2100 ([`CalendarDate`]). "Today" is the user's own
//!   date, which the domain does not know, so no one's today is refused: "in the future"
//!   means after the latest date on Earth ([`latest_today`], UTC+14), and "at most 60
//!   days ago" counts from the earliest ([`earliest_today`], UTC−12), accepting exactly
//!   60 days ago and rejecting 61.
//! - **Tenant type and pricing model**: the source names the questions, not the
//!   choices; [`TenantType`] and [`PricingModel`] list the choices we offer.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::referral::Referral;
use crate::validation::{FieldError, FieldErrors};
use crate::values::{CalendarDate, CurrencyCode, Money, earliest_today, is_blank, latest_today};

/// Deals worth at least this many US dollars can be registered.
pub const REGISTRATION_MIN_DEAL_USD: i64 = 25_000;
/// A contract signed longer ago than this cannot be registered.
pub const CONTRACT_SIGNED_AT_MOST_DAYS_AGO: u64 = 60;
/// A contract started longer ago than this cannot be registered.
pub const CONTRACT_START_AT_MOST_DAYS_AGO: u64 = 90;

/// The prefix of every registration field's API path.
const FIELD: &str = "dealRegistration";

api_enum! {
    /// Where a deal registration stands with the vendor; new registrations are `Pending`.
    #[derive(Default)]
    pub enum RegistrationState { #[default] Pending, Approved, ActionRequired, Rejected }
}

impl RegistrationState {
    /// The state as the UI shows it.
    pub fn label(self) -> &'static str {
        match self {
            RegistrationState::Pending => "Pending",
            RegistrationState::Approved => "Approved",
            RegistrationState::ActionRequired => "Action required",
            RegistrationState::Rejected => "Rejected",
        }
    }
}

api_enum! {
    /// How the solution is deployed for the customer.
    pub enum TenantType { SingleTenant, MultiTenant }
}

impl TenantType {
    pub fn label(self) -> &'static str {
        match self {
            TenantType::SingleTenant => "Single tenant",
            TenantType::MultiTenant => "Multi-tenant",
        }
    }
}

api_enum! {
    /// How the customer pays for the solution.
    pub enum PricingModel { PerUser, PerDevice, UsageBased, FlatRate, Other }
}

impl PricingModel {
    pub fn label(self) -> &'static str {
        match self {
            PricingModel::PerUser => "Per user",
            PricingModel::PerDevice => "Per device",
            PricingModel::UsageBased => "Usage based",
            PricingModel::FlatRate => "Flat rate",
            PricingModel::Other => "Other",
        }
    }
}

/// US dollars per unit of other currencies, supplied by the caller (the crate has no I/O).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, String>))]
pub struct ExchangeRates(BTreeMap<CurrencyCode, Decimal>);

impl ExchangeRates {
    /// A table that knows only US dollars.
    pub fn usd_only() -> ExchangeRates {
        ExchangeRates::default()
    }

    /// Adds (or replaces) the rate of `currency`: one unit is worth `usd_per_unit` dollars.
    pub fn with_rate(mut self, currency: CurrencyCode, usd_per_unit: Decimal) -> ExchangeRates {
        self.0.insert(currency, usd_per_unit);
        self
    }

    /// The amount in US dollars, unrounded; `None` without a rate for its currency.
    pub fn in_usd(&self, money: Money) -> Option<Decimal> {
        if money.currency.as_str() == "USD" {
            return Some(money.amount);
        }
        self.0
            .get(&money.currency)
            .and_then(|rate| money.amount.checked_mul(*rate))
    }
}

impl std::str::FromStr for ExchangeRates {
    type Err = String;

    /// Reads `EUR=1.08, GBP=1.27` (US dollars per unit; commas, semicolons or line
    /// breaks between entries): how an operator configures the server.
    fn from_str(text: &str) -> Result<ExchangeRates, String> {
        let mut rates = ExchangeRates::usd_only();
        for entry in text
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            let (code, rate) = entry.split_once('=').ok_or_else(|| {
                format!("Exchange rate {entry:?} must look like EUR=1.08 (US dollars per unit).")
            })?;
            let currency = CurrencyCode::parse("currency", code)
                .map_err(|e| format!("Exchange rate {entry:?}: {}", e.message))?;
            let rate = Decimal::from_str(rate.trim())
                .ok()
                .filter(|rate| *rate > Decimal::ZERO)
                .ok_or_else(|| {
                    format!(
                        "Exchange rate {entry:?}: {:?} is not a positive number.",
                        rate.trim()
                    )
                })?;
            rates = rates.with_rate(currency, rate);
        }
        Ok(rates)
    }
}

/// Why a deal cannot be registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "camelCase")]
pub enum NotEligible {
    /// No eligible solution is part of the deal.
    NoEligibleSolution,
    /// The referral has no deal value.
    NoDealValue,
    /// Worth less than USD 25,000.
    BelowMinimum { usd: Decimal },
}

/// Whether a won deal can (and must) be registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "eligibility", rename_all = "camelCase")]
pub enum RegistrationEligibility {
    /// Registration is required when marking the deal as won.
    Eligible,
    /// Registration is not possible.
    NotEligible(NotEligible),
    /// The deal's currency has no known USD rate: registration is possible but not demanded.
    Undetermined { currency: String },
}

impl RegistrationEligibility {
    pub fn requires_registration(&self) -> bool {
        matches!(self, RegistrationEligibility::Eligible)
    }

    pub fn allows_registration(&self) -> bool {
        !matches!(self, RegistrationEligibility::NotEligible(_))
    }

    /// Why a registration is not possible, worded for the partner.
    pub fn message(&self) -> Option<String> {
        match self {
            RegistrationEligibility::NotEligible(NotEligible::NoEligibleSolution) => Some(
                "This deal includes no eligible solution, so it cannot be registered.".to_owned(),
            ),
            RegistrationEligibility::NotEligible(NotEligible::NoDealValue) => {
                Some("This deal has no deal value, so it cannot be registered.".to_owned())
            }
            RegistrationEligibility::NotEligible(NotEligible::BelowMinimum { usd }) => {
                Some(format!(
                    "Only deals worth USD 25,000 or more can be registered; this one is worth USD {}.",
                    usd.round_dp(2)
                ))
            }
            RegistrationEligibility::Eligible | RegistrationEligibility::Undetermined { .. } => {
                None
            }
        }
    }
}

/// Whether `referral`'s deal can be registered: value ≥ USD 25,000 and an eligible solution.
pub fn registration_eligibility(
    referral: &Referral,
    rates: &ExchangeRates,
) -> RegistrationEligibility {
    if referral.details.requirements.solutions.is_empty() {
        return RegistrationEligibility::NotEligible(NotEligible::NoEligibleSolution);
    }
    let Some(amount) = referral.details.deal_value else {
        return RegistrationEligibility::NotEligible(NotEligible::NoDealValue);
    };
    let currency_text = referral.details.currency.clone().unwrap_or_default();
    let Ok(currency) = CurrencyCode::parse("details.currency", &currency_text) else {
        return RegistrationEligibility::Undetermined {
            currency: currency_text,
        };
    };
    match rates.in_usd(Money { amount, currency }) {
        None => RegistrationEligibility::Undetermined {
            currency: currency.as_str().to_owned(),
        },
        Some(usd) if usd >= Decimal::from(REGISTRATION_MIN_DEAL_USD) => {
            RegistrationEligibility::Eligible
        }
        Some(usd) => RegistrationEligibility::NotEligible(NotEligible::BelowMinimum { usd }),
    }
}

/// The deal registration form as typed: every answer kept as text (or unanswered) so nothing is lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct RegistrationForm {
    /// Is it a marketplace transaction? `None` until answered.
    pub marketplace_transaction: Option<bool>,
    /// Estimated date of the marketplace transaction (`YYYY-MM-DD`), when it is one.
    pub marketplace_transaction_date: String,
    pub deployed_on_azure: Option<bool>,
    pub perpetual_contract: Option<bool>,
    pub total_contract_value: String,
    pub solution_value: String,
    pub contract_signed_date: String,
    pub contract_start_date: String,
    /// Required unless the contract is perpetual.
    pub contract_end_date: String,
    /// A [`TenantType`] as the API spells it.
    pub tenant_type: String,
    /// A [`PricingModel`] as the API spells it.
    pub pricing_model: String,
}

/// A registered deal, as submitted to the vendor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DealRegistration {
    pub state: RegistrationState,
    pub submitted_date_time: DateTime<Utc>,
    /// The estimated marketplace transaction date; `None` when it is not a marketplace transaction.
    pub marketplace_transaction_date: Option<NaiveDate>,
    pub deployed_on_azure: bool,
    pub total_contract_value: Money,
    /// At most the total contract value.
    pub solution_value: Money,
    pub contract_signed_date: NaiveDate,
    pub contract_start_date: NaiveDate,
    /// `None` for a perpetual contract.
    pub contract_end_date: Option<NaiveDate>,
    pub tenant_type: TenantType,
    pub pricing_model: PricingModel,
}

impl DealRegistration {
    pub fn is_marketplace_transaction(&self) -> bool {
        self.marketplace_transaction_date.is_some()
    }

    pub fn is_perpetual(&self) -> bool {
        self.contract_end_date.is_none()
    }
}

fn path(field: &str) -> String {
    format!("{FIELD}.{field}")
}

fn answered(
    errors: &mut FieldErrors,
    field: &str,
    answer: Option<bool>,
    question: &str,
) -> Option<bool> {
    if answer.is_none() {
        errors.push(FieldError::new(
            path(field),
            format!("Answer whether {question}."),
        ));
    }
    answer
}

/// A required calendar date (see [`CalendarDate`]).
fn date(errors: &mut FieldErrors, field: &str, text: &str) -> Option<NaiveDate> {
    errors
        .collect(CalendarDate::parse(&path(field), text))
        .map(NaiveDate::from)
}

fn choice<T: std::str::FromStr>(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    what: &str,
    all: &[&str],
) -> Option<T> {
    let text = text.trim();
    let result = if text.is_empty() {
        Err(FieldError::new(path(field), format!("Choose the {what}.")))
    } else {
        text.parse::<T>().map_err(|_| {
            FieldError::new(
                path(field),
                format!("Choose the {what}: one of {}.", all.join(", ")),
            )
        })
    };
    errors.collect(result)
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

impl RegistrationForm {
    /// Validates every answer against `referral` (its currency and creation date) at `now`,
    /// returning all problems at once under `dealRegistration.*`.
    pub fn parse(
        &self,
        referral: &Referral,
        now: DateTime<Utc>,
    ) -> Result<DealRegistration, FieldErrors> {
        let mut errors = FieldErrors::new();
        // Everyone's today lies between these two dates.
        let (first_today, last_today) = (earliest_today(now), latest_today(now));

        let marketplace = answered(
            &mut errors,
            "marketplaceTransaction",
            self.marketplace_transaction,
            "this is a marketplace transaction",
        );
        let marketplace_date = match marketplace {
            Some(true) => date(
                &mut errors,
                "marketplaceTransactionDate",
                &self.marketplace_transaction_date,
            ),
            Some(false) if !is_blank(&self.marketplace_transaction_date) => {
                errors.push(FieldError::new(
                    path("marketplaceTransactionDate"),
                    "This is not a marketplace transaction, so it has no marketplace transaction date: clear the date or answer Yes.",
                ));
                None
            }
            _ => None,
        };
        let deployed_on_azure = answered(
            &mut errors,
            "deployedOnAzure",
            self.deployed_on_azure,
            "the solution is deployed on Azure",
        );
        let perpetual = answered(
            &mut errors,
            "perpetualContract",
            self.perpetual_contract,
            "the contract is perpetual",
        );

        // The values are in the deal's currency, so they compare with the deal value.
        let currency = referral
            .details
            .currency
            .as_deref()
            .and_then(|c| CurrencyCode::parse("details.currency", c).ok());
        let (total, solution) = match currency {
            Some(currency) => {
                let total = errors.collect(Money::parse(
                    &path("totalContractValue"),
                    &self.total_contract_value,
                    currency,
                ));
                let solution = errors.collect(Money::parse(
                    &path("solutionValue"),
                    &self.solution_value,
                    currency,
                ));
                (total, solution)
            }
            None => {
                errors.push(FieldError::new(
                    path("totalContractValue"),
                    "The deal has no currency: edit the referral to set the deal value and currency first.",
                ));
                (None, None)
            }
        };
        if let (Some(total), Some(solution)) = (total, solution)
            && solution.amount > total.amount
        {
            errors.push(FieldError::new(
                path("solutionValue"),
                format!(
                    "Solution value must not exceed the total contract value ({} {}).",
                    total.currency, total.amount
                ),
            ));
        }

        let signed = date(
            &mut errors,
            "contractSignedDate",
            &self.contract_signed_date,
        );
        if let Some(signed) = signed {
            // The earliest date it was anywhere when the referral arrived.
            let created = earliest_today(referral.created_date_time);
            let earliest = days_before(first_today, CONTRACT_SIGNED_AT_MOST_DAYS_AGO);
            let problem = if signed > last_today {
                Some("Contract signed date must not be in the future.".to_owned())
            } else if signed < earliest {
                Some(format!(
                    "Contract signed date must be at most 60 days ago (on or after {earliest})."
                ))
            } else if signed < created {
                Some(format!(
                    "Contract signed date must not be before the referral was created ({created})."
                ))
            } else {
                None
            };
            if let Some(message) = problem {
                errors.push(FieldError::new(path("contractSignedDate"), message));
            }
        }

        let start = date(&mut errors, "contractStartDate", &self.contract_start_date);
        if let Some(start) = start {
            let earliest = days_before(first_today, CONTRACT_START_AT_MOST_DAYS_AGO);
            if start < earliest {
                errors.push(FieldError::new(
                    path("contractStartDate"),
                    format!(
                        "Contract start date must be at most 90 days ago (on or after {earliest})."
                    ),
                ));
            }
        }

        let end_typed = !is_blank(&self.contract_end_date);
        let end = match perpetual {
            Some(true) if end_typed => {
                errors.push(FieldError::new(
                    path("contractEndDate"),
                    "A perpetual contract has no end date: clear the end date or answer No to perpetual.",
                ));
                None
            }
            Some(true) | None => None,
            Some(false) => {
                let end = if end_typed {
                    date(&mut errors, "contractEndDate", &self.contract_end_date)
                } else {
                    errors.push(FieldError::new(
                        path("contractEndDate"),
                        "Contract end date is required unless the contract is perpetual.",
                    ));
                    None
                };
                if let (Some(end), Some(start)) = (end, start)
                    && end < start
                {
                    errors.push(FieldError::new(
                            path("contractEndDate"),
                            format!(
                                "Contract end date must not be before the contract start date ({start})."
                            ),
                        ));
                }
                end
            }
        };

        let tenant_type = choice::<TenantType>(
            &mut errors,
            "tenantType",
            &self.tenant_type,
            "tenant type",
            &TenantType::ALL
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>(),
        );
        let pricing_model = choice::<PricingModel>(
            &mut errors,
            "pricingModel",
            &self.pricing_model,
            "pricing model",
            &PricingModel::ALL
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>(),
        );

        match (
            deployed_on_azure,
            total,
            solution,
            signed,
            start,
            tenant_type,
            pricing_model,
        ) {
            (
                Some(deployed_on_azure),
                Some(total_contract_value),
                Some(solution_value),
                Some(contract_signed_date),
                Some(contract_start_date),
                Some(tenant_type),
                Some(pricing_model),
            ) if errors.is_empty() => Ok(DealRegistration {
                state: RegistrationState::Pending,
                submitted_date_time: now,
                marketplace_transaction_date: marketplace_date,
                deployed_on_azure,
                total_contract_value,
                solution_value,
                contract_signed_date,
                contract_start_date,
                contract_end_date: end,
                tenant_type,
                pricing_model,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::lifecycle::fixtures::{accepted_referral, inbox_referral, now, registration_form};

    fn eur() -> CurrencyCode {
        CurrencyCode::parse("currency", "EUR").unwrap()
    }

    fn with_value(amount: Decimal, currency: &str) -> Referral {
        let mut referral = inbox_referral(Duration::days(3));
        referral.details.deal_value = Some(amount);
        referral.details.currency = Some(currency.to_owned());
        referral
    }

    /// A referral created 100 days ago, so only the day limits decide.
    fn old_referral() -> Referral {
        let mut referral = with_value(Decimal::from(30_000), "USD");
        referral.created_date_time = now() - Duration::days(100);
        referral
    }

    fn days_ago(days: i64) -> String {
        (now().date_naive() - Duration::days(days)).to_string()
    }

    fn error_of(form: &RegistrationForm, referral: &Referral, field: &str) -> Option<String> {
        form.parse(referral, now()).err().and_then(|e| {
            e.for_field(&format!("dealRegistration.{field}"))
                .map(str::to_owned)
        })
    }

    #[test]
    fn a_deal_of_25000_usd_with_a_solution_is_eligible_and_24999_99_is_not() {
        let rates = ExchangeRates::usd_only();
        assert_eq!(
            registration_eligibility(&with_value(Decimal::from(25_000), "USD"), &rates),
            RegistrationEligibility::Eligible
        );
        let below = Decimal::new(2_499_999, 2);
        assert_eq!(
            registration_eligibility(&with_value(below, "USD"), &rates),
            RegistrationEligibility::NotEligible(NotEligible::BelowMinimum { usd: below })
        );
    }

    #[test]
    fn a_deal_without_an_eligible_solution_is_not_eligible_whatever_its_value() {
        let mut referral = with_value(Decimal::from(1_000_000), "USD");
        referral.details.requirements.solutions.clear();
        let eligibility = registration_eligibility(&referral, &ExchangeRates::usd_only());
        assert_eq!(
            eligibility,
            RegistrationEligibility::NotEligible(NotEligible::NoEligibleSolution)
        );
        assert!(!eligibility.allows_registration());
        assert!(
            eligibility
                .message()
                .unwrap()
                .contains("no eligible solution")
        );
    }

    #[test]
    fn a_deal_without_a_value_is_not_eligible() {
        let referral = inbox_referral(Duration::days(1));
        assert_eq!(
            registration_eligibility(&referral, &ExchangeRates::usd_only()),
            RegistrationEligibility::NotEligible(NotEligible::NoDealValue)
        );
    }

    #[test]
    fn other_currencies_are_converted_with_the_callers_rates() {
        // 1 EUR = 1.25 USD: 20,000 EUR is exactly 25,000 USD.
        let rates = ExchangeRates::usd_only().with_rate(eur(), Decimal::new(125, 2));
        assert_eq!(
            registration_eligibility(&with_value(Decimal::from(20_000), "EUR"), &rates),
            RegistrationEligibility::Eligible
        );
        assert!(matches!(
            registration_eligibility(&with_value(Decimal::new(1_999_999, 2), "EUR"), &rates),
            RegistrationEligibility::NotEligible(NotEligible::BelowMinimum { .. })
        ));
    }

    #[test]
    fn without_a_rate_eligibility_is_undetermined_and_registration_optional() {
        let eligibility = registration_eligibility(
            &with_value(Decimal::from(1_000_000), "EUR"),
            &ExchangeRates::usd_only(),
        );
        assert_eq!(
            eligibility,
            RegistrationEligibility::Undetermined {
                currency: "EUR".to_owned()
            }
        );
        assert!(!eligibility.requires_registration());
        assert!(eligibility.allows_registration());
    }

    #[test]
    fn a_complete_registration_is_pending_and_keeps_the_answers() {
        let referral = accepted_referral("30000");
        let registration = registration_form().parse(&referral, now()).unwrap();
        assert_eq!(registration.state, RegistrationState::Pending);
        assert_eq!(registration.submitted_date_time, now());
        assert!(!registration.is_marketplace_transaction());
        assert!(!registration.is_perpetual());
        assert_eq!(
            registration.total_contract_value.amount,
            Decimal::from(30_000)
        );
        assert_eq!(registration.total_contract_value.currency.as_str(), "USD");
        assert_eq!(registration.tenant_type, TenantType::MultiTenant);
        assert_eq!(registration.pricing_model, PricingModel::PerUser);
    }

    #[test]
    fn an_empty_registration_reports_every_missing_answer_at_once() {
        let errors = RegistrationForm::default()
            .parse(&old_referral(), now())
            .unwrap_err();
        for field in [
            "marketplaceTransaction",
            "deployedOnAzure",
            "perpetualContract",
            "totalContractValue",
            "solutionValue",
            "contractSignedDate",
            "contractStartDate",
            "tenantType",
            "pricingModel",
        ] {
            assert!(
                errors
                    .for_field(&format!("dealRegistration.{field}"))
                    .is_some(),
                "no error for {field}: {errors:?}"
            );
        }
        assert_eq!(
            errors.for_field("dealRegistration.deployedOnAzure"),
            Some("Answer whether the solution is deployed on Azure.")
        );
    }

    #[test]
    fn a_marketplace_transaction_needs_its_estimated_date() {
        let mut form = registration_form();
        form.marketplace_transaction = Some(true);
        assert_eq!(
            error_of(&form, &old_referral(), "marketplaceTransactionDate").as_deref(),
            Some("Estimated marketplace transaction date is required.")
        );
        form.marketplace_transaction_date = "2027-01-15".to_owned();
        let registration = form.parse(&old_referral(), now()).unwrap();
        assert_eq!(
            registration.marketplace_transaction_date,
            NaiveDate::from_ymd_opt(2027, 1, 15)
        );
    }

    #[test]
    fn a_marketplace_date_without_a_marketplace_transaction_is_questioned() {
        let mut form = registration_form();
        form.marketplace_transaction_date = "2027-01-15".to_owned();
        assert!(
            error_of(&form, &old_referral(), "marketplaceTransactionDate")
                .unwrap()
                .contains("not a marketplace transaction")
        );
    }

    #[test]
    fn the_solution_value_may_equal_but_not_exceed_the_total() {
        let mut form = registration_form();
        form.solution_value = "30000".to_owned();
        assert!(form.parse(&old_referral(), now()).is_ok());
        form.solution_value = "30000.01".to_owned();
        assert_eq!(
            error_of(&form, &old_referral(), "solutionValue").as_deref(),
            Some("Solution value must not exceed the total contract value (USD 30000).")
        );
    }

    #[test]
    fn contract_values_must_be_numbers_of_zero_or_more() {
        let mut form = registration_form();
        form.total_contract_value = "-1".to_owned();
        form.solution_value = "lots".to_owned();
        let referral = old_referral();
        assert!(
            error_of(&form, &referral, "totalContractValue")
                .unwrap()
                .contains("zero or more")
        );
        assert!(
            error_of(&form, &referral, "solutionValue")
                .unwrap()
                .contains("must be a number")
        );
    }

    #[test]
    fn values_need_the_deals_currency() {
        let mut referral = old_referral();
        referral.details.currency = None;
        assert!(
            error_of(&registration_form(), &referral, "totalContractValue")
                .unwrap()
                .contains("no currency")
        );
    }

    #[test]
    fn the_contract_signed_date_must_not_be_in_the_future_anywhere() {
        // At 12:00 UTC it is already tomorrow in Kiribati (UTC+14), but nowhere the day after.
        let mut form = registration_form();
        form.contract_signed_date = days_ago(-2);
        assert_eq!(
            error_of(&form, &old_referral(), "contractSignedDate").as_deref(),
            Some("Contract signed date must not be in the future.")
        );
        for today_somewhere in [days_ago(-1), days_ago(0)] {
            form.contract_signed_date = today_somewhere;
            assert!(form.parse(&old_referral(), now()).is_ok());
        }
    }

    #[test]
    fn a_contract_signed_today_in_auckland_is_not_in_the_future_at_13_00_utc() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T13:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut form = registration_form();
        // 02:00 on 2 December in Auckland, 03:00 in Kiribati.
        form.contract_signed_date = "2026-12-02".to_owned();
        assert!(form.parse(&old_referral(), at).is_ok());
        form.contract_signed_date = "2026-12-03".to_owned();
        let errors = form.parse(&old_referral(), at).unwrap_err();
        assert_eq!(
            errors.for_field("dealRegistration.contractSignedDate"),
            Some("Contract signed date must not be in the future.")
        );
    }

    #[test]
    fn the_day_limits_count_from_the_earliest_today_on_earth() {
        // 03:00 UTC on 2 December is 19:00 on 1 December in Los Angeles: 60 days before
        // the 1st is 2 October, which a partner there may still enter.
        let at = DateTime::parse_from_rfc3339("2026-12-02T03:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut form = registration_form();
        form.contract_signed_date = "2026-10-02".to_owned();
        form.contract_start_date = "2026-09-02".to_owned();
        assert!(form.parse(&old_referral(), at).is_ok());
        form.contract_signed_date = "2026-10-01".to_owned();
        form.contract_start_date = "2026-09-01".to_owned();
        let errors = form.parse(&old_referral(), at).unwrap_err();
        assert_eq!(
            errors.for_field("dealRegistration.contractSignedDate"),
            Some("Contract signed date must be at most 60 days ago (on or after 2026-10-02).")
        );
        assert_eq!(
            errors.for_field("dealRegistration.contractStartDate"),
            Some("Contract start date must be at most 90 days ago (on or after 2026-09-02).")
        );
    }

    #[test]
    fn a_contract_signed_exactly_60_days_ago_is_accepted_and_61_is_not() {
        let mut form = registration_form();
        form.contract_signed_date = days_ago(60);
        assert!(form.parse(&old_referral(), now()).is_ok());
        form.contract_signed_date = days_ago(61);
        assert_eq!(
            error_of(&form, &old_referral(), "contractSignedDate").as_deref(),
            Some("Contract signed date must be at most 60 days ago (on or after 2026-09-21).")
        );
    }

    #[test]
    fn a_contract_cannot_be_signed_before_the_referral_arrived() {
        let mut referral = old_referral();
        referral.created_date_time = now() - Duration::days(10);
        let mut form = registration_form();
        form.contract_signed_date = days_ago(11);
        assert_eq!(
            error_of(&form, &referral, "contractSignedDate").as_deref(),
            Some("Contract signed date must not be before the referral was created (2026-11-10).")
        );
        form.contract_signed_date = days_ago(10);
        assert!(form.parse(&referral, now()).is_ok());
        // Arrived at 02:00 UTC on 10 November: still 9 November in Los Angeles.
        referral.created_date_time = now() - Duration::days(10) - Duration::hours(10);
        form.contract_signed_date = days_ago(11);
        assert!(form.parse(&referral, now()).is_ok());
        form.contract_signed_date = days_ago(12);
        assert_eq!(
            error_of(&form, &referral, "contractSignedDate").as_deref(),
            Some("Contract signed date must not be before the referral was created (2026-11-09).")
        );
    }

    #[test]
    fn a_contract_started_exactly_90_days_ago_is_accepted_and_91_is_not() {
        let mut form = registration_form();
        form.contract_signed_date = days_ago(30);
        form.contract_start_date = days_ago(90);
        assert!(form.parse(&old_referral(), now()).is_ok());
        form.contract_start_date = days_ago(91);
        assert_eq!(
            error_of(&form, &old_referral(), "contractStartDate").as_deref(),
            Some("Contract start date must be at most 90 days ago (on or after 2026-08-22).")
        );
    }

    #[test]
    fn dates_must_be_calendar_dates() {
        let mut form = registration_form();
        form.contract_start_date = "31/12/2026".to_owned();
        assert_eq!(
            error_of(&form, &old_referral(), "contractStartDate").as_deref(),
            Some("Contract start date must be a date like 2026-12-31.")
        );
    }

    #[test]
    fn every_registration_date_lies_in_the_years_2000_to_2100() {
        let mut form = registration_form();
        form.marketplace_transaction = Some(true);
        form.marketplace_transaction_date = "9999-12-31T23:59:59-23:59".to_owned();
        form.contract_end_date = "9999-12-31".to_owned();
        let referral = old_referral();
        assert_eq!(
            error_of(&form, &referral, "marketplaceTransactionDate").as_deref(),
            Some("Estimated marketplace transaction date must be in the years 2000 to 2100.")
        );
        assert_eq!(
            error_of(&form, &referral, "contractEndDate").as_deref(),
            Some("Contract end date must be in the years 2000 to 2100.")
        );
        form.contract_start_date = "+10000-01-01".to_owned();
        assert!(error_of(&form, &referral, "contractStartDate").is_some());
        form.marketplace_transaction_date = "2027-01-15T09:00:00+01:00".to_owned();
        form.contract_start_date = "2026-12-01".to_owned();
        form.contract_end_date = "2100-12-31".to_owned();
        let registration = form.parse(&referral, now()).unwrap();
        assert_eq!(
            registration.marketplace_transaction_date,
            NaiveDate::from_ymd_opt(2027, 1, 15)
        );
    }

    #[test]
    fn contract_values_are_refused_rather_than_rounded() {
        let mut form = registration_form();
        form.total_contract_value = "30000.001".to_owned();
        form.solution_value = "9".repeat(29);
        let referral = old_referral();
        assert_eq!(
            error_of(&form, &referral, "totalContractValue").as_deref(),
            Some("Total contract value can have at most 2 decimal places for USD.")
        );
        assert!(
            error_of(&form, &referral, "solutionValue")
                .unwrap()
                .starts_with("Solution value is too large")
        );
    }

    #[test]
    fn the_end_date_is_required_unless_the_contract_is_perpetual() {
        let mut form = registration_form();
        form.contract_end_date = String::new();
        assert_eq!(
            error_of(&form, &old_referral(), "contractEndDate").as_deref(),
            Some("Contract end date is required unless the contract is perpetual.")
        );
        form.perpetual_contract = Some(true);
        let registration = form.parse(&old_referral(), now()).unwrap();
        assert!(registration.is_perpetual());
        assert_eq!(registration.contract_end_date, None);
    }

    #[test]
    fn a_perpetual_contract_with_an_end_date_is_questioned() {
        let mut form = registration_form();
        form.perpetual_contract = Some(true);
        assert!(
            error_of(&form, &old_referral(), "contractEndDate")
                .unwrap()
                .starts_with("A perpetual contract has no end date")
        );
    }

    #[test]
    fn the_end_date_may_equal_but_not_precede_the_start_date() {
        let mut form = registration_form();
        form.contract_end_date = form.contract_start_date.clone();
        assert!(form.parse(&old_referral(), now()).is_ok());
        form.contract_end_date = "2026-11-30".to_owned();
        assert_eq!(
            error_of(&form, &old_referral(), "contractEndDate").as_deref(),
            Some("Contract end date must not be before the contract start date (2026-12-01).")
        );
    }

    #[test]
    fn tenant_type_and_pricing_model_come_from_their_lists() {
        let mut form = registration_form();
        form.tenant_type = "Shared".to_owned();
        form.pricing_model = String::new();
        let referral = old_referral();
        assert_eq!(
            error_of(&form, &referral, "tenantType").as_deref(),
            Some("Choose the tenant type: one of SingleTenant, MultiTenant.")
        );
        assert_eq!(
            error_of(&form, &referral, "pricingModel").as_deref(),
            Some("Choose the pricing model.")
        );
    }

    #[test]
    fn registration_states_have_labels_and_spellings() {
        assert_eq!(RegistrationState::default(), RegistrationState::Pending);
        assert_eq!(RegistrationState::ActionRequired.label(), "Action required");
        assert_eq!(
            "ActionRequired".parse::<RegistrationState>(),
            Ok(RegistrationState::ActionRequired)
        );
        assert_eq!(RegistrationState::ALL.len(), 4);
    }

    #[test]
    fn a_registration_round_trips_through_json() {
        let registration = registration_form()
            .parse(&accepted_referral("30000"), now())
            .unwrap();
        let json = serde_json::to_value(&registration).unwrap();
        assert_eq!(json["contractSignedDate"], "2026-11-19");
        assert_eq!(json["state"], "Pending");
        let back: DealRegistration = serde_json::from_value(json).unwrap();
        assert_eq!(back, registration);
    }
}

#[cfg(test)]
mod exchange_rate_tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::ExchangeRates;
    use crate::values::{CurrencyCode, Money};

    fn eur(amount: i64) -> Money {
        Money {
            amount: Decimal::from(amount),
            currency: CurrencyCode::parse("currency", "EUR").unwrap(),
        }
    }

    #[test]
    fn reads_the_operators_table() {
        let rates = ExchangeRates::from_str(" EUR=1.10; gbp = 1.27\nJPY=0.0067, ").unwrap();
        assert_eq!(rates.in_usd(eur(1000)), Some(Decimal::from(1100)));
        assert_eq!(
            ExchangeRates::from_str("").unwrap(),
            ExchangeRates::usd_only()
        );
    }

    #[test]
    fn says_which_entry_is_wrong() {
        let error = ExchangeRates::from_str("EUR=1.1,XXQ=2").unwrap_err();
        assert!(error.contains("XXQ=2"), "{error}");
        let error = ExchangeRates::from_str("EUR=abc").unwrap_err();
        assert!(
            error.contains("\"abc\" is not a positive number"),
            "{error}"
        );
        assert!(ExchangeRates::from_str("EUR=-1").is_err());
        assert!(
            ExchangeRates::from_str("EUR 1.1")
                .unwrap_err()
                .contains("EUR=1.08")
        );
    }
}
