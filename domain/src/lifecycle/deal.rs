//! The deal fields that Accept and Edit both ask for, as typed and as validated, with
//! the people typed into them: the partner's team members and the customer's contacts.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::referral::{Contact, Referral};
use crate::validation::{FieldError, FieldErrors};
use crate::values::{
    CalendarDate, CurrencyCode, Email, Money, NAME_MAX_CHARS, Name, Notes, PhoneNumber, TextKind,
    earliest_today, is_blank, parse_text,
};

/// A person as typed: a team member or an additional customer contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct ContactForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
}

impl ContactForm {
    /// The form showing `contact` as it is stored.
    pub fn from_contact(contact: &Contact) -> ContactForm {
        ContactForm {
            first_name: contact.first_name.clone(),
            last_name: contact.last_name.clone(),
            email: contact.email.clone().unwrap_or_default(),
            phone_number: contact.phone_number.clone().unwrap_or_default(),
        }
    }

    pub(super) fn is_blank(&self) -> bool {
        [
            &self.first_name,
            &self.last_name,
            &self.email,
            &self.phone_number,
        ]
        .iter()
        .all(|t| is_blank(t))
    }

    /// `prefix` is the member's API path, e.g. `team[0]`.
    pub(super) fn parse_team_member(
        &self,
        prefix: &str,
        errors: &mut FieldErrors,
    ) -> Option<TeamMember> {
        let at = |f: &str| join(prefix, f);
        let first_name = errors.collect(Name::parse(&at("firstName"), &self.first_name));
        let last_name = errors.collect(Name::parse(&at("lastName"), &self.last_name));
        let email = if is_blank(&self.email) {
            errors.push(FieldError::coded(
                at("email"),
                "error-team-member-email",
                &[],
            ));
            None
        } else {
            errors.collect(Email::parse(&at("email"), &self.email))
        };
        let phone_number = optional_phone(&at("phoneNumber"), &self.phone_number, errors)?;
        Some(TeamMember {
            first_name: first_name?,
            last_name: last_name?,
            email: email?,
            phone_number,
        })
    }

    pub(super) fn parse_customer_contact(
        &self,
        prefix: &str,
        errors: &mut FieldErrors,
    ) -> Option<CustomerContact> {
        let at = |f: &str| join(prefix, f);
        let first_name = errors.collect(Name::parse(&at("firstName"), &self.first_name));
        let last_name = errors.collect(Name::parse(&at("lastName"), &self.last_name));
        let email = if is_blank(&self.email) {
            Some(None)
        } else {
            errors
                .collect(Email::parse(&at("email"), &self.email))
                .map(Some)
        };
        let phone_number = optional_phone(&at("phoneNumber"), &self.phone_number, errors);
        if is_blank(&self.email) && is_blank(&self.phone_number) {
            errors.push(FieldError::coded(
                at("email"),
                "error-contact-reachable",
                &[],
            ));
            return None;
        }
        Some(CustomerContact {
            first_name: first_name?,
            last_name: last_name?,
            email: email?,
            phone_number: phone_number?,
        })
    }
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

/// `Some(None)` for a blank phone number, `None` when it is invalid (the error is recorded).
fn optional_phone(
    field: &str,
    text: &str,
    errors: &mut FieldErrors,
) -> Option<Option<PhoneNumber>> {
    if is_blank(text) {
        Some(None)
    } else {
        errors.collect(PhoneNumber::parse(field, text)).map(Some)
    }
}

/// An optional identifier (CRM ID, campaign ID): up to 200 characters without invisible
/// ones (see [`TextKind::Identifier`]), trimmed; blank is none.
fn optional_id(field: &str, text: &str, errors: &mut FieldErrors) -> Option<Option<String>> {
    errors.collect(parse_text(
        field,
        text,
        TextKind::Identifier,
        NAME_MAX_CHARS,
    ))
}

/// A member of the partner's own team on the deal; an email is required to reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMember {
    pub first_name: Name,
    pub last_name: Name,
    pub email: Email,
    pub phone_number: Option<PhoneNumber>,
}

impl TeamMember {
    pub(super) fn into_contact(self) -> Contact {
        Contact {
            first_name: self.first_name.as_str().to_owned(),
            last_name: self.last_name.as_str().to_owned(),
            email: Some(self.email.as_str().to_owned()),
            phone_number: self.phone_number.map(|p| p.as_str().to_owned()),
            ..Contact::default()
        }
    }
}

