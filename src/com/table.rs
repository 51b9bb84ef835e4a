//! `IMAPITable` (26 slots) over the safe table engine ([`crate::table`]):
//! a [`Sub`] like every subobject, so a forcible Logoff disconnects it.
//!
//! Rows are laid out by MAPI's `FreeProws` rule: the `SRowSet` is one root
//! buffer and each row's `lpProps` its own root buffer (with its strings
//! and binaries chained to it).

use std::mem::{offset_of, size_of};
use std::ptr;
use std::sync::Arc;

use super::args::{optional_out, Out};
use super::object::ComClass;
use super::prop::call;
use super::props::{read_tags, PropWriter};
use super::restriction::read_restriction;
use super::tree::{check_flags, new_sub, Kind, Sub};
use crate::host::{ComPtr, HostAllocators};
use crate::mapi::*;
use crate::provider::{PropValue, Session};
use crate::table::{Origin, SortKey, Table};

/// `IMAPITable`.
pub(crate) struct TableKind;

impl Kind for TableKind {
    type Logic = dyn Table;
}

type TableSub = Sub<TableKind>;

// SAFETY: `IMAPITable` is `#[repr(C)] { lpVtbl }`, and every slot of
// `VTBL` is a thunk below written for `Sub<TableKind>`.
unsafe impl ComClass for TableSub {
    type Interface = IMAPITable;
    type Vtbl = IMAPITableVtbl;
    const VTBL: &'static IMAPITableVtbl = &IMAPITableVtbl {
        QueryInterface: super::object::query_interface::<Self>,
        AddRef: super::object::add_ref::<Self>,
        Release: super::object::release::<Self>,
        GetLastError: get_last_error,
        Advise: advise,
        Unadvise: unadvise,
        GetStatus: get_status,
        SetColumns: set_columns,
        QueryColumns: query_columns,
        GetRowCount: get_row_count,
        SeekRow: seek_row,
        SeekRowApprox: seek_row_approx,
        QueryPosition: query_position,
        FindRow: find_row,
        Restrict: restrict,
        CreateBookmark: create_bookmark,
        FreeBookmark: free_bookmark,
        SortTable: sort_table,
        QuerySortOrder: query_sort_order,
        QueryRows: query_rows,
        Abort: abort,
        ExpandRow: expand_row,
        CollapseRow: collapse_row,
        WaitForCompletion: wait_for_completion,
        GetCollapseState: get_collapse_state,
        SetCollapseState: set_collapse_state,
    };
    const IIDS: &'static [IID] = &[IID_IMAPITable];

    fn final_release(&self) {
        self.finalize();
    }

    fn record_error(&self, error: MapiError, panic_message: Option<&str>) {
        self.errors.record(error, panic_message);
    }

    fn alive(&self) -> MapiResult<()> {
        self.alive_check()
    }
}

/// A new table object for the host, registered with `session`.
pub(crate) fn wrap_table(
    session: &Arc<Session>,
    table: Box<dyn Table>,
) -> MapiResult<*mut IMAPITable> {
    new_sub::<TableKind>(session, table)
}

fn ulong(n: usize) -> MapiResult<ULONG> {
    ULONG::try_from(n).map_err(|_| MapiError::NotEnoughMemory)
}

fn origin(bookmark: BOOKMARK) -> Origin {
    match bookmark {
        BOOKMARK_BEGINNING => Origin::Beginning,
        BOOKMARK_CURRENT => Origin::Current,
        BOOKMARK_END => Origin::End,
        b => Origin::Mark(b),
    }
}

/// An `SRowSet` for the host: the set in one root buffer, each row's
/// properties in a root buffer of its own (`FreeProws`). On a failure half
/// way, everything already allocated is freed.
fn write_row_set(
    alloc: &HostAllocators,
    rows: &[Vec<(ULONG, Option<PropValue>)>],
) -> MapiResult<*mut SRowSet> {
    let size = offset_of!(SRowSet, aRow) + size_of::<SRow>() * rows.len().max(1);
    let set = alloc.root(size)?;
    let base = set.as_ptr().cast::<u8>();
    let mut written: Vec<*mut SPropValue> = Vec::with_capacity(rows.len());
    let mut fill = || -> MapiResult<()> {
        for (i, row) in rows.iter().enumerate() {
            let tags: Vec<ULONG> = row.iter().map(|(t, _)| *t).collect();
            let mut writer = PropWriter::new(alloc, &tags, true)?;
            for (j, (_, value)) in row.iter().enumerate() {
                writer.put(j, value.as_ref())?;
            }
            let (props, _) = writer.finish();
            written.push(props);
            let srow = SRow {
                ulAdrEntryPad: 0,
                cValues: ulong(row.len())?,
                lpProps: props,
            };
            // SAFETY: row `i` of the `rows.len()` allocated after the
            // count; maybe unaligned.
            unsafe {
                base.add(offset_of!(SRowSet, aRow) + i * size_of::<SRow>())
                    .cast::<SRow>()
                    .write_unaligned(srow)
            };
        }
        Ok(())
    };
    if let Err(e) = fill() {
        for p in written {
            // SAFETY: root buffers made above, not handed out.
            unsafe { alloc.free(p.cast()) };
        }
        return Err(e);
    }
    // SAFETY: the count at the start of the set.
    unsafe { base.cast::<ULONG>().write_unaligned(ulong(rows.len())?) };
    Ok(set.into_raw().cast())
}

