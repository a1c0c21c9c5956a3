use chrono::{DateTime, Local, Utc};
use domain::{Referral, Stage};
use leptos::prelude::*;

use crate::api;

/// The referrals of one stage, with loading, empty and error states.
#[component]
pub fn StageList(
    /// Which stage's referrals to list.
    stage: Stage,
) -> impl IntoView {
    let referrals = LocalResource::new(api::list_referrals);
    let heading = stage.label();
    view! {
        <section class="page" aria-labelledby="page-heading">
            <h1 id="page-heading">{heading}</h1>
            {move || match referrals.get() {
                None => view! {
                    <p class="loading" role="status">"Loading referrals…"</p>
                }.into_any(),
                Some(Err(error)) => view! {
                    <div class="error-panel" role="alert">
                        <p>{error.to_string()}</p>
                        <button type="button" on:click=move |_| referrals.refetch()>"Retry"</button>
                    </div>
                }.into_any(),
                Some(Ok(all)) => {
                    let rows: Vec<Referral> = all.into_iter().filter(|r| r.stage() == stage).collect();
                    if rows.is_empty() {
                        view! { <p class="empty">{empty_message(stage)}</p> }.into_any()
                    } else {
                        view! { <ReferralTable stage rows/> }.into_any()
                    }
                }
            }}
        </section>
    }
}

fn empty_message(stage: Stage) -> &'static str {
    match stage {
        Stage::Inbox => "No new referrals. New leads appear here as soon as they arrive.",
        Stage::Accepted => {
            "No accepted referrals yet. Accept a lead in the Inbox to work on it here."
        }
        Stage::Archived => {
            "Nothing archived yet. Won, lost, declined and expired referrals are kept here."
        }
    }
}

#[component]
fn ReferralTable(stage: Stage, rows: Vec<Referral>) -> impl IntoView {
    let count = rows.len();
    view! {
        <table class="referral-table">
            <caption>{format!("{count} referrals")}</caption>
            <thead>
                <tr>
                    <th scope="col">"Customer"</th>
                    <th scope="col">"Country"</th>
                    <th scope="col">"Created"</th>
                    <th scope="col">{stage_column(stage)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|referral| view! {
                    <tr>
                        <th scope="row">{referral.customer_profile.name.clone()}</th>
                        <td>{referral.customer_profile.address.country.clone()}</td>
                        <td><LocalTime at=referral.created_date_time/></td>
                        <td>{stage_detail(stage, &referral)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn stage_column(stage: Stage) -> &'static str {
    match stage {
        Stage::Inbox => "Deal",
        Stage::Accepted => "Deal value",
        Stage::Archived => "Outcome",
    }
}

fn stage_detail(stage: Stage, referral: &Referral) -> String {
    match stage {
        Stage::Inbox => referral.name.clone(),
        Stage::Accepted => match (&referral.details.deal_value, &referral.details.currency) {
            (Some(value), Some(currency)) => format!("{value} {currency}"),
            (Some(value), None) => value.to_string(),
            _ => "—".to_owned(),
        },
        Stage::Archived => match &referral.status_reason {
            Some(reason) => format!("{}: {reason}", referral.substatus),
            None => referral.substatus.to_string(),
        },
    }
}

/// An instant in the user's time zone, machine-readable in `datetime`.
#[component]
fn LocalTime(at: DateTime<Utc>) -> impl IntoView {
    let machine = at.to_rfc3339();
    let human = at
        .with_timezone(&Local)
        .format("%-d %b %Y, %H:%M")
        .to_string();
    view! { <time datetime=machine>{human}</time> }
}
