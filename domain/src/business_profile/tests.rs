use super::*;

fn contact(name: &str, email: &str, phone: Option<&str>) -> ContactDraft {
    ContactDraft {
        name: name.into(),
        email: email.into(),
        phone: phone.map(str::to_owned),
    }
}

fn location(country: &str, city: Option<&str>, contact: ContactDraft) -> LocationDraft {
    LocationDraft {
        country: country.into(),
        city: city.map(str::to_owned),
        contact,
    }
}

/// Europe with a Berlin office (the main contact) and a Paris one.
fn europe() -> BusinessProfileDraft {
    BusinessProfileDraft {
        region: "Europe".into(),
        locations: vec![
            location(
                "de",
                Some(" Berlin "),
                contact(
                    " Greta Gruber ",
                    "greta@fabrikam.example",
                    Some("+49 30 901820"),
                ),
            ),
            location(
                "FR",
                None,
                contact("Paul Petit", "paul@fabrikam.example", None),
            ),
        ],
        keywords: vec!["ERP".into(), " Field service ".into()],
        preferred_company_sizes: vec!["1000to9999employees".into(), "50to999employees".into()],
    }
}

fn country(code: &str) -> CountryCode {
    CountryCode::parse("country", code).unwrap()
}

/// The fields named by a refused draft, in order.
fn fields(draft: &BusinessProfileDraft) -> Vec<String> {
    draft
        .validate()
        .expect_err("should be refused")
        .0
        .into_iter()
        .map(|error| error.field)
        .collect()
}

fn message(draft: &BusinessProfileDraft, field: &str) -> String {
    let errors = draft.validate().expect_err("should be refused");
    errors
        .for_field(field)
        .unwrap_or_else(|| panic!("no error for {field}: {errors:?}"))
        .to_owned()
}

#[test]
fn a_valid_draft_is_trimmed_and_normalised() {
    let profile = europe().validate().unwrap();
    assert_eq!(profile.region, Region::Europe);
    let berlin = &profile.locations[0];
    assert_eq!(berlin.country, country("DE"));
    assert_eq!(berlin.city.as_deref(), Some("Berlin"));
    assert_eq!(berlin.contact.name.as_str(), "Greta Gruber");
    assert_eq!(berlin.contact.email.as_str(), "greta@fabrikam.example");
    assert_eq!(
        berlin.contact.phone.as_ref().map(PhoneNumber::as_str),
        Some("+4930901820")
    );
    assert_eq!(profile.locations[1].city, None);
    assert_eq!(profile.locations[1].contact.phone, None);
    assert_eq!(profile.keywords, vec!["ERP", "Field service"]);
    assert_eq!(
        profile.preferred_company_sizes,
        vec![CompanySize::From50To999, CompanySize::From1000To9999],
        "smallest first"
    );
    assert_eq!(
        profile.main_contact().unwrap().email.as_str(),
        "greta@fabrikam.example"
    );
    assert_eq!(
        profile
            .location_in(country("FR"))
            .unwrap()
            .contact
            .name
            .as_str(),
        "Paul Petit"
    );
    assert!(profile.location_in(country("AT")).is_none());
}

#[test]
fn every_bad_field_is_named_at_once_by_its_path() {
    let draft = BusinessProfileDraft {
        region: "Europe".into(),
        locations: vec![
            location("DE", None, contact("", "greta@fabrikam.example", None)),
            location(
                "FR",
                Some("Pa\u{202E}ris"),
                contact("Paul", "not-an-email", Some("030 901820")),
            ),
            location("", None, contact("Ann", "", None)),
        ],
        keywords: vec!["ERP".into(), "x".repeat(51)],
        preferred_company_sizes: vec!["100to999employees".into()],
    };
    assert_eq!(
        fields(&draft),
        vec![
            "locations[0].contact.name",
            "locations[1].city",
            "locations[1].contact.email",
            "locations[1].contact.phone",
            "locations[2].country",
            "locations[2].contact.email",
            "keywords[1]",
            "preferredCompanySizes[0]",
        ]
    );
    let long = "x".repeat(51);
    for (field, expected) in [
        ("locations[0].contact.name", "Contact name is required.".to_owned()),
        (
            "locations[1].contact.email",
            "Email must be an email address like name@example.com.".to_owned(),
        ),
        (
            "locations[1].contact.phone",
            "Phone must be an international number starting with + and the country code, like +49 30 901820.".to_owned(),
        ),
        ("locations[2].country", "Country is required.".to_owned()),
        ("locations[2].contact.email", "Email is required.".to_owned()),
        (
            "keywords[1]",
            format!("The keyword “{long}” is too long: a keyword can have at most 50 characters."),
        ),
    ] {
        assert_eq!(message(&draft, field), expected, "{field}");
    }
    assert_eq!(
        message(&draft, "preferredCompanySizes[0]"),
        "“100to999employees” is not a company size. Use one of: 1to9employees, 10to49employees, 50to999employees, 1000to9999employees, 10000plusemployees."
    );
}

