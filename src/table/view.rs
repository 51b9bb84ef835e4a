//! [`TableView`]: one open table's columns, order, restriction, cursor and
//! bookmarks over a [`RowSource`].

use std::collections::BTreeMap;

use super::compare::sort_order;
use super::restriction::{Restriction, RowValues};
use crate::mapi::{MapiError, MapiResult, MAPI_E_INVALID_BOOKMARK, ULONG, ULONG_PTR};
use crate::provider::{Notification, PropValue, Sink};

/// A row's identity in its source (stable while the row exists).
pub type RowId = u64;

/// Where the rows of a table come from: a folder's messages or
/// subfolders, a message's recipients or attachments...
pub trait RowSource: Send + Sync {
    /// Every row, in the source's natural order (ties in a sort keep it).
    fn row_ids(&self) -> MapiResult<Vec<RowId>>;
    /// A row's values, for restrictions and sorting; `None` if it is gone.
    fn row(&self, id: RowId) -> MapiResult<Option<Box<dyn RowValues + '_>>>;
    /// Runs `f` on row `id`'s values without copying them out, if the row
    /// exists (`Ok(false)`: gone). `f` must not call back into the source.
    /// What the engine reads rows through; the default goes through
    /// [`RowSource::row`].
    fn visit(&self, id: RowId, f: &mut dyn FnMut(&dyn RowValues)) -> MapiResult<bool> {
        Ok(match self.row(id)? {
            Some(row) => {
                f(&*row);
                true
            }
            None => false,
        })
    }
    /// Every row in the order of `keys` (a missing value first; ties by
    /// natural order), if the source can tell without reading the rows (an
    /// index); `None`: the engine sorts. Only asked when there is no
    /// restriction.
    fn sorted_ids(&self, keys: &[SortKey]) -> MapiResult<Option<Vec<RowId>>> {
        let _ = keys;
        Ok(None)
    }
    /// Whether [`RowSource::row_ids`] lists rows by ascending id (then a
    /// changed row can be put in place without recomputing the view).
    fn id_ordered(&self) -> bool {
        false
    }
    /// The values of `tags` in row `id` (`None` where it has none); `None`
    /// if the row is gone.
    fn values(&self, id: RowId, tags: &[ULONG]) -> MapiResult<Option<Vec<Option<PropValue>>>> {
        let mut out = None;
        self.visit(id, &mut |r| {
            out = Some(tags.iter().map(|&t| r.value(t)).collect());
        })?;
        Ok(out)
    }
}

/// `PR_INSTANCE_KEY` of row `id`: unique in its table while it is open
/// (every source answers this for `PR_INSTANCE_KEY`).
pub fn instance_key(id: RowId) -> PropValue {
    PropValue::Binary(id.to_le_bytes().to_vec())
}

/// How a change moved a row in the view ([`TableView::refresh`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowEvent {
    /// The row is new in the view.
    Added {
        /// The row.
        id: RowId,
        /// The row now before it (`None`: it is first).
        prior: Option<RowId>,
    },
    /// The row changed (and may have moved).
    Modified {
        /// The row.
        id: RowId,
        /// The row now before it (`None`: it is first).
        prior: Option<RowId>,
    },
    /// The row left the view.
    Deleted {
        /// The row.
        id: RowId,
    },
    /// Too much changed: the view was recomputed; read it again.
    Reload,
}

/// More changed rows than this in one batch: `TABLE_RELOAD` instead of
/// one notification per row.
pub const RELOAD_THRESHOLD: usize = 64;

/// One key of a sort order (`SSortOrder`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortKey {
    /// The property.
    pub tag: ULONG,
    /// `TABLE_SORT_DESCEND`.
    pub descending: bool,
}

/// A bookmark (`BOOKMARK`): a row remembered by identity.
pub type Bookmark = usize;

/// Where `SeekRow`/`FindRow` start (`BOOKMARK_BEGINNING`, `_CURRENT`,
/// `_END`, or a bookmark).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `BOOKMARK_BEGINNING`.
    Beginning,
    /// `BOOKMARK_CURRENT`.
    Current,
    /// `BOOKMARK_END`.
    End,
    /// A bookmark from [`TableView::create_bookmark`].
    Mark(Bookmark),
}

/// The first bookmark number handed out (0–2 are MAPI's fixed origins).
const FIRST_BOOKMARK: Bookmark = 3;

