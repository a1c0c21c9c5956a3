//! Each organisation's referral list as the filters and sorts see it, kept in memory
//! and brought up to date from the change feed, so a list page never reads, parses or
//! clones the whole organisation.
//!
//! Per organisation: one [`ListEntry`] per referral (the domain's compact row: filter
//! fields, folded search text, sort keys), the full order for each sort key and
//! direction asked for so far, each user's hearts, and the last few filters' answers.
//! Every request first learns the feed's head (read with its session, or by one
//! primary-key probe); when it moved, only the referrals and hearts written since are
//! read. So a change made through another server sharing the database is in the next
//! answer too. Answers are cached by feed position: any change makes them stale, never
//! wrong.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use domain::filter::{ListEntry, PageEnd, compare_entries};
use domain::{Filter, Referral, SortDirection, SortKey};
use futures_util::TryStreamExt as _;

use crate::db::{self, DbError, Pool};

mod rendered;

use rendered::Rendered;

/// Filter answers kept per organisation; the oldest go first beyond that.
const KEPT_ANSWERS: usize = 64;
/// Beyond this many referrals changed at once, the kept orders are sorted afresh
/// (when next asked for) rather than mended.
const MENDED_AT_MOST: usize = 2_000;

/// Where an entry lives in its organisation's list; stays put while the server runs.
type Slot = u32;

/// Every organisation's list, as far as it was asked for.
#[derive(Default)]
pub struct Listings {
    organisations: Mutex<HashMap<String, Arc<OrganisationList>>>,
}

/// One organisation's list.
#[derive(Default)]
struct OrganisationList {
    /// One reader of the feed at a time: concurrent requests wait for its result.
    refreshing: tokio::sync::Mutex<()>,
    list: RwLock<List>,
    answers: Mutex<Answers>,
    rendered: Rendered,
}

struct List {
    /// The feed position the entries are up to date with (at least).
    position: i64,
    entries: Vec<ListEntry>,
    /// Each entry's stored version, to tell a page's referral read later from this one.
    versions: Vec<i64>,
    slots: HashMap<Box<str>, Slot>,
    /// Every slot in list order, per sort key and direction asked for so far.
    orders: HashMap<(SortKey, SortDirection), Vec<Slot>>,
    /// Each user's hearts, as slots, with the feed position they are up to date with.
    favorites: HashMap<String, (i64, HashSet<Slot>)>,
}

impl Default for List {
    fn default() -> Self {
        List {
            // Below every change number: the first refresh reads every referral.
            position: -1,
            entries: Vec::new(),
            versions: Vec::new(),
            slots: HashMap::new(),
            orders: HashMap::new(),
            favorites: HashMap::new(),
        }
    }
}

/// Filter answers: the matching slots in list order, keyed by the filter's query
/// string (with sort). Favorites-only answers are not kept (see `select`).
#[derive(Default)]
struct Answers {
    kept: HashMap<AnswerKey, (i64, Arc<Vec<Slot>>)>,
    /// Keys in the order they were computed, oldest first.
    age: std::collections::VecDeque<AnswerKey>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct AnswerKey {
    query: String,
}

/// What one list request selects.
pub struct Query<'a> {
    pub filter: &'a Filter,
    pub user_id: &'a str,
    pub favorites_only: bool,
    /// The previous page's cursor: where it ended (see `PageEnd`).
    pub after: Option<&'a str>,
    pub limit: usize,
    /// The feed's head as this request already read it (with its session), if it did:
    /// the first attempt then reads no head of its own.
    pub head: Option<i64>,
}

/// One page of the list.
pub struct Page {
    /// How many referrals match, on all pages.
    pub total: usize,
    /// The page's referrals as this user sees them, in list order: a JSON array.
    pub json: Vec<u8>,
    /// The next page's cursor: where this one ended.
    pub next: Option<String>,
    /// Whether more pages follow.
    pub more: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error(transparent)]
    Database(#[from] DbError),
    /// The cursor is none this list handed out (or names, as cursors did before they held
    /// their place, a referral that is not, or no longer, in the list).
    #[error("the page cursor is not one of this list's")]
    UnknownCursor,
}

