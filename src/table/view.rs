//! [`TableView`]: one open table's columns, order, restriction, cursor and
//! bookmarks over a [`RowSource`].

use std::collections::BTreeMap;

use super::compare::sort_order;
use super::restriction::{Restriction, RowValues};
use crate::mapi::{MapiError, MapiResult, MAPI_E_INVALID_BOOKMARK, ULONG};
use crate::provider::PropValue;

/// A row's identity in its source (stable while the row exists).
pub type RowId = u64;

/// Where the rows of a table come from: a folder's messages or
/// subfolders, a message's recipients or attachments...
pub trait RowSource: Send + Sync {
    /// Every row, in the source's natural order (ties in a sort keep it).
    fn row_ids(&self) -> MapiResult<Vec<RowId>>;
    /// A row's values, for restrictions and sorting; `None` if it is gone.
    fn row(&self, id: RowId) -> MapiResult<Option<Box<dyn RowValues + '_>>>;
    /// The values of `tags` in row `id` (`None` where it has none); `None`
    /// if the row is gone.
    fn values(&self, id: RowId, tags: &[ULONG]) -> MapiResult<Option<Vec<Option<PropValue>>>> {
        Ok(self
            .row(id)?
            .map(|r| tags.iter().map(|&t| r.value(t)).collect()))
    }
}

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
        let ids = self.source.row_ids()?;
        let mut keyed: Vec<(Vec<Option<PropValue>>, usize, RowId)> = Vec::with_capacity(ids.len());
        let sort_tags: Vec<ULONG> = self.sort.iter().map(|k| k.tag).collect();
        for (natural, id) in ids.into_iter().enumerate() {
            let Some(row) = self.source.row(id)? else {
                continue;
            };
            if let Some(r) = &self.restriction {
                if !r.matches(&*row) {
                    continue;
                }
            }
            let keys = sort_tags.iter().map(|&t| row.value(t)).collect();
            keyed.push((keys, natural, id));
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
            if let Some(row) = self.source.row(self.index[i])? {
                if restriction.matches(&*row) {
                    self.position = i;
                    return Ok((true, changed));
                }
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
}

/// A [`TableView`] as a [`Table`]: the view behind a mutex, and the
/// columns `QueryColumns(TBL_ALL_COLUMNS)` lists.
pub struct LockedTable<S: RowSource> {
    view: std::sync::Mutex<TableView<S>>,
    all_columns: Vec<ULONG>,
}

impl<S: RowSource> LockedTable<S> {
    /// A table over `source`, showing `columns` of `all_columns`.
    pub fn new(source: S, columns: Vec<ULONG>, all_columns: Vec<ULONG>) -> MapiResult<Self> {
        Ok(LockedTable {
            view: std::sync::Mutex::new(TableView::new(source, columns)?),
            all_columns,
        })
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
}
