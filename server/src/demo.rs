//! The demo organisations: a few hundred realistic referrals each, in every stage,
//! so that a fresh install shows what the product does. Times are relative to
//! `now`, so the demo always has fresh, urgent and nearly expired leads.
//!
//! Generated, not hand-written: a seeded PRNG picks customers, contacts and deal
//! sizes from the tables below (the same picks on every install), and every
//! referral beyond the Inbox got there through the domain's own transitions
//! (`accept`, `decline`, `won`, `lost`, `expire_if_overdue`, …), acted by a demo
//! user at a plausible past time, so its history is what the product would write.

use chrono::{DateTime, Days, Duration, Months, SubsecRound as _, Utc};
use domain::{
    AcceptForm, Actor, Address, CallToAction, Consent, Contact, ContactForm, CustomerProfile,
    DeclineReason, Details, Direction, EmailValidity, ExchangeRates, InviteContext, LeadSource,
    LeadType, PhoneValidity, PricingModel, Qualification, ReasonForm, Referral, ReferralType,
    RegistrationForm, RegistrationState, Requirements, Role, Status, Substatus, TenantType,
    WonForm, lifecycle, timing,
};
use rust_decimal::Decimal;

use crate::StartupError;
use crate::store::{self, Pool};

pub const ORGANISATION_ID: &str = "org-demo-fabrikam";
pub const ORGANISATION_NAME: &str = "Fabrikam Consulting (demo)";
/// A second organisation, so that tenant isolation can be seen and tested.
pub const RIVAL_ORGANISATION_ID: &str = "org-demo-rival";
pub const RIVAL_ORGANISATION_NAME: &str = "Rival Partners Ltd (demo)";

/// The demo sign-ins: one user of every role, and the rival's admin.
pub const USERS: &[DemoUser] = &[
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "admin@demo.test",
        name: "Ada Adler",
        role: Role::PartnerAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "referrals@demo.test",
        name: "Rhea Reyes",
        role: Role::ReferralsAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "user@demo.test",
        name: "Umar Usman",
        role: Role::ReferralsUser,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "profile@demo.test",
        name: "Pia Park",
        role: Role::BusinessProfileAdmin,
    },
    DemoUser {
        organisation_id: ORGANISATION_ID,
        email: "viewer@demo.test",
        name: "Vic Vogel",
        role: Role::Viewer,
    },
    DemoUser {
        organisation_id: RIVAL_ORGANISATION_ID,
        email: "admin@rival.test",
        name: "Rory Rival",
        role: Role::PartnerAdmin,
    },
];

pub struct DemoUser {
    pub organisation_id: &'static str,
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
}

/// Seeds the demo organisations, users and referrals unless they are already there
/// (safe on every start). `scale` multiplies the number of referrals (see [`referrals_at_scale`]).
pub async fn seed_if_empty(
    pool: &Pool,
    now: DateTime<Utc>,
    password: &str,
    scale: usize,
) -> Result<(), StartupError> {
    if store::organisations::exists(pool, ORGANISATION_ID).await? {
        return Ok(());
    }
    for (index, (id, name)) in [
        (ORGANISATION_ID, ORGANISATION_NAME),
        (RIVAL_ORGANISATION_ID, RIVAL_ORGANISATION_NAME),
    ]
    .into_iter()
    .enumerate()
    {
        store::organisations::insert(pool, id, name, now).await?;
        store::referrals::insert_many(pool, id, referrals_at_scale(now, index, scale)).await?;
    }
    for (index, user) in USERS.iter().enumerate() {
        let password_hash =
            crate::auth::hash_password(password).map_err(|e| StartupError::Seed(e.to_string()))?;
        let id = format!("user-demo-{index}");
        let new_user = store::users::NewUser {
            id: &id,
            organisation_id: user.organisation_id,
            email: user.email,
            name: user.name,
            role: user.role,
            password_hash: &password_hash,
        };
        store::users::insert(pool, new_user, now).await?;
    }
    tracing::info!("seeded the demo organisations");
    Ok(())
}

// ---------------------------------------------------------------------------
// Demo data tables
// ---------------------------------------------------------------------------

