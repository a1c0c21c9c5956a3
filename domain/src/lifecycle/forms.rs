//! The forms of Accept, Edit, "Add your employees" and Won as typed, and the
//! validated commands they parse into (Decline and Lost take a [`ReasonForm`]).
//!
//! [`ReasonForm`]: super::ReasonForm

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::deal::{ContactForm, CustomerContact, Deal, DealForm, PastClosingDate, TeamMember};
use crate::referral::Referral;
use crate::registration::{
    DealRegistration, ExchangeRates, RegistrationForm, registration_eligibility,
};
use crate::validation::{FieldError, FieldErrors};

/// What Accept asks for, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct AcceptForm {
    #[serde(flatten)]
    pub deal: DealForm,
    /// Additional contacts at the customer (optional).
    pub customer_contacts: Vec<ContactForm>,
}

/// A validated Accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accept {
    pub deal: Deal,
    pub customer_contacts: Vec<CustomerContact>,
}

impl AcceptForm {
    /// The form pre-filled with what the referral already says (its name, any deal value).
    pub fn prefilled(referral: &Referral) -> AcceptForm {
        AcceptForm {
            deal: DealForm::from_referral(referral),
            customer_contacts: Vec::new(),
        }
    }

    pub fn parse(&self, now: DateTime<Utc>) -> Result<Accept, FieldErrors> {
        let mut errors = FieldErrors::new();
        let deal = self
            .deal
            .parse_into(&mut errors, now, PastClosingDate::Refused);
        let contacts: Vec<Option<CustomerContact>> = self
            .customer_contacts
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_blank())
            .map(|(i, c)| {
                c.parse_customer_contact(&format!("customerProfile.team[{i}]"), &mut errors)
            })
            .collect();
        match (deal, contacts.into_iter().collect::<Option<Vec<_>>>()) {
            (Some(deal), Some(customer_contacts)) if errors.is_empty() => Ok(Accept {
                deal,
                customer_contacts,
            }),
            _ => Err(errors),
        }
    }
}

/// What Edit changes, as typed: the deal fields of Accept, without additional contacts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct EditForm {
    #[serde(flatten)]
    pub deal: DealForm,
}

/// A validated Edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub deal: Deal,
}

impl EditForm {
    pub fn prefilled(referral: &Referral) -> EditForm {
        EditForm {
            deal: DealForm::from_referral(referral),
        }
    }

    /// Validates the edit of `referral` at `now`. The closing date may stay as it is even
    /// when it has passed; one the edit changes must be today or later.
    pub fn parse_for(&self, referral: &Referral, now: DateTime<Utc>) -> Result<Edit, FieldErrors> {
        self.deal
            .parse_with(now, PastClosingDate::kept_by(referral))
            .map(|deal| Edit { deal })
    }
}

/// "Add your employees": one more person working on the deal, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct NewTeamMember {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
}

impl NewTeamMember {
    /// Field paths are the member's own (`firstName`, `email`, …).
    pub fn parse(&self) -> Result<TeamMember, FieldErrors> {
        let form = ContactForm {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone_number: self.phone_number.clone(),
        };
        let mut errors = FieldErrors::new();
        match form.parse_team_member("", &mut errors) {
            Some(member) if errors.is_empty() => Ok(member),
            _ => Err(errors),
        }
    }
}

/// What Won asks for, as typed: the deal registration when the deal is eligible.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct WonForm {
    pub deal_registration: Option<RegistrationForm>,
}

/// A validated Won: a registration exactly when one was required or offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Won {
    pub deal_registration: Option<DealRegistration>,
}

