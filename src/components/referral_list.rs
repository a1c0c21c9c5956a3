//! A list view: heading, tabs, search, sort, filters (the state lives in the URL),
//! export, and the windowed table. On a phone the sort sits in the filter sheet.

mod csv_export;

use std::sync::Arc;

use domain::filter::SortDirection;
use domain::i18n::Arg;
use domain::referral::Category;
use domain::{Filter, FilterError, SortKey};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::api::{ApiError, Session};
use crate::components::{
    AfterPaint, FilterChips, FilterPanel, ReferralTable, ShortcutsButton, matches_media, page_title,
};
use crate::i18n::{t, t_with, value};
use crate::listing::Listing;
use crate::store::Referrals;

use csv_export::ExportButton;

/// The stylesheet's phone width (`style/main.css`, "max-width: 640px"): below it the
/// sort control moves from above the list into the filter sheet.
const PHONE: &str = "(max-width: 640px)";

/// What the list can show right now.
#[derive(Debug, Clone, PartialEq)]
enum ListState {
    Loading,
    Failed(ApiError),
    /// The link's query string names a filter value that does not exist.
    BadLink(FilterError),
    /// Nothing passes the filter; `filtered`: because of a filter or search.
    Empty {
        filtered: bool,
    },
    /// The table, for as long as the filter stays: changes to the referrals update its rows.
    Table(Filter),
}