/// One open table.
pub struct TableView<S: RowSource> {
    source: S,
    columns: Vec<ULONG>,
    sort: Vec<SortKey>,
    restriction: Option<Restriction>,
    /// The rows in view order: computed by `SortTable`/`Restrict` (and at
    /// open), read by `QueryRows`.
    index: Vec<RowId>,
    position: usize,
    bookmarks: BTreeMap<Bookmark, (RowId, usize)>,
    next_bookmark: Bookmark,
}

impl<S: RowSource> TableView<S> {
    /// A table over `source` showing `columns`, in the source's order.
    pub fn new(source: S, columns: Vec<ULONG>) -> MapiResult<Self> {
        let mut view = TableView {
            source,
            columns,
            sort: Vec::new(),
            restriction: None,
            index: Vec::new(),
            position: 0,
            bookmarks: BTreeMap::new(),
            next_bookmark: FIRST_BOOKMARK,
        };
        view.rebuild()?;
        Ok(view)
    }

    /// The current columns.
    pub fn columns(&self) -> &[ULONG] {
        &self.columns
    }

    /// `SetColumns`.
    pub fn set_columns(&mut self, columns: Vec<ULONG>) -> MapiResult<()> {
        if columns.is_empty() {
            return Err(MapiError::InvalidParameter);
        }
        self.columns = columns;
        Ok(())
    }

    /// The current sort order.
    pub fn sort_order(&self) -> &[SortKey] {
        &self.sort
    }

    /// `SortTable`: the view order by `keys`; the cursor goes to the
    /// beginning.
    pub fn sort(&mut self, keys: Vec<SortKey>) -> MapiResult<()> {
        self.sort = keys;
        self.rebuild()
    }

    /// `Restrict` (`None`: every row); the cursor goes to the beginning.
    pub fn restrict(&mut self, restriction: Option<Restriction>) -> MapiResult<()> {
        self.restriction = restriction;
        self.rebuild()
    }

    /// Recomputes the view order from the source (after a sort, a
    /// restriction or a change of the rows: `TABLE_RELOAD`).
    pub fn rebuild(&mut self) -> MapiResult<()> {
        if self.restriction.is_none() {
            // Nothing to match: the order needs no row read when there is
            // no sort, or when the source has an index for it.
            let ordered = if self.sort.is_empty() {
                Some(self.source.row_ids()?)
            } else {
                self.source.sorted_ids(&self.sort)?
            };
            if let Some(ids) = ordered {
                self.index = ids;
                self.position = 0;
                return Ok(());
            }
        }
        let ids = self.source.row_ids()?;
        let mut keyed: Vec<(Vec<Option<PropValue>>, usize, RowId)> = Vec::with_capacity(ids.len());
        let sort_tags: Vec<ULONG> = self.sort.iter().map(|k| k.tag).collect();
        let restriction = &self.restriction;
        for (natural, id) in ids.into_iter().enumerate() {
            let mut keys = None;
            self.source.visit(id, &mut |row| {
                if restriction.as_ref().is_none_or(|r| r.matches(row)) {
                    keys = Some(sort_tags.iter().map(|&t| row.value(t)).collect());
                }
            })?;
            if let Some(keys) = keys {
                keyed.push((keys, natural, id));
            }
        }
        let sort = &self.sort;
        keyed.sort_by(|(a, na, _), (b, nb, _)| {
            for (k, (x, y)) in sort.iter().zip(a.iter().zip(b)) {
                let o = sort_order(x.as_ref(), y.as_ref());
                let o = if k.descending { o.reverse() } else { o };
                if o.is_ne() {
                    return o;
                }
            }
            na.cmp(nb)
        });
        self.index = keyed.into_iter().map(|(_, _, id)| id).collect();
        self.position = 0;
        Ok(())
    }

