//! What every action form shares: it applies to the version the user saw
//! (`If-Match`), sends one `Idempotency-Key` per submission (a retry after a lost
//! answer cannot apply twice), keeps a draft until sent or discarded, shows the
//! server's per-field errors, and handles a colleague acting first.

use std::collections::BTreeSet;

use domain::i18n::Arg;
use domain::{Action, FieldErrors, Referral};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::{self, ActionError, ApiError, Me, Session};
use crate::clock::Clock;
use crate::components::form_fields::Bound;
use crate::components::{focus_when_shown, refocus_if_lost};
use crate::drafts::{self, Draft};
use crate::format;
use crate::i18n::{t, t_with, value};
use crate::store::{Acted, Referrals};

/// A form an action sends: what it needs besides being data.
pub trait ActionForm:
    Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
    /// The form as the request for `action` (Decline and Lost share one form).
    fn request(&self, action: Action) -> domain::ActionRequest;

    /// This form moved onto a newer version of the referral (see `DealForm::rebased`);
    /// forms with nothing taken from the referral stay as typed.
    fn rebased(&self, _baseline: &Self, _current: &Self) -> Self {
        self.clone()
    }
}

impl ActionForm for domain::lifecycle::ReasonForm {
    fn request(&self, action: Action) -> domain::ActionRequest {
        match action {
            Action::Lost => domain::ActionRequest::Lost(self.clone()),
            _ => domain::ActionRequest::Decline(self.clone()),
        }
    }
}

impl ActionForm for domain::lifecycle::NewTeamMember {
    fn request(&self, _: Action) -> domain::ActionRequest {
        domain::ActionRequest::AddTeamMember(self.clone())
    }
}

impl ActionForm for domain::lifecycle::WonForm {
    fn request(&self, _: Action) -> domain::ActionRequest {
        domain::ActionRequest::Won(self.clone())
    }
}

impl ActionForm for domain::lifecycle::AcceptForm {
    fn request(&self, _: Action) -> domain::ActionRequest {
        domain::ActionRequest::Accept(self.clone())
    }

    fn rebased(&self, baseline: &Self, current: &Self) -> Self {
        domain::lifecycle::AcceptForm {
            deal: self.deal.rebased(&baseline.deal, &current.deal),
            customer_contacts: self.customer_contacts.clone(),
        }
    }
}

impl ActionForm for domain::lifecycle::EditForm {
    fn request(&self, _: Action) -> domain::ActionRequest {
        domain::ActionRequest::Edit(self.clone())
    }

    fn rebased(&self, baseline: &Self, current: &Self) -> Self {
        domain::lifecycle::EditForm {
            deal: self.deal.rebased(&baseline.deal, &current.deal),
        }
    }
}

/// Where a form stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Editing,
    /// Irreversible actions ask once more.
    Confirming,
    Sending,
    /// Someone changed the referral first: this is how it is now.
    Conflict(Box<Referral>),
}

/// How an action form closed, with the referral as it is now.
#[derive(Debug, Clone, PartialEq)]
pub enum Closed {
    /// The server applied the action.
    Applied(Referral),
    /// The server could not be reached: the action waits on this device, shown applied.
    Queued(Referral),
    /// A colleague's change ended what the user was doing; they discarded their changes.
    Discarded(Referral),
    /// The user closed the form without sending it (the draft stays). The referral as
    /// the form last saw it: after a conflict, newer than the one the page shows.
    Cancelled(Referral),
}

/// One action form's state; copied freely into handlers.
pub struct ActionRun<F: 'static> {
    pub action: Action,
    pub form: RwSignal<F>,
    pub step: RwSignal<Step>,
    /// Set on submit: from then on every field's own (domain) error shows.
    pub checked: RwSignal<bool>,
    /// The fields (API paths) the user has left: their own errors show from then on.
    left: RwSignal<BTreeSet<String>>,
    pub server_errors: RwSignal<FieldErrors>,
    pub failure: RwSignal<Option<String>>,
    base: RwSignal<Referral>,
    /// The form as it started on `base`: what the user has not changed equals it.
    baseline: RwSignal<F>,
    /// The form as it starts on a referral.
    fresh: fn(&Referral) -> F,
    key: StoredValue<String>,
    draft: Draft<F>,
    on_done: Callback<Closed>,
}

