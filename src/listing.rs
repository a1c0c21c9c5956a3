//! Which list a view shows and how its filter is written into URLs.
//!
//! The list's path says the stage (`/inbox`); its query string holds the rest of
//! the domain `Filter` (tab, filters, search, sort), so a filtered view is a link.
//! The detail page and the export get the whole filter, stage included, so they
//! work on exactly the list the user was looking at.

use std::collections::HashSet;

use domain::filter::{percent_encode, query_pairs};
use domain::referral::Category;
use domain::{Filter, FilterError, Referral, Stage};

use crate::i18n::{t, value};
use crate::store::Snapshot;

/// The query parameter that narrows a list to the user's favorites (the server reads it too).
const FAVORITES_ONLY: (&str, &str) = ("favorites", "only");

/// Which referrals a list view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// One stage's referrals (Inbox, Accepted, Archived), one tab at a time.
    Stage(Stage),
    /// The user's hearted referrals, of every stage and both tabs.
    Favorites,
}

impl Listing {
    /// The list's name, as its heading and navigation say it.
    pub fn label(self) -> String {
        match self {
            Listing::Stage(stage) => stage_label(stage),
            Listing::Favorites => t("list-favorites"),
        }
    }

    /// The list's own path.
    pub fn path(self) -> &'static str {
        match self {
            Listing::Stage(Stage::Inbox) => "/inbox",
            Listing::Stage(Stage::Accepted) => "/accepted",
            Listing::Stage(Stage::Archived) => "/archived",
            Listing::Favorites => "/favorites",
        }
    }

    /// Whether the list is split into the Marketplace and Qualified tabs.
    pub fn has_tabs(self) -> bool {
        matches!(self, Listing::Stage(_))
    }

    /// The filter the list applies: the URL's, with the stage of the path and, in a
    /// stage view, the Marketplace tab unless the URL asks for Qualified leads.
    pub fn effective(self, url: &Filter) -> Filter {
        match self {
            Listing::Stage(stage) => Filter {
                stage: Some(stage),
                category: Some(url.category.unwrap_or(Category::Marketplace)),
                ..url.clone()
            },
            Listing::Favorites => Filter {
                stage: None,
                ..url.clone()
            },
        }
    }

    /// The list's address for a filter, as the address bar shows it: the path says
    /// the stage, and the Marketplace tab is the default.
    pub fn href(self, filter: &Filter) -> String {
        let url = Filter {
            stage: None,
            category: filter.category.filter(|c| *c != Category::Marketplace),
            ..filter.clone()
        };
        with_query(self.path(), &url.to_query_string())
    }

    /// The whole list as one query: the effective filter, and `favorites=only` for
    /// the Favorites view. The export and the detail page's previous/next use it.
    pub fn full_query(self, filter: &Filter) -> String {
        let query = self.effective(filter).to_query_string();
        match self {
            Listing::Stage(_) => query,
            Listing::Favorites => {
                let only = format!("{}={}", FAVORITES_ONLY.0, FAVORITES_ONLY.1);
                if query.is_empty() {
                    only
                } else {
                    format!("{query}&{only}")
                }
            }
        }
    }

    /// Reads back what [`Listing::full_query`] wrote; `None` when the query names no list
    /// (a detail page opened from a bookmark).
    pub fn from_full_query(query: &str) -> Result<Option<(Listing, Filter)>, FilterError> {
        let filter = Filter::from_query_string(query)?;
        let favorites = query_pairs(query)
            .any(|(name, value)| name == FAVORITES_ONLY.0 && value == FAVORITES_ONLY.1);
        Ok(match (favorites, filter.stage) {
            (true, _) => Some((Listing::Favorites, filter)),
            (false, Some(stage)) => Some((Listing::Stage(stage), filter)),
            (false, None) => None,
        })
    }

    /// Positions in the snapshot of the referrals this list shows for `filter`, in order.
    /// `favorites` is only read by the Favorites view.
    pub fn positions(
        self,
        snapshot: &Snapshot,
        filter: &Filter,
        favorites: impl FnOnce() -> HashSet<String>,
    ) -> Vec<usize> {
        let mut positions = snapshot.positions(&self.effective(filter));
        if self == Listing::Favorites {
            let favorites = favorites();
            positions.retain(|&at| favorites.contains(&snapshot.referrals()[at].id));
        }
        positions
    }

    /// A lead's own list, for a page opened with no list (a bookmark, the palette, a
    /// notification): its stage's view, on the tab of its own category.
    pub fn own(referral: &Referral) -> (Listing, Filter) {
        (
            Listing::Stage(referral.stage()),
            Filter {
                category: Some(referral.category()),
                ..Filter::default()
            },
        )
    }

    /// The address of a referral's detail page, opened from this list.
    pub fn detail_href(self, referral: &Referral, filter: &Filter) -> String {
        with_query(
            &format!("/referrals/{}", percent_encode(&referral.id)),
            &self.full_query(filter),
        )
    }

    /// What the list holds and what to do with it, under its heading (index.html's first
    /// paint shows the same words before the app has arrived).
    pub fn intro(self) -> String {
        match self {
            Listing::Stage(Stage::Inbox) => t("list-intro-inbox"),
            Listing::Stage(Stage::Accepted) => t("list-intro-accepted"),
            Listing::Stage(Stage::Archived) => t("list-intro-archived"),
            Listing::Favorites => t("list-intro-favorites"),
        }
    }

    /// What the list says when nothing is in it.
    pub fn empty_message(self, filtered: bool) -> String {
        if filtered {
            return t("list-empty-filtered");
        }
        match self {
            Listing::Stage(Stage::Inbox) => t("list-empty-inbox"),
            Listing::Stage(Stage::Accepted) => t("list-empty-accepted"),
            Listing::Stage(Stage::Archived) => t("list-empty-archived"),
            Listing::Favorites => t("list-empty-favorites"),
        }
    }
}

