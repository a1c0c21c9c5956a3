//! The outbox: the user's changes the server has not confirmed yet — hearts and every
//! lifecycle action — each with its `Idempotency-Key` and, for actions, the version the
//! user saw (`If-Match`). Kept in the offline cache, so a reload or a closed browser
//! loses none. Sent in order, one at a time, by the one tab that syncs; a network error
//! or a 5xx is retried with a growing pause, and since the key travels with the item,
//! a retry after a lost answer is never applied twice. A refusal stops that item and
//! says why on the lead; a colleague's change first opens the conflict view there.

use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::{ActionRequest, Referral};
use serde::{Deserialize, Serialize};

use super::stuck_reason::StuckReason;

/// A change waiting for the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pending {
    /// Order of sending; unique across tabs (time-based, see [`next_seq`]).
    pub seq: u64,
    pub referral_id: String,
    pub change: Change,
    pub idempotency_key: String,
    pub queued_at: DateTime<Utc>,
    /// Why the server would not take it; `None` while it waits to be sent.
    #[serde(default)]
    pub stuck: Option<Stuck>,
}

/// What the user did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", try_from = "ChangeFields")]
pub enum Change {
    Favorite {
        favorite: bool,
    },
    #[serde(rename_all = "camelCase")]
    Act {
        request: Box<ActionRequest>,
        /// The version of the referral the user acted on.
        if_match: String,
        /// The form as it started on that version: with it, a conflict can tell the
        /// user's changes from the colleague's.
        baseline: serde_json::Value,
    },
}

/// Why a change was not applied.
///
/// Kept twice: in words as they read when it stopped (`message`, `reason`), which is all a
/// tab still running an older build reads from the same device's outbox, and as the
/// server gave it (`why`), which this build words in the reader's language of the moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", try_from = "StuckFields")]
pub enum Stuck {
    /// The server refused it (the lead expired meanwhile, the user's role changed, …).
    Refused {
        message: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<StuckReason>,
    },
    /// Someone changed the referral first, or time did (it expired): this is how it is
    /// now, with the server's reason when it gave one.
    Conflict {
        current: Box<Referral>,
        #[serde(default)]
        reason: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<StuckReason>,
    },
}

// `Change` and `Stuck` are read through these flat structs rather than as tagged enums,
// which buffer the whole value before looking at `kind` and so build a second, buffered
// copy of the reading of a `Referral` and of every action's form into the wasm. Same JSON.

/// A [`Change`] as read: every kind's fields, checked against its `kind`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChangeFields {
    /// A `String`, not an enum of the kinds: serde's derive would build one more reader.
    kind: String,
    favorite: Option<bool>,
    request: Option<Box<ActionRequest>>,
    if_match: Option<String>,
    /// Present even when `null` (a `Value`), unlike a plain `Option`.
    #[serde(default, deserialize_with = "present")]
    baseline: Option<serde_json::Value>,
}

fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(deserializer).map(Some)
}

impl TryFrom<ChangeFields> for Change {
    type Error = &'static str;

    fn try_from(fields: ChangeFields) -> Result<Change, &'static str> {
        Ok(match fields.kind.as_str() {
            "favorite" => Change::Favorite {
                favorite: fields.favorite.ok_or("missing field `favorite`")?,
            },
            "act" => Change::Act {
                request: fields.request.ok_or("missing field `request`")?,
                if_match: fields.if_match.ok_or("missing field `ifMatch`")?,
                baseline: fields.baseline.ok_or("missing field `baseline`")?,
            },
            _ => return Err("unknown kind of change"),
        })
    }
}

/// A [`Stuck`] as read: every kind's fields, checked against its `kind`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StuckFields {
    /// A `String`, not an enum of the kinds: serde's derive would build one more reader.
    kind: String,
    message: Option<String>,
    current: Option<Box<Referral>>,
    reason: Option<String>,
    why: Option<StuckReason>,
}

impl TryFrom<StuckFields> for Stuck {
    type Error = &'static str;

    fn try_from(fields: StuckFields) -> Result<Stuck, &'static str> {
        Ok(match fields.kind.as_str() {
            "refused" => Stuck::Refused {
                message: fields.message.ok_or("missing field `message`")?,
                why: fields.why,
            },
            "conflict" => Stuck::Conflict {
                current: fields.current.ok_or("missing field `current`")?,
                reason: fields.reason,
                why: fields.why,
            },
            _ => return Err("unknown kind of refusal"),
        })
    }
}

impl Stuck {
    pub fn refused(why: StuckReason) -> Stuck {
        Stuck::Refused {
            message: why.in_words(),
            why: Some(why),
        }
    }

    pub fn conflict(current: Referral, why: Option<StuckReason>) -> Stuck {
        Stuck::Conflict {
            current: Box::new(current),
            reason: why.as_ref().map(StuckReason::in_words),
            why,
        }
    }

    /// Why, in the reader's language now (an item an older build stopped, in its words);
    /// `None` for a conflict the server gave no reason for.
    pub fn in_words(&self) -> Option<String> {
        match self {
            Stuck::Refused { message, why } => Some(
                why.as_ref()
                    .map_or_else(|| message.clone(), StuckReason::in_words),
            ),
            Stuck::Conflict { reason, why, .. } => why
                .as_ref()
                .map(StuckReason::in_words)
                .or_else(|| reason.clone()),
        }
    }
}