impl<F> Clone for ActionRun<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for ActionRun<F> {}

impl<F: ActionForm> ActionRun<F> {
    /// The form for `action` on `referral`: the user's saved draft, or `fresh(referral)`.
    /// A draft written against an older version opens on the conflict view, so it is
    /// never sent as if it were current, unless that version is the one the user's own
    /// queued action made from the draft's (it landed meanwhile) and the form starts
    /// alike on both: then it opens as it was.
    pub fn new(
        action: Action,
        referral: Referral,
        fresh: fn(&Referral) -> F,
        on_done: Callback<Closed>,
    ) -> Self {
        let draft = Draft::<F>::new(&referral.id, action);
        let saved = draft.load();
        let own_landing = |saved: &drafts::Saved<F>| {
            Referrals::current().own_newest_version(&referral.id, &saved.e_tag) == referral.e_tag
                && saved.baseline == fresh(&referral)
        };
        let (form, baseline, step) = match saved {
            Some(saved) if saved.e_tag == referral.e_tag || own_landing(&saved) => {
                (saved.form, fresh(&referral), Step::Editing)
            }
            Some(saved) => (
                saved.form,
                saved.baseline,
                Step::Conflict(Box::new(referral.clone())),
            ),
            None => (fresh(&referral), fresh(&referral), Step::Editing),
        };
        let run = ActionRun {
            action,
            form: RwSignal::new(form),
            step: RwSignal::new(step),
            checked: RwSignal::new(false),
            left: RwSignal::new(BTreeSet::new()),
            server_errors: RwSignal::new(FieldErrors::new()),
            failure: RwSignal::new(None),
            base: RwSignal::new(referral),
            baseline: RwSignal::new(baseline),
            fresh,
            key: StoredValue::new(api::new_idempotency_key()),
            draft,
            on_done,
        };
        // Only a changed form is a draft: opening and closing a form leaves nothing behind.
        Effect::new(move |_| {
            let form = run.form.get();
            let (e_tag, baseline) = (run.base.with(|b| b.e_tag.clone()), run.baseline.get());
            if form == baseline {
                draft.clear();
            } else {
                draft.save(&e_tag, &baseline, &form);
            }
        });
        run
    }

    /// The form as it started on the version it applies to (tracked).
    pub fn baseline(self) -> F {
        self.baseline.get()
    }

    /// The version of the referral the form applies to (the current one after a reapplied conflict).
    pub fn referral(self) -> ReadSignal<Referral> {
        self.base.read_only()
    }

    /// The user submitted the form: show its own errors, or ask to confirm when there are none.
    pub fn confirm_if_valid(self, errors: Memo<FieldErrors>) {
        self.checked.set(true);
        self.server_errors.set(FieldErrors::new());
        if errors.with_untracked(FieldErrors::is_empty) {
            self.step.set(Step::Confirming);
            focus_when_shown(".confirm button");
        } else {
            focus_first_invalid();
        }
    }

    /// The user left `field` (its API path): its own check shows from now on.
    pub fn leave(self, field: &str) {
        if !self.left.with_untracked(|left| left.contains(field)) {
            self.left.update(|left| {
                left.insert(field.to_owned());
            });
        }
    }

    /// The message for `field`: the form's own check (once the field was left or the
    /// form submitted), else the server's.
    pub fn error_for(self, errors: Memo<FieldErrors>, field: &str) -> Option<String> {
        let shown = self.checked.get() || self.left.with(|left| left.contains(field));
        let local = shown
            .then(|| errors.with(|e| e.error_for(field).map(crate::i18n::field_error)))
            .flatten();
        local.or_else(|| {
            self.server_errors
                .with(|e| e.error_for(field).map(crate::i18n::field_error))
        })
    }