/// A customer company: name, mail domain, city.
type Company = (&'static str, &'static str, &'static str);

/// A country the demo's customers are in, with what makes its leads look local.
struct Country {
    /// ISO 3166-1 alpha-2.
    code: &'static str,
    /// ISO 4217: deals are quoted in the local currency.
    currency: &'static str,
    /// Roughly how many units of `currency` buy 100 US dollars, so deal sizes read right.
    per_100_usd: i64,
    /// International dialling code, without `+`.
    dial: &'static str,
    /// How often the country's customers send leads, relative to the others.
    weight: u32,
    people: &'static [(&'static str, &'static str)],
    /// Even positions are customers of the demo organisation, odd ones of the rival,
    /// so the two tenants look different.
    companies: &'static [Company],
}

const COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        currency: "USD",
        per_100_usd: 100,
        dial: "1",
        weight: 40,
        people: &[
            ("Michael", "Johnson"),
            ("Sarah", "Miller"),
            ("David", "Garcia"),
            ("Jennifer", "Lee"),
            ("Chris", "Walker"),
            ("Ashley", "Thompson"),
        ],
        companies: &[
            ("Northwind Traders", "northwindtraders.com", "Seattle"),
            ("Wingtip Toys", "wingtiptoys.com", "Austin"),
            ("Humongous Insurance", "humongousinsurance.com", "Chicago"),
            ("Tailwind Traders", "tailwindtraders.com", "Denver"),
            ("Contoso Pharmaceuticals", "contosopharma.com", "Boston"),
            ("Fabrikam Fiber", "fabrikamfiber.com", "Dallas"),
            ("Adventure Works Cycles", "adventure-works.com", "Portland"),
            ("A. Datum Corporation", "adatum.com", "San Francisco"),
            (
                "Liberty's Delightful Sinful Bakery & Cafe",
                "libertysbakery.com",
                "New York",
            ),
            (
                "Munson's Pickles and Preserves Farm",
                "munsonspickles.com",
                "Madison",
            ),
            (
                "Best For You Organics",
                "bestforyouorganics.com",
                "San Diego",
            ),
            (
                "Consolidated Messenger",
                "consolidatedmessenger.com",
                "Atlanta",
            ),
        ],
    },
    Country {
        code: "CA",
        currency: "CAD",
        per_100_usd: 136,
        dial: "1",
        weight: 10,
        people: &[
            ("Emily", "Tremblay"),
            ("Liam", "Roy"),
            ("Chloé", "Gagnon"),
            ("Noah", "MacDonald"),
            ("Olivia", "Singh"),
        ],
        companies: &[
            ("Woodgrove Bank", "woodgrovebank.com", "Toronto"),
            ("Bellows College", "bellowscollege.com", "Halifax"),
            ("Laurentides Énergie", "laurentides-energie.ca", "Montréal"),
            ("Prairie Grain Cooperative", "prairiegrain.ca", "Saskatoon"),
        ],
    },
    Country {
        code: "MX",
        currency: "MXN",
        per_100_usd: 1_700,
        dial: "52",
        weight: 6,
        people: &[
            ("Alejandro", "Hernández"),
            ("María", "López"),
            ("José", "Martínez"),
            ("Fernanda", "Ramírez"),
            ("Diego", "Torres"),
        ],
        companies: &[
            ("Grupo Industrial Monterrey", "gim.com.mx", "Monterrey"),
            ("Aceros del Bajío", "acerosdelbajio.mx", "León"),
            (
                "Farmacias Santa Lucía",
                "farmaciassantalucia.mx",
                "Guadalajara",
            ),
            ("Transportes Pacífico", "transpacifico.mx", "Mexico City"),
        ],
    },
    Country {
        code: "BR",
        currency: "BRL",
        per_100_usd: 500,
        dial: "55",
        weight: 8,
        people: &[
            ("Lucas", "Oliveira"),
            ("Ana", "Souza"),
            ("Gabriel", "Santos"),
            ("Juliana", "Pereira"),
            ("Rafael", "Costa"),
        ],
        companies: &[
            ("Fourth Coffee", "fourthcoffee.com", "São Paulo"),
            (
                "Construtora São Paulo Ltda.",
                "construtorasaopaulo.com.br",
                "São Paulo",
            ),
            (
                "Cooperativa Agrícola Paraná",
                "coopagroparana.com.br",
                "Curitiba",
            ),
            (
                "Banco Atlântico Sul",
                "atlanticosul.com.br",
                "Rio de Janeiro",
            ),
        ],
    },
    Country {
        code: "GB",
        currency: "GBP",
        per_100_usd: 79,
        dial: "44",
        weight: 20,
        people: &[
            ("Olivia", "Brown"),
            ("James", "Taylor"),
            ("Amelia", "Clarke"),
            ("Harry", "Evans"),
            ("Charlotte", "Hughes"),
            ("George", "Patel"),
        ],
        companies: &[
            ("Tailspin Toys", "tailspintoys.com", "London"),
            ("Litware, Inc.", "litwareinc.com", "Manchester"),
            ("School of Fine Art", "schooloffineart.net", "Edinburgh"),
            (
                "Thames Valley Housing",
                "thamesvalleyhousing.co.uk",
                "Reading",
            ),
            ("Pennine Foods", "penninefoods.co.uk", "Leeds"),
            ("Bristol Aerostructures", "bristolaero.co.uk", "Bristol"),
        ],
    },
    Country {
        code: "IE",
        currency: "EUR",
        per_100_usd: 92,
        dial: "353",
        weight: 5,
        people: &[
            ("Aoife", "Murphy"),
            ("Seán", "Kelly"),
            ("Niamh", "Byrne"),
            ("Conor", "Walsh"),
        ],
        companies: &[
            ("Blue Yonder Airlines", "blueyonderairlines.com", "Dublin"),
            ("Shannon MedTech", "shannonmedtech.ie", "Galway"),
            ("Liffey Credit Union", "liffeycu.ie", "Dublin"),
            ("Cork Harbour Logistics", "corkharbourlogistics.ie", "Cork"),
        ],
    },
    Country {
        code: "DE",
        currency: "EUR",
        per_100_usd: 92,
        dial: "49",
        weight: 22,
        people: &[
            ("Anna", "Schmidt"),
            ("Jürgen", "Müller"),
            ("Lukas", "Becker"),
            ("Sophie", "Weiß"),
            ("Jonas", "Fischer"),
            ("Mia", "Wagner"),
        ],
        companies: &[
            ("Contoso GmbH", "contoso.de", "Berlin"),
            (
                "Müller Maschinenbau GmbH",
                "mueller-maschinenbau.de",
                "Stuttgart",
            ),
            ("Munich Motor Werke", "mmw-auto.de", "München"),
            ("Southridge Video", "southridgevideo.com", "Hamburg"),
            (
                "Brauerei Düsseldorfer Tor",
                "duesseldorfer-tor.de",
                "Düsseldorf",
            ),
            ("Rheinland Logistik AG", "rheinland-logistik.de", "Köln"),
            ("Sächsische Glaswerke", "glaswerke-sachsen.de", "Dresden"),
            (
                "Frankfurter Versicherungsgruppe",
                "fvg-versicherung.de",
                "Frankfurt am Main",
            ),
        ],
    },
    Country {
        code: "AT",
        currency: "EUR",
        per_100_usd: 92,
        dial: "43",
        weight: 6,
        people: &[
            ("Sophie", "Gruber"),
            ("Maximilian", "Huber"),
            ("Katharina", "Bauer"),
            ("Florian", "Wimmer"),
        ],
        companies: &[
            (
                "Graphic Design Institute",
                "graphicdesigninstitute.com",
                "Wien",
            ),
            (
                "Österreichische Alpenbahn GmbH",
                "alpenbahn.at",
                "Innsbruck",
            ),
            ("Grazer Stahlbau", "grazer-stahlbau.at", "Graz"),
            ("Salzburger Hotelgruppe", "salzburger-hotels.at", "Salzburg"),
        ],
    },
    Country {
        code: "CH",
        currency: "CHF",
        per_100_usd: 88,
        dial: "41",
        weight: 8,
        people: &[
            ("Lukas", "Müller"),
            ("Laura", "Meier"),
            ("Noah", "Keller"),
            ("Léa", "Favre"),
        ],
        companies: &[
            ("Alpine Ski House", "alpineskihouse.com", "Zermatt"),
            (
                "Zürcher Feinmechanik AG",
                "zuercher-feinmechanik.ch",
                "Zürich",
            ),
            ("Banque Léman SA", "banqueleman.ch", "Genève"),
            ("Basler Chemie Handel", "basler-chemie.ch", "Basel"),
        ],
    },
    Country {
        code: "FR",
        currency: "EUR",
        per_100_usd: 92,
        dial: "33",
        weight: 14,
        people: &[
            ("Camille", "Dubois"),
            ("Hugo", "Martin"),
            ("Léa", "Bernard"),
            ("Thomas", "Lefèvre"),
            ("Chloé", "Moreau"),
        ],
        companies: &[
            ("Lamna Healthcare", "lamnahealthcare.com", "Paris"),
            ("Électricité du Rhône SAS", "electricite-rhone.fr", "Lyon"),
            (
                "Vignobles de Bordeaux Réunis",
                "vignobles-bordeaux.fr",
                "Bordeaux",
            ),
            ("Transports Méditerranée", "transmed.fr", "Marseille"),
            (
                "Coopérative Laitière de Normandie",
                "laitiere-normandie.fr",
                "Caen",
            ),
            ("Alliance Santé Lille", "alliancesante-lille.fr", "Lille"),
        ],
    },
    Country {
        code: "NL",
        currency: "EUR",
        per_100_usd: 92,
        dial: "31",
        weight: 10,
        people: &[
            ("Daan", "de Vries"),
            ("Emma", "Jansen"),
            ("Sem", "Bakker"),
            ("Julia", "Visser"),
        ],
        companies: &[
            (
                "Wide World Importers",
                "wideworldimporters.com",
                "Rotterdam",
            ),
            ("Hollandse Bloemenveiling", "hbveiling.nl", "Aalsmeer"),
            ("Utrecht Zorggroep", "utrechtzorg.nl", "Utrecht"),
            ("Eindhoven Precision Parts", "ehvparts.nl", "Eindhoven"),
        ],
    },
    Country {
        code: "BE",
        currency: "EUR",
        per_100_usd: 92,
        dial: "32",
        weight: 5,
        people: &[
            ("Lotte", "Peeters"),
            ("Lucas", "Janssens"),
            ("Élodie", "Dupont"),
            ("Arthur", "Maes"),
        ],
        companies: &[
            ("Brussels Airline Catering", "bac-catering.be", "Brussels"),
            ("Antwerp Diamond Logistics", "adl-antwerp.be", "Antwerpen"),
            ("Gentse Bouwgroep", "gentsebouwgroep.be", "Gent"),
            ("Liège Acier Services", "liege-acier.be", "Liège"),
        ],
    },
    Country {
        code: "ES",
        currency: "EUR",
        per_100_usd: 92,
        dial: "34",
        weight: 10,
        people: &[
            ("Lucía", "García"),
            ("Javier", "Fernández"),
            ("Carmen", "Ruiz"),
            ("Pablo", "Sánchez"),
        ],
        companies: &[
            ("Lucerne Publishing", "lucernepublishing.com", "Madrid"),
            ("Café Olé Distribución", "cafeole.es", "Sevilla"),
            ("Talleres Bilbaínos", "talleresbilbainos.es", "Bilbao"),
            ("Hoteles Costa Brava", "hotelescostabrava.es", "Girona"),
            (
                "Barcelona Smart Mobility",
                "bcnsmartmobility.es",
                "Barcelona",
            ),
            (
                "Valencia Cítricos Export",
                "valenciacitricos.es",
                "Valencia",
            ),
        ],
    },
    Country {
        code: "IT",
        currency: "EUR",
        per_100_usd: 92,
        dial: "39",
        weight: 10,
        people: &[
            ("Giulia", "Rossi"),
            ("Marco", "Bianchi"),
            ("Francesca", "Romano"),
            ("Luca", "Esposito"),
        ],
        companies: &[
            ("Proseware, Inc.", "proseware.com", "Milano"),
            (
                "Ceramiche Sassuolo Riunite",
                "ceramichesassuolo.it",
                "Sassuolo",
            ),
            ("Banca Popolare del Tirreno", "bptirreno.it", "Napoli"),
            ("Moda Fiorentina SpA", "modafiorentina.it", "Firenze"),
        ],
    },
    Country {
        code: "SE",
        currency: "SEK",
        per_100_usd: 1_050,
        dial: "46",
        weight: 6,
        people: &[
            ("Erik", "Lindqvist"),
            ("Anna", "Johansson"),
            ("Oskar", "Nilsson"),
            ("Elin", "Åberg"),
        ],
        companies: &[
            ("Trey Research", "treyresearch.net", "Stockholm"),
            ("Göteborgs Hamnlogistik AB", "hamnlogistik.se", "Göteborg"),
            ("Malmö Bygg & Fastighet", "malmobygg.se", "Malmö"),
            ("Norrland Skog AB", "norrlandskog.se", "Umeå"),
        ],
    },
    Country {
        code: "NO",
        currency: "NOK",
        per_100_usd: 1_070,
        dial: "47",
        weight: 4,
        people: &[
            ("Ingrid", "Hansen"),
            ("Magnus", "Olsen"),
            ("Sigrid", "Berg"),
            ("Henrik", "Solberg"),
        ],
        companies: &[
            ("Nordfjord Seafood", "nordfjordseafood.no", "Bergen"),
            ("Oslo Energi Service", "osloenergi.no", "Oslo"),
            ("Trøndelag Kraft", "trondelagkraft.no", "Trondheim"),
            (
                "Stavanger Offshore Teknikk",
                "stavangeroffshore.no",
                "Stavanger",
            ),
        ],
    },
    Country {
        code: "PL",
        currency: "PLN",
        per_100_usd: 400,
        dial: "48",
        weight: 7,
        people: &[
            ("Katarzyna", "Nowak"),
            ("Piotr", "Kowalski"),
            ("Agnieszka", "Wiśniewska"),
            ("Tomasz", "Zieliński"),
        ],
        companies: &[
            ("VanArsdel Ltd", "vanarsdel.com", "Warszawa"),
            ("Łódź Tekstylia Sp. z o.o.", "lodztekstylia.pl", "Łódź"),
            ("Stocznia Gdańsk Serwis", "stoczniaserwis.pl", "Gdańsk"),
            ("Kraków Software House", "krakowsoftware.pl", "Kraków"),
        ],
    },
    Country {
        code: "RU",
        currency: "RUB",
        per_100_usd: 9_200,
        dial: "7",
        weight: 6,
        people: &[
            ("Olga", "Ivanova"),
            ("Dmitry", "Sokolov"),
            ("Anastasia", "Smirnova"),
            ("Sergei", "Kuznetsov"),
            ("Elena", "Popova"),
        ],
        companies: &[
            ("Sever Stroy Group", "severstroy.ru", "Saint Petersburg"),
            ("Kazan Agro Holding", "kazanagro.ru", "Kazan"),
            (
                "Ural Metallurgical Trading",
                "uralmettrade.ru",
                "Yekaterinburg",
            ),
            (
                "Volga River Shipping",
                "volgashipping.ru",
                "Nizhny Novgorod",
            ),
            ("Sibir Pharma", "sibirpharma.ru", "Novosibirsk"),
            ("Moskva Retail Systems", "mskretail.ru", "Moscow"),
        ],
    },
    Country {
        code: "CN",
        currency: "CNY",
        per_100_usd: 720,
        dial: "86",
        weight: 9,
        people: &[
            ("Wei", "Zhang"),
            ("Na", "Li"),
            ("Jun", "Wang"),
            ("Xiaoming", "Chen"),
            ("Fang", "Liu"),
        ],
        companies: &[
            (
                "Shanghai Lianhua Logistics",
                "lianhua-logistics.cn",
                "Shanghai",
            ),
            ("Beijing Huaxia Retail", "huaxia-retail.cn", "Beijing"),
            (
                "Shenzhen Hengtai Electronics",
                "hengtai-electronics.cn",
                "Shenzhen",
            ),
            ("Hangzhou Xihu Textiles", "xihutextiles.cn", "Hangzhou"),
            ("Chengdu Tianfu Pharma", "tianfupharma.cn", "Chengdu"),
            (
                "Guangzhou Pearl River Foods",
                "pearlriverfoods.cn",
                "Guangzhou",
            ),
        ],
    },
    Country {
        code: "JP",
        currency: "JPY",
        per_100_usd: 15_000,
        dial: "81",
        weight: 8,
        people: &[
            ("Haruto", "Sato"),
            ("Yui", "Suzuki"),
            ("Sota", "Takahashi"),
            ("Aoi", "Tanaka"),
        ],
        companies: &[
            ("Nod Publishers", "nodpublishers.com", "Tokyo"),
            (
                "Osaka Precision Instruments",
                "osaka-precision.co.jp",
                "Osaka",
            ),
            ("Nagoya Auto Components", "nagoya-autoparts.co.jp", "Nagoya"),
            ("Kyoto Heritage Hotels", "kyotoheritage.jp", "Kyoto"),
        ],
    },
    Country {
        code: "IN",
        currency: "INR",
        per_100_usd: 8_300,
        dial: "91",
        weight: 10,
        people: &[
            ("Priya", "Sharma"),
            ("Rahul", "Gupta"),
            ("Ananya", "Iyer"),
            ("Arjun", "Reddy"),
            ("Kavya", "Nair"),
        ],
        companies: &[
            ("Relecloud", "relecloud.com", "Bengaluru"),
            ("Mumbai Metro Textiles", "mumbaimetrotex.in", "Mumbai"),
            ("Pune Auto Forge", "puneautoforge.in", "Pune"),
            ("Chennai Coastal Foods", "chennaicoastal.in", "Chennai"),
            ("Hyderabad Life Sciences", "hydlifesciences.in", "Hyderabad"),
            ("Delhi Capital Finance", "delhicapitalfin.in", "New Delhi"),
        ],
    },
    Country {
        code: "SG",
        currency: "SGD",
        per_100_usd: 135,
        dial: "65",
        weight: 6,
        people: &[
            ("Wei Ling", "Tan"),
            ("Ravi", "Kumar"),
            ("Siti", "Rahman"),
            ("Jason", "Lim"),
        ],
        companies: &[
            ("Margie's Travel", "margiestravel.com", "Singapore"),
            ("Lion City Fintech", "lioncityfintech.sg", "Singapore"),
            ("Straits Marine Services", "straitsmarine.sg", "Singapore"),
            ("Orchard Health Group", "orchardhealth.sg", "Singapore"),
        ],
    },
    Country {
        code: "AU",
        currency: "AUD",
        per_100_usd: 152,
        dial: "61",
        weight: 9,
        people: &[
            ("Jack", "Wilson"),
            ("Chloe", "Taylor"),
            ("Oliver", "Smith"),
            ("Isla", "Nguyen"),
        ],
        companies: &[
            ("Coho Winery", "cohowinery.com", "Adelaide"),
            ("Harbour City Legal", "harbourcitylegal.com.au", "Sydney"),
            ("Great Southern Mining", "gsmining.com.au", "Perth"),
            (
                "Brisbane River Health",
                "brisbaneriverhealth.com.au",
                "Brisbane",
            ),
            (
                "Melbourne Tram Works",
                "melbournetramworks.com.au",
                "Melbourne",
            ),
            ("Tasman Dairy", "tasmandairy.com.au", "Hobart"),
        ],
    },
    Country {
        code: "ZA",
        currency: "ZAR",
        per_100_usd: 1_800,
        dial: "27",
        weight: 4,
        people: &[
            ("Thabo", "Nkosi"),
            ("Lerato", "Dlamini"),
            ("Pieter", "van der Merwe"),
            ("Zanele", "Khumalo"),
        ],
        companies: &[
            ("City Power & Light", "cpandl.com", "Johannesburg"),
            ("Cape Fynbos Wines", "capefynbos.co.za", "Stellenbosch"),
            ("Durban Port Services", "durbanport.co.za", "Durban"),
            (
                "Highveld Mining Supplies",
                "highveldmining.co.za",
                "Pretoria",
            ),
        ],
    },
    Country {
        code: "AE",
        currency: "AED",
        per_100_usd: 367,
        dial: "971",
        weight: 5,
        people: &[
            ("Omar", "Al Mansouri"),
            ("Fatima", "Al Hashimi"),
            ("Ahmed", "Khalil"),
            ("Layla", "Haddad"),
        ],
        companies: &[
            ("Dubai Creek Trading", "dubaicreektrading.ae", "Dubai"),
            ("Abu Dhabi Desalination Co.", "adwater.ae", "Abu Dhabi"),
            ("Emirates Facility Services", "emiratesfs.ae", "Dubai"),
            ("Sharjah Logistics Park", "sharjahlogistics.ae", "Sharjah"),
        ],
    },
];

