use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::fixtures::{contact, referral};
use crate::referral::{Contact, Qualification};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

fn with(id: &str, change: impl FnOnce(&mut Referral)) -> Referral {
    let mut r = referral(id);
    change(&mut r);
    r
}

fn ids(filter: &Filter, referrals: &[Referral]) -> Vec<String> {
    filter
        .apply(referrals)
        .into_iter()
        .map(|r| r.id.clone())
        .collect()
}

fn set<T: Ord>(values: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    values.into_iter().collect()
}

fn country(code: &str) -> CountryCode {
    CountryCode::parse("country", code).unwrap()
}

// ---- each filter -------------------------------------------------------------

#[test]
fn an_empty_filter_matches_everything() {
    let filter = Filter::default();
    assert!(filter.is_empty());
    assert!(filter.matches(&referral("a")));
    assert!(filter.matches(&with("b", |r| {
        r.lead_source = None;
        r.customer_profile.team.clear();
    })));
}

#[test]
fn call_to_action_filter() {
    let filter = Filter {
        calls_to_action: set([CallToAction::FreeTrial, CallToAction::TestDrive]),
        ..Filter::default()
    };
    assert!(!filter.matches(&referral("contact-me")));
    assert!(filter.matches(&with("trial", |r| r.call_to_action =
        Some(CallToAction::FreeTrial))));
    assert!(!filter.matches(&with("none", |r| r.call_to_action = None)));
}

#[test]
fn country_filter_ignores_the_case_of_the_stored_country() {
    let filter = Filter {
        countries: set([country("FR"), country("DE")]),
        ..Filter::default()
    };
    assert!(filter.matches(&referral("de")));
    assert!(filter.matches(&with("fr", |r| r.customer_profile.address.country = "fr".into())));
    assert!(!filter.matches(&with("us", |r| r.customer_profile.address.country = "US".into())));
}

#[test]
fn customer_name_filter_matches_parts_of_names_without_case_or_accents() {
    let filter = Filter {
        customer_names: set(["muller".to_owned(), "FABRIKAM".to_owned()]),
        ..Filter::default()
    };
    assert!(filter.matches(&with("m", |r| r.customer_profile.name =
        "Jürgen Müller GmbH".into())));
    assert!(filter.matches(&with("f", |r| r.customer_profile.name = "Fabrikam Inc.".into())));
    assert!(!filter.matches(&referral("contoso")));
}

#[test]
fn a_blank_customer_name_narrows_nothing() {
    let filter = Filter {
        customer_names: set(["  ".to_owned()]),
        ..Filter::default()
    };
    assert!(filter.matches(&referral("a")));
    assert!(filter.active_chips().is_empty());
    assert!(filter.is_empty());
}

#[test]
fn lead_source_filter() {
    let filter = Filter {
        lead_sources: set([LeadSource::AzurePortal]),
        ..Filter::default()
    };
    assert!(!filter.matches(&referral("appsource")));
    assert!(filter.matches(&with("portal", |r| r.lead_source = Some(LeadSource::AzurePortal))));
    assert!(!filter.matches(&with("none", |r| r.lead_source = None)));
}

#[test]
fn lead_type_filter() {
    let filter = Filter {
        lead_types: set([LeadType::Profile]),
        ..Filter::default()
    };
    assert!(!filter.matches(&referral("offer")));
    assert!(filter.matches(&with("profile", |r| r.lead_type = Some(LeadType::Profile))));
}

