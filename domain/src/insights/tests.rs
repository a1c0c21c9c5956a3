use chrono::{Duration, NaiveDate, TimeZone};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::fixtures::{created, referral};
use crate::referral::{LeadType, Status};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// November 2026, around the fixture's creation (2026-11-20 09:00).
fn november() -> InsightsRange {
    InsightsRange::new(day(2026, 11, 1), day(2026, 11, 30)).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()
}

fn accepted_after(id: &str, after: Duration) -> Referral {
    Referral {
        status: Status::Active,
        substatus: Substatus::Accepted,
        accepted_date_time: Some(created() + after),
        ..referral(id)
    }
}

fn won(id: &str, value: &str, currency: &str, won_at: DateTime<Utc>) -> Referral {
    let mut won = accepted_after(id, Duration::hours(2));
    won.status = Status::Closed;
    won.substatus = Substatus::Won;
    won.closed_date_time = Some(won_at);
    won.details.deal_value = Some(value.parse().unwrap());
    won.details.currency = Some(currency.to_owned());
    won
}

fn lost(id: &str) -> Referral {
    Referral {
        status: Status::Closed,
        substatus: Substatus::Lost,
        closed_date_time: Some(created() + Duration::days(3)),
        ..accepted_after(id, Duration::hours(30))
    }
}

fn declined_after(id: &str, after: Duration) -> Referral {
    Referral {
        status: Status::Closed,
        substatus: Substatus::Declined,
        closed_date_time: Some(created() + after),
        ..referral(id)
    }
}

fn created_on(id: &str, at: DateTime<Utc>) -> Referral {
    Referral {
        created_date_time: at,
        expiration_date_time: crate::timing::expiry_of(at),
        ..referral(id)
    }
}

#[test]
fn only_referrals_created_on_a_day_of_the_range_count() {
    let range = InsightsRange::new(day(2026, 11, 20), day(2026, 11, 21)).unwrap();
    let first_instant = Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap();
    let last_instant = Utc.with_ymd_and_hms(2026, 11, 21, 23, 59, 59).unwrap();
    let referrals = [
        created_on("before", first_instant - Duration::seconds(1)),
        created_on("first", first_instant),
        created_on("last", last_instant),
        created_on("after", last_instant + Duration::seconds(1)),
    ];
    let figures = insights(&referrals, range, now());
    assert_eq!(figures.funnel.received, 2);
    assert_eq!((figures.from, figures.to), (range.from(), range.to()));
}

#[test]
fn the_funnel_counts_received_then_ever_accepted_then_won() {
    let referrals = [
        referral("waiting"),
        accepted_after("open", Duration::hours(1)),
        won("won", "1000", "EUR", created() + Duration::days(2)),
        lost("lost"),
        declined_after("declined", Duration::hours(5)),
    ];
    let figures = insights(&referrals, november(), now());
    assert_eq!(
        figures.funnel,
        Funnel {
            received: 5,
            accepted: 3,
            won: 1
        }
    );
    assert_eq!(
        figures.outcomes,
        Outcomes {
            waiting: 1,
            open: 1,
            won: 1,
            lost: 1,
            declined: 1,
            expired: 0
        }
    );
}

#[test]
fn the_win_rate_is_won_of_won_and_lost_rounded_half_up() {
    let two_of_three = [
        won("w1", "1", "EUR", now()),
        won("w2", "1", "EUR", now()),
        lost("l1"),
        // Open and declined deals say nothing about winning.
        accepted_after("open", Duration::hours(1)),
        declined_after("declined", Duration::hours(1)),
    ];
    assert_eq!(
        insights(&two_of_three, november(), now()).win_rate_percent,
        Some(67)
    );
    let one_of_eight: Vec<Referral> = std::iter::once(won("w", "1", "EUR", now()))
        .chain((0..7).map(|i| lost(&format!("l{i}"))))
        .collect();
    // 12.5 % rounds up to 13.
    assert_eq!(
        insights(&one_of_eight, november(), now()).win_rate_percent,
        Some(13)
    );
    assert_eq!(
        insights(&[referral("r")], november(), now()).win_rate_percent,
        None,
        "no rate without a decided deal"
    );
}

#[test]
fn first_response_is_accepting_or_else_declining() {
    assert_eq!(
        first_response(&accepted_after("a", Duration::hours(3))),
        Some(created() + Duration::hours(3))
    );
    assert_eq!(
        first_response(&declined_after("d", Duration::hours(4))),
        Some(created() + Duration::hours(4))
    );
    let expired = Referral {
        status: Status::Closed,
        substatus: Substatus::Expired,
        closed_date_time: Some(created() + Duration::days(14)),
        ..referral("e")
    };
    assert_eq!(first_response(&expired), None, "expiring is not an answer");
    assert_eq!(first_response(&referral("r")), None);
}

