//! The server's jobs: overdue Inbox leads expire and informational offer leads are
//! archived exactly once, even with two instances running the job at the same moment,
//! and an expired lead's contacts are gone from every read path.

mod support;

use chrono::{Duration, Utc};
use domain::{Role, Substatus};
use referral_desk_server::db::stored_time;
use referral_desk_server::jobs;
use referral_desk_server::live::Live;
use serde_json::Value;
use support::builders::{TestOrganisation, TestReferral, TestUser};

/// How many history entries of the referral say `substatus`.
fn entries(referral: &Value, substatus: &str) -> usize {
    referral["statusHistory"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["substatus"] == substatus)
        .count()
}

/// How many referrals of the organisation are in the due queue by `now`.
async fn due_count(
    pool: &referral_desk_server::db::Pool,
    organisation_id: &str,
    now: chrono::DateTime<Utc>,
) -> i64 {
    let (due,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM referrals WHERE organisation_id = $1 AND due_at IS NOT NULL AND due_at <= $2")
        .bind(organisation_id)
        .bind(referral_desk_server::db::stored_time(now))
        .fetch_one(pool)
        .await
        .unwrap();
    due
}

backend_tests! {
    async fn overdue_leads_expire_once_when_two_instances_run_the_job_at_once(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let now = Utc::now();
        let mut overdue = Vec::new();
        for minutes in 1..=30 {
            overdue.push(TestReferral::expiring_at(now + Duration::minutes(minutes)).stored(&pool, &organisation).await);
        }
        let waiting = TestReferral::expiring_at(now + Duration::hours(5)).stored(&pool, &organisation).await;
        let accepted = TestReferral::accepted().stored(&pool, &organisation).await;
        let session = admin.sign_in(&app).await;
        let (_, cursor) = {
            let page = session.get_json("/api/v1/sync?limit=1000").await;
            (page["referrals"].clone(), page["cursor"].as_str().unwrap().to_owned())
        };

        // Two instances (two pools) run the job at the same instant, 31 minutes on.
        let later = now + Duration::minutes(31);
        let other_pool = app.pool().await;
        // The demo organisations have leads minutes from expiry too.
        let (due,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM referrals WHERE due_at <= $1")
            .bind(referral_desk_server::db::stored_time(later))
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(due as usize >= overdue.len());
        let (live_a, live_b) = (Live::default(), Live::default());
        let (a, b) = tokio::join!(jobs::run_once(&pool, &live_a, later), jobs::run_once(&other_pool, &live_b, later));
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.closed + b.closed, due as usize, "each overdue lead closed by exactly one runner: {a:?} {b:?}");

        for referral in &overdue {
            let stored = session.get_json(&format!("/api/v1/referrals/{}", referral.id)).await;
            assert_eq!(stored["substatus"], "Expired", "{}", referral.id);
            assert_eq!(entries(&stored, "Expired"), 1, "one history entry: {}", stored["statusHistory"]);
            assert_eq!(stored["statusReason"], domain::lifecycle::EXPIRED_REASON);
        }
        for untouched in [&waiting, &accepted] {
            let stored = session.get_json(&format!("/api/v1/referrals/{}", untouched.id)).await;
            assert_ne!(stored["substatus"], "Expired");
        }
        // The transitions are in the feed, exactly those.
        let page = session.get_json(&format!("/api/v1/sync?since={cursor}&limit=1000")).await;
        let mut fed: Vec<&str> = page["referrals"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        fed.sort_unstable();
        let mut expected: Vec<&str> = overdue.iter().map(|r| r.id.as_str()).collect();
        expected.sort_unstable();
        assert_eq!(fed, expected);
        // Running again closes nothing more.
        assert_eq!(jobs::run_once(&pool, &live_a, later).await.unwrap().closed, 0);
    }

    async fn an_unreadable_due_referral_leaves_the_queue_and_holds_up_none_behind_it(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let now = Utc::now();
        // The most overdue row cannot be read; more than a batch is due behind it.
        let broken = TestReferral::expiring_at(now - Duration::hours(2)).stored(&pool, &organisation).await;
        sqlx::query("UPDATE referrals SET document = '{\"broken\": true}' WHERE id = $1")
            .bind(&broken.id)
            .execute(&pool)
            .await
            .unwrap();
        let mut overdue = Vec::new();
        for seconds in 0..201 {
            overdue.push(TestReferral::expiring_at(now - Duration::hours(1) + Duration::seconds(seconds)).stored(&pool, &organisation).await);
        }
        assert_eq!(due_count(&pool, &organisation.id, now).await, 202);

        jobs::run_once(&pool, &Live::default(), now).await.unwrap();
        assert_eq!(due_count(&pool, &organisation.id, now).await, 0, "every readable one closed in one run, the unreadable one set aside");
        let (expired,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM referrals WHERE organisation_id = $1 AND document LIKE '%\"Expired\"%'")
            .bind(&organisation.id)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(expired, 201);
        let (document,): (String,) = sqlx::query_as("SELECT document FROM referrals WHERE id = $1")
            .bind(&broken.id)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(document, "{\"broken\": true}", "kept as it was, for an operator to look at");
    }

    async fn an_expired_leads_contacts_are_gone_from_the_api_the_feed_and_the_export(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let lead = TestReferral::expiring_at(Utc::now() + Duration::minutes(2)).stored(&pool, &organisation).await;
        let email = lead.customer_profile.team[0].email.clone().expect("the lead has a contact email");
        let session = admin.sign_in(&app).await;
        let export = session.get("/api/v1/referrals/export.csv").await.text().await.unwrap();
        assert!(export.contains(&email), "shown while the lead is open");

        jobs::run_once(&pool, &Live::default(), Utc::now() + Duration::minutes(3)).await.unwrap();

        let detail = session.get(&format!("/api/v1/referrals/{}", lead.id)).await.text().await.unwrap();
        assert!(detail.contains("\"Expired\""), "{detail}");
        assert!(!detail.contains(&email), "no contact in the API: {detail}");
        let feed = session.get("/api/v1/sync?limit=1000").await.text().await.unwrap();
        assert!(!feed.contains(&email), "no contact in the feed");
        let list = session.get("/api/v1/referrals?limit=1000").await.text().await.unwrap();
        assert!(!list.contains(&email), "no contact in the list");
        let export = session.get("/api/v1/referrals/export.csv").await.text().await.unwrap();
        assert!(!export.contains(&email), "no contact in the export");
    }

    async fn informational_offer_leads_are_archived_after_six_months(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let now = Utc::now();
        let old = TestReferral::informational_offer(now - Duration::days(190)).stored(&pool, &organisation).await;
        let young = TestReferral::informational_offer(now - Duration::days(20)).stored(&pool, &organisation).await;
        let report = jobs::run_once(&pool, &Live::default(), now).await.unwrap();
        assert_eq!(report.closed, 1);
        let session = admin.sign_in(&app).await;
        let archived = session.get_json(&format!("/api/v1/referrals/{}", old.id)).await;
        assert_eq!(archived["status"], "Closed");
        assert_eq!(archived["statusReason"], domain::lifecycle::INFORMATIONAL_ARCHIVED_REASON);
        assert_eq!(entries(&archived, Substatus::Expired.as_str()), 1);
        let open = session.get_json(&format!("/api/v1/referrals/{}", young.id)).await;
        assert_ne!(open["status"], "Closed");
    }

    async fn the_demo_leads_minutes_from_expiry_expire_when_their_time_comes(app) {
        let pool = app.pool().await;
        let session = app.sign_in("admin@demo.test").await;
        let inbox = session.get_json("/api/v1/referrals?stage=Inbox&sort=expiry&dir=asc&limit=1000").await;
        let soonest = inbox.as_array().unwrap().iter()
            .find(|r| r["callToAction"] == "ContactMe")
            .cloned()
            .expect("an Inbox lead that awaits an answer");
        let expires: chrono::DateTime<Utc> = soonest["expirationDateTime"].as_str().unwrap().parse().unwrap();
        assert!(expires - Utc::now() < Duration::hours(1), "the demo has leads minutes from expiry: {expires}");
        jobs::run_once(&pool, &Live::default(), expires + Duration::seconds(1)).await.unwrap();
        let now = session.get_json(&format!("/api/v1/referrals/{}", soonest["id"].as_str().unwrap())).await;
        assert_eq!(now["substatus"], "Expired");
    }

    async fn the_purge_forgets_expired_sessions(app) {
        let pool = app.pool().await;
        let session = app.sign_in("viewer@demo.test").await;
        assert_eq!(session.get("/api/v1/me").await.status(), 200);
        let report = jobs::run_once(&pool, &Live::default(), Utc::now() + Duration::days(400)).await.unwrap();
        assert!(report.purged >= 1, "{report:?}");
        assert_eq!(session.get("/api/v1/me").await.status(), 401);
    }
    async fn the_purge_forgets_old_payload_marks_sent_mails_and_read_items_and_keeps_the_rest(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let user = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let lead = TestReferral::inbox().stored(&pool, &organisation).await;
        let now = Utc::now();
        let ago = |days: i64| stored_time(now - Duration::days(days));
        let org = organisation.id.as_str();
        for (kind, value, arrived) in [("payload", "old", ago(2)), ("payload", "new", ago(0)), ("external:referrals", "crm-1", ago(400))] {
            sqlx::query("INSERT INTO ingested_leads (organisation_id, kind, value, referral_id, arrived_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(org).bind(kind).bind(value).bind(&lead.id).bind(arrived)
                .execute(&pool).await.unwrap();
        }
        for (id, sent) in [("sent-long-ago", Some(ago(40))), ("sent-lately", Some(ago(1))), ("never-sent", None)] {
            sqlx::query("INSERT INTO mail_outbox (id, organisation_id, recipient, locale, kind, day, content, message_id, created_at, due_at, sent_at) \
                         VALUES ($1, $2, 'a@example.com', 'en', 'lead', '2026-01-01', '{}', $3, $4, $4, $5)")
                .bind(format!("{org}-{id}")).bind(org).bind(format!("<{org}-{id}@test>")).bind(ago(60)).bind(sent)
                .execute(&pool).await.unwrap();
        }
        for (kind, read) in [("NewLead", Some(ago(100))), ("FlameNotContacted", Some(ago(10))), ("ExpiringSoon", None)] {
            sqlx::query("INSERT INTO notification_items (id, organisation_id, user_id, kind, referral_id, created_at, read_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(format!("{org}-{kind}")).bind(org).bind(&user.id).bind(kind).bind(&lead.id).bind(ago(120)).bind(read)
                .execute(&pool).await.unwrap();
        }

        jobs::run_once(&pool, &Live::default(), now).await.unwrap();

        let marks: Vec<(String,)> = sqlx::query_as("SELECT value FROM ingested_leads WHERE organisation_id = $1 ORDER BY value")
            .bind(org).fetch_all(&pool).await.unwrap();
        assert_eq!(marks, vec![("crm-1".to_owned(),), ("new".to_owned(),)], "a day-old fingerprint goes, an external ID stays");
        let mails: Vec<(String,)> = sqlx::query_as("SELECT id FROM mail_outbox WHERE organisation_id = $1 ORDER BY id")
            .bind(org).fetch_all(&pool).await.unwrap();
        assert_eq!(mails, vec![(format!("{org}-never-sent"),), (format!("{org}-sent-lately"),)]);
        let items: Vec<(String,)> = sqlx::query_as("SELECT kind FROM notification_items WHERE organisation_id = $1 ORDER BY kind")
            .bind(org).fetch_all(&pool).await.unwrap();
        assert_eq!(items, vec![("ExpiringSoon".to_owned(),), ("FlameNotContacted".to_owned(),)], "only items read long ago go");
    }
}
