//! The demo's customers: the countries they are in, the companies and people who
//! send referrals (and the spammers who do), and how big their deals are.

/// A customer company: name, mail domain, city.
pub(super) type Company = (&'static str, &'static str, &'static str);

/// A country the demo's customers are in, with what makes its leads look local.
pub(super) struct Country {
    /// ISO 3166-1 alpha-2.
    pub(super) code: &'static str,
    /// ISO 4217: deals are quoted in the local currency.
    pub(super) currency: &'static str,
    /// Roughly how many units of `currency` buy 100 US dollars, so deal sizes read right.
    pub(super) per_100_usd: i64,
    /// International dialling code, without `+`.
    pub(super) dial: &'static str,
    /// How often the country's customers send leads, relative to the others.
    pub(super) weight: u32,
    pub(super) people: &'static [(&'static str, &'static str)],
    /// Even positions are customers of the demo organisation, odd ones of the rival,
    /// so the two tenants look different.
    pub(super) companies: &'static [Company],
}

pub(super) const COUNTRIES: &[Country] = &[
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
pub(super) const SPAMMERS: &[(&str, (&str, &str), &str, &str)] = &[
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

pub(super) const DISPOSABLE_DOMAINS: &[&str] = &[
    "mailinator.com",
    "yopmail.com",
    "guerrillamail.com",
    "10minutemail.com",
    "trashmail.com",
];

pub(super) const INDUSTRIES: &[&str] = &[
    "Manufacturing",
    "Retail",
    "Financial services",
    "Healthcare",
    "Logistics",
    "Public sector",
    "Professional services",
    "Energy",
];

pub(super) const SIZES: &[&str] = &[
    "1to9employees",
    "10to49employees",
    "50to999employees",
    "1000to9999employees",
    "10000plusemployees",
];

/// Deal sizes in US dollars by company size (same order as [`SIZES`]).
pub(super) const DEAL_USD: [(i64, i64); 5] = [
    (2_000, 9_000),
    (5_000, 30_000),
    (12_000, 90_000),
    (30_000, 250_000),
    (60_000, 600_000),
];