/// An additional contact at the customer: reachable by email, phone, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerContact {
    pub first_name: Name,
    pub last_name: Name,
    pub email: Option<Email>,
    pub phone_number: Option<PhoneNumber>,
}

impl CustomerContact {
    pub(super) fn into_contact(self) -> Contact {
        Contact {
            first_name: self.first_name.as_str().to_owned(),
            last_name: self.last_name.as_str().to_owned(),
            email: self.email.map(|e| e.as_str().to_owned()),
            phone_number: self.phone_number.map(|p| p.as_str().to_owned()),
            ..Contact::default()
        }
    }
}

/// The partner's team on a deal: never empty (only [`DealForm::parse`] builds one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team(pub(super) Vec<TeamMember>);

impl Team {
    pub fn members(&self) -> &[TeamMember] {
        &self.0
    }
}

/// The deal fields that Accept and Edit both ask for, as typed. Problems are reported
/// under the referral's API paths (`details.dealValue`, `details.closingDateTime`, `team[0].email`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct DealForm {
    /// Deal name.
    pub name: String,
    /// Estimated deal value, e.g. `25,000.50`.
    pub deal_value: String,
    /// ISO 4217, e.g. `EUR`.
    pub currency: String,
    /// Estimated closing date (purchase time frame), `YYYY-MM-DD` (API clients may send an
    /// RFC 3339 timestamp), in the years 2000 to 2100.
    pub closing_date: String,
    pub team: Vec<ContactForm>,
    pub notes: String,
    /// The partner's CRM ID.
    pub external_reference_id: String,
    /// Marketing campaign ID.
    pub campaign_id: String,
}

/// The validated deal fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deal {
    pub name: Name,
    pub deal_value: Money,
    pub closing_date: CalendarDate,
    pub team: Team,
    pub notes: Option<Notes>,
    pub external_reference_id: Option<String>,
    pub campaign_id: Option<String>,
}

impl DealForm {
    /// The form showing the referral's current deal, for Accept (if partly filled) and Edit.
    pub fn from_referral(referral: &Referral) -> DealForm {
        DealForm {
            name: referral.name.clone(),
            deal_value: referral
                .details
                .deal_value
                .map(|v| v.to_string())
                .unwrap_or_default(),
            currency: referral.details.currency.clone().unwrap_or_default(),
            closing_date: referral
                .details
                .closing_date_time
                .map(|d| d.date_naive().to_string())
                .unwrap_or_default(),
            team: referral
                .team
                .iter()
                .map(ContactForm::from_contact)
                .collect(),
            notes: referral.details.notes.clone().unwrap_or_default(),
            external_reference_id: referral.external_reference_id.clone().unwrap_or_default(),
            campaign_id: referral.campaign_id.clone().unwrap_or_default(),
        }
    }

    /// The user's form moved onto a newer version of the referral: fields the user
    /// left as they were (`yours` equals `baseline`, the form as it started) take the
    /// newer version's value (`current`); fields the user changed keep theirs. So
    /// re-applying after a colleague's change never undoes it where the user did not
    /// touch the field.
    pub fn rebased(&self, baseline: &DealForm, current: &DealForm) -> DealForm {
        fn pick<T: PartialEq + Clone>(yours: &T, baseline: &T, current: &T) -> T {
            if yours == baseline {
                current.clone()
            } else {
                yours.clone()
            }
        }
        DealForm {
            name: pick(&self.name, &baseline.name, &current.name),
            deal_value: pick(&self.deal_value, &baseline.deal_value, &current.deal_value),
            currency: pick(&self.currency, &baseline.currency, &current.currency),
            closing_date: pick(
                &self.closing_date,
                &baseline.closing_date,
                &current.closing_date,
            ),
            team: pick(&self.team, &baseline.team, &current.team),
            notes: pick(&self.notes, &baseline.notes, &current.notes),
            external_reference_id: pick(
                &self.external_reference_id,
                &baseline.external_reference_id,
                &current.external_reference_id,
            ),
            campaign_id: pick(
                &self.campaign_id,
                &baseline.campaign_id,
                &current.campaign_id,
            ),
        }
    }

    /// Notes are optional but strongly encouraged: the UI nudges when they are blank.
    pub fn lacks_notes(&self) -> bool {
        is_blank(&self.notes)
    }

    /// Validates every field at `now` (the closing date must not be in the past).
    pub fn parse(&self, now: DateTime<Utc>) -> Result<Deal, FieldErrors> {
        self.parse_with(now, PastClosingDate::Refused)
    }

