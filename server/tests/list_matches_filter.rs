//! The list API (`GET /api/v1/referrals`) answers from a list kept in memory and
//! brought up to date from the change feed. Property: for random filters, sorts,
//! favorites and page sizes, with random changes in between (through this server,
//! through a second server on the same database, and written straight to the
//! database as another process would), every page followed through its cursors, and
//! `X-Total-Count`, equal the domain `Filter` applied to the referrals as stored; and
//! a lead's page (`GET /api/v1/referrals/{id}`), which answers from the same list, equals
//! the referral as stored, with its heart and its version in `ETag`. Each case on SQLite
//! and PostgreSQL.

mod support;

use std::collections::HashSet;

use domain::{Filter, Referral};
use futures_util::TryStreamExt as _;
use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::TestRunner;
use reqwest::Method;
use serde_json::json;
use support::{Session, TestApp, accept_form};

const ORGANISATION: &str = "org-demo-fabrikam";
/// Queries per backend, each after a random change.
const ROUNDS: usize = 40;

/// A change between two queries.
#[derive(Debug, Clone)]
enum Change {
    /// A heart on or off the `n`-th referral, on the first or the second server.
    Heart {
        n: usize,
        on: bool,
        second: bool,
    },
    /// Accept the `n`-th Inbox referral, on the first or the second server.
    Accept {
        n: usize,
        second: bool,
    },
    /// Decline the `n`-th Inbox referral.
    Decline {
        n: usize,
    },
    /// Rename the `n`-th referral's customer, written straight to the database.
    Rename {
        n: usize,
        name: &'static str,
    },
    Nothing,
}

/// One list request: the domain filter's query string, favorites-only, the page size.
#[derive(Debug, Clone)]
struct ListRequest {
    query: String,
    favorites_only: bool,
    limit: usize,
}

/// Names and words the demo holds (with accents), and some it does not.
const WORDS: &[&str] = &[
    "contoso",
    "GMBH",
    "énergie",
    "energie",
    "muller",
    "são",
    "traders bank",
    "zzz-none",
    "a",
    "Ünïcode Straße",
];
const NEW_NAMES: &[&str] = &["Ünïcode Straße AG", "Contoso Énergie", "Northwind Müller"];

fn one_of<T: Clone + std::fmt::Debug + 'static>(values: &[T]) -> impl Strategy<Value = T> {
    proptest::sample::select(values.to_vec())
}

/// Random filters as query strings: the list reads them as the domain does.
fn list_request() -> impl Strategy<Value = ListRequest> {
    // Each filter is set now and then, so that most lists keep rows and several pages.
    let repeated = |name: &'static str, values: &'static [&'static str]| {
        proptest::option::weighted(0.15, proptest::sample::subsequence(values, 1..=2)).prop_map(
            move |picked| {
                picked
                    .unwrap_or_default()
                    .iter()
                    .map(|v| format!("{name}={}", domain::filter::percent_encode(v)))
                    .collect::<Vec<_>>()
            },
        )
    };
    let fields = (
        proptest::option::of(one_of(&["Inbox", "Accepted", "Archived"])),
        proptest::option::weighted(0.3, one_of(&["Marketplace", "Qualified"])),
        repeated("country", &["US", "DE", "FR", "CA", "GB"]),
        repeated("customer", &["contoso", "Énergie", "bank"]),
        repeated(
            "leadSource",
            &["AppSource", "AzureMarketplace", "AzurePortal"],
        ),
        repeated("leadQuality", &["High", "Medium", "Low"]),
        repeated(
            "callToAction",
            &["ContactMe", "FreeTrial", "GetItNow", "TestDrive"],
        ),
        repeated("status", &["New", "Active", "Closed"]),
        repeated("emailValidity", &["Valid", "Invalid", "Spam", "Unknown"]),
        repeated("phoneValidity", &["Valid", "Invalid", "Unknown"]),
    );
    let view = (
        proptest::option::weighted(0.25, one_of(WORDS)),
        one_of(&[
            "created",
            "updated",
            "dealValue",
            "expiry",
            "emailValidity",
            "phoneValidity",
        ]),
        one_of(&["asc", "desc"]),
        proptest::bool::weighted(0.2),
        prop_oneof![1usize..8, 20usize..120, Just(1000usize)],
    );
    (fields, view).prop_map(
        |(
            (
                stage,
                category,
                countries,
                customers,
                sources,
                qualities,
                ctas,
                statuses,
                emails,
                phones,
            ),
            (search, sort, dir, favorites_only, limit),
        )| {
            let mut pairs: Vec<String> = Vec::new();
            pairs.extend(stage.map(|s| format!("stage={s}")));
            pairs.extend(category.map(|c| format!("category={c}")));
            for set in [
                countries, customers, sources, qualities, ctas, statuses, emails, phones,
            ] {
                pairs.extend(set);
            }
            pairs.extend(search.map(|q| format!("q={}", domain::filter::percent_encode(q))));
            pairs.push(format!("sort={sort}"));
            pairs.push(format!("dir={dir}"));
            ListRequest {
                query: pairs.join("&"),
                favorites_only,
                limit,
            }
        },
    )
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (0usize..400, any::<bool>(), any::<bool>()).prop_map(|(n, on, second)| Change::Heart { n, on, second }),
        2 => (0usize..400, any::<bool>()).prop_map(|(n, second)| Change::Accept { n, second }),
        1 => (0usize..400).prop_map(|n| Change::Decline { n }),
        2 => (0usize..400, one_of(NEW_NAMES)).prop_map(|(n, name)| Change::Rename { n, name }),
        1 => Just(Change::Nothing),
    ]
}

