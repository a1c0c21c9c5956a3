//! The demo organisation's business profiles: Europe (its main contact in Berlin) and
//! North America, so that a lead from Germany is emailed to the Berlin contact, one from
//! Austria to Berlin as Europe's main contact, and one from China (no profile) to the
//! partner admins.

use domain::{BusinessProfile, BusinessProfileDraft, ContactDraft, LocationDraft};

/// The profiles, valid by the domain's own rules.
pub fn business_profiles() -> Vec<BusinessProfile> {
    let location =
        |country: &str, city: &str, name: &str, email: &str, phone: &str| LocationDraft {
            country: country.to_owned(),
            city: Some(city.to_owned()),
            contact: ContactDraft {
                name: name.to_owned(),
                email: email.to_owned(),
                phone: Some(phone.to_owned()),
            },
        };
    let words = |list: &[&str]| list.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
    [
        BusinessProfileDraft {
            region: "Europe".to_owned(),
            locations: vec![
                location(
                    "DE",
                    "Berlin",
                    "Greta Gruber",
                    "berlin@fabrikam-consulting.example",
                    "+49 30 901820",
                ),
                location(
                    "GB",
                    "London",
                    "Oliver Owens",
                    "london@fabrikam-consulting.example",
                    "+44 20 7946 0958",
                ),
                location(
                    "FR",
                    "Paris",
                    "Camille Collet",
                    "paris@fabrikam-consulting.example",
                    "+33 1 42 68 53 00",
                ),
            ],
            keywords: words(&["Field service", "Cloud backup", "Dynamics 365"]),
            preferred_company_sizes: words(&["50to999employees", "1000to9999employees"]),
        },
        BusinessProfileDraft {
            region: "NorthAmerica".to_owned(),
            locations: vec![
                location(
                    "US",
                    "Seattle",
                    "Sam Carter",
                    "seattle@fabrikam-consulting.example",
                    "+1 206 555 0142",
                ),
                location(
                    "CA",
                    "Toronto",
                    "Chloé Tremblay",
                    "toronto@fabrikam-consulting.example",
                    "+1 416 555 0199",
                ),
            ],
            keywords: words(&["Field service", "Azure Backup"]),
            preferred_company_sizes: words(&["1000to9999employees", "10000plusemployees"]),
        },
    ]
    .iter()
    .map(|draft| {
        draft
            .validate()
            .unwrap_or_else(|errors| panic!("a demo business profile is invalid: {errors}"))
    })
    .collect()
}