/// Who sends spam referrals: made-up outfits with throwaway mailboxes that
/// `domain::contacts` flags. (company, contact, country code, city)
const SPAMMERS: &[(&str, (&str, &str), &str, &str)] = &[
    ("Quick Prize Deals", ("Win", "Now"), "US", "Miami"),
    ("Best Crypto Yield Ltd", ("Max", "Profit"), "GB", "London"),
    ("Mega SEO Traffic Boost", ("Rank", "Fast"), "IN", "Mumbai"),
    (
        "Global Win Lottery Office",
        ("Lucky", "Draw"),
        "CN",
        "Shenzhen",
    ),
    ("Free Licence Giveaway", ("Promo", "Team"), "RU", "Moscow"),
    (
        "Cheap Cloud Credits 4U",
        ("Sales", "Desk"),
        "US",
        "Las Vegas",
    ),
];

const DISPOSABLE_DOMAINS: &[&str] = &[
    "mailinator.com",
    "yopmail.com",
    "guerrillamail.com",
    "10minutemail.com",
    "trashmail.com",
];

/// What an organisation sells: an offer, the vendor solution it builds on, and how deals read.
struct Product {
    offer_id: &'static str,
    offer_name: &'static str,
    /// The co-sell solution; listed in `requirements.solutions` it makes a deal registrable.
    solution: &'static str,
    /// What the customer needs help with, as a phrase.
    topic: &'static str,
    /// Deal names; `{n}` is replaced by a plausible count.
    deals: &'static [&'static str],
}

const PRODUCTS: [&[Product]; 2] = [
    &[
        Product {
            offer_id: "fabrikam.field-service",
            offer_name: "Fabrikam Field Service Accelerator",
            solution: "Dynamics 365 Field Service",
            topic: "field service scheduling",
            deals: &[
                "Field service rollout for {n} technicians",
                "Mobile work orders for {n} engineers",
                "Predictive maintenance pilot",
            ],
        },
        Product {
            offer_id: "fabrikam.cloud-backup",
            offer_name: "Fabrikam Cloud Backup",
            solution: "Azure Backup and Site Recovery",
            topic: "backup and disaster recovery",
            deals: &[
                "Cloud backup for {n} branch offices",
                "Disaster recovery for the main data centre",
                "Backup of {n} TB of file shares to Azure",
            ],
        },
        Product {
            offer_id: "fabrikam.analytics-hub",
            offer_name: "Fabrikam Analytics Hub",
            solution: "Microsoft Fabric",
            topic: "analytics and reporting",
            deals: &[
                "Sales analytics dashboards for {n} users",
                "Data warehouse consolidation",
                "Power BI centre of excellence",
            ],
        },
        Product {
            offer_id: "fabrikam.secure-workplace",
            offer_name: "Fabrikam Secure Workplace",
            solution: "Microsoft 365 E5 Security",
            topic: "device and identity security",
            deals: &[
                "Zero-trust rollout, {n} seats",
                "Intune device management for {n} laptops",
                "Security assessment and remediation",
            ],
        },
    ],
    &[
        Product {
            offer_id: "rival.erp-quickstart",
            offer_name: "Rival ERP Quickstart for Business Central",
            solution: "Dynamics 365 Business Central",
            topic: "moving our ERP to the cloud",
            deals: &[
                "Business Central migration from NAV 2013",
                "ERP rollout for {n} subsidiaries",
                "Finance and inventory modernisation",
            ],
        },
        Product {
            offer_id: "rival.landing-zone",
            offer_name: "Rival Azure Landing Zone",
            solution: "Azure Migrate and Modernize",
            topic: "migrating our servers to Azure",
            deals: &[
                "Landing zone and migration of {n} VMs",
                "SAP on Azure assessment",
                "Data centre exit before lease end",
            ],
        },
        Product {
            offer_id: "rival.copilot-ready",
            offer_name: "Rival Copilot Readiness",
            solution: "Microsoft 365 Copilot",
            topic: "rolling out Copilot safely",
            deals: &[
                "Copilot pilot for {n} knowledge workers",
                "Data governance before Copilot",
                "Copilot adoption programme",
            ],
        },
        Product {
            offer_id: "rival.contact-centre",
            offer_name: "Rival Cloud Contact Centre",
            solution: "Dynamics 365 Contact Center",
            topic: "replacing our contact centre",
            deals: &[
                "Contact centre replacement, {n} agents",
                "Omnichannel customer service",
                "Voice bot for first-line support",
            ],
        },
    ],
];

