//! The regions a partner does business in, and which region each country is in.
//!
//! Six regions, the way partner programmes commonly divide the world; each country (ISO
//! 3166-1 alpha-2) is in exactly one, so a lead that names only its country is matched to a
//! region, and no country can be a location of two profiles. Antarctica is in none.
//! Where a country could go either way, it goes where its business is usually served from:
//! Mexico and the Caribbean are in Latin America, Turkey and the Caucasus in Europe,
//! Egypt and the Maghreb in Africa, Afghanistan and Central Asia in Asia Pacific, and
//! territories with the region around them (Greenland in North America, Guam in Asia
//! Pacific, Réunion in Africa).

use crate::values::CountryCode;

api_enum! {
    /// A region a business profile covers (`customerProfile.address.region` of a lead
    /// names one, or its country does).
    pub enum Region { Africa, AsiaPacific, Europe, LatinAmerica, MiddleEast, NorthAmerica }
}

/// The countries of each region (ISO 3166-1 alpha-2, alphabetical).
const COUNTRIES_BY_REGION: [(Region, &str); 6] = [
    (
        Region::Africa,
        "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY \
         MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG YT \
         ZA ZM ZW",
    ),
    (
        Region::AsiaPacific,
        "AF AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN IO JP KG KH KI KP KR KZ LA LK MH \
         MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TJ TK TL TM TO TV TW \
         UM UZ VN VU WF WS",
    ),
    (
        Region::Europe,
        "AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE \
         IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TR UA VA",
    ),
    (
        Region::LatinAmerica,
        "AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN \
         HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI",
    ),
    (
        Region::MiddleEast,
        "AE BH IL IQ IR JO KW LB OM PS QA SA SY YE",
    ),
    (Region::NorthAmerica, "BM CA GL PM US"),
];

impl Region {
    /// The region as people read it in English (the app words it by `value-Region-<Region>`).
    pub fn label(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::AsiaPacific => "Asia Pacific",
            Region::Europe => "Europe",
            Region::LatinAmerica => "Latin America and the Caribbean",
            Region::MiddleEast => "Middle East",
            Region::NorthAmerica => "North America",
        }
    }

    /// The region `country` is in; `None` only for Antarctica.
    pub fn of_country(country: CountryCode) -> Option<Region> {
        COUNTRIES_BY_REGION
            .iter()
            .find(|(_, codes)| codes.split_whitespace().any(|c| c == country.as_str()))
            .map(|(region, _)| *region)
    }

    /// The countries of this region, by code.
    pub fn countries(self) -> impl Iterator<Item = CountryCode> {
        COUNTRIES_BY_REGION
            .iter()
            .filter(move |(region, _)| *region == self)
            .flat_map(|(_, codes)| codes.split_whitespace())
            .filter_map(|code| CountryCode::parse("country", code).ok())
    }

    /// The region a lead's own words name (`customerProfile.address.region`), read
    /// leniently: the API's spelling or the English label in any case, with spaces,
    /// hyphens ignored and `&` read as "and" (`asia-pacific`, `Asia Pacific`, `Latin
    /// America & the Caribbean`), and the short forms `APAC` and `LATAM`.
    pub fn from_lead_text(text: &str) -> Option<Region> {
        let squeezed = squeeze(text);
        match squeezed.as_str() {
            "" => None,
            "apac" => Some(Region::AsiaPacific),
            "latam" => Some(Region::LatinAmerica),
            _ => Region::ALL.iter().copied().find(|region| {
                squeeze(region.as_str()) == squeezed || squeeze(region.label()) == squeezed
            }),
        }
    }
}

/// Letters and digits only, lower-cased, `&` read as "and": how region names are compared.
fn squeeze(text: &str) -> String {
    text.replace('&', "and")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
