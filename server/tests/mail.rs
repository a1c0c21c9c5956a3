//! Lead emails end to end: queued with the lead, sent by the outbox's sender to a real
//! SMTP server on loopback (Python's aiosmtpd, writing a Maildir), or written as `.eml`
//! files when no SMTP server is configured.

mod support;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use domain::i18n::Locale;
use domain::{CallToAction, Referral, Role};
use referral_desk_server::arrivals;
use referral_desk_server::config::{MailConfig, SmtpTls};
use referral_desk_server::db::{self, Pool};
use referral_desk_server::faults::{Fault, Faults};
use referral_desk_server::jobs::mail::{LEASE, MAX_ATTEMPTS, Mailer};
use referral_desk_server::mail::MailTransport;
use referral_desk_server::metrics::Metrics;
use support::builders::{TestOrganisation, TestReferral, TestUser};

const PUBLIC_URL: &str = "http://desk.test";

/// An SMTP server of the test's own: aiosmtpd on a free loopback port, delivering into
/// a Maildir; stopped when dropped.
struct SmtpServer {
    port: u16,
    maildir: tempfile::TempDir,
    _process: tokio::process::Child,
}

impl SmtpServer {
    async fn start() -> SmtpServer {
        let maildir = tempfile::tempdir().unwrap();
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(maildir.path().join(sub)).unwrap();
        }
        // A port is picked by binding and letting go, so two tests of this binary could be
        // handed the same one; then one aiosmtpd cannot listen, and its test would find the
        // other's server there and send its mails into the other's Maildir. Each port is
        // given out once per binary, and only a server that greets as SMTP counts.
        for _ in 0..5 {
            let port = unused_port();
            let mut process = tokio::process::Command::new("python3")
                .args(["-m", "aiosmtpd", "-n", "-l"])
                .arg(format!("127.0.0.1:{port}"))
                .args(["-c", "aiosmtpd.handlers.Mailbox"])
                .arg(maildir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .expect("python3 runs (aiosmtpd: scripts/setup.sh installs it)");
            for _ in 0..200 {
                if process.try_wait().unwrap().is_some() {
                    break; // it could not listen: another port
                }
                if let Ok(mut stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
                    // An SMTP server greets first ("220 …"); anything else on the port (a
                    // test's HTTP server that took it meanwhile) does not.
                    let mut greeting = [0u8; 3];
                    let greeted = tokio::time::timeout(
                        Duration::from_secs(5),
                        tokio::io::AsyncReadExt::read_exact(&mut stream, &mut greeting),
                    )
                    .await;
                    if matches!(greeted, Ok(Ok(_))) && &greeting == b"220" {
                        return SmtpServer {
                            port,
                            maildir,
                            _process: process,
                        };
                    }
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        panic!("aiosmtpd did not listen on a port of its own within 5 tries (is it installed?)");
    }

    fn config(&self) -> MailConfig {
        MailConfig {
            smtp_host: Some("127.0.0.1".to_owned()),
            smtp_port: Some(self.port),
            smtp_tls: SmtpTls::None,
            ..MailConfig::default()
        }
    }

    /// Every mail the server received, oldest file name first.
    fn received(&self) -> Vec<Mail> {
        read_mails(&self.maildir.path().join("new"), "")
    }
}

/// A loopback port free now and not given to another test of this binary before.
fn unused_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut given = GIVEN.lock().unwrap();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// A server that takes connections and never says a word, as a stalled SMTP server does;
/// it holds each connection open until the test ends.
async fn silent_server() -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    port
}

/// A received mail, decoded.
#[derive(Debug, Clone, PartialEq)]
struct Mail {
    to: String,
    subject: String,
    message_id: String,
    text: String,
    html: String,
    raw: Vec<u8>,
}

fn read_mails(dir: &Path, extension: &str) -> Vec<Mail> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.is_file() && p.to_string_lossy().ends_with(extension));
    paths.sort();
    paths
        .iter()
        .map(|path| parse(&std::fs::read(path).unwrap()))
        .collect()
}

