//! How long sign-in waits after failed attempts (OWASP's progressive delays).
//!
//! Failures count per account *and* client address together, so someone guessing a
//! colleague's password from elsewhere never locks that colleague out, and per client
//! address over all accounts, so one address cannot spray guesses. Each allowance is
//! followed by delays that double with every further failure, up to the window.

use chrono::{DateTime, Duration, Utc};

/// Failures are counted over this window; older ones are forgotten (and purged).
pub const WINDOW: Duration = Duration::minutes(15);
/// Failures of one account from one address before sign-in waits.
const PAIR_ALLOWANCE: i64 = 5;
/// Failures from one address, over all accounts, before sign-in from it waits.
const CLIENT_ALLOWANCE: i64 = 20;

/// Failed sign-ins within [`WINDOW`]: how many, and when the last one was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: i64,
    pub last: Option<DateTime<Utc>>,
}

/// Until when sign-in waits, given the failures of this account from this address
/// (`pair`) and from this address overall (`client`); `None` when it may go ahead.
pub fn wait_until(pair: Failures, client: Failures, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    [(pair, PAIR_ALLOWANCE), (client, CLIENT_ALLOWANCE)]
        .into_iter()
        .filter_map(|(failures, allowance)| {
            let beyond = failures.count - allowance;
            (beyond >= 0).then_some(())?;
            Some(failures.last? + delay(beyond))
        })
        .max()
        .filter(|until| *until > now)
}

/// 5 s after the allowance, then 10 s, 20 s, … and never more than the window.
fn delay(beyond_allowance: i64) -> Duration {
    let exponent = u32::try_from(beyond_allowance.clamp(0, 20)).unwrap_or(20);
    Duration::seconds(5_i64 << exponent).min(WINDOW)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap() + Duration::seconds(seconds)
    }

    fn failures(count: i64, last: i64) -> Failures {
        Failures {
            count,
            last: Some(at(last)),
        }
    }

    const NONE: Failures = Failures {
        count: 0,
        last: None,
    };

    #[test]
    fn the_first_failures_cost_nothing() {
        assert_eq!(wait_until(failures(4, 0), NONE, at(0)), None);
    }

    #[test]
    fn delays_double_with_each_failure_beyond_the_allowance() {
        assert_eq!(wait_until(failures(5, 0), NONE, at(0)), Some(at(5)));
        assert_eq!(wait_until(failures(6, 0), NONE, at(0)), Some(at(10)));
        assert_eq!(wait_until(failures(8, 0), NONE, at(0)), Some(at(40)));
        assert_eq!(
            wait_until(failures(8, 0), NONE, at(40)),
            None,
            "over once waited"
        );
    }

    #[test]
    fn the_delay_never_exceeds_the_window() {
        assert_eq!(
            wait_until(failures(500, 0), NONE, at(0)),
            Some(at(0) + WINDOW)
        );
    }

    #[test]
    fn one_address_spraying_many_accounts_waits_too() {
        assert_eq!(
            wait_until(failures(1, 0), failures(20, 0), at(0)),
            Some(at(5))
        );
        assert_eq!(wait_until(failures(1, 0), failures(19, 0), at(0)), None);
    }
}
