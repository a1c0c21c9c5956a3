use super::*;

fn catalogue(source: &str) -> Catalogue {
    Catalogue::parse(Locale::English, &[source]).expect("parses")
}

#[test]
fn text_variables_and_literals() {
    let c = catalogue("greeting = Hello, { $name }!\nbraces = { \"{\" }x{ \"}\" }\n");
    assert_eq!(
        c.format("greeting", &[("name", Arg::Text("Ada"))]),
        "Hello, Ada!"
    );
    assert_eq!(c.format("greeting", &[]), "Hello, {$name}!");
    assert_eq!(c.format("braces", &[]), "{x}");
    assert_eq!(c.format("missing-id", &[]), "missing-id");
}

#[test]
fn multiline_values_and_comments() {
    let c = catalogue("# a comment\n\nlong = First line\n    second line\nnext = x\n");
    assert_eq!(c.format("long", &[]), "First line\nsecond line");
    assert_eq!(c.format("next", &[]), "x");
}

#[test]
fn selectors_pick_exact_keys_then_plural_categories() {
    let source = "count = { $n ->\n    [0] No referrals\n    [one] { $n } referral\n   *[other] { $n } referrals\n }\n\
                  stage = { $s ->\n    [Won] Won it\n   *[other] Something\n }\n";
    let c = catalogue(source);
    assert_eq!(c.format("count", &[("n", Arg::Count(0))]), "No referrals");
    assert_eq!(c.format("count", &[("n", Arg::Count(1))]), "1 referral");
    assert_eq!(
        c.format("count", &[("n", Arg::Count(12345))]),
        "12,345 referrals"
    );
    assert_eq!(c.format("stage", &[("s", Arg::Text("Won"))]), "Won it");
    assert_eq!(c.format("stage", &[("s", Arg::Text("Lost"))]), "Something");
    assert_eq!(c.variables("count"), vec!["n".to_owned()]);
}

#[test]
fn russian_plurals_follow_cldr() {
    let source =
        "n = { $n ->\n  [one] { $n } заявка\n  [few] { $n } заявки\n *[many] { $n } заявок\n }\n";
    let c = Catalogue::parse(Locale::Russian, &[source]).unwrap();
    let say = |n| c.format("n", &[("n", Arg::Count(n))]);
    assert_eq!(say(1), "1 заявка");
    assert_eq!(say(3), "3 заявки");
    assert_eq!(say(5), "5 заявок");
    assert_eq!(say(11), "11 заявок");
    assert_eq!(say(21), "21 заявка");
    assert_eq!(say(22), "22 заявки");
    assert_eq!(say(112), "112 заявок");
    assert_eq!(say(12345), "12\u{a0}345 заявок");
}

#[test]
fn plural_categories() {
    use PluralCategory::*;
    for (n, en, ru) in [
        (0, Other, Many),
        (1, One, One),
        (2, Other, Few),
        (4, Other, Few),
        (5, Other, Many),
        (11, Other, Many),
        (14, Other, Many),
        (21, Other, One),
        (104, Other, Few),
        (111, Other, Many),
    ] {
        assert_eq!(plural_category(Locale::English, n), en, "en {n}");
        assert_eq!(plural_category(Locale::German, n), en, "de {n}");
        assert_eq!(plural_category(Locale::Chinese, n), Other, "zh {n}");
        assert_eq!(plural_category(Locale::Russian, n), ru, "ru {n}");
    }
}

#[test]
fn digit_grouping() {
    assert_eq!(group_digits(Locale::English, 1234567), "1,234,567");
    assert_eq!(group_digits(Locale::German, 12345), "12.345");
    assert_eq!(group_digits(Locale::German, 999), "999");
    assert_eq!(group_digits(Locale::Russian, 1234), "1\u{a0}234");
    assert_eq!(group_digits(Locale::Russian, -12345), "-12\u{a0}345");
    assert_eq!(group_digits(Locale::Chinese, 1000), "1,000");
}