    /// Validates every field at `now`, letting a closing date in the past through as `past` says.
    pub(super) fn parse_with(
        &self,
        now: DateTime<Utc>,
        past: PastClosingDate,
    ) -> Result<Deal, FieldErrors> {
        let mut errors = FieldErrors::new();
        let deal = self.parse_into(&mut errors, now, past);
        match deal {
            Some(deal) if errors.is_empty() => Ok(deal),
            _ => Err(errors),
        }
    }

    pub(super) fn parse_into(
        &self,
        errors: &mut FieldErrors,
        now: DateTime<Utc>,
        past: PastClosingDate,
    ) -> Option<Deal> {
        let name = errors.collect(Name::parse("name", &self.name));
        let currency = if self.currency.trim().is_empty() {
            errors.push(FieldError::coded(
                "details.currency",
                "error-currency-required",
                &[],
            ));
            None
        } else {
            errors.collect(CurrencyCode::parse("details.currency", &self.currency))
        };
        // Without a valid currency the amount is still checked, so every problem shows at once.
        let fallback = CurrencyCode::parse("details.currency", "USD").ok()?;
        let deal_value = errors.collect(Money::parse(
            "details.dealValue",
            &self.deal_value,
            currency.unwrap_or(fallback),
        ));
        let closing_date = errors.collect(parse_closing_date(&self.closing_date, now, past));
        let team = self.parse_team(errors);
        let notes = errors.collect(Notes::parse("details.notes", &self.notes));
        let external_reference_id =
            optional_id("externalReferenceId", &self.external_reference_id, errors);
        let campaign_id = optional_id("campaignId", &self.campaign_id, errors);
        currency?;
        Some(Deal {
            name: name?,
            deal_value: deal_value?,
            closing_date: closing_date?,
            team: team?,
            notes: notes?,
            external_reference_id: external_reference_id?,
            campaign_id: campaign_id?,
        })
    }

    fn parse_team(&self, errors: &mut FieldErrors) -> Option<Team> {
        let typed: Vec<(usize, &ContactForm)> = self
            .team
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.is_blank())
            .collect();
        if typed.is_empty() {
            errors.push(FieldError::coded("team", "error-team-required", &[]));
            return None;
        }
        let members: Vec<Option<TeamMember>> = typed
            .iter()
            .map(|(i, m)| m.parse_team_member(&format!("team[{i}]"), errors))
            .collect();
        members.into_iter().collect::<Option<Vec<_>>>().map(Team)
    }
}

/// Which closing dates before today a deal form lets through. "Today" is the earliest
/// date anywhere on Earth ([`earliest_today`]), so no partner's own today is past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PastClosingDate {
    /// None: Accept sets the estimate, so it must be today or later.
    Refused,
    /// Only the date the referral already has: an Edit that leaves an estimate which has
    /// passed (accepted a month ago, closing last week) is no new promise, so changing the
    /// notes or the team must not force a new date.
    Kept(Option<NaiveDate>),
}

impl PastClosingDate {
    /// The closing date `referral` has now, which an Edit may keep.
    pub(super) fn kept_by(referral: &Referral) -> PastClosingDate {
        PastClosingDate::Kept(referral.details.closing_date_time.map(|d| d.date_naive()))
    }

    /// Refuses `date` when it is past and this rule does not let it through.
    pub(super) fn check(self, date: CalendarDate, now: DateTime<Utc>) -> Result<(), FieldError> {
        let today = earliest_today(now);
        let let_through = match self {
            PastClosingDate::Refused => false,
            PastClosingDate::Kept(kept) => kept == Some(date.date()),
        };
        if date.date() < today && !let_through {
            return Err(FieldError::coded(
                CLOSING_DATE,
                "error-closing-date-past",
                &[("today", &today.to_string())],
            ));
        }
        Ok(())
    }
}

const CLOSING_DATE: &str = "details.closingDateTime";