impl From<sqlx::Error> for ListError {
    fn from(error: sqlx::Error) -> Self {
        ListError::Database(error.into())
    }
}

/// How often a page is read again when a referral changed between the list's
/// position and the page's read (a change committed meanwhile).
const PAGE_ATTEMPTS: usize = 3;

impl Listings {
    /// One page of the organisation's list as it is stored now.
    pub async fn page(
        &self,
        pool: &Pool,
        organisation_id: &str,
        query: &Query<'_>,
    ) -> Result<Page, ListError> {
        let organisation = self.organisation(organisation_id);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let head = match query.head.filter(|_| attempt == 1) {
                Some(head) => head,
                None => {
                    let mut conn = pool.acquire().await?;
                    db::feed::last_change(&mut conn, organisation_id)
                        .await?
                        .unwrap_or_default()
                }
            };
            organisation
                .bring_up_to(pool, organisation_id, query.user_id, head)
                .await?;
            let (total, described, more, next) = organisation.select(query)?;
            let mut parts: Vec<Option<Arc<[u8]>>> = described
                .iter()
                .map(|(id, version, favorite)| organisation.rendered.json(id, *version, *favorite))
                .collect();
            let missing: Vec<&str> = described
                .iter()
                .zip(&parts)
                .filter(|(_, part)| part.is_none())
                .map(|((id, _, _), _)| &**id)
                .collect();
            let mut current = true;
            if !missing.is_empty() {
                let mut conn = pool.acquire().await?;
                let mut found: HashMap<String, Referral> =
                    db::referrals::find_many(&mut conn, organisation_id, &missing)
                        .await?
                        .into_iter()
                        .map(|referral| (referral.id.clone(), referral))
                        .collect();
                for ((id, version, favorite), part) in described.iter().zip(&mut parts) {
                    if part.is_some() {
                        continue;
                    }
                    let referral = found.remove(&**id).ok_or_else(|| {
                        DbError::Corrupt(format!("listed referral {id:?} is not stored"))
                    })?;
                    let stored = db::referrals::version_of(&referral)?;
                    current &= stored == *version;
                    *part = Some(organisation.rendered.keep(referral, stored, *favorite));
                }
            }
            // A referral written after the list's position: its place may be stale, so
            // the feed is read again rather than answering with a mixture.
            if current || attempt == PAGE_ATTEMPTS {
                return Ok(Page {
                    total,
                    json: json_array(parts.into_iter().flatten()),
                    next,
                    more,
                });
            }
        }
    }

    /// One referral as the user sees it (its JSON) and its version, from the
    /// organisation's list: `None` when this server has not read that list yet (one
    /// referral is not worth reading the whole organisation for), or when the list cannot
    /// answer at once (the referral is not in it, or it changed since the feed's head).
    /// The caller then reads it from the database.
    pub async fn referral(
        &self,
        pool: &Pool,
        organisation_id: &str,
        user_id: &str,
        id: &str,
        head: i64,
    ) -> Result<Option<(Arc<[u8]>, i64)>, ListError> {
        let Some(organisation) = lock(&self.organisations)
            .get(organisation_id)
            .filter(|organisation| organisation.read().position >= 0)
            .cloned()
        else {
            return Ok(None);
        };
        organisation
            .bring_up_to(pool, organisation_id, user_id, head)
            .await?;
        let (version, favorite) = {
            let list = organisation.read();
            let Some(slot) = list.slot(id) else {
                return Ok(None);
            };
            (
                list.versions[slot as usize],
                list.is_favorite(user_id, slot),
            )
        };
        if let Some(json) = organisation.rendered.json(id, version, favorite) {
            return Ok(Some((json, version)));
        }
        let referral = {
            let mut conn = pool.acquire().await?;
            db::referrals::find_many(&mut conn, organisation_id, &[id]).await?
        };
        let Some(referral) = referral.into_iter().next() else {
            return Ok(None);
        };
        if db::referrals::version_of(&referral)? != version {
            return Ok(None);
        }
        Ok(Some((
            organisation.rendered.keep(referral, version, favorite),
            version,
        )))
    }

    fn organisation(&self, organisation_id: &str) -> Arc<OrganisationList> {
        lock(&self.organisations)
            .entry(organisation_id.to_owned())
            .or_default()
            .clone()
    }
}

