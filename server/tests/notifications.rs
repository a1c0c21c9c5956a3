//! The notification centre: a lead's arrival gives each person of its organisation one
//! item, in the lead's own transaction; the reminder job writes flame and expiring items
//! exactly once, however often and however many instances run it, and moves the feed so
//! open apps hear of them; items are read one by one or all at once, and nobody reaches
//! another person's items.

mod support;

use chrono::{Duration, Utc};
use domain::{Referral, Role};
use referral_desk_server::db::{self, Pool};
use referral_desk_server::live::Live;
use referral_desk_server::{arrivals, jobs};
use reqwest::Method;
use serde_json::Value;
use support::Session;
use support::builders::{TestOrganisation, TestReferral, TestUser};

/// Stores `referral` and records its arrival in one transaction, as ingestion does.
async fn arrive(pool: &Pool, organisation: &TestOrganisation, referral: &Referral) {
    let mut transaction = pool.begin().await.unwrap();
    db::referrals::insert(&mut transaction, &organisation.id, [referral])
        .await
        .unwrap();
    arrivals::lead_arrived(&mut transaction, &organisation.id, referral, Utc::now())
        .await
        .unwrap();
    transaction.commit().await.unwrap();
}

/// A Contact me lead in the Inbox whose customer asked to be contacted.
fn flame_lead() -> Referral {
    let mut referral = TestReferral::inbox().build();
    referral.details.customer_requested_contact = true;
    referral
}

async fn notifications(session: &Session) -> Value {
    session.get_json("/api/v1/notifications").await
}