impl Pending {
    /// What the change is, in the words of the lead's page: the action's button, or the heart's.
    pub fn label(&self) -> String {
        match &self.change {
            Change::Favorite { favorite: true } => crate::i18n::t("lead-favorite-add"),
            Change::Favorite { favorite: false } => crate::i18n::t("lead-favorite-remove"),
            Change::Act { request, .. } => crate::i18n::value("Action", request.action().as_str()),
        }
    }

    pub fn is_waiting(&self) -> bool {
        self.stuck.is_none()
    }
}

/// The next item's place in the queue: after `last`, and after every item another tab
/// made earlier (milliseconds since the epoch, with room for a random tie-breaker).
pub fn next_seq(last: Option<u64>, now_ms: f64, random: u64) -> u64 {
    let by_time = (now_ms.max(0.0) as u64) * 1024 + random % 1024;
    by_time.max(last.map_or(0, |last| last + 1))
}

/// Which waiting items may be sent now, in order: an item on a referral that has an
/// earlier stuck item waits for the user to resolve that one first, and one on a
/// referral in `busy` (a heart sent outside the outbox, not answered yet) waits for it.
pub fn sendable<'a>(outbox: &'a [Pending], busy: &[&'a str]) -> Option<&'a Pending> {
    let mut blocked: Vec<&str> = busy.to_vec();
    for pending in outbox {
        if pending.stuck.is_some() {
            blocked.push(&pending.referral_id);
        } else if !blocked.contains(&pending.referral_id.as_str()) {
            return Some(pending);
        }
    }
    None
}

/// After an action on a referral was applied and the server answered version
/// `applied`, the later actions queued on the version the user had seen (`seen`)
/// follow on the new one: the user made them one after the other.
pub fn follow_on(outbox: &mut [Pending], referral_id: &str, seen: &str, applied: &str) -> Vec<u64> {
    let mut changed = Vec::new();
    for pending in outbox.iter_mut() {
        if pending.referral_id != referral_id {
            continue;
        }
        if let Change::Act { if_match, .. } = &mut pending.change
            && if_match == seen
        {
            *if_match = applied.to_owned();
            changed.push(pending.seq);
        }
    }
    changed
}

/// The outbox as another tab left it on the device (`read`), with what this tab did
/// while the read ran: IndexedDB orders a read before a write made after it began, so
/// the read may lack an item this tab queued meanwhile, still hold one it sent and
/// removed, or hold an older form of one it changed (a later action following on the
/// version an earlier one made). `held`: the items as this tab held them when the read
/// began; `mine`: as it holds them now. An item of `mine` not held then is this tab's,
/// newly queued: it stays. An item held then and gone from `mine` was removed here: it
/// stays gone. An item this tab changed since is kept as changed. Everything else is
/// as read (another tab queued, sent, changed or dropped it).
pub fn merged_with_this_tabs(
    read: Vec<Pending>,
    mine: &[Pending],
    held: &[Pending],
) -> Vec<Pending> {
    let held_then = |seq: u64| held.iter().find(|p| p.seq == seq);
    let mut merged: Vec<Pending> = read
        .into_iter()
        .filter_map(
            |p| match (held_then(p.seq), mine.iter().find(|m| m.seq == p.seq)) {
                (None, _) => Some(p),
                (Some(_), None) => None,
                (Some(then), Some(now)) if then != now => Some(now.clone()),
                (Some(_), Some(_)) => Some(p),
            },
        )
        .collect();
    for pending in mine {
        if held_then(pending.seq).is_none() && !merged.iter().any(|p| p.seq == pending.seq) {
            merged.push(pending.clone());
        }
    }
    merged.sort_by_key(|p| p.seq);
    merged
}

/// How long to wait before the `attempt`-th retry (1 s doubling, at most a minute).
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1u64 << attempt.min(6)).min(Duration::from_secs(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heart(seq: u64, referral: &str) -> Pending {
        Pending {
            seq,
            referral_id: referral.to_owned(),
            change: Change::Favorite { favorite: true },
            idempotency_key: format!("k{seq}"),
            queued_at: DateTime::UNIX_EPOCH,
            stuck: None,
        }
    }

    fn act(seq: u64, referral: &str, if_match: &str) -> Pending {
        Pending {
            change: Change::Act {
                request: Box::new(ActionRequest::Lost(Default::default())),
                if_match: if_match.to_owned(),
                baseline: serde_json::Value::Null,
            },
            ..heart(seq, referral)
        }
    }

    #[test]
    fn items_are_sent_in_order_and_a_stuck_one_holds_back_only_its_own_referral() {
        let mut outbox = vec![heart(1, "a"), heart(2, "b"), heart(3, "a")];
        assert_eq!(sendable(&outbox, &[]).map(|p| p.seq), Some(1));
        outbox[0].stuck = Some(Stuck::Refused {
            message: "no".to_owned(),
            why: Some(StuckReason::NoLongerApplies),
        });
        assert_eq!(sendable(&outbox, &[]).map(|p| p.seq), Some(2));
        outbox.remove(1);
        assert_eq!(sendable(&outbox, &[]), None, "3 waits behind the stuck 1");
        let outbox = vec![heart(1, "a"), heart(2, "b")];
        assert_eq!(
            sendable(&outbox, &["a"]).map(|p| p.seq),
            Some(2),
            "1 waits for a's heart on its way"
        );
    }

    #[test]
    fn later_actions_on_the_same_version_follow_on_the_applied_one() {
        let mut outbox = vec![act(2, "a", "5"), act(3, "b", "5"), act(4, "a", "4")];
        assert_eq!(follow_on(&mut outbox, "a", "5", "6"), [2]);
        assert!(matches!(&outbox[0].change, Change::Act { if_match, .. } if if_match == "6"));
        assert!(matches!(&outbox[1].change, Change::Act { if_match, .. } if if_match == "5"));
        assert!(matches!(&outbox[2].change, Change::Act { if_match, .. } if if_match == "4"));
    }

    #[test]
    fn an_outbox_read_from_the_device_keeps_what_this_tab_did_while_the_read_ran() {
        let seqs = |outbox: Vec<Pending>| outbox.iter().map(|p| p.seq).collect::<Vec<_>>();
        // Held when the read began: 1, 2, 4. Since then this tab queued 5 and sent 4.
        let held = [heart(1, "a"), heart(2, "b"), heart(4, "e")];
        let mine = vec![heart(1, "a"), heart(2, "b"), heart(5, "c")];
        // The read: 1 sent by another tab, 3 queued by another, 4 not yet deleted, 5 not
        // yet written.
        let read = vec![heart(2, "b"), heart(3, "d"), heart(4, "e")];
        assert_eq!(seqs(merged_with_this_tabs(read, &mine, &held)), [2, 3, 5]);
    }

    #[test]
    fn an_item_this_tab_changed_while_the_read_ran_is_kept_as_changed() {
        let act = |seq: u64, if_match: &str| act(seq, "a", if_match);
        // 2 followed on the version 1 made (5 → 6) after the read began; 3 was marked
        // stuck by another tab.
        let held = [act(2, "5"), act(3, "5")];
        let mine = vec![act(2, "6"), act(3, "5")];
        let mut stuck = act(3, "5");
        stuck.stuck = Some(Stuck::Refused {
            message: "no".to_owned(),
            why: None,
        });
        let read = vec![act(2, "5"), stuck.clone()];
        assert_eq!(
            merged_with_this_tabs(read, &mine, &held),
            vec![act(2, "6"), stuck]
        );
    }

    #[test]
    fn the_queue_order_follows_time_and_never_goes_back() {
        let first = next_seq(None, 1_000.0, 7);
        assert_eq!(first, 1_024_007);
        assert!(
            next_seq(Some(first), 1_000.0, 0) > first,
            "same millisecond"
        );
        assert!(next_seq(Some(first), 999.0, 0) > first, "a clock set back");
    }

    #[test]
    fn retries_wait_longer_each_time_up_to_a_minute() {
        assert_eq!(backoff(0), Duration::from_secs(1));
        assert_eq!(backoff(3), Duration::from_secs(8));
        assert_eq!(backoff(30), Duration::from_secs(60));
    }

    #[test]
    fn an_item_reads_back_as_it_was_stored() {
        let conflict = Stuck::conflict(
            crate::store::snapshot::tests::referral("a", "Contoso", "4"),
            Some(StuckReason::NoLongerApplies),
        );
        let refused = Stuck::refused(StuckReason::NoLongerApplies);
        let older = Stuck::Refused {
            message: "no".to_owned(),
            why: None,
        };
        for stuck in [None, Some(refused), Some(conflict), Some(older)] {
            for item in [act(9, "a", "3"), heart(8, "a")] {
                let item = Pending {
                    stuck: stuck.clone(),
                    ..item
                };
                let text = serde_json::to_string(&item).unwrap();
                assert_eq!(serde_json::from_str::<Pending>(&text).unwrap(), item);
            }
        }
    }

    #[test]
    fn a_change_lacking_its_kinds_fields_is_not_read() {
        for text in [
            r#"{"kind":"favorite"}"#,
            r#"{"kind":"act","ifMatch":"3","baseline":null}"#,
            r#"{"kind":"act","request":{"action":"Lost","form":{}},"ifMatch":"3"}"#,
            r#"{"favorite":true}"#,
        ] {
            assert!(serde_json::from_str::<Change>(text).is_err(), "{text}");
        }
        let whole =
            r#"{"kind":"act","request":{"action":"Lost","form":{}},"ifMatch":"3","baseline":null}"#;
        assert!(
            matches!(serde_json::from_str(whole), Ok(Change::Act { baseline, .. }) if baseline.is_null()),
            "a null baseline is there"
        );
        for text in [
            r#"{"kind":"refused"}"#,
            r#"{"kind":"conflict","reason":"x"}"#,
        ] {
            assert!(serde_json::from_str::<Stuck>(text).is_err(), "{text}");
        }
    }
}