#[test]
fn a_region_must_be_chosen_from_the_list() {
    let mut draft = europe();
    draft.region = "  ".into();
    assert_eq!(fields(&draft), vec!["region"]);
    assert_eq!(message(&draft, "region"), "Choose a region.");
    draft.region = "EMEA".into();
    assert_eq!(
        message(&draft, "region"),
        "“EMEA” is not a region. Use one of: Africa, AsiaPacific, Europe, LatinAmerica, MiddleEast, NorthAmerica."
    );
    draft.region = " Europe ".into();
    assert!(
        draft.validate().is_ok(),
        "surrounding spaces are no other region"
    );
}

#[test]
fn a_profile_needs_a_location() {
    let draft = BusinessProfileDraft {
        locations: vec![],
        ..europe()
    };
    assert_eq!(fields(&draft), vec!["locations"]);
    assert_eq!(
        message(&draft, "locations"),
        "Add at least one location with its contact."
    );
    let nothing = BusinessProfileDraft::default();
    assert_eq!(fields(&nothing), vec!["region", "locations"]);
}

#[test]
fn a_country_is_a_location_once_in_any_letter_case() {
    let mut draft = europe();
    draft.locations.push(location(
        "de",
        Some("Munich"),
        contact("Max", "max@fabrikam.example", None),
    ));
    assert_eq!(fields(&draft), vec!["locations[2].country"]);
    assert_eq!(
        message(&draft, "locations[2].country"),
        "DE is already a location of this profile: list each country once."
    );
}

#[test]
fn a_location_outside_the_profiles_region_says_where_its_country_belongs() {
    let mut draft = europe();
    draft.locations[1].country = "US".into();
    assert_eq!(fields(&draft), vec!["locations[1].country"]);
    assert_eq!(
        message(&draft, "locations[1].country"),
        "US is in North America, not in this profile's region: add it to the North America profile, or choose another country."
    );
    let error = draft.validate().unwrap_err().0.remove(0);
    assert_eq!(error.code.as_deref(), Some("error-location-outside-region"));
    assert_eq!(error.params["countryRegion"], "NorthAmerica");
    assert_eq!(error.params["region"], "Europe");

    draft.locations[1].country = "AQ".into();
    assert_eq!(
        message(&draft, "locations[1].country"),
        "AQ is in no region a profile can cover: choose another country."
    );
    // Without a valid region there is nothing to be outside of: only the region is named.
    draft.region = "Atlantis".into();
    assert_eq!(fields(&draft), vec!["region"]);
}

#[test]
fn an_unassigned_country_code_is_named_as_such() {
    let mut draft = europe();
    draft.locations[0].country = "UK".into();
    assert_eq!(
        message(&draft, "locations[0].country"),
        "Country UK is not an ISO 3166-1 country code. Use GB for the United Kingdom."
    );
}

#[test]
fn keywords_are_trimmed_deduplicated_in_any_case_and_bounded() {
    let mut draft = europe();
    draft.keywords = vec![
        " ERP ".into(),
        "erp".into(),
        "".into(),
        "\u{200B}".into(),
        "Straße".into(),
        "STRASSE".into(),
        "Field Service".into(),
        "field service".into(),
    ];
    assert_eq!(
        draft.validate().unwrap().keywords,
        vec!["ERP", "Straße", "STRASSE", "Field Service"]
    );
    draft.keywords = (0..=KEYWORDS_MAX).map(|i| format!("k{i}")).collect();
    assert_eq!(fields(&draft), vec!["keywords"]);
    assert_eq!(
        message(&draft, "keywords"),
        "A profile can have at most 20 keywords; this one has 21."
    );
    // Repeats do not count towards the limit.
    draft.keywords = (0..KEYWORDS_MAX).map(|i| format!("k{i}")).collect();
    draft.keywords.push("K0".into());
    assert_eq!(draft.validate().unwrap().keywords.len(), KEYWORDS_MAX);
    draft.keywords = vec!["a\nb".into()];
    assert_eq!(
        message(&draft, "keywords[0]"),
        "Keyword must be on one line: remove the line break."
    );
}

