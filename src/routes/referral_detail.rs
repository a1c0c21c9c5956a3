//! `/referrals/:id`: everything about one lead, grouped, with the flame alert and
//! the countdowns on top and previous/next through the list it was opened from.

use domain::i18n::Arg;
use domain::referral::{Actor, Category, Contact, StatusChange};
use domain::{Action, Filter, Flame, Referral, Stage};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use crate::api::{self, ApiError, Session};
use crate::clock::Clock;
use crate::components::{
    AcceptAction, Closed, CopyButton, EditAction, EmailValidityBadge, FlameIcon, Heart,
    PendingChanges, PhoneValidityBadge, ReasonAction, SpamFlag, TeamMemberAction, WonAction,
    focus_when_shown, open_requested_action, page_title, refocus_heading_if_lost,
};
use crate::format;
use crate::i18n::{t, t_with, value};
use crate::listing::{Listing, stage_label};
use crate::store::outbox::Pending;
use crate::store::{Referrals, is_older};

/// One referral's page. It opens on the store's copy at once and asks the server for
/// the current version in the background; the store keeps it live from then on.
#[component]
pub fn ReferralDetailView() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.get().get("id").unwrap_or_default());
    let store = Referrals::current();
    // The store may not hold it yet (a link opened before the first fill is in), or may be
    // a moment behind; its answer goes into the store too, so lists and counts agree.
    let fetched = LocalResource::new(move || {
        let id = id.get();
        async move { api::referral(&id).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(referral)) = fetched.get() {
            store.seen(referral);
        }
    });
    // After an action, the referral as the server answered it (until another one is opened).
    let changed = RwSignal::new(None::<Referral>);
    let announcement = RwSignal::new(None::<String>);
    // An action form is open: the page stays on the version the form applies to (a
    // colleague's change meanwhile shows as a conflict when it is sent).
    let editing = RwSignal::new(false);
    Effect::new(move |_| {
        id.track();
        changed.set(None);
        announcement.set(None);
    });
    let on_changed = Callback::new(move |(updated, message): (Referral, Option<String>)| {
        // A queued action's referral is this device's view of it: the store holds it
        // already, over the server's version it keeps apart. A stopped change waiting for
        // the user is no queued one: the server's answer is stored.
        if !store
            .pending_on(&updated.id)
            .iter()
            .any(Pending::is_waiting)
        {
            store.seen(updated.clone());
            changed.set(Some(updated));
        } else {
            changed.set(None);
        }
        announcement.set(message);
    });
    // The newest version at hand: the store's, the server's answer, an action's answer.
    let newest = Memo::new(move |_| {
        let id = id.get();
        let fetched = fetched.get().and_then(Result::ok);
        [store.referral(&id), fetched, changed.get()]
            .into_iter()
            .flatten()
            .filter(|referral| referral.id == id)
            .reduce(|newest, other| {
                if is_older(&newest.e_tag, &other.e_tag) {
                    other
                } else {
                    newest
                }
            })
    });
    let shown_referral = Memo::new(move |previous: Option<&Option<Referral>>| {
        let editing = editing.get();
        let newest = newest.get();
        match previous {
            Some(Some(previous))
                if editing && newest.as_ref().is_some_and(|n| n.id == previous.id) =>
            {
                Some(previous.clone())
            }
            _ => newest,
        }
    });
    // Previous/Next reuse this view: until the next referral is in, it shows as loading,
    // never the previous one under the new address.
    let shown = move || match shown_referral.get() {
        Some(referral) => Some(Ok(referral)),
        None => fetched.get().filter(Result::is_err),
    };
    page_title(move || match shown() {
        Some(Ok(referral)) => referral.customer_profile.name,
        Some(Err(ApiError::Server { status: 404, .. })) => t("lead-not-found"),
        _ => t("lead-page-title"),
    });
    view! {
        <section class="page detail-page" aria-labelledby="page-heading">
            <p class="announcement" role="status">{move || announcement.get()}</p>
            {move || match shown() {
                None => view! {
                    <h1 id="page-heading">{t("lead-page-title")}</h1>
                    <p class="loading" role="status">{t("lead-loading")}</p>
                }.into_any(),
                Some(Err(ApiError::Server { status: 404, .. })) => view! {
                    <h1 id="page-heading">{t("lead-not-found")}</h1>
                    <p>{t("lead-not-found-detail")}</p>
                    <a href="/inbox">{t("lead-go-to-inbox")}</a>
                }.into_any(),
                Some(Err(error)) => view! {
                    <h1 id="page-heading">{t("lead-page-title")}</h1>
                    <div class="error-panel" role="alert">
                        <p>{error.to_string()}</p>
                        <button type="button" on:click=move |_| fetched.refetch()>{t("lead-retry")}</button>
                    </div>
                }.into_any(),
                Some(Ok(referral)) => view! { <Detail referral on_changed editing/> }.into_any(),
            }}
        </section>
    }
}

