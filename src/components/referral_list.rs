use chrono::{DateTime, Local, Utc};
use domain::{Referral, Stage};
use leptos::prelude::*;

use crate::api;
use crate::components::Heart;

/// Which referrals a list view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// One stage's referrals (Inbox, Accepted, Archived).
    Stage(Stage),
    /// The user's hearted referrals, of every stage and both tabs.
    Favorites,
}

impl Listing {
    fn label(self) -> &'static str {
        match self {
            Listing::Stage(stage) => stage.label(),
            Listing::Favorites => "Favorites",
        }
    }

    fn shows(self, referral: &Referral) -> bool {
        match self {
            Listing::Stage(stage) => referral.stage() == stage,
            Listing::Favorites => referral.favorite,
        }
    }
}

/// The referrals of a listing, with loading, empty and error states.
#[component]
pub fn ReferralList(
    /// Which referrals to list.
    listing: Listing,
) -> impl IntoView {
    let referrals = LocalResource::new(api::list_referrals);
    let heading = listing.label();
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
                    let rows: Vec<Referral> = all.into_iter().filter(|r| listing.shows(r)).collect();
                    if rows.is_empty() {
                        view! { <p class="empty">{empty_message(listing)}</p> }.into_any()
                    } else {
                        view! { <ReferralTable listing rows/> }.into_any()
                    }
                }
            }}
        </section>
    }
}

fn empty_message(listing: Listing) -> &'static str {
    let Listing::Stage(stage) = listing else {
        return "No favorites yet. Select the heart on any referral to keep it here.";
    };
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
fn ReferralTable(listing: Listing, rows: Vec<Referral>) -> impl IntoView {
    let count = rows.len();
    view! {
        <table class="referral-table">
            <caption>{format!("{count} referrals")}</caption>
            <thead>
                <tr>
                    <th scope="col"><span class="visually-hidden">"Favorite"</span></th>
                    <th scope="col">"Customer"</th>
                    <th scope="col">"Country"</th>
                    <th scope="col">"Created"</th>
                    <th scope="col">{column(listing)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|referral| view! {
                    <tr>
                        <td class="heart-cell"><Heart referral_id=referral.id.clone() favorite=referral.favorite/></td>
                        <th scope="row">{referral.customer_profile.name.clone()}</th>
                        <td>{referral.customer_profile.address.country.clone()}</td>
                        <td><LocalTime at=referral.created_date_time/></td>
                        <td>{detail(listing, &referral)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn column(listing: Listing) -> &'static str {
    match listing {
        Listing::Stage(Stage::Inbox) => "Deal",
        Listing::Stage(Stage::Accepted) => "Deal value",
        Listing::Stage(Stage::Archived) => "Outcome",
        Listing::Favorites => "Stage",
    }
}

fn detail(listing: Listing, referral: &Referral) -> String {
    let Listing::Stage(stage) = listing else {
        return referral.stage().label().to_owned();
    };
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