/// The partner's own people: (first name, last name, email, index in [`USERS`] if they sign in).
type Staff = (&'static str, &'static str, &'static str, Option<usize>);

const STAFF: [&[Staff]; 2] = [
    &[
        ("Rhea", "Reyes", "referrals@demo.test", Some(1)),
        ("Umar", "Usman", "user@demo.test", Some(2)),
        ("Ada", "Adler", "admin@demo.test", Some(0)),
        ("Jonas", "Weber", "jonas.weber@demo.test", None),
        ("Mei", "Takeda", "mei.takeda@demo.test", None),
    ],
    &[
        ("Rory", "Rival", "admin@rival.test", Some(5)),
        ("Sasha", "Stone", "sasha.stone@rival.test", None),
        ("Tomás", "Ortega", "tomas.ortega@rival.test", None),
    ],
];

/// The Referrals user, who may act only where they are on the team.
const REFERRALS_USER: usize = 1;

/// The vendor's marketing and sales people who pass on qualified leads.
const VENDOR_PEOPLE: &[&str] = &["Kim Akers", "Ben Miller", "Dan Jump", "Molly Dempsey"];

const CAMPAIGNS: &[&str] = &[
    "FY27-Q1-AZURE-MIGRATE",
    "FY27-Q2-MODERN-WORK",
    "FY27-Q2-SECURITY-DAYS",
    "FY27-Q3-AI-READINESS",
];

const INDUSTRIES: &[&str] = &[
    "Manufacturing",
    "Retail",
    "Financial services",
    "Healthcare",
    "Logistics",
    "Public sector",
    "Professional services",
    "Energy",
];

const SIZES: &[&str] = &[
    "1to9employees",
    "10to49employees",
    "50to999employees",
    "1000to9999employees",
    "10000plusemployees",
];

/// Deal sizes in US dollars by company size (same order as [`SIZES`]).
const DEAL_USD: [(i64, i64); 5] = [
    (2_000, 9_000),
    (5_000, 30_000),
    (12_000, 90_000),
    (30_000, 250_000),
    (60_000, 600_000),
];

/// What customers write when they ask for contact; `{topic}`, `{offer}`, `{n}`, `{month}`, `{city}`.
const CUSTOMER_MESSAGES: &[&str] = &[
    "Interested in {offer}. We are about {n} people and would like a quote before the end of the quarter.",
    "Please call me: we are comparing three vendors for {topic} and decide in {month}.",
    "Our current system is out of support next year. Looking for a partner near {city} who can help with {topic}.",
    "Saw the {offer} listing. Does it support local data residency? Our auditors will ask.",
    "Budget is approved for {topic}; we want to start in {month}. Who can run a workshop with our IT team?",
    "We tried the trial and like it. Need help with licensing and the rollout to {n} users.",
    "",
];

/// What spam referrals say.
const SPAM_MESSAGES: &[&str] = &[
    "Congratulations!!! Claim your free licences today at our partner portal.",
    "We guarantee 10x traffic in 7 days. Reply for price list.",
    "URGENT: your account will be suspended, verify your payment details now.",
];

/// Notes a salesperson writes when taking a deal on; same placeholders plus `{first}` and `{other}`.
const SALES_NOTES: &[&str] = &[
    "Discovery call with {first} done. {first} is the champion; the CFO signs. Proposal due mid-{month}.",
    "{first} confirmed budget. Incumbent is an on-prem system from 2014; their licence renewal in {month} drives the timeline.",
    "Demo booked with their IT lead next week. They want a reference: send the {other} case study.",
    "Price sensitive. Start with a six-week pilot at one site, then expand to all {n} users.",
    "Met {first} at their office in {city}. Strong fit, but security review needed before signing.",
    "Two competitors in play. Our edge: local team in {city} and a fixed-price pilot.",
];

/// (reason, notes) for declined leads.
const DECLINE_REASONS: &[(DeclineReason, &str)] = &[
    (
        DeclineReason::NotACustomer,
        "Student asking for interview partners for a thesis.",
    ),
    (
        DeclineReason::ProjectBudgetNotAdequate,
        "They expect the full rollout for less than our pilot costs.",
    ),
    (
        DeclineReason::CustomerRequirementNotMet,
        "They need an on-premises-only solution; we only deliver in the cloud.",
    ),
    (
        DeclineReason::TimelineTooShort,
        "Go-live wanted in two weeks, including data migration.",
    ),
    (
        DeclineReason::Others,
        "Outside the regions we serve; passed the contact to a partner there.",
    ),
    (
        DeclineReason::CustomerChoseAnotherVendor,
        "Called back: they signed with their existing supplier yesterday.",
    ),
    (DeclineReason::CustomerDidNotRespond, ""),
];

/// (reason, notes) for lost deals.
const LOST_REASONS: &[(DeclineReason, &str)] = &[
    (
        DeclineReason::CustomerChoseAnotherVendor,
        "Went with a local competitor on price.",
    ),
    (
        DeclineReason::ProjectBudgetNotAdequate,
        "Budget cut after the half-year results.",
    ),
    (
        DeclineReason::CustomerDidNotRespond,
        "No answer after the proposal despite four follow-ups.",
    ),
    (
        DeclineReason::CustomerRequirementNotMet,
        "Needed an integration with their legacy mainframe we cannot build.",
    ),
    (DeclineReason::TimelineTooShort, ""),
    (
        DeclineReason::Others,
        "Project put on hold after a merger was announced.",
    ),
];

// ---------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------

/// Where a demo referral ends up; the Inbox ones are as received, all others are
/// moved there by the domain's own transitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// New/Received, awaiting an answer.
    Inbox,
    /// New/Pending: the source is still completing the lead.
    Pending,
    /// New/Received with less than an hour left before it expires.
    ExpiringSoon,
    /// An informational offer lead (Get it now, Free trial, Test drive): needs no answer.
    Informational,
    /// An informational offer lead archived automatically after six months.
    InformationalArchived,
    Accepted,
    Won,
    Lost,
    Declined,
    /// Not answered within 14 days.
    Expired,
}

/// How many referrals of each plan every organisation gets.
const PLAN_MIX: &[(Plan, usize)] = &[
    (Plan::Inbox, 96),
    (Plan::Pending, 10),
    (Plan::ExpiringSoon, 4),
    (Plan::Informational, 30),
    (Plan::InformationalArchived, 6),
    (Plan::Accepted, 80),
    (Plan::Won, 42),
    (Plan::Lost, 30),
    (Plan::Declined, 34),
    (Plan::Expired, 26),
];

/// The demo referrals of organisation number `organisation` as of `now`;
/// deterministic, so every fresh install looks the same.
pub fn referrals(now: DateTime<Utc>, organisation: usize) -> Vec<Referral> {
    referrals_at_scale(now, organisation, 1)
}

/// The demo with `scale` times as many referrals of each plan: a realistic large
/// organisation (`--demo-scale 30` gives each about 10,000) for trying and testing
/// long lists.
pub fn referrals_at_scale(now: DateTime<Utc>, organisation: usize, scale: usize) -> Vec<Referral> {
    // Whole seconds: the demo reads as hand-entered data, not as a clock reading.
    let now = now.trunc_subsecs(0);
    let mut generator = Generator {
        rng: seeded::Rng::new(0x5eed_0000 + organisation as u64),
        now,
        organisation: organisation.min(1),
        id_block: organisation,
    };
    PLAN_MIX
        .iter()
        .flat_map(|&(plan, count)| std::iter::repeat_n(plan, count * scale.max(1)))
        .enumerate()
        .map(|(index, plan)| generator.referral(index, plan))
        .collect()
}

/// A small seeded PRNG (SplitMix64): the demo looks varied but is the same on every install.
mod seeded {
    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Rng {
            Rng(seed)
        }

        pub fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }

        /// A number in `low..=high`.
        pub fn between(&mut self, low: i64, high: i64) -> i64 {
            debug_assert!(low <= high, "{low}..={high}");
            let span = (high - low) as u64 + 1;
            low + (self.next_u64() % span) as i64
        }

        /// `true` with a chance of `percent` in a hundred.
        pub fn percent(&mut self, percent: u64) -> bool {
            self.next_u64() % 100 < percent
        }

        pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[(self.next_u64() % items.len() as u64) as usize]
        }

        /// One of `items`, each as likely as its weight.
        pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
            let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
            let mut roll = self.next_u64() % total;
            for (item, weight) in items {
                if roll < u64::from(*weight) {
                    return *item;
                }
                roll -= u64::from(*weight);
            }
            items[items.len() - 1].0
        }
    }
}

