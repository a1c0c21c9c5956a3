//! Contact verification (DOMAIN.md §4): how far a customer contact's email address and phone
//! number can be trusted, and whether the contact is flagged as spam.
//!
//! The source of a referral checks mailboxes and phone lines; the domain cannot (no I/O). What it
//! can decide on its own, it decides here, the same way on the server and in the wasm app:
//! an address or number that does not even parse is `Invalid`, and an address at a domain known
//! for spam or throwaway mailboxes is `Spam`. Everything else keeps the validity the source
//! reported, so `Valid` only ever comes from a real check.
//!
//! Phone numbers are checked with [`PhoneNumber::parse`]'s own rules (`+`, a country code, 8 to 15
//! digits), not with a full numbering-plan library: measured in a wasm32 cdylib (opt-level "z",
//! LTO, `wasm-opt -Oz`), `phonenumber::parse` 0.3.10 adds 1.72 MB, 477 KB with gzip -9, mostly
//! its numbering-plan metadata. The server may run a deeper classification at ingestion and
//! store the result as `phoneValidity`; the wasm side reads that stored result.

use crate::filter::{email_validity_rank, phone_validity_rank};
use crate::referral::{Contact, EmailValidity, PhoneValidity, Referral};
use crate::values::{Email, PhoneNumber};

/// Throwaway mail services: nobody buys software with an address that disappears in ten minutes.
const DISPOSABLE_EMAIL_DOMAINS: &str = include_str!("../data/disposable-email-domains.txt");
/// Domains and addresses known to generate spam referrals.
const SPAM_EMAIL_DOMAINS: &str = include_str!("../data/spam-email-domains.txt");

/// The entries of a bundled list: one per line, comments and blank lines skipped.
fn list_entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Whether `list` names `domain` or one of its parent domains (`eu.mailinator.com` → `mailinator.com`).
fn lists_domain(list: &'static str, domain: &str) -> bool {
    let domain = domain.trim().trim_end_matches('.').to_lowercase();
    let mut candidate = domain.as_str();
    loop {
        if list_entries(list).any(|entry| entry.eq_ignore_ascii_case(candidate)) {
            return true;
        }
        match candidate.split_once('.') {
            // Stop before the bare top-level domain: `com` is never listed.
            Some((_, parent)) if parent.contains('.') => candidate = parent,
            _ => return false,
        }
    }
}

/// Whether `list` names the whole address (the spam list may name single senders).
fn lists_address(list: &'static str, email: &Email) -> bool {
    list_entries(list).any(|entry| entry.eq_ignore_ascii_case(email.as_str()))
}

/// Whether mail at `domain` (or a parent domain) is throwaway mail.
pub fn is_disposable_email_domain(domain: &str) -> bool {
    lists_domain(DISPOSABLE_EMAIL_DOMAINS, domain)
}

/// Whether `domain` (or a parent domain) is known to generate spam.
pub fn is_spam_email_domain(domain: &str) -> bool {
    lists_domain(SPAM_EMAIL_DOMAINS, domain)
}

/// Whether an email address is listed: its domain is disposable or known for spam, or the
/// spam list names the address itself.
pub fn is_listed_spam_address(email: &Email) -> bool {
    let domain = email.domain();
    is_disposable_email_domain(&domain)
        || is_spam_email_domain(&domain)
        || lists_address(SPAM_EMAIL_DOMAINS, email)
}

/// The validity of a contact's email address, given what the source `reported`:
/// - no address (or a blank one): `Unknown`, there is nothing to check;
/// - not an email address (`anna@`, `anna@contoso`): `Invalid`;
/// - at a disposable-mail domain or a domain known for spam (or a subdomain of one), or an
///   address on the spam list: `Spam`, whatever the source said;
/// - otherwise what the source reported (`Valid` means the source found the mailbox).
pub fn assess_email(email: Option<&str>, reported: EmailValidity) -> EmailValidity {
    let Some(text) = email.filter(|text| !text.trim().is_empty()) else {
        return EmailValidity::Unknown;
    };
    match Email::parse("email", text) {
        Err(_) => EmailValidity::Invalid,
        Ok(email) if is_listed_spam_address(&email) => EmailValidity::Spam,
        Ok(_) => reported,
    }
}

