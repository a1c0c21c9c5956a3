//! How a partner is doing: the funnel, the win rate, response times against the
//! 24-hour target, where leads come from, what was won each month, and which leads
//! expire soon. The app computes it from its cached referrals (so it works offline)
//! and the server from its stored ones, with this one function: the same referrals,
//! range and `now` give the same figures.
//!
//! Definitions:
//! - **Which referrals count**: those *created* on a day of the range (UTC days,
//!   [`InsightsRange`]): the range picks a cohort, and every figure but
//!   [`Insights::expiring_soon`] describes that cohort, whatever happened to it later.
//! - **Funnel**: received = every referral of the cohort; accepted = those ever accepted
//!   (`acceptedDateTime` set: Accepted, Won and Lost ones); won = substatus Won.
//! - **Win rate** = won ÷ (won + lost), in whole percent rounded half up; none without
//!   a won or lost deal. Deals still open, declined or expired say nothing about winning.
//! - **First response** = when the referral was accepted (`acceptedDateTime`) or, for a
//!   declined one, when it was declined (`closedDateTime`). Time to first response is
//!   that minus `createdDateTime`. Only leads that need an answer count (informational
//!   offer leads, [`crate::timing::is_informational`], need none).
//! - **Median and 90th percentile** by nearest rank (the smallest response time that at
//!   least half, or 90 %, of the responses took no longer than), so each is a response
//!   time that really happened.
//! - **Within the 24-hour target** ([`RESPONSE_WINDOW`]): answered in less than 24 hours.
//!   The share counts every lead whose window is decided: the answered ones, and the
//!   unanswered ones whose 24 hours have passed at `now` (they missed it). A lead still
//!   inside its window is not counted yet.
//! - **Won value by month**: each won deal's value in the calendar month (UTC) it was won
//!   (`closedDateTime`), **per currency, never converted**: partners quote and book deals
//!   in the deal's currency, a conversion would change with the rate of the day (and the
//!   app offline may not know it), and an exact sum needs no rounding. A won deal without
//!   a value or currency is left out of the sums.
//! - **Expiring soon**: leads awaiting an answer whose expiry falls in the next 48 hours
//!   ([`EXPIRING_WITHIN`]) at `now`, from all referrals given (not only the range's:
//!   this is the list of what to do now), soonest first.

mod range;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::referral::{CallToAction, LeadQuality, LeadSource, Referral, Substatus};
use crate::timing::{RESPONSE_WINDOW, is_informational};

pub use range::{DEFAULT_DAYS, FROM, InsightsRange, RangeError, TO};

/// Leads that expire within this long from now are listed to act on.
pub const EXPIRING_WITHIN: Duration = Duration::hours(48);

/// The figures of one range at one instant. See the module's definitions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    /// The first day of the range (UTC), included.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: chrono::NaiveDate,
    /// The last day of the range (UTC), included.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub to: chrono::NaiveDate,
    pub funnel: Funnel,
    pub outcomes: Outcomes,
    /// Won ÷ (won + lost) in whole percent; `null` without a won or lost deal.
    pub win_rate_percent: Option<u8>,
    pub response: ResponseTimes,
    /// Every lead source, in the API's order, then leads without one (`value: null`) if any.
    pub by_source: Vec<Tally>,
    /// Every call to action, in the API's order, then leads without one if any.
    pub by_call_to_action: Vec<Tally>,
    /// The customers' countries (ISO 3166-1 alpha-2), most leads first, then by code.
    pub by_country: Vec<Tally>,
    /// Every lead quality, in the API's order, then leads without one if any.
    pub by_quality: Vec<Tally>,
    /// Won deal value per month and currency, by month then currency.
    pub won_by_month: Vec<MonthlyValue>,
    /// Leads awaiting an answer that expire within 48 hours, soonest first.
    pub expiring_soon: Vec<ExpiringLead>,
}