#[test]
fn lead_quality_filter_uses_the_assessed_quality_of_unrated_leads() {
    let filter = Filter {
        lead_qualities: set([LeadQuality::Low, LeadQuality::Medium]),
        ..Filter::default()
    };
    assert!(!filter.matches(&referral("high")));
    assert!(filter.matches(&with("low", |r| r.lead_quality = Some(LeadQuality::Low))));
    let unrated_spam = with("unrated-spam", |r| {
        r.lead_quality = None;
        r.customer_profile.team[0].email = Some("win@mailinator.com".to_owned());
    });
    assert!(
        filter.matches(&unrated_spam),
        "a spam contact makes an unrated lead Low"
    );
    let unrated_reachable = with("unrated-reachable", |r| {
        r.lead_quality = None;
        r.consent.consent_to_contact = true;
        r.customer_profile.team[0].email_validity = EmailValidity::Valid;
        r.customer_profile.team[0].phone_number = Some("+49 30 901820".to_owned());
        r.customer_profile.team[0].phone_validity = PhoneValidity::Valid;
    });
    assert!(
        !filter.matches(&unrated_reachable),
        "a reachable, consenting contact makes it High"
    );
}

#[test]
fn status_filter() {
    let filter = Filter {
        statuses: set([Status::Active, Status::Closed]),
        ..Filter::default()
    };
    assert!(!filter.matches(&referral("new")));
    assert!(filter.matches(&with("closed", |r| r.status = Status::Closed)));
}

#[test]
fn email_validity_filter_matches_the_primary_contacts_validity() {
    let filter = Filter {
        email_validities: set([EmailValidity::Valid]),
        ..Filter::default()
    };
    assert!(!filter.matches(&referral("unknown")));
    let mut valid = contact("Ben", "Meier");
    valid.email_validity = EmailValidity::Valid;
    assert!(filter.matches(&with("second-valid", |r| {
        r.customer_profile.team.push(valid)
    })));
    assert!(!filter.matches(&with("no-contacts", |r| r.customer_profile.team.clear())));
}

#[test]
fn phone_validity_filter_matches_the_primary_contacts_validity() {
    let filter = Filter {
        phone_validities: set([PhoneValidity::Valid]),
        ..Filter::default()
    };
    assert!(!filter.matches(&referral("unknown")));
    let mut valid = contact("Ben", "Meier");
    valid.phone_validity = PhoneValidity::Valid;
    assert!(filter.matches(&with("second-valid", |r| {
        r.customer_profile.team.push(valid.clone())
    })));
    // A contact with a better email speaks for the referral, with its own phone.
    let mut better_email = contact("Ana", "Lima");
    better_email.email_validity = EmailValidity::Valid;
    assert!(!filter.matches(&with("better-email-elsewhere", |r| {
        r.customer_profile.team.push(valid);
        r.customer_profile.team.push(better_email);
    })));
}

#[test]
fn stage_and_category_narrow_to_one_tab() {
    let filter = Filter {
        stage: Some(Stage::Accepted),
        category: Some(Category::Qualified),
        ..Filter::default()
    };
    assert!(filter.is_empty(), "tabs are not filters to clear");
    assert!(!filter.matches(&referral("inbox-marketplace")));
    assert!(!filter.matches(&with("accepted-marketplace", |r| r.status = Status::Active)));
    assert!(filter.matches(&with("accepted-qualified", |r| {
        r.status = Status::Active;
        r.qualification = Qualification::SalesQualified;
    })));
}

#[test]
fn filters_combine_with_and_across_fields_and_or_within_one() {
    let filter = Filter {
        countries: set([country("DE"), country("AT")]),
        lead_sources: set([LeadSource::AppSource, LeadSource::AzureMarketplace]),
        ..Filter::default()
    };
    let referrals = [
        referral("de-appsource"),
        with("at-marketplace", |r| {
            r.customer_profile.address.country = "AT".into();
            r.lead_source = Some(LeadSource::AzureMarketplace);
        }),
        with("de-portal", |r| {
            r.lead_source = Some(LeadSource::AzurePortal)
        }),
        with("us-appsource", |r| {
            r.customer_profile.address.country = "US".into()
        }),
    ];
    let mut shown = ids(&filter, &referrals);
    shown.sort();
    assert_eq!(shown, ["at-marketplace", "de-appsource"]);
}

// ---- search ------------------------------------------------------------------

