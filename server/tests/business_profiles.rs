//! Business profiles through the API: partner admins and business profile admins create,
//! read, change and delete them, one per region, each field checked by the domain, and
//! never over a colleague's change unseen — on SQLite and PostgreSQL.

mod support;

use domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::builders::{TestOrganisation, TestUser};
use support::{Session, TestApp};

const PATH: &str = "/api/v1/business-profiles";

/// A valid Asia Pacific profile (the demo organisation has Europe and North America).
fn asia_pacific() -> Value {
    json!({
        "region": "AsiaPacific",
        "locations": [
            { "country": "SG", "city": "Singapore",
              "contact": { "name": "Mei Tan", "email": "singapore@partner.example", "phone": "+65 6123 4567" } },
            { "country": "jp", "city": null,
              "contact": { "name": "Ken Sato", "email": "tokyo@partner.example" } }
        ],
        "keywords": ["ERP", " erp ", "Cloud"],
        "preferredCompanySizes": ["10000plusemployees", "50to999employees"]
    })
}

/// A signed-in user of `role` in an organisation of the test's own (no profiles yet).
async fn member_of_own_organisation(app: &TestApp, role: Role) -> (TestOrganisation, Session) {
    let pool = app.pool().await;
    let organisation = TestOrganisation::create(&pool).await;
    let session = TestUser::new(role)
        .in_organisation(&organisation)
        .create(&pool)
        .await
        .sign_in(app)
        .await;
    (organisation, session)
}