#[test]
fn median_and_ninetieth_percentile_are_response_times_by_nearest_rank() {
    let referrals: Vec<Referral> = (1..=10)
        .map(|hours| accepted_after(&format!("r{hours}"), Duration::hours(hours)))
        .collect();
    let response = insights(&referrals, november(), now()).response;
    assert_eq!(response.answered, 10);
    assert_eq!(response.median_seconds, Some(5 * 3600));
    assert_eq!(response.p90_seconds, Some(9 * 3600));
    let one = insights(
        &[accepted_after("r", Duration::minutes(30))],
        november(),
        now(),
    );
    assert_eq!(one.response.median_seconds, Some(1800));
    assert_eq!(one.response.p90_seconds, Some(1800));
    let none = insights(&[], november(), now()).response;
    assert_eq!((none.median_seconds, none.p90_seconds), (None, None));
    assert_eq!(none.target_seconds, 86_400);
}

#[test]
fn the_target_is_met_below_twenty_four_hours_and_missed_from_then_on() {
    let just_in = accepted_after("in", Duration::hours(24) - Duration::seconds(1));
    let just_late = declined_after("late", Duration::hours(24));
    let response = insights(&[just_in, just_late], november(), now()).response;
    assert_eq!((response.within_target, response.missed_target), (1, 1));
    assert_eq!(response.within_target_percent, Some(50));
}

#[test]
fn unanswered_leads_miss_the_target_once_their_window_has_passed() {
    let lead = referral("r");
    let inside = insights(
        std::slice::from_ref(&lead),
        november(),
        created() + Duration::hours(23),
    );
    assert_eq!(
        (
            inside.response.missed_target,
            inside.response.within_target_percent
        ),
        (0, None),
        "not decided yet"
    );
    let past = insights(&[lead], november(), created() + Duration::hours(24));
    assert_eq!(past.response.missed_target, 1);
    assert_eq!(past.response.within_target_percent, Some(0));
    assert_eq!(past.response.answered, 0);
}

#[test]
fn informational_offer_leads_have_no_response_time() {
    let free_trial = Referral {
        lead_type: Some(LeadType::Offer),
        call_to_action: Some(CallToAction::FreeTrial),
        ..referral("trial")
    };
    let figures = insights(&[free_trial], november(), now());
    assert_eq!(figures.funnel.received, 1);
    assert_eq!(
        figures.response,
        ResponseTimes {
            target_seconds: 86_400,
            ..ResponseTimes::default()
        }
    );
}

#[test]
fn won_value_is_summed_per_month_won_and_per_currency_exactly() {
    let october = Utc.with_ymd_and_hms(2026, 10, 31, 23, 59, 59).unwrap();
    let december = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    let range = InsightsRange::new(day(2026, 10, 1), day(2026, 11, 30)).unwrap();
    let mut no_value = won("none", "1", "EUR", december);
    no_value.details.deal_value = None;
    let referrals = [
        won("a", "0.10", "EUR", december),
        won("b", "0.20", "EUR", december),
        won("c", "1000", "USD", december),
        won("d", "5", "EUR", october),
        no_value,
    ];
    let figures = insights(&referrals, range, now());
    let rows: Vec<(&str, &str, String, u32)> = figures
        .won_by_month
        .iter()
        .map(|m| {
            (
                m.month.as_str(),
                m.currency.as_str(),
                m.amount.to_string(),
                m.deals,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-10", "EUR", "5".to_owned(), 1),
            ("2026-12", "EUR", "0.3".to_owned(), 2),
            ("2026-12", "USD", "1000".to_owned(), 1),
        ]
    );
    assert_eq!(
        figures.funnel.won, 5,
        "a won deal without a value still counts as won"
    );
}

#[test]
fn breakdowns_list_every_value_in_order_and_the_missing_ones_last() {
    let referrals = [
        referral("a"),
        Referral {
            lead_source: Some(LeadSource::AzurePortal),
            lead_quality: None,
            call_to_action: None,
            ..referral("b")
        },
        Referral {
            lead_source: None,
            ..referral("c")
        },
    ];
    let mut us = referral("d");
    us.customer_profile.address.country = "US".to_owned();
    let mut referrals = referrals.to_vec();
    referrals.push(us);
    let figures = insights(&referrals, november(), now());
    let spelled = |tallies: &[Tally]| -> Vec<(Option<String>, u32)> {
        tallies.iter().map(|t| (t.value.clone(), t.count)).collect()
    };
    assert_eq!(
        spelled(&figures.by_source),
        [
            (Some("AppSource".to_owned()), 2),
            (Some("AzureMarketplace".to_owned()), 0),
            (Some("AzurePortal".to_owned()), 1),
            (None, 1),
        ]
    );
    assert_eq!(figures.by_call_to_action.last().unwrap().value, None);
    assert_eq!(figures.by_quality[0].count, 3);
    assert_eq!(
        spelled(&figures.by_country),
        [(Some("DE".to_owned()), 3), (Some("US".to_owned()), 1)]
    );
}

#[test]
fn leads_expiring_within_forty_eight_hours_are_listed_soonest_first_whatever_the_range() {
    // The fixture expires on 2026-12-04 09:00.
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).unwrap();
    let later = created_on("later", created() + Duration::hours(1));
    let soon = referral("soon");
    let past_the_window = created_on("too-late", created() + Duration::hours(48));
    let answered = accepted_after("answered", Duration::hours(1));
    let range = InsightsRange::new(day(2020, 1, 1), day(2020, 1, 31)).unwrap();
    let figures = insights(&[later, past_the_window, answered, soon], range, now);
    let ids: Vec<&str> = figures
        .expiring_soon
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(ids, ["soon", "later"]);
    assert_eq!(figures.expiring_soon[0].customer_name, "Contoso");
    assert_eq!(figures.funnel.received, 0, "the range is elsewhere");
}

