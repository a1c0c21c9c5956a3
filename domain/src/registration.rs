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
//! - **Dates** are calendar dates (`YYYY-MM-DD`) compared with `now`'s UTC date:
//!   "at most 60 days ago" accepts exactly 60 days ago and rejects 61.
//! - **Tenant type and pricing model**: the source names the questions, not the
//!   choices; [`TenantType`] and [`PricingModel`] list the choices we offer.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::referral::Referral;
use crate::validation::{FieldError, FieldErrors};
use crate::values::{CurrencyCode, Money};

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

/// A required calendar date typed as `YYYY-MM-DD`.
fn date(errors: &mut FieldErrors, field: &str, text: &str, what: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let result = if text.is_empty() {
        Err(FieldError::new(path(field), format!("{what} is required.")))
    } else {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            FieldError::new(
                path(field),
                format!("{what} must be a date like 2026-11-20."),
            )
        })
    };
    errors.collect(result)
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
        let today = now.date_naive();

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
                "Estimated marketplace transaction date",
            ),
            Some(false) if !self.marketplace_transaction_date.trim().is_empty() => {
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
        if let (Some(total), Some(solution)) = (total, solution) {
            if solution.amount > total.amount {
                errors.push(FieldError::new(
                    path("solutionValue"),
                    format!(
                        "Solution value must not exceed the total contract value ({} {}).",
                        total.currency, total.amount
                    ),
                ));
            }
        }

        let signed = date(
            &mut errors,
            "contractSignedDate",
            &self.contract_signed_date,
            "Contract signed date",
        );
        if let Some(signed) = signed {
            let created = referral.created_date_time.date_naive();
            let earliest = days_before(today, CONTRACT_SIGNED_AT_MOST_DAYS_AGO);
            let problem = if signed > today {
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

        let start = date(
            &mut errors,
            "contractStartDate",
            &self.contract_start_date,
            "Contract start date",
        );
        if let Some(start) = start {
            let earliest = days_before(today, CONTRACT_START_AT_MOST_DAYS_AGO);
            if start < earliest {
                errors.push(FieldError::new(
                    path("contractStartDate"),
                    format!(
                        "Contract start date must be at most 90 days ago (on or after {earliest})."
                    ),
                ));
            }
        }

        let end_typed = !self.contract_end_date.trim().is_empty();
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
                    date(
                        &mut errors,
                        "contractEndDate",
                        &self.contract_end_date,
                        "Contract end date",
                    )
                } else {
                    errors.push(FieldError::new(
                        path("contractEndDate"),
                        "Contract end date is required unless the contract is perpetual.",
                    ));
                    None
                };
                if let (Some(end), Some(start)) = (end, start) {
                    if end < start {
                        errors.push(FieldError::new(
                            path("contractEndDate"),
                            format!(
                                "Contract end date must not be before the contract start date ({start})."
                            ),
                        ));
                    }
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