impl OrganisationList {
    /// Reads what was written after the list's position, if the feed's head is past it,
    /// and the user's hearts likewise.
    async fn bring_up_to(
        &self,
        pool: &Pool,
        organisation_id: &str,
        user_id: &str,
        head: i64,
    ) -> Result<(), ListError> {
        if self.is_up_to(user_id, head) {
            return Ok(());
        }
        let _refreshing = self.refreshing.lock().await;
        // Only now: a request waiting for another's refresh must not hold one of the
        // pool's few connections meanwhile (every other request needs them).
        let mut conn = pool.acquire().await?;
        let conn = &mut *conn;
        // Another request may have read it while this one waited.
        let position = self.read().position;
        if position < head {
            // Worked out before taking the lock, so readers go on meanwhile.
            let written: Vec<(ListEntry, i64)> =
                db::referrals::written_after(conn, organisation_id, position)
                    .map_ok(|referral| {
                        let version = db::referrals::version_of(&referral);
                        // The list shows what a user is shown: withheld contacts are not searched.
                        (ListEntry::of(&referral.redacted()), version)
                    })
                    .try_collect::<Vec<_>>()
                    .await?
                    .into_iter()
                    .map(|(entry, version)| version.map(|version| (entry, version)))
                    .collect::<Result<_, _>>()?;
            self.write().apply(written, head);
        }
        let hearts_position = self.read().favorites.get(user_id).map(|(at, _)| *at);
        let hearts = match hearts_position {
            Some(at) if at >= head => return Ok(()),
            Some(at) => Hearts::Changed(db::favorites::changed_after(conn, user_id, at).await?),
            None => Hearts::All(db::favorites::referral_ids(conn, user_id).await?),
        };
        self.write().set_favorites(user_id, hearts, head);
        Ok(())
    }

    fn is_up_to(&self, user_id: &str, head: i64) -> bool {
        let list = self.read();
        list.position >= head
            && list
                .favorites
                .get(user_id)
                .is_some_and(|(at, _)| *at >= head)
    }

    /// The number matching, one page (each referral's id, version and heart), whether
    /// more follow, and the cursor of the next: all read under one lock, so a refresh
    /// meanwhile cannot mix two states.
    fn select(
        &self,
        query: &Query<'_>,
    ) -> Result<(usize, Vec<Described>, bool, Option<String>), ListError> {
        let (sort, direction) = (query.filter.sort, query.filter.direction);
        self.ensure_order(sort, direction);
        let list = self.read();
        let matching = if query.favorites_only {
            // Not kept: a user's hearts change without the list's position moving
            // (another request may have moved it first), so a kept answer could be stale.
            Arc::new(list.matching(query))
        } else {
            let key = AnswerKey {
                query: query.filter.to_query_string(),
            };
            let kept = lock(&self.answers)
                .kept
                .get(&key)
                .filter(|(position, _)| *position == list.position)
                .map(|(_, answer)| answer.clone());
            match kept {
                Some(answer) => answer,
                None => {
                    let answer = Arc::new(list.matching(query));
                    lock(&self.answers).keep(key, list.position, answer.clone());
                    answer
                }
            }
        };
        let start = match query.after {
            None => 0,
            // Keyset paging: continue after the place the last page ended at, whatever
            // happened to its last referral since (changed, gone from the filter).
            Some(after) => match PageEnd::from_cursor(after, sort, direction) {
                Some(end) => {
                    matching.partition_point(|slot| !end.is_before(&list.entries[*slot as usize]))
                }
                None => self.legacy_start(&list, query, &matching, after)?,
            },
        };
        let end = (start + query.limit).min(matching.len());
        let next = end
            .checked_sub(1)
            .filter(|last| *last >= start)
            .map(|last| {
                PageEnd::at(&list.entries[matching[last] as usize], sort, direction).to_cursor()
            });
        Ok((
            matching.len(),
            list.described(query.user_id, &matching[start..end]),
            end < matching.len(),
            next,
        ))
    }

