//! `/settings/business-profiles`: partner admins and business profile admins list the
//! organisation's business profiles (one per region), add one, edit one in place and
//! delete one after confirming. The form checks itself with the domain's own rules as the
//! user leaves each field and on saving, shows the server's messages next to the same
//! fields, and keeps everything typed whatever the answer; a profile a colleague changed
//! meanwhile offers their version or saving over it.

use domain::business_profile::{keywords_from_text, keywords_to_text};
use domain::i18n::Arg;
use domain::values::CountryCode;
use domain::{
    BusinessProfileDraft, CompanySize, FieldErrors, LocationDraft, Region, StoredBusinessProfile,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ActionError, Session};
use crate::components::form_fields::{Bound, input, select};
use crate::components::{focus_when_shown, page_title};
use crate::format;
use crate::i18n::{api_error, explained, field_error, t, t_with, value};

/// The business profiles page; only roles that may edit profiles get past its first line.
#[component]
pub fn BusinessProfilesView() -> impl IntoView {
    page_title(|| t("profiles-title"));
    let session = Session::current();
    // A memo: the session is told of every account change (a language saved in the
    // background), and redrawing the page would lose a form being typed in.
    let refusal = Memo::new(move |_| {
        session
            .me()
            .and_then(|me| me.member().business_profile_refusal())
    });
    view! {
        <section class="page settings-page" aria-labelledby="page-heading">
            <h1 id="page-heading">{t("profiles-title")}</h1>
            <p class="settings-intro">{t("profiles-intro")}</p>
            {move || match refusal.get() {
                None => view! { <Profiles/> }.into_any(),
                Some(refusal) => view! {
                    <p class="error-panel" role="alert">{explained(&refusal.explanation(), None)}</p>
                }.into_any(),
            }}
        </section>
    }
}

/// What the page is editing, if anything.
#[derive(Debug, Clone, PartialEq)]
enum Editing {
    Nothing,
    New,
    /// The profile with this id.
    Existing(String),
}