#[test]
fn search_ignores_case_and_accents_in_every_searched_field() {
    let referrals = [
        with("customer", |r| r.customer_profile.name = "Müller AG".into()),
        with("deal", |r| r.name = "Zürich data centre".into()),
        with("contact", |r| {
            r.customer_profile.team = vec![contact("João", "Silva")]
        }),
        with("email", |r| {
            r.customer_profile.team[0].email = Some("sales@sao-paulo.example".into())
        }),
        with("notes", |r| {
            r.details.notes = Some("Met at the São Paulo fair".into())
        }),
        referral("other"),
    ];
    let search = |text: &str| {
        let mut found = ids(
            &Filter {
                search: text.to_owned(),
                ..Filter::default()
            },
            &referrals,
        );
        found.sort();
        found
    };
    assert_eq!(search("muller"), ["customer"]);
    assert_eq!(search("ZURICH"), ["deal"]);
    assert_eq!(search("joao"), ["contact"]);
    assert_eq!(search("SÃO"), ["email", "notes"]);
    assert_eq!(
        search("  "),
        ["contact", "customer", "deal", "email", "notes", "other"]
    );
}

#[test]
fn search_needs_every_word_somewhere_in_the_referral() {
    let filter = Filter {
        search: "anna erp".to_owned(),
        ..Filter::default()
    };
    assert!(filter.matches(&referral("anna-and-erp")));
    assert!(!filter.matches(&with("no-erp", |r| r.name = "Cloud migration".into())));
}

#[test]
fn search_does_not_look_at_the_partners_own_team() {
    let filter = Filter {
        search: "Wagner".to_owned(),
        ..Filter::default()
    };
    assert!(!filter.matches(&with("member", |r| r.team = vec![contact("Tom", "Wagner")])));
}

// ---- sorting -----------------------------------------------------------------

fn sorted_by(key: SortKey, direction: SortDirection, referrals: &[Referral]) -> Vec<String> {
    ids(
        &Filter {
            sort: key,
            direction,
            ..Filter::default()
        },
        referrals,
    )
}

#[test]
fn default_order_is_newest_first() {
    let referrals = [
        with("old", |r| r.created_date_time = at(1)),
        with("new", |r| r.created_date_time = at(3)),
        with("mid", |r| r.created_date_time = at(2)),
    ];
    assert_eq!(ids(&Filter::default(), &referrals), ["new", "mid", "old"]);
}

#[test]
fn sorts_by_created_and_breaks_ties_by_id() {
    let referrals = [
        with("b", |r| r.created_date_time = at(2)),
        with("c", |r| r.created_date_time = at(1)),
        with("a", |r| r.created_date_time = at(2)),
    ];
    assert_eq!(
        sorted_by(SortKey::Created, SortDirection::Asc, &referrals),
        ["c", "a", "b"]
    );
    assert_eq!(
        sorted_by(SortKey::Created, SortDirection::Desc, &referrals),
        ["a", "b", "c"]
    );
}

#[test]
fn sorts_by_updated() {
    let referrals = [
        with("late", |r| r.updated_date_time = at(9)),
        with("early", |r| r.updated_date_time = at(5)),
    ];
    assert_eq!(
        sorted_by(SortKey::Updated, SortDirection::Asc, &referrals),
        ["early", "late"]
    );
    assert_eq!(
        sorted_by(SortKey::Updated, SortDirection::Desc, &referrals),
        ["late", "early"]
    );
}

#[test]
fn sorts_by_deal_value_with_missing_values_last_both_ways() {
    let value = |amount: i64| Some(Decimal::new(amount, 2));
    let referrals = [
        with("none", |r| r.details.deal_value = None),
        with("big", |r| r.details.deal_value = value(2_500_050)),
        with("small", |r| r.details.deal_value = value(100)),
        with("also-none", |r| r.details.deal_value = None),
    ];
    assert_eq!(
        sorted_by(SortKey::DealValue, SortDirection::Asc, &referrals),
        ["small", "big", "also-none", "none"]
    );
    assert_eq!(
        sorted_by(SortKey::DealValue, SortDirection::Desc, &referrals),
        ["big", "small", "also-none", "none"]
    );
}