#[test]
fn serialises_with_camel_case_names_and_decimal_strings() {
    let figures = insights(&[won("w", "1500.50", "EUR", now())], november(), now());
    let json = serde_json::to_value(&figures).unwrap();
    assert_eq!(json["from"], "2026-11-01");
    assert_eq!(json["winRatePercent"], 100);
    assert_eq!(json["response"]["medianSeconds"], 7200);
    assert_eq!(json["wonByMonth"][0]["amount"], "1500.5");
    assert_eq!(json["bySource"][0]["value"], "AppSource");
    let back: Insights = serde_json::from_value(json).unwrap();
    assert_eq!(back, figures);
}

mod range {
    use super::*;

    fn today() -> NaiveDate {
        day(2026, 11, 30)
    }

    #[test]
    fn without_dates_it_is_the_last_ninety_days_including_today() {
        let range = InsightsRange::parse(None, None, today()).unwrap();
        assert_eq!((range.from(), range.to()), (day(2026, 9, 2), today()));
        assert_eq!(range, InsightsRange::default_until(today()));
        assert_eq!(InsightsRange::from_query_string("", today()), Ok(range));
        // Given but empty is not a date (the API's schema says `format: date`).
        for query in ["from=&to=", "to=", "from=", "from=%20"] {
            let refused = InsightsRange::from_query_string(query, today()).unwrap_err();
            assert!(
                refused
                    .to_string()
                    .contains("must be a date like 2026-09-01, not \"\""),
                "{query}: {refused}"
            );
        }
    }

    #[test]
    fn one_date_given_keeps_the_other_default() {
        let ending = InsightsRange::parse(None, Some("2026-03-31"), today()).unwrap();
        assert_eq!(
            (ending.from(), ending.to()),
            (day(2026, 1, 1), day(2026, 3, 31)),
            "90 days"
        );
        let starting = InsightsRange::parse(Some("2026-11-01"), None, today()).unwrap();
        assert_eq!(
            (starting.from(), starting.to()),
            (day(2026, 11, 1), today())
        );
    }

    #[test]
    fn reads_and_writes_the_query_string() {
        let range = InsightsRange::from_query_string("?from=2026-09-01&to=2026-11-30&x=1", today())
            .unwrap();
        assert_eq!(range.to_query_string(), "from=2026-09-01&to=2026-11-30");
        assert_eq!(
            InsightsRange::from_query_string(&range.to_query_string(), today()),
            Ok(range)
        );
    }

    #[test]
    fn a_single_day_is_a_range() {
        assert!(InsightsRange::parse(Some("2026-11-05"), Some("2026-11-05"), today()).is_ok());
    }