    /// Sends the form; the form stays as typed whatever happens.
    pub fn send(self) {
        self.step.set(Step::Sending);
        self.failure.set(None);
        let request = self.form.with_untracked(|form| form.request(self.action));
        let baseline = serde_json::to_value(self.baseline.get_untracked()).unwrap_or_default();
        let referral = self.base.get_untracked();
        let idempotency_key = self.key.get_value();
        // The user may leave the page before the answer: only plain values and `try_`
        // calls are used once it arrives.
        let draft_key = self.draft.key();
        let store = Referrals::current();
        // The user's own action landed on this referral since the form opened (in this
        // tab or another): the form is sent on the version that action made, but only if
        // it starts alike there. An own change to a field the form writes (a team member
        // added from another tab, beneath an open Edit) is shown as a conflict instead.
        if let Some(current) = store.own_change_beneath(&referral)
            && (self.fresh)(&current) != self.baseline.get_untracked()
        {
            self.step.set(Step::Conflict(Box::new(current)));
            focus_when_shown(".action-panel .conflict button");
            return;
        }
        spawn_local(async move {
            let answer = store
                .act(&referral, request, baseline, &idempotency_key)
                .await;
            // A definite answer ends this submission: the next one is new. Only when the
            // request may not have arrived is the key kept, so a retry cannot apply twice.
            let may_not_have_arrived = matches!(
                &answer,
                Err(ActionError::Failed(
                    ApiError::Unreachable | ApiError::Busy | ApiError::Server { status: 500.., .. }
                ))
            );
            if !may_not_have_arrived {
                let _ = self
                    .key
                    .try_update_value(|key| *key = api::new_idempotency_key());
            }
            match answer {
                Ok(Acted::Applied(updated)) => {
                    drafts::clear_key(&draft_key);
                    let _ = self.on_done.try_run(Closed::Applied(updated));
                }
                // The outbox holds it now (with this key): the draft's job is done.
                Ok(Acted::Queued(shown)) => {
                    drafts::clear_key(&draft_key);
                    let _ = self.on_done.try_run(Closed::Queued(shown));
                }
                // Where the answer leaves the keyboard: the confirmation that had it is gone
                // (and a disabled submit button holds it no more).
                Err(ActionError::Invalid(errors)) => {
                    self.server_errors.try_set(errors);
                    self.step.try_set(Step::Editing);
                    focus_first_invalid();
                }
                Err(ActionError::Conflict(current)) => {
                    self.step.try_set(Step::Conflict(current));
                    focus_when_shown(".action-panel .conflict button");
                }
                Err(ActionError::Failed(error)) => {
                    self.failure.try_set(Some(error.to_string()));
                    self.step.try_set(Step::Editing);
                    refocus_if_lost(".action-panel button[type=\"submit\"]");
                }
            }
        });
    }

    /// The user closes the form without sending it.
    pub fn cancel(self) {
        self.on_done
            .run(Closed::Cancelled(self.base.get_untracked()));
    }

    /// After a conflict: apply the user's changes to the current version; fields the
    /// user did not change take the current values.
    pub fn reapply(self, current: Referral) {
        let now = (self.fresh)(&current);
        let rebased = self
            .form
            .with_untracked(|form| form.rebased(&self.baseline.get_untracked(), &now));
        self.baseline.set(now);
        self.base.set(current);
        self.form.set(rebased);
        self.editing_again();
    }

    /// Back to the form on a newer version: a new submission, nothing left over from the
    /// last one, and focus where the form begins (the conflict box that had it is gone).
    fn editing_again(self) {
        self.key.set_value(api::new_idempotency_key());
        self.server_errors.set(FieldErrors::new());
        self.failure.set(None);
        self.step.set(Step::Editing);
        focus_when_shown(".action-panel h2");
    }

