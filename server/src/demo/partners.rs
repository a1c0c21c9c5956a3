//! The two partner organisations (what they sell, who works there) and the vendor's
//! people and campaigns that pass qualified leads on to them.

/// What an organisation sells: an offer, the vendor solution it builds on, and how deals read.
pub(super) struct Product {
    pub(super) offer_id: &'static str,
    pub(super) offer_name: &'static str,
    /// The co-sell solution; listed in `requirements.solutions` it makes a deal registrable.
    pub(super) solution: &'static str,
    /// What the customer needs help with, as a phrase.
    pub(super) topic: &'static str,
    /// Deal names; `{n}` is replaced by a plausible count.
    pub(super) deals: &'static [&'static str],
}

pub(super) const PRODUCTS: [&[Product]; 2] = [
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

/// The partner's own people: (first name, last name, email, index in [`USERS`](super::USERS) if they sign in).
pub(super) type Staff = (&'static str, &'static str, &'static str, Option<usize>);

pub(super) const STAFF: [&[Staff]; 2] = [
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
pub(super) const REFERRALS_USER: usize = 1;

/// The vendor's marketing and sales people who pass on qualified leads.
pub(super) const VENDOR_PEOPLE: &[&str] = &["Kim Akers", "Ben Miller", "Dan Jump", "Molly Dempsey"];

pub(super) const CAMPAIGNS: &[&str] = &[
    "FY27-Q1-AZURE-MIGRATE",
    "FY27-Q2-MODERN-WORK",
    "FY27-Q2-SECURITY-DAYS",
    "FY27-Q3-AI-READINESS",
];
