//! Lead quality (DOMAIN.md §2, `leadQuality`): `High`, `Medium`, or `Low` for a probable spam
//! lead. The source usually rates a lead; when it does not, the domain rates it from the
//! customer's contacts and consent, the same way on the server and in the wasm app.

use crate::contacts::{assess_email, assess_phone};
use crate::referral::{EmailValidity, LeadQuality, PhoneValidity, Referral};

/// The quality of a lead the source did not rate, from its customer contacts (validities
/// re-assessed as in [`crate::contacts`]) and its consent, checked in this order:
/// 1. `Low` (probable spam) when any contact is flagged as spam, or when the customer has
///    contacts and every one's email is Invalid or Spam and no phone is Valid (a missing email
///    is Unknown, not Invalid: it does not count against the lead).
/// 2. `High` when the customer agreed to be contacted and one contact has both a Valid email
///    and a Valid phone.
/// 3. `Medium` otherwise, also for a lead without contacts (an Expired lead withholds them:
///    that says nothing about the customer).
pub fn assess_quality(referral: &Referral) -> LeadQuality {
    let assessed: Vec<(EmailValidity, PhoneValidity)> = referral
        .customer_profile
        .team
        .iter()
        .map(|c| {
            (
                assess_email(c.email.as_deref(), c.email_validity),
                assess_phone(c.phone_number.as_deref(), c.phone_validity),
            )
        })
        .collect();

    let no_email_works = assessed
        .iter()
        .all(|(email, _)| matches!(email, EmailValidity::Invalid | EmailValidity::Spam));
    let no_phone_works = assessed
        .iter()
        .all(|(_, phone)| *phone != PhoneValidity::Valid);
    if referral.has_spam_contact() || (!assessed.is_empty() && no_email_works && no_phone_works) {
        return LeadQuality::Low;
    }

    let fully_reachable = assessed.contains(&(EmailValidity::Valid, PhoneValidity::Valid));
    if referral.consent.consent_to_contact && fully_reachable {
        LeadQuality::High
    } else {
        LeadQuality::Medium
    }
}