/// The validity of a contact's phone number, given what the source `reported`:
/// - no number (or a blank one): `Unknown`;
/// - not an international number by [`PhoneNumber::parse`]'s rules: `Invalid`;
/// - otherwise what the source reported (`Valid` means the source found it reachable).
///
/// The domain does not know numbering plans (see the module docs): the server may classify
/// deeper at ingestion and store the result, which the wasm side then reads as `reported`.
pub fn assess_phone(phone: Option<&str>, reported: PhoneValidity) -> PhoneValidity {
    let Some(text) = phone.filter(|text| !text.trim().is_empty()) else {
        return PhoneValidity::Unknown;
    };
    match PhoneNumber::parse("phoneNumber", text) {
        Err(_) => PhoneValidity::Invalid,
        Ok(_) => reported,
    }
}

impl Contact {
    /// Flagged in the list and the lead's details: the email was found to be spam (by the
    /// source or by us), or its address or domain is listed.
    pub fn is_flagged_spam(&self) -> bool {
        self.email_validity == EmailValidity::Spam
            || assess_email(self.email.as_deref(), EmailValidity::Unknown) == EmailValidity::Spam
    }

    /// The contact with both validities re-assessed from what the source reported; used at
    /// ingestion so that stored validities follow the rules above.
    pub fn assessed(mut self) -> Contact {
        self.email_validity = assess_email(self.email.as_deref(), self.email_validity);
        self.phone_validity = assess_phone(self.phone_number.as_deref(), self.phone_validity);
        self
    }
}

impl Referral {
    /// The customer contact that speaks for the referral: the one with the best email
    /// validity, then the best phone validity (the first of equals). Its validities are
    /// the referral's everywhere — the list's indicators, the filters, the sort and the
    /// export — so they always agree. `None` without contacts, or when they are
    /// withheld (Expired).
    pub fn primary_contact(&self) -> Option<&Contact> {
        if !self.shows_contact_information() {
            return None;
        }
        self.customer_profile
            .team
            .iter()
            .enumerate()
            .max_by_key(|(at, contact)| {
                (
                    email_validity_rank(contact.email_validity),
                    phone_validity_rank(contact.phone_validity),
                    std::cmp::Reverse(*at),
                )
            })
            .map(|(_, contact)| contact)
    }