/// The closing date as a [`CalendarDate`] (in the years 2000 to 2100), today or later
/// unless `past` lets it through.
fn parse_closing_date(
    text: &str,
    now: DateTime<Utc>,
    past: PastClosingDate,
) -> Result<CalendarDate, FieldError> {
    let date = CalendarDate::parse(CLOSING_DATE, text)?;
    past.check(date, now)?;
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::fixtures::{deal_form, errors_of, member_form, now};

    #[test]
    fn the_closing_date_may_be_today_but_not_in_the_past() {
        let mut form = deal_form("100", "USD");
        form.closing_date = "2026-11-20".to_owned();
        assert!(form.parse(now()).is_ok());
        form.closing_date = "2026-11-19".to_owned();
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.closingDateTime"),
            Some("Estimated closing date must be today or later (not before 2026-11-20).")
        );
    }

    #[test]
    fn the_closing_date_may_be_today_anywhere_on_earth() {
        // 03:00 UTC on 2 December is still 1 December (19:00) in Los Angeles.
        let at = DateTime::parse_from_rfc3339("2026-12-02T03:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut form = deal_form("100", "USD");
        form.closing_date = "2026-12-01".to_owned();
        assert!(form.parse(at).is_ok());
        form.closing_date = "2026-11-30".to_owned();
        assert_eq!(
            errors_of(form.parse(at)).for_field("details.closingDateTime"),
            Some("Estimated closing date must be today or later (not before 2026-12-01).")
        );
    }

    #[test]
    fn the_closing_date_must_be_a_date() {
        let mut form = deal_form("100", "USD");
        form.closing_date = "next spring".to_owned();
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.closingDateTime"),
            Some("Estimated closing date must be a date like 2026-12-31.")
        );
        form.closing_date = "2027-03-01T00:00:00Z".to_owned();
        assert!(
            form.parse(now()).is_ok(),
            "API clients may send a timestamp"
        );
    }

    #[test]
    fn team_members_need_names_and_an_email_and_are_reported_by_position() {
        let mut form = deal_form("100", "USD");
        form.team = vec![
            member_form(),
            ContactForm::default(), // a blank row the user added but did not fill
            ContactForm {
                first_name: "Lea".to_owned(),
                last_name: String::new(),
                email: String::new(),
                phone_number: "0301234".to_owned(),
            },
        ];
        let errors = errors_of(form.parse(now()));
        assert_eq!(
            errors.for_field("team[2].lastName"),
            Some("Last name is required.")
        );
        assert_eq!(
            errors.for_field("team[2].email"),
            Some("Email is required for a team member.")
        );
        assert!(errors.for_field("team[2].phoneNumber").is_some());
        assert_eq!(
            errors.for_field("team[1].firstName"),
            None,
            "blank rows are ignored"
        );
    }

    #[test]
    fn a_team_of_only_blank_rows_is_no_team() {
        let mut form = deal_form("100", "USD");
        form.team = vec![ContactForm::default()];
        assert!(errors_of(form.parse(now())).for_field("team").is_some());
    }

    #[test]
    fn crm_and_campaign_ids_are_limited_in_length() {
        let mut form = deal_form("100", "USD");
        form.external_reference_id = "x".repeat(201);
        form.campaign_id = "y".repeat(201);
        let errors = errors_of(form.parse(now()));
        assert_eq!(
            errors.for_field("externalReferenceId"),
            Some("CRM ID must be at most 200 characters (it has 201).")
        );
        assert!(errors.for_field("campaignId").is_some());
    }

    #[test]
    fn a_closing_date_in_year_10000_is_refused_and_an_offset_is_stored_as_utc() {
        let mut form = deal_form("100", "USD");
        form.closing_date = "9999-12-31T23:59:59-23:59".to_owned();
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.closingDateTime"),
            Some("Estimated closing date must be in the years 2000 to 2100.")
        );
        form.closing_date = "2027-03-01T10:00:00+05:00".to_owned();
        assert_eq!(
            form.parse(now())
                .unwrap()
                .closing_date
                .start_utc()
                .to_rfc3339(),
            "2027-03-01T00:00:00+00:00"
        );
    }

    #[test]
    fn the_deal_value_is_refused_rather_than_rounded_or_called_not_a_number() {
        let mut form = deal_form("0.00000000000000000000000000001", "EUR");
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.dealValue"),
            Some("Estimated deal value can have at most 2 decimal places for EUR.")
        );
        form.deal_value = "9".repeat(29);
        assert_eq!(
            errors_of(form.parse(now())).for_field("details.dealValue"),
            Some(
                "Estimated deal value is too large: it can be at most 999,999,999,999,999.99 EUR."
            )
        );
    }

    #[test]
    fn every_text_field_of_the_deal_refuses_nul_and_bidi_overrides() {
        let mut form = deal_form("100", "USD");
        form.name = "Contoso\0".to_owned();
        form.notes = "\u{202E}evil".to_owned();
        form.external_reference_id = "CRM-\u{0}1".to_owned();
        form.campaign_id = "CAMP\u{2066}".to_owned();
        form.team[0].first_name = "Jo\u{202B}nas".to_owned();
        form.team[0].phone_number = "+49 30 901820\u{1B}".to_owned();
        let errors = errors_of(form.parse(now()));
        for (field, expected) in [
            (
                "name",
                "Deal name must not contain an invisible control character: remove the U+0000.",
            ),
            (
                "details.notes",
                "Notes must not contain a hidden text-direction control, which can make text display as something else: remove the U+202E.",
            ),
            (
                "externalReferenceId",
                "CRM ID must not contain an invisible control character: remove the U+0000.",
            ),
            (
                "campaignId",
                "Marketing campaign ID must not contain a hidden text-direction control, which can make text display as something else: remove the U+2066.",
            ),
            (
                "team[0].firstName",
                "First name must not contain a hidden text-direction control, which can make text display as something else: remove the U+202B.",
            ),
            (
                "team[0].phoneNumber",
                "Phone number must not contain an invisible control character: remove the U+001B.",
            ),
        ] {
            assert_eq!(errors.for_field(field), Some(expected), "{field}");
        }
    }

    #[test]
    fn zero_width_text_counts_as_blank_everywhere_in_the_deal() {
        let mut form = deal_form("100", "USD");
        form.name = "\u{200B}\u{200C}\u{200D}".to_owned();
        form.team.push(ContactForm {
            first_name: "\u{FEFF}".to_owned(),
            last_name: "\u{2060}".to_owned(),
            email: " \u{200B}".to_owned(),
            phone_number: String::new(),
        });
        form.notes = "\u{200B}".to_owned();
        assert!(form.lacks_notes());
        let errors = errors_of(form.parse(now()));
        assert_eq!(errors.for_field("name"), Some("Deal name is required."));
        assert_eq!(
            errors.for_field("team[1].firstName"),
            None,
            "a row of zero-width characters is a blank row"
        );
        form.name = "Contoso ERP".to_owned();
        let deal = form.parse(now()).unwrap();
        assert_eq!(deal.notes, None);
        assert_eq!(deal.team.members().len(), 1);
    }

    #[test]
    fn ids_keep_inner_spaces_but_not_invisible_characters() {
        let mut form = deal_form("100", "USD");
        form.external_reference_id = "\u{200B} CRM 1001 \u{FEFF}".to_owned();
        form.campaign_id = "SPRING\u{200E}26".to_owned();
        let errors = errors_of(form.parse(now()));
        assert_eq!(
            errors.for_field("campaignId"),
            Some("Marketing campaign ID must not contain invisible characters: remove the U+200E.")
        );
        form.campaign_id = "SPRING26".to_owned();
        assert_eq!(
            form.parse(now()).unwrap().external_reference_id.as_deref(),
            Some("CRM 1001")
        );
    }

    #[test]
    fn blank_notes_are_allowed_but_nudged() {
        let mut form = deal_form("100", "USD");
        form.notes = " ".to_owned();
        assert!(form.lacks_notes());
        assert_eq!(form.parse(now()).unwrap().notes, None);
    }

    // --- Rebasing onto a newer version ------------------------------------------

    fn form(name: &str, value: &str, notes: &str) -> DealForm {
        DealForm {
            name: name.to_owned(),
            deal_value: value.to_owned(),
            notes: notes.to_owned(),
            ..DealForm::default()
        }
    }

    #[test]
    fn untouched_fields_take_the_newer_version_and_changed_ones_stay_the_users() {
        let baseline = form("Fleet", "1000", "");
        let yours = form("Fleet phase 2", "1000", "");
        let current = form("Fleet", "1000", "Colleague: demo first");
        let rebased = yours.rebased(&baseline, &current);
        assert_eq!(rebased.name, "Fleet phase 2", "the user's change stays");
        assert_eq!(
            rebased.notes, "Colleague: demo first",
            "the colleague's change is kept"
        );
        assert_eq!(rebased.deal_value, "1000");
    }

    #[test]
    fn when_both_changed_a_field_the_users_value_wins() {
        let baseline = form("Fleet", "1000", "");
        let yours = form("Fleet", "2000", "");
        let current = form("Fleet", "3000", "");
        assert_eq!(yours.rebased(&baseline, &current).deal_value, "2000");
    }
}