/// The list the page was opened from (or the referral's own stage), and where
/// this referral sits in it.
struct Place {
    listing: Listing,
    filter: Filter,
    previous: Option<String>,
    next: Option<String>,
    /// "3 of 42" in the list.
    position: Option<(usize, usize)>,
}

fn place_of(referral: &Referral, query: &str, store: Referrals) -> Place {
    let (listing, filter) = Listing::from_full_query(query)
        .ok()
        .flatten()
        .unwrap_or_else(|| Listing::own(referral));
    let mut place = Place {
        listing,
        filter,
        previous: None,
        next: None,
        position: None,
    };
    store.with_snapshot(|snapshot| {
        let positions = listing.positions(snapshot, &place.filter, || store.favorites().get());
        let referrals = snapshot.referrals();
        if let Some(at) = positions
            .iter()
            .position(|&p| referrals[p].id == referral.id)
        {
            let href = |p: usize| listing.detail_href(&referrals[p], &place.filter);
            place.previous = at.checked_sub(1).map(|before| href(positions[before]));
            place.next = positions.get(at + 1).map(|&after| href(after));
            place.position = Some((at + 1, positions.len()));
        }
    });
    place
}

#[component]
fn Detail(
    referral: Referral,
    /// An action changed the referral: its new state, and what to announce.
    on_changed: Callback<(Referral, Option<String>)>,
    /// Set while an action form is open.
    editing: RwSignal<bool>,
) -> impl IntoView {
    let clock = Clock::current();
    let store = Referrals::current();
    let location = use_location();
    let id = referral.id.clone();
    refocus_heading_if_lost();
    let place = {
        let referral = referral.clone();
        Memo::new(move |_| {
            let place = place_of(&referral, &location.search.get(), store);
            (
                place.listing.href(&place.filter),
                place.listing.label(),
                place.previous,
                place.next,
                place.position,
            )
        })
    };
    let flame = {
        let referral = referral.clone();
        move || referral.flame(clock.now())
    };
    // A stopped change asks for its form (the conflict view) from the pending list.
    let review = RwSignal::new(None::<Action>);
    let r = referral;
    // `a` or `d` in a list opened this page to answer it.
    open_requested_action(&r.id, review);
    view! {
        <nav class="detail-nav" aria-label=t("lead-navigation")>
            <a href=move || place.get().0>{move || t_with("lead-back-to", &[("list", Arg::Text(&place.get().1))])}</a>
            <span class="detail-steps">
                {move || place.get().4.map(|(at, of)| view! {
                    <span class="secondary">{t_with("lead-position", &[("position", Arg::Count(at as i64)), ("total", Arg::Count(of as i64))])}</span>
                })}
                {move || match place.get().2 {
                    Some(href) => view! { <a href=href rel="prev">{t("lead-previous")}</a> }.into_any(),
                    None => view! { <span class="secondary" aria-disabled="true">{t("lead-previous")}</span> }.into_any(),
                }}
                {move || match place.get().3 {
                    Some(href) => view! { <a href=href rel="next">{t("lead-next")}</a> }.into_any(),
                    None => view! { <span class="secondary" aria-disabled="true">{t("lead-next")}</span> }.into_any(),
                }}
            </span>
        </nav>
        <header class="detail-header">
            <div>
                <h1 id="page-heading">{r.customer_profile.name.clone()}</h1>
                <p class="detail-subtitle">
                    {r.name.clone()}
                    " · "
                    <span class="stage-badge">{stage_label(r.stage())}</span>
                    " · "
                    {crate::i18n::status_in_words(r.status, r.substatus)}
                </p>
            </div>
            <Heart referral_id=id/>
        </header>
        {move || flame_alert(flame())}
        <Countdowns referral=r.clone()/>
        <PendingChanges referral_id=r.id.clone() review/>
        <Actions referral=r.clone() on_changed editing review/>
        <div class="detail-grid">
            <ContactBlock referral=r.clone()/>
            <section class="detail-section" aria-labelledby="deal-heading">
                <h2 id="deal-heading">{t("lead-deal-heading")}</h2>
                <dl class="fields">
                    {field(t("lead-field-deal-name"), Some(r.name.clone()))}
                    {field(t("lead-field-estimated-value"), r.details.deal_value.map(|v| format::money(v, r.details.currency.as_deref())))}
                    {field(t("lead-field-currency"), r.details.currency.clone())}
                    {field(t("lead-field-closing-date"), r.details.closing_date_time.map(format::closing_day))}
                    {field(t("lead-field-contact-requested"), Some(yes_no(r.details.customer_requested_contact)))}
                    {field(t("lead-field-notes"), r.details.notes.clone())}
                    {field(t("lead-field-industries"), list(&r.details.requirements.industries))}
                    {field(t("lead-field-products"), list(&r.details.requirements.products))}
                    {field(t("lead-field-services"), list(&r.details.requirements.services))}
                    {field(t("lead-field-solutions"), list(&r.details.requirements.solutions))}
                    {field(t("lead-field-crm-id"), r.external_reference_id.clone())}
                    {field(t("lead-field-campaign-id"), r.campaign_id.clone())}
                </dl>
            </section>
            <section class="detail-section" aria-labelledby="customer-heading">
                <h2 id="customer-heading">{t("lead-customer-heading")}</h2>
                <dl class="fields">
                    {field(t("lead-field-company"), Some(r.customer_profile.name.clone()))}
                    {field(t("lead-field-company-size"), r.customer_profile.size.clone())}
                    {field(t("lead-field-address"), address(&r))}
                    {field(t("lead-field-country"), Some(country(&r.customer_profile.address.country)))}
                    {field(t("lead-field-region"), r.customer_profile.address.region.clone())}
                    {field(t("lead-field-consent-contact"), Some(yes_no(r.consent.consent_to_contact)))}
                    {field(t("lead-field-consent-share"), Some(yes_no(r.consent.consent_to_share_info_with_others)))}
                </dl>
            </section>
            <section class="detail-section" aria-labelledby="lead-heading">
                <h2 id="lead-heading">{t("lead-lead-heading")}</h2>
                <dl class="fields">
                    {field(t("lead-field-category"), Some(match r.category() { Category::Marketplace => t("lead-category-marketplace"), Category::Qualified => t("lead-category-qualified") }))}
                    {field(t("lead-field-qualification"), Some(value("Qualification", r.qualification.as_str())))}
                    {field(t("lead-field-lead-type"), r.lead_type.map(|v| value("LeadType", v.as_str())))}
                    {field(t("lead-field-lead-source"), r.lead_source.map(|v| value("LeadSource", v.as_str())))}
                    {field(t("lead-field-call-to-action"), r.call_to_action.map(|v| value("CallToAction", v.as_str())))}
                    {field(t("lead-field-offer"), offer(&r))}
                    {field(t("lead-field-lead-quality"), Some(value("LeadQuality", r.effective_quality().as_str())))}
                    {field(t("lead-field-referral-type"), Some(value("ReferralType", r.referral_type.as_str())))}
                    {field(t("lead-field-direction"), Some(value("Direction", r.direction.as_str())))}
                    {field(t("lead-field-target"), r.target.clone())}
                    {field(t("lead-field-invited-by"), r.invite_context.as_ref().and_then(|c| c.invited_by.clone()))}
                    {field(t("lead-field-invitation-notes"), r.invite_context.as_ref().and_then(|c| c.notes.clone()))}
                    {field(t("lead-field-referral-id"), Some(r.id.clone()))}
                    {field(t("lead-field-engagement-id"), r.engagement_id.clone())}
                </dl>
            </section>
            <section class="detail-section" aria-labelledby="status-heading">
                <h2 id="status-heading">{t("lead-status-heading")}</h2>
                <dl class="fields">
                    {field(t("lead-field-status"), Some(crate::i18n::status_in_words(r.status, r.substatus)))}
                    {field(t("lead-field-reason"), r.status_reason.as_deref().map(crate::i18n::reason_in_words))}
                    {field(t("lead-field-reason-notes"), r.status_reason_notes.clone())}
                    {field(t("lead-field-created"), Some(format::date_time(r.created_date_time)))}
                    {field(t("lead-field-updated"), Some(format::date_time(r.updated_date_time)))}
                    {field(t("lead-field-accepted"), r.accepted_date_time.map(format::date_time))}
                    {field(t("lead-field-closed"), r.closed_date_time.map(format::date_time))}
                    {field(t("lead-field-expires"), r.awaits_answer().then(|| format::date_time(r.expiration_date_time)))}
                </dl>
                <h3>{t("lead-team-heading")}</h3>
                {if r.team.is_empty() {
                    view! { <p class="secondary">{t("lead-team-empty")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="team">
                            {r.team.iter().map(|member| view! {
                                <li>{person(member)}{member.email.clone().map(|e| format!(" · {e}"))}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {r.deal_registration.as_ref().map(|registration| view! {
                    <h3>{t("lead-registration-heading")}</h3>
                    <dl class="fields">
                        {field(t("lead-field-registration-state"), Some(value("RegistrationState", registration.state.as_str())))}
                        {field(t("lead-field-registration-submitted"), Some(format::date_time(registration.submitted_date_time)))}
                        {field(t("lead-field-total-contract-value"), Some(format::money(registration.total_contract_value.amount, Some(registration.total_contract_value.currency.as_str()))))}
                        {field(t("lead-field-solution-value"), Some(format::money(registration.solution_value.amount, Some(registration.solution_value.currency.as_str()))))}
                        {field(t("lead-field-contract-signed"), Some(format::day(registration.contract_signed_date)))}
                        {field(t("lead-field-contract-start"), Some(format::day(registration.contract_start_date)))}
                        {field(t("lead-field-contract-end"), Some(registration.contract_end_date.map_or_else(|| t("lead-contract-perpetual"), format::day)))}
                    </dl>
                })}
            </section>
            <History created=r.created_date_time changes=r.status_history.clone()/>
        </div>
    }
}

/// The actions the signed-in user may take on the referral now, each opening its form.
/// They follow the user's role as it changes (a partner admin may change it meanwhile).
#[component]
fn Actions(
    referral: Referral,
    on_changed: Callback<(Referral, Option<String>)>,
    editing: RwSignal<bool>,
    /// Set to open an action's form from elsewhere on the page.
    review: RwSignal<Option<Action>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let clock = Clock::current();
    let open = RwSignal::new(None::<Action>);
    if referral.stage() == Stage::Archived {
        return view! {
            <p class="actions-note">{t("lead-archived-no-actions")}</p>
        }
        .into_any();
    }
    let referral = StoredValue::new(referral);
    let offered = Memo::new(move |_| {
        let me = session.me();
        let now = clock.now();
        me.map(|me| referral.with_value(|r| me.member().permitted_actions(r, now)))
            .unwrap_or_default()
    });
    let refusal = Memo::new(move |_| {
        session
            .me()
            .and_then(|me| referral.with_value(|r| crate::i18n::refusal_in_words(me.member(), r)))
    });
    // The page holds still while a form is open (see `ReferralDetailView`).
    let show_form = move |action: Option<Action>| {
        open.set(action);
        editing.set(action.is_some());
    };
    on_cleanup(move || editing.set(false));
    Effect::new(move |_| {
        if let Some(action) = review.get() {
            review.set(None);
            show_form(Some(action));
        }
    });
    let acted = StoredValue::new(false);
    let on_done = Callback::new(move |closed: Closed| {
        let (updated, message) = match closed {
            Closed::Applied(updated) => {
                let message = announcement(&updated);
                (updated, Some(message))
            }
            Closed::Queued(shown) => (shown, Some(queued_announcement(&open))),
            Closed::Discarded(current) => (current, Some(t("lead-changes-discarded"))),
            // Closed on the version the page shows: focus goes back to the form's button.
            Closed::Cancelled(seen) if referral.with_value(|r| r.e_tag == seen.e_tag) => {
                show_form(None);
                return;
            }
            // Closed after moving to a newer version (a conflict): the page shows that one,
            // so the next action is sent against it.
            Closed::Cancelled(newer) => (newer, None),
        };
        acted.set_value(true);
        show_form(None);
        on_changed.run((updated, message));
    });
    // Focus follows the form: into it when it opens, back to the button that opened it
    // when it is cancelled. After an action the page itself changes (see `Detail`).
    Effect::new(move |previous: Option<Option<Action>>| {
        let now = open.get();
        match (previous, now) {
            (Some(_), Some(_)) => focus_when_shown(".action-panel h2"),
            (Some(Some(closed)), None) if !acted.get_value() => focus_when_shown(format!(
                ".action-buttons button[data-action=\"{}\"]",
                closed.as_str()
            )),
            _ => {}
        }
        now
    });
    view! {
        <div class="actions">
            {move || refusal.get().map(|why| view! { <p class="actions-note">{why}</p> })}
            {move || open.get().is_none().then(|| view! {
                <div class="action-buttons">
                    {move || offered.get().into_iter().map(|action| view! {
                        <button type="button" class="secondary" data-action=action.as_str() on:click=move |_| show_form(Some(action))>
                            {value("Action", action.as_str())}
                        </button>
                    }).collect_view()}
                </div>
            })}
            {move || open.get().map(|action| action_form(action, referral.get_value(), on_done))}
        </div>
    }
    .into_any()
}

/// What the page says when the open form's action waits on this device to be sent.
fn queued_announcement(open: &RwSignal<Option<Action>>) -> String {
    match open.get_untracked() {
        Some(action) => t_with(
            "lead-queued-action",
            &[("action", Arg::Text(&value("Action", action.as_str())))],
        ),
        None => t("lead-queued-change"),
    }
}

/// The form of one action.
fn action_form(action: Action, referral: Referral, on_done: Callback<Closed>) -> AnyView {
    match action {
        Action::Accept => view! { <AcceptAction referral on_done/> }.into_any(),
        Action::Edit => view! { <EditAction referral on_done/> }.into_any(),
        Action::AddTeamMember => view! { <TeamMemberAction referral on_done/> }.into_any(),
        Action::Decline | Action::Lost => {
            view! { <ReasonAction action referral on_done/> }.into_any()
        }
        Action::Won => view! { <WonAction referral on_done/> }.into_any(),
    }
}

/// What the screen reader hears, and the page shows, once an action went through.
fn announcement(updated: &Referral) -> String {
    let customer = Arg::Text(&updated.customer_profile.name);
    match updated.stage() {
        Stage::Archived => t_with(
            "lead-announce-archived",
            &[
                (
                    "substatus",
                    Arg::Text(&value("Substatus", updated.substatus.as_str())),
                ),
                ("customer", customer),
            ],
        ),
        Stage::Accepted => t_with("lead-announce-accepted", &[("customer", customer)]),
        Stage::Inbox => t_with("lead-announce-saved", &[("customer", customer)]),
    }
}

/// The flame alert at the top of a lead whose customer asked to be contacted.
fn flame_alert(flame: Flame) -> Option<impl IntoView> {
    let (class, title, message) = match flame {
        Flame::None => return None,
        Flame::Hot => (
            "flame-alert flame-alert-hot",
            t("lead-flame-hot-title"),
            t("lead-flame-hot-message"),
        ),
        Flame::Cooled => (
            "flame-alert flame-alert-cooled",
            t("lead-flame-cooled-title"),
            t("lead-flame-cooled-message"),
        ),
    };
    Some(view! {
        <div class=class role="note" aria-label=t("lead-flame-alert")>
            <FlameIcon flame/>
            <p><strong>{title}</strong>" "{message}</p>
        </div>
    })
}

/// The 24-hour window and the expiry, ticking; or why no answer is needed.
#[component]
fn Countdowns(referral: Referral) -> impl IntoView {
    let clock = Clock::current();
    if let Some(archive) = referral.offer_archive_date() {
        return view! {
            <p class="countdowns info">
                {match referral.call_to_action {
                    Some(call) => t_with("lead-informational", &[
                        ("callToAction", Arg::Text(&value("CallToAction", call.as_str()))),
                        ("date", Arg::Text(&format::date(archive))),
                    ]),
                    None => t_with("lead-informational-offer", &[("date", Arg::Text(&format::date(archive)))]),
                }}
            </p>
        }
        .into_any();
    }
    if !referral.awaits_answer() {
        return ().into_any();
    }
    let referral = StoredValue::new(referral);
    let window = move || referral.with_value(|r| r.response_window(clock.now()));
    let expiry = move || referral.with_value(|r| r.expiry(clock.now()));
    view! {
        <dl class="countdowns">
            <div class:urgent=move || window().is_some_and(|c| c.is_overdue())>
                <dt>{t("lead-response-window")}</dt>
                <dd>{move || window().map(format::response_window)}</dd>
            </div>
            <div>
                <dt>{t("lead-expiry")}</dt>
                <dd>{move || expiry().map(format::expiry)}</dd>
            </div>
        </dl>
    }
    .into_any()
}

/// The customer's contacts with validity, quick copy and the spam warning; none once Expired.
#[component]
fn ContactBlock(referral: Referral) -> impl IntoView {
    let contacts = if !referral.shows_contact_information() {
        view! { <p class="secondary">{t("lead-contact-hidden-expired")}</p> }.into_any()
    } else if referral.customer_profile.team.is_empty() {
        view! { <p class="secondary">{t("lead-contact-none")}</p> }.into_any()
    } else {
        view! {
            <ul class="contacts">
                {referral.customer_profile.team.iter().map(contact).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="detail-section contact-block" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t("lead-contact-heading")}</h2>
            {referral.has_spam_contact().then(|| view! {
                <p class="spam-warning" role="note">
                    <SpamFlag/>
                    " "
                    {t("lead-spam-warning")}
                </p>
            })}
            {contacts}
            <p class="fine-print">{t("lead-contact-fine-print")}</p>
        </section>
    }
}

fn contact(contact: &Contact) -> impl IntoView {
    view! {
        <li class="contact">
            <p class="contact-name">{person(contact)}</p>
            {contact.email.clone().map(|email| view! {
                <p class="contact-line">
                    <a href=format!("mailto:{email}") class="contact-email">{email.clone()}</a>
                    <EmailValidityBadge validity=contact.email_validity/>
                    <CopyButton text=email label=t("lead-copy-email") copied=t("lead-copied-email") failed=t("lead-copy-email-failed")/>
                </p>
            })}
            {contact.phone_number.clone().map(|phone| view! {
                <p class="contact-line">
                    <a href=format!("tel:{phone}") class="contact-phone">{phone.clone()}</a>
                    <PhoneValidityBadge validity=contact.phone_validity/>
                    <CopyButton text=phone label=t("lead-copy-phone") copied=t("lead-copied-phone") failed=t("lead-copy-phone-failed")/>
                </p>
            })}
        </li>
    }
}

/// When the referral arrived, then every status change, oldest first.
#[component]
fn History(created: chrono::DateTime<chrono::Utc>, changes: Vec<StatusChange>) -> impl IntoView {
    view! {
        <section class="detail-section history" aria-labelledby="history-heading">
            <h2 id="history-heading">{t("lead-history-heading")}</h2>
            <ol>
                <li>
                    <time datetime=created.to_rfc3339()>{format::date_time(created)}</time>
                    " — "
                    {t("lead-history-received")}
                </li>
                {changes.into_iter().map(|change| {
                    let by = match change.by {
                        Actor::User { name, .. } => name,
                        Actor::System => t("lead-history-by-system"),
                    };
                    let status = crate::i18n::status_in_words(change.status, change.substatus);
                    let text = match change.reason {
                        Some(reason) => t_with("lead-history-change-with-reason", &[
                            ("status", Arg::Text(&status)),
                            ("reason", Arg::Text(&crate::i18n::reason_in_words(&reason))),
                        ]),
                        None => status,
                    };
                    view! {
                        <li>
                            <time datetime=change.at.to_rfc3339()>{format::date_time(change.at)}</time>
                            " — "
                            {text}
                            <span class="secondary">" "{t_with("lead-history-by", &[("name", Arg::Text(&by))])}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// One label and its value; a missing value says so rather than leaving a gap.
fn field(label: String, value: Option<String>) -> impl IntoView {
    let value = value.filter(|v| !v.trim().is_empty());
    let missing = value.is_none();
    view! {
        <div class="field-row">
            <dt>{label}</dt>
            <dd class:secondary=missing>{value.unwrap_or_else(|| t("lead-not-given"))}</dd>
        </div>
    }
}

fn yes_no(answer: bool) -> String {
    if answer { t("lead-yes") } else { t("lead-no") }
}

fn list(values: &[String]) -> Option<String> {
    (!values.is_empty()).then(|| values.join(", "))
}

fn person(contact: &Contact) -> String {
    format!("{} {}", contact.first_name, contact.last_name)
        .trim()
        .to_owned()
}

fn country(code: &str) -> String {
    match domain::values::CountryCode::parse("country", code) {
        Ok(country) => format::country(country),
        Err(_) => code.to_owned(),
    }
}

fn offer(referral: &Referral) -> Option<String> {
    match (&referral.offer_name, &referral.offer_id) {
        (Some(name), Some(id)) => Some(t_with(
            "lead-offer-name-id",
            &[("name", Arg::Text(name)), ("id", Arg::Text(id))],
        )),
        (Some(name), None) => Some(name.clone()),
        (None, id) => id.clone(),
    }
}

fn address(referral: &Referral) -> Option<String> {
    let a = &referral.customer_profile.address;
    let parts: Vec<&str> = [
        a.address_line1.as_deref(),
        a.address_line2.as_deref(),
        a.postal_code.as_deref(),
        a.city.as_deref(),
        a.state.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.trim().is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