#[test]
fn sorts_by_expiry_with_referrals_that_cannot_expire_last() {
    let referrals = [
        with("accepted", |r| r.status = Status::Active),
        with("soon", |r| r.expiration_date_time = at(10)),
        with("later", |r| r.expiration_date_time = at(20)),
    ];
    assert_eq!(
        sorted_by(SortKey::Expiry, SortDirection::Asc, &referrals),
        ["soon", "later", "accepted"]
    );
    assert_eq!(
        sorted_by(SortKey::Expiry, SortDirection::Desc, &referrals),
        ["later", "soon", "accepted"]
    );
}

#[test]
fn sorts_by_email_validity_valid_unknown_invalid_spam() {
    let email = |validity: EmailValidity| {
        move |r: &mut Referral| r.customer_profile.team[0].email_validity = validity
    };
    let referrals = [
        with("spam", email(EmailValidity::Spam)),
        with("no-contacts", |r| r.customer_profile.team.clear()),
        with("valid", email(EmailValidity::Valid)),
        with("invalid", email(EmailValidity::Invalid)),
        with("unknown", email(EmailValidity::Unknown)),
    ];
    assert_eq!(
        sorted_by(SortKey::EmailValidity, SortDirection::Desc, &referrals),
        ["valid", "unknown", "invalid", "spam", "no-contacts"]
    );
    assert_eq!(
        sorted_by(SortKey::EmailValidity, SortDirection::Asc, &referrals),
        ["spam", "invalid", "unknown", "valid", "no-contacts"]
    );
}

#[test]
fn sorts_by_the_best_phone_validity_among_contacts() {
    let referrals = [
        with("invalid", |r| {
            r.customer_profile.team[0].phone_validity = PhoneValidity::Invalid
        }),
        with("one-valid", |r| {
            let mut valid = contact("Ben", "Meier");
            valid.phone_validity = PhoneValidity::Valid;
            r.customer_profile.team.push(valid);
        }),
        referral("unknown"),
    ];
    assert_eq!(
        sorted_by(SortKey::PhoneValidity, SortDirection::Desc, &referrals),
        ["one-valid", "unknown", "invalid"]
    );
}

// ---- query string ------------------------------------------------------------

#[test]
fn writes_readable_parameters_in_canonical_order_and_omits_defaults() {
    let filter = Filter {
        stage: Some(Stage::Inbox),
        category: Some(Category::Qualified),
        countries: set([country("FR"), country("DE")]),
        lead_sources: set([LeadSource::AppSource]),
        search: "müller & co".to_owned(),
        sort: SortKey::DealValue,
        direction: SortDirection::Asc,
        ..Filter::default()
    };
    assert_eq!(
        filter.to_query_string(),
        "stage=Inbox&category=Qualified&country=DE&country=FR&leadSource=AppSource\
         &q=m%C3%BCller%20%26%20co&sort=dealValue&dir=asc"
    );
    assert_eq!(Filter::default().to_query_string(), "");
}

#[test]
fn reads_a_query_string_leniently_where_it_is_harmless() {
    let filter = Filter::from_query_string(
        "?country=de&leadsource=x&leadSource=azureportal&q=m%C3%BCller+gmbh&utm_source=mail&status=&&customer=Fabrikam",
    )
    .unwrap();
    assert_eq!(
        filter,
        Filter {
            countries: set([country("DE")]),
            lead_sources: set([LeadSource::AzurePortal]),
            customer_names: set(["Fabrikam".to_owned()]),
            search: "müller gmbh".to_owned(),
            ..Filter::default()
        }
    );
}

#[test]
fn reads_the_documented_example() {
    let filter = Filter::from_query_string(
        "country=DE&country=FR&leadSource=AppSource&q=m%C3%BCller&sort=dealValue&dir=asc&stage=Inbox&category=Qualified",
    )
    .unwrap();
    assert_eq!(filter.countries, set([country("DE"), country("FR")]));
    assert_eq!(filter.lead_sources, set([LeadSource::AppSource]));
    assert_eq!(filter.search, "müller");
    assert_eq!(
        (filter.sort, filter.direction),
        (SortKey::DealValue, SortDirection::Asc)
    );
    assert_eq!(
        (filter.stage, filter.category),
        (Some(Stage::Inbox), Some(Category::Qualified))
    );
    // Unencoded UTF-8, as a person may paste it, reads the same.
    assert_eq!(
        Filter::from_query_string("q=müller").unwrap().search,
        "müller"
    );
}