/// What the later steps of a referral's life need to know about how it was made.
struct Lead {
    country: &'static Country,
    domain: String,
    city: &'static str,
    product: &'static Product,
    first_name: &'static str,
    /// The deal size in US dollars, before conversion to the local currency.
    usd: i64,
    spam: bool,
}

struct Generator {
    rng: seeded::Rng,
    now: DateTime<Utc>,
    /// 0: the demo organisation, 1: the rival.
    organisation: usize,
    /// Keeps ids unique across organisations.
    id_block: usize,
}

impl Generator {
    fn referral(&mut self, index: usize, plan: Plan) -> Referral {
        let created = self.created(plan);
        let informational = matches!(plan, Plan::Informational | Plan::InformationalArchived);
        let spam = match plan {
            Plan::Declined => self.rng.percent(30),
            Plan::Inbox | Plan::Expired => self.rng.percent(6),
            _ => false,
        };
        let (mut referral, lead) = self.received(index, created, informational, spam);
        match plan {
            Plan::Inbox | Plan::ExpiringSoon | Plan::Informational => referral,
            Plan::Pending => {
                referral.substatus = Substatus::Pending;
                referral
            }
            Plan::Accepted => {
                let at = self.answered_at(&referral);
                self.accepted(&referral, &lead, at)
            }
            Plan::Won => {
                let (accepted, at) = self.accepted_long_ago(&referral, &lead);
                self.won(&accepted, &lead, at)
            }
            Plan::Lost => {
                let (accepted, at) = self.accepted_long_ago(&referral, &lead);
                let (reason, notes) = *self.rng.pick(LOST_REASONS);
                let actor = self.actor(&accepted);
                let command = reason_form(reason, notes)
                    .parse()
                    .expect("demo lost reason");
                lifecycle::lost(&accepted, command, &actor, at).expect("demo deal is lost")
            }
            Plan::Declined => {
                let at = self.answered_at(&referral);
                let (reason, notes) = if lead.spam {
                    (
                        DeclineReason::ReportAsAbuse,
                        "Throwaway mailbox and a prize-draw message. Reported.",
                    )
                } else {
                    *self.rng.pick(DECLINE_REASONS)
                };
                let actor = self.actor(&referral);
                let command = reason_form(reason, notes)
                    .parse()
                    .expect("demo decline reason");
                lifecycle::decline(&referral, command, &actor, at).expect("demo lead is declined")
            }
            Plan::Expired => {
                // The expiry job runs every hour.
                let at = referral.expiration_date_time + self.minutes(1, 59);
                lifecycle::expire_if_overdue(&referral, at).expect("demo lead is overdue")
            }
            Plan::InformationalArchived => {
                let due = referral
                    .offer_archive_date()
                    .expect("an informational lead");
                let at = due + self.minutes(1, 59);
                lifecycle::archive_if_informational_and_due(&referral, at)
                    .expect("demo offer lead is due")
            }
        }
    }

    fn minutes(&mut self, low: i64, high: i64) -> Duration {
        Duration::minutes(self.rng.between(low, high))
    }

    /// When the source created a referral of `plan`.
    fn created(&mut self, plan: Plan) -> DateTime<Utc> {
        const HOUR: i64 = 60;
        const DAY: i64 = 24 * HOUR;
        let age = match plan {
            // A third inside the 24-hour window, a quarter with a hot flame past it, the rest cooling.
            Plan::Inbox => match self.rng.between(0, 99) {
                0..35 => self.minutes(3, DAY - 1),
                35..60 => self.minutes(DAY, 3 * DAY - 1),
                _ => self.minutes(3 * DAY, 14 * DAY - 2 * HOUR),
            },
            Plan::Pending => self.minutes(10, 36 * HOUR),
            // Exactly whole minutes, so the expiry is 5 to 50 minutes from `now`.
            Plan::ExpiringSoon => {
                return self.now - domain::timing::EXPIRY_AFTER + self.minutes(5, 50);
            }
            Plan::Informational => self.minutes(20, 175 * DAY),
            Plan::InformationalArchived => self.minutes(190 * DAY, 400 * DAY),
            Plan::Accepted => self.minutes(2 * HOUR, 75 * DAY),
            Plan::Won | Plan::Lost => self.minutes(20 * DAY, 320 * DAY),
            Plan::Declined => self.minutes(2 * HOUR, 200 * DAY),
            Plan::Expired => self.minutes(15 * DAY, 240 * DAY),
        };
        self.now - age - Duration::seconds(self.rng.between(0, 59))
    }

    /// A time the partner answered an Inbox referral: after it arrived, before it expired, before now.
    fn answered_at(&mut self, referral: &Referral) -> DateTime<Utc> {
        let created = referral.created_date_time;
        let latest = (self.now - created - Duration::minutes(5))
            .min(Duration::days(13))
            .num_minutes();
        created + self.minutes(10.min(latest), latest) + Duration::seconds(self.rng.between(0, 59))
    }

    /// Accepted within days of arriving, and a time well after that when the deal closed.
    fn accepted_long_ago(&mut self, referral: &Referral, lead: &Lead) -> (Referral, DateTime<Utc>) {
        let accepted_at = referral.created_date_time + self.minutes(30, 5 * 24 * 60);
        let accepted = self.accepted(referral, lead, accepted_at);
        let room = (self.now - accepted_at - Duration::hours(1))
            .min(Duration::days(120))
            .num_minutes();
        let closed_at = accepted_at + self.minutes(3 * 24 * 60, room);
        (accepted, closed_at)
    }