/// Runs `f` with the table and its allocators.
fn with_table<R>(
    obj: &TableSub,
    f: impl FnOnce(&dyn Table, &HostAllocators) -> MapiResult<R>,
) -> MapiResult<R> {
    obj.with(|t, session| f(t, session.allocators().ok_or(MapiError::NoSupport)?))
}

unsafe extern "system" fn get_last_error(
    this: *mut IMAPITable,
    h_result: HRESULT,
    flags: ULONG,
    lpp_error: *mut *mut MAPIERROR,
) -> HRESULT {
    // SAFETY: live `this`; `lppMAPIError` NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let out = Out::new(lpp_error, ptr::null_mut())?;
            check_flags(flags, MAPI_UNICODE)?;
            let text = obj.value().errors.message(h_result);
            with_table(obj.value(), |_, alloc| {
                if let Some(text) = text {
                    out.set(alloc.mapi_error(
                        &text,
                        super::logon::COMPONENT,
                        0,
                        flags & MAPI_UNICODE != 0,
                    )?);
                }
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn advise(
    this: *mut IMAPITable,
    mask: ULONG,
    sink: *mut IMAPIAdviseSink,
    lpul_connection: *mut ULONG_PTR,
) -> HRESULT {
    // SAFETY: live `this`; the connection NULL or writable; `sink` NULL or
    // a live advise sink.
    unsafe {
        call::<TableSub>(this, |obj| {
            let connection = Out::new(lpul_connection, 0)?;
            if mask & fnevTableModified == 0 || sink.is_null() {
                return Err(MapiError::InvalidParameter);
            }
            obj.value().with(|t, _| {
                // Taken only for a live table: a rejected call keeps no
                // reference.
                let sink = ComPtr::from_borrowed(sink).ok_or(MapiError::InvalidParameter)?;
                connection.set(t.advise(super::notify::HostSink::sink(sink))?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn unadvise(this: *mut IMAPITable, connection: ULONG_PTR) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<TableSub>(this, |obj| {
            obj.value().with(|t, _| t.unadvise(connection))?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn get_status(
    this: *mut IMAPITable,
    lpul_status: *mut ULONG,
    lpul_type: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; out-pointers NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let (status, kind) = super::args::out_pair(lpul_status, 0, lpul_type, 0)?;
            obj.value().with(|t, _| {
                status.set(TBLSTAT_COMPLETE);
                // Contents and hierarchy tables follow the store's changes;
                // recipient, attachment and receive-folder tables are
                // snapshots taken when they were opened.
                kind.set(if t.dynamic() {
                    TBLTYPE_DYNAMIC
                } else {
                    TBLTYPE_SNAPSHOT
                });
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn set_columns(
    this: *mut IMAPITable,
    lp_tags: *mut SPropTagArray,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; the tag array NULL or readable.
    unsafe {
        call::<TableSub>(this, |obj| {
            check_flags(flags, TBL_ASYNC | TBL_BATCH)?;
            let tags = read_tags(lp_tags)?.ok_or(MapiError::InvalidParameter)?;
            obj.value().with(|t, _| t.set_columns(tags))?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn query_columns(
    this: *mut IMAPITable,
    flags: ULONG,
    lpp_tags: *mut *mut SPropTagArray,
) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let out = Out::new(lpp_tags, ptr::null_mut())?;
            check_flags(flags, TBL_ALL_COLUMNS)?;
            with_table(obj.value(), |t, alloc| {
                let tags = if flags & TBL_ALL_COLUMNS != 0 {
                    t.all_columns()?
                } else {
                    t.columns()
                };
                out.set(alloc.prop_tag_array(&tags)?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn get_row_count(
    this: *mut IMAPITable,
    flags: ULONG,
    lpul_count: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let out = Out::new(lpul_count, 0)?;
            check_flags(flags, 0)?;
            obj.value().with(|t, _| {
                out.set(ulong(t.row_count())?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn seek_row(
    this: *mut IMAPITable,
    bookmark: BOOKMARK,
    count: LONG,
    lpl_sought: *mut LONG,
) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL (not wanted) or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let out = optional_out(lpl_sought, 0)?;
            obj.value().with(|t, _| {
                let (moved, changed) = t.seek(origin(bookmark), count)?;
                if let Some(o) = out {
                    o.set(moved);
                }
                Ok(if changed {
                    MAPI_W_POSITION_CHANGED
                } else {
                    S_OK
                })
            })
        })
    }
}

unsafe extern "system" fn seek_row_approx(
    this: *mut IMAPITable,
    numerator: ULONG,
    denominator: ULONG,
) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<TableSub>(this, |obj| {
            obj.value()
                .with(|t, _| t.seek_approx(numerator, denominator))?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn query_position(
    this: *mut IMAPITable,
    lpul_row: *mut ULONG,
    lpul_numerator: *mut ULONG,
    lpul_denominator: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; out-pointers NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let (row, num) = super::args::out_pair(lpul_row, 0, lpul_numerator, 0)?;
            let den = Out::new(lpul_denominator, 0)?;
            obj.value().with(|t, _| {
                let (position, rows) = t.position();
                row.set(ulong(position)?);
                num.set(ulong(position)?);
                // "lpulDenominator cannot be zero" (Microsoft's
                // QueryPosition page): an empty table is at 0/1.
                den.set(ulong(rows.max(1))?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn find_row(
    this: *mut IMAPITable,
    lp_restriction: *mut SRestriction,
    bookmark: BOOKMARK,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; the restriction readable (MAPI contract).
    unsafe {
        call::<TableSub>(this, |obj| {
            check_flags(flags, DIR_BACKWARD)?;
            let restriction =
                read_restriction(lp_restriction)?.ok_or(MapiError::InvalidParameter)?;
            obj.value().with(|t, _| {
                let (found, changed) =
                    t.find(&restriction, origin(bookmark), flags & DIR_BACKWARD != 0)?;
                match (found, changed) {
                    (false, _) => Err(MapiError::NotFound),
                    (true, true) => Ok(MAPI_W_POSITION_CHANGED),
                    (true, false) => Ok(S_OK),
                }
            })
        })
    }
}

unsafe extern "system" fn restrict(
    this: *mut IMAPITable,
    lp_restriction: *mut SRestriction,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; the restriction NULL (remove it) or readable.
    unsafe {
        call::<TableSub>(this, |obj| {
            check_flags(flags, TBL_ASYNC | TBL_BATCH)?;
            let restriction = read_restriction(lp_restriction)?;
            obj.value().with(|t, _| t.restrict(restriction))?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn create_bookmark(this: *mut IMAPITable, lpbk: *mut BOOKMARK) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let out = Out::new(lpbk, 0)?;
            obj.value().with(|t, _| {
                out.set(t.create_bookmark()?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn free_bookmark(this: *mut IMAPITable, bookmark: BOOKMARK) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<TableSub>(this, |obj| {
            obj.value().with(|t, _| match bookmark {
                // The fixed origins are not freed (and nothing to do).
                BOOKMARK_BEGINNING | BOOKMARK_CURRENT | BOOKMARK_END => Ok(S_OK),
                b => t.free_bookmark(b).map(|()| S_OK),
            })
        })
    }
}

unsafe extern "system" fn sort_table(
    this: *mut IMAPITable,
    lp_sort: *mut SSortOrderSet,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`; the sort order NULL or readable.
    unsafe {
        call::<TableSub>(this, |obj| {
            check_flags(flags, TBL_ASYNC | TBL_BATCH)?;
            if lp_sort.is_null() {
                return Err(MapiError::InvalidParameter);
            }
            let head = lp_sort.read_unaligned();
            if head.cCategories > 0 || head.cExpanded > 0 {
                // Categorized views are a later issue.
                return Err(MapiError::Other(MAPI_E_TOO_COMPLEX));
            }
            let n = usize::try_from(head.cSorts).map_err(|_| MapiError::InvalidParameter)?;
            if n > 64 {
                return Err(MapiError::Other(MAPI_E_TOO_COMPLEX));
            }
            let sorts = ptr::addr_of!((*lp_sort).aSort).cast::<SSortOrder>();
            let mut keys = Vec::with_capacity(n);
            for i in 0..n {
                let s = sorts.add(i).read_unaligned();
                let descending = match s.ulOrder {
                    TABLE_SORT_ASCEND => false,
                    TABLE_SORT_DESCEND => true,
                    _ => return Err(MapiError::Other(MAPI_E_TOO_COMPLEX)),
                };
                keys.push(SortKey {
                    tag: s.ulPropTag,
                    descending,
                });
            }
            obj.value().with(|t, _| t.sort(keys))?;
            Ok(S_OK)
        })
    }
}

unsafe extern "system" fn query_sort_order(
    this: *mut IMAPITable,
    lpp_sort: *mut *mut SSortOrderSet,
) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let out = Out::new(lpp_sort, ptr::null_mut())?;
            with_table(obj.value(), |t, alloc| {
                let keys = t.sort_order();
                let size =
                    offset_of!(SSortOrderSet, aSort) + size_of::<SSortOrder>() * keys.len().max(1);
                let root = alloc.root(size)?;
                let base = root.as_ptr().cast::<u8>();
                // SAFETY: `size` bytes: the header, then the keys (all
                // members 4-byte).
                base.cast::<SSortOrderSet>().write_unaligned(SSortOrderSet {
                    cSorts: ulong(keys.len())?,
                    cCategories: 0,
                    cExpanded: 0,
                    aSort: [SSortOrder {
                        ulPropTag: 0,
                        ulOrder: 0,
                    }],
                });
                for (i, k) in keys.iter().enumerate() {
                    base.add(offset_of!(SSortOrderSet, aSort) + i * size_of::<SSortOrder>())
                        .cast::<SSortOrder>()
                        .write_unaligned(SSortOrder {
                            ulPropTag: k.tag,
                            ulOrder: if k.descending {
                                TABLE_SORT_DESCEND
                            } else {
                                TABLE_SORT_ASCEND
                            },
                        });
                }
                out.set(root.into_raw().cast());
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn query_rows(
    this: *mut IMAPITable,
    count: LONG,
    flags: ULONG,
    lpp_rows: *mut *mut SRowSet,
) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let out = Out::new(lpp_rows, ptr::null_mut())?;
            check_flags(flags, TBL_NOADVANCE)?;
            // Microsoft's QueryRows page: a zero count is invalid.
            if count == 0 {
                return Err(MapiError::InvalidParameter);
            }
            with_table(obj.value(), |t, alloc| {
                let rows = t.query_rows(count, flags & TBL_NOADVANCE != 0)?;
                out.set(write_row_set(alloc, &rows)?);
                Ok(S_OK)
            })
        })
    }
}

unsafe extern "system" fn abort(this: *mut IMAPITable) -> HRESULT {
    // SAFETY: live `this`. Nothing runs in the background to abort.
    unsafe { call::<TableSub>(this, |obj| obj.value().with(|_, _| Ok(S_OK))) }
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn expand_row(
    this: *mut IMAPITable,
    _cb: ULONG,
    _key: *mut BYTE,
    _count: ULONG,
    _flags: ULONG,
    lpp_rows: *mut *mut SRowSet,
    lpul_more: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; out-pointers NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            optional_out(lpp_rows, ptr::null_mut())?;
            optional_out(lpul_more, 0)?;
            // Categories are a later issue.
            obj.value().with(|_, _| Err(MapiError::NoSupport))
        })
    }
}

unsafe extern "system" fn collapse_row(
    this: *mut IMAPITable,
    _cb: ULONG,
    _key: *mut BYTE,
    _flags: ULONG,
    lpul_count: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            optional_out(lpul_count, 0)?;
            obj.value().with(|_, _| Err(MapiError::NoSupport))
        })
    }
}

unsafe extern "system" fn wait_for_completion(
    this: *mut IMAPITable,
    flags: ULONG,
    _timeout: ULONG,
    lpul_status: *mut ULONG,
) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL (not wanted) or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            let out = optional_out(lpul_status, 0)?;
            check_flags(flags, 0)?;
            obj.value().with(|_, _| {
                // Every operation completed when it returned.
                if let Some(o) = out {
                    o.set(TBLSTAT_COMPLETE);
                }
                Ok(S_OK)
            })
        })
    }
}

#[allow(clippy::too_many_arguments)]
unsafe extern "system" fn get_collapse_state(
    this: *mut IMAPITable,
    _flags: ULONG,
    _cb: ULONG,
    _key: *mut BYTE,
    lpcb_state: *mut ULONG,
    lppb_state: *mut *mut BYTE,
) -> HRESULT {
    // SAFETY: live `this`; out-pointers NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            optional_out(lpcb_state, 0)?;
            optional_out(lppb_state, ptr::null_mut())?;
            obj.value().with(|_, _| Err(MapiError::NoSupport))
        })
    }
}

unsafe extern "system" fn set_collapse_state(
    this: *mut IMAPITable,
    _flags: ULONG,
    _cb: ULONG,
    _state: *mut BYTE,
    lpbk: *mut BOOKMARK,
) -> HRESULT {
    // SAFETY: live `this`; the out-pointer NULL or writable.
    unsafe {
        call::<TableSub>(this, |obj| {
            optional_out(lpbk, 0)?;
            obj.value().with(|_, _| Err(MapiError::NoSupport))
        })
    }
}