/// Received → accepted → won.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Funnel {
    pub received: u32,
    pub accepted: u32,
    pub won: u32,
}

/// Where the range's referrals stand now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Outcomes {
    /// Still in the Inbox (New).
    pub waiting: u32,
    /// Accepted and not closed yet.
    pub open: u32,
    pub won: u32,
    pub lost: u32,
    pub declined: u32,
    pub expired: u32,
}

/// Time to first response against the 24-hour target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ResponseTimes {
    /// The target: 86,400 seconds (24 hours).
    pub target_seconds: i64,
    /// Leads answered (accepted or declined).
    pub answered: u32,
    /// The median time to first response, in seconds; `null` without an answer.
    pub median_seconds: Option<i64>,
    /// The 90th-percentile time to first response, in seconds; `null` without an answer.
    pub p90_seconds: Option<i64>,
    /// Answered in less than 24 hours.
    pub within_target: u32,
    /// Answered after 24 hours, or not answered and past 24 hours.
    pub missed_target: u32,
    /// within ÷ (within + missed) in whole percent; `null` while no window is decided.
    pub within_target_percent: Option<u8>,
}

/// How many referrals have one value of a field; `value` is the API's spelling, or
/// `null` for referrals that do not state it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub value: Option<String>,
    pub count: u32,
}

/// The won deal value of one month in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct MonthlyValue {
    /// `YYYY-MM` (UTC).
    pub month: String,
    /// ISO 4217.
    pub currency: String,
    /// The exact sum, as a decimal string.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub amount: Decimal,
    /// How many won deals the sum adds up.
    pub deals: u32,
}

/// A lead to answer before it expires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ExpiringLead {
    pub id: String,
    pub name: String,
    pub customer_name: String,
    pub expiration_date_time: DateTime<Utc>,
}

/// The insights of `referrals` for `range` at `now` (see the module's definitions).
/// The order of `referrals` does not matter.
pub fn insights<'a>(
    referrals: impl IntoIterator<Item = &'a Referral>,
    range: InsightsRange,
    now: DateTime<Utc>,
) -> Insights {
    let mut tally = InsightsTally::new(range, now);
    for referral in referrals {
        tally.add(referral);
    }
    tally.finish()
}

/// [`insights`] one referral at a time, for a caller that streams them (the server reads
/// an organisation's referrals row by row and keeps none).
#[derive(Debug, Clone)]
pub struct InsightsTally {
    range: InsightsRange,
    now: DateTime<Utc>,
    funnel: Funnel,
    outcomes: Outcomes,
    response_seconds: Vec<i64>,
    within_target: u32,
    missed_target: u32,
    // Plain vectors rather than maps: the app carries this code in its wasm, and each
    // map type would add its own copy of the map's code.
    /// Per value of `LeadSource::ALL`, then not stated.
    by_source: Vec<u32>,
    by_call_to_action: Vec<u32>,
    by_quality: Vec<u32>,
    /// In no order until `finish`.
    by_country: Vec<Tally>,
    /// By month, then currency.
    won_by_month: Vec<MonthlyValue>,
    /// Soonest first (then by id).
    expiring_soon: Vec<ExpiringLead>,
}

impl InsightsTally {
    pub fn new(range: InsightsRange, now: DateTime<Utc>) -> InsightsTally {
        InsightsTally {
            range,
            now,
            funnel: Funnel::default(),
            outcomes: Outcomes::default(),
            response_seconds: Vec::new(),
            within_target: 0,
            missed_target: 0,
            by_source: vec![0; LeadSource::ALL.len() + 1],
            by_call_to_action: vec![0; CallToAction::ALL.len() + 1],
            by_quality: vec![0; LeadQuality::ALL.len() + 1],
            by_country: Vec::new(),
            won_by_month: Vec::new(),
            expiring_soon: Vec::new(),
        }
    }