#[test]
fn a_blank_search_is_no_search() {
    let filter = Filter {
        search: "   ".to_owned(),
        ..Filter::default()
    };
    assert!(filter.is_empty());
    assert!(filter.active_chips().is_empty());
}

#[test]
fn a_bad_value_names_the_parameter_the_value_and_the_choices() {
    let error = Filter::from_query_string("leadSource=Bing").unwrap_err();
    assert_eq!(error.parameter(), "leadSource");
    assert_eq!(error.value(), "Bing");
    assert_eq!(
        error.to_string(),
        "Filter \"leadSource\": \"Bing\" is not a known lead source; expected one of: AppSource, AzureMarketplace, AzurePortal"
    );
    assert_eq!(
        Filter::from_query_string("sort=price")
            .unwrap_err()
            .to_string(),
        "Filter \"sort\": \"price\" is not a known sort key; expected one of: created, updated, dealValue, expiry, emailValidity, phoneValidity"
    );
    assert_eq!(
        Filter::from_query_string("dir=up").unwrap_err().to_string(),
        "Filter \"dir\": \"up\" is not a known sort direction; expected one of: asc, desc"
    );
    assert_eq!(
        Filter::from_query_string("stage=Trash")
            .unwrap_err()
            .to_string(),
        "Filter \"stage\": \"Trash\" is not a known stage; expected one of: Inbox, Accepted, Archived"
    );
    assert_eq!(
        Filter::from_query_string("emailValidity=Maybe")
            .unwrap_err()
            .to_string(),
        "Filter \"emailValidity\": \"Maybe\" is not a known email validity; expected one of: Valid, Invalid, Spam, Unknown"
    );
}

/// A bad filter value reads in every language with its kind in that language's words,
/// never the API's spelling (`value-Kind-<Kind>` exists for every kind a filter names).
#[test]
fn a_bad_value_names_its_kind_in_every_language() {
    use crate::i18n::{Catalogue, Locale, bundled_sources};
    let queries = [
        "stage=Trash",
        "category=Trash",
        "callToAction=Trash",
        "leadSource=Trash",
        "leadType=Trash",
        "leadQuality=Trash",
        "status=Trash",
        "emailValidity=Trash",
        "phoneValidity=Trash",
        "sort=Trash",
        "dir=Trash",
    ];
    for locale in Locale::ALL {
        let catalogue = Catalogue::parse(locale, bundled_sources(locale)).unwrap();
        for query in queries {
            let explanation = Filter::from_query_string(query).unwrap_err().explanation();
            let Some(crate::problem::Param::Text(kind)) = explanation.params.get("kind") else {
                panic!("{query}: no kind");
            };
            let id = crate::i18n::value_id("Kind", kind);
            assert!(catalogue.contains(&id), "{locale} lacks {id}");
            let words = explanation.in_words(&catalogue).unwrap();
            let kind_in_words = catalogue.format(&id, &[]);
            assert!(words.contains(&kind_in_words), "{locale} {query}: {words}");
        }
    }
}

#[test]
fn a_country_must_be_two_letters() {
    for bad in ["DEU", "D", "1A", "D%C3%9C", "+DE"] {
        let error = Filter::from_query_string(&format!("country={bad}")).unwrap_err();
        assert_eq!(error.parameter(), "country", "{bad}");
        assert!(
            error.to_string().ends_with(
                "is not an ISO 3166-1 country code; expected two letters, like DE or US"
            ),
            "{error}"
        );
    }
    assert_eq!(
        Filter::from_query_string("country=DEU")
            .unwrap_err()
            .to_string(),
        "Filter \"country\": \"DEU\" is not an ISO 3166-1 country code; expected two letters, like DE or US"
    );
}