fn parse(raw: &[u8]) -> Mail {
    let message = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("a MIME message");
    assert_eq!(message.text_body.len(), 1, "one plain-text part");
    assert_eq!(message.html_body.len(), 1, "one HTML part");
    Mail {
        to: message
            .to()
            .and_then(|to| to.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_owned(),
        subject: message.subject().unwrap_or_default().to_owned(),
        message_id: message.message_id().unwrap_or_default().to_owned(),
        text: message.body_text(0).unwrap_or_default().into_owned(),
        html: message.body_html(0).unwrap_or_default().into_owned(),
        raw: raw.to_vec(),
    }
}

fn mailer(pool: Pool, config: &MailConfig, faults: Faults) -> Mailer {
    Mailer::new(
        pool,
        MailTransport::from_config(config).unwrap(),
        config.mail_from.parse().unwrap(),
        PUBLIC_URL.to_owned(),
        faults,
        Arc::new(Metrics::default()),
    )
}

/// A Contact me lead (or another call to action) from `customer`, created at `at`.
fn lead(customer: &str, call_to_action: CallToAction, at: DateTime<Utc>) -> Referral {
    let mut lead = TestReferral::inbox().build();
    lead.customer_profile.name = customer.to_owned();
    lead.call_to_action = Some(call_to_action);
    lead.created_date_time = at;
    lead.updated_date_time = at;
    lead
}

/// Stores the lead and what follows its arrival in one transaction, as ingestion does.
async fn arrive(pool: &Pool, organisation: &TestOrganisation, lead: &Referral, now: DateTime<Utc>) {
    let mut transaction = pool.begin().await.unwrap();
    db::referrals::insert(&mut transaction, &organisation.id, [lead])
        .await
        .unwrap();
    arrivals::lead_arrived(&mut transaction, &organisation.id, lead, now)
        .await
        .unwrap();
    transaction.commit().await.unwrap();
}

/// The Message-IDs the outbox gave its rows, by recipient then creation.
async fn outbox_message_ids(pool: &Pool) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT message_id FROM mail_outbox ORDER BY created_at, id")
            .fetch_all(pool)
            .await
            .unwrap();
    rows.into_iter().map(|(id,)| id).collect()
}

fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, minute, 0)
        .unwrap()
}

/// An organisation of the test's own with a partner admin reading German and a
/// referrals user (who is not emailed: without a business profile, leads go to the
/// partner admins).
async fn organisation_with_admin(pool: &Pool) -> (TestOrganisation, TestUser) {
    let organisation = TestOrganisation::create(pool).await;
    let admin = TestUser::new(Role::PartnerAdmin)
        .in_organisation(&organisation)
        .create(pool)
        .await;
    TestUser::new(Role::ReferralsUser)
        .in_organisation(&organisation)
        .create(pool)
        .await;
    let mut conn = pool.acquire().await.unwrap();
    db::users::set_locale(&mut conn, &admin.id, Locale::German)
        .await
        .unwrap();
    (organisation, admin)
}

/// The lead ids in the order of the mails that link them (each mail links one).
fn sorted_by_mail<'a>(mails: &[Mail], ids: &'a [String]) -> Vec<&'a String> {
    mails
        .iter()
        .map(|mail| {
            ids.iter()
                .find(|id| mail.text.contains(id.as_str()))
                .expect("every mail links one of the leads")
        })
        .collect()
}

