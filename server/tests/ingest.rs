//! Leads sent in with an API key: both shapes, each bad field, resubmissions, wrong and
//! revoked keys, and organisations kept apart — on SQLite and PostgreSQL.

mod support;

use domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::builders::{TestOrganisation, TestUser};
use support::{Session, TestApp};

/// A fresh key of the session's organisation (the session is a partner admin's).
async fn key_of(admin: &Session, name: &str) -> (String, String) {
    let response = admin
        .request(Method::POST, "/api/v1/api-keys")
        .json(&json!({ "name": name }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    (
        created["id"].as_str().unwrap().to_owned(),
        created["key"].as_str().unwrap().to_owned(),
    )
}

async fn send(app: &TestApp, path: &str, key: Option<&str>, body: &Value) -> reqwest::Response {
    let mut request = app.client.post(app.url(path)).json(body);
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    request.send().await.unwrap()
}

fn contact_me(external_id: &str) -> Value {
    json!({
        "externalId": external_id,
        "name": "Northwind – field service rollout",
        "consent": { "consentToContact": true, "consentToShareInfoWithOthers": false },
        "customerProfile": {
            "name": "Northwind Traders",
            "size": "100to999employees",
            "address": { "city": "Hamburg", "country": "DE" },
            "team": [{ "firstName": "Nora", "lastName": "Nordmann",
                       "email": "nora@northwind.de", "phoneNumber": "+49 40 123456",
                       "emailValidity": "Valid", "phoneValidity": "Valid" }]
        },
        "details": { "notes": "Please call about 40 technicians.", "dealValue": "48000", "currency": "EUR",
                     "customerRequestedContact": true },
        "leadType": "Offer", "leadSource": "AppSource", "callToAction": "ContactMe",
        "offerId": "contoso.field-service", "offerName": "Field Service",
        "status": "Closed", "leadQuality": "Low", "id": "chosen-by-sender"
    })
}

fn marketplace_lead() -> Value {
    json!({
        "LeadSource": "AzureMarketplace-PLT|contoso.erp-quickstart",
        "ActionCode": "PLT",
        "OfferTitle": "ERP Quickstart",
        "Description": "We need this by spring.",
        "UserDetails": { "FirstName": "Li", "LastName": "Wei", "Email": "li.wei@fabrikam.cn",
                         "Phone": "+86 10 6552 9988", "Country": "CN", "Company": "Fabrikam",
                         "Title": "CIO" }
    })
}

/// How many referrals the organisation of `session` has.
async fn count(session: &Session) -> usize {
    let response = session.get("/api/v1/referrals?limit=1").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.headers()["x-total-count"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

backend_tests! {
    async fn a_key_whose_maker_was_deactivated_keeps_working_and_is_flagged(app) {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let maker = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let other = TestUser::new(Role::PartnerAdmin).in_organisation(&organisation).create(&pool).await;
        let (_, key) = key_of(&maker.sign_in(&app).await, "CRM").await;
        let admin = other.sign_in(&app).await;
        assert_eq!(admin.get_json("/api/v1/api-keys").await[0]["creatorDeactivated"], false);

        let deactivated = admin.request(Method::POST, &format!("/api/v1/users/{}/deactivate", maker.id)).send().await.unwrap();
        assert_eq!(deactivated.status(), StatusCode::OK);
        // The key is the organisation's integration: it goes on working, and the screen says who made it and that they left.
        let listed = admin.get_json("/api/v1/api-keys").await;
        assert_eq!(listed[0]["creatorDeactivated"], true);
        assert_eq!(listed[0]["createdBy"], maker.name.as_str());
        let response = send(&app, "/api/v1/ingest/referrals", Some(&key), &contact_me("after-leaving")).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }

    async fn a_referral_arrives_new_with_its_clocks_started_and_its_quality_rated(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (_, key) = key_of(&admin, "CRM").await;
        let before = count(&admin).await;
        let sent_at = chrono::Utc::now();
        let response = send(&app, "/api/v1/ingest/referrals", Some(&key), &contact_me("crm-1")).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let referral: Value = response.json().await.unwrap();
        assert_eq!(location, format!("/api/v1/referrals/{}", referral["id"].as_str().unwrap()));
        assert_ne!(referral["id"], "chosen-by-sender", "ids are the server's");
        assert_eq!(referral["status"], "New");
        assert_eq!(referral["substatus"], "Received");
        assert_eq!(referral["leadQuality"], "High", "rated by the domain, not the sender");
        assert_eq!(referral["customerProfile"]["team"][0]["emailValidity"], "Valid");
        let created: chrono::DateTime<chrono::Utc> =
            referral["createdDateTime"].as_str().unwrap().parse().unwrap();
        let expires: chrono::DateTime<chrono::Utc> =
            referral["expirationDateTime"].as_str().unwrap().parse().unwrap();
        assert!(created >= sent_at - chrono::Duration::seconds(1));
        assert_eq!(expires - created, chrono::Duration::days(14));

        assert_eq!(count(&admin).await, before + 1);
        let stored = admin.get_json(&location).await;
        assert_eq!(stored["name"], "Northwind – field service rollout");
        // The key was used.
        let keys = admin.get_json("/api/v1/api-keys").await;
        assert!(keys[0]["lastUsedAt"].is_string(), "{keys}");
    }

    async fn a_marketplace_lead_is_mapped_to_type_source_and_call_to_action(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (_, key) = key_of(&admin, "Marketplace").await;
        let response = send(&app, "/api/v1/ingest/marketplace-leads", Some(&key), &marketplace_lead()).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let referral: Value = response.json().await.unwrap();
        assert_eq!(referral["leadType"], "Offer");
        assert_eq!(referral["leadSource"], "AzureMarketplace");
        assert_eq!(referral["callToAction"], "ContactMe");
        assert_eq!(referral["offerId"], "contoso.erp-quickstart");
        assert_eq!(referral["offerName"], "ERP Quickstart");
        assert_eq!(referral["customerProfile"]["name"], "Fabrikam");
        assert_eq!(referral["customerProfile"]["address"]["country"], "CN");
        assert_eq!(referral["details"]["notes"], "We need this by spring.");
        assert_eq!(referral["details"]["customerRequestedContact"], true);
        assert_eq!(referral["consent"]["consentToContact"], true);
    }

    async fn every_bad_field_is_named_and_nothing_is_stored(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (_, key) = key_of(&admin, "CRM").await;
        let before = count(&admin).await;
        let mut bad = contact_me("crm-bad");
        bad["name"] = json!("");
        bad["type"] = json!("Solo");
        bad["consent"]["consentToContact"] = json!(false);
        bad["customerProfile"]["address"]["country"] = json!("Atlantis");
        bad["customerProfile"]["team"][0]["firstName"] = json!(null);
        bad["customerProfile"]["team"][0]["emailValidity"] = json!("Maybe");
        bad["details"]["currency"] = json!("ZZZ");
        bad["callToAction"] = json!("CallMe");
        let response = send(&app, "/api/v1/ingest/referrals", Some(&key), &bad).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(response.headers()["content-type"], "application/problem+json");
        let problem: Value = response.json().await.unwrap();
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|error| error["field"].as_str().unwrap())
            .collect();
        for field in [
            "name",
            "type",
            "consent.consentToContact",
            "customerProfile.address.country",
            "customerProfile.team[0].firstName",
            "customerProfile.team[0].emailValidity",
            "details.currency",
            "callToAction",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
        let consent = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|error| error["field"] == "consent.consentToContact")
            .unwrap();
        assert_eq!(consent["code"], "error-consent-required");

        let mut bad = marketplace_lead();
        bad["LeadSource"] = json!("Fax-PLT|x");
        bad["ActionCode"] = json!("DNC");
        bad["UserDetails"]["Company"] = json!("");
        bad["UserDetails"]["Email"] = json!(null);
        bad["UserDetails"]["Phone"] = json!(" ");
        let response = send(&app, "/api/v1/ingest/marketplace-leads", Some(&key), &bad).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem: Value = response.json().await.unwrap();
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|error| error["field"].as_str().unwrap())
            .collect();
        for field in ["LeadSource", "ActionCode", "UserDetails.Company", "UserDetails.Email"] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }

        let malformed = app
            .client
            .post(app.url("/api/v1/ingest/referrals"))
            .bearer_auth(&key)
            .header("content-type", "application/json")
            .body("{\"name\": ")
            .send()
            .await
            .unwrap();
        assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
        // A value of the wrong JSON type cannot be read, and the answer names its field.
        let mut wrong_type = contact_me("crm-typed");
        wrong_type["details"]["dealValue"] = json!(48000);
        let response = send(&app, "/api/v1/ingest/referrals", Some(&key), &wrong_type).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let problem: Value = response.json().await.unwrap();
        let detail = problem["detail"].as_str().unwrap();
        assert!(detail.contains("details.dealValue: invalid type: integer `48000`, expected a string"), "{detail}");
        let mut wrong_type = contact_me("crm-typed");
        wrong_type["customerProfile"]["team"][0]["firstName"] = json!(["Nora"]);
        let response = send(&app, "/api/v1/ingest/referrals", Some(&key), &wrong_type).await;
        let problem: Value = response.json().await.unwrap();
        assert!(problem["detail"].as_str().unwrap().contains("customerProfile.team[0].firstName: "), "{problem}");
        assert_eq!(count(&admin).await, before, "nothing partial is stored");
    }

    async fn a_resubmission_answers_the_referral_it_made(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (_, key) = key_of(&admin, "CRM").await;
        let before = count(&admin).await;
        let first = send(&app, "/api/v1/ingest/referrals", Some(&key), &contact_me("crm-7")).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Value = first.json().await.unwrap();

        // The same external ID with other content is the same lead.
        let mut changed = contact_me("crm-7");
        changed["name"] = json!("Another name");
        let again = send(&app, "/api/v1/ingest/referrals", Some(&key), &changed).await;
        assert_eq!(again.status(), StatusCode::OK);
        let again: Value = again.json().await.unwrap();
        assert_eq!(again["id"], first["id"]);
        assert_eq!(again["name"], "Northwind – field service rollout", "unchanged");

        // The same payload without an ID, sent twice (once reformatted), is one lead.
        let lead = marketplace_lead();
        let one = send(&app, "/api/v1/ingest/marketplace-leads", Some(&key), &lead).await;
        assert_eq!(one.status(), StatusCode::CREATED);
        let one: Value = one.json().await.unwrap();
        let reformatted = serde_json::to_string_pretty(&lead).unwrap();
        let two = app
            .client
            .post(app.url("/api/v1/ingest/marketplace-leads"))
            .bearer_auth(&key)
            .header("content-type", "application/json")
            .body(reformatted)
            .send()
            .await
            .unwrap();
        assert_eq!(two.status(), StatusCode::OK);
        let two: Value = two.json().await.unwrap();
        assert_eq!(two["id"], one["id"]);

        // Different content is a different lead.
        let mut other = marketplace_lead();
        other["UserDetails"]["Email"] = json!("someone.else@fabrikam.cn");
        let three = send(&app, "/api/v1/ingest/marketplace-leads", Some(&key), &other).await;
        assert_eq!(three.status(), StatusCode::CREATED);
        assert_eq!(count(&admin).await, before + 3);
    }

    async fn a_marketplace_lead_id_and_a_referral_id_alike_are_two_leads(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (_, key) = key_of(&admin, "Both").await;
        let before = count(&admin).await;
        let referral = send(&app, "/api/v1/ingest/referrals", Some(&key), &contact_me("1001")).await;
        assert_eq!(referral.status(), StatusCode::CREATED);
        let referral: Value = referral.json().await.unwrap();
        let mut lead = marketplace_lead();
        lead["LeadId"] = json!("1001");
        let marketplace = send(&app, "/api/v1/ingest/marketplace-leads", Some(&key), &lead).await;
        assert_eq!(marketplace.status(), StatusCode::CREATED, "another sender's ID, not a resubmission");
        let marketplace: Value = marketplace.json().await.unwrap();
        assert_ne!(marketplace["id"], referral["id"]);
        assert_eq!(marketplace["customerProfile"]["name"], "Fabrikam");

        // Within its own shape the ID still names the lead.
        let mut again = marketplace_lead();
        again["LeadId"] = json!("1001");
        again["Description"] = json!("Sent again, reworded.");
        let resent = send(&app, "/api/v1/ingest/marketplace-leads", Some(&key), &again).await;
        assert_eq!(resent.status(), StatusCode::OK);
        let resent: Value = resent.json().await.unwrap();
        assert_eq!(resent["id"], marketplace["id"]);
        assert_eq!(count(&admin).await, before + 2);
    }

    async fn a_sender_id_stored_before_the_shapes_were_told_apart_still_names_its_lead(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (_, key) = key_of(&admin, "Before").await;
        let first = send(&app, "/api/v1/ingest/referrals", Some(&key), &contact_me("2002")).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Value = first.json().await.unwrap();
        // As migration 0012 leaves an ID stored before it.
        sqlx::query("UPDATE ingested_leads SET kind = 'external:legacy' WHERE kind = 'external:referrals' AND value = '2002'")
            .execute(&app.pool().await)
            .await
            .unwrap();
        let again = send(&app, "/api/v1/ingest/referrals", Some(&key), &contact_me("2002")).await;
        assert_eq!(again.status(), StatusCode::OK);
        assert_eq!(again.json::<Value>().await.unwrap()["id"], first["id"]);
        let mut lead = marketplace_lead();
        lead["LeadId"] = json!("2002");
        let marketplace = send(&app, "/api/v1/ingest/marketplace-leads", Some(&key), &lead).await;
        assert_eq!(marketplace.status(), StatusCode::OK, "an ID from before keeps its old meaning");
        assert_eq!(marketplace.json::<Value>().await.unwrap()["id"], first["id"]);
    }

    async fn concurrent_resubmissions_store_one_lead(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (_, key) = key_of(&admin, "CRM").await;
        let before = count(&admin).await;
        let lead = contact_me("crm-race");
        let sends = (0..6).map(|_| send(&app, "/api/v1/ingest/referrals", Some(&key), &lead));
        let responses = futures_util::future::join_all(sends).await;
        let mut ids = std::collections::HashSet::new();
        let mut created = 0;
        for response in responses {
            match response.status() {
                StatusCode::CREATED => created += 1,
                StatusCode::OK => {}
                other => panic!("unexpected {other}"),
            }
            let referral: Value = response.json().await.unwrap();
            ids.insert(referral["id"].as_str().unwrap().to_owned());
        }
        assert_eq!(created, 1);
        assert_eq!(ids.len(), 1);
        assert_eq!(count(&admin).await, before + 1);
    }

    async fn wrong_missing_and_revoked_keys_are_refused(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (id, key) = key_of(&admin, "CRM").await;
        let before = count(&admin).await;
        for wrong in [None, Some("rdk_not-a-real-key"), Some("nonsense")] {
            let response = send(&app, "/api/v1/ingest/referrals", wrong, &contact_me("crm-x")).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{wrong:?}");
            assert_eq!(response.headers()["www-authenticate"], "Bearer");
            let problem: Value = response.json().await.unwrap();
            assert!(problem["detail"].as_str().unwrap().contains("API key"), "{problem}");
        }
        // A session is no key.
        let with_session = app
            .client
            .post(app.url("/api/v1/ingest/referrals"))
            .header("cookie", &admin.cookie)
            .header("x-csrf-token", &admin.csrf)
            .json(&contact_me("crm-x"))
            .send()
            .await
            .unwrap();
        assert_eq!(with_session.status(), StatusCode::UNAUTHORIZED);

        let revoked = admin.request(Method::DELETE, &format!("/api/v1/api-keys/{id}")).send().await.unwrap();
        assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
        let response = send(&app, "/api/v1/ingest/marketplace-leads", Some(&key), &marketplace_lead()).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(count(&admin).await, before);
    }

    async fn a_key_revoked_while_its_lead_waits_for_its_turn_lets_nothing_in(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (id, key) = key_of(&admin, "CRM").await;
        let before = count(&admin).await;
        let pool = app.pool().await;
        let (organisation_id,): (String,) =
            sqlx::query_as("SELECT organisation_id FROM users WHERE email = 'admin@demo.test'")
                .fetch_one(&pool)
                .await
                .unwrap();
        // Another writer of the organisation holds its turn…
        let mut revoke = pool.begin().await.unwrap();
        sqlx::query("UPDATE organisations SET last_change = last_change WHERE id = $1")
            .bind(&organisation_id)
            .execute(&mut *revoke)
            .await
            .unwrap();
        // …while the lead, its key checked, waits for it; the writer revokes the key.
        let revoking = async {
            support::until_a_request_waits_for_a_lock(&pool).await;
            sqlx::query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2")
                .bind(chrono::Utc::now().to_rfc3339())
                .bind(&id)
                .execute(&mut *revoke)
                .await
                .unwrap();
            revoke.commit().await.unwrap();
        };
        let lead = contact_me("crm-revoked-meanwhile");
        let (response, ()) = tokio::join!(send(&app, "/api/v1/ingest/referrals", Some(&key), &lead), revoking);
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(count(&admin).await, before, "no lead arrives through a revoked key");
    }

    async fn a_key_writes_only_into_its_own_organisation(app) {
        let pool = app.pool().await;
        let elsewhere = TestOrganisation::create(&pool).await;
        let other_admin = TestUser::new(Role::PartnerAdmin)
            .in_organisation(&elsewhere)
            .create(&pool)
            .await
            .sign_in(&app)
            .await;
        let (_, other_key) = key_of(&other_admin, "Their CRM").await;
        let demo_admin = app.sign_in("admin@demo.test").await;
        let (_, demo_key) = key_of(&demo_admin, "Our CRM").await;
        let demo_before = count(&demo_admin).await;

        let theirs = send(&app, "/api/v1/ingest/referrals", Some(&other_key), &contact_me("crm-shared")).await;
        assert_eq!(theirs.status(), StatusCode::CREATED);
        let theirs: Value = theirs.json().await.unwrap();
        assert_eq!(count(&demo_admin).await, demo_before, "not in the demo organisation");
        assert_eq!(count(&other_admin).await, 1);
        let path = format!("/api/v1/referrals/{}", theirs["id"].as_str().unwrap());
        assert_eq!(demo_admin.get(&path).await.status(), StatusCode::NOT_FOUND);

        // The same external ID in another organisation is another lead.
        let ours = send(&app, "/api/v1/ingest/referrals", Some(&demo_key), &contact_me("crm-shared")).await;
        assert_eq!(ours.status(), StatusCode::CREATED);
        let ours: Value = ours.json().await.unwrap();
        assert_ne!(ours["id"], theirs["id"]);
        assert_eq!(count(&demo_admin).await, demo_before + 1);
        assert_eq!(count(&other_admin).await, 1);
    }

    async fn a_new_lead_is_in_the_feed_of_every_open_app(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let (_, key) = key_of(&admin, "CRM").await;
        // Synced up to now, as an open app is.
        let mut page = admin.get_json("/api/v1/sync?limit=1000").await;
        while page["more"] == true {
            let since = page["cursor"].as_str().unwrap().to_owned();
            page = admin.get_json(&format!("/api/v1/sync?limit=1000&since={since}")).await;
        }
        let cursor = page["cursor"].as_str().unwrap().to_owned();
        let response = send(&app, "/api/v1/ingest/referrals", Some(&key), &contact_me("crm-feed")).await;
        let referral: Value = response.json().await.unwrap();
        let changes = admin.get_json(&format!("/api/v1/sync?since={cursor}")).await;
        let changed: Vec<&str> = changes["referrals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(changed, vec![referral["id"].as_str().unwrap()], "{changes}");
    }
}