    /// Counts one referral.
    pub fn add(&mut self, referral: &Referral) {
        if referral.awaits_answer()
            && referral.expiration_date_time >= self.now
            && referral.expiration_date_time < self.now + EXPIRING_WITHIN
        {
            let key = (referral.expiration_date_time, referral.id.as_str());
            let at = self
                .expiring_soon
                .partition_point(|lead| (lead.expiration_date_time, lead.id.as_str()) < key);
            self.expiring_soon.insert(
                at,
                ExpiringLead {
                    id: referral.id.clone(),
                    name: referral.name.clone(),
                    customer_name: referral.customer_profile.name.clone(),
                    expiration_date_time: referral.expiration_date_time,
                },
            );
        }
        if !self.range.contains(referral.created_date_time) {
            return;
        }
        self.funnel.received += 1;
        if referral.accepted_date_time.is_some() {
            self.funnel.accepted += 1;
        }
        let outcome = match referral.substatus {
            Substatus::Pending | Substatus::Received => &mut self.outcomes.waiting,
            Substatus::Accepted => &mut self.outcomes.open,
            Substatus::Won => &mut self.outcomes.won,
            Substatus::Lost => &mut self.outcomes.lost,
            Substatus::Declined => &mut self.outcomes.declined,
            Substatus::Expired => &mut self.outcomes.expired,
        };
        *outcome += 1;
        if referral.substatus == Substatus::Won {
            self.funnel.won += 1;
            self.add_won_value(referral);
        }
        self.add_response(referral);
        self.by_source[slot(LeadSource::ALL, referral.lead_source)] += 1;
        self.by_call_to_action[slot(CallToAction::ALL, referral.call_to_action)] += 1;
        self.by_quality[slot(LeadQuality::ALL, referral.lead_quality)] += 1;
        let country = referral.customer_profile.address.country.as_str();
        match self
            .by_country
            .iter_mut()
            .find(|tally| tally.value.as_deref() == Some(country))
        {
            Some(tally) => tally.count += 1,
            None => self.by_country.push(Tally {
                value: Some(country.to_owned()),
                count: 1,
            }),
        }
    }

    fn add_response(&mut self, referral: &Referral) {
        if is_informational(referral) {
            return;
        }
        match first_response(referral) {
            Some(at) => {
                let took = (at - referral.created_date_time).max(Duration::zero());
                self.response_seconds.push(took.num_seconds());
                if took < RESPONSE_WINDOW {
                    self.within_target += 1;
                } else {
                    self.missed_target += 1;
                }
            }
            None => {
                if self.now >= referral.created_date_time + RESPONSE_WINDOW {
                    self.missed_target += 1;
                }
            }
        }
    }

    fn add_won_value(&mut self, referral: &Referral) {
        let (Some(amount), Some(currency), Some(won_at)) = (
            referral.details.deal_value,
            referral.details.currency.as_deref(),
            referral.closed_date_time,
        ) else {
            return;
        };
        let month = won_at.format("%Y-%m").to_string();
        let key = (month.as_str(), currency);
        let at = self
            .won_by_month
            .partition_point(|sum| (sum.month.as_str(), sum.currency.as_str()) < key);
        match self.won_by_month.get_mut(at) {
            Some(sum) if (sum.month.as_str(), sum.currency.as_str()) == key => {
                // Amounts stay below 10^15 each (`Money`), so only absurd numbers of deals
                // could overflow; such a sum stays at its last exact value rather than wrapping.
                sum.amount = sum.amount.checked_add(amount).unwrap_or(sum.amount);
                sum.deals += 1;
            }
            _ => self.won_by_month.insert(
                at,
                MonthlyValue {
                    month,
                    currency: currency.to_owned(),
                    amount,
                    deals: 1,
                },
            ),
        }
    }