#[test]
fn parse_errors_name_the_line() {
    for (source, line) in [
        ("ok = fine\nbroken\n", 2),
        ("a = { $n ->\n [one] x\n }\n", 1),
        ("a = x }\n", 1),
        ("a = { -term }\n", 1),
        ("  indented = x\n", 1),
        ("a =\n", 1),
        ("a = x\n    .attr = y\n", 1),
        ("a = x\nb = y\na = z\n", 0),
    ] {
        let error = Catalogue::parse(Locale::English, &[source]).unwrap_err();
        assert_eq!(error.line, line, "{source:?}: {error}");
    }
}

#[test]
fn locale_tags_and_negotiation() {
    assert_eq!(Locale::from_tag("de-AT"), Some(Locale::German));
    assert_eq!(Locale::from_tag("zh-Hans-CN"), Some(Locale::Chinese));
    assert_eq!(Locale::from_tag("zh-TW"), None);
    assert_eq!(Locale::from_tag("ru_RU"), Some(Locale::Russian));
    assert_eq!(Locale::negotiate(["fr-FR", "ru", "de"]), Locale::Russian);
    assert_eq!(Locale::negotiate(["fr-FR"]), Locale::English);
    assert_eq!("de".parse::<Locale>(), Ok(Locale::German));
    assert!("de-DE".parse::<Locale>().is_err());
}