    /// Brings the view up to date after rows `changed` changed in the
    /// source (added, modified, deleted, moved in or out): what it did, in
    /// an order a client can replay. The cursor stays on its row.
    pub fn refresh(&mut self, changed: &[RowId]) -> MapiResult<Vec<RowEvent>> {
        if changed.is_empty() {
            return Ok(Vec::new());
        }
        // Each row once (a batch may change one row twice).
        let mut unique = changed.to_vec();
        unique.sort_unstable();
        unique.dedup();
        let changed = &unique[..];
        if changed.len() > RELOAD_THRESHOLD {
            self.rebuild_keeping_cursor()?;
            return Ok(vec![RowEvent::Reload]);
        }
        if !self.source.id_ordered() {
            return self.rebuild_and_diff(changed);
        }
        // Every changed row out first: the rest of the view is then in
        // order by current values, so each can be put back by a binary
        // search.
        let mut was_in = Vec::with_capacity(changed.len());
        for &id in changed {
            let at = self.index.iter().position(|&r| r == id);
            if let Some(i) = at {
                self.remove_at(i);
            }
            was_in.push(at.is_some());
        }
        let mut events = Vec::with_capacity(changed.len());
        for (&id, &was) in changed.iter().zip(&was_in) {
            events.extend(self.place(id, was)?);
        }
        Ok(events)
    }

    /// The sort keys of row `id` if it is in the view (exists and
    /// matches the restriction when `restricted`).
    fn keys_of(&self, id: RowId, restricted: bool) -> MapiResult<Option<Vec<Option<PropValue>>>> {
        let (sort, restriction) = (&self.sort, &self.restriction);
        let mut keys = None;
        self.source.visit(id, &mut |row| {
            if !restricted || restriction.as_ref().is_none_or(|r| r.matches(row)) {
                keys = Some(sort.iter().map(|k| row.value(k.tag)).collect());
            }
        })?;
        Ok(keys)
    }

    /// Compares (keys, id) pairs in view order (ties: by id, the natural
    /// order of an id-ordered source).
    fn view_order(
        &self,
        a: (&[Option<PropValue>], RowId),
        b: (&[Option<PropValue>], RowId),
    ) -> std::cmp::Ordering {
        for (k, (x, y)) in self.sort.iter().zip(a.0.iter().zip(b.0)) {
            let o = sort_order(x.as_ref(), y.as_ref());
            let o = if k.descending { o.reverse() } else { o };
            if o.is_ne() {
                return o;
            }
        }
        a.1.cmp(&b.1)
    }

    fn remove_at(&mut self, i: usize) {
        self.index.remove(i);
        if i < self.position {
            self.position -= 1;
        }
    }

    fn insert_at(&mut self, i: usize, id: RowId) {
        self.index.insert(i, id);
        // A row put at the cursor goes before it: the cursor stays on its
        // row (and at the end, at the end).
        if i <= self.position {
            self.position += 1;
        }
    }

