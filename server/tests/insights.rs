//! `GET /api/v1/insights`: the domain's figures of the user's own organisation, as the
//! list shows its referrals; bad ranges are refused — each case on SQLite and PostgreSQL.

mod support;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::insights::{Insights, InsightsRange, insights};
use domain::{Referral, Role, Status, Substatus};
use reqwest::StatusCode;
use serde_json::Value;
use support::Session;
use support::builders::{TestOrganisation, TestReferral, TestUser};

/// Every referral the user's list holds, as the list hands them out.
async fn listed(session: &Session) -> Vec<Referral> {
    let response = session.get("/api/v1/referrals?limit=1000").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers().get("link").is_none(),
        "one page holds them all"
    );
    response.json().await.unwrap()
}

/// The server's figures for `query`, and the domain's on the user's listed referrals at
/// the instants just before and just after the request (the server's `now` is between).
async fn answer_and_expected(
    session: &Session,
    query: &str,
    range: impl Fn(NaiveDate) -> InsightsRange,
) -> (Insights, [Insights; 2]) {
    let referrals = listed(session).await;
    let before = Utc::now();
    let response = session.get(&format!("/api/v1/insights{query}")).await;
    let after = Utc::now();
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "GET /api/v1/insights{query}"
    );
    let answer: Insights = response.json().await.unwrap();
    let expected = [before, after].map(|now| insights(&referrals, range(now.date_naive()), now));
    (answer, expected)
}

fn won(referral: Referral, value: &str, currency: &str, at: DateTime<Utc>) -> Referral {
    let mut won = Referral {
        status: Status::Closed,
        substatus: Substatus::Won,
        closed_date_time: Some(at),
        updated_date_time: at,
        ..referral
    };
    won.details.deal_value = Some(value.parse().unwrap());
    won.details.currency = Some(currency.to_owned());
    won
}

fn closed(referral: Referral, substatus: Substatus, at: DateTime<Utc>) -> Referral {
    Referral {
        status: Status::Closed,
        substatus,
        closed_date_time: Some(at),
        updated_date_time: at,
        ..referral
    }
}

async fn problem(response: reqwest::Response) -> Value {
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    response.json().await.unwrap()
}