/// (kind, referral id) of each item, sorted.
fn kinds_and_leads(page: &Value) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["kind"].as_str().unwrap().to_owned(),
                item["referralId"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

async fn post(session: &Session, path: &str) -> reqwest::Response {
    session.request(Method::POST, path).send().await.unwrap()
}

backend_tests! {
    async fn a_new_lead_gives_each_person_of_its_organisation_one_item(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let viewer = TestUser::new(Role::Viewer).in_organisation(&organisation).create(&pool).await;
        let elsewhere = TestOrganisation::create(&pool).await;
        let stranger = TestUser::new(Role::PartnerAdmin).in_organisation(&elsewhere).create(&pool).await;

        let lead = TestReferral::inbox().build();
        arrive(&pool, &organisation, &lead).await;

        for person in [&admin, &viewer] {
            let page = notifications(&person.sign_in(&app).await).await;
            assert_eq!(page["unread"], 1, "{}", person.email);
            let items = page["items"].as_array().unwrap();
            assert_eq!(items.len(), 1);
            assert_eq!(items[0]["kind"], "NewLead");
            assert_eq!(items[0]["referralId"], lead.id.as_str());
            assert_eq!(items[0]["customerName"], "Contoso Ltd");
            assert_eq!(items[0]["dealName"], lead.name.as_str());
            assert!(items[0]["readAt"].is_null());
            assert!(items[0]["createdAt"].is_string());
        }
        let theirs = notifications(&stranger.sign_in(&app).await).await;
        assert_eq!(theirs["items"].as_array().unwrap().len(), 0);
        assert_eq!(theirs["unread"], 0);

        // Recorded again (a retried ingestion): still one item each.
        let mut transaction = pool.begin().await.unwrap();
        arrivals::lead_arrived(&mut transaction, &organisation.id, &lead, Utc::now()).await.unwrap();
        transaction.commit().await.unwrap();
        assert_eq!(notifications(&admin.sign_in(&app).await).await["unread"], 1);

        // An informational offer lead needs no answer: no bell.
        let offer = TestReferral::informational_offer(Utc::now()).build();
        arrive(&pool, &organisation, &offer).await;
        assert_eq!(notifications(&admin.sign_in(&app).await).await["unread"], 1);
    }

    async fn a_lead_rolled_back_leaves_no_item(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::ReferralsAdmin).in_organisation(&organisation).create(&pool).await;
        let lead = TestReferral::inbox().build();
        let mut transaction = pool.begin().await.unwrap();
        db::referrals::insert(&mut transaction, &organisation.id, [&lead]).await.unwrap();
        arrivals::lead_arrived(&mut transaction, &organisation.id, &lead, Utc::now()).await.unwrap();
        transaction.rollback().await.unwrap();
        assert_eq!(notifications(&admin.sign_in(&app).await).await["unread"], 0);
    }

    async fn the_job_writes_flame_and_expiring_items_once_even_on_two_instances_at_once(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let user = TestUser::new(Role::ReferralsUser).in_organisation(&organisation).create(&pool).await;
        let now = Utc::now();
        let flame = flame_lead();
        let expiring = TestReferral::expiring_at(now + Duration::hours(10)).build();
        let mut both = TestReferral::expiring_at(now + Duration::hours(47)).build();
        both.details.customer_requested_contact = true;
        let plain = TestReferral::inbox().build();
        let later = TestReferral::expiring_at(now + Duration::hours(49)).build();
        let mut answered = TestReferral::accepted().build();
        answered.details.customer_requested_contact = true;
        db::referrals::insert_many(&pool, &organisation.id, [&flame, &expiring, &both, &plain, &later, &answered])
            .await
            .unwrap();
        let session = admin.sign_in(&app).await;
        let cursor = session.get_json("/api/v1/sync?limit=1000").await["cursor"].as_str().unwrap().to_owned();

        // Two instances (two pools) run the jobs at the same instant.
        let other_pool = app.pool().await;
        let (live_a, live_b) = (Live::default(), Live::default());
        let heard_a = live_a.subscribe(&organisation.id, 0);
        let heard_b = live_b.subscribe(&organisation.id, 0);
        let (a, b) = tokio::join!(jobs::run_once(&pool, &live_a, now), jobs::run_once(&other_pool, &live_b, now));
        let (a, b) = (a.unwrap(), b.unwrap());
        let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM notification_items")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(a.reminded + b.reminded, stored as u64, "each item written by exactly one runner: {a:?} {b:?}");
        assert!(
            heard_a.has_changed().unwrap() || heard_b.has_changed().unwrap(),
            "the runner that wrote announced the feed's move"
        );

        let expected = {
            let mut expected = vec![
                ("ExpiringSoon".to_owned(), both.id.clone()),
                ("ExpiringSoon".to_owned(), expiring.id.clone()),
                ("FlameNotContacted".to_owned(), both.id.clone()),
                ("FlameNotContacted".to_owned(), flame.id.clone()),
            ];
            expected.sort();
            expected
        };
        for person in [&admin, &user] {
            let page = notifications(&person.sign_in(&app).await).await;
            assert_eq!(kinds_and_leads(&page), expected, "{}", person.email);
            assert_eq!(page["unread"], 4);
        }
        // The feed moved, so open apps pull and refresh their items.
        let page = session.get_json(&format!("/api/v1/sync?since={cursor}&limit=1000")).await;
        assert_ne!(page["cursor"].as_str().unwrap(), cursor);

        // Again, and again later: nothing new, and no feed move for nothing.
        let cursor = page["cursor"].as_str().unwrap().to_owned();
        assert_eq!(jobs::run_once(&pool, &live_a, now).await.unwrap().reminded, 0);
        assert_eq!(jobs::run_once(&pool, &live_a, now + Duration::minutes(1)).await.unwrap().reminded, 0);
        let page = session.get_json(&format!("/api/v1/sync?since={cursor}&limit=1000")).await;
        assert_eq!(page["cursor"].as_str().unwrap(), cursor);

        // Two hours on, the 49-hour lead is within 48 hours: its item comes, once.
        let two_hours_on = now + Duration::hours(2);
        let (a, b) = tokio::join!(
            jobs::run_once(&pool, &live_a, two_hours_on),
            jobs::run_once(&other_pool, &live_b, two_hours_on)
        );
        let page = notifications(&admin.sign_in(&app).await).await;
        assert!(kinds_and_leads(&page).contains(&("ExpiringSoon".to_owned(), later.id.clone())));
        assert_eq!(page["unread"], 5);
        assert!(a.unwrap().reminded + b.unwrap().reminded >= 2, "one for each of the two people");
    }

    async fn reminders_are_read_for_everyone_once_their_lead_is_answered_or_expired(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let user = TestUser::new(Role::ReferralsUser).in_organisation(&organisation).create(&pool).await;
        let now = Utc::now();
        let mut answered = TestReferral::expiring_at(now + Duration::hours(10)).build();
        answered.details.customer_requested_contact = true;
        let expires = TestReferral::expiring_at(now + Duration::hours(10)).build();
        db::referrals::insert_many(&pool, &organisation.id, [&answered, &expires]).await.unwrap();
        let live = Live::default();
        jobs::run_once(&pool, &live, now).await.unwrap();
        let reader = user.sign_in(&app).await;
        assert_eq!(notifications(&reader).await["unread"], 3);

        // The admin declines one: its "still waiting" and "expires soon" are over, for everyone.
        let acting = admin.sign_in(&app).await;
        let current = acting.get_json(&format!("/api/v1/referrals/{}", answered.id)).await;
        let declined = acting
            .act(&format!("/api/v1/referrals/{}/decline", answered.id), current["eTag"].as_str().unwrap(), &serde_json::json!({ "statusReason": "CustomerDidNotRespond" }))
            .await;
        assert_eq!(declined.status(), 200);
        let page = notifications(&reader).await;
        assert_eq!(page["unread"], 1);
        for item in page["items"].as_array().unwrap() {
            let settled = item["referralId"] == answered.id.as_str();
            assert_eq!(item["readAt"].is_string(), settled, "{item}");
        }

        // The other expires unanswered: its reminder is over too.
        let later = now + Duration::hours(11);
        jobs::run_once(&pool, &live, later).await.unwrap();
        assert_eq!(notifications(&reader).await["unread"], 0);
        assert_eq!(notifications(&acting).await["unread"], 0);
    }

    async fn a_lead_accepted_between_the_jobs_read_and_its_write_gets_no_reminder(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let now = Utc::now();
        let mut accepted = TestReferral::expiring_at(now + Duration::hours(10)).build();
        accepted.details.customer_requested_contact = true;
        let waiting = TestReferral::expiring_at(now + Duration::hours(10)).build();
        db::referrals::insert_many(&pool, &organisation.id, [&accepted, &waiting]).await.unwrap();

        // The job reads its candidates, outside any lock…
        let candidates = jobs::reminders::candidates(&pool, &organisation.id, now, "").await.unwrap();
        let mut ids: Vec<&str> = candidates.iter().map(|referral| referral.id.as_str()).collect();
        ids.sort_unstable();
        let mut both = [accepted.id.as_str(), waiting.id.as_str()];
        both.sort_unstable();
        assert_eq!(ids, both, "both leads still wait for an answer");

        // …someone accepts one of them before the job writes…
        let session = admin.sign_in(&app).await;
        let current = session.get_json(&format!("/api/v1/referrals/{}", accepted.id)).await;
        let answer = session
            .act(&format!("/api/v1/referrals/{}/accept", accepted.id), current["eTag"].as_str().unwrap(), &support::accept_form())
            .await;
        assert_eq!(answer.status(), 200);

        // …and the job writes: nothing about the accepted lead, which nobody waits for now.
        let written = jobs::reminders::write_batch(&pool, &Live::default(), &organisation.id, &ids, now).await.unwrap();
        assert_eq!(written, 1, "one person, one reminder: the waiting lead's expiring item");
        let page = notifications(&session).await;
        assert_eq!(kinds_and_leads(&page), vec![("ExpiringSoon".to_owned(), waiting.id.clone())]);
        assert_eq!(page["unread"], 1);
    }

    async fn items_are_read_one_at_a_time_or_all_at_once_per_person(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let colleague = TestUser::new(Role::ReferralsAdmin).in_organisation(&organisation).create(&pool).await;
        for _ in 0..3 {
            arrive(&pool, &organisation, &TestReferral::inbox().build()).await;
        }
        let session = admin.sign_in(&app).await;
        let page = notifications(&session).await;
        assert_eq!(page["unread"], 3);
        let first = page["items"][0]["id"].as_str().unwrap().to_owned();

        let read = post(&session, &format!("/api/v1/notifications/{first}/read")).await;
        assert_eq!(read.status(), 204);
        let page = notifications(&session).await;
        assert_eq!(page["unread"], 2);
        let read_at = page["items"][0]["readAt"].clone();
        assert!(read_at.is_string(), "{page}");
        // Read again: fine, and the first time stays.
        assert_eq!(post(&session, &format!("/api/v1/notifications/{first}/read")).await.status(), 204);
        assert_eq!(notifications(&session).await["items"][0]["readAt"], read_at);

        assert_eq!(post(&session, "/api/v1/notifications/read-all").await.status(), 204);
        let page = notifications(&session).await;
        assert_eq!(page["unread"], 0);
        assert!(page["items"].as_array().unwrap().iter().all(|item| item["readAt"].is_string()));
        assert_eq!(page["items"][0]["readAt"], read_at, "read-all leaves read items as they were");
        // The colleague's items are their own.
        assert_eq!(notifications(&colleague.sign_in(&app).await).await["unread"], 3);
    }

    async fn read_all_through_an_item_leaves_newer_items_unread(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        for _ in 0..3 {
            arrive(&pool, &organisation, &TestReferral::inbox().build()).await;
        }
        let session = admin.sign_in(&app).await;
        // What the user saw: the newest item then. One more arrives before "read all" lands.
        let seen = notifications(&session).await["items"][0]["id"].as_str().unwrap().to_owned();
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        arrive(&pool, &organisation, &TestReferral::inbox().build()).await;

        let read = post(&session, &format!("/api/v1/notifications/read-all?through={seen}")).await;
        assert_eq!(read.status(), 204);
        let page = notifications(&session).await;
        assert_eq!(page["unread"], 1, "the item that arrived later is still news: {page}");
        assert!(page["items"][0]["readAt"].is_null());
        assert!(page["items"].as_array().unwrap()[1..].iter().all(|item| item["readAt"].is_string()));

        let unknown = post(&session, "/api/v1/notifications/read-all?through=no-such-item").await;
        assert_eq!(unknown.status(), 400);
        assert_eq!(unknown.json::<Value>().await.unwrap()["code"], "notifications-through-unknown");
        let odd = post(&session, "/api/v1/notifications/read-all?all=yes").await;
        assert_eq!(odd.status(), 400);
        assert_eq!(odd.json::<Value>().await.unwrap()["code"], "notifications-read-all-parameter");
        assert_eq!(notifications(&session).await["unread"], 1, "a refused request marks nothing");
    }

    async fn another_persons_or_organisations_item_is_not_found(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let colleague = TestUser::new(Role::ReferralsUser).in_organisation(&organisation).create(&pool).await;
        let elsewhere = TestOrganisation::create(&pool).await;
        let stranger = TestUser::new(Role::PartnerAdmin).in_organisation(&elsewhere).create(&pool).await;
        arrive(&pool, &organisation, &TestReferral::inbox().build()).await;
        arrive(&pool, &elsewhere, &TestReferral::inbox().build()).await;
        let session = admin.sign_in(&app).await;
        let colleagues = colleague.sign_in(&app).await;
        let strangers = stranger.sign_in(&app).await;
        let colleague_item = notifications(&colleagues).await["items"][0]["id"].as_str().unwrap().to_owned();
        let stranger_item = notifications(&strangers).await["items"][0]["id"].as_str().unwrap().to_owned();

        for id in [colleague_item.as_str(), stranger_item.as_str(), "no-such-item"] {
            let response = post(&session, &format!("/api/v1/notifications/{id}/read")).await;
            assert_eq!(response.status(), 404, "{id}");
            assert_eq!(response.headers()["content-type"], "application/problem+json");
        }
        assert_eq!(notifications(&colleagues).await["unread"], 1, "still unread");
        assert_eq!(notifications(&strangers).await["unread"], 1, "still unread");
        // A colleague's item is no start for one's own pages either.
        let response = session.get(&format!("/api/v1/notifications?before={colleague_item}")).await;
        assert_eq!(response.status(), 400);

        // Changes need the anti-forgery token; reading needs a session.
        let forged = app.client.post(app.url(&format!("/api/v1/notifications/{colleague_item}/read")))
            .header("cookie", &colleagues.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), 403);
        assert_eq!(app.get("/api/v1/notifications").await.status(), 401);
        let forged_all = app.client.post(app.url("/api/v1/notifications/read-all"))
            .header("cookie", &colleagues.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(forged_all.status(), 403);
        assert_eq!(notifications(&colleagues).await["unread"], 1);
    }

    async fn items_come_newest_first_a_bounded_page_at_a_time(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let mut leads = Vec::new();
        for _ in 0..5 {
            let lead = TestReferral::inbox().build();
            arrive(&pool, &organisation, &lead).await;
            leads.push(lead.id);
            // Distinct arrival instants, so "newest first" is the arrival order reversed.
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        let session = admin.sign_in(&app).await;
        let mut seen = Vec::new();
        let mut path = "/api/v1/notifications?limit=2".to_owned();
        loop {
            let page = session.get_json(&path).await;
            assert_eq!(page["unread"], 5, "the count is of all items, not the page's");
            let items = page["items"].as_array().unwrap();
            assert!(items.len() <= 2);
            seen.extend(items.iter().map(|item| item["referralId"].as_str().unwrap().to_owned()));
            match page["next"].as_str() {
                Some(next) => path = format!("/api/v1/notifications?limit=2&before={next}"),
                None => break,
            }
        }
        leads.reverse();
        assert_eq!(seen, leads);
        for bad in ["limit=0", "limit=101", "limit=two", "sort=kind"] {
            let response = session.get(&format!("/api/v1/notifications?{bad}")).await;
            assert_eq!(response.status(), 400, "{bad}");
        }
    }
}