    /// Puts row `id` (taken out of the view; `was` in it) where it
    /// belongs now, if anywhere: a binary search over the view, reading
    /// `log n` rows.
    fn place(&mut self, id: RowId, was: bool) -> MapiResult<Option<RowEvent>> {
        let Some(keys) = self.keys_of(id, true)? else {
            return Ok(was.then_some(RowEvent::Deleted { id }));
        };
        let (mut lo, mut hi) = (0, self.index.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let other = self.index[mid];
            // Gone meanwhile (its own refresh is coming): as missing.
            let other_keys = self
                .keys_of(other, false)?
                .unwrap_or_else(|| vec![None; self.sort.len()]);
            if self.view_order((&other_keys, other), (&keys, id)).is_lt() {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        self.insert_at(lo, id);
        let prior = lo.checked_sub(1).map(|p| self.index[p]);
        Ok(Some(if was {
            RowEvent::Modified { id, prior }
        } else {
            RowEvent::Added { id, prior }
        }))
    }

    /// Recomputes the view; the cursor stays on its row (or where it was,
    /// if the row went).
    fn rebuild_keeping_cursor(&mut self) -> MapiResult<Vec<RowId>> {
        let at = self.position;
        let current = self.index.get(at).copied();
        let old = std::mem::take(&mut self.index);
        if let Err(e) = self.rebuild() {
            self.index = old;
            self.position = at;
            return Err(e);
        }
        self.position = current
            .and_then(|r| self.index.iter().position(|&x| x == r))
            .unwrap_or(at.min(self.index.len()));
        Ok(old)
    }

    /// Recomputes the view and tells what differs: rows gone, then rows
    /// new or `changed`, in view order.
    fn rebuild_and_diff(&mut self, changed: &[RowId]) -> MapiResult<Vec<RowEvent>> {
        let old = self.rebuild_keeping_cursor()?;
        let before: std::collections::HashSet<RowId> = old.iter().copied().collect();
        let after: std::collections::HashSet<RowId> = self.index.iter().copied().collect();
        let mut events: Vec<RowEvent> = old
            .iter()
            .filter(|id| !after.contains(id))
            .map(|&id| RowEvent::Deleted { id })
            .collect();
        for (i, &id) in self.index.iter().enumerate() {
            let prior = i.checked_sub(1).map(|p| self.index[p]);
            if !before.contains(&id) {
                events.push(RowEvent::Added { id, prior });
            } else if changed.contains(&id) {
                events.push(RowEvent::Modified { id, prior });
            }
        }
        Ok(events)
    }

    /// The notifications for `events`: each row's current columns.
    pub fn notifications(
        &self,
        events: &[RowEvent],
    ) -> MapiResult<Vec<crate::provider::TableNotification>> {
        use crate::mapi::{TABLE_RELOAD, TABLE_ROW_ADDED, TABLE_ROW_DELETED, TABLE_ROW_MODIFIED};
        let mut out = Vec::with_capacity(events.len());
        for e in events {
            let (event, id, prior) = match *e {
                RowEvent::Added { id, prior } => (TABLE_ROW_ADDED, id, prior),
                RowEvent::Modified { id, prior } => (TABLE_ROW_MODIFIED, id, prior),
                RowEvent::Deleted { id } => (TABLE_ROW_DELETED, id, None),
                RowEvent::Reload => {
                    out.push(crate::provider::TableNotification {
                        event: TABLE_RELOAD,
                        hresult: 0,
                        index: None,
                        prior: None,
                        row: Vec::new(),
                    });
                    continue;
                }
            };
            let row = if event == TABLE_ROW_DELETED {
                Vec::new()
            } else {
                match self.source.values(id, &self.columns)? {
                    Some(values) => self.columns.iter().copied().zip(values).collect(),
                    None => Vec::new(),
                }
            };
            out.push(crate::provider::TableNotification {
                event,
                hresult: 0,
                index: Some(instance_key(id)),
                prior: prior.map(instance_key),
                row,
            });
        }
        Ok(out)
    }

    /// `GetRowCount`.
    pub fn row_count(&self) -> usize {
        self.index.len()
    }

    /// `QueryPosition`: (current row, rows).
    pub fn position(&self) -> (usize, usize) {
        (self.position, self.index.len())
    }

    /// `QueryRows`: up to `count` rows from the cursor (backwards, ending
    /// at it, when negative), each the values of the columns; the cursor
    /// moves past them unless `no_advance` (`TBL_NOADVANCE`).
    #[allow(clippy::type_complexity)]
    pub fn query_rows(
        &mut self,
        count: i32,
        no_advance: bool,
    ) -> MapiResult<Vec<Vec<(ULONG, Option<PropValue>)>>> {
        let (start, end) = if count >= 0 {
            let end = self
                .position
                .saturating_add(count as usize)
                .min(self.index.len());
            (self.position.min(end), end)
        } else {
            let back = count.unsigned_abs() as usize;
            (self.position.saturating_sub(back), self.position)
        };
        let mut rows = Vec::with_capacity(end - start);
        for &id in &self.index[start..end] {
            // A row deleted since the view was built is skipped.
            if let Some(values) = self.source.values(id, &self.columns)? {
                rows.push(self.columns.iter().copied().zip(values).collect());
            }
        }
        if !no_advance {
            self.position = if count >= 0 { end } else { start };
        }
        Ok(rows)
    }

    fn origin_index(&self, origin: Origin) -> MapiResult<(usize, bool)> {
        Ok(match origin {
            Origin::Beginning => (0, false),
            Origin::Current => (self.position, false),
            Origin::End => (self.index.len(), false),
            Origin::Mark(b) => {
                let &(row, at) = self
                    .bookmarks
                    .get(&b)
                    .ok_or(MapiError::Other(MAPI_E_INVALID_BOOKMARK))?;
                match self.index.iter().position(|&r| r == row) {
                    Some(i) => (i, false),
                    // The row went: the nearest position, and say so
                    // (MAPI_W_POSITION_CHANGED).
                    None => (at.min(self.index.len()), true),
                }
            }
        })
    }

    /// `SeekRow`: moves `count` rows from `origin`; returns how many rows
    /// it moved (negative backwards) and whether a bookmark's row had gone.
    pub fn seek(&mut self, origin: Origin, count: i32) -> MapiResult<(i32, bool)> {
        let (from, changed) = self.origin_index(origin)?;
        let target = (from as i64 + i64::from(count)).clamp(0, self.index.len() as i64) as usize;
        self.position = target;
        Ok(((target as i64 - from as i64) as i32, changed))
    }

    /// `SeekRowApprox`: to `numerator / denominator` of the rows.
    pub fn seek_approx(&mut self, numerator: ULONG, denominator: ULONG) -> MapiResult<()> {
        if denominator == 0 || numerator > denominator {
            return Err(MapiError::InvalidParameter);
        }
        self.position =
            (self.index.len() as u64 * u64::from(numerator) / u64::from(denominator)) as usize;
        Ok(())
    }

    /// `FindRow`: the first row at or after `origin` (before it when
    /// `backward`) that matches; the cursor moves there. `Ok(false)`: none
    /// (`MAPI_E_NOT_FOUND` for the caller; the cursor stays).
    pub fn find(
        &mut self,
        restriction: &Restriction,
        origin: Origin,
        backward: bool,
    ) -> MapiResult<(bool, bool)> {
        let (from, changed) = self.origin_index(origin)?;
        let candidates: Box<dyn Iterator<Item = usize>> = if backward {
            Box::new((0..from.min(self.index.len())).rev())
        } else {
            Box::new(from..self.index.len())
        };
        for i in candidates {
            let mut hit = false;
            self.source
                .visit(self.index[i], &mut |row| hit = restriction.matches(row))?;
            if hit {
                self.position = i;
                return Ok((true, changed));
            }
        }
        Ok((false, changed))
    }

    /// `CreateBookmark` at the cursor.
    pub fn create_bookmark(&mut self) -> MapiResult<Bookmark> {
        let b = self.next_bookmark;
        self.next_bookmark = b.checked_add(1).ok_or(MapiError::NotEnoughMemory)?;
        let row = self.index.get(self.position).copied().unwrap_or(RowId::MAX);
        self.bookmarks.insert(b, (row, self.position));
        Ok(b)
    }

    /// `FreeBookmark`.
    pub fn free_bookmark(&mut self, b: Bookmark) -> MapiResult<()> {
        self.bookmarks
            .remove(&b)
            .map(drop)
            .ok_or(MapiError::Other(MAPI_E_INVALID_BOOKMARK))
    }
}

/// One open table as the boundary drives it (`IMAPITable`): a
/// [`TableView`] behind a lock, so that its methods take `&self` like every
/// other object's.
pub trait Table: Send + Sync {
    /// The current columns (`QueryColumns(0)`).
    fn columns(&self) -> Vec<ULONG>;
    /// Every column the rows can answer (`QueryColumns(TBL_ALL_COLUMNS)`).
    fn all_columns(&self) -> MapiResult<Vec<ULONG>>;
    /// `SetColumns`.
    fn set_columns(&self, columns: Vec<ULONG>) -> MapiResult<()>;
    /// `SortTable`.
    fn sort(&self, keys: Vec<SortKey>) -> MapiResult<()>;
    /// `QuerySortOrder`.
    fn sort_order(&self) -> Vec<SortKey>;
    /// `Restrict`.
    fn restrict(&self, restriction: Option<Restriction>) -> MapiResult<()>;
    /// `GetRowCount`.
    fn row_count(&self) -> usize;
    /// `QueryPosition`.
    fn position(&self) -> (usize, usize);
    /// `QueryRows`.
    #[allow(clippy::type_complexity)]
    fn query_rows(
        &self,
        count: i32,
        no_advance: bool,
    ) -> MapiResult<Vec<Vec<(ULONG, Option<PropValue>)>>>;
    /// `SeekRow`.
    fn seek(&self, origin: Origin, count: i32) -> MapiResult<(i32, bool)>;
    /// `SeekRowApprox`.
    fn seek_approx(&self, numerator: ULONG, denominator: ULONG) -> MapiResult<()>;
    /// `FindRow`.
    fn find(
        &self,
        restriction: &Restriction,
        origin: Origin,
        backward: bool,
    ) -> MapiResult<(bool, bool)>;
    /// `CreateBookmark`.
    fn create_bookmark(&self) -> MapiResult<Bookmark>;
    /// `FreeBookmark`.
    fn free_bookmark(&self, bookmark: Bookmark) -> MapiResult<()>;
    /// Whether the table follows changes of its rows (`TBLTYPE_DYNAMIC`;
    /// else `TBLTYPE_SNAPSHOT`).
    fn dynamic(&self) -> bool {
        false
    }
    /// `Advise(fnevTableModified)`: `sink` hears of every change of the
    /// view; a non-zero connection.
    fn advise(&self, sink: Sink) -> MapiResult<ULONG_PTR> {
        let _ = sink;
        Err(MapiError::NoSupport)
    }
    /// `Unadvise`: `MAPI_E_NOT_FOUND` for an unknown connection.
    fn unadvise(&self, connection: ULONG_PTR) -> MapiResult<()> {
        let _ = connection;
        Err(MapiError::NoSupport)
    }
}

/// A shared table is a table (the store keeps a weak reference to follow
/// changes; the host's object holds this one).
impl<T: Table + ?Sized> Table for std::sync::Arc<T> {
    fn columns(&self) -> Vec<ULONG> {
        (**self).columns()
    }
    fn all_columns(&self) -> MapiResult<Vec<ULONG>> {
        (**self).all_columns()
    }
    fn set_columns(&self, columns: Vec<ULONG>) -> MapiResult<()> {
        (**self).set_columns(columns)
    }
    fn sort(&self, keys: Vec<SortKey>) -> MapiResult<()> {
        (**self).sort(keys)
    }
    fn sort_order(&self) -> Vec<SortKey> {
        (**self).sort_order()
    }
    fn restrict(&self, restriction: Option<Restriction>) -> MapiResult<()> {
        (**self).restrict(restriction)
    }
    fn row_count(&self) -> usize {
        (**self).row_count()
    }
    fn position(&self) -> (usize, usize) {
        (**self).position()
    }
    fn query_rows(
        &self,
        count: i32,
        no_advance: bool,
    ) -> MapiResult<Vec<Vec<(ULONG, Option<PropValue>)>>> {
        (**self).query_rows(count, no_advance)
    }
    fn seek(&self, origin: Origin, count: i32) -> MapiResult<(i32, bool)> {
        (**self).seek(origin, count)
    }
    fn seek_approx(&self, numerator: ULONG, denominator: ULONG) -> MapiResult<()> {
        (**self).seek_approx(numerator, denominator)
    }
    fn find(
        &self,
        restriction: &Restriction,
        origin: Origin,
        backward: bool,
    ) -> MapiResult<(bool, bool)> {
        (**self).find(restriction, origin, backward)
    }
    fn create_bookmark(&self) -> MapiResult<Bookmark> {
        (**self).create_bookmark()
    }
    fn free_bookmark(&self, bookmark: Bookmark) -> MapiResult<()> {
        (**self).free_bookmark(bookmark)
    }
    fn dynamic(&self) -> bool {
        (**self).dynamic()
    }
    fn advise(&self, sink: Sink) -> MapiResult<ULONG_PTR> {
        (**self).advise(sink)
    }
    fn unadvise(&self, connection: ULONG_PTR) -> MapiResult<()> {
        (**self).unadvise(connection)
    }
}

/// A [`TableView`] as a [`Table`]: the view behind a mutex, and the
/// columns `QueryColumns(TBL_ALL_COLUMNS)` lists.
pub struct LockedTable<S: RowSource> {
    view: std::sync::Mutex<TableView<S>>,
    all_columns: Vec<ULONG>,
    /// Follows changes ([`LockedTable::refresh`] is called).
    dynamic: bool,
    sinks: std::sync::Mutex<TableSinks>,
}

/// A table's advise sinks.
#[derive(Default)]
struct TableSinks {
    next: ULONG_PTR,
    open: Vec<(ULONG_PTR, Sink)>,
}

impl<S: RowSource> LockedTable<S> {
    /// A table over `source`, showing `columns` of `all_columns`.
    pub fn new(source: S, columns: Vec<ULONG>, all_columns: Vec<ULONG>) -> MapiResult<Self> {
        Ok(LockedTable {
            view: std::sync::Mutex::new(TableView::new(source, columns)?),
            all_columns,
            dynamic: false,
            sinks: Default::default(),
        })
    }

    /// A table that follows changes: whoever owns the source calls
    /// [`LockedTable::refresh`] after each.
    pub fn dynamic(mut self) -> Self {
        self.dynamic = true;
        self
    }

    /// Runs `f` on the source (under the view's lock).
    pub fn with_source<R>(&self, f: impl FnOnce(&S) -> R) -> R {
        f(&self.view().source)
    }

    fn sinks(&self) -> std::sync::MutexGuard<'_, TableSinks> {
        self.sinks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Rows `changed` changed in the source: the view is brought up to
    /// date, and the sinks told (after every lock is released; see
    /// [`crate::provider::Door`]). A failure to read the source becomes
    /// `TABLE_RELOAD`.
    pub fn refresh(&self, changed: &[RowId]) {
        if changed.is_empty() {
            return;
        }
        let listening = !self.sinks().open.is_empty();
        let notes = {
            let mut view = self.view();
            let events = view.refresh(changed).unwrap_or_else(|_| {
                let _ = view.rebuild_keeping_cursor();
                vec![RowEvent::Reload]
            });
            if !listening || events.is_empty() {
                return;
            }
            view.notifications(&events)
                .unwrap_or_else(|_| view.notifications(&[RowEvent::Reload]).unwrap_or_default())
        };
        let sinks: Vec<Sink> = self.sinks().open.iter().map(|(_, s)| s.clone()).collect();
        let notes: Vec<Notification> = notes.into_iter().map(Notification::Table).collect();
        for sink in sinks {
            sink.deliver(notes.clone());
        }
    }

    fn view(&self) -> std::sync::MutexGuard<'_, TableView<S>> {
        self.view
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl<S: RowSource> Table for LockedTable<S> {
    fn columns(&self) -> Vec<ULONG> {
        self.view().columns().to_vec()
    }
    fn all_columns(&self) -> MapiResult<Vec<ULONG>> {
        Ok(self.all_columns.clone())
    }
    fn set_columns(&self, columns: Vec<ULONG>) -> MapiResult<()> {
        self.view().set_columns(columns)
    }
    fn sort(&self, keys: Vec<SortKey>) -> MapiResult<()> {
        self.view().sort(keys)
    }
    fn sort_order(&self) -> Vec<SortKey> {
        self.view().sort_order().to_vec()
    }
    fn restrict(&self, restriction: Option<Restriction>) -> MapiResult<()> {
        self.view().restrict(restriction)
    }
    fn row_count(&self) -> usize {
        self.view().row_count()
    }
    fn position(&self) -> (usize, usize) {
        self.view().position()
    }
    fn query_rows(
        &self,
        count: i32,
        no_advance: bool,
    ) -> MapiResult<Vec<Vec<(ULONG, Option<PropValue>)>>> {
        self.view().query_rows(count, no_advance)
    }
    fn seek(&self, origin: Origin, count: i32) -> MapiResult<(i32, bool)> {
        self.view().seek(origin, count)
    }
    fn seek_approx(&self, numerator: ULONG, denominator: ULONG) -> MapiResult<()> {
        self.view().seek_approx(numerator, denominator)
    }
    fn find(
        &self,
        restriction: &Restriction,
        origin: Origin,
        backward: bool,
    ) -> MapiResult<(bool, bool)> {
        self.view().find(restriction, origin, backward)
    }
    fn create_bookmark(&self) -> MapiResult<Bookmark> {
        self.view().create_bookmark()
    }
    fn free_bookmark(&self, bookmark: Bookmark) -> MapiResult<()> {
        self.view().free_bookmark(bookmark)
    }
    fn dynamic(&self) -> bool {
        self.dynamic
    }
    fn advise(&self, sink: Sink) -> MapiResult<ULONG_PTR> {
        let mut sinks = self.sinks();
        let connection = sinks
            .next
            .checked_add(1)
            .ok_or(MapiError::NotEnoughMemory)?;
        sinks.next = connection;
        sinks.open.push((connection, sink));
        Ok(connection)
    }
    fn unadvise(&self, connection: ULONG_PTR) -> MapiResult<()> {
        let removed = {
            let mut sinks = self.sinks();
            let at = sinks
                .open
                .iter()
                .position(|(c, _)| *c == connection)
                .ok_or(MapiError::NotFound)?;
            sinks.open.swap_remove(at)
        };
        drop(removed); // the host's Release, outside the lock
        Ok(())
    }
}
