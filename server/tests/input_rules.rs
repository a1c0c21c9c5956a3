//! The domain's input rules through the real API — each case on SQLite and PostgreSQL:
//! amounts are exact (refused, never rounded, "too large" rather than "not a number"),
//! dates lie in the years 2000 to 2100 and are written back as RFC 3339 UTC, text holds
//! no control or bidi characters and "required" means something visible, and no CSV
//! cell starts a formula behind invisible characters. A refused request stores nothing.

mod support;

use domain::export::{BOM, COLUMNS};
use domain::{Referral, Role};
use referral_desk_server::db;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::builders::{TestOrganisation, TestReferral, TestUser};
use support::{Session, TestApp};

/// A referral of a fresh organisation, as its Referrals admin reads it through the API.
struct Lead {
    session: Session,
    referral: Value,
}

impl Lead {
    /// `referral` stored in a new organisation whose Referrals admin is signed in.
    async fn of(app: &TestApp, referral: Referral) -> Lead {
        let pool = app.pool().await;
        let organisation = TestOrganisation::create(&pool).await;
        let admin = TestUser::new(Role::ReferralsAdmin)
            .in_organisation(&organisation)
            .create(&pool)
            .await;
        db::referrals::insert_many(&pool, &organisation.id, [&referral])
            .await
            .expect("the referral is stored");
        let session = admin.sign_in(app).await;
        let referral = session
            .get_json(&format!("/api/v1/referrals/{}", referral.id))
            .await;
        Lead { session, referral }
    }

    fn id(&self) -> &str {
        self.referral["id"].as_str().unwrap()
    }

    fn etag(&self) -> &str {
        self.referral["eTag"].as_str().unwrap()
    }

    /// Sends `body` to the referral's `action` (`accept`, `decline`, `team`, `won`, or
    /// `edit` for the PATCH) with the eTag it was read with.
    async fn send(&self, action: &str, body: &Value) -> reqwest::Response {
        let (method, path) = match action {
            "edit" => (Method::PATCH, format!("/api/v1/referrals/{}", self.id())),
            _ => (
                Method::POST,
                format!("/api/v1/referrals/{}/{action}", self.id()),
            ),
        };
        self.session
            .request(method, &path)
            .header("if-match", format!("\"{}\"", self.etag()))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// Asserts that `action` with `body` answers 422 with `message` for `field`, and that
    /// the referral is stored as it was.
    async fn assert_refused(
        &self,
        case: &str,
        action: &str,
        body: &Value,
        field: &str,
        message: &str,
    ) {
        let response = self.send(action, body).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{case}"
        );
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{case}"
        );
        let problem: Value = response.json().await.unwrap();
        let errors = problem["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("{case}: {problem}"));
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field && e["message"] == message),
            "{case}: expected {field}: {message:?} in {problem}"
        );
        let stored = self
            .session
            .get_json(&format!("/api/v1/referrals/{}", self.id()))
            .await;
        assert_eq!(
            stored["eTag"], self.referral["eTag"],
            "{case}: nothing was stored"
        );
        assert_eq!(
            stored["updatedDateTime"], self.referral["updatedDateTime"],
            "{case}"
        );
        assert_eq!(stored["status"], self.referral["status"], "{case}");
    }
}

/// A complete Accept, closing 40 days from now.
fn accept_form() -> Value {
    json!({
        "name": "Contoso – field service rollout",
        "dealValue": "48000.00",
        "currency": "EUR",
        "closingDate": in_days(40),
        "team": [{ "firstName": "Rhea", "lastName": "Reyes", "email": "rhea@partner.example", "phoneNumber": "" }],
        "notes": "Call scheduled with their IT lead.",
        "externalReferenceId": "CRM-1001",
        "campaignId": "",
        "customerContacts": []
    })
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// `form` with the value at `pointer` (`/dealValue`, `/team/0/firstName`) replaced.
fn with(mut form: Value, pointer: &str, value: Value) -> Value {
    *form
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer}")) = value;
    form
}

const BIDI: &str = "must not contain a hidden text-direction control, which can make text display as something else";