    /// A referral as its source sends it: New/Received, with a customer, contacts and a deal idea.
    fn received(
        &mut self,
        index: usize,
        created: DateTime<Utc>,
        informational: bool,
        spam: bool,
    ) -> (Referral, Lead) {
        let org = self.organisation;
        let country_weights: Vec<(usize, u32)> = COUNTRIES
            .iter()
            .enumerate()
            .map(|(i, c)| (i, c.weight))
            .collect();
        let (country, company, domain, city, person) = if spam {
            let spammers: Vec<_> = SPAMMERS.iter().skip(org).step_by(2).collect();
            let (company, person, code, city) = **self.rng.pick(&spammers);
            let country = COUNTRIES
                .iter()
                .find(|c| c.code == code)
                .expect("spammer's country is listed");
            let domain = *self.rng.pick(DISPOSABLE_DOMAINS);
            (country, company, domain.to_owned(), city, person)
        } else {
            let country = &COUNTRIES[self.rng.weighted(&country_weights)];
            let companies: Vec<&Company> = country.companies.iter().skip(org).step_by(2).collect();
            let (company, domain, city) = **self.rng.pick(&companies);
            let person = *self.rng.pick(country.people);
            (country, company, domain.to_owned(), city, person)
        };
        let product = self.rng.pick(PRODUCTS[org]);
        let size = self
            .rng
            .weighted(&[(0usize, 10), (1, 20), (2, 35), (3, 25), (4, 10)]);
        let (low, high) = DEAL_USD[size];
        let usd = self.rng.between(low / 500, high / 500) * 500;
        let lead = Lead {
            country,
            domain,
            city,
            product,
            first_name: person.0,
            usd,
            spam,
        };

        // Spammers fill in the contact form of a marketplace listing.
        let qualification = if informational || spam {
            Qualification::Direct
        } else {
            self.rng.weighted(&[
                (Qualification::Direct, 55),
                (Qualification::MarketingQualified, 25),
                (Qualification::SalesQualified, 20),
            ])
        };
        let direct = qualification == Qualification::Direct;
        let (lead_type, call_to_action) = if informational {
            let cta = *self.rng.pick(&[
                CallToAction::GetItNow,
                CallToAction::FreeTrial,
                CallToAction::TestDrive,
            ]);
            (Some(LeadType::Offer), Some(cta))
        } else if direct {
            let lead_type = if self.rng.percent(65) {
                LeadType::Offer
            } else {
                LeadType::Profile
            };
            (Some(lead_type), Some(CallToAction::ContactMe))
        } else {
            (None, None)
        };
        let offer = lead_type == Some(LeadType::Offer);
        let requested_contact = !informational
            && self.rng.percent(match (qualification, lead_type) {
                _ if spam => 50,
                (Qualification::Direct, Some(LeadType::Offer)) => 45,
                (Qualification::Direct, _) => 35,
                (Qualification::SalesQualified, _) => 30,
                _ => 10,
            });
        let with_value = !spam
            && self.rng.percent(match qualification {
                Qualification::SalesQualified => 90,
                Qualification::MarketingQualified => 50,
                _ => 30,
            });
        let month = (created + Duration::days(self.rng.between(20, 90)))
            .format("%B")
            .to_string();
        let count = self.rng.between(12, 400);
        let message = match call_to_action {
            _ if spam => self.rng_pick(SPAM_MESSAGES),
            Some(CallToAction::GetItNow) => "Deployed {offer} from the marketplace.",
            Some(CallToAction::FreeTrial) => "Started a 30-day free trial of {offer}.",
            Some(CallToAction::TestDrive) => "Took the {offer} test drive.",
            _ => self.rng_pick(CUSTOMER_MESSAGES),
        };
        let message = self.fill(message, &lead, &month, count);
        let vendor_person = (*self.rng.pick(VENDOR_PEOPLE)).to_owned();
        let (campaign_id, invite_context) = match qualification {
            Qualification::MarketingQualified => {
                let campaign = *self.rng.pick(CAMPAIGNS);
                (
                    Some(campaign.to_owned()),
                    Some(InviteContext {
                        notes: Some(format!(
                            "Attended a {} and asked for a partner to follow up on {}.",
                            campaign_event(campaign),
                            product.topic
                        )),
                        invited_by: Some(vendor_person),
                    }),
                )
            }
            Qualification::SalesQualified => (
                None,
                Some(InviteContext {
                    notes: Some(format!(
                        "{} has budget for {} and wants a partner who can start in {month}. Requirements gathered on a call with their IT lead.",
                        person.0, product.topic
                    )),
                    invited_by: Some(vendor_person),
                }),
            ),
            _ => (None, None),
        };

        let mut contacts = vec![self.customer_contact(person, &lead)];
        if !spam && self.rng.percent(25) {
            let colleague = *self.rng.pick(country.people);
            if colleague != person {
                contacts.push(self.customer_contact(colleague, &lead));
            }
        }
        let deal = self.rng_pick(product.deals);
        let deal = self.fill(deal, &lead, &month, count);
        let mut referral = Referral {
            id: format!(
                "{:08x}-0000-4000-8000-{:012x}",
                0x5eed_0000u32 + index as u32,
                self.id_block * 100_000 + index
            ),
            engagement_id: Some(format!(
                "eng-{:06}",
                310_000 + self.id_block * 10_000 + index
            )),
            name: format!("{company} – {deal}"),
            external_reference_id: None,
            campaign_id,
            status: Status::New,
            substatus: Substatus::Received,
            status_reason: None,
            referral_type: if self.rng.percent(20) {
                ReferralType::Shared
            } else {
                ReferralType::Independent
            },
            qualification,
            direction: Direction::Incoming,
            favorite: false,
            created_date_time: created,
            updated_date_time: created,
            accepted_date_time: None,
            closed_date_time: None,
            expiration_date_time: timing::expiry_of(created),
            e_tag: "1".to_owned(),
            consent: Consent {
                consent_to_contact: spam || self.rng.percent(92),
                consent_to_share_info_with_others: self.rng.percent(50),
            },
            customer_profile: CustomerProfile {
                name: company.to_owned(),
                size: Some(SIZES[size].to_owned()),
                address: Address {
                    address_line1: None,
                    address_line2: None,
                    city: Some(city.to_owned()),
                    state: None,
                    postal_code: None,
                    country: country.code.to_owned(),
                    region: None,
                },
                team: contacts,
            },
            details: Details {
                notes: (!message.is_empty()).then_some(message),
                deal_value: with_value.then(|| local_amount(country, usd)),
                currency: with_value.then(|| country.currency.to_owned()),
                closing_date_time: None,
                customer_requested_contact: requested_contact,
                requirements: Requirements {
                    industries: vec![(*self.rng.pick(INDUSTRIES)).to_owned()],
                    products: if offer {
                        vec![product.offer_name.to_owned()]
                    } else {
                        vec![]
                    },
                    services: if self.rng.percent(40) {
                        vec![
                            (*self
                                .rng
                                .pick(&["Implementation", "Managed services", "Training"]))
                            .to_owned(),
                        ]
                    } else {
                        vec![]
                    },
                    solutions: if !spam && self.rng.percent(65) {
                        vec![product.solution.to_owned()]
                    } else {
                        vec![]
                    },
                },
            },
            team: self.inbox_team(),
            lead_type,
            lead_source: direct.then(|| {
                self.rng.weighted(&[
                    (LeadSource::AppSource, 45),
                    (LeadSource::AzureMarketplace, 35),
                    (LeadSource::AzurePortal, 20),
                ])
            }),
            call_to_action,
            offer_id: offer.then(|| product.offer_id.to_owned()),
            offer_name: offer.then(|| product.offer_name.to_owned()),
            lead_quality: None,
            target: None,
            invite_context,
            status_history: vec![],
            status_reason_notes: None,
            deal_registration: None,
        };
        referral.lead_quality = Some(domain::assess_quality(&referral));
        (referral, lead)
    }