// ---- chips -------------------------------------------------------------------

#[test]
fn chips_list_each_value_and_remove_exactly_that_value() {
    let filter = Filter {
        stage: Some(Stage::Inbox),
        calls_to_action: set([CallToAction::ContactMe]),
        countries: set([country("DE"), country("FR")]),
        lead_sources: set([LeadSource::AzureMarketplace]),
        search: " muller ".to_owned(),
        sort: SortKey::Expiry,
        ..Filter::default()
    };
    let chips = filter.active_chips();
    let labels: Vec<&str> = chips.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Call to action: Contact me",
            "Country: DE",
            "Country: FR",
            "Lead source: Azure Marketplace",
            "Search: \u{201C}muller\u{201D}",
        ]
    );
    let without_de = filter.without(&chips[1]);
    assert_eq!(without_de.countries, set([country("FR")]));
    assert_eq!(without_de.calls_to_action, filter.calls_to_action);
    assert_eq!(filter.without(&chips[4]).search, "");
    let everything_removed = chips.iter().fold(filter.clone(), |f, chip| f.without(chip));
    assert!(everything_removed.is_empty());
    assert_eq!(everything_removed, filter.cleared());
}

#[test]
fn clearing_keeps_the_tab_and_the_order() {
    let filter = Filter {
        stage: Some(Stage::Archived),
        category: Some(Category::Marketplace),
        statuses: set([Status::Closed]),
        search: "x".to_owned(),
        sort: SortKey::Updated,
        direction: SortDirection::Asc,
        ..Filter::default()
    };
    assert!(!filter.is_empty());
    let cleared = filter.cleared();
    assert!(cleared.is_empty());
    assert_eq!(
        cleared.to_query_string(),
        "stage=Archived&category=Marketplace&sort=updated&dir=asc"
    );
}

// ---- properties --------------------------------------------------------------

fn subset<T: Copy + Ord + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = BTreeSet<T>> {
    proptest::sample::subsequence(all, 0..=all.len()).prop_map(|v| v.into_iter().collect())
}

/// Text with the characters that break naive query strings, accents and emoji.
fn tricky_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just('&'),
            Just('='),
            Just('%'),
            Just('+'),
            Just(' '),
            Just('?'),
            Just('#'),
            Just('ü'),
            Just('Ã'),
            Just('中'),
            Just('😀'),
            Just('a'),
            Just('Z'),
            any::<char>(),
        ],
        0..12,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

pub(super) fn arbitrary_filter() -> impl Strategy<Value = Filter> {
    let sets = (
        subset(CallToAction::ALL),
        proptest::collection::btree_set(
            proptest::sample::select(CountryCode::all().collect::<Vec<_>>()),
            0..4,
        ),
        proptest::collection::btree_set(
            tricky_text().prop_filter("a name", |t| !t.is_empty()),
            0..3,
        ),
        subset(LeadSource::ALL),
        subset(LeadType::ALL),
        subset(LeadQuality::ALL),
        subset(Status::ALL),
        subset(EmailValidity::ALL),
        subset(PhoneValidity::ALL),
    );
    let view = (
        proptest::option::of(proptest::sample::select(Stage::ALL.to_vec())),
        proptest::option::of(proptest::sample::select(Category::ALL)),
        tricky_text(),
        proptest::sample::select(SortKey::ALL.to_vec()),
        proptest::sample::select(SortDirection::ALL.to_vec()),
    );
    (sets, view).prop_map(
        |(
            (ctas, countries, names, sources, types, qualities, statuses, emails, phones),
            (stage, category, search, sort, direction),
        )| Filter {
            stage,
            category,
            calls_to_action: ctas,
            countries,
            customer_names: names,
            lead_sources: sources,
            lead_types: types,
            lead_qualities: qualities,
            statuses,
            email_validities: emails,
            phone_validities: phones,
            search,
            sort,
            direction,
        },
    )
}