async fn create(session: &Session, body: &Value) -> reqwest::Response {
    session
        .request(Method::POST, PATH)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn replace(session: &Session, id: &str, etag: &str, body: &Value) -> reqwest::Response {
    session
        .request(Method::PUT, &format!("{PATH}/{id}"))
        .header("if-match", format!("\"{etag}\""))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn created(session: &Session, body: &Value) -> Value {
    let response = create(session, body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

/// The fields a 422 names, in order.
async fn refused_fields(response: reqwest::Response) -> Vec<String> {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "invalid-fields");
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap().to_owned())
        .collect()
}

backend_tests! {
    async fn a_profile_is_created_read_listed_changed_and_deleted(app) {
        let (_, admin) = member_of_own_organisation(&app, Role::PartnerAdmin).await;
        assert_eq!(admin.get_json(PATH).await, json!([]));

        let response = create(&admin, &asia_pacific()).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let etag = response.headers()["etag"].to_str().unwrap().to_owned();
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let profile: Value = response.json().await.unwrap();
        let id = profile["id"].as_str().unwrap().to_owned();
        assert_eq!(location, format!("{PATH}/{id}"));
        assert_eq!(etag, format!("\"{}\"", profile["eTag"].as_str().unwrap()));
        assert_eq!(profile["region"], "AsiaPacific");
        assert_eq!(profile["locations"][0]["country"], "SG");
        assert_eq!(profile["locations"][0]["contact"]["phone"], "+6561234567");
        assert_eq!(profile["locations"][1]["country"], "JP");
        assert_eq!(profile["locations"][1]["contact"]["phone"], Value::Null);
        assert_eq!(profile["keywords"], json!(["ERP", "Cloud"]), "repeats dropped");
        assert_eq!(profile["preferredCompanySizes"], json!(["50to999employees", "10000plusemployees"]));

        let read = admin.get(&location).await;
        assert_eq!(read.status(), StatusCode::OK);
        assert_eq!(read.headers()["etag"].to_str().unwrap(), etag);
        assert_eq!(read.json::<Value>().await.unwrap(), profile);
        assert_eq!(admin.get_json(PATH).await, json!([profile]));

        let mut changed = asia_pacific();
        changed["locations"][1]["contact"]["email"] = json!("japan@partner.example");
        changed["keywords"] = json!(["Field service"]);
        let response = replace(&admin, &id, profile["eTag"].as_str().unwrap(), &changed).await;
        assert_eq!(response.status(), StatusCode::OK);
        let new_etag = response.headers()["etag"].to_str().unwrap().to_owned();
        assert_ne!(new_etag, etag, "a change is a new version");
        let now: Value = response.json().await.unwrap();
        assert_eq!(now["id"], profile["id"]);
        assert_eq!(now["locations"][1]["contact"]["email"], "japan@partner.example");
        assert_eq!(now["keywords"], json!(["Field service"]));
        assert_eq!(admin.get_json(&location).await, now);

        let deleted = admin
            .request(Method::DELETE, &location)
            .header("if-match", &new_etag)
            .send()
            .await
            .unwrap();
        assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
        assert_eq!(admin.get(&location).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(admin.get_json(PATH).await, json!([]));
        let again = admin.request(Method::DELETE, &location).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_FOUND);
        let problem: Value = again.json().await.unwrap();
        assert_eq!(problem["code"], "business-profile-not-found");
    }

    async fn profiles_are_listed_in_the_order_of_the_regions(app) {
        let (_, admin) = member_of_own_organisation(&app, Role::BusinessProfileAdmin).await;
        created(&admin, &asia_pacific()).await;
        let africa = json!({ "region": "Africa", "locations": [
            { "country": "ZA", "contact": { "name": "Thabo", "email": "jhb@partner.example" } }] });
        created(&admin, &africa).await;
        let list = admin.get_json(PATH).await;
        let regions: Vec<&str> = list.as_array().unwrap().iter().map(|p| p["region"].as_str().unwrap()).collect();
        assert_eq!(regions, ["Africa", "AsiaPacific"]);
    }

    async fn each_bad_field_is_named_and_nothing_is_stored(app) {
        let (_, admin) = member_of_own_organisation(&app, Role::PartnerAdmin).await;
        let cases: Vec<(Value, Vec<&str>)> = vec![
            (json!({}), vec!["region", "locations"]),
            ({ let mut b = asia_pacific(); b["region"] = json!("Atlantis"); b }, vec!["region"]),
            ({ let mut b = asia_pacific(); b["locations"] = json!([]); b }, vec!["locations"]),
            ({ let mut b = asia_pacific(); b["locations"][0]["country"] = json!("DE"); b }, vec!["locations[0].country"]),
            ({ let mut b = asia_pacific(); b["locations"][1]["country"] = json!("sg"); b }, vec!["locations[1].country"]),
            ({ let mut b = asia_pacific(); b["locations"][1]["country"] = json!("XX"); b }, vec!["locations[1].country"]),
            ({ let mut b = asia_pacific(); b["locations"][0]["city"] = json!("Sin\ngapore"); b }, vec!["locations[0].city"]),
            ({ let mut b = asia_pacific(); b["locations"][1]["contact"]["name"] = json!(" "); b }, vec!["locations[1].contact.name"]),
            ({ let mut b = asia_pacific(); b["locations"][1]["contact"]["email"] = json!("tokyo@"); b }, vec!["locations[1].contact.email"]),
            ({ let mut b = asia_pacific(); b["locations"][0]["contact"]["phone"] = json!("6123 4567"); b }, vec!["locations[0].contact.phone"]),
            ({ let mut b = asia_pacific(); b["keywords"] = json!(["x".repeat(51)]); b }, vec!["keywords[0]"]),
            ({ let mut b = asia_pacific(); b["keywords"] = json!((0..21).map(|i| format!("k{i}")).collect::<Vec<_>>()); b }, vec!["keywords"]),
            ({ let mut b = asia_pacific(); b["preferredCompanySizes"] = json!(["huge"]); b }, vec!["preferredCompanySizes[0]"]),
        ];
        for (body, expected) in cases {
            assert_eq!(refused_fields(create(&admin, &body).await).await, expected, "{body}");
        }
        // Every bad field at once.
        let mut all = asia_pacific();
        all["locations"][0]["contact"]["email"] = json!("");
        all["locations"][1]["country"] = json!("FR");
        all["locations"][1]["contact"]["phone"] = json!("123");
        let response = create(&admin, &all).await;
        let problem: Value = response.json().await.unwrap();
        let errors = problem["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 3, "{problem}");
        assert_eq!(errors[0]["field"], "locations[0].contact.email");
        assert_eq!(errors[0]["code"], "error-required");
        assert_eq!(errors[1]["field"], "locations[1].country");
        assert_eq!(errors[1]["code"], "error-location-outside-region");
        assert_eq!(errors[1]["params"]["countryRegion"], "Europe");
        assert_eq!(
            errors[1]["message"],
            "FR is in Europe, not in this profile's region: add it to the Europe profile, or choose another country."
        );
        assert_eq!(errors[2]["field"], "locations[1].contact.phone");
        assert_eq!(admin.get_json(PATH).await, json!([]), "nothing stored");
    }

    async fn a_second_profile_for_a_region_is_a_conflict_even_when_created_at_once(app) {
        let (organisation, admin) = member_of_own_organisation(&app, Role::PartnerAdmin).await;
        let pool = app.pool().await;
        let colleague = TestUser::new(Role::BusinessProfileAdmin)
            .in_organisation(&organisation)
            .create(&pool)
            .await
            .sign_in(&app)
            .await;
        let body = asia_pacific();
        let (first, second) = tokio::join!(create(&admin, &body), create(&colleague, &body));
        let mut statuses = [first.status(), second.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT]);
        let refused = if first.status() == StatusCode::CONFLICT { first } else { second };
        let problem: Value = refused.json().await.unwrap();
        assert_eq!(problem["code"], "business-profile-region-taken");
        assert_eq!(problem["params"]["region"], "AsiaPacific");
        assert_eq!(
            problem["detail"],
            "Your organisation already has a business profile for Asia Pacific: edit that one instead."
        );
        assert_eq!(admin.get_json(PATH).await.as_array().unwrap().len(), 1);

        // Another organisation may have its own profile for the same region.
        let (_, elsewhere) = member_of_own_organisation(&app, Role::PartnerAdmin).await;
        assert_eq!(create(&elsewhere, &body).await.status(), StatusCode::CREATED);

        // Moving a profile into a region that has one is the same conflict.
        let africa = created(&admin, &json!({ "region": "Africa", "locations": [
            { "country": "KE", "contact": { "name": "Amani", "email": "nairobi@partner.example" } }] })).await;
        let moved = replace(&admin, africa["id"].as_str().unwrap(), africa["eTag"].as_str().unwrap(), &body).await;
        assert_eq!(moved.status(), StatusCode::CONFLICT);
        let problem: Value = moved.json().await.unwrap();
        assert_eq!(problem["code"], "business-profile-region-taken");
        let kept = admin.get_json(&format!("{PATH}/{}", africa["id"].as_str().unwrap())).await;
        assert_eq!(kept, africa, "nothing changed");
    }

    async fn a_change_to_a_version_someone_else_replaced_is_refused_with_the_current_one(app) {
        let (_, admin) = member_of_own_organisation(&app, Role::PartnerAdmin).await;
        let profile = created(&admin, &asia_pacific()).await;
        let id = profile["id"].as_str().unwrap();
        let seen = profile["eTag"].as_str().unwrap();
        let mut theirs = asia_pacific();
        theirs["keywords"] = json!(["Theirs"]);
        assert_eq!(replace(&admin, id, seen, &theirs).await.status(), StatusCode::OK);

        let mut mine = asia_pacific();
        mine["keywords"] = json!(["Mine"]);
        let stale = replace(&admin, id, seen, &mine).await;
        assert_eq!(stale.status(), StatusCode::PRECONDITION_FAILED);
        let current_tag = stale.headers()["etag"].to_str().unwrap().to_owned();
        let problem: Value = stale.json().await.unwrap();
        assert_eq!(problem["code"], "business-profile-changed-meanwhile");
        assert_eq!(problem["current"]["keywords"], json!(["Theirs"]));
        assert_eq!(current_tag, format!("\"{}\"", problem["current"]["eTag"].as_str().unwrap()));
        // Stale is stale even with a body that would be refused: the form is reloaded anyway.
        let stale_and_bad = replace(&admin, id, seen, &json!({})).await;
        assert_eq!(stale_and_bad.status(), StatusCode::PRECONDITION_FAILED);

        let without = admin.request(Method::PUT, &format!("{PATH}/{id}")).json(&mine).send().await.unwrap();
        assert_eq!(without.status(), StatusCode::PRECONDITION_REQUIRED);
        // A replace must name the version it saw: `*` (any) is none, so it is told the current one.
        let any = admin.request(Method::PUT, &format!("{PATH}/{id}")).header("if-match", "*").json(&mine).send().await.unwrap();
        assert_eq!(any.status(), StatusCode::PRECONDITION_FAILED);
        let stale_delete = admin
            .request(Method::DELETE, &format!("{PATH}/{id}"))
            .header("if-match", format!("\"{seen}\""))
            .send()
            .await
            .unwrap();
        assert_eq!(stale_delete.status(), StatusCode::PRECONDITION_FAILED);
        assert_eq!(admin.get_json(&format!("{PATH}/{id}")).await["keywords"], json!(["Theirs"]));

        // Two changes to the same version at once: one wins, the other sees it.
        let current = problem["current"]["eTag"].as_str().unwrap().to_owned();
        let (a, b) = tokio::join!(replace(&admin, id, &current, &mine), replace(&admin, id, &current, &theirs));
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::PRECONDITION_FAILED]);

        // A delete with `*` deletes whatever version it is at, as one without the header.
        let any_version = admin
            .request(Method::DELETE, &format!("{PATH}/{id}"))
            .header("if-match", "*")
            .send()
            .await
            .unwrap();
        assert_eq!(any_version.status(), StatusCode::NO_CONTENT);
        assert_eq!(admin.get(&format!("{PATH}/{id}")).await.status(), StatusCode::NOT_FOUND);
    }

    async fn another_organisations_profile_is_not_found(app) {
        let (_, admin) = member_of_own_organisation(&app, Role::PartnerAdmin).await;
        let profile = created(&admin, &asia_pacific()).await;
        let path = format!("{PATH}/{}", profile["id"].as_str().unwrap());
        let etag = profile["eTag"].as_str().unwrap();
        let (_, stranger) = member_of_own_organisation(&app, Role::PartnerAdmin).await;
        assert_eq!(stranger.get(&path).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(stranger.get_json(PATH).await, json!([]));
        let mut changed = asia_pacific();
        changed["keywords"] = json!(["Taken over"]);
        let put = replace(&stranger, profile["id"].as_str().unwrap(), etag, &changed).await;
        assert_eq!(put.status(), StatusCode::NOT_FOUND);
        let problem: Value = put.json().await.unwrap();
        assert_eq!(problem["code"], "business-profile-not-found");
        assert!(problem.get("current").is_none(), "nothing of it leaks");
        let delete = stranger.request(Method::DELETE, &path).send().await.unwrap();
        assert_eq!(delete.status(), StatusCode::NOT_FOUND);
        assert_eq!(admin.get_json(&path).await, profile, "untouched");
    }

    async fn only_partner_admins_and_business_profile_admins_see_and_edit_profiles(app) {
        let pool = app.pool().await;
        let (organisation, admin) = member_of_own_organisation(&app, Role::PartnerAdmin).await;
        let profile = created(&admin, &asia_pacific()).await;
        let path = format!("{PATH}/{}", profile["id"].as_str().unwrap());
        for role in [Role::ReferralsAdmin, Role::ReferralsUser, Role::Viewer] {
            let session = TestUser::new(role).in_organisation(&organisation).create(&pool).await.sign_in(&app).await;
            let mut answers = vec![
                session.get(PATH).await,
                session.get(&path).await,
                create(&session, &json!({ "region": "Africa" })).await,
                replace(&session, profile["id"].as_str().unwrap(), profile["eTag"].as_str().unwrap(), &asia_pacific()).await,
            ];
            answers.push(session.request(Method::DELETE, &path).send().await.unwrap());
            for answer in answers {
                assert_eq!(answer.status(), StatusCode::FORBIDDEN, "{role:?}");
                let problem: Value = answer.json().await.unwrap();
                assert_eq!(problem["code"], "business-profile-admins-only", "{role:?}");
            }
        }
        let profile_admin = TestUser::new(Role::BusinessProfileAdmin).in_organisation(&organisation).create(&pool).await.sign_in(&app).await;
        assert_eq!(profile_admin.get_json(&path).await, profile);
        // Changes need the anti-forgery token.
        let forged = app.client.post(app.url(PATH)).header("cookie", &admin.cookie).json(&asia_pacific()).send().await.unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    }

    async fn the_demo_organisation_has_europe_and_north_america(app) {
        let admin = app.sign_in("admin@demo.test").await;
        let list = admin.get_json(PATH).await;
        let regions: Vec<&str> = list.as_array().unwrap().iter().map(|p| p["region"].as_str().unwrap()).collect();
        assert_eq!(regions, ["Europe", "NorthAmerica"]);
        assert_eq!(list[0]["locations"][0]["country"], "DE");
        assert_eq!(list[0]["locations"][0]["contact"]["email"], "berlin@fabrikam-consulting.example");
        let rival = app.sign_in("admin@rival.test").await;
        assert_eq!(rival.get_json(PATH).await, json!([]));
    }
}
