//! Sends the outbox, in order, one change at a time, from the tab that syncs.
//!
//! A change that did not reach the server (offline, the server down or failing, or an
//! earlier try still being processed) is sent again after a pause that grows (1 s
//! doubling, at most a minute). When the try did not reach the server at all, the pause
//! ends at once when the browser says it is online again or a pull reaches the server,
//! even when that happens while the try is still failing; a failure the server answered
//! (busy, or an error of its own) waits its pause out. A change the server failed with
//! an error of its own is set aside for the round, so other leads' changes go meanwhile.
//! The `Idempotency-Key` it was queued with goes every time, so a change whose answer
//! was lost is applied once. Any other refusal stops that change with the server's
//! reason (the lead's page shows it); a colleague's change first stops it with the
//! referral as it is now, for the conflict view. Nothing is dropped unasked.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::cache::Changes;
use super::outbox::{self, Change, Pending, Stuck};
use super::stuck_reason::StuckReason;
use super::{Referrals, tabs};
use crate::api::{self, ActionError, ApiError};

/// Where the sending stands; one per app, in the store.
#[derive(Default)]
pub(super) struct Drain {
    /// This tab sends (it holds the sync lock).
    leading: bool,
    running: bool,
    /// Asked again while running: look at the outbox once more when done.
    again: bool,
    /// Failed tries in a row, for the pause before the next.
    attempt: u32,
    retry: Option<TimeoutHandle>,
    /// The pause under way may end early: the last try did not reach the server. A try
    /// the server answered with a failure (it is busy or failing) waits its pause out.
    pause_cut_short: bool,
    on_online: Option<WindowListenerHandle>,
    /// Referrals whose first waiting change the server failed (an error of its own) in
    /// this round: their changes wait for the pause, while other referrals' go on, so
    /// one change the server cannot take holds up no other lead.
    set_aside: Vec<String>,
    /// Bumped on sign-out: a send under way for the last user is not recorded.
    generation: u64,
}

/// Whether a failure means the change may not have arrived, so it is sent again later.
pub(super) fn is_retryable(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Unreachable | ApiError::Busy | ApiError::Server { status: 500.., .. }
    )
}

/// This tab syncs: send what waits, now and whenever asked.
pub(super) fn start(store: Referrals) {
    let on_online = window_event_listener(leptos::ev::online, move |_| request(store));
    store.drain.update_value(|drain| {
        drain.leading = true;
        drain.attempt = 0;
        if let Some(previous) = drain.on_online.replace(on_online) {
            previous.remove();
        }
    });
    request(store);
}

/// Whether this tab syncs (sends the outbox).
pub(super) fn is_leading(store: Referrals) -> bool {
    store
        .drain
        .try_with_value(|drain| drain.leading)
        .unwrap_or(false)
}

/// Signed out, or another tab syncs now.
pub(super) fn stop(store: Referrals) {
    let _ = store.drain.try_update_value(|drain| {
        drain.leading = false;
        drain.generation += 1;
        drain.again = false;
        drain.set_aside.clear();
        if let Some(retry) = drain.retry.take() {
            retry.clear();
        }
        if let Some(on_online) = drain.on_online.take() {
            on_online.remove();
        }
    });
}

/// Sends what waits, now or right after the send under way (from the syncing tab only).
pub(super) fn request(store: Referrals) {
    let start = store
        .drain
        .try_update_value(|drain| {
            if !drain.leading || (drain.retry.is_some() && !drain.pause_cut_short) {
                return false;
            }
            if let Some(retry) = drain.retry.take() {
                retry.clear();
            }
            if drain.running {
                drain.again = true;
                false
            } else {
                drain.running = true;
                true
            }
        })
        .unwrap_or(false);
    if start {
        spawn_local(run(store));
    }
}