/// The organisation's referrals as the user is shown them, read straight from the
/// database, and the user's hearts.
async fn stored(pool: &referral_desk_server::db::Pool, user_id: &str) -> Vec<Referral> {
    let mut conn = pool.acquire().await.unwrap();
    let hearts = referral_desk_server::db::favorites::referral_ids(&mut conn, user_id)
        .await
        .unwrap();
    let referrals: Vec<Referral> =
        referral_desk_server::db::referrals::written_after(&mut conn, ORGANISATION, -1)
            .try_collect()
            .await
            .unwrap();
    referrals
        .into_iter()
        .map(|r| {
            let favorite = hearts.contains(&r.id);
            Referral { favorite, ..r }.redacted()
        })
        .collect()
}

/// Every page of a list request, followed through `Link` headers: the referrals and
/// each page's `X-Total-Count`.
async fn all_pages(session: &Session, request: &ListRequest) -> (Vec<Referral>, Vec<usize>) {
    let favorites = if request.favorites_only {
        "&favorites=only"
    } else {
        ""
    };
    let mut path = Some(format!(
        "/api/v1/referrals?{}{favorites}&limit={}",
        request.query, request.limit
    ));
    let (mut referrals, mut totals) = (Vec::new(), Vec::new());
    while let Some(next) = path.take() {
        let response = session.get(&next).await;
        assert_eq!(response.status(), 200, "GET {next}");
        totals.push(
            response.headers()["x-total-count"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap(),
        );
        path = response.headers().get("link").map(|link| {
            let link = link.to_str().unwrap();
            link[link.find('<').unwrap() + 1..link.find('>').unwrap()].to_owned()
        });
        let page: Vec<Referral> = response.json().await.unwrap();
        assert!(page.len() <= request.limit);
        referrals.extend(page);
        assert!(referrals.len() <= 2_000, "the cursor moves on");
    }
    (referrals, totals)
}

/// Applies one change; returns whether it was made (an action the referral's state
/// refuses is not).
async fn make(
    change: &Change,
    app: &TestApp,
    first: &Session,
    second: &Session,
    all: &[Referral],
) -> bool {
    let nth = |n: usize| &all[n % all.len()];
    let inbox: Vec<&Referral> = all
        .iter()
        .filter(|r| r.status == domain::Status::New)
        .collect();
    let session = |second_server: bool| if second_server { second } else { first };
    match change {
        Change::Heart { n, on, second } => {
            let method = if *on { Method::PUT } else { Method::DELETE };
            let response = session(*second)
                .request(
                    method,
                    &format!("/api/v1/referrals/{}/favorite", nth(*n).id),
                )
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 204);
            true
        }
        Change::Accept { n, second } if !inbox.is_empty() => {
            let referral = inbox[n % inbox.len()];
            let path = format!("/api/v1/referrals/{}/accept", referral.id);
            let response = session(*second)
                .act(&path, &referral.e_tag, &accept_form())
                .await;
            response.status().is_success()
        }
        Change::Decline { n } if !inbox.is_empty() => {
            let referral = inbox[n % inbox.len()];
            let path = format!("/api/v1/referrals/{}/decline", referral.id);
            let reason = json!({ "statusReason": "NotACustomer", "notes": "" });
            first
                .act(&path, &referral.e_tag, &reason)
                .await
                .status()
                .is_success()
        }
        Change::Rename { n, name } => {
            // As another process would: its own pool, a change number, a versioned write.
            let pool = app.pool().await;
            let mut transaction = pool.begin().await.unwrap();
            let change =
                referral_desk_server::db::feed::next_change(&mut transaction, ORGANISATION)
                    .await
                    .unwrap();
            let mut current = referral_desk_server::db::referrals::find(
                &mut transaction,
                ORGANISATION,
                &nth(*n).id,
            )
            .await
            .unwrap()
            .unwrap();
            let version = referral_desk_server::db::referrals::version_of(&current).unwrap();
            current.customer_profile.name = (*name).to_owned();
            current.updated_date_time = chrono::Utc::now();
            referral_desk_server::db::referrals::update(
                &mut transaction,
                ORGANISATION,
                &current,
                version,
                change,
            )
            .await
            .unwrap()
            .expect("nobody else writes meanwhile");
            transaction.commit().await.unwrap();
            pool.close().await;
            true
        }
        _ => false,
    }
}