    /// The figures of every referral added.
    pub fn finish(mut self) -> Insights {
        // Most leads first, then by code; placed one by one (a handful of countries) rather
        // than with a sort, whose code the app would carry for this alone.
        let mut by_country: Vec<Tally> = Vec::with_capacity(self.by_country.len());
        for tally in self.by_country {
            let at = by_country.partition_point(|placed| {
                (std::cmp::Reverse(placed.count), &placed.value)
                    < (std::cmp::Reverse(tally.count), &tally.value)
            });
            by_country.insert(at, tally);
        }
        for sum in &mut self.won_by_month {
            sum.amount = sum.amount.normalize();
        }
        Insights {
            from: self.range.from(),
            to: self.range.to(),
            funnel: self.funnel,
            outcomes: self.outcomes,
            win_rate_percent: percent(self.outcomes.won, self.outcomes.won + self.outcomes.lost),
            response: ResponseTimes {
                target_seconds: RESPONSE_WINDOW.num_seconds(),
                answered: count(self.response_seconds.len()),
                median_seconds: nearest_rank(&self.response_seconds, 50),
                p90_seconds: nearest_rank(&self.response_seconds, 90),
                within_target: self.within_target,
                missed_target: self.missed_target,
                within_target_percent: percent(
                    self.within_target,
                    self.within_target + self.missed_target,
                ),
            },
            by_source: tallies(LeadSource::ALL, LeadSource::as_str, &self.by_source),
            by_call_to_action: tallies(
                CallToAction::ALL,
                CallToAction::as_str,
                &self.by_call_to_action,
            ),
            by_country,
            by_quality: tallies(LeadQuality::ALL, LeadQuality::as_str, &self.by_quality),
            won_by_month: self.won_by_month,
            expiring_soon: self.expiring_soon,
        }
    }
}

/// When the partner first answered the referral: accepted, or else declined.
pub fn first_response(referral: &Referral) -> Option<DateTime<Utc>> {
    referral.accepted_date_time.or_else(|| {
        (referral.substatus == Substatus::Declined)
            .then_some(referral.closed_date_time)
            .flatten()
    })
}

/// Where `value` is counted: its place in `all`, or the last place when not stated.
fn slot<T: Copy + PartialEq>(all: &[T], value: Option<T>) -> usize {
    value
        .and_then(|value| all.iter().position(|v| *v == value))
        .unwrap_or(all.len())
}

/// Every value of a closed set in its order (zeros included, so charts keep their
/// bars), then the referrals without a value, if any.
fn tallies<T: Copy>(all: &[T], spelled: fn(T) -> &'static str, counts: &[u32]) -> Vec<Tally> {
    let mut tallies: Vec<Tally> = all
        .iter()
        .zip(counts)
        .map(|(value, &count)| Tally {
            value: Some(spelled(*value).to_owned()),
            count,
        })
        .collect();
    match counts.get(all.len()) {
        Some(&count) if count > 0 => tallies.push(Tally { value: None, count }),
        _ => {}
    }
    tallies
}

/// `part` of `whole` in whole percent, rounded half up; `None` of nothing.
fn percent(part: u32, whole: u32) -> Option<u8> {
    (whole > 0).then(|| {
        let (part, whole) = (u64::from(part.min(whole)), u64::from(whole));
        // round(100·part/whole), halves up, in integers.
        u8::try_from((200 * part + whole) / (2 * whole)).unwrap_or(100)
    })
}

/// The `p`th percentile of `values` by nearest rank: the value at rank ⌈p·n/100⌉ in
/// ascending order. Found by bisecting the values' span (about 40 counting passes) rather
/// than by sorting, whose code the app would carry for this alone.
fn nearest_rank(values: &[i64], p: usize) -> Option<i64> {
    let rank = (p * values.len()).div_ceil(100).max(1);
    let (mut low, mut high) = (*values.iter().min()?, *values.iter().max()?);
    // The smallest value v with at least `rank` values ≤ v is the one at `rank`.
    while low < high {
        let middle = low + (high - low) / 2;
        if values.iter().filter(|&&value| value <= middle).count() >= rank {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    Some(low)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