async fn run(store: Referrals) {
    let generation = store.drain.with_value(|drain| drain.generation);
    loop {
        let mut busy: Vec<String> = store
            .hearts_in_flight
            .with_value(|hearts| hearts.keys().cloned().collect());
        store
            .drain
            .with_value(|drain| busy.extend(drain.set_aside.iter().cloned()));
        let next = store.outbox.with_untracked(|queue| {
            let busy: Vec<&str> = busy.iter().map(String::as_str).collect();
            outbox::sendable(queue, &busy).cloned()
        });
        let Some(pending) = next else {
            let again = store
                .drain
                .try_update_value(|drain| std::mem::take(&mut drain.again))
                .unwrap_or(false);
            if again {
                continue;
            }
            // The others have gone: what the server failed waits out a pause.
            if store.drain.with_value(|drain| !drain.set_aside.is_empty()) {
                retry_later(store, false);
            }
            break;
        };
        let outcome = send(&pending).await;
        if store.drain.try_with_value(|drain| drain.generation) != Some(generation) {
            // Signed out (or another tab took over) meanwhile: this answer is not recorded.
            // Whoever signed in since may have asked for a send while this one ran.
            let asked = store
                .drain
                .try_update_value(|drain| {
                    drain.running = false;
                    drain.leading && std::mem::take(&mut drain.again)
                })
                .unwrap_or(false);
            if asked {
                request(store);
            }
            return;
        }
        match outcome {
            Sent::Landed(updated) => {
                store.reached();
                landed(store, &pending, updated.map(|updated| *updated));
                store.drain.update_value(|drain| drain.attempt = 0);
            }
            Sent::Stuck(stuck) => {
                store.reached();
                stopped(store, &pending, stuck);
            }
            Sent::Later(error) => {
                if error.is_unauthenticated() {
                    // The session ended: the outbox waits for the same user to sign in again.
                    break;
                }
                store.failed(&error);
                if matches!(error, ApiError::Server { status: 500.., .. }) {
                    // The server is there but failed this change: the next lead's go first.
                    store
                        .drain
                        .update_value(|drain| drain.set_aside.push(pending.referral_id.clone()));
                    continue;
                }
                // Asked again while this try could not reach the server (the browser came
                // back online, or a pull got through): the way may be open now, so try once
                // more at once rather than wait out the pause. A failure the server itself
                // answered keeps its pause, however often a pull asks.
                let unreachable = error == ApiError::Unreachable;
                let again = store
                    .drain
                    .try_update_value(|drain| std::mem::take(&mut drain.again))
                    .unwrap_or(false);
                if again && unreachable {
                    continue;
                }
                retry_later(store, unreachable);
                break;
            }
        }
    }
    let _ = store.drain.try_update_value(|drain| drain.running = false);
}

enum Sent {
    /// Applied: the referral as the server has it now (for an action).
    Landed(Option<Box<domain::Referral>>),
    Stuck(Stuck),
    Later(ApiError),
}

async fn send(pending: &Pending) -> Sent {
    match &pending.change {
        Change::Favorite { favorite } => {
            match api::set_favorite(&pending.referral_id, *favorite).await {
                Ok(()) => Sent::Landed(None),
                Err(error) if is_retryable(&error) || error.is_unauthenticated() => {
                    Sent::Later(error)
                }
                Err(error) => Sent::Stuck(Stuck::refused(StuckReason::Answer { error })),
            }
        }
        Change::Act {
            request, if_match, ..
        } => {
            let answer = api::act_on(
                &pending.referral_id,
                if_match,
                request,
                &pending.idempotency_key,
            )
            .await;
            match answer {
                Ok(updated) => Sent::Landed(Some(Box::new(updated))),
                Err(ActionError::Conflict(current)) => Sent::Stuck(Stuck::conflict(*current, None)),
                Err(ActionError::Failed(error))
                    if is_retryable(&error) || error.is_unauthenticated() =>
                {
                    Sent::Later(error)
                }
                // Not possible any more (e.g. the lead expired meanwhile): the referral
                // as it is now, with the server's reason, opens the conflict view.
                Err(ActionError::Failed(error))
                    if matches!(error, ApiError::Server { status: 409, .. }) =>
                {
                    // No explanation and no detail means the server gave no reason.
                    let explained = matches!(
                        &error,
                        ApiError::Server {
                            explanation: Some(_),
                            ..
                        } | ApiError::Server {
                            detail: Some(_),
                            ..
                        }
                    );
                    let reason = explained.then_some(StuckReason::Answer { error });
                    match api::referral(&pending.referral_id).await {
                        Ok(current) => Sent::Stuck(Stuck::conflict(current, reason)),
                        Err(_) => Sent::Stuck(Stuck::refused(
                            reason.unwrap_or(StuckReason::NoLongerApplies),
                        )),
                    }
                }
                Err(ActionError::Invalid(errors)) => {
                    Sent::Stuck(Stuck::refused(StuckReason::Invalid { errors }))
                }
                Err(ActionError::Failed(error)) => {
                    Sent::Stuck(Stuck::refused(StuckReason::Answer { error }))
                }
            }
        }
    }
}