#[test]
fn keywords_typed_in_one_line_are_split_on_commas_and_semicolons() {
    assert_eq!(
        keywords_from_text("ERP, field service;; cloud ,"),
        vec!["ERP", " field service", " cloud "]
    );
    assert!(keywords_from_text("  ").is_empty());
    let profile = BusinessProfileDraft {
        keywords: keywords_from_text("ERP, field service;; cloud ,"),
        ..europe()
    }
    .validate()
    .unwrap();
    assert_eq!(
        keywords_to_text(&profile.keywords),
        "ERP, field service, cloud"
    );
    // A keyword sent through the API with a separator in it would come back from the
    // form as two: it is refused where it is sent.
    let draft = BusinessProfileDraft {
        keywords: vec!["Sales, Marketing".into(), "R&D; AI".into()],
        ..europe()
    };
    assert_eq!(fields(&draft), vec!["keywords[0]", "keywords[1]"]);
    assert_eq!(
        message(&draft, "keywords[0]"),
        "The keyword “Sales, Marketing” holds a comma or semicolon, which separate keywords: make it several keywords, or write it without."
    );
}

#[test]
fn company_sizes_are_the_five_the_data_uses_each_once() {
    let mut draft = europe();
    draft.preferred_company_sizes = vec![
        "10000plusemployees".into(),
        "1to9employees".into(),
        "10000plusemployees".into(),
    ];
    assert_eq!(
        draft.validate().unwrap().preferred_company_sizes,
        vec![CompanySize::From1To9, CompanySize::From10000]
    );
    let spelled: Vec<&str> = CompanySize::ALL.iter().map(|size| size.as_str()).collect();
    assert_eq!(
        spelled,
        [
            "1to9employees",
            "10to49employees",
            "50to999employees",
            "1000to9999employees",
            "10000plusemployees"
        ]
    );
    for size in CompanySize::ALL {
        let json = serde_json::to_value(size).unwrap();
        assert_eq!(json, size.as_str());
        assert_eq!(serde_json::from_value::<CompanySize>(json).unwrap(), *size);
        assert_eq!(CompanySize::from_api(size.as_str()), Some(*size));
    }
}

#[test]
fn a_profile_round_trips_through_its_draft_and_json() {
    let profile = europe().validate().unwrap();
    assert_eq!(profile.to_draft().validate().unwrap(), profile);
    let stored = StoredBusinessProfile {
        id: "bp-1".into(),
        e_tag: "3".into(),
        profile: profile.clone(),
        updated_at: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    };
    let json = serde_json::to_value(&stored).unwrap();
    assert_eq!(json["eTag"], "3");
    assert_eq!(json["region"], "Europe");
    assert_eq!(json["locations"][0]["contact"]["phone"], "+4930901820");
    assert_eq!(json["preferredCompanySizes"][0], "50to999employees");
    assert_eq!(
        serde_json::from_value::<StoredBusinessProfile>(json).unwrap(),
        stored
    );
    // The API's request body: absent fields are empty ones, named by validation.
    let draft: BusinessProfileDraft = serde_json::from_value(serde_json::json!({
        "region": "Europe",
        "locations": [{ "country": "DE", "contact": { "name": "Greta", "email": "greta@fabrikam.example" } }]
    }))
    .unwrap();
    assert!(draft.validate().is_ok());
}

// Regions

#[test]
fn every_assigned_country_is_in_exactly_one_region_but_antarctica() {
    for code in CountryCode::all() {
        let regions: Vec<Region> = Region::ALL
            .iter()
            .copied()
            .filter(|region| region.countries().any(|c| c == code))
            .collect();
        if code.as_str() == "AQ" {
            assert!(regions.is_empty());
            assert_eq!(Region::of_country(code), None);
        } else {
            assert_eq!(regions.len(), 1, "{code}: {regions:?}");
            assert_eq!(Region::of_country(code), Some(regions[0]), "{code}");
        }
    }
    let listed: usize = Region::ALL.iter().map(|r| r.countries().count()).sum();
    assert_eq!(
        listed,
        CountryCode::all().count() - 1,
        "no code is listed twice or unknown"
    );
}

#[test]
fn countries_are_where_their_business_is_usually_served_from() {
    for (code, region) in [
        ("DE", Region::Europe),
        ("GB", Region::Europe),
        ("TR", Region::Europe),
        ("RU", Region::Europe),
        ("US", Region::NorthAmerica),
        ("CA", Region::NorthAmerica),
        ("MX", Region::LatinAmerica),
        ("BR", Region::LatinAmerica),
        ("PR", Region::LatinAmerica),
        ("AE", Region::MiddleEast),
        ("SA", Region::MiddleEast),
        ("EG", Region::Africa),
        ("ZA", Region::Africa),
        ("CN", Region::AsiaPacific),
        ("JP", Region::AsiaPacific),
        ("AU", Region::AsiaPacific),
        ("IN", Region::AsiaPacific),
    ] {
        assert_eq!(Region::of_country(country(code)), Some(region), "{code}");
    }
}

