//! `/insights`: how the partner is doing over a range of days (in the URL, so a view can
//! be bookmarked and survives a reload), computed by the domain from the referrals the
//! app holds: offline too, and equal to `GET /api/v1/insights` for the same range.

use chrono::Duration;
use domain::Countdown;
use domain::i18n::{Arg, group_digits};
use domain::insights::{FROM, Insights, InsightsRange, TO, Tally, insights};
use domain::referral::{CallToAction, LeadQuality, LeadSource};
use domain::values::CountryCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use crate::clock::Clock;
use crate::components::{Bar, BarChart, page_title};
use crate::format;
use crate::i18n::{api_error, locale, t, t_with, value};
use crate::store::Referrals;

/// The insights page.
#[component]
pub fn InsightsView() -> impl IntoView {
    page_title(|| t("insights-title"));
    let store = Referrals::current();
    let clock = Clock::current();
    let location = use_location();
    let today = Memo::new(move |_| clock.now().date_naive());
    let range =
        Memo::new(move |_| InsightsRange::from_query_string(&location.search.get(), today.get()));
    // The form shows the URL's range; one that cannot be read shows as it was typed
    // (beside the error that says why), a date left out as the default range's.
    let shown_range = Signal::derive(move || {
        let default = InsightsRange::default_until(today.get());
        let (from, to) = match range.get() {
            Ok(range) => (range.from(), range.to()),
            Err(_) => (default.from(), default.to()),
        };
        let (mut from, mut to) = (from.to_string(), to.to_string());
        if range.with(Result::is_err) {
            for (name, value) in domain::filter::query_pairs(&location.search.get()) {
                if name == FROM {
                    from = value;
                } else if name == TO {
                    to = value;
                }
            }
        }
        (from, to)
    });
    let figures = Memo::new(move |_| {
        let range = range.get().ok()?;
        let now = clock.now();
        store.with_snapshot(|snapshot| insights(snapshot.referrals(), range, now))
    });
    view! {
        <section class="page insights-page" aria-labelledby="page-heading">
            <h1 id="page-heading">{t("insights-title")}</h1>
            <RangePicker range=shown_range/>
            {move || range.get().err().map(|error| view! {
                <p class="error-panel" role="alert">
                    {t_with("insights-range-error", &[("reason", Arg::Text(&crate::i18n::explained(&error.0, None)))])}
                </p>
            })}
            {move || figures.get().map(|figures| view! { <Figures figures/> })}
            {move || (range.get().is_ok() && figures.with(Option::is_none)).then(|| {
                let failed = store.fill_error().map(|error| api_error(&error));
                let waiting = failed.is_none().then(|| t("insights-loading"));
                let failing = waiting.is_none();
                let role = if failing { "alert" } else { "status" };
                view! {
                    <p class:error-panel=failing role=role>
                        {failed}{waiting}
                    </p>
                }
            })}
        </section>
    }
}

/// From and to dates; showing them puts them in the URL (a new history entry).
#[component]
fn RangePicker(
    /// The dates the fields show, as the date inputs write them.
    range: Signal<(String, String)>,
) -> impl IntoView {
    let from = NodeRef::<leptos::html::Input>::new();
    let to = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    let show = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let value = |input: NodeRef<leptos::html::Input>| {
            input.get().map(|input| input.value()).unwrap_or_default()
        };
        let (from, to) = (value(from), value(to));
        navigate(
            &format!("/insights?{FROM}={from}&{TO}={to}"),
            Default::default(),
        );
    };
    view! {
        <form class="insights-range" on:submit=show>
            <label>
                {t("insights-from")}
                <input type="date" name=FROM node_ref=from required
                    prop:value=move || range.get().0/>
            </label>
            <label>
                {t("insights-to")}
                <input type="date" name=TO node_ref=to required
                    prop:value=move || range.get().1/>
            </label>
            <button type="submit">{t("insights-show")}</button>
        </form>
    }
}