    /// Whether any of the customer's contacts is flagged as spam (the partner's own team is not
    /// considered: they are not the lead).
    pub fn has_spam_contact(&self) -> bool {
        self.customer_profile
            .team
            .iter()
            .any(Contact::is_flagged_spam)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(email: Option<&str>, phone: Option<&str>) -> Contact {
        Contact {
            first_name: "Anna".into(),
            last_name: "Schmidt".into(),
            email: email.map(str::to_owned),
            phone_number: phone.map(str::to_owned),
            ..Contact::default()
        }
    }

    #[test]
    fn a_missing_or_blank_email_is_unknown_whatever_was_reported() {
        assert_eq!(
            assess_email(None, EmailValidity::Valid),
            EmailValidity::Unknown
        );
        assert_eq!(
            assess_email(Some("  "), EmailValidity::Valid),
            EmailValidity::Unknown
        );
    }

    #[test]
    fn an_address_that_does_not_parse_is_invalid_even_when_reported_valid() {
        for text in [
            "anna",
            "anna@",
            "@contoso.com",
            "anna@contoso",
            "an na@contoso.com",
        ] {
            assert_eq!(
                assess_email(Some(text), EmailValidity::Valid),
                EmailValidity::Invalid,
                "{text}"
            );
        }
    }

    #[test]
    fn disposable_mail_is_spam_in_any_case_and_at_subdomains() {
        for text in [
            "anna@mailinator.com",
            "anna@MAILINATOR.COM",
            "anna@Guerrillamail.com",
            "anna@10minutemail.com",
            "anna@yopmail.com",
            "anna@temp-mail.org",
            "anna@eu.mailinator.com",
        ] {
            assert_eq!(
                assess_email(Some(text), EmailValidity::Valid),
                EmailValidity::Spam,
                "{text}"
            );
        }
        assert!(is_disposable_email_domain("mailinator.com."));
    }

    #[test]
    fn domains_known_for_spam_are_spam() {
        assert!(is_spam_email_domain("example.com"));
        assert!(is_spam_email_domain("Mail.Example.COM"));
        assert_eq!(
            assess_email(Some("bot@example.org"), EmailValidity::Unknown),
            EmailValidity::Spam
        );
    }

    #[test]
    fn a_domain_that_merely_ends_like_a_listed_one_is_not_listed() {
        // `notmailinator.com` is not a subdomain of `mailinator.com`.
        assert!(!is_disposable_email_domain("notmailinator.com"));
        assert!(!is_disposable_email_domain("com"));
        assert_eq!(
            assess_email(Some("anna@notmailinator.com"), EmailValidity::Valid),
            EmailValidity::Valid
        );
    }

    #[test]
    fn an_ordinary_address_keeps_what_the_source_reported() {
        for reported in EmailValidity::ALL {
            assert_eq!(assess_email(Some("anna@contoso.de"), *reported), *reported);
        }
    }

    #[test]
    fn a_list_may_name_a_single_address_matched_in_any_case() {
        let list = "# senders\nbulk@contoso.de\n";
        let listed = Email::parse("email", "Bulk@Contoso.DE").unwrap();
        let colleague = Email::parse("email", "anna@contoso.de").unwrap();
        assert!(lists_address(list, &listed));
        assert!(!lists_address(list, &colleague));
        assert!(!lists_domain(list, "contoso.de"));
    }

    #[test]
    fn the_bundled_lists_are_well_formed() {
        let disposable: Vec<&str> = list_entries(DISPOSABLE_EMAIL_DOMAINS).collect();
        assert!(disposable.len() >= 30, "{}", disposable.len());
        for list in [DISPOSABLE_EMAIL_DOMAINS, SPAM_EMAIL_DOMAINS] {
            for entry in list_entries(list) {
                assert_eq!(entry, entry.to_lowercase(), "lower case: {entry}");
                assert!(entry.contains('.'), "a domain or address: {entry}");
                assert!(!entry.contains(char::is_whitespace), "{entry}");
            }
        }
    }

    #[test]
    fn a_phone_number_that_does_not_parse_is_invalid_even_when_reported_valid() {
        for text in ["030 901820", "+49 30", "+49 30 CALL ME", "0049 30 901820"] {
            assert_eq!(
                assess_phone(Some(text), PhoneValidity::Valid),
                PhoneValidity::Invalid,
                "{text}"
            );
        }
    }

    #[test]
    fn a_missing_phone_number_is_unknown_and_a_parsable_one_keeps_the_report() {
        assert_eq!(
            assess_phone(None, PhoneValidity::Valid),
            PhoneValidity::Unknown
        );
        assert_eq!(
            assess_phone(Some(" "), PhoneValidity::Invalid),
            PhoneValidity::Unknown
        );
        for reported in PhoneValidity::ALL {
            assert_eq!(assess_phone(Some("+49 30 901820"), *reported), *reported);
        }
    }

    #[test]
    fn a_contact_is_flagged_when_its_email_is_spam_by_report_or_by_list() {
        assert!(!contact(Some("anna@contoso.de"), None).is_flagged_spam());
        assert!(contact(Some("anna@yopmail.com"), None).is_flagged_spam());
        let reported_spam = Contact {
            email_validity: EmailValidity::Spam,
            ..contact(Some("anna@contoso.de"), None)
        };
        assert!(reported_spam.is_flagged_spam());
        assert!(!contact(None, Some("+4930901820")).is_flagged_spam());
    }

    #[test]
    fn assessing_a_contact_reassesses_both_validities() {
        let ingested = Contact {
            email_validity: EmailValidity::Valid,
            phone_validity: PhoneValidity::Valid,
            ..contact(Some("anna@mailinator.com"), Some("12345"))
        }
        .assessed();
        assert_eq!(ingested.email_validity, EmailValidity::Spam);
        assert_eq!(ingested.phone_validity, PhoneValidity::Invalid);

        let kept = Contact {
            email_validity: EmailValidity::Valid,
            phone_validity: PhoneValidity::Valid,
            ..contact(Some("anna@contoso.de"), Some("+49 30 901820"))
        }
        .assessed();
        assert_eq!(kept.email_validity, EmailValidity::Valid);
        assert_eq!(kept.phone_validity, PhoneValidity::Valid);
        assert_eq!(kept.email.as_deref(), Some("anna@contoso.de"));
    }
}