backend_tests! {
    async fn the_answer_is_the_domain_function_on_the_organisations_own_referrals(app) {
        let pool = app.pool().await;
        let ours = TestOrganisation::create(&pool).await;
        let theirs = TestOrganisation::create(&pool).await;
        let now = Utc::now();
        let referrals = [
            TestReferral::inbox().build(),
            TestReferral::expiring_at(now + Duration::hours(10)).build(),
            TestReferral::accepted().build(),
            won(TestReferral::accepted().build(), "12000.50", "EUR", now - Duration::hours(3)),
            won(TestReferral::accepted().build(), "30000", "USD", now - Duration::hours(2)),
            closed(TestReferral::accepted().build(), Substatus::Lost, now - Duration::hours(1)),
            closed(TestReferral::inbox().build(), Substatus::Declined, now - Duration::minutes(30)),
            TestReferral::informational_offer(now - Duration::days(3)).build(),
        ];
        referral_desk_server::db::referrals::insert_many(&pool, &ours.id, &referrals).await.unwrap();
        // Another organisation's leads, won and expiring too: never counted.
        let foreign = [
            won(TestReferral::accepted().build(), "999", "EUR", now - Duration::hours(1)),
            TestReferral::expiring_at(now + Duration::hours(5)).build(),
            TestReferral::inbox().build(),
        ];
        referral_desk_server::db::referrals::insert_many(&pool, &theirs.id, &foreign).await.unwrap();
        let user = TestUser::new(Role::ReferralsUser).in_organisation(&ours).create(&pool).await;
        let session = user.sign_in(&app).await;

        let (answer, expected) = answer_and_expected(&session, "", InsightsRange::default_until).await;
        assert!(expected.contains(&answer), "{answer:#?}\nis not the domain's\n{:#?}", expected[1]);
        assert_eq!(answer.funnel.received, 8);
        assert_eq!((answer.funnel.accepted, answer.funnel.won), (4, 2));
        assert_eq!(answer.win_rate_percent, Some(67));
        let expiring: Vec<&str> = answer.expiring_soon.iter().map(|lead| lead.id.as_str()).collect();
        assert_eq!(expiring, [referrals[1].id.as_str()]);
        let values: Vec<(String, String)> = answer.won_by_month.iter().map(|m| (m.currency.clone(), m.amount.to_string())).collect();
        assert!(values.contains(&("EUR".to_owned(), "12000.5".to_owned())), "{values:?}");
        assert!(!values.iter().any(|(_, amount)| amount.contains("999")), "{values:?}");

        // A range of one day that holds only the lead expiring in 10 hours (created 13.5 days ago).
        let day = (now - Duration::days(13) - Duration::hours(14)).date_naive();
        let query = format!("?from={day}&to={day}");
        let (answer, expected) = answer_and_expected(&session, &query, |_| InsightsRange::new(day, day).unwrap()).await;
        assert!(expected.contains(&answer), "{answer:#?}");
        assert_eq!((answer.from, answer.to), (day, day));
        assert_eq!(answer.funnel.received, 1);

        // The other organisation sees only its own.
        let other = TestUser::new(Role::PartnerAdmin).in_organisation(&theirs).create(&pool).await;
        let figures: Insights = serde_json::from_value(other.sign_in(&app).await.get_json("/api/v1/insights").await).unwrap();
        assert_eq!((figures.funnel.received, figures.funnel.won), (3, 1));
        assert_eq!(figures.expiring_soon.len(), 1);
        assert_eq!(figures.expiring_soon[0].id, foreign[1].id);
    }

    async fn the_demo_organisations_figures_are_the_domains_on_its_list(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let (answer, expected) = answer_and_expected(&session, "", InsightsRange::default_until).await;
        assert!(expected.contains(&answer), "{answer:#?}");
        assert!(answer.funnel.received > 0, "the demo has recent leads");
        let today = Utc::now().date_naive();
        let from = today - Duration::days(400);
        let query = format!("?from={from}&to={today}");
        let (answer, expected) = answer_and_expected(&session, &query, |_| InsightsRange::new(from, today).unwrap()).await;
        assert!(expected.contains(&answer), "{answer:#?}");
    }

    async fn bad_ranges_are_refused_with_a_problem_that_says_why(app) {
        let session = app.sign_in("viewer@demo.test").await;
        for (query, says) in [
            ("from=2026-13-01", "\"from\" must be a date like 2026-09-01, not \"2026-13-01\"."),
            ("to=yesterday", "\"to\" must be a date like 2026-09-01, not \"yesterday\"."),
            ("from=2026-9-1&to=2026-11-30", "\"from\" must be a date like 2026-09-01"),
            ("from=1999-01-01&to=2026-11-30", "\"from\" must be in the years 2000 to 2100"),
            ("from=2026-11-02&to=2026-11-01", "The range starts after it ends"),
        ] {
            let problem = problem(session.get(&format!("/api/v1/insights?{query}")).await).await;
            let detail = problem["detail"].as_str().unwrap_or_default();
            assert!(detail.contains(says), "{query}: {problem}");
        }
        assert_eq!(app.get("/api/v1/insights").await.status(), StatusCode::UNAUTHORIZED);
    }

    async fn the_openapi_document_describes_the_answer(app) {
        let document: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
        let operation = &document["paths"]["/api/v1/insights"]["get"];
        assert_eq!(operation["operationId"], "insights");
        assert!(operation["responses"]["400"].is_object());
        let schema = &document["components"]["schemas"]["Insights"];
        assert!(schema["properties"]["winRatePercent"].is_object(), "{schema}");
    }
}