/// The change landed: out of the outbox (with the later actions on the same version
/// following on the new one), and the referral as the server has it.
fn landed(store: Referrals, pending: &Pending, updated: Option<domain::Referral>) {
    let mut followed = Vec::new();
    store.outbox.update(|queue| {
        queue.retain(|p| p.seq != pending.seq);
        if let (Some(updated), Change::Act { if_match, .. }) = (&updated, &pending.change) {
            let changed = outbox::follow_on(queue, &pending.referral_id, if_match, &updated.e_tag);
            followed = queue
                .iter()
                .filter(|p| changed.contains(&p.seq))
                .cloned()
                .collect();
        }
    });
    tabs::write_outbox(
        store,
        Changes {
            outbox_removed: vec![pending.seq],
            outbox_put: followed,
            ..Changes::default()
        },
    );
    if let (Some(updated), Change::Act { if_match, .. }) = (&updated, &pending.change) {
        store.own_version_landed(&pending.referral_id, if_match, &updated.e_tag);
        store.keep_landed_versions();
        tabs::tell_landed(store, &pending.referral_id, if_match, &updated.e_tag);
    }
    match updated {
        Some(updated) => store.seen(updated),
        None => {
            if let Change::Favorite { favorite } = pending.change {
                store.heart_landed(&pending.referral_id, favorite);
            }
            store.reapply(&pending.referral_id);
        }
    }
}

/// The server would not take the change: it stays, stuck, with why.
fn stopped(store: Referrals, pending: &Pending, stuck: Stuck) {
    let current = match &stuck {
        Stuck::Conflict { current, .. } => Some((**current).clone()),
        Stuck::Refused { .. } => None,
    };
    let mut kept = pending.clone();
    kept.stuck = Some(stuck);
    let mut cancelled = true;
    store.outbox.update(|queue| {
        if let Some(item) = queue.iter_mut().find(|p| p.seq == pending.seq) {
            *item = kept.clone();
            cancelled = false;
        }
    });
    // Cancelled by the user while it was on its way: it stays gone, here and on the device.
    if !cancelled {
        tabs::write_outbox(
            store,
            Changes {
                outbox_put: vec![kept],
                ..Changes::default()
            },
        );
    }
    match current {
        Some(current) => store.seen(current),
        None => store.reapply(&pending.referral_id),
    }
}

/// Sends again after a pause; `cut_short` lets a sign of the connection coming back
/// ([`request`]) end the pause at once.
fn retry_later(store: Referrals, cut_short: bool) {
    let _ = store.drain.try_update_value(|drain| {
        drain.pause_cut_short = cut_short;
        let wait = outbox::backoff(drain.attempt);
        drain.attempt = drain.attempt.saturating_add(1);
        drain.retry = set_timeout_with_handle(
            move || {
                let _ = store.drain.try_update_value(|drain| {
                    drain.retry = None;
                    drain.set_aside.clear();
                });
                request(store);
            },
            wait,
        )
        .ok();
    });
}
