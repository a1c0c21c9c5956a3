//! Filter + search + sort over 50,000 generated referrals (target: well under 16 ms
//! per full query natively). Run: `cargo bench -p referral-desk-domain --bench query`.

use std::hint::black_box;

use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use domain::{
    CallToAction, Contact, EmailValidity, Filter, LeadSource, PhoneValidity, Qualification,
    Referral, SearchIndex, Status, Substatus,
};

const COUNTRIES: [&str; 8] = ["DE", "US", "GB", "FR", "CH", "CN", "RU", "BR"];
const COMPANIES: [&str; 8] = [
    "Müller AG",
    "Contoso",
    "Northwind Traders",
    "Société Générale d'Étude",
    "Zürich Logistik",
    "上海联华",
    "Северсталь",
    "São Paulo Café",
];

/// 50,000 varied referrals, deterministic.
fn referrals() -> Vec<Referral> {
    let template: Referral = serde_json::from_value(serde_json::json!({
        "id": "", "engagementId": null, "name": "", "externalReferenceId": null, "campaignId": null,
        "status": "New", "substatus": "Received", "statusReason": null, "type": "Independent",
        "qualification": "Direct", "direction": "Incoming",
        "createdDateTime": "2026-11-20T09:00:00Z", "updatedDateTime": "2026-11-20T09:00:00Z",
        "acceptedDateTime": null, "closedDateTime": null, "expirationDateTime": "2026-12-04T09:00:00Z",
        "eTag": "1", "consent": { "consentToContact": true, "consentToShareInfoWithOthers": false },
        "customerProfile": { "name": "", "size": null, "address": { "addressLine1": null, "addressLine2": null,
            "city": null, "state": null, "postalCode": null, "country": "DE", "region": null }, "team": [] },
        "details": { "notes": "Asked for a call next week about licensing.", "dealValue": "1000", "currency": "EUR",
            "closingDateTime": null, "customerRequestedContact": false, "requirements": {} },
        "team": [], "leadType": "Offer", "leadSource": "AppSource", "callToAction": "ContactMe",
        "offerId": null, "offerName": null, "leadQuality": null
    }))
    .unwrap();
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    (0..50_000usize)
        .map(|i| {
            let mut r = template.clone();
            r.id = format!("r-{i:06}");
            r.customer_profile.name = format!("{} {}", COMPANIES[i % 8], i % 97);
            r.name = format!("{} – deal {i}", COMPANIES[(i / 8) % 8]);
            r.customer_profile.address.country = COUNTRIES[(i / 3) % 8].to_owned();
            r.created_date_time = start + Duration::minutes((i * 37 % 400_000) as i64);
            r.updated_date_time = r.created_date_time;
            r.expiration_date_time = r.created_date_time + Duration::days(14);
            r.details.deal_value = Some(rust_decimal_value(i));
            (r.status, r.substatus) = [
                (Status::New, Substatus::Received),
                (Status::Active, Substatus::Accepted),
                (Status::Closed, Substatus::Won),
            ][i % 3];
            r.qualification = [
                Qualification::Direct,
                Qualification::MarketingQualified,
                Qualification::SalesQualified,
            ][i % 3];
            r.lead_source = Some(
                [
                    LeadSource::AppSource,
                    LeadSource::AzureMarketplace,
                    LeadSource::AzurePortal,
                ][i % 3],
            );
            r.call_to_action = Some(
                [
                    CallToAction::ContactMe,
                    CallToAction::FreeTrial,
                    CallToAction::GetItNow,
                    CallToAction::TestDrive,
                ][i % 4],
            );
            r.customer_profile.team = vec![Contact {
                first_name: "Jürgen".into(),
                last_name: format!("Schmidt{}", i % 50),
                email: Some(format!("contact{i}@example{}.com", i % 13)),
                phone_number: Some("+49 30 901820".into()),
                email_validity: [
                    EmailValidity::Valid,
                    EmailValidity::Unknown,
                    EmailValidity::Invalid,
                    EmailValidity::Spam,
                ][i % 4],
                phone_validity: [
                    PhoneValidity::Valid,
                    PhoneValidity::Unknown,
                    PhoneValidity::Invalid,
                ][i % 3],
            }];
            r
        })
        .collect()
}

fn rust_decimal_value(i: usize) -> rust_decimal::Decimal {
    rust_decimal::Decimal::new((i as i64 * 7919) % 10_000_000, 2)
}

fn full_queries(c: &mut Criterion) {
    let referrals = referrals();
    let queries = [
        ("inbox, newest first", "stage=Inbox"),
        (
            "two countries + email validity, by deal value",
            "country=DE&country=CH&emailValidity=Valid&sort=dealValue&dir=desc",
        ),
        (
            "accent-insensitive search, by expiry",
            "q=muller%20zurich&sort=expiry&dir=asc",
        ),
        (
            "everything at once",
            "stage=Inbox&category=Marketplace&callToAction=ContactMe&country=DE&leadSource=AppSource&emailValidity=Valid&phoneValidity=Valid&q=jurgen&sort=dealValue",
        ),
    ];
    for (name, query) in queries {
        let filter = Filter::from_query_string(query).unwrap();
        c.bench_function(&format!("50k referrals: {name}"), |b| {
            b.iter(|| black_box(filter.apply(black_box(&referrals))).len())
        });
    }
    // A list queried again and again folds its searchable text once.
    c.bench_function("50k referrals: building the search index", |b| {
        b.iter(|| SearchIndex::new(black_box(&referrals)))
    });
    let index = SearchIndex::new(&referrals);
    let search = Filter::from_query_string(queries[2].1).unwrap();
    c.bench_function(
        "50k referrals: accent-insensitive search, by expiry, indexed",
        |b| b.iter(|| black_box(search.apply_indexed(black_box(&referrals), &index)).len()),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = full_queries
}
criterion_main!(benches);