/// The referrals of a listing, narrowed and ordered by the filter in the URL.
#[component]
pub fn ReferralList(
    /// Which referrals to list.
    listing: Listing,
) -> impl IntoView {
    let store = Referrals::current();
    let session = expect_context::<Session>();
    page_title(move || listing.label());
    let location = use_location();
    let navigate = use_navigate();
    // Every filter change is a new history entry: Back undoes it, a reload keeps it.
    let set_filter = Callback::new(move |filter: Filter| {
        navigate(
            &listing.href(&filter),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    });
    let url_filter = Memo::new(move |_| Filter::from_query_string(&location.search.get()));
    let filter = Memo::new(move |_| url_filter.get().map(|url| listing.effective(&url)));
    // The positions in the store of the referrals shown, in order; `None` until filled.
    let shown = Memo::new(move |_| {
        let filter = filter.get().ok()?;
        store.with_snapshot(|snapshot| {
            Arc::new(listing.positions(snapshot, &filter, || store.favorites().get()))
        })
    });
    let state = Memo::new(move |_| {
        let filter = match filter.get() {
            Ok(filter) => filter,
            Err(error) => return ListState::BadLink(error),
        };
        match shown.with(|shown| shown.as_ref().map(|positions| positions.is_empty())) {
            None => match store.fill_error() {
                Some(error) => ListState::Failed(error),
                None => ListState::Loading,
            },
            Some(true) => ListState::Empty {
                filtered: !filter.is_empty(),
            },
            Some(false) => ListState::Table(filter),
        }
    });
    let positions = Signal::derive(move || shown.get().unwrap_or_default());
    // One memo for the view to read: a view that read `state` and `shown` side by side
    // could miss a change of `shown` that `state` had already taken in.
    let result_count = Memo::new(move |_| match state.get() {
        ListState::Table(_) | ListState::Empty { .. } => {
            let count = positions.with(|p| p.len()) as i64;
            t_with("list-count", &[("count", Arg::Count(count))])
        }
        ListState::Loading => t("list-loading"),
        _ => String::new(),
    });
    let current = Signal::derive(move || filter.get().unwrap_or_default());
    let panel_open = RwSignal::new(false);
    let may_export = move || session.me().is_some_and(|me| me.role.may_export());
    let phone = matches_media(PHONE);
    view! {
        <section class="page list-page" aria-labelledby="page-heading">
            <header class="list-header">
                <h1 id="page-heading">{listing.label()}</h1>
                <div class="list-actions">
                    <button
                        type="button"
                        class="secondary filters-toggle"
                        aria-controls="filter-panel"
                        aria-expanded=move || panel_open.get().to_string()
                        on:click=move |_| panel_open.update(|open| *open = !*open)
                    >
                        {move || {
                            let count = current.get().active_chips().len() as i64;
                            t_with("filter-toggle", &[("count", Arg::Count(count))])
                        }}
                    </button>
                    {move || may_export().then(|| view! { <ExportButton listing current/> })}
                    <ShortcutsButton/>
                </div>
            </header>
            <p class="list-intro">{listing.intro()}</p>
            {listing.has_tabs().then(|| view! { <CategoryTabs listing current/> })}
            <SearchBox current set_filter/>
            <div class="list-layout">
                // A closed sheet on a phone, a column beside the list at a desk: its many
                // fields are not what the first frame is waited on for.
                <AfterPaint>
                    <FilterPanel listing current set_filter open=panel_open>
                        {move || phone.get().then(|| view! { <SortControl current set_filter/> })}
                    </FilterPanel>
                </AfterPaint>
                <div class="list-body">
                    <div class="list-toolbar">
                        <p class="result-count" role="status">{move || result_count.get()}</p>
                        {move || (!phone.get()).then(|| view! { <SortControl current set_filter/> })}
                    </div>
                    <FilterChips current set_filter/>
                    {move || match state.get() {
                        ListState::Loading => view! { <LoadingRows/> }.into_any(),
                        ListState::Failed(error) => view! {
                            <div class="error-panel" role="alert">
                                <p>{error.to_string()}</p>
                                <button type="button" on:click=move |_| store.sync_now()>{t("list-retry")}</button>
                            </div>
                        }.into_any(),
                        ListState::BadLink(error) => view! {
                            <div class="error-panel" role="alert">
                                <p>{t_with("list-bad-link", &[("error", Arg::Text(&crate::i18n::explained(&error.explanation(), None)))])}</p>
                                <a href=listing.path()>{t_with("list-show-all", &[("list", Arg::Text(&listing.label()))])}</a>
                            </div>
                        }.into_any(),
                        ListState::Empty { filtered } => view! {
                            <p class="empty">{listing.empty_message(filtered)}</p>
                        }.into_any(),
                        ListState::Table(filter) => view! {
                            <ReferralTable listing positions filter/>
                        }.into_any(),
                    }}
                </div>
            </div>
        </section>
    }
}

/// "Marketplace leads" and "Qualified leads" within a stage, with their counts.
#[component]
fn CategoryTabs(listing: Listing, current: Signal<Filter>) -> impl IntoView {
    let store = Referrals::current();
    let Listing::Stage(stage) = listing else {
        return None;
    };
    let count = move |category: Category| {
        store.with_snapshot(|snapshot| {
            snapshot
                .referrals()
                .iter()
                .filter(|r| r.stage() == stage && r.category() == category)
                .count()
        })
    };
    let tab = move |category: Category| {
        let href = move || {
            listing.href(&Filter {
                category: Some(category),
                ..current.get()
            })
        };
        let selected = move || current.get().category == Some(category);
        view! {
            <a
                href=href
                class="tab"
                aria-current=move || selected().then_some("page")
            >
                {value("Category", category.as_str())}
                {move || count(category).map(|n| view! { <span class="count">{n}</span> })}
            </a>
        }
    };
    Some(view! {
        <nav class="category-tabs" aria-label=t("list-categories")>
            {tab(Category::Marketplace)}
            {tab(Category::Qualified)}
        </nav>
    })
}

/// Free-text search over customer, deal name, contacts and notes; applied on Enter.
#[component]
fn SearchBox(current: Signal<Filter>, set_filter: Callback<Filter>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    // Back/forward and chip removal change the search: the box follows the URL.
    // Only the search itself: ticking a filter must not wipe what is typed but not yet sent.
    let search = Memo::new(move |_| current.get().search);
    Effect::new(move |_| {
        let search = search.get();
        if let Some(input) = input.get()
            && input.value() != search
        {
            input.set_value(&search);
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(input) = input.get_untracked() else {
            return;
        };
        let search = input.value().trim().to_owned();
        let filter = current.get_untracked();
        if filter.search != search {
            set_filter.run(Filter { search, ..filter });
        }
    };
    view! {
        <form class="search-box" role="search" on:submit=submit>
            <label for="list-search">{t("list-search-label")}</label>
            <input
                id="list-search"
                type="search"
                name="q"
                node_ref=input
                placeholder=t("list-search-placeholder")
                prop:value=move || current.get_untracked().search
            />
            <button type="submit">{t("list-search-button")}</button>
        </form>
    }
}

/// The sort key and direction (the domain's sort keys).
#[component]
fn SortControl(current: Signal<Filter>, set_filter: Callback<Filter>) -> impl IntoView {
    let on_key = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        if let Ok(sort) = value.parse::<SortKey>() {
            set_filter.run(Filter {
                sort,
                ..current.get_untracked()
            });
        }
    };
    let on_direction = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        if let Ok(direction) = value.parse::<SortDirection>() {
            set_filter.run(Filter {
                direction,
                ..current.get_untracked()
            });
        }
    };
    view! {
        <div class="sort-control">
            <label for="sort-key">{t("list-sort-by")}</label>
            <select id="sort-key" on:change=on_key>
                {SortKey::ALL.into_iter().map(|key| view! {
                    <option value=key.as_str() prop:selected=move || current.get().sort == key>{value("SortKey", key.as_str())}</option>
                }).collect_view()}
            </select>
            <label for="sort-direction" class="visually-hidden">{t("list-sort-order")}</label>
            <select id="sort-direction" on:change=on_direction>
                <option value="desc" prop:selected=move || current.get().direction == SortDirection::Desc>{t("list-sort-descending")}</option>
                <option value="asc" prop:selected=move || current.get().direction == SortDirection::Asc>{t("list-sort-ascending")}</option>
            </select>
        </div>
    }
}

/// Grey placeholder rows while the first load runs.
#[component]
fn LoadingRows() -> impl IntoView {
    view! {
        <div class="skeleton" aria-hidden="true">
            {(0..6).map(|_| view! { <div class="skeleton-row"></div> }).collect_view()}
        </div>
    }
}