#[test]
fn a_leads_region_is_read_leniently() {
    for (text, region) in [
        ("Europe", Some(Region::Europe)),
        ("  europe ", Some(Region::Europe)),
        ("AsiaPacific", Some(Region::AsiaPacific)),
        ("Asia-Pacific", Some(Region::AsiaPacific)),
        ("asia pacific", Some(Region::AsiaPacific)),
        ("APAC", Some(Region::AsiaPacific)),
        ("LATAM", Some(Region::LatinAmerica)),
        ("Latin America & the Caribbean", Some(Region::LatinAmerica)),
        (
            "Latin America and the Caribbean",
            Some(Region::LatinAmerica),
        ),
        ("north_america", Some(Region::NorthAmerica)),
        ("Middle East", Some(Region::MiddleEast)),
        ("EMEA", None),
        ("Asia", None),
        ("", None),
    ] {
        assert_eq!(Region::from_lead_text(text), region, "{text:?}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text as people type it into a profile: mostly fine, sometimes blank, odd or long.
    fn typed() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-z][A-Za-z ]{0,20}",
            Just(String::new()),
            Just("  ".to_owned()),
            "[a-z]{1,8}@[a-z]{1,8}\\.example",
            "\\PC{0,60}",
        ]
    }

    /// Mostly a plausible value, sometimes anything typed.
    fn mostly(valid: &'static str) -> impl Strategy<Value = String> {
        prop_oneof![4 => valid, 1 => typed()]
    }

    fn country_code() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "DE", "de", "FR", "AT", "IT", "ES", "PL", "SE", "NL", "IE", "US", "JP", "AQ", "UK", "",
            "D",
        ])
        .prop_map(str::to_owned)
    }

    fn draft() -> impl Strategy<Value = BusinessProfileDraft> {
        (
            prop::sample::select(vec![
                "Europe",
                "Europe",
                "Europe",
                "NorthAmerica",
                "Mars",
                "",
            ]),
            prop::collection::vec(
                (
                    country_code(),
                    prop::option::of(mostly("[A-Z][a-z]{2,12}")),
                    mostly("[A-Z][a-z]{1,10} [A-Z][a-z]{1,10}"),
                    mostly("[a-z]{1,8}@[a-z]{1,8}\\.example"),
                    prop::option::of(prop::sample::select(vec![
                        "+49 30 901820",
                        "030 901820",
                        "",
                    ])),
                ),
                0..4,
            ),
            prop::collection::vec(mostly("[A-Za-z]{1,12}"), 0..24),
            prop::collection::vec(
                prop::sample::select(vec![
                    "1to9employees",
                    "50to999employees",
                    "10000plusemployees",
                    "huge",
                ]),
                0..4,
            ),
        )
            .prop_map(
                |(region, locations, keywords, sizes)| BusinessProfileDraft {
                    region: region.to_owned(),
                    locations: locations
                        .into_iter()
                        .map(|(country, city, name, email, phone)| LocationDraft {
                            country,
                            city,
                            contact: ContactDraft {
                                name,
                                email,
                                phone: phone.map(str::to_owned),
                            },
                        })
                        .collect(),
                    keywords,
                    preferred_company_sizes: sizes.into_iter().map(str::to_owned).collect(),
                },
            )
    }

    /// A draft of plausible values only: countries of its region each once, in any case,
    /// keywords with repeats in other letter cases, sizes with repeats.
    fn valid_draft() -> impl Strategy<Value = BusinessProfileDraft> {
        prop::sample::select(Region::ALL.to_vec())
            .prop_flat_map(|region| {
                let countries: Vec<String> =
                    region.countries().map(|c| c.as_str().to_owned()).collect();
                (
                    Just(region),
                    prop::sample::subsequence(countries, 1..4).prop_shuffle(),
                    prop::collection::vec(
                        (
                            "[A-Z][a-z]{1,10} [A-Z][a-z]{1,10}",
                            "[a-z]{1,8}@[a-z]{1,8}\\.example",
                            prop::option::of("[A-Z][a-z]{2,12}"),
                            any::<bool>(),
                        ),
                        4,
                    ),
                    prop::collection::vec(("[A-Za-z]{1,12}", any::<bool>()), 0..30),
                    prop::collection::vec(prop::sample::select(CompanySize::ALL.to_vec()), 0..8),
                )
            })
            .prop_map(
                |(region, countries, contacts, keywords, sizes)| BusinessProfileDraft {
                    region: region.as_str().to_owned(),
                    locations: countries
                        .into_iter()
                        .zip(contacts)
                        .map(|(country, (name, email, city, lower))| LocationDraft {
                            country: if lower {
                                country.to_lowercase()
                            } else {
                                country
                            },
                            city,
                            contact: ContactDraft {
                                name,
                                email,
                                phone: None,
                            },
                        })
                        .collect(),
                    // Repeats of earlier words in another case, which do not count.
                    keywords: keywords
                        .iter()
                        .take(KEYWORDS_MAX)
                        .flat_map(|(word, repeat)| {
                            let again = repeat.then(|| format!(" {} ", word.to_uppercase()));
                            std::iter::once(word.clone()).chain(again)
                        })
                        .collect(),
                    preferred_company_sizes: sizes.iter().map(|s| s.as_str().to_owned()).collect(),
                },
            )
    }

    proptest! {
        /// A draft of plausible values is valid, keeps its locations in order and its
        /// keywords and sizes once each.
        #[test]
        fn a_plausible_draft_is_valid(draft in valid_draft()) {
            let profile = draft.validate().map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(profile.locations.len(), draft.locations.len());
            for (location, typed) in profile.locations.iter().zip(&draft.locations) {
                prop_assert!(location.country.as_str().eq_ignore_ascii_case(&typed.country));
            }
            let distinct: BTreeSet<String> = draft.keywords.iter().map(|k| k.trim().to_lowercase()).collect();
            prop_assert_eq!(profile.keywords.len(), distinct.len());
            let sizes: BTreeSet<&String> = draft.preferred_company_sizes.iter().collect();
            prop_assert_eq!(profile.preferred_company_sizes.len(), sizes.len());
            prop_assert_eq!(profile.to_draft().validate(), Ok(profile));
        }

        /// Whatever is typed, a valid profile keeps every rule, and a refusal names only
        /// fields of the draft (a path the form can show the message next to).
        #[test]
        fn a_validated_profile_keeps_every_rule(draft in draft()) {
            match draft.validate() {
                Ok(profile) => {
                    prop_assert!(!profile.locations.is_empty());
                    prop_assert_eq!(profile.locations.len(), draft.locations.len());
                    let countries: BTreeSet<CountryCode> =
                        profile.locations.iter().map(|l| l.country).collect();
                    prop_assert_eq!(countries.len(), profile.locations.len(), "each country once");
                    for location in &profile.locations {
                        prop_assert_eq!(Region::of_country(location.country), Some(profile.region));
                    }
                    prop_assert!(profile.keywords.len() <= KEYWORDS_MAX);
                    let lowered: BTreeSet<String> =
                        profile.keywords.iter().map(|k| k.to_lowercase()).collect();
                    prop_assert_eq!(lowered.len(), profile.keywords.len(), "no repeats");
                    for keyword in &profile.keywords {
                        prop_assert!(!keyword.is_empty() && keyword.chars().count() <= KEYWORD_MAX_CHARS);
                        prop_assert_eq!(keyword.trim(), keyword.as_str());
                    }
                    prop_assert!(profile.preferred_company_sizes.windows(2).all(|w| w[0] < w[1]));
                    // Validating what a valid profile shows in its form gives it back.
                    prop_assert_eq!(profile.to_draft().validate(), Ok(profile));
                }
                Err(errors) => {
                    prop_assert!(!errors.is_empty());
                    for error in &errors.0 {
                        let field = error.field.as_str();
                        let known = ["region", "locations", "keywords"].contains(&field)
                            || field.starts_with("locations[")
                            || field.starts_with("keywords[")
                            || field.starts_with("preferredCompanySizes[");
                        prop_assert!(known, "{}", field);
                        prop_assert!(!error.message.is_empty());
                    }
                }
            }
        }

        /// Each location is judged on its own: a refusal of one names only its own fields,
        /// and the refusal of a whole draft lists the locations in order.
        #[test]
        fn location_errors_are_in_the_order_of_the_locations(draft in draft()) {
            if let Err(errors) = draft.validate() {
                let indexes: Vec<usize> = errors
                    .0
                    .iter()
                    .filter_map(|e| e.field.strip_prefix("locations["))
                    .filter_map(|rest| rest.split(']').next()?.parse().ok())
                    .collect();
                prop_assert!(indexes.windows(2).all(|w| w[0] <= w[1]), "{:?}", indexes);
                prop_assert!(indexes.iter().all(|i| *i < draft.locations.len()));
            }
        }
    }
}
