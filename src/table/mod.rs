//! The table engine behind `IMAPITable` (issue 11, in progress): safe Rust,
//! independent of the boundary and of the backend.
//!
//! A [`TableView`] is one open table: a [`RowSource`] (the folder's
//! messages, its subfolders, a message's recipients...), the columns, a
//! sort order, a restriction, a cursor and bookmarks. Sorting and
//! restricting compute the view's row order **once** (`SortTable`,
//! `Restrict`); `QueryRows(n)` then reads `n` rows from the source, so its
//! cost grows with `n`, not with the folder. A durable backend provides
//! the same through an index on the sort keys (next issue).
//!
//! Comparisons follow MAPI's rules as providers implement them: numbers by
//! value, strings case-insensitively, binaries byte by byte (a prefix first),
//! a missing value before any present one.

mod compare;
mod restriction;
mod view;

pub use compare::compare_values;
#[cfg(all(test, not(miri)))]
pub(crate) use compare::sort_order;
pub(crate) use compare::string_sort_key;
pub use restriction::RowValues;
pub use restriction::{Fuzzy, Relop, Restriction};
pub use view::{
    instance_key, Bookmark, LockedTable, Origin, RowEvent, RowId, RowSource, SortKey, Table,
    TableView, RELOAD_THRESHOLD,
};

#[cfg(test)]
mod tests;