/// Every figure of one range.
#[component]
fn Figures(figures: Insights) -> impl IntoView {
    let funnel = figures.funnel;
    let response = figures.response;
    let win_rate = match figures.win_rate_percent {
        Some(percent) => t_with(
            "insights-percent",
            &[("percent", Arg::Count(percent.into()))],
        ),
        None => t("insights-no-won-or-lost"),
    };
    let seconds = |value: Option<i64>| match value {
        Some(seconds) => format::duration(Duration::seconds(seconds)),
        None => t("insights-no-answers"),
    };
    let within = match response.within_target_percent {
        Some(percent) => t_with(
            "insights-within-target-share",
            &[
                ("percent", Arg::Count(percent.into())),
                ("within", Arg::Count(response.within_target.into())),
                (
                    "decided",
                    Arg::Count(
                        i64::from(response.within_target) + i64::from(response.missed_target),
                    ),
                ),
            ],
        ),
        None => t("insights-no-target-passed"),
    };
    // The closed sets' tallies come in the API's order (`ALL`), then "not stated".
    let counted = |tallies: &[Tally], label: &dyn Fn(usize, &str) -> String| -> Vec<Bar> {
        tallies
            .iter()
            .enumerate()
            .map(|(i, tally)| Bar {
                label: tally
                    .value
                    .as_deref()
                    .map_or_else(|| t("insights-not-stated"), |value| label(i, value)),
                value: f64::from(tally.count),
                shown: count(tally.count),
            })
            .collect()
    };
    let sources = counted(&figures.by_source, &|i, _| {
        value("LeadSource", LeadSource::ALL[i].as_str())
    });
    let actions = counted(&figures.by_call_to_action, &|i, _| {
        value("CallToAction", CallToAction::ALL[i].as_str())
    });
    let countries = counted(&figures.by_country, &|_, code| {
        CountryCode::parse("country", code).map_or_else(|_| code.to_owned(), format::country)
    });
    let qualities = counted(&figures.by_quality, &|i, _| {
        value("LeadQuality", LeadQuality::ALL[i].as_str())
    });
    // One markup for every key figure: (label, `data-figure`, value).
    let key_figures = [
        (t("insights-received"), "received", count(funnel.received)),
        (t("insights-accepted"), "accepted", count(funnel.accepted)),
        (t("insights-won"), "won", count(funnel.won)),
        (t("insights-win-rate"), "win-rate", win_rate),
        (
            t("insights-median-response"),
            "median-response",
            seconds(response.median_seconds),
        ),
        (
            t("insights-p90-response"),
            "p90-response",
            seconds(response.p90_seconds),
        ),
        (t("insights-within-target"), "within-target", within),
    ];
    let funnel_bars = vec![
        count_bar(t("insights-received"), funnel.received),
        count_bar(t("insights-accepted"), funnel.accepted),
        count_bar(t("insights-won"), funnel.won),
    ];
    let scope = t_with(
        "insights-scope",
        &[
            ("from", Arg::Text(&format::day(figures.from))),
            ("to", Arg::Text(&format::day(figures.to))),
        ],
    );
    view! {
        <p class="insights-scope">
            {scope}
        </p>
        <dl class="insights-figures">
            {key_figures.into_iter().map(|(label, figure, value)| view! {
                <div><dt>{label}</dt><dd data-figure=figure>{value}</dd></div>
            }).collect_view()}
        </dl>
        <div class="insights-charts">
            <BarChart id="funnel" title=t("insights-funnel-title") label_heading=t("insights-stage-heading") value_heading=t("insights-leads-heading") bars=funnel_bars/>
            <BarChart id="by-source" title=t("insights-by-source-title") label_heading=t("insights-source-heading") value_heading=t("insights-leads-heading") bars=sources/>
            <BarChart id="by-call-to-action" title=t("insights-by-call-to-action-title") label_heading=t("insights-call-to-action-heading") value_heading=t("insights-leads-heading") bars=actions/>
            <BarChart id="by-country" title=t("insights-by-country-title") label_heading=t("insights-country-heading") value_heading=t("insights-leads-heading") bars=countries/>
            <BarChart id="by-quality" title=t("insights-by-quality-title") label_heading=t("insights-quality-heading") value_heading=t("insights-leads-heading") bars=qualities/>
            <WonByMonth figures=figures.clone()/>
        </div>
        <ExpiringSoon figures/>
    }
}

fn count_bar(label: String, number: u32) -> Bar {
    Bar {
        label,
        value: f64::from(number),
        shown: count(number),
    }
}

/// A count with the language's digit grouping: "1,234", "1.234".
fn count(number: u32) -> String {
    group_digits(locale(), number.into())
}

/// A month of the won-value chart ("2026-11", as the API spells it) as the language
/// writes it.
fn month(month: &str) -> String {
    match month.split_once('-') {
        Some((year, number)) => t_with(
            "insights-month",
            &[("year", Arg::Text(year)), ("month", Arg::Text(number))],
        ),
        None => month.to_owned(),
    }
}

/// Won deal value per month, one chart per currency (amounts are never converted).
#[component]
fn WonByMonth(figures: Insights) -> impl IntoView {
    let mut currencies: Vec<String> = figures
        .won_by_month
        .iter()
        .map(|m| m.currency.clone())
        .collect();
    currencies.sort();
    currencies.dedup();
    let none = currencies.is_empty().then(|| {
        view! {
            <section class="bar-chart">
                <h2 class="chart-heading">{t("insights-won-by-month-heading")}</h2>
                <p>{t("insights-no-won-deals")}</p>
            </section>
        }
    });
    let charts = currencies
        .into_iter()
        .map(|currency| {
            let bars: Vec<Bar> = figures
                .won_by_month
                .iter()
                .filter(|m| m.currency == currency)
                .map(|m| Bar {
                    label: month(&m.month),
                    value: m.amount.try_into().unwrap_or(0.0),
                    shown: format::money(m.amount, Some(&currency)),
                })
                .collect();
            let id = format!("won-{currency}");
            let title = t_with("insights-won-by-month-title", &[("currency", Arg::Text(&currency))]);
            view! { <BarChart id title label_heading=t("insights-month-heading") value_heading=t("insights-won-value-heading") bars/> }
        })
        .collect_view();
    view! { {none}{charts} }
}

/// Leads to answer now: they expire within 48 hours.
#[component]
fn ExpiringSoon(figures: Insights) -> impl IntoView {
    let clock = Clock::current();
    let leads = figures.expiring_soon;
    view! {
        <section class="insights-expiring" aria-labelledby="expiring-heading">
            <h2 id="expiring-heading">{t("insights-expiring-heading")}</h2>
            {leads.is_empty().then(|| view! { <p>{t("insights-none-expiring")}</p> })}
            {(!leads.is_empty()).then(|| view! {
                    <ul data-figure="expiring-soon">
                        {leads.into_iter().map(|lead| view! {
                            <li>
                                <A href=format!("/referrals/{}", lead.id)>{lead.name}</A>
                                <span class="expiring-customer">{lead.customer_name}</span>
                                <span class="expiring-when">{move || format::expiry(Countdown::until(lead.expiration_date_time, clock.now()))}</span>
                            </li>
                        }).collect_view()}
                    </ul>
            })}
        </section>
    }
}