    #[test]
    fn bad_dates_say_which_and_how_to_write_them() {
        for text in [
            "yesterday",
            "2026-13-01",
            "2026-9-1",
            "2026-02-30",
            "2026-11-30T00:00:00Z",
        ] {
            let error = InsightsRange::parse(Some(text), None, today()).unwrap_err();
            assert!(
                error
                    .to_string()
                    .starts_with("\"from\" must be a date like 2026-09-01"),
                "{text}: {error}"
            );
        }
        let error = InsightsRange::parse(None, Some("1999-12-31"), today()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "\"to\" must be in the years 2000 to 2100, not \"1999-12-31\"."
        );
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_refused() {
        let error =
            InsightsRange::parse(Some("2026-11-02"), Some("2026-11-01"), today()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "The range starts after it ends: \"from\" (2026-11-02) must be on or before \"to\" (2026-11-01)."
        );
        assert_eq!(InsightsRange::new(day(2026, 11, 2), day(2026, 11, 1)), None);
    }
}

/// A referral somewhere in its life, created within a few weeks of the fixture.
fn any_referral() -> impl Strategy<Value = Referral> {
    (
        0..30u32,
        -20i64..20 * 24,
        0usize..6,
        0i64..72,
        prop::option::of(0usize..3),
        prop::option::of(0usize..4),
        prop::option::of(0usize..3),
        0usize..3,
        1i64..1_000_000,
    )
        .prop_map(
            |(id, created_hours, fate, response_hours, source, action, quality, country, value)| {
                let created_at = created() + Duration::hours(created_hours);
                let mut r = created_on(&format!("r{id}-{created_hours}"), created_at);
                let answered = created_at + Duration::hours(response_hours);
                r.lead_source = source.map(|i| LeadSource::ALL[i]);
                r.call_to_action = action.map(|i| CallToAction::ALL[i]);
                r.lead_quality = quality.map(|i| LeadQuality::ALL[i]);
                r.customer_profile.address.country = ["DE", "US", "FR"][country].to_owned();
                let (status, substatus) = match fate {
                    0 => (Status::New, Substatus::Received),
                    1 => (Status::Active, Substatus::Accepted),
                    2 => (Status::Closed, Substatus::Won),
                    3 => (Status::Closed, Substatus::Lost),
                    4 => (Status::Closed, Substatus::Declined),
                    _ => (Status::Closed, Substatus::Expired),
                };
                r.status = status;
                r.substatus = substatus;
                if matches!(fate, 1..=3) {
                    r.accepted_date_time = Some(answered);
                }
                if fate >= 2 {
                    r.closed_date_time = Some(answered + Duration::days(1));
                }
                if fate == 2 {
                    r.details.deal_value = Some(Decimal::new(value, 2));
                    r.details.currency = Some(["EUR", "USD"][(value % 2) as usize].to_owned());
                }
                r
            },
        )
}

proptest! {
    #[test]
    fn figures_hold_together_whatever_the_referrals(
        referrals in prop::collection::vec(any_referral(), 0..40),
        from_offset in -10i64..10,
        days in 0i64..30,
        now_hours in 0i64..40 * 24,
    ) {
        let from = created().date_naive() + Duration::days(from_offset);
        let range = InsightsRange::new(from, from + Duration::days(days)).unwrap();
        let now = created() + Duration::hours(now_hours);
        let figures = insights(&referrals, range, now);
        let in_range = referrals.iter().filter(|r| range.contains(r.created_date_time)).count() as u32;

        prop_assert_eq!(figures.funnel.received, in_range);
        prop_assert!(figures.funnel.accepted <= figures.funnel.received);
        prop_assert!(figures.funnel.won <= figures.funnel.accepted);
        let o = figures.outcomes;
        prop_assert_eq!(o.waiting + o.open + o.won + o.lost + o.declined + o.expired, in_range);
        for breakdown in [&figures.by_source, &figures.by_call_to_action, &figures.by_country, &figures.by_quality] {
            prop_assert_eq!(breakdown.iter().map(|t| t.count).sum::<u32>(), in_range);
        }
        if let Some(rate) = figures.win_rate_percent {
            prop_assert!(rate <= 100);
        }
        let response = figures.response;
        prop_assert_eq!(response.median_seconds.is_some(), response.answered > 0);
        prop_assert!(response.median_seconds <= response.p90_seconds);
        prop_assert!(response.within_target <= response.answered);
        prop_assert!(response.within_target + response.missed_target <= in_range);
        let won_deals: u32 = figures.won_by_month.iter().map(|m| m.deals).sum();
        prop_assert_eq!(won_deals, figures.funnel.won);
        for lead in &figures.expiring_soon {
            prop_assert!(lead.expiration_date_time >= now);
            prop_assert!(lead.expiration_date_time < now + EXPIRING_WITHIN);
        }

        // The order the referrals come in changes nothing.
        let mut reversed = referrals.clone();
        reversed.reverse();
        prop_assert_eq!(&insights(&reversed, range, now), &figures);
        // Neither does a referral outside the range (unless it is about to expire).
        let mut outside = created_on("outside", range.start() - Duration::days(40));
        outside.status = Status::Closed;
        outside.substatus = Substatus::Expired;
        referrals_plus_one(&referrals, outside, |more| {
            prop_assert_eq!(&insights(more, range, now), &figures);
            Ok(())
        })?;
    }
}

fn referrals_plus_one(
    referrals: &[Referral],
    one: Referral,
    check: impl FnOnce(&[Referral]) -> Result<(), TestCaseError>,
) -> Result<(), TestCaseError> {
    let mut more = referrals.to_vec();
    more.push(one);
    check(&more)
}