    fn rng_pick(&mut self, items: &'static [&'static str]) -> &'static str {
        self.rng.pick::<&'static str>(items)
    }

    /// Fills a template's `{placeholders}` with this lead's details.
    fn fill(&mut self, template: &str, lead: &Lead, month: &str, count: i64) -> String {
        let other = self.rng.pick(COUNTRIES).companies[0].0;
        template
            .replace("{offer}", lead.product.offer_name)
            .replace("{topic}", lead.product.topic)
            .replace("{month}", month)
            .replace("{city}", lead.city)
            .replace("{first}", lead.first_name)
            .replace("{other}", other)
            .replace("{n}", &count.to_string())
    }

    /// A customer contact as the source reports it, re-assessed the way ingestion does.
    fn customer_contact(&mut self, (first, last): (&str, &str), lead: &Lead) -> Contact {
        let (first_ascii, last_ascii) = (ascii_mail_name(first), ascii_mail_name(last));
        let local = match self.rng.between(0, 3) {
            0 => format!("{}.{last_ascii}", &first_ascii[..1]),
            1 => first_ascii.clone(),
            _ => format!("{first_ascii}.{last_ascii}"),
        };
        let (email, email_validity) = if lead.spam {
            (
                Some(format!("{local}@{}", lead.domain)),
                EmailValidity::Valid,
            )
        } else {
            match self.rng.between(0, 99) {
                0..62 => (
                    Some(format!("{local}@{}", lead.domain)),
                    EmailValidity::Valid,
                ),
                62..80 => (
                    Some(format!("{local}@{}", lead.domain)),
                    EmailValidity::Unknown,
                ),
                // The source found no mailbox there.
                80..88 => (
                    Some(format!("{local}@{}", lead.domain)),
                    EmailValidity::Invalid,
                ),
                // Typed without the top-level domain.
                88..95 => {
                    let host = lead.domain.split('.').next().unwrap_or("mail");
                    (Some(format!("{local}@{host}")), EmailValidity::Unknown)
                }
                _ => (None, EmailValidity::Unknown),
            }
        };
        let (phone_number, phone_validity) = if lead.spam {
            if self.rng.percent(50) {
                (Some("+1 000 000 0000".to_owned()), PhoneValidity::Unknown)
            } else {
                (None, PhoneValidity::Unknown)
            }
        } else {
            let number = format!(
                "+{} {} {} {}",
                lead.country.dial,
                self.rng.between(20, 99),
                self.rng.between(100, 999),
                self.rng.between(1000, 9999)
            );
            match self.rng.between(0, 99) {
                0..52 => (Some(number), PhoneValidity::Valid),
                52..72 => (Some(number), PhoneValidity::Unknown),
                // Disconnected, says the source.
                72..78 => (Some(number), PhoneValidity::Invalid),
                // A national number without the country code.
                78..83 => (
                    Some(format!(
                        "0{} {}",
                        self.rng.between(20, 99),
                        self.rng.between(100_000, 999_999)
                    )),
                    PhoneValidity::Unknown,
                ),
                _ => (None, PhoneValidity::Unknown),
            }
        };
        Contact {
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            email,
            phone_number,
            email_validity,
            phone_validity,
        }
        .assessed()
    }

    /// Who the source routed a new referral to: in the demo organisation the Referrals user
    /// gets about a third, so they can act on some and not on others.
    fn inbox_team(&mut self) -> Vec<Contact> {
        let staff = STAFF[self.organisation];
        let roll = self.rng.between(0, 99);
        let member = match (self.organisation, roll) {
            (0, 0..34) => Some(&staff[REFERRALS_USER]),
            (0, 34..60) => Some(&staff[0]),
            (0, _) => None,
            (_, 0..50) => Some(&staff[0]),
            (_, _) => Some(self.rng.pick(staff)),
        };
        member.map(staff_contact).into_iter().collect()
    }

    /// Who acts on `referral`: the Referrals user when on its team (half the time), else an admin.
    fn actor(&mut self, referral: &Referral) -> Actor {
        let staff = STAFF[self.organisation];
        let on_team = |(_, _, email, _): &Staff| {
            referral
                .team
                .iter()
                .any(|m| m.email.as_deref() == Some(*email))
        };
        let signing_in: Vec<&Staff> = staff.iter().filter(|s| s.3.is_some()).collect();
        let chosen =
            if self.organisation == 0 && on_team(&staff[REFERRALS_USER]) && self.rng.percent(50) {
                &staff[REFERRALS_USER]
            } else if self.organisation == 0 {
                // The Referrals admin does most of the triage, the Partner admin some.
                if self.rng.percent(75) {
                    &staff[0]
                } else {
                    &staff[2]
                }
            } else {
                signing_in[0]
            };
        let user = chosen.3.expect("actors sign in");
        Actor::User {
            id: format!("user-demo-{user}"),
            name: USERS[user].name.to_owned(),
        }
    }

    /// Accepts `referral` at `at` through the domain, as a partner filling in the form would.
    fn accepted(&mut self, referral: &Referral, lead: &Lead, at: DateTime<Utc>) -> Referral {
        let staff = STAFF[self.organisation];
        let mut team: Vec<&Staff> = Vec::new();
        if self.organisation == 0 {
            if self.rng.percent(34) {
                team.push(&staff[REFERRALS_USER]);
            } else {
                team.push(*self.rng.pick(&[&staff[0], &staff[2], &staff[3], &staff[4]]));
            }
        } else {
            team.push(&staff[0]);
        }
        if self.rng.percent(40) {
            let extra = self.rng.pick(staff);
            if !team.contains(&extra) && (self.organisation != 0 || extra != &staff[REFERRALS_USER])
            {
                team.push(extra);
            }
        }
        let month = (at + Duration::days(self.rng.between(20, 90)))
            .format("%B")
            .to_string();
        let count = self.rng.between(20, 800);
        let notes = self.rng_pick(SALES_NOTES);
        let notes = self.fill(notes, lead, &month, count);
        let mut form = AcceptForm::prefilled(referral);
        if self.rng.percent(20) {
            form.deal.name = format!("{} (phase 1)", referral.name);
        }
        // The partner's own estimate, near what the source suggested.
        let usd = (lead.usd * self.rng.between(80, 130) / 100 / 500).max(1) * 500;
        form.deal.deal_value = local_amount(lead.country, usd).to_string();
        form.deal.currency = lead.country.currency.to_owned();
        form.deal.closing_date =
            (at.date_naive() + Days::new(self.rng.between(21, 150) as u64)).to_string();
        form.deal.team = team
            .iter()
            .map(|s| ContactForm::from_contact(&staff_contact(s)))
            .collect();
        form.deal.notes = notes;
        if self.rng.percent(70) {
            form.deal.external_reference_id =
                format!("CRM-{:06}", self.rng.between(100_000, 999_999));
        }
        if self.rng.percent(15) {
            let (first, last) = *self.rng.pick(lead.country.people);
            form.customer_contacts.push(ContactForm {
                first_name: first.to_owned(),
                last_name: last.to_owned(),
                email: format!("procurement@{}", lead.domain),
                phone_number: String::new(),
            });
        }
        let command = form.parse(at).expect("demo accept form is valid");
        let actor = self.actor(&Referral {
            team: team.iter().copied().map(staff_contact).collect(),
            ..referral.clone()
        });
        lifecycle::accept(referral, command, &actor, at).expect("demo lead is accepted")
    }

    /// Marks an accepted deal won at `at`, registering it when the product requires it
    /// (and often when it merely allows it).
    fn won(&mut self, accepted: &Referral, lead: &Lead, at: DateTime<Utc>) -> Referral {
        let rates = ExchangeRates::usd_only();
        let eligibility = domain::registration_eligibility(accepted, &rates);
        let register = eligibility.requires_registration()
            || (eligibility.allows_registration() && lead.usd >= 25_000 && self.rng.percent(60));
        let form = WonForm {
            deal_registration: register.then(|| self.registration_form(accepted, at)),
        };
        let command = form
            .parse(accepted, &rates, at)
            .expect("demo deal registration is valid");
        let actor = self.actor(accepted);
        let mut won = lifecycle::won(accepted, command, &actor, at).expect("demo deal is won");
        // The vendor reviews registrations within a few weeks; older ones have an answer.
        if let Some(registration) = won.deal_registration.as_mut()
            && self.now - at > Duration::days(21)
        {
            registration.state = self.rng.weighted(&[
                (RegistrationState::Approved, 60),
                (RegistrationState::ActionRequired, 15),
                (RegistrationState::Rejected, 10),
                (RegistrationState::Pending, 15),
            ]);
        }
        won
    }

    /// A deal registration that passes the rules at `at`: signed recently (not before the
    /// referral arrived), started after signing, in the deal's currency.
    fn registration_form(&mut self, referral: &Referral, at: DateTime<Utc>) -> RegistrationForm {
        let today = at.date_naive();
        let created = referral.created_date_time.date_naive();
        let signed = (today - Days::new(self.rng.between(0, 20) as u64)).max(created);
        let start = signed + Days::new(self.rng.between(0, 30) as u64);
        let perpetual = self.rng.percent(15);
        let end = start
            .checked_add_months(Months::new(12 * self.rng.between(1, 3) as u32))
            .and_then(|d| d.pred_opt())
            .unwrap_or(start);
        let marketplace = self.rng.percent(40);
        let total = referral.details.deal_value.unwrap_or_default();
        let solution =
            (total * Decimal::from(self.rng.between(60, 100)) / Decimal::from(100)).round();
        RegistrationForm {
            marketplace_transaction: Some(marketplace),
            marketplace_transaction_date: if marketplace {
                (today + Days::new(self.rng.between(5, 45) as u64)).to_string()
            } else {
                String::new()
            },
            deployed_on_azure: Some(self.rng.percent(80)),
            perpetual_contract: Some(perpetual),
            total_contract_value: total.to_string(),
            solution_value: solution.min(total).to_string(),
            contract_signed_date: signed.to_string(),
            contract_start_date: start.to_string(),
            contract_end_date: if perpetual {
                String::new()
            } else {
                end.to_string()
            },
            tenant_type: self.rng.pick(TenantType::ALL).as_str().to_owned(),
            pricing_model: self.rng.pick(PricingModel::ALL).as_str().to_owned(),
        }
    }
}

fn reason_form(reason: DeclineReason, notes: &str) -> ReasonForm {
    ReasonForm {
        status_reason: reason.as_str().to_owned(),
        notes: notes.to_owned(),
    }
}

fn staff_contact(&(first, last, email, _): &Staff) -> Contact {
    Contact {
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        email: Some(email.to_owned()),
        phone_number: None,
        email_validity: EmailValidity::Valid,
        phone_validity: PhoneValidity::Unknown,
    }
}

/// `usd` in the country's currency, rounded as a salesperson would quote it.
fn local_amount(country: &Country, usd: i64) -> Decimal {
    let step = if country.per_100_usd >= 1_000 {
        10_000
    } else {
        100
    };
    let local = usd * country.per_100_usd / 100;
    Decimal::from(((local + step / 2) / step).max(1) * step)
}

/// The kind of event a campaign ran, for the vendor's note.
fn campaign_event(campaign: &str) -> &'static str {
    if campaign.contains("SECURITY") {
        "security roadshow"
    } else if campaign.contains("AI") {
        "AI readiness webinar"
    } else if campaign.contains("MIGRATE") {
        "cloud migration workshop"
    } else {
        "modern work webinar"
    }
}