impl Referral {
    /// The lead quality shown, filtered and sorted on: the source's rating when it gave one,
    /// otherwise [`assess_quality`].
    pub fn effective_quality(&self) -> LeadQuality {
        self.lead_quality.unwrap_or_else(|| assess_quality(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::referral::Contact;

    /// A lead the source did not rate, so that the domain rates it.
    fn referral(consent_to_contact: bool, contacts: Vec<Contact>) -> Referral {
        let mut referral = Referral {
            lead_quality: None,
            ..fixtures::referral("r-1")
        };
        referral.consent.consent_to_contact = consent_to_contact;
        referral.customer_profile.team = contacts;
        referral
    }

    fn contact(
        email: Option<&str>,
        email_validity: EmailValidity,
        phone: Option<&str>,
        phone_validity: PhoneValidity,
    ) -> Contact {
        Contact {
            first_name: "Anna".into(),
            last_name: "Schmidt".into(),
            email: email.map(str::to_owned),
            phone_number: phone.map(str::to_owned),
            email_validity,
            phone_validity,
        }
    }

    fn reachable() -> Contact {
        contact(
            Some("anna@contoso.de"),
            EmailValidity::Valid,
            Some("+49 30 901820"),
            PhoneValidity::Valid,
        )
    }

    #[test]
    fn a_consenting_customer_with_a_verified_email_and_phone_is_high() {
        assert_eq!(
            assess_quality(&referral(true, vec![reachable()])),
            LeadQuality::High
        );
    }

    #[test]
    fn without_consent_to_contact_it_is_medium() {
        assert_eq!(
            assess_quality(&referral(false, vec![reachable()])),
            LeadQuality::Medium
        );
    }

    #[test]
    fn a_valid_email_and_a_valid_phone_must_belong_to_the_same_contact_for_high() {
        let email_only = contact(
            Some("anna@contoso.de"),
            EmailValidity::Valid,
            None,
            PhoneValidity::Unknown,
        );
        let phone_only = contact(
            None,
            EmailValidity::Unknown,
            Some("+4930901820"),
            PhoneValidity::Valid,
        );
        assert_eq!(
            assess_quality(&referral(true, vec![email_only, phone_only])),
            LeadQuality::Medium
        );
    }

    #[test]
    fn any_contact_flagged_as_spam_makes_it_low_even_beside_a_reachable_one() {
        let disposable = contact(
            Some("x@mailinator.com"),
            EmailValidity::Valid,
            None,
            PhoneValidity::Unknown,
        );
        assert_eq!(
            assess_quality(&referral(true, vec![reachable(), disposable])),
            LeadQuality::Low
        );
        let reported_spam = Contact {
            email_validity: EmailValidity::Spam,
            ..reachable()
        };
        assert_eq!(
            assess_quality(&referral(true, vec![reported_spam])),
            LeadQuality::Low
        );
    }

    #[test]
    fn no_working_email_and_no_valid_phone_is_low() {
        let fake = contact(
            Some("not an address"),
            EmailValidity::Unknown,
            Some("+49 30 901820"),
            PhoneValidity::Unknown,
        );
        let bounced = contact(
            Some("anna@contoso.de"),
            EmailValidity::Invalid,
            None,
            PhoneValidity::Invalid,
        );
        assert_eq!(
            assess_quality(&referral(true, vec![fake, bounced])),
            LeadQuality::Low
        );
    }

    #[test]
    fn a_valid_phone_saves_a_lead_whose_emails_do_not_work() {
        let bounced_but_callable = contact(
            Some("anna@contoso.de"),
            EmailValidity::Invalid,
            Some("+49 30 901820"),
            PhoneValidity::Valid,
        );
        assert_eq!(
            assess_quality(&referral(true, vec![bounced_but_callable])),
            LeadQuality::Medium
        );
    }

    #[test]
    fn unchecked_contacts_and_no_contacts_are_medium() {
        let unchecked = contact(
            Some("anna@contoso.de"),
            EmailValidity::Unknown,
            Some("+49 30 901820"),
            PhoneValidity::Unknown,
        );
        assert_eq!(
            assess_quality(&referral(true, vec![unchecked])),
            LeadQuality::Medium
        );
        let name_only = contact(None, EmailValidity::Unknown, None, PhoneValidity::Unknown);
        assert_eq!(
            assess_quality(&referral(true, vec![name_only])),
            LeadQuality::Medium
        );
        assert_eq!(assess_quality(&referral(true, vec![])), LeadQuality::Medium);
    }

    #[test]
    fn validities_are_reassessed_before_rating() {
        // Reported valid, but the phone number does not parse: not fully reachable.
        let unparsable_phone = Contact {
            phone_number: Some("030 901820".into()),
            ..reachable()
        };
        assert_eq!(
            assess_quality(&referral(true, vec![unparsable_phone])),
            LeadQuality::Medium
        );
    }

    #[test]
    fn only_the_customers_contacts_can_make_a_referral_spam() {
        let mut lead = referral(true, vec![reachable()]);
        lead.team.push(contact(
            Some("seller@yopmail.com"),
            EmailValidity::Valid,
            None,
            PhoneValidity::Unknown,
        ));
        assert!(!lead.has_spam_contact());
        lead.customer_profile.team.push(contact(
            Some("buyer@guerrillamail.com"),
            EmailValidity::Unknown,
            None,
            PhoneValidity::Unknown,
        ));
        assert!(lead.has_spam_contact());
    }

    #[test]
    fn the_sources_rating_wins_over_the_assessed_one() {
        let mut rated = referral(true, vec![reachable()]);
        rated.lead_quality = Some(LeadQuality::Low);
        assert_eq!(rated.effective_quality(), LeadQuality::Low);
        rated.lead_quality = None;
        assert_eq!(rated.effective_quality(), LeadQuality::High);
    }
}