/// The shipped catalogues: every language parses, has exactly English's ids, uses the
/// same variables in each, and writes each count's plural forms its language needs.
#[test]
fn every_message_in_every_language() {
    let english = Catalogue::parse(Locale::English, bundled_sources(Locale::English)).unwrap();
    assert!(english.ids().count() > 0);
    // Every language's problems at once, so each translator sees their own.
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let other = match Catalogue::parse(locale, bundled_sources(locale)) {
            Ok(other) => other,
            Err(error) => {
                problems.push(format!("{locale}: {error}"));
                continue;
            }
        };
        let missing: Vec<&str> = english.ids().filter(|id| !other.contains(id)).collect();
        let extra: Vec<&str> = other.ids().filter(|id| !english.contains(id)).collect();
        if !missing.is_empty() {
            problems.push(format!("{locale} lacks {missing:?}"));
        }
        if !extra.is_empty() {
            problems.push(format!("{locale} has ids English lacks: {extra:?}"));
        }
        for id in english.ids().filter(|id| other.contains(id)) {
            // A translation names what English names (a state, a kind, a count): no more,
            // and nothing left out.
            let ours = english.variables(id);
            let theirs = other.variables(id);
            if theirs != ours {
                problems.push(format!(
                    "{locale} {id} uses {theirs:?} where English uses {ours:?}"
                ));
            }
            for keys in other.selector_keys(id) {
                // A selector on a count names one of these (`*[other]` alone is any selector's default).
                let plural = keys
                    .iter()
                    .any(|k| ["one", "few", "many"].contains(&k.as_str()));
                if !plural {
                    continue;
                }
                let needed: &[&str] = match locale {
                    Locale::Russian => &["one", "few", "many"],
                    Locale::English | Locale::German => &["one", "other"],
                    Locale::Chinese => &["other"],
                };
                for key in needed {
                    if !keys.iter().any(|k| k == key) {
                        problems.push(format!("{locale} {id} lacks [{key}]"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every id the app or the server names in its code exists in English (and so, by the
/// test above, everywhere).
#[test]
fn every_id_the_code_names_exists() {
    let english = Catalogue::parse(Locale::English, bundled_sources(Locale::English)).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut missing = Vec::new();
    for dir in ["src", "server/src", "domain/src"] {
        for file in rust_files(&root.join(dir)) {
            let code = std::fs::read_to_string(&file).unwrap();
            for id in named_ids(&code) {
                if !english.contains(&id) {
                    missing.push(format!("{}: {id}", file.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "ids missing from locales/en: {missing:#?}"
    );
}

/// The ids in `t("…")`, `t_with("…"` and `msg("…")` calls (an id may wrap to the next line),
/// and the problem messages of `Explanation::new("<code>")` (`problem-<code>`).
fn named_ids(code: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (call, prefix) in [
        ("t(", ""),
        ("t_with(", ""),
        ("msg(", ""),
        ("Explanation::new(", crate::problem::PREFIX),
    ] {
        let mut rest = code;
        while let Some(at) = rest.find(call) {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + call.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let Some(quoted) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            if let Some(end) = quoted.find('"') {
                ids.push(format!("{prefix}{}", &quoted[..end]));
            }
        }
    }
    ids
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            files.push(path);
        }
    }
    files
}

/// The domain's values have their words in every language (`value-<Kind>-<Value>`), and the
/// CSV header row its messages.
#[test]
fn every_value_and_column_has_its_message() {
    use crate::*;
    let english = Catalogue::parse(Locale::English, bundled_sources(Locale::English)).unwrap();
    let mut ids: Vec<String> = Vec::new();
    macro_rules! values {
        ($($kind:ident),+) => {
            $(ids.extend($kind::ALL.iter().map(|v| value_id(stringify!($kind), v.as_str())));)+
        };
    }
    values!(
        Status,
        Substatus,
        Category,
        ReferralType,
        Qualification,
        Direction,
        LeadType,
        LeadSource,
        CallToAction,
        LeadQuality,
        EmailValidity,
        PhoneValidity,
        Role,
        Action,
        DeclineReason,
        RegistrationState,
        TenantType,
        PricingModel,
        SortKey,
        Region
    );
    ids.extend(
        Stage::ALL
            .iter()
            .map(|stage| format!("value-Stage-{stage:?}")),
    );
    ids.extend(
        crate::export::COLUMN_MESSAGES
            .iter()
            .map(|id| (*id).to_owned()),
    );
    let missing: Vec<&String> = ids.iter().filter(|id| !english.contains(id)).collect();
    assert!(missing.is_empty(), "missing from locales/en: {missing:?}");
    let header: Vec<String> = crate::export::COLUMN_MESSAGES
        .iter()
        .map(|id| english.format(id, &[]))
        .collect();
    assert_eq!(
        header,
        crate::export::COLUMNS,
        "English headers stay the documented ones"
    );
}

/// Every problem the domain explains (refusals, actions a state does not allow, links it
/// cannot read) has its message in every language, and every value its message names.
#[test]
fn every_domain_explanation_has_its_message_in_every_language() {
    use crate::filter::FilterError;
    use crate::insights::InsightsRange;
    use crate::*;
    let mut explanations: Vec<Explanation> = Refusal::all()
        .into_iter()
        .map(Refusal::explanation)
        .collect();
    let blocked = [
        Blocked::Archived,
        Blocked::Informational,
        Blocked::Overdue,
        Blocked::NotYetAccepted,
        Blocked::AlreadyAccepted,
        Blocked::UnknownState,
    ];
    for blocked in blocked {
        for &action in Action::ALL {
            explanations.push(
                IllegalTransition {
                    action,
                    status: Status::Closed,
                    substatus: Substatus::Won,
                    blocked,
                }
                .explanation(),
            );
        }
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    for query in [
        "from=2026-13-01",
        "from=1999-01-01",
        "from=2026-11-02&to=2026-11-01",
    ] {
        explanations.push(
            InsightsRange::from_query_string(query, today)
                .unwrap_err()
                .0,
        );
    }
    for query in ["leadSource=Bing", "country=XX"] {
        let error: FilterError = Filter::from_query_string(query).unwrap_err();
        explanations.push(error.explanation());
    }
    explanations.push(crate::problem::wait(
        Explanation::new("too-many-sign-ins"),
        5,
    ));
    explanations.extend(
        crate::people::InvitationRefusal::ALL
            .iter()
            .map(|refusal| refusal.explanation()),
    );
    explanations.extend(crate::people::keeps_a_partner_admin(0).err());
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let catalogue = Catalogue::parse(locale, bundled_sources(locale)).unwrap();
        for explanation in &explanations {
            match explanation.in_words(&catalogue) {
                None => problems.push(format!("{locale} lacks {}", explanation.message_id())),
                Some(words) if words.contains("{$") => {
                    problems.push(format!(
                        "{locale} {}: a value is missing: {words}",
                        explanation.code
                    ));
                }
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