    /// Where a cursor handed out before cursors held their place starts (a referral's id):
    /// after where that referral sorts now, even if it no longer matches the filter.
    fn legacy_start(
        &self,
        list: &List,
        query: &Query<'_>,
        matching: &[Slot],
        after: &str,
    ) -> Result<usize, ListError> {
        let (sort, direction) = (query.filter.sort, query.filter.direction);
        let anchor = list
            .slot(after)
            .filter(|slot| !query.favorites_only || list.is_favorite(query.user_id, *slot))
            .ok_or(ListError::UnknownCursor)?;
        let anchor = &list.entries[anchor as usize];
        Ok(matching.partition_point(|slot| {
            compare_entries(sort, direction, &list.entries[*slot as usize], anchor).is_le()
        }))
    }

    /// Sorts every slot by a key and direction the first time they are asked for.
    fn ensure_order(&self, sort: SortKey, direction: SortDirection) {
        if self.read().orders.contains_key(&(sort, direction)) {
            return;
        }
        let mut list = self.write();
        if !list.orders.contains_key(&(sort, direction)) {
            let order = list.sorted(sort, direction);
            list.orders.insert((sort, direction), order);
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, List> {
        // A panic while holding the lock leaves a list that is still whole.
        self.list
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, List> {
        self.list
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Two lists, each sorted by `compare`, as one sorted list.
fn merge(
    kept: Vec<Slot>,
    incoming: Vec<Slot>,
    compare: impl Fn(&Slot, &Slot) -> std::cmp::Ordering,
) -> Vec<Slot> {
    let mut merged = Vec::with_capacity(kept.len() + incoming.len());
    let mut incoming = incoming.into_iter().peekable();
    for slot in kept {
        while let Some(next) = incoming.next_if(|next| compare(next, &slot).is_lt()) {
            merged.push(next);
        }
        merged.push(slot);
    }
    merged.extend(incoming);
    merged
}

/// A user's hearts as read from the database.
enum Hearts {
    All(HashSet<String>),
    Changed(Vec<(String, bool)>),
}

/// A page's referral: its id, its version as listed, and whether the user hearted it.
type Described = (Box<str>, i64, bool);

impl List {
    fn slot(&self, id: &str) -> Option<Slot> {
        self.slots.get(id).copied()
    }

    fn described(&self, user_id: &str, slots: &[Slot]) -> Vec<Described> {
        slots
            .iter()
            .map(|slot| {
                (
                    Box::from(self.entries[*slot as usize].id()),
                    self.versions[*slot as usize],
                    self.is_favorite(user_id, *slot),
                )
            })
            .collect()
    }

    fn is_favorite(&self, user_id: &str, slot: Slot) -> bool {
        self.favorites
            .get(user_id)
            .is_some_and(|(_, hearts)| hearts.contains(&slot))
    }

    /// Takes in the referrals written since the position, now at `head` (at least).
    fn apply(&mut self, written: Vec<(ListEntry, i64)>, head: i64) {
        let mend = written.len() <= MENDED_AT_MOST;
        if !mend {
            self.orders.clear();
        }
        let mut changed: Vec<Slot> = Vec::with_capacity(written.len());
        for (entry, version) in written {
            match self.slots.get(entry.id()) {
                Some(&slot) => {
                    // Read twice (its newer change came meanwhile): the newest version wins.
                    if self.versions[slot as usize] <= version {
                        self.entries[slot as usize] = entry;
                        self.versions[slot as usize] = version;
                        changed.push(slot);
                    }
                }
                None => {
                    let slot =
                        Slot::try_from(self.entries.len()).expect("fewer than 2^32 referrals");
                    self.slots.insert(entry.id().into(), slot);
                    self.entries.push(entry);
                    self.versions.push(version);
                    changed.push(slot);
                }
            }
        }
        if !changed.is_empty() {
            let moved: HashSet<Slot> = changed.iter().copied().collect();
            let entries = &self.entries;
            for ((sort, direction), order) in &mut self.orders {
                let compare = |a: &Slot, b: &Slot| {
                    compare_entries(
                        *sort,
                        *direction,
                        &entries[*a as usize],
                        &entries[*b as usize],
                    )
                };
                // Out of the order where they were, sorted among themselves, then merged
                // in one pass: a large change costs one walk of the order, not one
                // shift of it per referral.
                order.retain(|slot| !moved.contains(slot));
                let mut incoming: Vec<Slot> = moved.iter().copied().collect();
                incoming.sort_unstable_by(compare);
                *order = merge(std::mem::take(order), incoming, compare);
            }
        }
        self.position = self.position.max(head);
    }

    fn set_favorites(&mut self, user_id: &str, hearts: Hearts, head: i64) {
        let slots = match hearts {
            Hearts::All(ids) => ids.iter().filter_map(|id| self.slot(id)).collect(),
            Hearts::Changed(changes) => {
                let mut slots = self
                    .favorites
                    .remove(user_id)
                    .map(|(_, slots)| slots)
                    .unwrap_or_default();
                for (id, favorite) in changes {
                    let Some(slot) = self.slot(&id) else { continue };
                    if favorite {
                        slots.insert(slot);
                    } else {
                        slots.remove(&slot);
                    }
                }
                slots
            }
        };
        self.favorites.insert(user_id.to_owned(), (head, slots));
    }

    fn sorted(&self, sort: SortKey, direction: SortDirection) -> Vec<Slot> {
        let mut order: Vec<Slot> = (0..self.entries.len() as Slot).collect();
        order.sort_unstable_by(|a, b| {
            compare_entries(
                sort,
                direction,
                &self.entries[*a as usize],
                &self.entries[*b as usize],
            )
        });
        order
    }

    /// The slots the query's filter matches, in its order (which must be kept).
    fn matching(&self, query: &Query<'_>) -> Vec<Slot> {
        let key = (query.filter.sort, query.filter.direction);
        // Kept unless a large change cleared the orders since `ensure_order`.
        let sorted;
        let order = match self.orders.get(&key) {
            Some(order) => order,
            None => {
                sorted = self.sorted(key.0, key.1);
                &sorted
            }
        };
        let matcher = query.filter.entry_matcher();
        let hearts = query
            .favorites_only
            .then(|| self.favorites.get(query.user_id).map(|(_, hearts)| hearts));
        order
            .iter()
            .copied()
            .filter(|slot| match hearts {
                None => true,
                Some(hearts) => hearts.is_some_and(|hearts| hearts.contains(slot)),
            })
            .filter(|slot| matcher.matches(&self.entries[*slot as usize]))
            .collect()
    }
}

impl Answers {
    fn keep(&mut self, key: AnswerKey, position: i64, answer: Arc<Vec<Slot>>) {
        if self.kept.insert(key.clone(), (position, answer)).is_none() {
            self.age.push_back(key);
        }
        while self.age.len() > KEPT_ANSWERS {
            if let Some(oldest) = self.age.pop_front() {
                self.kept.remove(&oldest);
            }
        }
    }
}

/// `[a,b,…]`: the bytes `axum::Json` writes for a list of them.
fn json_array(parts: impl Iterator<Item = Arc<[u8]>>) -> Vec<u8> {
    let mut json = Vec::with_capacity(64 * 1024);
    json.push(b'[');
    for (n, part) in parts.enumerate() {
        if n > 0 {
            json.push(b',');
        }
        json.extend_from_slice(&part);
    }
    json.push(b']');
    json
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves a map that is still whole.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