/// The list, the form for a new profile, and each profile (or its form, when edited).
#[component]
fn Profiles() -> impl IntoView {
    // Bumped after every change, so the list is read again.
    let version = RwSignal::new(0u32);
    let profiles = LocalResource::new(move || {
        version.track();
        api::business_profiles()
    });
    let editing = RwSignal::new(Editing::Nothing);
    let notice = RwSignal::new(None::<String>);
    let done = Callback::new(move |said: Option<String>| {
        editing.set(Editing::Nothing);
        if said.is_some() {
            notice.set(said);
            version.update(|n| *n += 1);
        }
        focus_when_shown("#page-heading");
    });
    // Untracked: a form open for a new profile is not drawn again (and emptied) when the
    // list is read again.
    let taken = move || -> Vec<Region> {
        profiles
            .get_untracked()
            .and_then(Result::ok)
            .map(|list| list.iter().map(|p| p.profile.region).collect())
            .unwrap_or_default()
    };
    // Made once for the whole list: a card's delete may answer after its card was drawn
    // again (Add or Edit pressed meanwhile), and must still say so and read the list again.
    let deleted = Callback::new(move |said: String| {
        notice.set(Some(said));
        version.update(|n| *n += 1);
    });
    view! {
        <p class="settings-notice" role="status">{move || notice.get()}</p>
        {move || match editing.get() {
            Editing::New => view! {
                <ProfileForm existing=None taken=taken() on_done=done/>
            }.into_any(),
            // One form at a time: another would drop what is typed in the open one.
            Editing::Existing(_) => ().into_any(),
            Editing::Nothing if profiles.get().and_then(Result::ok).is_some_and(|list| list.len() == Region::ALL.len()) => view! {
                <p class="field-hint">{t("profiles-all-regions")}</p>
            }.into_any(),
            Editing::Nothing => view! {
                <button type="button" class="profile-add" on:click=move |_| {
                    notice.set(None);
                    editing.set(Editing::New);
                }>{t("profile-add")}</button>
            }.into_any(),
        }}
        {move || match profiles.get() {
            None => view! { <p role="status">{t("profiles-loading")}</p> }.into_any(),
            Some(Err(error)) => view! {
                <p class="error-panel" role="alert">{t("profiles-load-failed")}" "{api_error(&error)}</p>
            }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{t("profiles-empty")}</p> }.into_any(),
            Some(Ok(list)) => {
                let regions: Vec<Region> = list.iter().map(|p| p.profile.region).collect();
                view! {
                    <ul class="profile-list">
                        {list.into_iter().map(|stored| {
                            let others: Vec<Region> = regions.iter().copied().filter(|r| *r != stored.profile.region).collect();
                            let id = stored.id.clone();
                            view! {
                                <li class="profile">
                                    {move || if editing.get() == Editing::Existing(id.clone()) {
                                        view! { <ProfileForm existing=Some(stored.clone()) taken=others.clone() on_done=done/> }.into_any()
                                    } else {
                                        let edit = Callback::new({
                                            let id = stored.id.clone();
                                            move |_| { notice.set(None); editing.set(Editing::Existing(id.clone())); }
                                        });
                                        let locked = Signal::derive(move || editing.get() != Editing::Nothing);
                                        view! { <ProfileCard stored=stored.clone() edit deleted locked/> }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
    }
}

/// A profile as read: its region, locations with contacts, keywords and sizes; Edit, and
/// Delete after confirming.
#[component]
fn ProfileCard(
    /// The profile as stored.
    stored: StoredBusinessProfile,
    /// Opens the profile's form.
    edit: Callback<()>,
    /// Told what to announce once the profile is deleted, or found changed by someone
    /// else (the list is read again either way).
    deleted: Callback<String>,
    /// Another profile's form is open: editing or deleting this one waits.
    locked: Signal<bool>,
) -> impl IntoView {
    let region = value("Region", stored.profile.region.as_str());
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let target = StoredValue::new((stored.id.clone(), stored.e_tag.clone(), region.clone()));
    let delete = move |_| {
        let (id, e_tag, region) = target.get_value();
        busy.set(true);
        spawn_local(async move {
            match api::delete_business_profile(&id, &e_tag).await {
                Ok(()) => deleted.run(t_with("profile-deleted", &[("region", Arg::Text(&region))])),
                // Shown as it is now, so the user decides again on what they see.
                Err(ActionError::Conflict(_)) => deleted.run(t_with(
                    "profile-delete-conflict",
                    &[("region", Arg::Text(&region))],
                )),
                Err(error) => {
                    let _ = failure.try_set(Some(error.to_string()));
                    let _ = busy.try_set(false);
                }
            }
        });
    };
    let heading_id = format!("profile-{}", stored.profile.region.as_str());
    let labelled_by = heading_id.clone();
    let profile = stored.profile;
    let keywords = if profile.keywords.is_empty() {
        t("profile-no-keywords")
    } else {
        keywords_to_text(&profile.keywords)
    };
    let sizes = if profile.preferred_company_sizes.is_empty() {
        t("profile-no-sizes")
    } else {
        profile
            .preferred_company_sizes
            .iter()
            .map(|size| value("CompanySize", size.as_str()))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! {
        <article class="profile-card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{region.clone()}</h2>
            <ol class="profile-locations">
                {profile.locations.into_iter().enumerate().map(|(at, location)| {
                    let place = match &location.city {
                        Some(city) => format!("{}, {city}", format::country(location.country)),
                        None => format::country(location.country),
                    };
                    let contact = location.contact;
                    view! {
                        <li>
                            <span class="profile-place">{place}</span>
                            {(at == 0).then(|| view! { <span class="badge">{t("profile-location-main")}</span> })}
                            <span class="profile-contact">
                                {contact.name.as_str().to_owned()}" · "
                                <a href=format!("mailto:{}", contact.email.as_str())>{contact.email.as_str().to_owned()}</a>
                                {contact.phone.map(|phone| view! { " · "<a href=format!("tel:{}", phone.as_str())>{phone.as_str().to_owned()}</a> })}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <dl class="profile-facts">
                <div class="field-row"><dt>{t("profile-keywords")}</dt><dd>{keywords}</dd></div>
                <div class="field-row"><dt>{t("profile-sizes")}</dt><dd>{sizes}</dd></div>
            </dl>
            <p class="field-hint">{t_with("profile-updated-on", &[("date", Arg::Text(&format::date(stored.updated_at)))])}</p>
            {move || if confirming.get() {
                view! {
                    <div class="confirm" role="group">
                        <p>{t_with("profile-delete-confirm", &[("region", Arg::Text(&target.get_value().2))])}</p>
                        <div class="form-buttons">
                            <button type="button" class="danger" disabled=busy on:click=delete>{t("profile-delete-yes")}</button>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{t("profile-delete-no")}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="form-buttons">
                        <button type="button" disabled=locked on:click=move |_| edit.run(())>{t("profile-edit")}</button>
                        <button type="button" class="secondary" disabled=locked on:click=move |_| confirming.set(true)>{t("profile-delete")}</button>
                    </div>
                }.into_any()
            }}
            {move || failure.get().map(|error| view! { <p class="error-panel" role="alert">{error}</p> })}
        </article>
    }
}

/// The form's state: the draft as typed, with the keywords as one line of text.
#[derive(Debug, Clone, Default, PartialEq)]
struct ProfileForm {
    draft: BusinessProfileDraft,
    keywords: String,
}

impl ProfileForm {
    /// A new profile: one empty location to fill in.
    fn fresh() -> Self {
        ProfileForm {
            draft: BusinessProfileDraft {
                locations: vec![LocationDraft::default()],
                ..BusinessProfileDraft::default()
            },
            keywords: String::new(),
        }
    }

    fn of(stored: &StoredBusinessProfile) -> Self {
        ProfileForm {
            draft: stored.profile.to_draft(),
            keywords: keywords_to_text(&stored.profile.keywords),
        }
    }

    /// What is sent: the draft with the keywords split.
    fn to_send(&self) -> BusinessProfileDraft {
        BusinessProfileDraft {
            keywords: keywords_from_text(&self.keywords),
            ..self.draft.clone()
        }
    }

    fn location(&self, at: usize) -> LocationDraft {
        self.draft.locations.get(at).cloned().unwrap_or_default()
    }

    fn location_mut(&mut self, at: usize) -> Option<&mut LocationDraft> {
        self.draft.locations.get_mut(at)
    }
}

/// The messages of the form: the domain's own check (once a field was left or the form
/// submitted), else the server's.
#[derive(Clone, Copy)]
struct Checks {
    own: Memo<FieldErrors>,
    server: RwSignal<FieldErrors>,
    checked: RwSignal<bool>,
    left: RwSignal<std::collections::BTreeSet<String>>,
}

impl Checks {
    /// The messages for the fields whose path is `field` or starts with `field[`
    /// (`keywords` covers `keywords[3]`), joined.
    fn message(self, field: &str, with_items: bool) -> Option<String> {
        let matches =
            |path: &str| path == field || (with_items && path.starts_with(&format!("{field}[")));
        let words = |errors: &FieldErrors| -> Vec<String> {
            errors
                .0
                .iter()
                .filter(|e| matches(&e.field))
                .map(field_error)
                .collect()
        };
        let shown = self.checked.get() || self.left.with(|left| left.contains(field));
        let own = if shown {
            self.own.with(words)
        } else {
            Vec::new()
        };
        let said = if own.is_empty() {
            self.server.with(words)
        } else {
            own
        };
        (!said.is_empty()).then(|| said.join(" "))
    }

    fn leave(self, field: String) {
        if !self.left.with_untracked(|left| left.contains(&field)) {
            self.left.update(|left| {
                left.insert(field);
            });
        }
    }
}

/// The form for a new profile (`existing` is `None`) or for changing one.
#[component]
fn ProfileForm(
    /// The profile as stored, when it is changed.
    existing: Option<StoredBusinessProfile>,
    /// The regions other profiles cover (not offered for this one).
    taken: Vec<Region>,
    /// Told what to announce once saved; `None` when the user cancels.
    on_done: Callback<Option<String>>,
) -> impl IntoView {
    let form = RwSignal::new(
        existing
            .as_ref()
            .map_or_else(ProfileForm::fresh, ProfileForm::of),
    );
    // The version the form changes: a colleague's newer one replaces it only when asked.
    let base = RwSignal::new(existing);
    // The button that opened the form is gone: the keyboard starts at the form's heading.
    focus_when_shown("#profile-form-heading");
    let conflict = RwSignal::new(None::<StoredBusinessProfile>);
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let checks = Checks {
        own: Memo::new(move |_| form.with(|f| f.to_send().validate().err().unwrap_or_default())),
        server: RwSignal::new(FieldErrors::new()),
        checked: RwSignal::new(false),
        left: RwSignal::new(Default::default()),
    };
    let bound = Bound {
        form,
        error: Callback::new(move |field: String| checks.message(&field, false)),
        leave: Callback::new(move |field: String| checks.leave(field)),
        disabled: Signal::derive(move || sending.get()),
    };
    let heading = move || match base.get() {
        None => t("profile-new-heading"),
        Some(stored) => t_with(
            "profile-edit-heading",
            &[(
                "region",
                Arg::Text(&value("Region", stored.profile.region.as_str())),
            )],
        ),
    };
    let send = move || {
        checks.checked.set(true);
        checks.server.set(FieldErrors::new());
        failure.set(None);
        if !checks.own.with_untracked(FieldErrors::is_empty) {
            focus_when_shown(".profile-form [aria-invalid=\"true\"]");
            return;
        }
        let draft = form.with_untracked(ProfileForm::to_send);
        let existing = base.with_untracked(|b| b.as_ref().map(|s| (s.id.clone(), s.e_tag.clone())));
        sending.set(true);
        spawn_local(async move {
            let answer = api::save_business_profile(
                existing
                    .as_ref()
                    .map(|(id, e_tag)| (id.as_str(), e_tag.as_str())),
                &draft,
            )
            .await;
            let _ = sending.try_set(false);
            match answer {
                Ok(stored) => {
                    let region = value("Region", stored.profile.region.as_str());
                    on_done.run(Some(t_with(
                        "profile-saved",
                        &[("region", Arg::Text(&region))],
                    )));
                }
                Err(ActionError::Invalid(errors)) => {
                    let _ = checks.server.try_set(errors);
                    focus_when_shown(".profile-form [aria-invalid=\"true\"]");
                }
                Err(ActionError::Conflict(current)) => {
                    let _ = conflict.try_set(Some(*current));
                    focus_when_shown(".profile-form .conflict button");
                }
                Err(ActionError::Failed(error)) => {
                    let _ = failure.try_set(Some(error.to_string()));
                }
            }
        });
    };
    let mut regions: Vec<Region> = Region::ALL.to_vec();
    regions.retain(|region| !taken.contains(region));
    let region_options: Vec<(String, String)> = regions
        .iter()
        .map(|r| (r.as_str().to_owned(), value("Region", r.as_str())))
        .collect();
    // Rows are drawn again only when their number or the region (their countries) changes.
    let shape =
        Memo::new(move |_| form.with(|f| (f.draft.locations.len(), f.draft.region.clone())));
    let add = move |_| form.update(|f| f.draft.locations.push(LocationDraft::default()));
    view! {
        <section class="action-panel profile-form" aria-labelledby="profile-form-heading">
            <h2 id="profile-form-heading">{heading}</h2>
            <form novalidate on:submit=move |event| { event.prevent_default(); send(); }>
                {select(bound, "profile-region", t("profile-region"), t("profile-region-choose"), region_options,
                    "region", |f: &ProfileForm| f.draft.region.clone(), |f: &mut ProfileForm, v| f.draft.region = v)}
                <fieldset class="profile-locations-editor">
                    <legend>{t("profile-locations")}</legend>
                    <p class="field-hint">{t("profile-locations-hint")}</p>
                    <p id="profile-locations-error" class="field-error" role="alert">{move || checks.message("locations", false)}</p>
                    {move || {
                        let (count, region) = shape.get();
                        let region = region.trim().parse::<Region>().ok();
                        (0..count).map(|at| location_row(bound, checks, at, region)).collect_view()
                    }}
                    <button type="button" class="secondary" on:click=add disabled=move || sending.get()>
                        {t("profile-location-add")}
                    </button>
                </fieldset>
                <div class="field">
                    <label for="profile-keywords">{t("profile-keywords")}</label>
                    <input
                        id="profile-keywords"
                        type="text"
                        autocomplete="off"
                        aria-describedby="profile-keywords-hint profile-keywords-error"
                        aria-invalid=move || checks.message("keywords", true).is_some().to_string()
                        prop:value=move || form.with(|f| f.keywords.clone())
                        on:input=move |event| form.update(|f| f.keywords = event_target_value(&event))
                        on:blur=move |_| checks.leave("keywords".to_owned())
                        disabled=move || sending.get()
                    />
                    <p id="profile-keywords-hint" class="field-hint">{t("profile-keywords-hint")}</p>
                    <p id="profile-keywords-error" class="field-error">{move || checks.message("keywords", true)}</p>
                </div>
                <fieldset class="choice-group">
                    <legend>{t("profile-sizes")}</legend>
                    <div class="choices">
                        {CompanySize::ALL.iter().map(|size| {
                            let size = size.as_str();
                            let checked = move || form.with(|f| f.draft.preferred_company_sizes.iter().any(|s| s == size));
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=checked
                                        disabled=move || sending.get()
                                        on:change=move |event| {
                                            let on = event_target_checked(&event);
                                            form.update(|f| {
                                                let sizes = &mut f.draft.preferred_company_sizes;
                                                sizes.retain(|s| s != size);
                                                if on {
                                                    sizes.push(size.to_owned());
                                                }
                                            });
                                        }
                                    />
                                    {value("CompanySize", size)}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    <p class="field-error">{move || checks.message("preferredCompanySizes", true)}</p>
                </fieldset>
                {move || conflict.get().map(|current| {
                    let theirs = current.clone();
                    view! {
                        <div class="conflict" role="alert">
                            <p>{t("profile-conflict")}</p>
                            <div class="form-buttons">
                                <button type="button" on:click=move |_| {
                                    form.set(ProfileForm::of(&theirs));
                                    base.set(Some(theirs.clone()));
                                    conflict.set(None);
                                    checks.server.set(FieldErrors::new());
                                }>{t("profile-conflict-load")}</button>
                                <button type="button" class="secondary" on:click=move |_| {
                                    base.set(Some(current.clone()));
                                    conflict.set(None);
                                    send();
                                }>{t("profile-conflict-overwrite")}</button>
                            </div>
                        </div>
                    }
                })}
                {move || failure.get().map(|error| view! { <p class="error-panel" role="alert">{error}</p> })}
                <div class="form-buttons">
                    <button type="submit" disabled=move || sending.get() || conflict.with(Option::is_some)>
                        {move || if sending.get() { t("profile-saving") } else { t("profile-save") }}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| on_done.run(None)>{t("profile-cancel")}</button>
                </div>
            </form>
        </section>
    }
}

/// One location's fields: country (of the region), city and the contact.
fn location_row(
    bound: Bound<ProfileForm>,
    checks: Checks,
    at: usize,
    region: Option<Region>,
) -> impl IntoView {
    let path = move |field: &str| format!("locations[{at}].{field}");
    let id = move |what: &str| format!("location-{at}-{what}");
    let number = [("number", Arg::Count(at as i64 + 1))];
    let form = bound.form;
    let typed = form.with_untracked(|f| f.location(at).country.trim().to_ascii_uppercase());
    let mut countries: Vec<CountryCode> =
        region.map(|r| r.countries().collect()).unwrap_or_default();
    // A country typed before the region changed stays shown, so its message makes sense.
    if let Ok(code) = CountryCode::parse("country", &typed)
        && !countries.contains(&code)
    {
        countries.push(code);
    }
    let mut options: Vec<(String, String)> = countries
        .into_iter()
        .map(|code| (code.as_str().to_owned(), format::country(code)))
        .collect();
    options.sort_by(|a, b| a.1.cmp(&b.1));
    let remove = move |_| {
        form.update(|f| {
            if at < f.draft.locations.len() {
                f.draft.locations.remove(at);
            }
        });
        checks
            .left
            .update(|left| left.retain(|field| !field.starts_with("locations[")));
    };
    view! {
        <div class="profile-location" role="group" aria-label=t_with("profile-location-heading", &number)>
            <h3>
                {t_with("profile-location-heading", &number)}
                {(at == 0).then(|| view! { " " <span class="badge">{t("profile-location-main")}</span> })}
            </h3>
            <div class="field-pair">
                {select(bound, id("country"), t("profile-country"), t("profile-country-choose"), options, path("country"),
                    move |f: &ProfileForm| f.location(at).country.trim().to_ascii_uppercase(),
                    move |f: &mut ProfileForm, v| if let Some(l) = f.location_mut(at) { l.country = v })}
                {location_input(bound, at, Typed::City, t("profile-city"), "text")}
            </div>
            {location_input(bound, at, Typed::ContactName, t("profile-contact-name"), "text")}
            <div class="field-pair">
                {location_input(bound, at, Typed::ContactEmail, t("profile-contact-email"), "email")}
                {location_input(bound, at, Typed::ContactPhone, t("profile-contact-phone"), "tel")}
            </div>
            <button type="button" class="link-button" on:click=remove disabled=move || bound.disabled.get()>
                {t_with("profile-location-remove", &number)}
            </button>
        </div>
    }
}

/// A location's typed fields.
#[derive(Debug, Clone, Copy)]
enum Typed {
    City,
    ContactName,
    ContactEmail,
    ContactPhone,
}

impl Typed {
    /// The field's API path below `locations[i]`, and its element id's last part.
    fn path(self) -> (&'static str, &'static str) {
        match self {
            Typed::City => ("city", "city"),
            Typed::ContactName => ("contact.name", "name"),
            Typed::ContactEmail => ("contact.email", "email"),
            Typed::ContactPhone => ("contact.phone", "phone"),
        }
    }

    fn get(self, location: LocationDraft) -> String {
        match self {
            Typed::City => location.city.unwrap_or_default(),
            Typed::ContactName => location.contact.name,
            Typed::ContactEmail => location.contact.email,
            Typed::ContactPhone => location.contact.phone.unwrap_or_default(),
        }
    }

    fn set(self, location: &mut LocationDraft, typed: String) {
        match self {
            Typed::City => location.city = Some(typed),
            Typed::ContactName => location.contact.name = typed,
            Typed::ContactEmail => location.contact.email = typed,
            Typed::ContactPhone => location.contact.phone = Some(typed),
        }
    }
}

/// One typed field of location `at`: one input function for all of them, which keeps
/// the app small (each distinct pair of closures would be a copy of it).
fn location_input(
    bound: Bound<ProfileForm>,
    at: usize,
    which: Typed,
    label: String,
    kind: &'static str,
) -> impl IntoView {
    let (path, id) = which.path();
    input(
        bound,
        format!("location-{at}-{id}"),
        label,
        kind,
        format!("locations[{at}].{path}"),
        move |f: &ProfileForm| which.get(f.location(at)),
        move |f: &mut ProfileForm, typed| {
            if let Some(location) = f.location_mut(at) {
                which.set(location, typed);
            }
        },
    )
}