/// A name as it appears in a mailbox: `Jürgen` → `juergen`, `van der Merwe` → `vandermerwe`.
fn ascii_mail_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' | 'ø' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'å' | 'á' | 'à' | 'â' | 'ã' | 'ą' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'ę' => out.push('e'),
            'í' | 'ì' | 'î' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'õ' => out.push('o'),
            'ú' | 'ù' | 'û' => out.push('u'),
            'ç' | 'ć' => out.push('c'),
            'ñ' | 'ń' => out.push('n'),
            'ł' => out.push('l'),
            'ś' => out.push('s'),
            'ż' | 'ź' => out.push('z'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use chrono::TimeZone as _;
    use domain::{Category, Flame, LeadQuality, Stage};

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 15).unwrap()
    }

    fn demo() -> Vec<Referral> {
        referrals(now(), 0)
    }

    fn both() -> Vec<Referral> {
        let mut all = referrals(now(), 0);
        all.extend(referrals(now(), 1));
        all
    }

    /// Every referral, customer contacts included, of both organisations.
    fn contacts(referrals: &[Referral]) -> Vec<&Contact> {
        referrals
            .iter()
            .flat_map(|r| &r.customer_profile.team)
            .collect()
    }

    #[test]
    fn each_organisation_gets_at_least_320_referrals() {
        for organisation in 0..2 {
            let count = referrals(now(), organisation).len();
            assert!(count >= 320, "organisation {organisation} has {count}");
        }
    }

    #[test]
    fn the_demo_has_referrals_in_every_stage_substatus_and_category() {
        for organisation in 0..2 {
            let referrals = referrals(now(), organisation);
            for stage in Stage::ALL {
                assert!(referrals.iter().any(|r| r.stage() == stage), "no {stage:?}");
            }
            for substatus in Substatus::ALL {
                assert!(
                    referrals.iter().any(|r| r.substatus == *substatus),
                    "no {substatus:?} in organisation {organisation}"
                );
            }
            for category in Category::ALL {
                assert!(
                    referrals.iter().any(|r| r.category() == *category),
                    "no {category:?}"
                );
            }
            for qualification in [
                Qualification::Direct,
                Qualification::MarketingQualified,
                Qualification::SalesQualified,
            ] {
                assert!(referrals.iter().any(|r| r.qualification == qualification));
            }
        }
    }

    #[test]
    fn every_lead_source_call_to_action_type_and_quality_occurs() {
        for organisation in 0..2 {
            let referrals = referrals(now(), organisation);
            for source in LeadSource::ALL {
                assert!(
                    referrals.iter().any(|r| r.lead_source == Some(*source)),
                    "{source:?}"
                );
            }
            for cta in CallToAction::ALL {
                assert!(
                    referrals.iter().any(|r| r.call_to_action == Some(*cta)),
                    "{cta:?}"
                );
            }
            for lead_type in LeadType::ALL {
                assert!(
                    referrals.iter().any(|r| r.lead_type == Some(*lead_type)),
                    "{lead_type:?}"
                );
            }
            for quality in LeadQuality::ALL {
                assert!(
                    referrals.iter().any(|r| r.lead_quality == Some(*quality)),
                    "{quality:?}"
                );
            }
            let informational_in_inbox = referrals
                .iter()
                .filter(|r| r.status == Status::New && !r.awaits_answer())
                .count();
            assert!(
                informational_in_inbox > 0,
                "no informational offer lead in the Inbox"
            );
        }
    }

    #[test]
    fn every_email_and_phone_validity_occurs() {
        for organisation in 0..2 {
            let referrals = referrals(now(), organisation);
            let contacts = contacts(&referrals);
            for validity in EmailValidity::ALL {
                assert!(
                    contacts.iter().any(|c| c.email_validity == *validity),
                    "{validity:?}"
                );
            }
            for validity in PhoneValidity::ALL {
                assert!(
                    contacts.iter().any(|c| c.phone_validity == *validity),
                    "{validity:?}"
                );
            }
            assert!(
                contacts.iter().any(|c| c.phone_number.is_none()),
                "everyone has a phone"
            );
            assert!(
                referrals.iter().any(Referral::has_spam_contact),
                "no spam contact"
            );
        }
    }

    #[test]
    fn stored_validities_are_what_ingestion_would_assess() {
        for contact in contacts(&both()) {
            assert_eq!(contact.clone().assessed(), *contact);
        }
    }

    #[test]
    fn customers_come_from_at_least_25_valid_countries_with_cities() {
        for organisation in 0..2 {
            let referrals = referrals(now(), organisation);
            let countries: HashSet<&str> = referrals
                .iter()
                .map(|r| r.customer_profile.address.country.as_str())
                .collect();
            assert!(countries.len() >= 25, "only {} countries", countries.len());
            for referral in &referrals {
                let address = &referral.customer_profile.address;
                assert!(
                    domain::values::CountryCode::parse("country", &address.country).is_ok(),
                    "{}",
                    address.country
                );
                assert!(address.city.is_some());
            }
        }
        for country in COUNTRIES {
            assert!(country.companies.len() >= 2 && country.companies.len().is_multiple_of(2));
        }
    }

    #[test]
    fn ids_are_unique_across_both_organisations() {
        let all = both();
        let ids: HashSet<&str> = all.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), all.len());
    }

    #[test]
    fn the_two_organisations_have_different_customers() {
        let names = |organisation| -> HashSet<String> {
            referrals(now(), organisation)
                .into_iter()
                .map(|r| r.customer_profile.name)
                .collect()
        };
        assert!(names(0).is_disjoint(&names(1)));
    }

    #[test]
    fn every_referral_round_trips_through_json() {
        for referral in both() {
            let json = serde_json::to_string(&referral).expect("serialises");
            let back: Referral = serde_json::from_str(&json).expect("deserialises");
            assert_eq!(back, referral);
        }
    }

    #[test]
    fn the_demo_is_deterministic() {
        assert_eq!(referrals(now(), 0), referrals(now(), 0));
        assert_eq!(referrals(now(), 1), referrals(now(), 1));
        // Later installs look the same, only shifted in time.
        let later = referrals(now() + Duration::days(3), 0);
        for (a, b) in demo().iter().zip(&later) {
            assert_eq!(a.name, b.name);
            assert_eq!(b.created_date_time - a.created_date_time, Duration::days(3));
        }
    }

    #[test]
    fn closed_referrals_were_closed_by_the_domain_transitions() {
        for referral in both().iter().filter(|r| r.status == Status::Closed) {
            let last = referral.status_history.last().expect("a status history");
            assert_eq!(last.substatus, referral.substatus, "{}", referral.id);
            assert_eq!(last.status, Status::Closed);
            assert_eq!(referral.closed_date_time, Some(last.at));
            assert!(last.at <= now());
            match referral.substatus {
                Substatus::Won | Substatus::Lost => {
                    assert!(referral.accepted_date_time.is_some());
                    assert_eq!(referral.status_history.len(), 2);
                    assert_eq!(
                        referral.status_reason.is_some(),
                        referral.substatus == Substatus::Lost
                    );
                }
                Substatus::Declined => {
                    assert!(referral.status_reason.is_some());
                    assert!(referral.accepted_date_time.is_none());
                }
                Substatus::Expired => {
                    assert_eq!(referral.status_history[0].by, Actor::System);
                }
                _ => {}
            }
        }
    }

    #[test]
    fn accepted_referrals_were_accepted_by_a_demo_user_on_time() {
        for organisation in 0..2 {
            for referral in referrals(now(), organisation)
                .iter()
                .filter(|r| r.accepted_date_time.is_some())
            {
                let accepted = &referral.status_history[0];
                assert_eq!(accepted.substatus, Substatus::Accepted);
                assert!(accepted.at < referral.expiration_date_time);
                assert!(accepted.at >= referral.created_date_time);
                let Actor::User { id, name } = &accepted.by else {
                    panic!("accepted by the system: {}", referral.id)
                };
                let user = &USERS[id
                    .trim_start_matches("user-demo-")
                    .parse::<usize>()
                    .unwrap()];
                assert_eq!(user.name, name);
                assert_eq!(
                    user.organisation_id,
                    [ORGANISATION_ID, RIVAL_ORGANISATION_ID][organisation]
                );
                assert!(!referral.team.is_empty());
            }
        }
    }

    #[test]
    fn won_deals_that_must_be_registered_are() {
        let all = both();
        let won: Vec<&Referral> = all
            .iter()
            .filter(|r| r.substatus == Substatus::Won)
            .collect();
        let rates = ExchangeRates::usd_only();
        for referral in &won {
            if domain::registration_eligibility(referral, &rates).requires_registration() {
                assert!(referral.deal_registration.is_some(), "{}", referral.id);
            }
        }
        assert!(won.iter().any(|r| r.deal_registration.is_some()));
        assert!(won.iter().any(|r| r.deal_registration.is_none()));
    }

    #[test]
    fn flames_and_deadlines_are_all_on_show() {
        let referrals = demo();
        let inbox: Vec<&Referral> = referrals
            .iter()
            .filter(|r| r.status == Status::New)
            .collect();
        assert!(inbox.iter().any(|r| r.flame(now()) == Flame::Hot));
        assert!(inbox.iter().any(|r| r.flame(now()) == Flame::Cooled));
        let expiring_within_the_hour = inbox
            .iter()
            .filter(|r| matches!(r.expiry(now()), Some(domain::Countdown::Remaining(left)) if left <= Duration::hours(1)))
            .count();
        assert!(expiring_within_the_hour >= 1);
        assert!(
            inbox.iter().all(|r| !r.is_overdue_for_expiry(now())),
            "an Inbox lead is overdue"
        );
        assert!(
            inbox
                .iter()
                .any(|r| r.response_window(now()).is_some_and(|w| !w.is_overdue()))
        );
        assert!(
            inbox
                .iter()
                .any(|r| r.response_window(now()).is_some_and(|w| w.is_overdue()))
        );
    }

    #[test]
    fn the_referrals_user_is_on_about_a_third_of_the_open_referrals() {
        let referrals = demo();
        let open: Vec<&Referral> = referrals
            .iter()
            .filter(|r| r.status != Status::Closed)
            .collect();
        let theirs = open
            .iter()
            .filter(|r| {
                r.team
                    .iter()
                    .any(|m| m.email.as_deref() == Some("user@demo.test"))
            })
            .count();
        let share = theirs as f64 / open.len() as f64;
        assert!((0.25..0.45).contains(&share), "{theirs} of {}", open.len());
    }

    #[test]
    fn the_demo_can_be_generated_at_any_time() {
        // Month ends, leap days and year ends move the dates the forms check.
        let mut at = Utc.with_ymd_and_hms(2027, 12, 31, 23, 59, 59).unwrap();
        for _ in 0..12 {
            for organisation in 0..2 {
                let referrals = referrals(at, organisation);
                assert!(referrals.iter().all(|r| r.updated_date_time <= at));
            }
            at += Duration::hours(24 * 29 + 7) + Duration::minutes(13);
        }
    }

    #[test]
    #[ignore = "prints samples for reading"]
    fn print_samples() {
        for referral in demo().iter().step_by(23) {
            println!("{}", serde_json::to_string_pretty(referral).unwrap());
        }
    }

    #[test]
    fn print_the_mix() {
        // Run with --nocapture to see what the demo holds.
        for organisation in 0..2 {
            let referrals = referrals(now(), organisation);
            let mut mix: BTreeMap<String, usize> = BTreeMap::new();
            for referral in &referrals {
                let key = format!(
                    "{:?}/{:?} {:?}",
                    referral.status,
                    referral.substatus,
                    referral.category()
                );
                *mix.entry(key).or_default() += 1;
                let flame = format!("flame {:?}", referral.flame(now()));
                *mix.entry(flame).or_default() += 1;
            }
            let count = |f: &dyn Fn(&Referral) -> bool| referrals.iter().filter(|r| f(r)).count();
            println!("organisation {organisation}: {} referrals", referrals.len());
            for (key, count) in &mix {
                println!("  {key}: {count}");
            }
            println!(
                "  informational in the Inbox: {}, spam contacts: {}, registered: {}",
                count(&|r| r.status == Status::New && !r.awaits_answer()),
                count(&|r| r.has_spam_contact()),
                count(&|r| r.deal_registration.is_some()),
            );
            assert_eq!(
                mix.iter()
                    .filter(|(k, _)| !k.starts_with("flame"))
                    .map(|(_, v)| v)
                    .sum::<usize>(),
                referrals.len()
            );
        }
    }
}