/// Makes an API key and a Europe business profile through the API, as a partner admin of
/// `organisation` would: Berlin is the region's main contact, Vienna has its own.
async fn key_and_europe_profile(app: &support::TestApp, admin: &TestUser) -> String {
    let session = admin.sign_in(app).await;
    let key = session
        .request(reqwest::Method::POST, "/api/v1/api-keys")
        .json(&serde_json::json!({ "name": "CRM" }))
        .send()
        .await
        .unwrap();
    assert_eq!(key.status(), 201);
    let key: serde_json::Value = key.json().await.unwrap();
    let profile = session
        .request(reqwest::Method::POST, "/api/v1/business-profiles")
        .json(&serde_json::json!({
            "region": "Europe",
            "locations": [
                { "country": "DE", "city": "Berlin",
                  "contact": { "name": "Greta Gruber", "email": "Berlin@Partner.example" } },
                { "country": "AT", "city": "Vienna",
                  "contact": { "name": "Veit Vogl", "email": "vienna@partner.example", "phone": "+43 1 5321234" } }
            ]
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(profile.status(), 201);
    key["key"].as_str().unwrap().to_owned()
}

/// Sends a Contact me lead from `customer` in `country` in through the ingestion API.
async fn ingest(app: &support::TestApp, key: &str, customer: &str, country: &str) -> String {
    let response = app
        .client
        .post(app.url("/api/v1/ingest/referrals"))
        .bearer_auth(key)
        .json(&serde_json::json!({
            "externalId": format!("crm-{customer}"),
            "name": format!("{customer} – rollout"),
            "consent": { "consentToContact": true },
            "customerProfile": {
                "name": customer,
                "address": { "city": "Somewhere", "country": country },
                "team": [{ "firstName": "Kim", "lastName": "Kunde", "email": "kim@customer.example" }]
            },
            "details": { "customerRequestedContact": true },
            "leadType": "Profile", "leadSource": "AppSource", "callToAction": "ContactMe"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "{customer}");
    let referral: serde_json::Value = response.json().await.unwrap();
    referral["id"].as_str().unwrap().to_owned()
}

backend_tests! {
    async fn three_contact_me_leads_from_a_profile_location_are_three_mails_to_its_contact(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (_organisation, admin) = organisation_with_admin(&pool).await;
        let key = key_and_europe_profile(&app, &admin).await;
        let mut ids = Vec::new();
        for customer in ["Alpenblick", "Donaukraft", "Wienerwald"] {
            ids.push(ingest(&app, &key, customer, "AT").await);
        }
        let sender = mailer(app.pool().await, &smtp.config(), Faults::default());
        let report = sender.send_due(chrono::Utc::now() + chrono::Duration::seconds(1)).await.unwrap();
        assert_eq!((report.sent, report.failed), (3, 0));
        let mails = smtp.received();
        assert_eq!(mails.len(), 3);
        let linked = sorted_by_mail(&mails, &ids);
        let mut each_once = linked.clone();
        each_once.sort();
        each_once.dedup();
        assert_eq!(each_once.len(), 3, "one mail for each lead");
        for (mail, id) in mails.iter().zip(linked) {
            assert_eq!(mail.to, "vienna@partner.example", "the location's contact, not the partner admin");
            assert!(mail.text.contains(&format!("{PUBLIC_URL}/referrals/{id}")), "{}", mail.text);
            assert!(mail.subject.starts_with("New lead: "), "an outside contact reads English: {}", mail.subject);
        }
        assert!(mails.iter().all(|m| m.to != admin.email));
    }

    async fn a_country_without_a_location_goes_to_its_regions_main_contact_and_other_regions_to_the_admins(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (_organisation, admin) = organisation_with_admin(&pool).await;
        let key = key_and_europe_profile(&app, &admin).await;
        let swiss = ingest(&app, &key, "Matterhorn", "CH").await;
        let japanese = ingest(&app, &key, "Sakura", "JP").await;
        let sender = mailer(app.pool().await, &smtp.config(), Faults::default());
        assert_eq!(sender.send_due(chrono::Utc::now() + chrono::Duration::seconds(1)).await.unwrap().sent, 2);
        let mails = smtp.received();
        let to_berlin = mails.iter().find(|m| m.to == "berlin@partner.example").expect("Europe's main contact");
        assert!(to_berlin.text.contains(&swiss));
        let to_admin = mails.iter().find(|m| m.to == admin.email).expect("no Asia Pacific profile: the partner admin");
        assert!(to_admin.text.contains(&japanese));
    }

    async fn three_contact_me_leads_are_three_mails_to_the_partner_admin_in_their_language(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, admin) = organisation_with_admin(&pool).await;
        let mut ids = Vec::new();
        for (i, customer) in ["Contoso <GmbH>", "Northwind", "Litware"].into_iter().enumerate() {
            let lead = lead(customer, CallToAction::ContactMe, at(20, 9, i as u32));
            arrive(&pool, &organisation, &lead, lead.created_date_time).await;
            ids.push(lead.id);
        }
        let sender = mailer(app.pool().await, &smtp.config(), Faults::default());
        let report = sender.send_due(at(20, 9, 5)).await.unwrap();
        assert_eq!((report.sent, report.failed), (3, 0));

        let mails = smtp.received();
        assert_eq!(mails.len(), 3);
        let mut message_ids: Vec<String> = mails.iter().map(|m| format!("<{}>", m.message_id)).collect();
        message_ids.sort();
        let mut queued = outbox_message_ids(&pool).await;
        queued.sort();
        assert_eq!(message_ids, queued, "each mail carries its outbox row's Message-ID");
        for mail in &mails {
            assert_eq!(mail.to, admin.email);
            let id = ids.iter().find(|id| mail.text.contains(id.as_str())).expect("links one of the leads");
            let link = format!("{PUBLIC_URL}/referrals/{id}");
            assert!(mail.subject.starts_with("Neuer Lead: "), "German subject: {}", mail.subject);
            assert!(mail.text.contains(&format!("Lead öffnen: {link}")), "{}", mail.text);
            assert!(mail.text.contains("Handlungsaufforderung: Kontaktieren Sie mich"), "{}", mail.text);
            assert!(mail.html.contains(&format!("<a href=\"{link}\">Lead öffnen</a>")), "{}", mail.html);
            // The customer's contact details stay in the app.
            assert!(!mail.text.contains("anna.schmidt@contoso.example") && !mail.html.contains("anna.schmidt"));
            assert!(!mail.text.contains("+49 30 901820"));
        }
        // Every test lead's deal is "Contoso – ERP rollout": the customer names the mail.
        let contoso = mails.iter().find(|m| m.subject.starts_with("Neuer Lead: Contoso <GmbH>")).unwrap();
        assert!(contoso.text.contains("Kunde: Contoso <GmbH>"));
        assert!(contoso.html.contains("Contoso &lt;GmbH&gt;"), "escaped in HTML: {}", contoso.html);

        // Sent is sent: the next round finds nothing.
        assert_eq!(sender.send_due(at(20, 9, 10)).await.unwrap().sent, 0);
        assert_eq!(smtp.received().len(), 3);
    }

    async fn twelve_leads_in_a_day_are_ten_mails_and_a_digest_when_the_day_ends(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, admin) = organisation_with_admin(&pool).await;
        let mut ids = Vec::new();
        for i in 0..12 {
            let lead = lead(&format!("Customer {i:02}"), CallToAction::ContactMe, at(20, 10, i));
            arrive(&pool, &organisation, &lead, lead.created_date_time).await;
            ids.push(lead.id);
        }
        // A lead of the next day starts a new count.
        let tomorrow = lead("Customer of the next day", CallToAction::ContactMe, at(21, 0, 30));
        let sender = mailer(app.pool().await, &smtp.config(), Faults::default());

        assert_eq!(sender.send_due(at(20, 10, 30)).await.unwrap().sent, 10);
        assert_eq!(sender.send_due(at(20, 23, 59)).await.unwrap().sent, 0, "the digest waits for the day's end");
        let singles = smtp.received();
        for id in &ids[..10] {
            assert_eq!(singles.iter().filter(|m| m.text.contains(id.as_str())).count(), 1);
        }
        assert!(singles.iter().all(|m| !m.text.contains(&ids[10]) && !m.text.contains(&ids[11])));

        arrive(&pool, &organisation, &tomorrow, tomorrow.created_date_time).await;
        assert_eq!(sender.send_due(at(21, 0, 31)).await.unwrap().sent, 2, "the digest and the next day's first lead");
        let all = smtp.received();
        assert_eq!(all.len(), 12);
        let digest = all.iter().find(|m| m.subject.contains("2026-11-20") ).expect("a digest");
        assert_eq!(digest.to, admin.email);
        assert_eq!(digest.subject, "2 weitere neue Leads am 2026-11-20");
        for id in &ids[10..] {
            assert!(digest.text.contains(&format!("{PUBLIC_URL}/referrals/{id}")), "{}", digest.text);
            assert!(digest.html.contains(&format!("{PUBLIC_URL}/referrals/{id}")));
        }
        assert!(ids[..10].iter().all(|id| !digest.text.contains(id.as_str())));
        assert!(all.iter().any(|m| m.text.contains(&tomorrow.id) && m.subject.starts_with("Neuer Lead")));
    }

    async fn a_preferred_notification_email_receives_the_leads_instead(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, admin) = organisation_with_admin(&pool).await;
        let session = admin.sign_in(&app).await;

        let refused = session
            .request(reqwest::Method::PUT, "/api/v1/me/notification-email")
            .json(&serde_json::json!({ "notificationEmail": "not an address" }))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 422);
        let problem: serde_json::Value = refused.json().await.unwrap();
        assert_eq!(problem["errors"][0]["field"], "notificationEmail", "{problem}");

        let chosen = session
            .request(reqwest::Method::PUT, "/api/v1/me/notification-email")
            .json(&serde_json::json!({ "notificationEmail": " Leads@Partner.example " }))
            .send()
            .await
            .unwrap();
        assert_eq!(chosen.status(), 204);
        let me = session.get_json("/api/v1/me").await;
        assert_eq!(me["notificationEmail"], "leads@partner.example");

        let lead = lead("Contoso", CallToAction::ContactMe, at(20, 9, 0));
        arrive(&pool, &organisation, &lead, lead.created_date_time).await;
        let sender = mailer(app.pool().await, &smtp.config(), Faults::default());
        assert_eq!(sender.send_due(at(20, 9, 1)).await.unwrap().sent, 1);
        let mails = smtp.received();
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, "leads@partner.example");
        assert!(mails[0].subject.starts_with("Neuer Lead"), "still in the admin's language");

        // Cleared: the sign-in address again.
        let cleared = session
            .request(reqwest::Method::PUT, "/api/v1/me/notification-email")
            .json(&serde_json::json!({ "notificationEmail": null }))
            .send()
            .await
            .unwrap();
        assert_eq!(cleared.status(), 204);
        assert!(session.get_json("/api/v1/me").await["notificationEmail"].is_null());
        let next = self::lead("Northwind", CallToAction::ContactMe, at(20, 9, 2));
        arrive(&pool, &organisation, &next, next.created_date_time).await;
        assert_eq!(sender.send_due(at(20, 9, 3)).await.unwrap().sent, 1);
        assert_eq!(smtp.received().iter().filter(|m| m.to == admin.email).count(), 1);
    }

    async fn other_calls_to_action_send_nothing(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, _admin) = organisation_with_admin(&pool).await;
        for (i, call_to_action) in [CallToAction::GetItNow, CallToAction::FreeTrial, CallToAction::TestDrive].into_iter().enumerate() {
            let lead = lead("Contoso", call_to_action, at(20, 9, i as u32));
            arrive(&pool, &organisation, &lead, lead.created_date_time).await;
        }
        assert!(outbox_message_ids(&pool).await.is_empty());
        let sender = mailer(app.pool().await, &smtp.config(), Faults::default());
        assert_eq!(sender.send_due(at(21, 9, 0)).await.unwrap().sent, 0);
        assert!(smtp.received().is_empty());
    }

    async fn a_sender_that_dies_before_handing_a_mail_over_sends_it_once_after_its_lease(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, _admin) = organisation_with_admin(&pool).await;
        let lead = lead("Contoso", CallToAction::ContactMe, at(20, 9, 0));
        arrive(&pool, &organisation, &lead, lead.created_date_time).await;

        let faults = Faults::default();
        faults.arm(Fault::MailClaimed);
        let dying = mailer(app.pool().await, &smtp.config(), faults);
        let died = tokio::spawn(async move { dying.send_due(at(20, 9, 1)).await }).await;
        assert!(died.unwrap_err().is_panic(), "the sender died");
        assert!(smtp.received().is_empty());

        // Restarted: the dead sender's lease holds the row a while, then it is sent once.
        let restarted = mailer(app.pool().await, &smtp.config(), Faults::default());
        assert_eq!(restarted.send_due(at(20, 9, 2)).await.unwrap().sent, 0);
        let after_lease = at(20, 9, 1) + chrono::Duration::from_std(LEASE).unwrap() + chrono::Duration::seconds(1);
        assert_eq!(restarted.send_due(after_lease).await.unwrap().sent, 1);
        assert_eq!(restarted.send_due(after_lease + chrono::Duration::hours(1)).await.unwrap().sent, 0);
        assert_eq!(smtp.received().len(), 1);
    }

    async fn a_sender_that_dies_after_smtp_took_a_mail_resends_the_very_same_mail(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, _admin) = organisation_with_admin(&pool).await;
        let lead = lead("Contoso", CallToAction::ContactMe, at(20, 9, 0));
        arrive(&pool, &organisation, &lead, lead.created_date_time).await;

        let faults = Faults::default();
        faults.arm(Fault::MailSent);
        let dying = mailer(app.pool().await, &smtp.config(), faults);
        let died = tokio::spawn(async move { dying.send_due(at(20, 9, 1)).await }).await;
        assert!(died.unwrap_err().is_panic(), "the sender died");
        assert_eq!(smtp.received().len(), 1, "the SMTP server took it before the crash");

        let restarted = mailer(app.pool().await, &smtp.config(), Faults::default());
        let after_lease = at(20, 9, 1) + chrono::Duration::from_std(LEASE).unwrap() + chrono::Duration::seconds(1);
        assert_eq!(restarted.send_due(after_lease).await.unwrap().sent, 1);
        assert_eq!(restarted.send_due(after_lease + chrono::Duration::hours(1)).await.unwrap().sent, 0);
        // SMTP is at least once: the copy is the same mail, byte for byte, same Message-ID.
        let mails = smtp.received();
        assert_eq!(mails.len(), 2);
        assert_eq!(mails[0].message_id, mails[1].message_id);
        assert_eq!(mails[0].subject, mails[1].subject);
        assert_eq!(mails[0].text, mails[1].text);
        assert_eq!(mails[0].html, mails[1].html);
    }

    async fn a_server_that_accepts_and_then_says_nothing_fails_the_send_in_time_and_the_next_mail_goes(app) {
        let pool = app.pool().await;
        let (organisation, _admin) = organisation_with_admin(&pool).await;
        let stalled_lead = lead("Contoso", CallToAction::ContactMe, at(20, 9, 0));
        arrive(&pool, &organisation, &stalled_lead, stalled_lead.created_date_time).await;

        let silent = MailConfig {
            smtp_host: Some("127.0.0.1".to_owned()),
            smtp_port: Some(silent_server().await),
            smtp_tls: SmtpTls::None,
            smtp_timeout_secs: 1,
            ..MailConfig::default()
        };
        let sender = mailer(app.pool().await, &silent, Faults::default());
        let report = tokio::time::timeout(Duration::from_secs(15), sender.send_due(at(20, 9, 1)))
            .await
            .expect("a stalled SMTP server ends the send within its timeout, not never")
            .unwrap();
        assert_eq!((report.sent, report.failed), (0, 1));
        let (attempts, error, due_at): (i64, Option<String>, String) =
            sqlx::query_as("SELECT attempts, last_error, due_at FROM mail_outbox WHERE organisation_id = $1")
                .bind(&organisation.id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(attempts, 1);
        assert!(error.as_deref().unwrap_or_default().contains("did not finish within 1 s"), "{error:?}");
        assert!(due_at > db::stored_time(at(20, 9, 1)), "a temporary failure, tried again later: {due_at}");

        // The next mail goes to a working server, and the stalled one after its back-off.
        let seconds_later = |seconds| at(20, 9, 1) + chrono::Duration::seconds(seconds);
        let next_lead = lead("Fabrikam", CallToAction::ContactMe, seconds_later(5));
        arrive(&pool, &organisation, &next_lead, next_lead.created_date_time).await;
        let smtp = SmtpServer::start().await;
        let working = mailer(app.pool().await, &smtp.config(), Faults::default());
        assert_eq!(working.send_due(seconds_later(10)).await.unwrap().sent, 1);
        let mails = smtp.received();
        assert_eq!(mails.len(), 1);
        assert!(mails[0].text.contains(next_lead.id.as_str()));
        assert_eq!(working.send_due(at(20, 9, 5)).await.unwrap().sent, 1);
        assert!(smtp.received().iter().any(|mail| mail.text.contains(stalled_lead.id.as_str())));
    }

    async fn without_smtp_the_running_server_writes_eml_files_named_by_the_outbox_row(app) {
        let pool = app.pool().await;
        let (organisation, admin) = organisation_with_admin(&pool).await;
        let mail_dir = tempfile::tempdir().unwrap();
        // A server whose own sender runs (as after a restart), writing files.
        app.config_mut().mail.mail_dir = mail_dir.path().to_owned();
        app.config_mut().mail.mail_interval_secs = 1;
        app.config_mut().mail.public_url = Some(PUBLIC_URL.to_owned());
        app.start().await;

        let now = Utc::now();
        let lead = lead("Contoso", CallToAction::ContactMe, now);
        arrive(&pool, &organisation, &lead, now).await;
        let (row_id,): (String,) = sqlx::query_as("SELECT id FROM mail_outbox")
            .fetch_one(&pool)
            .await
            .unwrap();
        let file = mail_dir.path().join(format!("{row_id}.eml"));
        for _ in 0..100 {
            if file.exists() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mail = parse(&std::fs::read(&file).expect("the .eml file is written within 10 s"));
        assert_eq!(mail.to, admin.email);
        assert_eq!(format!("<{}>", mail.message_id), outbox_message_ids(&pool).await[0]);
        assert!(mail.text.contains(&format!("{PUBLIC_URL}/referrals/{}", lead.id)));
        assert_eq!(read_mails(mail_dir.path(), ".eml").len(), 1, "one file, no partial one left");
    }

    async fn two_senders_on_one_database_send_each_mail_once(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, _admin) = organisation_with_admin(&pool).await;
        for _ in 0..2 {
            TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        }
        for i in 0..8 {
            let lead = lead(&format!("Customer {i}"), CallToAction::ContactMe, at(20, 9, i));
            arrive(&pool, &organisation, &lead, lead.created_date_time).await;
        }
        let queued = outbox_message_ids(&pool).await;
        assert_eq!(queued.len(), 24, "8 leads for 3 partner admins");
        let first = mailer(app.pool().await, &smtp.config(), Faults::default());
        let second = mailer(app.pool().await, &smtp.config(), Faults::default());
        let (a, b) = tokio::join!(first.send_due(at(20, 10, 0)), second.send_due(at(20, 10, 0)));
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.sent + b.sent, 24, "{a:?} {b:?}");
        let mut received: Vec<String> = smtp.received().into_iter().map(|m| format!("<{}>", m.message_id)).collect();
        received.sort();
        let mut queued = queued;
        queued.sort();
        assert_eq!(received, queued, "every mail once");
    }

    async fn an_invitation_mail_arrives_over_smtp_and_its_link_sets_a_password_and_signs_in(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, admin) = organisation_with_admin(&pool).await;
        let session = admin.sign_in(&app).await;
        let invited = format!("ines-{}@invited.test", uuid::Uuid::new_v4().simple());
        let response = session
            .request(reqwest::Method::POST, "/api/v1/invitations")
            .json(&serde_json::json!({ "email": invited, "role": "ReferralsAdmin", "name": "Ines Duarte" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);

        let sender = mailer(app.pool().await, &smtp.config(), Faults::default());
        assert_eq!(sender.send_due(Utc::now()).await.unwrap().sent, 1);
        let mails = smtp.received();
        assert_eq!(mails.len(), 1);
        let mail = &mails[0];
        assert_eq!(mail.to, invited);
        assert_eq!(mail.subject, format!("{} hat Sie zu {} in Referral Desk eingeladen", admin.name, organisation.name), "in the inviter's language");
        let prefix = format!("{PUBLIC_URL}/invitations/");
        let token: String = mail.text[mail.text.find(&prefix).expect("the link is in the text") + prefix.len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        assert_eq!(token.len(), 43, "{}", mail.text);
        assert!(mail.html.contains(&format!("href=\"{prefix}{token}\"")), "{}", mail.html);
        let (content,): (String,) = sqlx::query_as("SELECT content FROM mail_outbox WHERE kind = 'invitation'")
            .fetch_one(&pool).await.unwrap();
        assert!(!content.contains(&token), "the outbox forgets the link once the mail is sent");

        // The link (on this server) shows the invitation, then sets the password and signs in.
        let shown: serde_json::Value = app.get(&format!("/api/v1/invitation-links/{token}")).await.json().await.unwrap();
        assert_eq!(shown["name"], "Ines Duarte");
        assert_eq!(shown["role"], "ReferralsAdmin");
        let accepted = app
            .post_json(&format!("/api/v1/invitation-links/{token}/accept"), &serde_json::json!({ "name": "Ines Duarte", "password": "correct horse battery" }))
            .await;
        assert_eq!(accepted.status(), 201);
        let cookie = support::session_cookie(&accepted).expect("signed in");
        let me: serde_json::Value = app.client.get(app.url("/api/v1/me")).header("cookie", cookie).send().await.unwrap().json().await.unwrap();
        assert_eq!(me["user"]["email"], invited);
        assert_eq!(me["role"], "ReferralsAdmin");
        let again = app.post_json("/api/v1/session", &serde_json::json!({ "email": invited, "password": "correct horse battery" })).await;
        assert_eq!(again.status(), 200, "the password set through the link signs in");
    }

    async fn an_invitation_revoked_before_its_mail_went_is_never_sent(app) {
        let smtp = SmtpServer::start().await;
        let pool = app.pool().await;
        let (organisation, admin) = organisation_with_admin(&pool).await;
        let session = admin.sign_in(&app).await;
        let mistyped = format!("ines-{}@mistyped.test", uuid::Uuid::new_v4().simple());
        let invitation: serde_json::Value = session
            .request(reqwest::Method::POST, "/api/v1/invitations")
            .json(&serde_json::json!({ "email": mistyped, "role": "ReferralsAdmin" }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let revoked = session
            .request(reqwest::Method::DELETE, &format!("/api/v1/invitations/{}", invitation["id"].as_str().unwrap()))
            .send()
            .await
            .unwrap();
        assert_eq!(revoked.status(), 204);

        let sender = mailer(app.pool().await, &smtp.config(), Faults::default());
        let report = sender.send_due(Utc::now()).await.unwrap();
        assert_eq!((report.sent, report.failed), (0, 0));
        assert!(smtp.received().is_empty(), "nothing reached the mistyped address");
        let (content, sent_at): (String, Option<String>) =
            sqlx::query_as("SELECT content, sent_at FROM mail_outbox WHERE organisation_id = $1 AND kind = 'invitation'")
                .bind(&organisation.id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert!(sent_at.is_some(), "done with, never tried again");
        let content: serde_json::Value = serde_json::from_str(&content).unwrap();
        assert_eq!(content["token"], "", "the link is forgotten");
    }

    async fn an_invitation_mail_given_up_keeps_no_link(app) {
        let pool = app.pool().await;
        let (organisation, admin) = organisation_with_admin(&pool).await;
        let session = admin.sign_in(&app).await;
        let invited = format!("ines-{}@unreachable.test", uuid::Uuid::new_v4().simple());
        let response = session
            .request(reqwest::Method::POST, "/api/v1/invitations")
            .json(&serde_json::json!({ "email": invited, "role": "PartnerAdmin" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        // Its earlier tries failed; this is its last, and nothing listens on the port.
        sqlx::query("UPDATE mail_outbox SET attempts = $1 WHERE organisation_id = $2 AND kind = 'invitation'")
            .bind(MAX_ATTEMPTS - 1)
            .bind(&organisation.id)
            .execute(&pool)
            .await
            .unwrap();
        let nobody = MailConfig {
            smtp_host: Some("127.0.0.1".to_owned()),
            smtp_port: Some(unused_port()),
            smtp_tls: SmtpTls::None,
            ..MailConfig::default()
        };
        let report = mailer(app.pool().await, &nobody, Faults::default()).send_due(Utc::now()).await.unwrap();
        assert_eq!((report.sent, report.failed), (0, 1));
        let (content, error): (String, Option<String>) =
            sqlx::query_as("SELECT content, last_error FROM mail_outbox WHERE organisation_id = $1 AND kind = 'invitation'")
                .bind(&organisation.id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert!(error.is_some(), "the failure is kept for the operator");
        let content: serde_json::Value = serde_json::from_str(&content).unwrap();
        assert_eq!(content["token"], "", "a mail given up keeps no link a copy of the database could use");
    }

    async fn an_invitation_mail_whose_sender_died_on_its_last_try_forgets_its_link_at_the_purge(app) {
        let pool = app.pool().await;
        let (organisation, admin) = organisation_with_admin(&pool).await;
        let session = admin.sign_in(&app).await;
        for who in ["gave-up", "still-trying"] {
            let response = session
                .request(reqwest::Method::POST, "/api/v1/invitations")
                .json(&serde_json::json!({ "email": format!("{who}@unreachable.test"), "role": "ReferralsUser" }))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 201);
        }
        // A sender claimed the last try of one (and the first of the other) and died: their
        // leases ran out, and nobody marked either failed.
        let lapsed = referral_desk_server::db::stored_time(Utc::now() - chrono::Duration::minutes(5));
        for (who, attempts) in [("gave-up", MAX_ATTEMPTS), ("still-trying", 1)] {
            sqlx::query("UPDATE mail_outbox SET attempts = $1, lease_until = $2 WHERE organisation_id = $3 AND recipient = $4")
                .bind(attempts)
                .bind(&lapsed)
                .bind(&organisation.id)
                .bind(format!("{who}@unreachable.test"))
                .execute(&pool)
                .await
                .unwrap();
        }

        referral_desk_server::jobs::purge::purge(&pool, Utc::now()).await.unwrap();

        for (who, keeps_link) in [("gave-up", false), ("still-trying", true)] {
            let (content,): (String,) = sqlx::query_as("SELECT content FROM mail_outbox WHERE organisation_id = $1 AND recipient = $2")
                .bind(&organisation.id)
                .bind(format!("{who}@unreachable.test"))
                .fetch_one(&pool)
                .await
                .unwrap();
            let content: serde_json::Value = serde_json::from_str(&content).unwrap();
            assert_eq!(content["token"].as_str().unwrap().is_empty(), !keeps_link, "{who}");
        }
    }
}