impl WonForm {
    /// Requires and validates the registration for eligible deals; refuses one for
    /// deals that cannot be registered; takes an optional one when the USD value is
    /// unknown (no exchange rate).
    pub fn parse(
        &self,
        referral: &Referral,
        rates: &ExchangeRates,
        now: DateTime<Utc>,
    ) -> Result<Won, FieldErrors> {
        let eligibility = registration_eligibility(referral, rates);
        match &self.deal_registration {
            None if eligibility.requires_registration() => {
                Err(
                    FieldError::coded("dealRegistration", "error-registration-required", &[])
                        .into(),
                )
            }
            None => Ok(Won {
                deal_registration: None,
            }),
            Some(_) if !eligibility.allows_registration() => Err(FieldError::new(
                "dealRegistration",
                eligibility
                    .message()
                    .unwrap_or_else(|| "This deal cannot be registered.".to_owned()),
            )
            .into()),
            Some(form) => form.parse(referral, now).map(|registration| Won {
                deal_registration: Some(registration),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::lifecycle::fixtures::{
        accepted_referral, deal_form, errors_of, now, registration_form,
    };

    #[test]
    fn an_empty_accept_form_names_every_required_field_at_once() {
        let errors = errors_of(AcceptForm::default().parse(now()));
        assert_eq!(errors.for_field("name"), Some("Deal name is required."));
        assert_eq!(
            errors.for_field("details.dealValue"),
            Some("Estimated deal value is required.")
        );
        assert_eq!(
            errors.for_field("details.currency"),
            Some("Currency is required.")
        );
        assert_eq!(
            errors.for_field("details.closingDateTime"),
            Some("Estimated closing date is required.")
        );
        assert_eq!(
            errors.for_field("team"),
            Some("Add at least one team member who works on this deal.")
        );
        assert_eq!(
            errors.for_field("details.notes"),
            None,
            "notes are optional"
        );
    }

    #[test]
    fn a_complete_accept_form_becomes_a_command() {
        let mut form = AcceptForm {
            deal: deal_form("25,000.50", "eur"),
            customer_contacts: vec![ContactForm {
                first_name: "Anna".to_owned(),
                last_name: "Schmidt".to_owned(),
                email: String::new(),
                phone_number: "+49 30 123456".to_owned(),
            }],
        };
        form.deal.external_reference_id = "  CRM-42 ".to_owned();
        form.deal.campaign_id = "SPRING".to_owned();
        let accept = form.parse(now()).unwrap();
        assert_eq!(accept.deal.deal_value.amount, Decimal::new(2_500_050, 2));
        assert_eq!(accept.deal.deal_value.currency.as_str(), "EUR");
        assert_eq!(
            accept.deal.closing_date.date(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
        assert_eq!(accept.deal.team.members().len(), 1);
        assert_eq!(accept.deal.external_reference_id.as_deref(), Some("CRM-42"));
        assert_eq!(accept.deal.campaign_id.as_deref(), Some("SPRING"));
        assert_eq!(
            accept.customer_contacts[0]
                .phone_number
                .as_ref()
                .unwrap()
                .as_str(),
            "+4930123456"
        );
    }

    #[test]
    fn the_deal_value_must_be_zero_or_more() {
        let form = AcceptForm {
            deal: deal_form("-5", "USD"),
            ..AcceptForm::default()
        };
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.dealValue"),
            Some("Estimated deal value must be zero or more.")
        );
        let free = AcceptForm {
            deal: deal_form("0", "USD"),
            ..AcceptForm::default()
        };
        assert!(free.parse(now()).is_ok());
    }

    #[test]
    fn the_amount_is_checked_even_when_the_currency_is_wrong() {
        let form = AcceptForm {
            deal: deal_form("abc", "EURO"),
            ..AcceptForm::default()
        };
        let errors = errors_of(form.parse(now()));
        assert!(errors.for_field("details.currency").is_some());
        assert!(errors.for_field("details.dealValue").is_some());
    }

    #[test]
    fn additional_customer_contacts_must_be_reachable() {
        let form = AcceptForm {
            deal: deal_form("100", "USD"),
            customer_contacts: vec![ContactForm {
                first_name: "Anna".to_owned(),
                last_name: "Schmidt".to_owned(),
                ..ContactForm::default()
            }],
        };
        assert_eq!(
            errors_of(form.parse(now())).for_field("customerProfile.team[0].email"),
            Some("Give an email address or a phone number so the contact can be reached.")
        );
    }

    #[test]
    fn a_new_team_member_reports_its_own_field_names() {
        let errors = errors_of(NewTeamMember::default().parse());
        assert_eq!(
            errors.for_field("firstName"),
            Some("First name is required.")
        );
        assert_eq!(errors.for_field("lastName"), Some("Last name is required."));
        assert_eq!(
            errors.for_field("email"),
            Some("Email is required for a team member.")
        );
        let member = NewTeamMember {
            first_name: "Lea".to_owned(),
            last_name: "Braun".to_owned(),
            email: "lea@fabrikam.example".to_owned(),
            phone_number: "+49 170 1234567".to_owned(),
        }
        .parse()
        .unwrap();
        assert_eq!(member.phone_number.unwrap().as_str(), "+491701234567");
    }

    #[test]
    fn forms_deserialise_from_flat_camel_case_json() {
        let form: AcceptForm = serde_json::from_value(serde_json::json!({
            "name": "Deal", "dealValue": "10", "currency": "USD", "closingDate": "2026-12-01",
            "team": [{"firstName": "A", "lastName": "B", "email": "a@b.example"}],
            "customerContacts": []
        }))
        .unwrap();
        assert!(form.parse(now()).is_ok());
    }

    #[test]
    fn won_validates_the_registration_it_requires() {
        let referral = accepted_referral("25000");
        let mut registration = registration_form();
        registration.contract_end_date = String::new();
        let form = WonForm {
            deal_registration: Some(registration),
        };
        let errors = errors_of(form.parse(&referral, &ExchangeRates::usd_only(), now()));
        assert!(
            errors
                .for_field("dealRegistration.contractEndDate")
                .is_some()
        );
    }

    #[test]
    fn won_refuses_a_registration_for_a_deal_that_cannot_be_registered() {
        let referral = accepted_referral("100");
        let form = WonForm {
            deal_registration: Some(registration_form()),
        };
        let errors = errors_of(form.parse(&referral, &ExchangeRates::usd_only(), now()));
        assert!(
            errors
                .for_field("dealRegistration")
                .unwrap()
                .starts_with("Only deals worth USD 25,000 or more can be registered")
        );
    }
}