backend_tests! {
    async fn amounts_are_refused_rather_than_rounded_and_too_large_is_named(app) {
        let lead = Lead::of(&app, TestReferral::inbox().build()).await;
        for (case, value, message) in [
            ("a fraction a Decimal cannot hold", "0.00000000000000000000000000001",
                "Estimated deal value can have at most 2 decimal places for EUR."),
            ("a third decimal", "1.005", "Estimated deal value can have at most 2 decimal places for EUR."),
            ("29 nines", "99999999999999999999999999999",
                "Estimated deal value is too large: it can be at most 999,999,999,999,999.99 EUR."),
            ("a quadrillion", "1,000,000,000,000,000",
                "Estimated deal value is too large: it can be at most 999,999,999,999,999.99 EUR."),
            ("negative", "-1", "Estimated deal value must be zero or more."),
        ] {
            let form = with(accept_form(), "/dealValue", json!(value));
            lead.assert_refused(case, "accept", &form, "details.dealValue", message).await;
        }
        let yen = with(with(accept_form(), "/dealValue", json!("1000.5")), "/currency", json!("JPY"));
        lead.assert_refused("yen with decimals", "accept", &yen, "details.dealValue",
            "Estimated deal value must be a whole number for JPY (no decimal places).").await;
    }

    async fn a_closing_date_in_year_10000_is_refused_and_any_offset_is_stored_as_utc(app) {
        let lead = Lead::of(&app, TestReferral::inbox().build()).await;
        for value in ["9999-12-31T23:59:59-23:59", "9999-12-31", "2101-01-01"] {
            let form = with(accept_form(), "/closingDate", json!(value));
            lead.assert_refused(value, "accept", &form, "details.closingDateTime",
                "Estimated closing date must be in the years 2000 to 2100.").await;
        }
        let day = in_days(40);
        let form = with(accept_form(), "/closingDate", json!(format!("{day}T10:00:00+05:00")));
        let response = lead.send("accept", &form).await;
        assert_eq!(response.status(), StatusCode::OK);
        let accepted: Value = response.json().await.unwrap();
        assert_eq!(accepted["details"]["closingDateTime"], format!("{day}T00:00:00Z"), "RFC 3339 in UTC");
        assert_eq!(accepted["details"]["dealValue"], "48000.00");
    }

    async fn edit_checks_the_same_dates_and_amounts_as_accept(app) {
        let lead = Lead::of(&app, TestReferral::accepted().build()).await;
        let edit = with(accept_form(), "/closingDate", json!("9999-12-31T23:59:59-23:59"));
        lead.assert_refused("closing date", "edit", &edit, "details.closingDateTime",
            "Estimated closing date must be in the years 2000 to 2100.").await;
        let edit = with(accept_form(), "/dealValue", json!("12000.001"));
        lead.assert_refused("deal value", "edit", &edit, "details.dealValue",
            "Estimated deal value can have at most 2 decimal places for EUR.").await;
    }

    async fn registration_dates_lie_in_the_years_2000_to_2100(app) {
        // EUR without an exchange rate: registration is optional, and checked when given.
        let mut referral = TestReferral::accepted().build();
        referral.details.requirements.solutions = vec!["Contoso ERP on Azure".to_owned()];
        let lead = Lead::of(&app, referral).await;
        let registration = json!({ "dealRegistration": {
            "marketplaceTransaction": false, "deployedOnAzure": true, "perpetualContract": false,
            "totalContractValue": "30000", "solutionValue": "20000.005",
            "contractSignedDate": in_days(0), "contractStartDate": in_days(0),
            "contractEndDate": "9999-12-31T23:59:59-23:59",
            "tenantType": "MultiTenant", "pricingModel": "PerUser"
        }});
        lead.assert_refused("end date", "won", &registration, "dealRegistration.contractEndDate",
            "Contract end date must be in the years 2000 to 2100.").await;
        lead.assert_refused("solution value", "won", &registration, "dealRegistration.solutionValue",
            "Solution value can have at most 2 decimal places for EUR.").await;
    }

    async fn zero_width_text_is_not_enough_for_a_required_field(app) {
        let lead = Lead::of(&app, TestReferral::inbox().build()).await;
        let form = with(accept_form(), "/name", json!("\u{200B}\u{200B}\u{200B}"));
        lead.assert_refused("zero-width name", "accept", &form, "name", "Deal name is required.").await;
        let form = with(accept_form(), "/team/0/email", json!("\u{FEFF} \u{200B}"));
        lead.assert_refused("zero-width email", "accept", &form, "team[0].email",
            "Email is required for a team member.").await;
        let others = json!({ "statusReason": "Others", "notes": "\u{2060}\u{200D}" });
        lead.assert_refused("zero-width notes", "decline", &others, "statusReasonNotes",
            "Notes are required when the reason is Others: say why.").await;
    }

    async fn nul_and_bidi_overrides_are_refused_in_every_text_field(app) {
        let lead = Lead::of(&app, TestReferral::inbox().build()).await;
        let nul = |label: &str| format!("{label} must not contain an invisible control character: remove the U+0000.");
        for (pointer, value, field, message) in [
            ("/name", "\0", "name", nul("Deal name")),
            ("/name", "Contoso\u{202E}PRE", "name", format!("Deal name {BIDI}: remove the U+202E.")),
            ("/notes", "Call back\0", "details.notes", nul("Notes")),
            ("/notes", "\u{2066}evil\u{2069}", "details.notes", format!("Notes {BIDI}: remove the U+2066.")),
            ("/externalReferenceId", "CRM-\u{0}1001", "externalReferenceId", nul("CRM ID")),
            ("/campaignId", "SPRING\u{202D}", "campaignId", format!("Marketing campaign ID {BIDI}: remove the U+202D.")),
            ("/team/0/firstName", "Rhea\0", "team[0].firstName", nul("First name")),
            ("/team/0/lastName", "\u{202B}Reyes", "team[0].lastName", format!("Last name {BIDI}: remove the U+202B.")),
            ("/team/0/email", "rhea\0@partner.example", "team[0].email", nul("Email")),
            ("/team/0/phoneNumber", "+49 30 901820\0", "team[0].phoneNumber", nul("Phone number")),
        ] {
            let form = with(accept_form(), pointer, json!(value));
            lead.assert_refused(&format!("{pointer} = {value:?}"), "accept", &form, field, &message).await;
        }
        let contact = json!([{ "firstName": "Anna\u{2067}", "lastName": "Schmidt", "email": "anna@contoso.example", "phoneNumber": "" }]);
        let form = with(accept_form(), "/customerContacts", contact);
        lead.assert_refused("customer contact", "accept", &form, "customerProfile.team[0].firstName",
            &format!("First name {BIDI}: remove the U+2067.")).await;
        let decline = json!({ "statusReason": "NotACustomer", "notes": "Duplicate\0" });
        lead.assert_refused("decline notes", "decline", &decline, "statusReasonNotes",
            &nul("Status reason notes")).await;
    }

    async fn an_employee_added_to_the_team_follows_the_same_text_rule(app) {
        let lead = Lead::of(&app, TestReferral::accepted().build()).await;
        let member = json!({ "firstName": "\u{200B}", "lastName": "Holm\u{202E}", "email": "kari@fabrikam.example", "phoneNumber": "" });
        lead.assert_refused("zero-width first name", "team", &member, "firstName", "First name is required.").await;
        lead.assert_refused("bidi last name", "team", &member, "lastName",
            &format!("Last name {BIDI}: remove the U+202E.")).await;
    }

    async fn exported_cells_never_start_a_formula_behind_invisible_characters(app) {
        let mut referral = TestReferral::inbox().build();
        // As a referral source may send them; the derived customer-name column is text on
        // both databases, so the NUL goes into a field kept only in the document.
        referral.customer_profile.name = "\u{FEFF}=HYPERLINK(\"http://evil.example\",\"Contoso\")".to_owned();
        referral.customer_profile.address.city = Some("\0=HYPERLINK(\"http://evil.example\")".to_owned());
        referral.offer_name = Some("  @SUM(A1)".to_owned());
        let lead = Lead::of(&app, referral).await;
        let response = lead.session.get("/api/v1/referrals/export.csv").await;
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.unwrap();
        let text = text.strip_prefix(BOM).expect("the file starts with a BOM");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let column = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
        let row = rows.iter().find(|row| &row[column("Referral ID")] == lead.id()).expect("the referral's row");
        assert_eq!(&row[column("Customer name")], "'\u{FEFF}=HYPERLINK(\"http://evil.example\",\"Contoso\")");
        assert_eq!(&row[column("City")], "'\0=HYPERLINK(\"http://evil.example\")");
        assert_eq!(&row[column("Offer name")], "'  @SUM(A1)");
        assert!(row[column("Contact phone")].starts_with("'+49"), "phone numbers stay neutralised");
    }
}