pub(super) fn arbitrary_referral() -> impl Strategy<Value = Referral> {
    (
        "[a-d]",
        proptest::sample::select(Status::ALL),
        proptest::sample::select(vec!["DE", "FR", "us"]),
        proptest::sample::select(vec!["Müller AG", "Contoso", "São Paulo Ltda"]),
        proptest::option::of(proptest::sample::select(LeadSource::ALL)),
        proptest::option::of(proptest::sample::select(LeadQuality::ALL)),
        proptest::option::of(0i64..1_000),
        proptest::collection::vec(
            (
                proptest::sample::select(EmailValidity::ALL),
                proptest::sample::select(PhoneValidity::ALL),
            ),
            0..3,
        ),
        0u32..5,
    )
        .prop_map(
            |(id, status, country, customer, source, quality, value, contacts, day)| {
                with(&id, |r| {
                    r.status = status;
                    r.customer_profile.address.country = country.to_owned();
                    r.customer_profile.name = customer.to_owned();
                    r.lead_source = source;
                    r.lead_quality = quality;
                    r.details.deal_value = value.map(Decimal::from);
                    r.created_date_time = at(1 + day);
                    r.customer_profile.team = contacts
                        .into_iter()
                        .map(|(email, phone)| Contact {
                            email_validity: email,
                            phone_validity: phone,
                            ..contact("Anna", "Schmidt")
                        })
                        .collect();
                })
            },
        )
}

proptest! {
    #[test]
    fn the_query_string_round_trips(filter in arbitrary_filter()) {
        let query = filter.to_query_string();
        prop_assert_eq!(Filter::from_query_string(&query), Ok(filter.clone()), "query: {}", query);
    }

    #[test]
    fn equal_filters_give_equal_query_strings(filter in arbitrary_filter()) {
        let reparsed = Filter::from_query_string(&filter.to_query_string()).unwrap();
        prop_assert_eq!(reparsed.to_query_string(), filter.to_query_string());
    }

    #[test]
    fn apply_shows_only_matching_referrals_and_all_of_them(
        filter in arbitrary_filter(),
        referrals in proptest::collection::vec(arbitrary_referral(), 0..12),
    ) {
        let shown = filter.apply(&referrals);
        prop_assert!(shown.iter().all(|r| filter.matches(r)));
        prop_assert_eq!(shown.len(), referrals.iter().filter(|r| filter.matches(r)).count());
    }

    #[test]
    fn a_search_index_changes_nothing_but_speed(
        filter in arbitrary_filter(),
        referrals in proptest::collection::vec(arbitrary_referral(), 0..12),
    ) {
        let index = SearchIndex::new(&referrals);
        prop_assert_eq!(filter.apply_indexed(&referrals, &index), filter.apply(&referrals));
    }

    #[test]
    fn positions_point_at_what_apply_returns(
        filter in arbitrary_filter(),
        referrals in proptest::collection::vec(arbitrary_referral(), 0..12),
    ) {
        let index = SearchIndex::new(&referrals);
        let positioned: Vec<&Referral> = filter
            .positions(&referrals, Some(&index))
            .into_iter()
            .map(|at| &referrals[at])
            .collect();
        prop_assert_eq!(positioned, filter.apply(&referrals));
    }

    #[test]
    fn apply_orders_the_same_whatever_the_input_order(
        filter in arbitrary_filter(),
        referrals in proptest::collection::vec(arbitrary_referral(), 0..12),
    ) {
        let filter = Filter { search: String::new(), customer_names: BTreeSet::new(), ..filter };
        // Referral ids are unique in real data, and the id is the final tie-breaker.
        let referrals: Vec<Referral> = referrals
            .into_iter()
            .enumerate()
            .map(|(index, referral)| Referral { id: format!("{}-{index}", referral.id), ..referral })
            .collect();
        let mut reversed = referrals.clone();
        reversed.reverse();
        let forward: Vec<&Referral> = filter.apply(&referrals);
        let backward: Vec<&Referral> = filter.apply(&reversed);
        prop_assert_eq!(forward, backward);
    }
}
