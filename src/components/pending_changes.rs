//! The user's changes to one lead that the server has not confirmed: waiting to sync
//! (the user may cancel one), or stopped with why — a refusal (dismiss it), or a colleague's change first (review
//! it in the action's conflict view, where the user re-applies or discards).

use domain::Action;
use domain::i18n::Arg;
use leptos::prelude::*;

use crate::api::Session;
use crate::clock::Clock;
use crate::components::refocus_heading_if_lost;
use crate::drafts;
use crate::format;
use crate::i18n::{t, t_with, value};
use crate::store::Referrals;
use crate::store::outbox::{Change, Pending, Stuck};

#[component]
pub fn PendingChanges(
    referral_id: String,
    /// Opens an action's form (the conflict view of a stopped action).
    review: RwSignal<Option<Action>>,
) -> impl IntoView {
    let store = Referrals::current();
    let id = StoredValue::new(referral_id);
    let pending = Memo::new(move |_| id.with_value(|id| store.pending_on(id)));
    move || {
        let items = pending.get();
        (!items.is_empty()).then(|| {
            view! {
                <section class="pending-changes" aria-label=t("lead-pending-label")>
                    <ul>
                        {items.into_iter().map(|item| view! { <PendingItem item review/> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn PendingItem(item: Pending, review: RwSignal<Option<Action>>) -> impl IntoView {
    let store = Referrals::current();
    let label = item.label();
    let label = Arg::Text(&label);
    let seq = item.seq;
    let queued = format::time(item.queued_at);
    // Why it stopped, in the reader's language now.
    let why = item.stuck.as_ref().and_then(Stuck::in_words);
    match item.stuck.clone() {
        None => view! {
            <li class="pending waiting">
                <span class="pending-badge">{t("lead-pending-waiting")}</span>
                <span id=format!("pending-{seq}")>
                    {t_with("lead-pending-waiting-text", &[("change", label), ("time", Arg::Text(&queued))])}
                </span>
                // Taken back before it is sent: one already on its way may still arrive,
                // and the lead then shows it as the server has it. Focus, gone with the
                // button, goes to the page's heading.
                <button type="button" class="secondary" aria-describedby=format!("pending-{seq}") on:click=move |_| {
                    store.drop_pending(seq);
                    refocus_heading_if_lost();
                }>{t("lead-pending-cancel")}</button>
            </li>
        }
        .into_any(),
        Some(Stuck::Refused { .. }) => view! {
            <li class="pending refused" role="alert">
                <span class="pending-badge">{t("lead-pending-refused")}</span>
                {t_with("lead-pending-refused-text", &[("change", label), ("message", Arg::Text(&why.unwrap_or_default()))])}
                <button type="button" class="secondary" on:click=move |_| {
                    store.drop_pending(seq);
                }>{t("lead-pending-dismiss")}</button>
            </li>
        }
        .into_any(),
        Some(Stuck::Conflict { current, .. }) => {
            // Review opens the action's form on the conflict view, where the user applies
            // theirs to the current version — offered only when the action still applies
            // to it (a colleague may have closed the lead); discarding always is.
            let me = Session::current().me_untracked();
            let action = match &item.change {
                Change::Act { request, .. } => Some(request.action()),
                Change::Favorite { .. } => None,
            }
            .filter(|action| {
                me.as_ref().is_some_and(|me| {
                    me.member()
                        .permitted_actions(&current, Clock::current().now())
                        .contains(action)
                })
            });
            let item = StoredValue::new(item);
            let now = t_with(
                "lead-status-substatus",
                &[
                    ("status", Arg::Text(&value("Status", current.status.as_str()))),
                    ("substatus", Arg::Text(&value("Substatus", current.substatus.as_str()))),
                ],
            );
            let now = Arg::Text(&now);
            view! {
                <li class="pending conflict" role="alert">
                    <span class="pending-badge">{t("lead-pending-conflict")}</span>
                    {match why {
                        // The server's reason, e.g. that the lead expired meanwhile.
                        Some(reason) => t_with("lead-pending-not-applied", &[("change", label), ("reason", Arg::Text(&reason)), ("status", now)]),
                        None => t_with("lead-pending-changed-first", &[("change", label), ("status", now)]),
                    }}
                    {action.map(|action| view! {
                        <button type="button" on:click=move |_| {
                            // The change goes back into its form as a draft on the version the
                            // user saw: the form opens on the conflict view (theirs vs mine).
                            if let Some(pending) = store.drop_pending(seq) {
                                restore_draft(&pending, action);
                            }
                            review.set(Some(action));
                        }>{t("lead-pending-review")}</button>
                    })}
                    <button type="button" class="secondary" on:click=move |_| {
                        store.drop_pending(item.with_value(|i| i.seq));
                    }>{t("lead-pending-discard")}</button>
                </li>
            }
            .into_any()
        }
    }
}

fn restore_draft(pending: &Pending, action: Action) {
    if let Change::Act {
        request,
        if_match,
        baseline,
    } = &pending.change
    {
        let form = serde_json::to_value(request)
            .ok()
            .and_then(|mut value| value.get_mut("form").map(serde_json::Value::take))
            .unwrap_or_default();
        drafts::restore(&pending.referral_id, action, if_match, baseline, &form);
    }
}
