//! What people write on a referral: the customer's message, the salesperson's notes,
//! and the reasons a lead is declined or a deal lost.

use domain::DeclineReason;

/// What customers write when they ask for contact; `{topic}`, `{offer}`, `{n}`, `{month}`, `{city}`.
pub(super) const CUSTOMER_MESSAGES: &[&str] = &[
    "Interested in {offer}. We are about {n} people and would like a quote before the end of the quarter.",
    "Please call me: we are comparing three vendors for {topic} and decide in {month}.",
    "Our current system is out of support next year. Looking for a partner near {city} who can help with {topic}.",
    "Saw the {offer} listing. Does it support local data residency? Our auditors will ask.",
    "Budget is approved for {topic}; we want to start in {month}. Who can run a workshop with our IT team?",
    "We tried the trial and like it. Need help with licensing and the rollout to {n} users.",
    "",
];

/// What spam referrals say.
pub(super) const SPAM_MESSAGES: &[&str] = &[
    "Congratulations!!! Claim your free licences today at our partner portal.",
    "We guarantee 10x traffic in 7 days. Reply for price list.",
    "URGENT: your account will be suspended, verify your payment details now.",
];

/// Notes a salesperson writes when taking a deal on; same placeholders plus `{first}` and `{other}`.
pub(super) const SALES_NOTES: &[&str] = &[
    "Discovery call with {first} done. {first} is the champion; the CFO signs. Proposal due mid-{month}.",
    "{first} confirmed budget. Incumbent is an on-prem system from 2014; their licence renewal in {month} drives the timeline.",
    "Demo booked with their IT lead next week. They want a reference: send the {other} case study.",
    "Price sensitive. Start with a six-week pilot at one site, then expand to all {n} users.",
    "Met {first} at their office in {city}. Strong fit, but security review needed before signing.",
    "Two competitors in play. Our edge: local team in {city} and a fixed-price pilot.",
];

/// (reason, notes) for declined leads.
pub(super) const DECLINE_REASONS: &[(DeclineReason, &str)] = &[
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
pub(super) const LOST_REASONS: &[(DeclineReason, &str)] = &[
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