    /// After a conflict: drop what was typed. The form starts again on the current
    /// version if the action is still possible, else it closes on the referral as it is.
    pub fn discard(self, current: Referral, still_possible: bool) {
        self.draft.clear();
        if still_possible {
            let now = (self.fresh)(&current);
            self.baseline.set(now.clone());
            self.form.set(now);
            self.base.set(current);
            // A fresh form: its checks wait until the user leaves a field or submits.
            self.checked.set(false);
            self.left.set(BTreeSet::new());
            self.editing_again();
        } else {
            self.on_done.run(Closed::Discarded(current));
        }
    }
}

/// What follows an irreversible action's form: why sending failed, the last question
/// (`question`, answered "Yes, <action>"), or the conflict view.
#[component]
pub fn ConfirmAndSend<F>(run: ActionRun<F>, question: String) -> impl IntoView
where
    F: ActionForm,
{
    let step = run.step;
    let yes = StoredValue::new(confirmation(run.action));
    let question = StoredValue::new(question);
    view! {
        {move || run.failure.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
        {move || match step.get() {
            Step::Editing => ().into_any(),
            Step::Confirming | Step::Sending => view! {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                    <p id="confirm-text">{question.get_value()}</p>
                    <div class="form-buttons">
                        <button type="button" disabled=move || step.get() == Step::Sending on:click=move |_| run.send()>
                            {move || if step.get() == Step::Sending { t("action-sending") } else { yes.get_value() }}
                        </button>
                        <button type="button" class="secondary" disabled=move || step.get() == Step::Sending on:click=move |_| {
                            step.set(Step::Editing);
                            focus_when_shown(".action-panel button[type=\"submit\"]");
                        }>
                            {t("action-go-back")}
                        </button>
                    </div>
                </div>
            }.into_any(),
            Step::Conflict(current) => view! { <ConflictNotice run current=*current/> }.into_any(),
        }}
    }
}

/// The button that answers an irreversible action's last question: "Yes, decline".
fn confirmation(action: Action) -> String {
    match action {
        Action::Accept => t("action-confirm-accept"),
        Action::Decline => t("action-confirm-decline"),
        Action::Edit => t("action-confirm-edit"),
        Action::AddTeamMember => t("action-confirm-add-team-member"),
        Action::Won => t("action-confirm-won"),
        Action::Lost => t("action-confirm-lost"),
    }
}

/// One field that differs between what the user typed and the referral as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The field's label, in the reader's words.
    pub field: String,
    pub yours: String,
    pub now: String,
}