backend_tests! {
    async fn every_page_and_the_total_equal_the_domain_filter(app) {
        let first = app.sign_in("admin@demo.test").await;
        let second = first.on(app.start_another().await);
        let pool = app.pool().await;
        let user_id: (String,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
            .bind("admin@demo.test")
            .fetch_one(&pool)
            .await
            .unwrap();
        // Generated without shrinking: the requests are async, the runner's closures are not.
        // Deterministic, so a failure repeats.
        let mut runner = TestRunner::deterministic();
        let mut hearted = HashSet::new();
        let mut made = 0;
        let (mut non_empty, mut paged) = (0, 0);
        for round in 0..ROUNDS {
            let change = change().new_tree(&mut runner).unwrap().current();
            let request = list_request().new_tree(&mut runner).unwrap().current();
            let before = stored(&pool, &user_id.0).await;
            made += usize::from(make(&change, &app, &first, &second, &before).await);
            let now = stored(&pool, &user_id.0).await;
            hearted.extend(now.iter().filter(|r| r.favorite).map(|r| r.id.clone()));

            // The referrals a change touched (their version moved), and one more in turn.
            let mut opened: Vec<&Referral> = now
                .iter()
                .filter(|r| before.iter().any(|b| b.id == r.id && (b.e_tag != r.e_tag || b.favorite != r.favorite)))
                .collect();
            opened.push(&now[round * 37 % now.len()]);
            // Asked alternately of either server: both must know every change.
            let server = if round % 2 == 0 { &first } else { &second };
            for referral in opened {
                // A lead's page answers from the same list in memory once it was read.
                let path = format!("/api/v1/referrals/{}", referral.id);
                let response = server.get(&path).await;
                assert_eq!(response.status(), 200, "round {round}: GET {path}");
                assert_eq!(
                    response.headers()["etag"].to_str().unwrap(),
                    format!("\"{}\"", referral.e_tag),
                    "round {round}: GET {path} after {change:?}"
                );
                let shown: Referral = response.json().await.unwrap();
                assert_eq!(&shown, referral, "round {round}: GET {path} after {change:?}");
            }

            let filter = Filter::from_query_string(&request.query).unwrap();
            let narrowed: Vec<Referral> = now
                .into_iter()
                .filter(|r| r.favorite || !request.favorites_only)
                .collect();
            let expected: Vec<&Referral> = filter.apply(&narrowed);
            let (listed, totals) = all_pages(server, &request).await;
            non_empty += usize::from(!listed.is_empty());
            paged += usize::from(totals.len() > 1);
            let listed_ids: Vec<&str> = listed.iter().map(|r| r.id.as_str()).collect();
            let expected_ids: Vec<&str> = expected.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(listed_ids, expected_ids, "round {round}: {change:?} then {request:?}");
            assert!(
                listed.iter().zip(&expected).all(|(l, e)| l == *e),
                "round {round}: each referral as stored, with its heart: {request:?}"
            );
            assert!(
                totals.iter().all(|total| *total == expected.len()),
                "round {round}: X-Total-Count {totals:?}, expected {}: {request:?}",
                expected.len()
            );
        }
        assert!(!hearted.is_empty(), "the rounds hearted something");
        // The random filters are not so narrow that most lists come back empty.
        assert!(non_empty >= ROUNDS / 3 && paged >= ROUNDS / 8, "{non_empty} lists with rows, {paged} of several pages");
        assert!(made >= ROUNDS / 3, "only {made} of {ROUNDS} rounds changed something");
    }

    async fn a_page_boundary_holds_when_its_last_referral_changes(app) {
        let session = app.sign_in("referrals@demo.test").await;
        let query = "stage=Inbox&sort=expiry&dir=asc";
        let ids = |list: &serde_json::Value| -> Vec<String> {
            list.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
        };
        let whole = ids(&session.get_json(&format!("/api/v1/referrals?{query}&limit=1000")).await);
        let next_link = |response: &reqwest::Response| {
            let link = response.headers()["link"].to_str().unwrap().to_owned();
            link[link.find('<').unwrap() + 1..link.find('>').unwrap()].to_owned()
        };
        // The first page ends with a lead awaiting an answer; declined, it has no expiry
        // and sorts last. The next page still starts right after where it was.
        let first = session.get(&format!("/api/v1/referrals?{query}&limit=3")).await;
        let next = next_link(&first);
        let page = ids(&first.json().await.unwrap());
        assert_eq!(page, whole[..3]);
        let last = session.get_json(&format!("/api/v1/referrals/{}", page[2])).await;
        let declined = session
            .act(&format!("/api/v1/referrals/{}/decline", page[2]), last["eTag"].as_str().unwrap(), &json!({ "statusReason": "CustomerDidNotRespond" }))
            .await;
        assert_eq!(declined.status(), 200);
        let second = ids(&session.get_json(&next).await);
        assert_eq!(second, whole[3..3 + second.len()], "no lead is skipped");
        assert_eq!(second.len(), 3);

        // Sorted by the last change, an action moves the page's last referral to the top:
        // the next page neither repeats the first one nor starts over.
        let query = "stage=Inbox&sort=updated&dir=desc";
        let whole = ids(&session.get_json(&format!("/api/v1/referrals?{query}&limit=1000")).await);
        let first = session.get(&format!("/api/v1/referrals?{query}&limit=2")).await;
        let next = next_link(&first);
        let page = ids(&first.json().await.unwrap());
        let hearted = session.request(Method::PUT, &format!("/api/v1/referrals/{}/favorite", page[1])).send().await.unwrap();
        assert!(hearted.status().is_success());
        let last = session.get_json(&format!("/api/v1/referrals/{}", page[1])).await;
        let declined = session
            .act(&format!("/api/v1/referrals/{}/decline", page[1]), last["eTag"].as_str().unwrap(), &json!({ "statusReason": "CustomerDidNotRespond" }))
            .await;
        assert_eq!(declined.status(), 200);
        let second = ids(&session.get_json(&next).await);
        assert_eq!(second, whole[2..4], "the second page follows the first");

        // A favorites-only list goes on after a page whose last referral is un-hearted.
        for id in &whole[2..4] {
            let hearted = session.request(Method::PUT, &format!("/api/v1/referrals/{id}/favorite")).send().await.unwrap();
            assert!(hearted.status().is_success());
        }
        let favorites = format!("{query}&favorites=only");
        let hearts = ids(&session.get_json(&format!("/api/v1/referrals?{favorites}&limit=1000")).await);
        assert!(hearts.len() >= 2, "{hearts:?}");
        let first = session.get(&format!("/api/v1/referrals?{favorites}&limit=1")).await;
        let next = next_link(&first);
        let page = ids(&first.json().await.unwrap());
        let removed = session.request(Method::DELETE, &format!("/api/v1/referrals/{}/favorite", page[0])).send().await.unwrap();
        assert!(removed.status().is_success());
        let second = session.get(&next).await;
        assert_eq!(second.status(), 200);
        assert_eq!(ids(&second.json().await.unwrap())[0], hearts[1]);
    }

    async fn a_cursor_outside_the_list_and_a_bad_limit_are_refused(app) {
        let session = app.sign_in("admin@demo.test").await;
        let unknown = session.get("/api/v1/referrals?cursor=no-such-referral").await;
        assert_eq!(unknown.status(), 400);
        let some = session.first("stage=Inbox").await;
        let id = some["id"].as_str().unwrap();
        // A referral that is not a favorite cannot continue a favorites-only list.
        let not_hearted = session.get(&format!("/api/v1/referrals?favorites=only&cursor={id}")).await;
        assert_eq!(not_hearted.status(), 400);
        // A cursor need not match the filter: the list continues where it sorts now.
        let elsewhere = session.get(&format!("/api/v1/referrals?stage=Archived&cursor={id}")).await;
        assert_eq!(elsewhere.status(), 200);
        for limit in ["0", "1001", "ten"] {
            let response = session.get(&format!("/api/v1/referrals?limit={limit}")).await;
            assert_eq!(response.status(), 400, "limit={limit}");
        }
    }
}