/// A stage's name in words (`value-Stage-…`), as its view and navigation say it.
pub fn stage_label(stage: Stage) -> String {
    let api_value = match stage {
        Stage::Inbox => "Inbox",
        Stage::Accepted => "Accepted",
        Stage::Archived => "Archived",
    };
    value("Stage", api_value)
}

/// `path?query`, or just `path` when the query is empty.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::referral::LeadSource;

    fn filter(query: &str) -> Filter {
        Filter::from_query_string(query).unwrap()
    }

    #[test]
    fn a_stage_list_shows_marketplace_leads_unless_asked_for_qualified_ones() {
        let inbox = Listing::Stage(Stage::Inbox);
        let shown = inbox.effective(&filter(""));
        assert_eq!(shown.stage, Some(Stage::Inbox));
        assert_eq!(shown.category, Some(Category::Marketplace));
        assert_eq!(
            inbox.effective(&filter("category=Qualified")).category,
            Some(Category::Qualified)
        );
        assert_eq!(Listing::Favorites.effective(&filter("")).category, None);
    }

    #[test]
    fn the_address_bar_leaves_out_what_the_path_and_the_default_tab_say() {
        let inbox = Listing::Stage(Stage::Inbox);
        assert_eq!(inbox.href(&inbox.effective(&filter(""))), "/inbox");
        assert_eq!(
            inbox.href(&inbox.effective(&filter("stage=Archived&category=Qualified&country=DE"))),
            "/inbox?category=Qualified&country=DE"
        );
    }

    #[test]
    fn the_full_query_reads_back_as_the_same_list() {
        let mut favorites = filter("q=m%C3%BCller");
        favorites.lead_sources.insert(LeadSource::AppSource);
        for (listing, url) in [
            (
                Listing::Stage(Stage::Accepted),
                filter("country=DE&sort=dealValue"),
            ),
            (Listing::Favorites, favorites),
        ] {
            let (read, read_filter) = Listing::from_full_query(&listing.full_query(&url))
                .unwrap()
                .unwrap();
            assert_eq!(read, listing);
            assert_eq!(read_filter, listing.effective(&url));
        }
        assert_eq!(Listing::from_full_query("").unwrap(), None);
    }
}