/// The conflict view: what the referral is now (field by field against what the
/// user typed, when the form can tell), and the user's choice.
#[component]
pub fn ConflictNotice<F>(
    run: ActionRun<F>,
    current: Referral,
    /// The fields where the user's form and the current version differ.
    #[prop(optional)]
    compare: Option<Callback<Referral, Vec<Difference>>>,
) -> impl IntoView
where
    F: ActionForm,
{
    let differences = compare
        .map(|compare| compare.run(current.clone()))
        .unwrap_or_default();
    // What the person may do is asked afresh of the current version: the colleague's
    // change may have ended the action (declined, expired) or taken them off the team.
    let me = Session::current().me_untracked();
    let member = me.as_ref().map(Me::member);
    let still_possible = member.is_some_and(|member| {
        member
            .permitted_actions(&current, Clock::current().now())
            .contains(&run.action)
    });
    // Why not, when not: the person's role or team, else the referral's new state.
    let action = value("Action", run.action.as_str());
    let why_not = (!still_possible).then(|| {
        member
            .and_then(|member| crate::i18n::refusal_in_words(member, &current))
            .unwrap_or_else(|| {
                t_with(
                    "action-no-longer-applies",
                    &[("action", Arg::Text(&action))],
                )
            })
    });
    let changed = t_with(
        "action-conflict",
        &[
            (
                "status",
                Arg::Text(&crate::i18n::status_in_words(
                    current.status,
                    current.substatus,
                )),
            ),
            (
                "updated",
                Arg::Text(&format::date_time(current.updated_date_time)),
            ),
        ],
    );
    let reapply = t_with("action-reapply", &[("action", Arg::Text(&action))]);
    let current = StoredValue::new(current);
    view! {
        <div class="conflict" role="alert">
            <p>{changed}</p>
            {(!differences.is_empty()).then(|| view! {
                <table class="differences">
                    <caption>{t("action-differences-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("action-differences-field")}</th>
                            <th scope="col">{t("action-differences-yours")}</th>
                            <th scope="col">{t("action-differences-now")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {differences.into_iter().map(|d| view! {
                            <tr><th scope="row">{d.field}</th><td>{d.yours}</td><td>{d.now}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {why_not.map(|why| view! { <p>{why}</p> })}
            <p>{t("action-typed-kept")}</p>
            <div class="form-buttons">
                {still_possible.then(|| view! {
                    <button type="button" on:click=move |_| run.reapply(current.get_value())>
                        {reapply}
                    </button>
                })}
                <button type="button" class="secondary" on:click=move |_| run.discard(current.get_value(), still_possible)>
                    {t("action-discard-changes")}
                </button>
            </div>
        </div>
    }
}

/// The form's fields bound to the run: values, messages, and which were left.
pub fn bound<F: ActionForm>(run: ActionRun<F>, errors: Memo<FieldErrors>) -> Bound<F> {
    Bound {
        form: run.form,
        error: Callback::new(move |field: String| run.error_for(errors, &field)),
        leave: Callback::new(move |field: String| run.leave(&field)),
        disabled: Signal::derive(move || run.step.get() != Step::Editing),
    }
}

/// Shows every problem at once, or sends (Accept and Edit can be changed later: no confirmation).
pub fn submit<F>(event: leptos::ev::SubmitEvent, run: ActionRun<F>, errors: Memo<FieldErrors>)
where
    F: ActionForm,
{
    event.prevent_default();
    run.checked.set(true);
    run.server_errors.set(FieldErrors::new());
    if errors.with_untracked(FieldErrors::is_empty) {
        run.send();
    } else {
        focus_first_invalid();
    }
}

/// Moves focus to the first field with a problem, so keyboard and screen-reader users land on it.
pub fn focus_first_invalid() {
    focus_when_shown(".action-panel [aria-invalid=\"true\"]");
}

#[component]
pub fn Buttons<F>(run: ActionRun<F>, label: String) -> impl IntoView
where
    F: ActionForm,
{
    let sending = move || run.step.get() == Step::Sending;
    let label = StoredValue::new(label);
    move || {
        matches!(run.step.get(), Step::Editing | Step::Sending).then(|| {
            view! {
                <div class="form-buttons">
                    <button type="submit" disabled=sending>
                        {move || if sending() { t("action-saving") } else { label.get_value() }}
                    </button>
                    <button type="button" class="secondary" disabled=sending on:click=move |_| run.cancel()>
                        {t("action-cancel")}
                    </button>
                </div>
            }
        })
    }
}

/// A failed request's message, or the conflict view.
#[component]
pub fn Outcome<F>(
    run: ActionRun<F>,
    /// The fields where the form and the current version differ, for the conflict view.
    #[prop(optional)]
    compare: Option<Callback<Referral, Vec<Difference>>>,
) -> impl IntoView
where
    F: ActionForm,
{
    view! {
        {move || run.failure.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
        {move || match run.step.get() {
            Step::Conflict(current) => match compare {
                Some(compare) => view! { <ConflictNotice run current=*current compare/> }.into_any(),
                None => view! { <ConflictNotice run current=*current/> }.into_any(),
            },
            _ => ().into_any(),
        }}
    }
}
