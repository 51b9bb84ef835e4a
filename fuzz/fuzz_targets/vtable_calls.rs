//! Interprets its input as a sequence of vtable calls on a provider, its
//! logons and stores, and the object tree behind them (folders, messages,
//! attachments, property streams, status objects, tables), made by a host
//! emulator, and checks MAPI's invariants after every step: no crash, no
//! caught panic (`MAPI_E_CALL_FAILED`), only the codes the contract allows,
//! out-pointers NULL on failure, every call on a subobject whose logon was
//! torn down answering `MAPI_E_INVALID_OBJECT` (`AddRef`/`Release` still
//! counting), support objects released at most once (and exactly once by
//! the end), reference counts exact, every host buffer freed in the step
//! it was returned, nothing alive after the last `Release`.
//!
//! Input: a byte per step (an op code), a byte that picks the target, then
//! the op's own bytes. Op codes below 0x80 are the logon-level alphabet
//! (`op % 14`, decoded as before the object tree was added); from 0x80 on,
//! `(op - 0x80) % TREE_OPS` is an op on the object tree (`Fuzz::tree_op`):
//! 0-39 the objects' slots, then the tables and notifications:
//!
//! - 40 `IMAPITable::Advise(fnevTableModified)` with an emulator sink (or
//!   a bad mask, a NULL sink or out-pointer), `Unadvise` (its own
//!   connections, twice, unknown ones: `MAPI_E_NOT_FOUND`);
//! - 41 `Restrict` with a random `SRestriction` tree (or NULL) and 42
//!   `FindRow` (from `BOOKMARK_BEGINNING`/`CURRENT`/`END`, a bookmark made
//!   or freed, any; `DIR_BACKWARD`; unknown flags). Trees are bounded
//!   (depth 3, 12 nodes): `RES_AND`/`RES_OR`/`RES_NOT`, `RES_PROPERTY`
//!   with every relop (`RELOP_RE`: `MAPI_E_TOO_COMPLEX`), `RES_CONTENT`
//!   (`FL_FULLSTRING`/`SUBSTRING`/`PREFIX` with `FL_IGNORECASE`/`FL_LOOSE`,
//!   bad levels), `RES_EXIST`, `RES_BITMASK` (`BMR_EQZ`/`NEZ`, bad ones),
//!   `RES_SIZE`, `RES_COMPAREPROPS`, `RES_SUBRESTRICTION`
//!   (`PR_MESSAGE_RECIPIENTS`/`ATTACHMENTS`), `RES_COMMENT`, unknown `rt`s;
//!   values `PT_LONG`, `PT_UNICODE`, `PT_STRING8`, `PT_BINARY`,
//!   `PT_SYSTIME`, `PT_BOOLEAN`, `PT_I8`... of the tag's type or another,
//!   unreadable ones, NULL. What the library must answer (S_OK,
//!   `MAPI_E_TOO_COMPLEX`, `MAPI_E_INVALID_PARAMETER`) is worked out in
//!   its reading order (`Verdict`);
//! - 43 `SortTable` (0-4 keys, `TABLE_SORT_ASCEND`/`DESCEND`, bad orders,
//!   categories, `cExpanded`, too many keys, NULL) and `QuerySortOrder`
//!   (what `SortTable` set);
//! - 44 `SetColumns` (random and unknown tags, empty, NULL) and
//!   `QueryColumns` (what `SetColumns` set; `TBL_ALL_COLUMNS`);
//! - 45 `QueryRows` (0: `MAPI_E_INVALID_PARAMETER`, negative, big;
//!   `TBL_NOADVANCE`), every row the columns, freed as `FreeProws` does;
//! - 46 `SeekRow`, `SeekRowApprox`, `QueryPosition`, `GetRowCount`,
//!   `GetStatus`, and the category/asynchronous slots;
//! - 47 `CreateBookmark`/`FreeBookmark` (made, freed, fixed, unknown);
//! - 48 `IMsgStore::Advise` (NULL, the store's, a folder's or a message's
//!   entry ID; masks of object and new-mail events) with an emulator sink,
//!   `Unadvise` through the store or the logon, `NotifyNewMail`;
//! - 49 reads the whole table (cursor and columns put back) and compares
//!   it with the rows its sinks' clients built from the notifications
//!   (instance keys in order, and values);
//! - 50 opens a contents or hierarchy table (`CONVENIENT_DEPTH`).
//!
//! The emulator's sinks (`Sink`) check every `NOTIFICATION` (the union
//! member the event names; `TABLE_ROW_*` with a `PR_INSTANCE_KEY` index,
//! a `PR_INSTANCE_KEY` or `PR_NULL` prior and a row of the table's
//! columns; object events with 48-byte entry IDs about the object advised
//! on), read all of it, follow the table's rows on a client's copy, and
//! (as their input said) call `QueryRows` or `Unadvise` from `OnNotify`.
//! Sinks are called only while a call into the library is returning, never
//! during a call that changes nothing (a delivery held back), and only
//! while the library holds them; each reference the library takes is given
//! back (at `Unadvise`, the table's release or the logon's teardown).
//!
//! `MSLOGON_FUZZ_TRACE=1` prints every op and HRESULT of an input.
#![no_main]

use std::cell::{Cell, RefCell};
use std::ffi::c_void;
use std::ptr;
use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use mslogon::com::live_objects;
use mslogon::ffi::MSProviderInit;
use mslogon::mapi::*;

// The host: counting support objects, advise sink and allocators, shared
// with the integration tests.
#[path = "../../tests/common/mod.rs"]
mod common;
use common::*;

// ---- the input ---------------------------------------------------------

struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn u32(&mut self) -> u32 {
        let mut v = 0u32;
        for _ in 0..4 {
            v = (v << 8) | u32::from(self.byte().unwrap_or(0));
        }
        v
    }
    fn u64(&mut self) -> u64 {
        (u64::from(self.u32()) << 32) | u64::from(self.u32())
    }
    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let n = (self.byte().unwrap_or(0) as usize) % (max + 1);
        (0..n).filter_map(|_| self.byte()).collect()
    }
    /// Flags: 0, a known bit, or anything.
    fn flags(&mut self) -> u32 {
        match self.byte().unwrap_or(0) % 4 {
            0 => 0,
            1 => 1 << (self.byte().unwrap_or(0) % 32),
            _ => self.u32(),
        }
    }
    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        self.byte().unwrap_or(0) as usize % n
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// True once in `n` (false once the input is exhausted).
    fn chance(&mut self, n: u8) -> bool {
        self.byte().map_or(false, |b| b % n == 0)
    }
    /// One of `good` (the arguments stay valid), or, once in 8, any flags
    /// (maybe not: the call may fail on its arguments).
    fn choose(&mut self, good: &[u32]) -> (u32, bool) {
        let b = self.byte().unwrap_or(0);
        if b >= 0xE0 {
            (self.flags(), false)
        } else {
            (good[b as usize % good.len()], true)
        }
    }
    /// As `choose`, and whether the flags are all in `allowed`.
    fn flags_of(&mut self, good: &[u32], allowed: u32) -> (u32, bool) {
        let (f, _) = self.choose(good);
        (f, f & !allowed == 0)
    }
}

// ---- the state -----------------------------------------------------------

struct Logon {
    logon: *mut IMSLogon,
    store: *mut IMsgStore,
    logon_refs: u32,
    store_refs: u32,
    support: Box<HostObject<IMAPISupportVtbl>>,
    /// Whether the support object re-enters Logoff from its Release.
    reenters: bool,
    /// What the store's advise sinks know of it.
    info: Rc<StoreInfo>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Folder,
    Message,
    Attach,
    Status,
    Stream,
    /// A table (contents, hierarchy, recipients, attachments).
    Table,
}

/// Kinds whose vtable begins with IMAPIProp's.
const PROP_KINDS: [Kind; 4] = [Kind::Folder, Kind::Message, Kind::Attach, Kind::Status];

/// An open subobject and the references the fuzzer holds on it.
struct Obj {
    kind: Kind,
    ptr: *mut c_void,
    /// Index in `Fuzz::logons` of the logon it came from.
    logon: usize,
    refs: u32,
    /// For a table: what the emulator knows of it (shared with its sinks).
    tab: Option<Rc<TableInfo>>,
}

/// A destination object (`CopyTo`, `CopyMessages`, `CopyFolder`).
#[derive(Clone, Copy)]
enum Dest {
    Obj(usize),
    Store(usize),
    Null,
}

/// Storage for the arguments of one call: what the pointers handed to the
/// library point into lives here until the call returns.
#[derive(Default)]
struct Keep {
    words: Vec<Vec<u64>>,
    wides: Vec<Vec<u16>>,
    bins: Vec<Vec<SBinary>>,
    ptrs: Vec<Vec<*mut c_void>>,
    props: Vec<Vec<SPropValue>>,
    names: Vec<Box<MAPINAMEID>>,
    res: Vec<Vec<SRestriction>>,
}

impl Keep {
    /// An 8-aligned copy of `bytes`.
    fn raw(&mut self, bytes: &[u8]) -> *mut u8 {
        let mut w = vec![0u64; bytes.len().div_ceil(8).max(1)];
        // SAFETY: `w` holds at least `bytes.len()` bytes.
        unsafe { ptr::copy_nonoverlapping(bytes.as_ptr(), w.as_mut_ptr().cast(), bytes.len()) };
        let p = w.as_mut_ptr().cast();
        self.words.push(w);
        p
    }
    fn cstr(&mut self, s: &[u8]) -> *mut c_void {
        let mut v = s.to_vec();
        v.push(0);
        self.raw(&v).cast()
    }
    fn wstr(&mut self, s: &[u16]) -> *mut c_void {
        let mut v = s.to_vec();
        v.push(0);
        let p = v.as_mut_ptr().cast();
        self.wides.push(v);
        p
    }
    fn ptrs(&mut self, mut v: Vec<*mut c_void>) -> *mut c_void {
        let p = v.as_mut_ptr().cast();
        self.ptrs.push(v);
        p
    }
}

const MAX_LOGONS: usize = 4;
/// The most subobjects the fuzzer keeps open at once.
const MAX_OBJS: usize = 16;
const MAX_EIDS: usize = 32;
const MAX_TAGS: usize = 48;
/// The most advise sinks the emulator makes for one input.
const MAX_SINKS: usize = 12;
const TREE_OPS: u8 = 51;

/// A pointer the library must overwrite (with NULL on failure).
fn canary<T>() -> *mut T {
    ptr::dangling_mut()
}

fn store_entry_id(n: u32) -> Vec<u8> {
    let mut id = vec![0u8; 4];
    id.extend_from_slice(b"mslogon\0refstore");
    id.extend_from_slice(&n.to_le_bytes());
    id
}

/// A folder (kind 1) or message (kind 2) entry ID of in-memory store
/// `store`, as the reference provider makes them.
fn object_entry_id(store: u32, kind: u32, id: u64) -> Vec<u8> {
    let mut guid = *b"mslogon\0refstore";
    guid[12..].copy_from_slice(&store.to_le_bytes());
    let mut e = vec![0u8; 4];
    e.extend_from_slice(b"mslogon\0refstore");
    e.extend_from_slice(&guid);
    e.extend_from_slice(&kind.to_le_bytes());
    e.extend_from_slice(&id.to_le_bytes());
    e
}

fn entry_id(input: &mut Input<'_>) -> Vec<u8> {
    match input.byte().unwrap_or(0) % 3 {
        0 => store_entry_id(1),
        1 => store_entry_id(input.u32()),
        _ => input.bytes(40),
    }
}

fn eid_args(e: &Option<Vec<u8>>) -> (ULONG, *mut ENTRYID) {
    e.as_ref().map_or((0, ptr::null_mut()), |e| {
        (e.len() as ULONG, e.as_ptr().cast_mut().cast())
    })
}

fn iid_ptr(i: &Option<IID>) -> *const IID {
    i.as_ref().map_or(ptr::null(), ptr::from_ref)
}

/// `ISEQUENTIALSTREAM` (`objidl.h`), what `IStream` derives from.
const ISEQUENTIALSTREAM: IID = GUID::new(
    0x0c73_3a30,
    0x2a1c,
    0x11ce,
    [0xad, 0xe5, 0x00, 0xaa, 0x00, 0x44, 0x77, 0x3d],
);

const IIDS: [IID; 8] = [
    IID_IUnknown,
    IID_IMSLogon,
    IID_IMSProvider,
    IID_IMAPISup,
    IID_IMsgStore,
    IID_IMAPIProp,
    IID_IMAPIStatus,
    IID_IMAPIAdviseSink,
];

const ALL_IIDS: [IID; 17] = [
    IID_IUnknown,
    IID_IMSLogon,
    IID_IMSProvider,
    IID_IMAPISup,
    IID_IMsgStore,
    IID_IMAPIProp,
    IID_IMAPIStatus,
    IID_IMAPIAdviseSink,
    IID_IMalloc,
    IID_IMAPITable,
    IID_IMessage,
    IID_IAttachment,
    IID_IMAPIContainer,
    IID_IMAPIFolder,
    IID_IStream,
    IID_IStorage,
    ISEQUENTIALSTREAM,
];

/// The interfaces each kind answers (README, "SPI methods").
fn kind_iids(k: Kind) -> &'static [IID] {
    match k {
        Kind::Folder => &[
            IID_IUnknown,
            IID_IMAPIProp,
            IID_IMAPIContainer,
            IID_IMAPIFolder,
        ],
        Kind::Message => &[IID_IUnknown, IID_IMAPIProp, IID_IMessage],
        Kind::Attach => &[IID_IUnknown, IID_IMAPIProp, IID_IAttachment],
        Kind::Status => &[IID_IUnknown, IID_IMAPIProp, IID_IMAPIStatus],
        Kind::Stream => &[IID_IUnknown, IID_IStream],
        Kind::Table => &[IID_IUnknown, IID_IMAPITable],
    }
}

/// An interface: NULL, one of `good` (valid for the call), one of every
/// IID, or random.
fn choose_iid(input: &mut Input<'_>, good: &[IID]) -> (Option<IID>, bool) {
    match input.below(8) {
        0 | 1 => (None, true),
        2..=4 => (Some(input.pick(good)), true),
        5 | 6 => {
            let i = input.pick(&ALL_IIDS);
            (Some(i), good.contains(&i))
        }
        _ => (
            Some(GUID::new(input.u32(), 0, 0, [input.byte().unwrap_or(0); 8])),
            false,
        ),
    }
}

const KNOWN_TAGS: &[ULONG] = &[
    PR_SUBJECT_W,
    PR_SUBJECT_A,
    PR_BODY_W,
    PR_BODY_A,
    PR_DISPLAY_NAME_W,
    PR_DISPLAY_NAME_A,
    PR_MESSAGE_CLASS_W,
    PR_ENTRYID,
    PR_PARENT_ENTRYID,
    PR_RECORD_KEY,
    PR_SEARCH_KEY,
    PR_INSTANCE_KEY,
    PR_STORE_ENTRYID,
    PR_STORE_RECORD_KEY,
    PR_OBJECT_TYPE,
    PR_MESSAGE_FLAGS,
    PR_MESSAGE_SIZE,
    PR_MSG_STATUS,
    PR_HASATTACH,
    PR_DISPLAY_TO_W,
    PR_DISPLAY_CC_W,
    PR_DISPLAY_BCC_A,
    PR_MESSAGE_RECIPIENTS,
    PR_MESSAGE_ATTACHMENTS,
    PR_ATTACH_NUM,
    PR_ATTACH_DATA_BIN,
    PR_ATTACH_DATA_OBJ,
    PR_ATTACH_METHOD,
    PR_ATTACH_SIZE,
    PR_ATTACH_FILENAME_W,
    PR_ATTACH_LONG_FILENAME_A,
    PR_RENDERING_POSITION,
    PR_CONTENT_COUNT,
    PR_CONTENT_UNREAD,
    PR_ASSOC_CONTENT_COUNT,
    PR_SUBFOLDERS,
    PR_FOLDER_TYPE,
    PR_CONTAINER_CLASS_W,
    PR_CONTAINER_FLAGS,
    PR_COMMENT_W,
    PR_ACCESS,
    PR_ACCESS_LEVEL,
    PR_CREATION_TIME,
    PR_LAST_MODIFICATION_TIME,
    PR_MESSAGE_DELIVERY_TIME,
    PR_IMPORTANCE,
    PR_ROWID,
    PR_RECIPIENT_TYPE,
    PR_EMAIL_ADDRESS_W,
    PR_ADDRTYPE_W,
    PR_RTF_COMPRESSED,
    PR_HTML,
    PR_NORMALIZED_SUBJECT_W,
    PR_SUBJECT_PREFIX_W,
    PR_STATUS_CODE,
    PR_RESOURCE_METHODS,
    PR_RESOURCE_TYPE,
    PR_PROVIDER_DLL_NAME_W,
    PR_STATUS_STRING_W,
    PR_IPM_SUBTREE_ENTRYID,
    PR_VALID_FOLDER_MASK,
    PR_MDB_PROVIDER,
    PR_DEPTH,
    PR_SENDER_NAME_W,
];

const TYPES: &[ULONG] = &[
    PT_LONG,
    PT_I8,
    PT_UNICODE,
    PT_STRING8,
    PT_BINARY,
    PT_MV_LONG,
    PT_BOOLEAN,
    PT_OBJECT,
    PT_ERROR,
    PT_NULL,
    PT_UNSPECIFIED,
    PT_I2,
    PT_SYSTIME,
    PT_DOUBLE,
    PT_CLSID,
    PT_MV_UNICODE,
    PT_MV_STRING8,
    PT_MV_BINARY,
    PT_MV_I8,
    PT_CURRENCY,
    PT_R4,
    PT_APPTIME,
    PT_MV_CLSID,
    PT_MV_SYSTIME,
    PT_MV_I2,
    PT_MV_DOUBLE,
];

/// The base types the library reads values of.
const KNOWN_BASES: [ULONG; 12] = [
    PT_I2,
    PT_LONG,
    PT_R4,
    PT_DOUBLE,
    PT_APPTIME,
    PT_CURRENCY,
    PT_I8,
    PT_SYSTIME,
    PT_CLSID,
    PT_BINARY,
    PT_STRING8,
    PT_UNICODE,
];

const TEXTS: [&str; 8] = [
    "A",
    "B",
    "Inbox",
    "Top of Information Store",
    "",
    "a",
    "Ünïcödé ✓",
    "IPM.Note",
];

/// A NUL-terminated string of the width asked for: a fixed text (valid),
/// random units (maybe not valid UTF-8/UTF-16), or NULL.
fn text(keep: &mut Keep, input: &mut Input<'_>, wide: bool) -> (*mut c_void, bool) {
    match input.below(16) {
        0..=12 => {
            let s = input.pick(&TEXTS);
            let p = if wide {
                keep.wstr(&s.encode_utf16().collect::<Vec<_>>())
            } else {
                keep.cstr(s.as_bytes())
            };
            (p, true)
        }
        13 | 14 => {
            let b = input.bytes(24);
            let p = if wide {
                let units: Vec<u16> = b
                    .chunks(2)
                    .map(|c| u16::from_le_bytes([c[0], *c.get(1).unwrap_or(&0x41)]))
                    .filter(|&u| u != 0)
                    .collect();
                keep.wstr(&units)
            } else {
                let bytes: Vec<u8> = b.into_iter().filter(|&c| c != 0).collect();
                keep.cstr(&bytes)
            };
            (p, false)
        }
        _ => (ptr::null_mut(), false),
    }
}

/// A value of type `t` whose pointers are all valid for that type; false
/// when it makes the whole call invalid (`PT_OBJECT`, an empty
/// multi-valued property, a NULL `PT_CLSID`).
fn value(keep: &mut Keep, input: &mut Input<'_>, t: ULONG) -> (PV, bool) {
    let base = t & !MV_FLAG;
    if t == PT_OBJECT {
        return (PV { x: 0 }, false);
    }
    if t & MV_FLAG != 0 && KNOWN_BASES.contains(&base) {
        let n = input.below(4) as u32;
        let p: *mut c_void = match base {
            PT_STRING8 | PT_UNICODE => {
                let v = (0..n)
                    .map(|_| text(keep, input, base == PT_UNICODE).0)
                    .collect();
                keep.ptrs(v)
            }
            PT_BINARY => {
                let mut bins: Vec<SBinary> = (0..n)
                    .map(|_| {
                        let b = input.bytes(40);
                        SBinary {
                            cb: b.len() as ULONG,
                            lpb: keep.raw(&b),
                        }
                    })
                    .collect();
                let p = bins.as_mut_ptr().cast();
                keep.bins.push(bins);
                p
            }
            _ => {
                let size = if base == PT_CLSID { 16 } else { 8 };
                let b: Vec<u8> = (0..size * n).map(|_| input.byte().unwrap_or(0)).collect();
                keep.raw(&b).cast()
            }
        };
        return (
            PV {
                MVl: SLongArray {
                    cValues: n,
                    lpl: p.cast(),
                },
            },
            n > 0,
        );
    }
    match t {
        PT_STRING8 => (
            PV {
                lpszA: text(keep, input, false).0.cast(),
            },
            true,
        ),
        PT_UNICODE => (
            PV {
                lpszW: text(keep, input, true).0.cast(),
            },
            true,
        ),
        PT_BINARY => {
            let b = input.bytes(64);
            (
                PV {
                    bin: SBinary {
                        cb: b.len() as ULONG,
                        lpb: keep.raw(&b),
                    },
                },
                true,
            )
        }
        PT_CLSID => {
            if input.chance(8) {
                (
                    PV {
                        lpguid: ptr::null_mut(),
                    },
                    false,
                )
            } else {
                let b: Vec<u8> = (0..16).map(|_| input.byte().unwrap_or(0)).collect();
                (
                    PV {
                        lpguid: keep.raw(&b).cast(),
                    },
                    true,
                )
            }
        }
        PT_BOOLEAN => (
            PV {
                li: LARGE_INTEGER {
                    QuadPart: input.below(3) as i64,
                },
            },
            true,
        ),
        _ => {
            let v = input.u64();
            // Any multi-valued type (an unknown base type too) with a
            // zero count makes the whole call invalid.
            let ok = t & MV_FLAG == 0 || v as u32 != 0;
            (
                PV {
                    li: LARGE_INTEGER { QuadPart: v as i64 },
                },
                ok,
            )
        }
    }
}

// ---- checks ---------------------------------------------------------------

/// Argument errors, which the library reports before state errors.
const ARG_ERRORS: [HRESULT; 6] = [
    MAPI_E_INVALID_PARAMETER,
    MAPI_E_UNKNOWN_FLAGS,
    MAPI_E_INTERFACE_NOT_SUPPORTED,
    STG_E_INVALIDPOINTER,
    STG_E_INVALIDFLAG,
    // A restriction or sort order the engine cannot evaluate (read with
    // the other arguments, before the object is looked at).
    MAPI_E_TOO_COMPLEX,
];

/// Every code the contract allows a slot to answer (STG_E_* aside).
const ALLOWED: &[HRESULT] = &[
    S_OK,
    MAPI_W_ERRORS_RETURNED,
    MAPI_W_PARTIAL_COMPLETION,
    MAPI_E_INVALID_PARAMETER,
    MAPI_E_UNKNOWN_FLAGS,
    MAPI_E_NO_ACCESS,
    MAPI_E_NOT_FOUND,
    MAPI_E_INVALID_ENTRYID,
    MAPI_E_INVALID_OBJECT,
    MAPI_E_NO_SUPPORT,
    MAPI_E_COLLISION,
    MAPI_E_HAS_FOLDERS,
    MAPI_E_HAS_MESSAGES,
    MAPI_E_FOLDER_CYCLE,
    MAPI_E_OBJECT_CHANGED,
    MAPI_E_OBJECT_DELETED,
    MAPI_E_INVALID_TYPE,
    MAPI_E_INTERFACE_NOT_SUPPORTED,
    MAPI_E_END_OF_SESSION,
    // A property stream whose bytes do not make a value of its type (an
    // odd number of bytes for PT_UNICODE): Commit answers as MAPI streams
    // do, with the MAPI code.
    MAPI_E_BAD_VALUE,
    MAPI_E_TOO_COMPLEX,
    MAPI_E_INVALID_BOOKMARK,
    MAPI_W_POSITION_CHANGED,
    E_NOTIMPL,
];

/// `MSLOGON_FUZZ_TRACE=1`: every call and its HRESULT on stderr (to read
/// what an input does).
fn tracing() -> bool {
    static TRACE: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("MSLOGON_FUZZ_TRACE").is_some());
    *TRACE
}

fn is_stg(hr: HRESULT) -> bool {
    (hr as u32) >> 16 == 0x8003
}

/// A call on a subobject: whether its logon was torn down before it,
/// whether its arguments were all valid, whether another object it
/// involves (a destination) was disconnected.
#[derive(Clone, Copy)]
struct Ctx {
    slot: &'static str,
    dead: bool,
    clean: bool,
    other_dead: bool,
}

fn check(c: Ctx, hr: HRESULT) {
    if tracing() {
        eprintln!("  {}: {hr:#x} (disconnected: {})", c.slot, c.dead);
    }
    assert_ne!(
        hr, MAPI_E_CALL_FAILED,
        "{}: MAPI_E_CALL_FAILED (a caught panic)",
        c.slot
    );
    if c.dead {
        assert!(
            hr == MAPI_E_INVALID_OBJECT || (!c.clean && ARG_ERRORS.contains(&hr)),
            "{}: {hr:#x} from a disconnected object (arguments valid: {})",
            c.slot,
            c.clean
        );
        return;
    }
    assert!(
        ALLOWED.contains(&hr) || is_stg(hr),
        "{}: {hr:#x} is not a code the contract allows",
        c.slot
    );
    if hr == MAPI_E_INVALID_OBJECT || hr == MAPI_E_END_OF_SESSION {
        assert!(
            c.other_dead,
            "{}: {hr:#x} from a connected object, every object involved connected",
            c.slot
        );
    }
}

/// A call on a logon or a store (`dead`: its logon was torn down).
fn check_session(slot: &str, dead: bool, clean: bool, hr: HRESULT) {
    if tracing() {
        eprintln!("  {slot}: {hr:#x} (torn down: {dead})");
    }
    assert_ne!(
        hr, MAPI_E_CALL_FAILED,
        "{slot}: MAPI_E_CALL_FAILED (a caught panic)"
    );
    if dead {
        assert!(
            hr == MAPI_E_END_OF_SESSION || (!clean && ARG_ERRORS.contains(&hr)),
            "{slot}: {hr:#x} after the logon's teardown (arguments valid: {clean})"
        );
        return;
    }
    assert!(
        (ALLOWED.contains(&hr) || is_stg(hr))
            && hr != MAPI_E_END_OF_SESSION
            && hr != MAPI_E_INVALID_OBJECT,
        "{slot}: {hr:#x} from a live logon"
    );
}

/// # Safety
/// `p` is a live COM object.
unsafe fn unk(p: *mut c_void) -> &'static IUnknownVtbl {
    unsafe { &**p.cast::<*const IUnknownVtbl>() }
}
unsafe fn prop_vt(p: *mut c_void) -> &'static IMAPIPropVtbl {
    unsafe { &*(*p.cast::<IMAPIProp>()).lpVtbl }
}
unsafe fn folder_vt(p: *mut c_void) -> &'static IMAPIFolderVtbl {
    unsafe { &*(*p.cast::<IMAPIFolder>()).lpVtbl }
}
unsafe fn msg_vt(p: *mut c_void) -> &'static IMessageVtbl {
    unsafe { &*(*p.cast::<IMessage>()).lpVtbl }
}
unsafe fn status_vt(p: *mut c_void) -> &'static IMAPIStatusVtbl {
    unsafe { &*(*p.cast::<IMAPIStatus>()).lpVtbl }
}
unsafe fn stream_vt(p: *mut c_void) -> &'static IStreamVtbl {
    unsafe { &*(*p.cast::<IStream>()).lpVtbl }
}

/// Reads a NUL-terminated string (bounded), so that ASan sees every unit.
unsafe fn string_len(p: *const c_void, wide: bool) -> usize {
    assert!(!p.is_null(), "a NULL string in a returned value");
    let mut n = 0;
    unsafe {
        if wide {
            while p.cast::<u16>().add(n).read_unaligned() != 0 {
                n += 1;
                assert!(n < 1 << 22, "unterminated string");
            }
        } else {
            while p.cast::<u8>().add(n).read() != 0 {
                n += 1;
                assert!(n < 1 << 22, "unterminated string");
            }
        }
    }
    n
}

/// Touches `n` bytes at `p` (each read, for ASan).
unsafe fn touch(p: *const u8, n: usize) -> Vec<u8> {
    if n == 0 {
        return Vec::new();
    }
    assert!(!p.is_null(), "NULL data with a non-zero count");
    unsafe { std::slice::from_raw_parts(p, n) }.to_vec()
}

/// What a walk of returned values found worth keeping.
enum Found {
    Eid(Vec<u8>),
    AttachNum(ULONG),
}

/// Walks a returned `SPropValue` array (every pointer read, for ASan),
/// checks each entry against the tag asked for (or, with none asked, the
/// string width), and hands out the entry IDs and attachment numbers.
unsafe fn walk_values(
    slot: &str,
    props: *const SPropValue,
    n: usize,
    asked: Option<&[ULONG]>,
    wide: bool,
    found: &mut dyn FnMut(Found),
) {
    for i in 0..n {
        let v = unsafe { props.add(i).read_unaligned() };
        let (tag, t) = (v.ulPropTag, PROP_TYPE(v.ulPropTag));
        if let Some(asked) = asked {
            let a = asked[i];
            assert_eq!(
                PROP_ID(tag),
                PROP_ID(a),
                "{slot}: entry {i}: {tag:#x} for {a:#x}"
            );
            if t != PT_ERROR && PROP_TYPE(a) != PT_UNSPECIFIED {
                assert_eq!(t, PROP_TYPE(a), "{slot}: entry {i}: {tag:#x} for {a:#x}");
            }
        } else {
            assert_ne!(t, PT_UNSPECIFIED, "{slot}: entry {i}: PT_UNSPECIFIED");
            if t & !MV_FLAG == PT_UNICODE || t & !MV_FLAG == PT_STRING8 {
                let want = if wide { PT_UNICODE } else { PT_STRING8 };
                assert_eq!(
                    t & !MV_FLAG,
                    want,
                    "{slot}: entry {i}: {tag:#x}, MAPI_UNICODE {wide}"
                );
            }
        }
        unsafe {
            match t {
                PT_ERROR => {
                    assert!(v.Value.err < 0, "{slot}: PT_ERROR with {:#x}", v.Value.err)
                }
                PT_STRING8 => {
                    string_len(v.Value.lpszA.cast(), false);
                }
                PT_UNICODE => {
                    string_len(v.Value.lpszW.cast(), true);
                }
                PT_CLSID => {
                    touch(v.Value.lpguid.cast(), 16);
                }
                PT_BINARY => {
                    let b = touch(v.Value.bin.lpb, v.Value.bin.cb as usize);
                    if b.len() >= 24 && b[..4] == [0; 4] && b[4..20] == *b"mslogon\0refstore" {
                        found(Found::Eid(b));
                    }
                }
                PT_LONG if PROP_ID(tag) == PROP_ID(PR_ATTACH_NUM) => {
                    found(Found::AttachNum(v.Value.ul));
                }
                _ if t & MV_FLAG != 0 => {
                    let n = v.Value.MVl.cValues as usize;
                    let p = v.Value.MVl.lpl.cast::<u8>();
                    match t & !MV_FLAG {
                        PT_STRING8 | PT_UNICODE => {
                            for k in 0..n {
                                let s = p.cast::<*const c_void>().add(k).read_unaligned();
                                string_len(s, t & !MV_FLAG == PT_UNICODE);
                            }
                        }
                        PT_BINARY => {
                            for k in 0..n {
                                let b = p.cast::<SBinary>().add(k).read_unaligned();
                                touch(b.lpb, b.cb as usize);
                            }
                        }
                        PT_I2 => drop(touch(p, 2 * n)),
                        PT_LONG | PT_R4 => drop(touch(p, 4 * n)),
                        PT_CLSID => drop(touch(p, 16 * n)),
                        _ => drop(touch(p, 8 * n)),
                    }
                }
                _ => {}
            }
        }
    }
}

// ---- advise sinks ----------------------------------------------------------

thread_local! {
    /// The emulator is running an op (or the final teardown), so a call
    /// into the library may be returning: the only time a sink may be
    /// called.
    static IN_OP: Cell<bool> = const { Cell::new(false) };
    /// Inside calls that change nothing in any store (table reads, sorts,
    /// restrictions, Advise/Unadvise): whatever a sink is told then was
    /// caused by an earlier call and held back past its return.
    static QUIET: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f` (a call into the library) as a call that must deliver nothing.
fn quiet<R>(f: impl FnOnce() -> R) -> R {
    struct Guard;
    impl Drop for Guard {
        fn drop(&mut self) {
            QUIET.with(|q| q.set(q.get() - 1));
        }
    }
    QUIET.with(|q| q.set(q.get() + 1));
    let _g = Guard;
    f()
}

/// Marks the emulator inside an op (sinks may be called) until dropped.
struct InOp;

impl InOp {
    fn enter() -> InOp {
        IN_OP.with(|c| c.set(true));
        InOp
    }
}

impl Drop for InOp {
    fn drop(&mut self) {
        IN_OP.with(|c| c.set(false));
    }
}

fn support_dead(s: *const HostObject<IMAPISupportVtbl>) -> bool {
    // SAFETY: the support objects live in `Fuzz::logons` (boxed) as long as
    // anything that points to them.
    unsafe { (*s).releases() > 0 }
}

/// A table the emulator opened, as it and the table's sinks know it.
struct TableInfo {
    ptr: *mut IMAPITable,
    /// Its logon's support object (released: the table is disconnected).
    support: *const HostObject<IMAPISupportVtbl>,
    /// The emulator still holds a reference (the object is alive).
    held: Cell<bool>,
    /// A hierarchy table with CONVENIENT_DEPTH.
    deep: Cell<bool>,
    /// Its columns (`None`: not known yet).
    columns: RefCell<Option<Vec<ULONG>>>,
    /// Its sort order, as `SortTable` set it (`None`: unknown).
    sort: RefCell<Option<Vec<(ULONG, ULONG)>>>,
    /// Bookmarks created and not freed, and freed ones.
    bookmarks: RefCell<Vec<BOOKMARK>>,
    freed: RefCell<Vec<BOOKMARK>>,
}

impl TableInfo {
    fn dead(&self) -> bool {
        support_dead(self.support)
    }
    /// # Safety
    /// The table is alive (`held`).
    unsafe fn vt(&self) -> &'static IMAPITableVtbl {
        unsafe { &*(*self.ptr).lpVtbl }
    }
    fn columns(&self) -> Option<Vec<ULONG>> {
        self.columns.borrow().clone()
    }
}

/// A logon's store, as its sinks know it.
struct StoreInfo {
    store: *mut IMsgStore,
    support: *const HostObject<IMAPISupportVtbl>,
    /// The emulator still holds a reference to the store.
    held: Cell<bool>,
}

enum Target {
    Table(Rc<TableInfo>),
    Store {
        info: Rc<StoreInfo>,
        /// The object entry ID advised on (`None`: the whole store).
        key: Option<Vec<u8>>,
        mask: ULONG,
    },
}

/// The emulator's advise sink: one per `Advise`, counting its references,
/// checking every notification it gets, keeping a client's copy of its
/// table's rows from them, and (as its input said) calling back into the
/// table or store from `OnNotify`.
#[repr(C)]
struct Sink {
    vtbl: &'static IMAPIAdviseSinkVtbl,
    refs: Cell<i32>,
    add_refs: Cell<u32>,
    releases: Cell<u32>,
    target: Target,
    connection: Cell<ULONG_PTR>,
    /// Registered: the library holds a reference.
    advised: Cell<bool>,
    /// Its `Advise` succeeded.
    ever: Cell<bool>,
    /// From `OnNotify`: bit 0, `QueryRows(rows, bit 2: TBL_NOADVANCE)` on
    /// its table; bit 1, `Unadvise` itself.
    reenter: u8,
    rows: i32,
    /// The instance keys of its table's rows as a client following the
    /// notifications has them (`None`: not read since the last reload).
    model: RefCell<Option<Vec<ClientRow>>>,
    notes: Cell<u32>,
}

static CHECKING_SINK_VTBL: IMAPIAdviseSinkVtbl = IMAPIAdviseSinkVtbl {
    QueryInterface: None,
    AddRef: Some(sink_add_ref),
    Release: Some(sink_release),
    OnNotify: Some(sink_on_notify),
};

impl Sink {
    fn new(target: Target, reenter: u8, rows: i32) -> Box<Sink> {
        Box::new(Sink {
            vtbl: &CHECKING_SINK_VTBL,
            refs: Cell::new(1),
            add_refs: Cell::new(0),
            releases: Cell::new(0),
            target,
            connection: Cell::new(0),
            advised: Cell::new(false),
            ever: Cell::new(false),
            reenter,
            rows,
            model: RefCell::new(None),
            notes: Cell::new(0),
        })
    }
    fn as_ptr(&self) -> *mut IMAPIAdviseSink {
        ptr::from_ref(self).cast_mut().cast()
    }
    fn table(&self) -> Option<&Rc<TableInfo>> {
        match &self.target {
            Target::Table(t) => Some(t),
            Target::Store { .. } => None,
        }
    }
    /// Whether the library must still hold it: registered, on a table the
    /// emulator still holds or a store, of a logon not torn down.
    fn held_by_library(&self) -> bool {
        self.advised.get()
            && match &self.target {
                Target::Table(t) => t.held.get() && !t.dead(),
                Target::Store { info, .. } => !support_dead(info.support),
            }
    }
    /// It is no longer registered: its copy of the rows stops following.
    fn unadvised(&self) {
        self.advised.set(false);
        *self.model.borrow_mut() = None;
    }
}

unsafe extern "system" fn sink_add_ref(this: *mut IMAPIAdviseSink) -> ULONG {
    let s = unsafe { &*this.cast::<Sink>() };
    s.add_refs.set(s.add_refs.get() + 1);
    s.refs.set(s.refs.get() + 1);
    s.refs.get() as ULONG
}

unsafe extern "system" fn sink_release(this: *mut IMAPIAdviseSink) -> ULONG {
    let s = unsafe { &*this.cast::<Sink>() };
    s.releases.set(s.releases.get() + 1);
    s.refs.set(s.refs.get() - 1);
    assert!(
        s.refs.get() >= 1,
        "an advise sink released more often than the library took it"
    );
    s.refs.get() as ULONG
}

/// An entry ID in a notification: NULL with a zero count, or 48 bytes
/// (an object of the reference store), read.
unsafe fn note_eid(what: &str, cb: ULONG, p: *mut ENTRYID) -> Vec<u8> {
    if cb == 0 {
        assert!(p.is_null(), "OnNotify: {what}: an empty entry ID not NULL");
        return Vec::new();
    }
    assert_eq!(cb, 48, "OnNotify: {what}: a {cb}-byte entry ID");
    unsafe { touch(p.cast(), cb as usize) }
}

/// The `PR_INSTANCE_KEY` (8 bytes, read) of `v`, or `None` for `PR_NULL`.
unsafe fn note_key(what: &str, v: &SPropValue) -> Option<Vec<u8>> {
    if v.ulPropTag == PR_NULL {
        return None;
    }
    assert_eq!(
        v.ulPropTag, PR_INSTANCE_KEY,
        "OnNotify: {what} is neither PR_INSTANCE_KEY nor PR_NULL"
    );
    let b = unsafe { v.Value.bin };
    assert_eq!(b.cb, 8, "OnNotify: {what}: a {}-byte instance key", b.cb);
    Some(unsafe { touch(b.lpb, 8) })
}

/// A row as a client keeps it: its instance key and its values.
type ClientRow = (Vec<u8>, Vec<(ULONG, Vec<u8>)>);

/// The bytes of a value (each pointer followed), to compare values got
/// at different times.
unsafe fn value_repr(v: &SPropValue) -> (ULONG, Vec<u8>) {
    let t = PROP_TYPE(v.ulPropTag);
    let x = &v.Value;
    let string = |p: *const c_void, wide: bool| -> Vec<u8> {
        let n = unsafe { string_len(p, wide) };
        unsafe { touch(p.cast(), if wide { 2 * n } else { n }) }
    };
    let bytes = unsafe {
        match t {
            PT_ERROR => x.err.to_le_bytes().to_vec(),
            PT_I2 => x.i.to_le_bytes().to_vec(),
            PT_BOOLEAN => x.b.to_le_bytes().to_vec(),
            PT_LONG | PT_R4 => x.ul.to_le_bytes().to_vec(),
            PT_DOUBLE | PT_APPTIME | PT_CURRENCY | PT_I8 | PT_SYSTIME => {
                x.li.QuadPart.to_le_bytes().to_vec()
            }
            PT_STRING8 => string(x.lpszA.cast(), false),
            PT_UNICODE => string(x.lpszW.cast(), true),
            PT_BINARY => touch(x.bin.lpb, x.bin.cb as usize),
            PT_CLSID => touch(x.lpguid.cast(), 16),
            _ if t & MV_FLAG != 0 => {
                let n = x.MVl.cValues as usize;
                let p = x.MVl.lpl.cast::<u8>();
                let mut out = (n as u32).to_le_bytes().to_vec();
                match t & !MV_FLAG {
                    PT_STRING8 | PT_UNICODE => {
                        for k in 0..n {
                            let e = p.cast::<*const c_void>().add(k).read_unaligned();
                            out.extend(string(e, t & !MV_FLAG == PT_UNICODE));
                            out.push(0);
                        }
                    }
                    PT_BINARY => {
                        for k in 0..n {
                            let b = p.cast::<SBinary>().add(k).read_unaligned();
                            out.extend((b.cb).to_le_bytes());
                            out.extend(touch(b.lpb, b.cb as usize));
                        }
                    }
                    PT_I2 => out.extend(touch(p, 2 * n)),
                    PT_LONG | PT_R4 => out.extend(touch(p, 4 * n)),
                    PT_CLSID => out.extend(touch(p, 16 * n)),
                    _ => out.extend(touch(p, 8 * n)),
                }
                out
            }
            _ => Vec::new(),
        }
    };
    (v.ulPropTag, bytes)
}

/// The first `n` values of a returned row, as [`value_repr`]s.
unsafe fn row_repr(props: *const SPropValue, n: usize) -> Vec<(ULONG, Vec<u8>)> {
    (0..n)
        .map(|k| unsafe { value_repr(&props.add(k).read_unaligned()) })
        .collect()
}

/// Frees a returned row set as MAPI's `FreeProws` does.
unsafe fn free_rows(rows: *mut SRowSet) {
    if rows.is_null() {
        return;
    }
    unsafe {
        let n = ptr::addr_of!((*rows).cRows).read_unaligned() as usize;
        let base = ptr::addr_of!((*rows).aRow).cast::<SRow>();
        for k in 0..n {
            free_buffer(base.add(k).read_unaligned().lpProps.cast());
        }
        free_buffer(rows.cast());
    }
}

/// Checks a returned row set (each row the columns asked for, every value
/// read), hands out what it found, and frees it; the number of rows.
unsafe fn take_rows(
    slot: &str,
    rows: *mut SRowSet,
    max: u64,
    columns: Option<&[ULONG]>,
    found: &mut dyn FnMut(Found),
) -> usize {
    assert!(!rows.is_null(), "{slot}: S_OK without rows");
    unsafe {
        let n = ptr::addr_of!((*rows).cRows).read_unaligned() as usize;
        assert!(n as u64 <= max, "{slot}: {n} rows for {max}");
        let base = ptr::addr_of!((*rows).aRow).cast::<SRow>();
        for k in 0..n {
            let row = base.add(k).read_unaligned();
            if let Some(c) = columns {
                assert_eq!(row.cValues as usize, c.len(), "{slot}: row {k}: values");
            }
            assert!(!row.lpProps.is_null(), "{slot}: row {k} without values");
            walk_values(
                slot,
                row.lpProps,
                row.cValues as usize,
                columns,
                false,
                found,
            );
        }
        free_rows(rows);
        n
    }
}

unsafe extern "system" fn sink_on_notify(
    this: *mut IMAPIAdviseSink,
    count: ULONG,
    notifications: *mut c_void,
) -> ULONG {
    let s = unsafe { &*this.cast::<Sink>() };
    assert!(
        IN_OP.with(Cell::get),
        "OnNotify while the emulator is not inside a call into the library"
    );
    assert_eq!(
        QUIET.with(Cell::get),
        0,
        "OnNotify during a call that changes nothing: held back from an earlier call"
    );
    assert!(
        s.refs.get() >= 2,
        "OnNotify on a sink the library holds no reference to"
    );
    assert!(count > 0, "OnNotify with no notification");
    assert!(!notifications.is_null(), "OnNotify with NULL notifications");
    s.notes.set(s.notes.get() + 1);
    let base = notifications.cast::<NOTIFICATION>();
    for k in 0..count as usize {
        let note = unsafe { base.add(k).read_unaligned() };
        if tracing() {
            eprintln!("    OnNotify: event {:#x}", note.ulEventType);
        }
        match &s.target {
            Target::Table(t) => unsafe { table_note(s, t, &note) },
            Target::Store { key, mask, .. } => unsafe { store_note(key.as_deref(), *mask, &note) },
        }
    }
    unsafe { reenter(s) };
    0
}

/// Checks a table notification, and follows it on the sink's copy of the
/// rows.
unsafe fn table_note(s: &Sink, t: &TableInfo, note: &NOTIFICATION) {
    assert_eq!(
        note.ulEventType, fnevTableModified,
        "OnNotify: a table sink got event {:#x}",
        note.ulEventType
    );
    let tab = unsafe { note.info.tab };
    let event = tab.ulTableEvent;
    let slot = "OnNotify(TABLE_NOTIFICATION)";
    match event {
        TABLE_ROW_ADDED | TABLE_ROW_MODIFIED | TABLE_ROW_DELETED => {
            assert_eq!(tab.hResult, S_OK, "{slot}: hResult {:#x}", tab.hResult);
            let key = unsafe { note_key("propIndex", &tab.propIndex) }
                .unwrap_or_else(|| panic!("{slot}: event {event}: propIndex PR_NULL"));
            let prior = unsafe { note_key("propPrior", &tab.propPrior) };
            if event == TABLE_ROW_DELETED {
                assert!(
                    prior.is_none(),
                    "{slot}: TABLE_ROW_DELETED with a prior row"
                );
                assert_eq!(tab.row.cValues, 0, "{slot}: TABLE_ROW_DELETED with values");
            } else {
                let columns = t.columns();
                if let Some(c) = &columns {
                    assert_eq!(
                        tab.row.cValues as usize,
                        c.len(),
                        "{slot}: event {event}: a row of {} values, {} columns",
                        tab.row.cValues,
                        c.len()
                    );
                }
                if tab.row.cValues > 0 {
                    assert!(!tab.row.lpProps.is_null(), "{slot}: NULL row values");
                    unsafe {
                        walk_values(
                            slot,
                            tab.row.lpProps,
                            tab.row.cValues as usize,
                            columns.as_deref(),
                            false,
                            &mut |_| {},
                        )
                    };
                }
            }
            if !s.advised.get() {
                // Delivered after the sink's Unadvise (queued before it).
                return;
            }
            let mut model = s.model.borrow_mut();
            let Some(rows) = model.as_mut() else {
                return;
            };
            let values = if event == TABLE_ROW_DELETED {
                Vec::new()
            } else {
                unsafe { row_repr(tab.row.lpProps, tab.row.cValues as usize) }
            };
            if tracing() {
                eprintln!("      row event {event}: {key:02x?} after {prior:02x?}");
            }
            let at = rows.iter().position(|r| r.0 == key);
            if event == TABLE_ROW_ADDED {
                assert!(
                    at.is_none(),
                    "{slot}: TABLE_ROW_ADDED for a row the client has"
                );
            } else {
                let at = at.unwrap_or_else(|| {
                    panic!("{slot}: event {event} for a row the client does not have")
                });
                rows.remove(at);
            }
            if event != TABLE_ROW_DELETED {
                let to = match &prior {
                    None => 0,
                    Some(p) => {
                        1 + rows.iter().position(|r| r.0 == *p).unwrap_or_else(|| {
                            panic!("{slot}: event {event}: a prior row the client does not have")
                        })
                    }
                };
                rows.insert(to, (key, values));
            }
        }
        TABLE_RELOAD => {
            assert_eq!(
                tab.propIndex.ulPropTag, PR_NULL,
                "{slot}: TABLE_RELOAD index"
            );
            assert_eq!(
                tab.propPrior.ulPropTag, PR_NULL,
                "{slot}: TABLE_RELOAD prior"
            );
            assert_eq!(tab.row.cValues, 0, "{slot}: TABLE_RELOAD with values");
            *s.model.borrow_mut() = None;
        }
        e => panic!("{slot}: ulTableEvent {e}"),
    }
}

/// Checks an object or new-mail notification of a store sink advised on
/// `key` (`None`: the whole store) for `mask`.
unsafe fn store_note(key: Option<&[u8]>, mask: ULONG, note: &NOTIFICATION) {
    let event = note.ulEventType;
    assert!(
        event & mask != 0,
        "OnNotify: event {event:#x} for a sink advised for {mask:#x}"
    );
    const OBJECT_EVENTS: ULONG = fnevObjectCreated
        | fnevObjectDeleted
        | fnevObjectModified
        | fnevObjectMoved
        | fnevObjectCopied;
    if event == fnevNewMail {
        let m = unsafe { note.info.newmail };
        let id = unsafe { note_eid("newmail lpEntryID", m.cbEntryID, m.lpEntryID) };
        let parent = unsafe { note_eid("newmail lpParentID", m.cbParentID, m.lpParentID) };
        assert!(
            !id.is_empty() && !parent.is_empty(),
            "OnNotify: new mail without its entry IDs"
        );
        assert_eq!(m.ulFlags & !MAPI_UNICODE, 0, "OnNotify: new mail flags");
        assert!(
            !m.lpszMessageClass.is_null(),
            "OnNotify: new mail class NULL"
        );
        unsafe { string_len(m.lpszMessageClass, m.ulFlags & MAPI_UNICODE != 0) };
        if let Some(k) = key {
            assert!(
                k == id || k == parent,
                "OnNotify: new mail not about the object advised on"
            );
        }
        return;
    }
    assert!(
        event.count_ones() == 1 && event & OBJECT_EVENTS != 0,
        "OnNotify: event {event:#x} from a store"
    );
    let o = unsafe { note.info.obj };
    let id = unsafe { note_eid("lpEntryID", o.cbEntryID, o.lpEntryID) };
    let parent = unsafe { note_eid("lpParentID", o.cbParentID, o.lpParentID) };
    let old = unsafe { note_eid("lpOldID", o.cbOldID, o.lpOldID) };
    let old_parent = unsafe { note_eid("lpOldParentID", o.cbOldParentID, o.lpOldParentID) };
    assert!(
        !id.is_empty(),
        "OnNotify: event {event:#x} without lpEntryID"
    );
    assert!(
        !parent.is_empty(),
        "OnNotify: event {event:#x} without lpParentID"
    );
    assert!(
        o.ulObjType == MAPI_FOLDER || o.ulObjType == MAPI_MESSAGE,
        "OnNotify: ulObjType {}",
        o.ulObjType
    );
    if event == fnevObjectMoved {
        assert!(!old.is_empty(), "OnNotify: a move without lpOldID");
    } else if event != fnevObjectCopied {
        assert!(
            old.is_empty() && old_parent.is_empty(),
            "OnNotify: event {event:#x} with old entry IDs"
        );
    }
    if !o.lpPropTagArray.is_null() {
        unsafe {
            let n = ptr::addr_of!((*o.lpPropTagArray).cValues).read_unaligned() as usize;
            touch(ptr::addr_of!((*o.lpPropTagArray).aulPropTag).cast(), 4 * n);
        }
    }
    if let Some(k) = key {
        assert!(
            k == id || k == parent || k == old_parent,
            "OnNotify: event {event:#x} not about the object advised on"
        );
    }
}

/// What a sink does from `OnNotify` (its input said): reads its table,
/// or unadvises itself.
unsafe fn reenter(s: &Sink) {
    match &s.target {
        Target::Table(t) if t.held.get() => {
            let vt = unsafe { t.vt() };
            let dead = t.dead();
            if s.reenter & 1 != 0 {
                let flags = if s.reenter & 4 != 0 { TBL_NOADVANCE } else { 0 };
                let mut rows = canary();
                let hr = unsafe { (vt.QueryRows)(t.ptr, s.rows, flags, &mut rows) };
                let c = Ctx {
                    slot: "IMAPITable::QueryRows (from OnNotify)",
                    dead,
                    clean: s.rows != 0,
                    other_dead: false,
                };
                check(c, hr);
                if hr < 0 {
                    assert!(rows.is_null(), "QueryRows: *lppRows not NULL on failure");
                } else {
                    assert!(!dead, "QueryRows from a disconnected table");
                    let columns = t.columns();
                    unsafe {
                        take_rows(
                            c.slot,
                            rows,
                            u64::from(s.rows.unsigned_abs()),
                            columns.as_deref(),
                            &mut |_| {},
                        )
                    };
                }
                if !dead {
                    assert!(
                        if s.rows == 0 {
                            hr == MAPI_E_INVALID_PARAMETER
                        } else {
                            hr == S_OK
                        },
                        "QueryRows({}) from OnNotify: {hr:#x}",
                        s.rows
                    );
                }
            }
            if s.reenter & 2 != 0 && s.advised.get() {
                let hr = unsafe { (vt.Unadvise)(t.ptr, s.connection.get()) };
                let c = Ctx {
                    slot: "IMAPITable::Unadvise (from OnNotify)",
                    dead,
                    clean: true,
                    other_dead: false,
                };
                check(c, hr);
                if !dead {
                    assert_eq!(hr, S_OK, "Unadvise of itself from OnNotify");
                    s.unadvised();
                }
            }
        }
        Target::Store { info, .. } if info.held.get() && s.reenter & 2 != 0 && s.advised.get() => {
            let st = info.store;
            let dead = support_dead(info.support);
            let hr = unsafe { ((*(*st).lpVtbl).Unadvise)(st, s.connection.get()) };
            check_session("IMsgStore::Unadvise (from OnNotify)", dead, true, hr);
            if !dead {
                assert_eq!(hr, S_OK, "IMsgStore::Unadvise of itself from OnNotify");
                s.unadvised();
            }
        }
        _ => {}
    }
}

// ---- restrictions ----------------------------------------------------------

/// What the library must answer an argument it reads node by node (a
/// restriction, a sort order): the first node that is not `Good`, in the
/// order it reads them, decides.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Verdict {
    Good,
    /// `MAPI_E_TOO_COMPLEX`.
    Complex,
    /// `MAPI_E_INVALID_PARAMETER`.
    Invalid,
    /// A value that may or may not be read (random string units).
    Unknown,
}

impl Verdict {
    fn then(self, next: Verdict) -> Verdict {
        if self == Verdict::Good {
            next
        } else {
            self
        }
    }
    /// Whether a live object's `hr` fits.
    fn allows(self, hr: HRESULT) -> bool {
        match self {
            Verdict::Good => hr != MAPI_E_INVALID_PARAMETER && hr != MAPI_E_TOO_COMPLEX,
            Verdict::Complex => hr == MAPI_E_TOO_COMPLEX,
            Verdict::Invalid => hr == MAPI_E_INVALID_PARAMETER,
            Verdict::Unknown => true,
        }
    }
}

/// The columns of the tables the store hands out, for restrictions, sort
/// keys and column sets.
const TABLE_TAGS: &[ULONG] = &[
    PR_SUBJECT_W,
    PR_SUBJECT_A,
    PR_MESSAGE_CLASS_W,
    PR_MESSAGE_FLAGS,
    PR_MESSAGE_SIZE,
    PR_HASATTACH,
    PR_IMPORTANCE,
    PR_LAST_MODIFICATION_TIME,
    PR_MESSAGE_DELIVERY_TIME,
    PR_CREATION_TIME,
    PR_DISPLAY_NAME_W,
    PR_DISPLAY_NAME_A,
    PR_CONTENT_COUNT,
    PR_CONTENT_UNREAD,
    PR_SUBFOLDERS,
    PR_DEPTH,
    PR_FOLDER_TYPE,
    PR_ENTRYID,
    PR_INSTANCE_KEY,
    PR_DISPLAY_TO_W,
    PR_RECIPIENT_TYPE,
    PR_EMAIL_ADDRESS_W,
    PR_ATTACH_NUM,
    PR_ATTACH_SIZE,
    PR_ATTACH_FILENAME_W,
    PR_ROWID,
    PR_MSG_STATUS,
    PR_BODY_W,
    PR_MESSAGE_RECIPIENTS,
    PR_MESSAGE_ATTACHMENTS,
];

/// The types of restriction values the library reads.
const RES_TYPES: &[ULONG] = &[
    PT_LONG,
    PT_UNICODE,
    PT_STRING8,
    PT_BINARY,
    PT_SYSTIME,
    PT_BOOLEAN,
    PT_I8,
    PT_I2,
    PT_DOUBLE,
    PT_CLSID,
    PT_MV_UNICODE,
    PT_MV_LONG,
];

/// Types of values it cannot read.
const BAD_RES_TYPES: &[ULONG] = &[PT_OBJECT, PT_ERROR, PT_NULL, PT_UNSPECIFIED];

const RELOPS: [ULONG; 6] = [RELOP_LT, RELOP_LE, RELOP_GT, RELOP_GE, RELOP_EQ, RELOP_NE];

fn relop(input: &mut Input<'_>) -> (ULONG, Verdict) {
    match input.below(10) {
        0 => (RELOP_RE, Verdict::Complex),
        1 => {
            let r = input.u32();
            (
                r,
                if r <= RELOP_NE {
                    Verdict::Good
                } else {
                    Verdict::Complex
                },
            )
        }
        _ => (input.pick(&RELOPS), Verdict::Good),
    }
}

/// The most restriction nodes in one tree, and how deep it nests.
const MAX_RES_NODES: u32 = 12;
const MAX_RES_DEPTH: u32 = 3;

// ---- the fuzzer ----------------------------------------------------------

struct Fuzz {
    provider: *mut IMSProvider,
    pv: &'static IMSProviderVtbl,
    sink: *mut IMAPIAdviseSink,
    logons: Vec<Logon>,
    objs: Vec<Obj>,
    /// Entry IDs seen (GetProps) or made up.
    eids: Vec<Vec<u8>>,
    /// Property tags seen (GetPropList, GetIDsFromNames).
    tags: Vec<ULONG>,
    /// Attachment numbers seen (CreateAttach, PR_ATTACH_NUM).
    attach_nums: Vec<ULONG>,
    /// The last failure, for GetLastError.
    last_hr: HRESULT,
    /// Every advise sink made (boxed: the library holds their addresses).
    #[allow(clippy::vec_box)]
    sinks: Vec<Box<Sink>>,
}

impl Fuzz {
    fn dead_logon(&self, l: usize) -> bool {
        self.logons[l].support.releases() > 0
    }
    fn dead(&self, i: usize) -> bool {
        self.dead_logon(self.objs[i].logon)
    }
    fn ctx(&self, slot: &'static str, i: usize, clean: bool) -> Ctx {
        Ctx {
            slot,
            dead: self.dead(i),
            clean,
            other_dead: false,
        }
    }
    fn record(&mut self, hr: HRESULT) {
        if hr < 0 {
            self.last_hr = hr;
        }
    }

    /// An object of one of `kinds`.
    fn obj_of(&self, pick: usize, kinds: &[Kind]) -> Option<usize> {
        let c: Vec<usize> = (0..self.objs.len())
            .filter(|&i| kinds.contains(&self.objs[i].kind))
            .collect();
        (!c.is_empty()).then(|| c[pick % c.len()])
    }
    fn logon_with_store(&self, pick: usize) -> Option<usize> {
        let c: Vec<usize> = (0..self.logons.len())
            .filter(|&i| self.logons[i].store_refs > 0)
            .collect();
        (!c.is_empty()).then(|| c[pick % c.len()])
    }
    fn live_logon(&self, pick: usize) -> Option<usize> {
        let c: Vec<usize> = (0..self.logons.len())
            .filter(|&i| self.logons[i].logon_refs > 0)
            .collect();
        (!c.is_empty()).then(|| c[pick % c.len()])
    }

    fn remember_eid(&mut self, e: &[u8]) {
        if e.len() < 20 || self.eids.iter().any(|x| x == e) {
            return;
        }
        if self.eids.len() >= MAX_EIDS {
            let n = (e[e.len() - 1] as usize) % MAX_EIDS;
            self.eids[n] = e.to_vec();
        } else {
            self.eids.push(e.to_vec());
        }
    }
    fn remember_tag(&mut self, t: ULONG) {
        if self.tags.contains(&t) {
            return;
        }
        if self.tags.len() >= MAX_TAGS {
            self.tags[(t as usize) % MAX_TAGS] = t;
        } else {
            self.tags.push(t);
        }
    }

    /// An entry ID: seen, made up, mutated or random.
    fn eid(&self, input: &mut Input<'_>) -> Vec<u8> {
        let seen = !self.eids.is_empty();
        match input.below(10) {
            0..=3 if seen => self.eids[input.below(self.eids.len())].clone(),
            4 => object_entry_id(
                1,
                1,
                input.pick(&[1, 2, 3, 4, 5, 6, 7, 8, 0x100, 0x101, 0x102]),
            ),
            5 => object_entry_id(1, 2, 0x100 + input.below(24) as u64),
            6 if seen => {
                let mut e = self.eids[input.below(self.eids.len())].clone();
                let at = input.below(e.len().max(1));
                match input.below(3) {
                    0 => e.truncate(at),
                    1 => {
                        if let Some(b) = e.get_mut(at) {
                            *b ^= input.byte().unwrap_or(0) | 1;
                        }
                    }
                    _ => e.push(input.byte().unwrap_or(0)),
                }
                e
            }
            7 => object_entry_id(
                input.pick(&[1, 2]),
                input.pick(&[1, 2, 3]),
                input.u64() % 0x120,
            ),
            8 => store_entry_id(1),
            _ => input.bytes(56),
        }
    }

    /// A property tag: known (computed ones included), a known ID with any
    /// type, a named ID, PR_NULL, one seen, or random.
    fn tag(&self, input: &mut Input<'_>) -> ULONG {
        match input.below(10) {
            0..=2 => input.pick(KNOWN_TAGS),
            3 | 4 => PROP_TAG(input.pick(TYPES), PROP_ID(input.pick(KNOWN_TAGS))),
            5 => PROP_TAG(input.pick(TYPES), 0x8000 + input.below(8) as ULONG),
            6 => PR_NULL,
            7 if !self.tags.is_empty() => self.tags[input.below(self.tags.len())],
            _ => input.u32(),
        }
    }
    /// A tag array (`count` first) of 1..=max tags, or an empty one.
    fn tag_array(&self, input: &mut Input<'_>, max: usize) -> (Vec<ULONG>, bool) {
        let n = input.below(max + 1);
        let mut v = vec![n as ULONG];
        v.extend((0..n).map(|_| self.tag(input)));
        (v, n > 0)
    }

    /// A destination: an object (of `prefer` most often), a store, or NULL.
    fn dest(&self, input: &mut Input<'_>, prefer: &[Kind]) -> Dest {
        let pick = input.byte().unwrap_or(0) as usize;
        match input.below(10) {
            0 => Dest::Null,
            1 => self.logon_with_store(pick).map_or(Dest::Null, Dest::Store),
            2..=6 => self
                .obj_of(pick, prefer)
                .or_else(|| self.obj_of(pick, &PROP_KINDS))
                .map_or(Dest::Null, Dest::Obj),
            _ => self.obj_of(pick, &PROP_KINDS).map_or(Dest::Null, Dest::Obj),
        }
    }
    fn dest_ptr(&self, d: Dest) -> *mut c_void {
        match d {
            Dest::Obj(i) => self.objs[i].ptr,
            Dest::Store(l) => self.logons[l].store.cast(),
            Dest::Null => ptr::null_mut(),
        }
    }
    fn dest_dead(&self, d: Dest) -> bool {
        match d {
            Dest::Obj(i) => self.dead(i),
            Dest::Store(l) => self.dead_logon(l),
            Dest::Null => false,
        }
    }

    /// Takes a new subobject with one reference (released at once when
    /// the fuzzer already holds `MAX_OBJS`).
    unsafe fn register(&mut self, kind: Kind, p: *mut c_void, logon: usize) {
        assert!(!p.is_null(), "S_OK with a NULL object");
        if self.objs.len() >= MAX_OBJS {
            assert_eq!(unsafe { (unk(p).Release.unwrap())(p.cast()) }, 0);
        } else {
            let tab = (kind == Kind::Table).then(|| {
                Rc::new(TableInfo {
                    ptr: p.cast(),
                    support: &*self.logons[logon].support,
                    held: Cell::new(true),
                    deep: Cell::new(false),
                    columns: RefCell::new(None),
                    sort: RefCell::new(Some(Vec::new())),
                    bookmarks: RefCell::new(Vec::new()),
                    freed: RefCell::new(Vec::new()),
                })
            });
            self.objs.push(Obj {
                kind,
                ptr: p,
                logon,
                refs: 1,
                tab,
            });
        }
    }

    /// `GetProps(PR_ENTRYID)` of a new object `p` (a subobject of object
    /// `parent`'s logon), the entry ID kept.
    unsafe fn harvest_entry_id(&mut self, p: *mut c_void, parent: usize) {
        let mut tags = [1, PR_ENTRYID];
        let (mut count, mut props) = (0, canary());
        let c = self.ctx("IMAPIProp::GetProps", parent, true);
        let hr = unsafe {
            (prop_vt(p).GetProps)(
                p.cast(),
                tags.as_mut_ptr().cast(),
                0,
                &mut count,
                &mut props,
            )
        };
        check(c, hr);
        if hr < 0 {
            assert!(props.is_null() && count == 0, "GetProps: outs on failure");
            return;
        }
        assert_eq!(count, 1);
        unsafe {
            self.walk_props("GetProps", props, 1, Some(&tags[1..]), false);
            free_buffer(props.cast());
        }
    }

    /// A table from a `Get*Table` of object `i`: kept as a subobject of
    /// its logon (slots still `MAPI_E_NO_SUPPORT` answer no table).
    unsafe fn take_table(&mut self, slot: &str, i: usize, hr: HRESULT, t: *mut IMAPITable) {
        if hr < 0 {
            assert!(t.is_null(), "{slot}: *lppTable not NULL on failure");
        } else {
            let li = self.objs[i].logon;
            unsafe { self.register(Kind::Table, t.cast(), li) };
        }
    }

    /// The result of an `OpenEntry`.
    unsafe fn take_opened(
        &mut self,
        slot: &str,
        logon: usize,
        hr: HRESULT,
        t: ULONG,
        p: *mut IUnknown,
        iid: &Option<IID>,
        store: Option<*mut IMsgStore>,
    ) {
        if hr < 0 {
            assert!(p.is_null(), "{slot}: *lppUnk not NULL on failure");
            assert_eq!(t, 0, "{slot}: *lpulObjType not 0 on failure");
            return;
        }
        assert!(!p.is_null(), "{slot}: S_OK with a NULL object");
        let kind = match t {
            MAPI_STORE => {
                let s = store.unwrap_or_else(|| panic!("{slot}: opened the store"));
                assert_eq!(p.cast(), s, "{slot}: another store");
                unsafe { ((*(*s).lpVtbl).Release)(s) };
                return;
            }
            MAPI_FOLDER => Kind::Folder,
            MAPI_MESSAGE => Kind::Message,
            _ => panic!("{slot}: object type {t:#x}"),
        };
        if let Some(i) = iid {
            assert!(
                kind_iids(kind).contains(i),
                "{slot}: a {kind:?} handed out as {i:?}"
            );
        }
        unsafe { self.register(kind, p.cast(), logon) };
    }

    /// Walks a returned `SPropValue` array ([`walk_values`]) and keeps the
    /// entry IDs and attachment numbers in it.
    unsafe fn walk_props(
        &mut self,
        slot: &str,
        props: *const SPropValue,
        n: usize,
        asked: Option<&[ULONG]>,
        wide: bool,
    ) {
        let mut found = Vec::new();
        unsafe { walk_values(slot, props, n, asked, wide, &mut |f| found.push(f)) };
        for f in found {
            match f {
                Found::Eid(e) => self.remember_eid(&e),
                Found::AttachNum(a) => {
                    if !self.attach_nums.contains(&a) && self.attach_nums.len() < 16 {
                        self.attach_nums.push(a);
                    }
                }
            }
        }
    }

    /// The end of every step.
    fn step_checks(&self) {
        for l in &self.logons {
            let (refs, released) = (l.support.refs(), l.support.releases());
            assert!(released <= 1, "support released {released} times");
            assert_eq!(refs, 2 - released as i32, "support refs");
            assert_eq!(l.support.reenter_hr(), S_OK, "the re-entrant Logoff");
        }
        assert_eq!(
            live_buffers(),
            0,
            "a host buffer the library returned was not freed"
        );
        assert!(self.objs.len() <= MAX_OBJS);
        self.sink_checks();
    }

    /// Every sink is held by the library exactly while it is registered on
    /// a table or store still there, and released exactly once after.
    fn sink_checks(&self) {
        for s in &self.sinks {
            let held = s.held_by_library();
            if !held {
                s.unadvised();
            }
            assert_eq!(
                s.refs.get(),
                1 + i32::from(held),
                "advise sink references (registered: {held})"
            );
            // Every reference taken given back once, the registration's
            // when it ended (Unadvise, the table's release, teardown).
            assert_eq!(
                s.releases.get() + u32::from(held),
                s.add_refs.get(),
                "advise sink releases (advised: {}, registered: {held})",
                s.ever.get()
            );
        }
    }

    // ---- logon-level ops (the original alphabet) ------------------------

    unsafe fn logon(&mut self, pick: usize, input: &mut Input<'_>, writable: bool) {
        if self.logons.len() >= MAX_LOGONS {
            return;
        }
        let support = host_object(support_vtbl());
        let (mut l, mut s, mut err) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
        let with_eid = if writable {
            pick % 8 == 1
        } else {
            pick % 2 == 1
        };
        let eid = with_eid.then(|| entry_id(input));
        let (cb, p) = eid.as_ref().map_or((0, ptr::null_mut()), |e| {
            (e.len() as u32, e.as_ptr().cast_mut().cast())
        });
        let iid = (pick % 4 == 3).then(|| IIDS[pick % IIDS.len()]);
        let flags = if writable {
            input
                .choose(&[
                    MDB_WRITE,
                    MDB_WRITE | MDB_NO_DIALOG,
                    MDB_WRITE | MAPI_BEST_ACCESS,
                    MDB_WRITE | MAPI_DEFERRED_ERRORS,
                    MDB_WRITE | MAPI_UNICODE,
                    MDB_NO_DIALOG,
                ])
                .0
                & 0x8000_00FF
        } else {
            input.flags() & 0x8000_00FF
        };
        let hr = unsafe {
            (self.pv.Logon)(
                self.provider,
                support.as_ptr(),
                0,
                ptr::null_mut(),
                cb,
                p,
                flags,
                iid.as_ref().map_or(ptr::null(), ptr::from_ref),
                ptr::null_mut(),
                ptr::null_mut(),
                &mut err,
                &mut l,
                &mut s,
            )
        };
        unsafe { free_buffer(err.cast()) };
        if hr == S_OK {
            assert_eq!(support.refs(), 2);
            let reenters = pick % 3 == 0;
            if reenters {
                support.reenter_on_release(l);
            }
            let info = Rc::new(StoreInfo {
                store: s,
                support: &*support,
                held: Cell::new(true),
            });
            self.logons.push(Logon {
                logon: l,
                store: s,
                logon_refs: 1,
                store_refs: 1,
                support,
                reenters,
                info,
            });
        } else {
            assert!(l.is_null() && s.is_null());
            assert_eq!(support.refs(), 1);
        }
    }

    unsafe fn logon_op(&mut self, op: u8, pick: usize, input: &mut Input<'_>) {
        if op == 0 {
            unsafe { self.logon(pick, input, false) };
            return;
        }
        let live: Vec<usize> = (0..self.logons.len())
            .filter(|&i| self.logons[i].logon_refs > 0)
            .collect();
        let target = (!live.is_empty()).then(|| live[pick % live.len()]);
        let provider = self.provider;
        let pv = self.pv;
        let sink = self.sink;
        let logons = &mut self.logons;
        // SAFETY (for the whole match): every pointer used is a live object
        // the fuzzer holds a reference to, or a valid local; every
        // reference or buffer received is given back.
        unsafe {
            match (op, target) {
                (1, Some(i)) => {
                    let mut flags = input.flags();
                    let f = if pick % 5 == 0 {
                        ptr::null_mut()
                    } else {
                        &mut flags
                    };
                    let hr = ((*(*logons[i].logon).lpVtbl).Logoff)(logons[i].logon, f);
                    let expected = if f.is_null() {
                        MAPI_E_INVALID_PARAMETER
                    } else if flags != 0 {
                        MAPI_E_UNKNOWN_FLAGS
                    } else {
                        S_OK
                    };
                    assert_eq!(hr, expected);
                    if hr == S_OK {
                        assert_eq!(logons[i].support.releases(), 1, "Logoff tears down");
                    }
                }
                (2, Some(i)) if logons[i].store_refs > 0 => {
                    let mut flags = input.flags();
                    let hr =
                        ((*(*logons[i].store).lpVtbl).StoreLogoff)(logons[i].store, &mut flags);
                    assert!(
                        [S_OK, MAPI_E_UNKNOWN_FLAGS, MAPI_E_END_OF_SESSION].contains(&hr),
                        "{hr:#x}"
                    );
                    if hr == S_OK {
                        assert_eq!(flags, LOGOFF_COMPLETE);
                        assert_eq!(logons[i].support.releases(), 1, "StoreLogoff tears down");
                    }
                }
                (3, Some(i)) => {
                    ((*(*logons[i].logon).lpVtbl).AddRef)(logons[i].logon);
                    logons[i].logon_refs += 1;
                }
                (4, Some(i)) => {
                    // Only while the fuzzer holds the store too, or it is
                    // not the last: the re-entry hook needs the logon alive.
                    let l = &mut logons[i];
                    if l.logon_refs > 1 || !l.reenters || l.support.releases() > 0 {
                        ((*(*l.logon).lpVtbl).Release)(l.logon);
                        l.logon_refs -= 1;
                    }
                }
                (5, Some(i)) if logons[i].store_refs > 0 => {
                    if pick % 2 == 0 {
                        ((*(*logons[i].store).lpVtbl).AddRef)(logons[i].store);
                        logons[i].store_refs += 1;
                    } else {
                        if logons[i].store_refs == 1 {
                            logons[i].info.held.set(false);
                        }
                        ((*(*logons[i].store).lpVtbl).Release)(logons[i].store);
                        logons[i].store_refs -= 1;
                        if logons[i].store_refs == 0 {
                            // The store's last Release tears the logon down
                            // (LOGOFF_ABORT) if nothing did before.
                            assert_eq!(logons[i].support.releases(), 1);
                        }
                    }
                }
                (6, Some(i)) => {
                    let iid = if pick % 2 == 0 {
                        IIDS[pick % IIDS.len()]
                    } else {
                        GUID::new(input.u32(), 0, 0, [input.byte().unwrap_or(0); 8])
                    };
                    let mut out: *mut c_void = ptr::null_mut();
                    let hr = ((*(*logons[i].logon).lpVtbl).QueryInterface)(
                        logons[i].logon,
                        &iid,
                        &mut out,
                    );
                    if hr == S_OK {
                        assert_eq!(out, logons[i].logon.cast());
                        ((*(*logons[i].logon).lpVtbl).Release)(logons[i].logon);
                    } else {
                        assert!(out.is_null());
                        assert_eq!(hr, MAPI_E_INTERFACE_NOT_SUPPORTED);
                    }
                }
                (7, Some(i)) => {
                    let mut err: *mut MAPIERROR = ptr::null_mut();
                    let hr = input.u32() as HRESULT;
                    let flags = input.flags();
                    let r = ((*(*logons[i].logon).lpVtbl).GetLastError)(
                        logons[i].logon,
                        hr,
                        flags,
                        &mut err,
                    );
                    assert!(r == S_OK || r == MAPI_E_UNKNOWN_FLAGS);
                    free_buffer(err.cast());
                }
                (8, Some(i)) => {
                    let eid = input.bytes(30);
                    let (cb, p) = if eid.is_empty() {
                        (0, ptr::null_mut())
                    } else {
                        (eid.len() as u32, eid.as_ptr().cast_mut().cast())
                    };
                    let mut connection = CONNECTION_CANARY;
                    let mask = input.u32();
                    let hr = ((*(*logons[i].logon).lpVtbl).Advise)(
                        logons[i].logon,
                        cb,
                        p,
                        mask,
                        sink,
                        &mut connection,
                    );
                    // The pointer-sized connection is never half-written: a
                    // fresh number on success, else cleared (or untouched).
                    if hr == S_OK {
                        assert_connection_written(connection);
                    } else {
                        assert!(connection == 0 || connection == CONNECTION_CANARY);
                    }
                }
                (9, Some(i)) => {
                    let connection = ULONG_PTR::from(input.byte().unwrap_or(0));
                    let hr = quiet(|| {
                        ((*(*logons[i].logon).lpVtbl).Unadvise)(logons[i].logon, connection)
                    });
                    // The logon and its store share their registrations:
                    // this may be one of a store sink's.
                    if hr == S_OK {
                        for s in &self.sinks {
                            if let Target::Store { info, .. } = &s.target {
                                if Rc::ptr_eq(info, &logons[i].info)
                                    && s.advised.get()
                                    && s.connection.get() == connection
                                {
                                    s.unadvised();
                                }
                            }
                        }
                    }
                }
                (10, Some(i)) => {
                    let eid = entry_id(input);
                    let (mut t, mut unk) = (0, ptr::null_mut());
                    if pick % 2 == 0 && logons[i].store_refs > 0 {
                        let s = logons[i].store;
                        let hr = ((*(*s).lpVtbl).OpenEntry)(
                            s,
                            eid.len() as u32,
                            eid.as_ptr().cast_mut().cast(),
                            ptr::null(),
                            0,
                            &mut t,
                            &mut unk,
                        );
                        if hr == S_OK {
                            assert_eq!(unk, s.cast());
                            ((*(*s).lpVtbl).Release)(s);
                        } else {
                            assert!(unk.is_null());
                        }
                    } else {
                        let l = logons[i].logon;
                        let hr = ((*(*l).lpVtbl).OpenEntry)(
                            l,
                            eid.len() as u32,
                            eid.as_ptr().cast_mut().cast(),
                            ptr::null(),
                            0,
                            &mut t,
                            &mut unk,
                        );
                        assert_ne!(hr, S_OK);
                        assert!(unk.is_null());
                    }
                }
                (11, Some(i)) => {
                    let (a, b) = (entry_id(input), entry_id(input));
                    let mut result = 7;
                    let l = logons[i].logon;
                    let hr = ((*(*l).lpVtbl).CompareEntryIDs)(
                        l,
                        a.len() as u32,
                        a.as_ptr().cast_mut().cast(),
                        b.len() as u32,
                        b.as_ptr().cast_mut().cast(),
                        0,
                        &mut result,
                    );
                    if hr == S_OK {
                        assert_eq!(result, u32::from(a == b));
                    }
                }
                (12, _) => {
                    let (a, b) = (entry_id(input), entry_id(input));
                    let mut result = 7;
                    let hr = (pv.CompareStoreIDs)(
                        provider,
                        a.len() as u32,
                        a.as_ptr().cast_mut().cast(),
                        b.len() as u32,
                        b.as_ptr().cast_mut().cast(),
                        0,
                        &mut result,
                    );
                    if hr == S_OK {
                        assert_eq!(result, u32::from(a == b));
                    }
                }
                (13, Some(i)) if logons[i].store_refs > 0 => {
                    let n = (pick % 9) as u32;
                    let mut tags: Vec<u32> = vec![n];
                    tags.extend((0..n).map(|_| input.u32()));
                    let (mut count, mut props) = (0, ptr::null_mut());
                    let s = logons[i].store;
                    let array = if pick % 7 == 0 {
                        ptr::null_mut()
                    } else {
                        tags.as_mut_ptr().cast()
                    };
                    let hr = ((*(*s).lpVtbl).GetProps)(
                        s,
                        array,
                        input.flags() & 0x8000_0000,
                        &mut count,
                        &mut props,
                    );
                    if hr >= 0 {
                        assert!(!props.is_null());
                    } else {
                        assert!(props.is_null() && count == 0);
                    }
                    free_buffer(props.cast());
                }
                _ => {}
            }
        }
    }

    // ---- the object tree -------------------------------------------------

    unsafe fn tree_op(&mut self, op: u8, pick: usize, input: &mut Input<'_>) {
        unsafe {
            match op {
                0 => self.logon(pick, input, true),
                1 => self.store_open_entry(pick, input),
                2 => self.logon_open_entry(pick, input),
                3 => self.folder_open_entry(pick, input),
                4 => self.create_folder(pick, input),
                5 => self.create_message(pick, input),
                6 => self.set_props(pick, input),
                7 => self.get_props(pick, input),
                8 => self.get_prop_list(pick, input),
                9 => self.delete_props(pick, input),
                10 => self.save_changes(pick, input),
                11 => self.modify_recipients(pick, input),
                12 => self.create_attach(pick, input),
                13 => self.open_attach(pick, input),
                14 => self.delete_attach(pick, input),
                15 => self.open_property(pick, input),
                16 => self.stream_write(pick, input),
                17 => self.stream_read(pick, input),
                18 => self.stream_seek(pick, input),
                19 => self.stream_misc(pick, input),
                20 => self.stream_copy_to(pick, input),
                21 => self.copy_messages(pick, input),
                22 => self.delete_messages(pick, input),
                23 => self.set_read_flags(pick, input),
                24 => self.copy_folder(pick, input),
                25 => self.delete_folder(pick, input),
                26 => self.get_ids_from_names(pick, input),
                27 => self.get_names_from_ids(pick, input),
                28 => self.open_status_entry(pick, input),
                29 => self.status_misc(pick, input),
                30 => self.query_interface(pick, input),
                31 => self.add_ref(pick),
                32 => self.release(pick),
                33 => self.copy_to(pick, input),
                34 => self.copy_props(pick, input),
                35 => self.get_last_error(pick, input),
                36 => self.message_misc(pick, input),
                37 => self.folder_misc(pick, input),
                38 => self.store_entry_ids(pick, input),
                39 => self.shutdown(pick, input),
                40 => self.table_advise(pick, input),
                41 => self.table_restrict(pick, input),
                42 => self.table_find_row(pick, input),
                43 => self.table_sort(pick, input),
                44 => self.table_columns(pick, input),
                45 => self.table_query_rows(pick, input),
                46 => self.table_seek(pick, input),
                47 => self.table_bookmark(pick, input),
                48 => self.store_advise(pick, input),
                49 => self.table_verify(pick),
                _ => self.open_table(pick, input),
            }
        }
    }

    /// An entry ID for OpenEntry: NULL (the root), or one of `eid`'s; false
    /// when it is empty (an argument error).
    fn open_eid(&self, input: &mut Input<'_>) -> (Option<Vec<u8>>, bool) {
        if input.chance(5) {
            (None, true)
        } else {
            let e = self.eid(input);
            let clean = !e.is_empty();
            (Some(e), clean)
        }
    }

    unsafe fn store_open_entry(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(li) = self.logon_with_store(pick) else {
            return;
        };
        let (eid, eclean) = self.open_eid(input);
        let (flags, fclean) = input.choose(&[
            MAPI_MODIFY,
            0,
            MAPI_BEST_ACCESS,
            MAPI_MODIFY | MAPI_DEFERRED_ERRORS,
        ]);
        let (iid, _) = choose_iid(input, &[IID_IMAPIFolder, IID_IMessage, IID_IMsgStore]);
        let s = self.logons[li].store;
        let (cb, p) = eid_args(&eid);
        let (mut t, mut out) = (0xDEAD, canary());
        let dead = self.dead_logon(li);
        let hr =
            unsafe { ((*(*s).lpVtbl).OpenEntry)(s, cb, p, iid_ptr(&iid), flags, &mut t, &mut out) };
        check_session("IMsgStore::OpenEntry", dead, eclean && fclean, hr);
        self.record(hr);
        unsafe { self.take_opened("IMsgStore::OpenEntry", li, hr, t, out, &iid, Some(s)) };
    }

    unsafe fn logon_open_entry(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(li) = self.live_logon(pick) else {
            return;
        };
        let (eid, eclean) = self.open_eid(input);
        let (flags, fclean) = input.choose(&[MAPI_MODIFY, 0, MAPI_BEST_ACCESS]);
        let (iid, _) = choose_iid(input, &[IID_IMAPIFolder, IID_IMessage]);
        let l = self.logons[li].logon;
        let (cb, p) = eid_args(&eid);
        let (mut t, mut out) = (0xDEAD, canary());
        let dead = self.dead_logon(li);
        let hr =
            unsafe { ((*(*l).lpVtbl).OpenEntry)(l, cb, p, iid_ptr(&iid), flags, &mut t, &mut out) };
        check_session("IMSLogon::OpenEntry", dead, eclean && fclean, hr);
        self.record(hr);
        unsafe { self.take_opened("IMSLogon::OpenEntry", li, hr, t, out, &iid, None) };
    }

    unsafe fn folder_open_entry(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let (eid, eclean) = self.open_eid(input);
        let (flags, fclean) = input.choose(&[MAPI_MODIFY, 0, MAPI_BEST_ACCESS]);
        let (iid, _) = choose_iid(input, &[IID_IMAPIFolder, IID_IMessage]);
        let f = self.objs[i].ptr;
        let (cb, p) = eid_args(&eid);
        let (mut t, mut out) = (0xDEAD, canary());
        let c = self.ctx("IMAPIFolder::OpenEntry", i, eclean && fclean);
        let hr = unsafe {
            (folder_vt(f).OpenEntry)(f.cast(), cb, p, iid_ptr(&iid), flags, &mut t, &mut out)
        };
        check(c, hr);
        self.record(hr);
        let li = self.objs[i].logon;
        unsafe { self.take_opened("IMAPIFolder::OpenEntry", li, hr, t, out, &iid, None) };
    }

    unsafe fn create_folder(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let mut keep = Keep::default();
        let (ftype, tclean) = input.choose(&[
            FOLDER_GENERIC,
            FOLDER_GENERIC,
            FOLDER_GENERIC,
            FOLDER_SEARCH,
        ]);
        let (flags, fclean) = input.choose(&[
            0,
            OPEN_IF_EXISTS,
            MAPI_UNICODE,
            MAPI_UNICODE | OPEN_IF_EXISTS,
            MAPI_DEFERRED_ERRORS,
        ]);
        let wide = flags & MAPI_UNICODE != 0;
        let (name, nclean) = text(&mut keep, input, wide);
        let (comment, cclean) = if input.chance(2) {
            (ptr::null_mut(), true)
        } else {
            let (p, ok) = text(&mut keep, input, wide);
            (p, ok || p.is_null())
        };
        let (iid, iclean) = choose_iid(input, kind_iids(Kind::Folder));
        let f = self.objs[i].ptr;
        let mut out = canary();
        let c = self.ctx(
            "IMAPIFolder::CreateFolder",
            i,
            tclean && fclean && nclean && cclean && iclean,
        );
        let hr = unsafe {
            (folder_vt(f).CreateFolder)(
                f.cast(),
                ftype,
                name,
                comment,
                iid_ptr(&iid),
                flags,
                &mut out,
            )
        };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(
                out.is_null(),
                "CreateFolder: *lppFolder not NULL on failure"
            );
        } else {
            let li = self.objs[i].logon;
            unsafe {
                // Its entry ID, for OpenEntry, CopyFolder, DeleteFolder.
                self.harvest_entry_id(out.cast(), i);
                self.register(Kind::Folder, out.cast(), li);
            }
        }
    }

    unsafe fn create_message(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let (flags, fclean) = input.choose(&[0, 0, MAPI_ASSOCIATED, MAPI_DEFERRED_ERRORS]);
        let (iid, iclean) = choose_iid(input, kind_iids(Kind::Message));
        let f = self.objs[i].ptr;
        let mut out = canary();
        let c = self.ctx("IMAPIFolder::CreateMessage", i, fclean && iclean);
        let hr = unsafe { (folder_vt(f).CreateMessage)(f.cast(), iid_ptr(&iid), flags, &mut out) };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(
                out.is_null(),
                "CreateMessage: *lppMessage not NULL on failure"
            );
        } else {
            let li = self.objs[i].logon;
            unsafe {
                // Saved at once (sometimes), and its entry ID kept: what
                // CopyMessages, DeleteMessages and OpenEntry find.
                if input.chance(2) {
                    let m = out.cast::<c_void>();
                    let c = self.ctx("IMAPIProp::SaveChanges", i, true);
                    check(c, (prop_vt(m).SaveChanges)(m.cast(), KEEP_OPEN_READWRITE));
                    self.harvest_entry_id(m, i);
                }
                self.register(Kind::Message, out.cast(), li);
            }
        }
    }

    /// An `SPropValue` array of 0..=max values (of `tag`'s tags, or of
    /// `tags` when given), kept in `keep`; false when the array makes the
    /// whole call invalid.
    fn prop_array(
        &self,
        keep: &mut Keep,
        input: &mut Input<'_>,
        max: usize,
        tags: Option<&[ULONG]>,
    ) -> (*mut SPropValue, ULONG, bool) {
        // Mostly not empty (an empty array is an argument error).
        let n = if input.chance(8) {
            0
        } else {
            1 + input.below(max)
        };
        let mut clean = n > 0;
        let mut props = Vec::with_capacity(n);
        for _ in 0..n {
            let tag = match tags {
                Some(t) if !input.chance(4) => input.pick(t),
                _ => {
                    let t = self.tag(input);
                    if PROP_TYPE(t) == PT_UNSPECIFIED && input.chance(2) {
                        CHANGE_PROP_TYPE(t, input.pick(TYPES))
                    } else {
                        t
                    }
                }
            };
            let (v, ok) = value(keep, input, PROP_TYPE(tag));
            // PR_NULL and PT_ERROR entries are skipped unread.
            clean &= ok || tag == PR_NULL || PROP_TYPE(tag) == PT_ERROR;
            props.push(SPropValue {
                ulPropTag: tag,
                dwAlignPad: 0,
                Value: v,
            });
        }
        let p = props.as_mut_ptr();
        keep.props.push(props);
        if n > 0 && input.chance(16) {
            return (ptr::null_mut(), n as ULONG, false);
        }
        (p, n as ULONG, clean)
    }

    /// Checks and frees a returned `SPropProblemArray`.
    unsafe fn take_problems(&self, slot: &str, hr: HRESULT, p: *mut SPropProblemArray, n: ULONG) {
        if hr < 0 {
            assert!(p.is_null(), "{slot}: *lppProblems not NULL on failure");
            return;
        }
        if p.is_null() {
            return;
        }
        unsafe {
            let count = ptr::addr_of!((*p).cProblem).read_unaligned();
            assert!(count > 0, "{slot}: an empty problem array");
            let base = ptr::addr_of!((*p).aProblem).cast::<SPropProblem>();
            for k in 0..count as usize {
                let pr = base.add(k).read_unaligned();
                assert!(
                    pr.ulIndex < n,
                    "{slot}: problem index {} of {n}",
                    pr.ulIndex
                );
                assert!(pr.scode < 0, "{slot}: problem scode {:#x}", pr.scode);
            }
            free_buffer(p.cast());
        }
    }

    unsafe fn set_props(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let mut keep = Keep::default();
        let (props, n, clean) = self.prop_array(&mut keep, input, 6, None);
        let want = !input.chance(4);
        let mut problems = canary();
        let o = self.objs[i].ptr;
        let c = self.ctx("IMAPIProp::SetProps", i, clean);
        let hr = unsafe {
            (prop_vt(o).SetProps)(
                o.cast(),
                n,
                props,
                if want { &mut problems } else { ptr::null_mut() },
            )
        };
        check(c, hr);
        self.record(hr);
        if want {
            unsafe { self.take_problems("SetProps", hr, problems, n) };
        }
    }

    unsafe fn get_props(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let (mut tags, tclean) = self.tag_array(input, 8);
        let all = input.chance(4);
        let (flags, fclean) = input.choose(&[0, MAPI_UNICODE]);
        let no_count = input.chance(32);
        let o = self.objs[i].ptr;
        let (mut count, mut props) = (0xDEAD, canary());
        let c = self.ctx(
            "IMAPIProp::GetProps",
            i,
            (all || tclean) && fclean && !no_count,
        );
        let hr = unsafe {
            (prop_vt(o).GetProps)(
                o.cast(),
                if all {
                    ptr::null_mut()
                } else {
                    tags.as_mut_ptr().cast()
                },
                flags,
                if no_count {
                    ptr::null_mut()
                } else {
                    &mut count
                },
                &mut props,
            )
        };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(
                props.is_null(),
                "GetProps: *lppPropArray not NULL on failure"
            );
            assert!(
                no_count || count == 0,
                "GetProps: *lpcValues not 0 on failure"
            );
            return;
        }
        assert!(!props.is_null(), "GetProps: success without values");
        let asked = (!all).then(|| &tags[1..]);
        if let Some(a) = asked {
            assert_eq!(count as usize, a.len(), "GetProps: a value per tag");
        }
        let wide = flags & MAPI_UNICODE != 0;
        unsafe {
            self.walk_props("GetProps", props, count as usize, asked, wide);
            if hr == S_OK {
                for k in 0..count as usize {
                    let t = PROP_TYPE(props.add(k).read_unaligned().ulPropTag);
                    assert_ne!(t, PT_ERROR, "GetProps: S_OK with a PT_ERROR value");
                }
            }
            free_buffer(props.cast());
        }
    }

    unsafe fn get_prop_list(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let (flags, fclean) = input.choose(&[0, MAPI_UNICODE]);
        let o = self.objs[i].ptr;
        let mut out = canary();
        let c = self.ctx("IMAPIProp::GetPropList", i, fclean);
        let hr = unsafe { (prop_vt(o).GetPropList)(o.cast(), flags, &mut out) };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(out.is_null(), "GetPropList: out not NULL on failure");
            return;
        }
        assert!(!out.is_null());
        unsafe {
            let n = ptr::addr_of!((*out).cValues).read_unaligned() as usize;
            let base = ptr::addr_of!((*out).aulPropTag).cast::<ULONG>();
            for k in 0..n {
                let t = base.add(k).read_unaligned();
                assert_ne!(PROP_TYPE(t), PT_ERROR, "GetPropList: {t:#x}");
                if k < 8 {
                    self.remember_tag(t);
                }
            }
            free_buffer(out.cast());
        }
    }

    unsafe fn delete_props(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let (mut tags, tclean) = self.tag_array(input, 6);
        let null = input.chance(16);
        let want = !input.chance(4);
        let mut problems = canary();
        let o = self.objs[i].ptr;
        let c = self.ctx("IMAPIProp::DeleteProps", i, tclean && !null);
        let hr = unsafe {
            (prop_vt(o).DeleteProps)(
                o.cast(),
                if null {
                    ptr::null_mut()
                } else {
                    tags.as_mut_ptr().cast()
                },
                if want { &mut problems } else { ptr::null_mut() },
            )
        };
        check(c, hr);
        self.record(hr);
        if want {
            unsafe { self.take_problems("DeleteProps", hr, problems, tags[0]) };
        }
    }

    unsafe fn save_changes(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let (flags, fclean) = input.choose(&[
            KEEP_OPEN_READWRITE,
            0,
            KEEP_OPEN_READONLY,
            FORCE_SAVE | KEEP_OPEN_READWRITE,
            MAPI_DEFERRED_ERRORS | KEEP_OPEN_READWRITE,
        ]);
        let o = self.objs[i].ptr;
        let c = self.ctx("IMAPIProp::SaveChanges", i, fclean);
        let hr = unsafe { (prop_vt(o).SaveChanges)(o.cast(), flags) };
        check(c, hr);
        self.record(hr);
    }

    unsafe fn modify_recipients(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Message]) else {
            return;
        };
        #[repr(C)]
        struct AdrList4 {
            c_entries: ULONG,
            entries: [ADRENTRY; 4],
        }
        let mut keep = Keep::default();
        let (flags, fclean) = input.choose(&[MODRECIP_ADD, 0, MODRECIP_MODIFY, MODRECIP_REMOVE]);
        let n = input.below(5);
        let mut clean = fclean;
        let empty = ADRENTRY {
            ulReserved1: 0,
            cValues: 0,
            rgPropVals: ptr::null_mut(),
        };
        let mut list = AdrList4 {
            c_entries: n as ULONG,
            entries: [empty; 4],
        };
        const RECIPIENT_TAGS: &[ULONG] = &[
            PR_DISPLAY_NAME_W,
            PR_EMAIL_ADDRESS_W,
            PR_ADDRTYPE_W,
            PR_RECIPIENT_TYPE,
            PR_ROWID,
            PR_DISPLAY_NAME_A,
        ];
        for e in list.entries.iter_mut().take(n) {
            let (p, c, ok) = self.prop_array(&mut keep, input, 4, Some(RECIPIENT_TAGS));
            // Small PR_ROWIDs and recipient types, so that they match.
            for k in 0..c as usize {
                if p.is_null() {
                    break;
                }
                let v = unsafe { &mut *p.add(k) };
                if v.ulPropTag == PR_ROWID || v.ulPropTag == PR_RECIPIENT_TYPE {
                    v.Value.ul = input.below(4) as ULONG;
                }
            }
            // A value the library cannot read is an argument error here.
            clean &= ok;
            *e = ADRENTRY {
                ulReserved1: 0,
                cValues: c,
                rgPropVals: p,
            };
        }
        let null = input.chance(16);
        let m = self.objs[i].ptr;
        let c = Ctx {
            // Problems (unknown types, bad strings) are argument errors too.
            clean: false,
            ..self.ctx("IMessage::ModifyRecipients", i, clean && !null)
        };
        let hr = unsafe {
            (msg_vt(m).ModifyRecipients)(
                m.cast(),
                flags,
                if null {
                    ptr::null_mut()
                } else {
                    ptr::addr_of_mut!(list).cast()
                },
            )
        };
        check(c, hr);
        self.record(hr);
    }

    unsafe fn create_attach(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Message]) else {
            return;
        };
        let (flags, fclean) = input.choose(&[0, MAPI_DEFERRED_ERRORS]);
        let (iid, iclean) = choose_iid(input, kind_iids(Kind::Attach));
        let m = self.objs[i].ptr;
        let (mut num, mut out) = (0xDEAD, canary());
        let c = self.ctx("IMessage::CreateAttach", i, fclean && iclean);
        let hr =
            unsafe { (msg_vt(m).CreateAttach)(m.cast(), iid_ptr(&iid), flags, &mut num, &mut out) };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(
                out.is_null() && num == 0,
                "CreateAttach: outs not cleared on failure"
            );
        } else {
            if !self.attach_nums.contains(&num) && self.attach_nums.len() < 16 {
                self.attach_nums.push(num);
            }
            let li = self.objs[i].logon;
            unsafe {
                // Committed into the message at once (sometimes): what
                // OpenAttach and DeleteAttach find.
                if input.chance(2) {
                    let a = out.cast::<c_void>();
                    let c = self.ctx("IMAPIProp::SaveChanges", i, true);
                    check(c, (prop_vt(a).SaveChanges)(a.cast(), KEEP_OPEN_READWRITE));
                }
                self.register(Kind::Attach, out.cast(), li);
            }
        }
    }

    fn attach_num(&self, input: &mut Input<'_>) -> ULONG {
        if !self.attach_nums.is_empty() && !input.chance(4) {
            self.attach_nums[input.below(self.attach_nums.len())]
        } else {
            input.pick(&[0, 1, 2, 3, u32::MAX, 0x8000_0000])
        }
    }

    unsafe fn open_attach(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Message]) else {
            return;
        };
        let num = self.attach_num(input);
        let (flags, fclean) = input.choose(&[
            MAPI_MODIFY,
            0,
            MAPI_BEST_ACCESS,
            MAPI_DEFERRED_ERRORS | MAPI_MODIFY,
        ]);
        let (iid, iclean) = choose_iid(input, kind_iids(Kind::Attach));
        let m = self.objs[i].ptr;
        let mut out = canary();
        let c = self.ctx("IMessage::OpenAttach", i, fclean && iclean);
        let hr = unsafe { (msg_vt(m).OpenAttach)(m.cast(), num, iid_ptr(&iid), flags, &mut out) };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(out.is_null(), "OpenAttach: out not NULL on failure");
        } else {
            let li = self.objs[i].logon;
            unsafe { self.register(Kind::Attach, out.cast(), li) };
        }
    }

    unsafe fn delete_attach(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Message]) else {
            return;
        };
        let num = self.attach_num(input);
        let (flags, fclean) = input.choose(&[0, ATTACH_DIALOG]);
        let m = self.objs[i].ptr;
        let c = self.ctx("IMessage::DeleteAttach", i, fclean);
        let hr = unsafe {
            (msg_vt(m).DeleteAttach)(
                m.cast(),
                num,
                input.byte().unwrap_or(0) as ULONG_PTR,
                ptr::null_mut(),
                flags,
            )
        };
        check(c, hr);
        self.record(hr);
    }

    unsafe fn open_property(&mut self, pick: usize, input: &mut Input<'_>) {
        let kinds: &[Kind] = if input.chance(6) {
            &PROP_KINDS
        } else {
            &[Kind::Message, Kind::Attach]
        };
        let Some(i) = self.obj_of(pick, kinds) else {
            return;
        };
        let iid = match input.below(8) {
            0 => None,
            1 | 2 => Some(IID_IMAPITable),
            3 => Some(input.pick(&ALL_IIDS)),
            _ => Some(IID_IStream),
        };
        let tag = if iid == Some(IID_IMAPITable) && !input.chance(8) {
            input.pick(&[
                PR_MESSAGE_RECIPIENTS,
                PR_MESSAGE_ATTACHMENTS,
                PR_CONTAINER_CONTENTS,
                PR_FOLDER_ASSOCIATED_CONTENTS,
                PR_CONTAINER_HIERARCHY,
            ])
        } else {
            match input.below(10) {
                0 => PR_BODY_A,
                1 => PR_SUBJECT_W,
                2 | 3 => PR_ATTACH_DATA_BIN,
                4 => PR_HTML,
                5 => PR_RTF_COMPRESSED,
                6 => PR_ATTACH_DATA_OBJ,
                7 => self.tag(input),
                _ => PR_BODY_W,
            }
        };
        let options = input.pick(&[
            STGM_READ,
            STGM_READWRITE,
            STGM_WRITE | STGM_CREATE,
            MAPI_UNICODE,
        ]);
        let (flags, fclean) = input.choose(&[
            MAPI_MODIFY,
            0,
            MAPI_CREATE | MAPI_MODIFY,
            MAPI_CREATE,
            MAPI_BEST_ACCESS,
        ]);
        let o = self.objs[i].ptr;
        let mut out = canary();
        let c = self.ctx("IMAPIProp::OpenProperty", i, fclean && iid.is_some());
        let hr = unsafe {
            (prop_vt(o).OpenProperty)(o.cast(), tag, iid_ptr(&iid), options, flags, &mut out)
        };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(out.is_null(), "OpenProperty: out not NULL on failure");
            return;
        }
        let kind = if iid == Some(IID_IStream) {
            Kind::Stream
        } else if iid == Some(IID_IMAPITable) {
            Kind::Table
        } else {
            panic!("OpenProperty: an object for {iid:?}")
        };
        let li = self.objs[i].logon;
        unsafe { self.register(kind, out.cast(), li) };
    }

    unsafe fn stream_write(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Stream]) else {
            return;
        };
        let data = input.bytes(64);
        let null = input.chance(16);
        let want = !input.chance(4);
        let mut written = 0xDEAD;
        let s = self.objs[i].ptr;
        let c = self.ctx("IStream::Write", i, !null);
        let hr = unsafe {
            (stream_vt(s).Write)(
                s.cast(),
                if null {
                    ptr::null()
                } else {
                    data.as_ptr().cast()
                },
                data.len() as ULONG,
                if want { &mut written } else { ptr::null_mut() },
            )
        };
        check(c, hr);
        self.record(hr);
        if want {
            if hr < 0 {
                assert_eq!(written, 0, "Write: *pcbWritten on failure");
            } else {
                assert_eq!(written as usize, data.len(), "Write: *pcbWritten");
            }
        }
    }

    unsafe fn stream_read(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Stream]) else {
            return;
        };
        let cb = input.byte().unwrap_or(0) as usize;
        let mut buf = vec![0u8; cb];
        let null = input.chance(16);
        let want = !input.chance(4);
        let mut read = 0xDEAD;
        let s = self.objs[i].ptr;
        let c = self.ctx("IStream::Read", i, !null);
        let hr = unsafe {
            (stream_vt(s).Read)(
                s.cast(),
                if null {
                    ptr::null_mut()
                } else {
                    buf.as_mut_ptr().cast()
                },
                cb as ULONG,
                if want { &mut read } else { ptr::null_mut() },
            )
        };
        check(c, hr);
        self.record(hr);
        if want {
            if hr < 0 {
                assert_eq!(read, 0, "Read: *pcbRead on failure");
            } else {
                assert!(read as usize <= cb, "Read: {read} of {cb}");
            }
        }
    }

    unsafe fn stream_seek(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Stream]) else {
            return;
        };
        let s = self.objs[i].ptr;
        if input.chance(3) {
            // SetSize: small, or beyond what a stream may hold (never a
            // size that would really allocate gigabytes).
            let size = match input.below(4) {
                0 => u64::from(u32::MAX) + 1 + u64::from(input.u32()),
                1 => u64::MAX,
                _ => input.below(256) as u64 * 16,
            };
            let c = self.ctx("IStream::SetSize", i, true);
            let hr = unsafe { (stream_vt(s).SetSize)(s.cast(), ULARGE_INTEGER { QuadPart: size }) };
            check(c, hr);
            self.record(hr);
            if size > u64::from(u32::MAX) {
                assert!(hr < 0, "SetSize({size:#x}) succeeded");
            }
            return;
        }
        let offset: i64 = match input.below(8) {
            0 => i64::MIN,
            1 => i64::MAX,
            2 => 1 << 32,
            3 => -(1 << 32),
            _ => i64::from(input.byte().unwrap_or(0) as i8) * 4,
        };
        let origin = match input.below(8) {
            0 => input.u32(),
            k => [STREAM_SEEK_SET, STREAM_SEEK_CUR, STREAM_SEEK_END][k % 3],
        };
        let want = !input.chance(4);
        let mut pos = ULARGE_INTEGER { QuadPart: 0xDEAD };
        let c = self.ctx("IStream::Seek", i, true);
        let hr = unsafe {
            (stream_vt(s).Seek)(
                s.cast(),
                LARGE_INTEGER { QuadPart: offset },
                origin,
                if want { &mut pos } else { ptr::null_mut() },
            )
        };
        check(c, hr);
        self.record(hr);
        if want && hr >= 0 {
            assert!(
                pos.QuadPart <= u64::from(u32::MAX),
                "Seek: position {:#x}",
                pos.QuadPart
            );
        }
    }

    unsafe fn stream_misc(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Stream]) else {
            return;
        };
        let s = self.objs[i].ptr;
        let vt = unsafe { stream_vt(s) };
        match input.below(6) {
            0 => {
                let (flags, fclean) = input.choose(&[0, 1, 2, 4, 8]);
                let c = self.ctx("IStream::Commit", i, fclean);
                let hr = unsafe { (vt.Commit)(s.cast(), flags) };
                check(c, hr);
                self.record(hr);
            }
            1 => {
                let c = self.ctx("IStream::Revert", i, true);
                let hr = unsafe { (vt.Revert)(s.cast()) };
                check(c, hr);
                self.record(hr);
            }
            2 => {
                let null = input.chance(8);
                let mut stat: STATSTG = unsafe { std::mem::zeroed() };
                stat.pwcsName = canary();
                let c = self.ctx("IStream::Stat", i, !null);
                let hr = unsafe {
                    (vt.Stat)(
                        s.cast(),
                        if null { ptr::null_mut() } else { &mut stat },
                        input.pick(&[STATFLAG_DEFAULT, STATFLAG_NONAME, 7]),
                    )
                };
                check(c, hr);
                self.record(hr);
                if hr >= 0 {
                    assert!(stat.pwcsName.is_null(), "Stat: a name nobody frees");
                    assert_eq!(stat.r#type, STGTY_STREAM);
                    assert!(stat.cbSize.QuadPart <= u64::from(u32::MAX));
                }
            }
            3 => {
                let null = input.chance(4);
                let mut out = canary();
                let c = self.ctx("IStream::Clone", i, true);
                let hr =
                    unsafe { (vt.Clone)(s.cast(), if null { ptr::null_mut() } else { &mut out }) };
                check(c, hr);
                self.record(hr);
                if hr < 0 {
                    assert!(null || out.is_null(), "Clone: out not NULL on failure");
                } else {
                    let li = self.objs[i].logon;
                    unsafe { self.register(Kind::Stream, out.cast(), li) };
                }
            }
            k => {
                let (slot, f) = if k == 4 {
                    ("IStream::LockRegion", vt.LockRegion)
                } else {
                    ("IStream::UnlockRegion", vt.UnlockRegion)
                };
                let c = self.ctx(slot, i, true);
                let hr = unsafe {
                    f(
                        s.cast(),
                        ULARGE_INTEGER {
                            QuadPart: input.u64(),
                        },
                        ULARGE_INTEGER {
                            QuadPart: input.u64(),
                        },
                        input.u32(),
                    )
                };
                check(c, hr);
                self.record(hr);
            }
        }
    }

    unsafe fn stream_copy_to(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Stream]) else {
            return;
        };
        let d = if input.chance(8) {
            None
        } else {
            self.obj_of(input.byte().unwrap_or(0) as usize, &[Kind::Stream])
        };
        let cb = match input.below(16) {
            0 => u64::MAX,
            _ => input.below(200) as u64,
        };
        let (want_r, want_w) = (!input.chance(4), !input.chance(4));
        let mut r = ULARGE_INTEGER { QuadPart: 0xDEAD };
        let mut w = ULARGE_INTEGER { QuadPart: 0xDEAD };
        let s = self.objs[i].ptr;
        let dest = d.map_or(ptr::null_mut(), |d| self.objs[d].ptr);
        let c = Ctx {
            other_dead: d.is_some_and(|d| self.dead(d)),
            ..self.ctx("IStream::CopyTo", i, d.is_some())
        };
        let hr = unsafe {
            (stream_vt(s).CopyTo)(
                s.cast(),
                dest.cast(),
                ULARGE_INTEGER { QuadPart: cb },
                if want_r { &mut r } else { ptr::null_mut() },
                if want_w { &mut w } else { ptr::null_mut() },
            )
        };
        check(c, hr);
        self.record(hr);
        if hr >= 0 {
            if want_r {
                assert!(r.QuadPart <= cb, "CopyTo: read {} of {cb}", r.QuadPart);
            }
            if want_r && want_w {
                assert_eq!(r.QuadPart, w.QuadPart, "CopyTo: read and written differ");
            }
        } else if c.dead {
            assert!(!want_r || r.QuadPart == 0);
            assert!(!want_w || w.QuadPart == 0);
        }
    }

    /// An `ENTRYLIST` of 0..=4 entry IDs, or NULL; false when invalid.
    fn entry_list(
        &self,
        keep: &mut Keep,
        input: &mut Input<'_>,
        null_ok: bool,
    ) -> (*mut ENTRYLIST, bool) {
        if input.chance(10) {
            return (ptr::null_mut(), null_ok);
        }
        let n = input.below(5);
        let mut clean = true;
        // A message may be listed twice (the library acts on it once).
        let ids: Vec<Vec<u8>> = (0..n).map(|_| self.eid(input)).collect();
        let mut bins: Vec<SBinary> = ids
            .iter()
            .map(|e| {
                clean &= !e.is_empty();
                SBinary {
                    cb: e.len() as ULONG,
                    lpb: keep.raw(e),
                }
            })
            .collect();
        let list = SBinaryArray {
            cValues: bins.len() as ULONG,
            lpbin: bins.as_mut_ptr(),
        };
        keep.bins.push(bins);
        let mut holder = vec![0u64; 2];
        let p = holder.as_mut_ptr().cast::<SBinaryArray>();
        unsafe { p.write(list) };
        keep.words.push(holder);
        (p, clean)
    }

    unsafe fn copy_messages(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let mut keep = Keep::default();
        let (list, lclean) = self.entry_list(&mut keep, input, false);
        let d = self.dest(input, &[Kind::Folder]);
        let (flags, fclean) = input.choose(&[0, MESSAGE_MOVE, MAPI_DECLINE_OK, MESSAGE_DIALOG]);
        let f = self.objs[i].ptr;
        let c = Ctx {
            other_dead: self.dest_dead(d),
            ..self.ctx("IMAPIFolder::CopyMessages", i, lclean && fclean)
        };
        let hr = unsafe {
            (folder_vt(f).CopyMessages)(
                f.cast(),
                list,
                ptr::null(),
                self.dest_ptr(d),
                0,
                ptr::null_mut(),
                flags,
            )
        };
        check(c, hr);
        self.record(hr);
    }

    unsafe fn delete_messages(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let mut keep = Keep::default();
        let (list, lclean) = self.entry_list(&mut keep, input, false);
        let (flags, fclean) = input.choose(&[0, MESSAGE_DIALOG]);
        let f = self.objs[i].ptr;
        let c = self.ctx("IMAPIFolder::DeleteMessages", i, lclean && fclean);
        let hr =
            unsafe { (folder_vt(f).DeleteMessages)(f.cast(), list, 0, ptr::null_mut(), flags) };
        check(c, hr);
        self.record(hr);
    }

    unsafe fn set_read_flags(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let mut keep = Keep::default();
        let (list, lclean) = self.entry_list(&mut keep, input, true);
        let (flags, fclean) = input.choose(&[
            0,
            CLEAR_READ_FLAG,
            SUPPRESS_RECEIPT,
            GENERATE_RECEIPT_ONLY,
            MAPI_DEFERRED_ERRORS,
        ]);
        let f = self.objs[i].ptr;
        let c = self.ctx("IMAPIFolder::SetReadFlags", i, lclean && fclean);
        let hr = unsafe { (folder_vt(f).SetReadFlags)(f.cast(), list, 0, ptr::null_mut(), flags) };
        check(c, hr);
        self.record(hr);
    }

    unsafe fn copy_folder(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let mut keep = Keep::default();
        let e = self.eid(input);
        let d = self.dest(input, &[Kind::Folder]);
        let (flags, fclean) = input.choose(&[
            0,
            FOLDER_MOVE,
            COPY_SUBFOLDERS,
            FOLDER_MOVE | COPY_SUBFOLDERS,
            MAPI_UNICODE,
            MAPI_UNICODE | FOLDER_MOVE,
        ]);
        let (name, nclean) = if input.chance(2) {
            (ptr::null_mut(), true)
        } else {
            let (p, ok) = text(&mut keep, input, flags & MAPI_UNICODE != 0);
            (p, ok || p.is_null())
        };
        let f = self.objs[i].ptr;
        let c = Ctx {
            other_dead: self.dest_dead(d),
            ..self.ctx(
                "IMAPIFolder::CopyFolder",
                i,
                fclean && nclean && !e.is_empty(),
            )
        };
        let hr = unsafe {
            (folder_vt(f).CopyFolder)(
                f.cast(),
                e.len() as ULONG,
                e.as_ptr().cast_mut().cast(),
                ptr::null(),
                self.dest_ptr(d),
                name,
                0,
                ptr::null_mut(),
                flags,
            )
        };
        check(c, hr);
        self.record(hr);
    }

    unsafe fn delete_folder(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let e = self.eid(input);
        let (flags, fclean) =
            input.choose(&[0, DEL_FOLDERS, DEL_MESSAGES, DEL_FOLDERS | DEL_MESSAGES]);
        let f = self.objs[i].ptr;
        let c = self.ctx("IMAPIFolder::DeleteFolder", i, fclean && !e.is_empty());
        let hr = unsafe {
            (folder_vt(f).DeleteFolder)(
                f.cast(),
                e.len() as ULONG,
                e.as_ptr().cast_mut().cast(),
                0,
                ptr::null_mut(),
                flags,
            )
        };
        check(c, hr);
        self.record(hr);
    }

    unsafe fn get_ids_from_names(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let mut keep = Keep::default();
        static GUIDS: [GUID; 2] = [
            GUID::new(0x0002_0329, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]),
            GUID::new(0x0006_2008, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]),
        ];
        let n = input.below(5);
        let mut clean = true;
        let mut names: Vec<*mut c_void> = Vec::with_capacity(n);
        for _ in 0..n {
            if input.chance(16) {
                names.push(ptr::null_mut());
                clean = false;
                continue;
            }
            let lpguid: *mut GUID = match input.below(8) {
                0 => {
                    clean = false;
                    ptr::null_mut()
                }
                1 => {
                    let b: Vec<u8> = (0..16).map(|_| input.byte().unwrap_or(0)).collect();
                    keep.raw(&b).cast()
                }
                k => ptr::from_ref(&GUIDS[k % 2]).cast_mut(),
            };
            let (kind, value) = match input.below(8) {
                0 => {
                    // Neither MNID_ID nor MNID_STRING (never a string kind
                    // without a string).
                    clean = false;
                    (
                        input.u32() | 2,
                        MAPINAMEID_Kind {
                            lpwstrName: ptr::null_mut(),
                        },
                    )
                }
                1..=4 => {
                    // The whole union written: the 4-byte ID, then zeros.
                    let mut value = MAPINAMEID_Kind {
                        lpwstrName: ptr::null_mut(),
                    };
                    value.lID = input.pick(&[0x8501, 0x8502, 0, -1, 0x10]);
                    (MNID_ID, value)
                }
                _ => {
                    let (p, ok) = text(&mut keep, input, true);
                    clean &= ok;
                    (
                        MNID_STRING,
                        MAPINAMEID_Kind {
                            lpwstrName: p.cast(),
                        },
                    )
                }
            };
            let mut name = Box::new(MAPINAMEID {
                lpguid,
                ulKind: kind,
                Kind: value,
            });
            names.push(ptr::addr_of_mut!(*name).cast());
            keep.names.push(name);
        }
        let null = n > 0 && input.chance(16);
        let (flags, fclean) = input.choose(&[MAPI_CREATE, 0, MAPI_CREATE | MAPI_DEFERRED_ERRORS]);
        let array = if n == 0 || null {
            ptr::null_mut()
        } else {
            keep.ptrs(names)
        };
        let o = self.objs[i].ptr;
        let mut out = canary();
        let c = self.ctx("IMAPIProp::GetIDsFromNames", i, clean && fclean && !null);
        let hr = unsafe {
            (prop_vt(o).GetIDsFromNames)(o.cast(), n as ULONG, array.cast(), flags, &mut out)
        };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(out.is_null(), "GetIDsFromNames: out not NULL on failure");
            return;
        }
        assert!(!out.is_null());
        unsafe {
            let count = ptr::addr_of!((*out).cValues).read_unaligned() as usize;
            if n > 0 {
                assert_eq!(count, n, "GetIDsFromNames: a tag per name");
            }
            let base = ptr::addr_of!((*out).aulPropTag).cast::<ULONG>();
            for k in 0..count {
                let t = base.add(k).read_unaligned();
                if PROP_TYPE(t) != PT_ERROR {
                    assert!(PROP_ID(t) >= 0x8000, "GetIDsFromNames: named ID {t:#x}");
                    if k < 4 {
                        self.remember_tag(t);
                    }
                } else {
                    assert_eq!(
                        hr, MAPI_W_ERRORS_RETURNED,
                        "GetIDsFromNames: an error with S_OK"
                    );
                }
            }
            free_buffer(out.cast());
        }
    }

    unsafe fn get_names_from_ids(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let (mut tags, tclean) = self.tag_array(input, 4);
        let all = input.chance(3);
        let null_outer = input.chance(16);
        let mut inner: *mut SPropTagArray = if all {
            ptr::null_mut()
        } else {
            tags.as_mut_ptr().cast()
        };
        let asked = inner;
        let guid = GUID::new(0x0002_0329, 0, 0, [0xC0, 0, 0, 0, 0, 0, 0, 0x46]);
        let mut guid_copy = guid;
        let with_guid = input.chance(3);
        let (flags, fclean) = input.choose(&[0, MAPI_NO_STRINGS, MAPI_NO_IDS]);
        let (mut count, mut names) = (0xDEAD, canary());
        let o = self.objs[i].ptr;
        let c = self.ctx(
            "IMAPIProp::GetNamesFromIDs",
            i,
            (all || tclean) && fclean && !null_outer,
        );
        let hr = unsafe {
            (prop_vt(o).GetNamesFromIDs)(
                o.cast(),
                if null_outer {
                    ptr::null_mut()
                } else {
                    &mut inner
                },
                if with_guid {
                    &mut guid_copy
                } else {
                    ptr::null_mut()
                },
                flags,
                &mut count,
                &mut names,
            )
        };
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(
                names.is_null() && count == 0,
                "GetNamesFromIDs: outs on failure"
            );
            assert_eq!(
                inner, asked,
                "GetNamesFromIDs: the tag array replaced on failure"
            );
            return;
        }
        assert!(!names.is_null());
        unsafe {
            if all {
                assert!(
                    !inner.is_null(),
                    "GetNamesFromIDs: no tag array for all names"
                );
                let n = ptr::addr_of!((*inner).cValues).read_unaligned();
                assert_eq!(n, count, "GetNamesFromIDs: a name per tag");
                free_buffer(inner.cast());
            } else {
                assert_eq!(inner, asked);
                assert_eq!(count, tags[0], "GetNamesFromIDs: a name per tag");
            }
            for k in 0..count as usize {
                let p = names.add(k).read_unaligned();
                if p.is_null() {
                    continue;
                }
                let n = p.read_unaligned();
                touch(n.lpguid.cast(), 16);
                match n.ulKind {
                    MNID_ID => {}
                    MNID_STRING => {
                        string_len(n.Kind.lpwstrName.cast(), true);
                    }
                    k => panic!("GetNamesFromIDs: ulKind {k}"),
                }
            }
            free_buffer(names.cast());
        }
    }

    unsafe fn open_status_entry(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(li) = self.live_logon(pick) else {
            return;
        };
        let (iid, _) = choose_iid(input, kind_iids(Kind::Status));
        let (flags, fclean) = input.choose(&[0]);
        let l = self.logons[li].logon;
        let (mut t, mut out) = (0xDEAD, canary());
        let dead = self.dead_logon(li);
        let hr =
            unsafe { ((*(*l).lpVtbl).OpenStatusEntry)(l, iid_ptr(&iid), flags, &mut t, &mut out) };
        check_session("IMSLogon::OpenStatusEntry", dead, fclean, hr);
        self.record(hr);
        if hr < 0 {
            assert!(out.is_null() && t == 0, "OpenStatusEntry: outs on failure");
            return;
        }
        assert_eq!(t, MAPI_STATUS);
        if let Some(i) = iid {
            assert!(
                kind_iids(Kind::Status).contains(&i),
                "OpenStatusEntry as {i:?}"
            );
        }
        unsafe { self.register(Kind::Status, out, li) };
    }

    unsafe fn status_misc(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Status]) else {
            return;
        };
        let s = self.objs[i].ptr;
        let vt = unsafe { status_vt(s) };
        let ui = input.byte().unwrap_or(0) as ULONG_PTR;
        let (slot, hr, clean) = unsafe {
            match input.below(5) {
                0 => (
                    "IMAPIStatus::SettingsDialog",
                    (vt.SettingsDialog)(s.cast(), ui, 0),
                    true,
                ),
                1 => (
                    "IMAPIStatus::ChangePassword",
                    (vt.ChangePassword)(s.cast(), ptr::null_mut(), ptr::null_mut(), 0),
                    true,
                ),
                2 => (
                    "IMAPIStatus::FlushQueues",
                    (vt.FlushQueues)(s.cast(), ui, 0, ptr::null_mut(), 0),
                    true,
                ),
                _ => {
                    let (flags, fclean) = input.choose(&[0, SUPPRESS_UI, CONFIG_CHANGED]);
                    (
                        "IMAPIStatus::ValidateState",
                        (vt.ValidateState)(s.cast(), ui, flags),
                        fclean,
                    )
                }
            }
        };
        check(self.ctx(slot, i, clean), hr);
        self.record(hr);
    }

    unsafe fn query_interface(&mut self, pick: usize, input: &mut Input<'_>) {
        if self.objs.is_empty() {
            return;
        }
        let i = pick % self.objs.len();
        let iid = if input.chance(6) {
            GUID::new(input.u32(), 0, 0, [input.byte().unwrap_or(0); 8])
        } else {
            input.pick(&ALL_IIDS)
        };
        let null = input.chance(16);
        let o = &self.objs[i];
        let dead = self.dead(i);
        let mut out: *mut c_void = canary();
        let hr = unsafe {
            (unk(o.ptr).QueryInterface.unwrap())(
                o.ptr.cast(),
                &iid,
                if null { ptr::null_mut() } else { &mut out },
            )
        };
        assert_ne!(hr, MAPI_E_CALL_FAILED);
        if null {
            assert_eq!(hr, MAPI_E_INVALID_PARAMETER, "QueryInterface(NULL ppv)");
            return;
        }
        if dead {
            assert_eq!(
                hr, MAPI_E_INVALID_OBJECT,
                "QueryInterface on a disconnected {:?}",
                o.kind
            );
            assert!(out.is_null(), "QueryInterface: *ppv not NULL");
            return;
        }
        let answers = kind_iids(o.kind).contains(&iid);
        if hr == S_OK {
            assert!(
                answers || (o.kind == Kind::Stream && iid == ISEQUENTIALSTREAM),
                "QueryInterface: a {:?} answered {iid:?}",
                o.kind
            );
            assert_eq!(out, o.ptr, "QueryInterface: another pointer");
            self.objs[i].refs += 1;
        } else {
            assert_eq!(hr, MAPI_E_INTERFACE_NOT_SUPPORTED, "QueryInterface {hr:#x}");
            assert!(out.is_null(), "QueryInterface: *ppv not NULL");
            assert!(!answers, "QueryInterface: a {:?} refused {iid:?}", o.kind);
        }
    }

    unsafe fn add_ref(&mut self, pick: usize) {
        if self.objs.is_empty() {
            return;
        }
        let i = pick % self.objs.len();
        let o = &mut self.objs[i];
        let n = unsafe { (unk(o.ptr).AddRef.unwrap())(o.ptr.cast()) };
        o.refs += 1;
        assert_eq!(n, o.refs, "AddRef on a {:?}", o.kind);
    }

    unsafe fn release(&mut self, pick: usize) {
        if self.objs.is_empty() {
            return;
        }
        let i = pick % self.objs.len();
        let o = &mut self.objs[i];
        if o.refs == 1 {
            if let Some(t) = &o.tab {
                t.held.set(false);
            }
        }
        let n = unsafe { (unk(o.ptr).Release.unwrap())(o.ptr.cast()) };
        o.refs -= 1;
        assert_eq!(n, o.refs, "Release on a {:?}", o.kind);
        if o.refs == 0 {
            self.objs.swap_remove(i);
        }
    }

    unsafe fn copy_to(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let d = self.dest(input, &[self.objs[i].kind]);
        let excl_iid = IID_IMessage;
        let (ciid, rgiid, iclean) = match input.below(6) {
            0 => (1, ptr::from_ref(&excl_iid), true),
            1 => (1, ptr::null(), false),
            _ => (0, ptr::null(), true),
        };
        let (mut excl, eclean) = self.tag_array(input, 3);
        let with_excl = input.chance(3);
        let (iid, dclean) = choose_iid(
            input,
            &[
                IID_IMessage,
                IID_IMAPIProp,
                IID_IMAPIFolder,
                IID_IAttachment,
            ],
        );
        let (flags, fclean) = input.choose(&[
            0,
            MAPI_MOVE,
            MAPI_NOREPLACE,
            MAPI_NOREPLACE | MAPI_MOVE,
            MAPI_DECLINE_OK,
        ]);
        let want = !input.chance(4);
        let mut problems = canary();
        let o = self.objs[i].ptr;
        let c = Ctx {
            other_dead: self.dest_dead(d),
            ..self.ctx(
                "IMAPIProp::CopyTo",
                i,
                iclean && (!with_excl || eclean) && dclean && fclean && !matches!(d, Dest::Null),
            )
        };
        let hr = unsafe {
            (prop_vt(o).CopyTo)(
                o.cast(),
                ciid,
                rgiid,
                if with_excl {
                    excl.as_mut_ptr().cast()
                } else {
                    ptr::null_mut()
                },
                0,
                ptr::null_mut(),
                iid_ptr(&iid),
                self.dest_ptr(d),
                flags,
                if want { &mut problems } else { ptr::null_mut() },
            )
        };
        check(c, hr);
        self.record(hr);
        if want {
            unsafe { self.take_problems("CopyTo", hr, problems, u32::MAX) };
        }
    }

    unsafe fn copy_props(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let d = self.dest(input, &[self.objs[i].kind]);
        let (mut incl, tclean) = self.tag_array(input, 4);
        let null = input.chance(16);
        let (iid, dclean) = choose_iid(input, &[IID_IMessage, IID_IMAPIProp, IID_IMAPIFolder]);
        let (flags, fclean) =
            input.choose(&[0, MAPI_MOVE, MAPI_NOREPLACE, MAPI_NOREPLACE | MAPI_MOVE]);
        let want = !input.chance(4);
        let mut problems = canary();
        let o = self.objs[i].ptr;
        let c = Ctx {
            other_dead: self.dest_dead(d),
            ..self.ctx(
                "IMAPIProp::CopyProps",
                i,
                tclean && !null && dclean && fclean && !matches!(d, Dest::Null),
            )
        };
        let hr = unsafe {
            (prop_vt(o).CopyProps)(
                o.cast(),
                if null {
                    ptr::null_mut()
                } else {
                    incl.as_mut_ptr().cast()
                },
                0,
                ptr::null_mut(),
                iid_ptr(&iid),
                self.dest_ptr(d),
                flags,
                if want { &mut problems } else { ptr::null_mut() },
            )
        };
        check(c, hr);
        self.record(hr);
        if want {
            unsafe { self.take_problems("CopyProps", hr, problems, u32::MAX) };
        }
    }

    unsafe fn get_last_error(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &PROP_KINDS) else {
            return;
        };
        let hr_in = if input.chance(4) {
            input.u32() as HRESULT
        } else {
            self.last_hr
        };
        let (flags, fclean) = input.choose(&[0, MAPI_UNICODE]);
        let o = self.objs[i].ptr;
        let mut err = canary();
        let c = self.ctx("IMAPIProp::GetLastError", i, fclean);
        let hr = unsafe { (prop_vt(o).GetLastError)(o.cast(), hr_in, flags, &mut err) };
        check(c, hr);
        if hr < 0 {
            assert!(err.is_null(), "GetLastError: out not NULL on failure");
            return;
        }
        if !err.is_null() {
            unsafe {
                let e = err.read_unaligned();
                assert_eq!(e.ulVersion, MAPI_ERROR_VERSION);
                string_len(e.lpszError, flags & MAPI_UNICODE != 0);
                string_len(e.lpszComponent, flags & MAPI_UNICODE != 0);
                free_buffer(err.cast());
            }
        }
    }

    unsafe fn message_misc(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Message]) else {
            return;
        };
        let m = self.objs[i].ptr;
        let vt = unsafe { msg_vt(m) };
        unsafe {
            match input.below(4) {
                0 => {
                    let c = self.ctx("IMessage::SubmitMessage", i, true);
                    let hr = (vt.SubmitMessage)(m.cast(), 0);
                    check(c, hr);
                }
                1 => {
                    let mut t = canary();
                    let c = self.ctx("IMessage::GetAttachmentTable", i, true);
                    let hr = (vt.GetAttachmentTable)(m.cast(), 0, &mut t);
                    check(c, hr);
                    self.take_table("IMessage::GetAttachmentTable", i, hr, t);
                }
                2 => {
                    let mut t = canary();
                    let c = self.ctx("IMessage::GetRecipientTable", i, true);
                    let hr = (vt.GetRecipientTable)(m.cast(), MAPI_UNICODE, &mut t);
                    check(c, hr);
                    self.take_table("IMessage::GetRecipientTable", i, hr, t);
                }
                _ => {
                    let (flags, fclean) = input.choose(&[
                        0,
                        CLEAR_READ_FLAG,
                        SUPPRESS_RECEIPT,
                        GENERATE_RECEIPT_ONLY,
                        MAPI_DEFERRED_ERRORS,
                    ]);
                    let c = self.ctx("IMessage::SetReadFlag", i, fclean);
                    let hr = (vt.SetReadFlag)(m.cast(), flags);
                    check(c, hr);
                    self.record(hr);
                }
            }
        }
    }

    unsafe fn folder_misc(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let f = self.objs[i].ptr;
        let vt = unsafe { folder_vt(f) };
        unsafe {
            match input.below(8) {
                0 => {
                    let e = self.eid(input);
                    let mut status = 0xDEAD;
                    let c = self.ctx("IMAPIFolder::GetMessageStatus", i, !e.is_empty());
                    let hr = (vt.GetMessageStatus)(
                        f.cast(),
                        e.len() as ULONG,
                        e.as_ptr().cast_mut().cast(),
                        0,
                        &mut status,
                    );
                    check(c, hr);
                    self.record(hr);
                    assert!(hr >= 0 || status == 0, "GetMessageStatus: out on failure");
                }
                1 => {
                    let e = self.eid(input);
                    let (status, mask) = (input.u32(), input.u32());
                    let want = !input.chance(4);
                    let mut old = 0xDEAD;
                    let c = self.ctx("IMAPIFolder::SetMessageStatus", i, !e.is_empty());
                    let hr = (vt.SetMessageStatus)(
                        f.cast(),
                        e.len() as ULONG,
                        e.as_ptr().cast_mut().cast(),
                        status,
                        mask,
                        if want { &mut old } else { ptr::null_mut() },
                    );
                    check(c, hr);
                    self.record(hr);
                    assert!(
                        !want || hr >= 0 || old == 0,
                        "SetMessageStatus: out on failure"
                    );
                }
                2 => {
                    let (flags, fclean) = input.choose(&[0, DEL_ASSOCIATED]);
                    let c = self.ctx("IMAPIFolder::EmptyFolder", i, fclean);
                    let hr = (vt.EmptyFolder)(f.cast(), 0, ptr::null_mut(), flags);
                    check(c, hr);
                    self.record(hr);
                }
                3 | 4 => {
                    let mut t = canary();
                    let (slot, g, (flags, fclean)) = if input.chance(2) {
                        (
                            "IMAPIFolder::GetContentsTable",
                            vt.GetContentsTable,
                            input.choose(&[0, MAPI_ASSOCIATED, MAPI_UNICODE]),
                        )
                    } else {
                        (
                            "IMAPIFolder::GetHierarchyTable",
                            vt.GetHierarchyTable,
                            input.choose(&[0, CONVENIENT_DEPTH, MAPI_UNICODE]),
                        )
                    };
                    let c = self.ctx(slot, i, fclean);
                    let hr = g(f.cast(), flags, &mut t);
                    check(c, hr);
                    self.take_table(slot, i, hr, t);
                    if slot.ends_with("GetHierarchyTable") && flags & CONVENIENT_DEPTH != 0 {
                        self.mark_deep(t);
                    }
                }
                5 => {
                    let c = self.ctx("IMAPIFolder::SetSearchCriteria", i, true);
                    let hr = (vt.SetSearchCriteria)(f.cast(), ptr::null_mut(), ptr::null_mut(), 0);
                    check(c, hr);
                }
                6 => {
                    let (mut r, mut l, mut s) = (canary(), canary(), 0xDEAD);
                    let c = self.ctx("IMAPIFolder::GetSearchCriteria", i, true);
                    let hr = (vt.GetSearchCriteria)(f.cast(), 0, &mut r, &mut l, &mut s);
                    check(c, hr);
                    assert!(
                        hr >= 0 || (r.is_null() && l.is_null()),
                        "GetSearchCriteria: outs"
                    );
                }
                _ => {
                    let c = self.ctx("IMAPIFolder::SaveContentsSort", i, true);
                    let hr = (vt.SaveContentsSort)(f.cast(), ptr::null_mut(), 0);
                    check(c, hr);
                }
            }
        }
    }

    /// The store's folder entry IDs, for later OpenEntry calls.
    unsafe fn store_entry_ids(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(li) = self.logon_with_store(pick) else {
            return;
        };
        let mut tags = vec![
            8,
            PR_ENTRYID,
            PR_IPM_SUBTREE_ENTRYID,
            PR_IPM_OUTBOX_ENTRYID,
            PR_IPM_SENTMAIL_ENTRYID,
            PR_IPM_WASTEBASKET_ENTRYID,
            PR_VIEWS_ENTRYID,
            PR_COMMON_VIEWS_ENTRYID,
            PR_STORE_ENTRYID,
        ];
        let flags = if input.chance(2) { MAPI_UNICODE } else { 0 };
        let s = self.logons[li].store;
        let (mut count, mut props) = (0xDEAD, canary());
        let dead = self.dead_logon(li);
        let hr = unsafe {
            ((*(*s).lpVtbl).GetProps)(s, tags.as_mut_ptr().cast(), flags, &mut count, &mut props)
        };
        check_session("IMsgStore::GetProps", dead, true, hr);
        if hr < 0 {
            assert!(
                props.is_null() && count == 0,
                "IMsgStore::GetProps: outs on failure"
            );
            return;
        }
        assert_eq!(count, 8);
        unsafe {
            self.walk_props(
                "IMsgStore::GetProps",
                props,
                8,
                Some(&tags[1..]),
                flags != 0,
            );
            free_buffer(props.cast());
        }
    }

    unsafe fn shutdown(&mut self, pick: usize, input: &mut Input<'_>) {
        if pick % 8 != 0 {
            return;
        }
        let mut flags = if input.chance(4) { input.u32() } else { 0 };
        let hr = unsafe { (self.pv.Shutdown)(self.provider, &mut flags) };
        if hr == S_OK {
            for l in &self.logons {
                assert_eq!(l.support.releases(), 1, "Shutdown logs every logon off");
            }
        } else {
            assert_eq!(hr, MAPI_E_UNKNOWN_FLAGS, "Shutdown {hr:#x}");
        }
    }

    // ---- restrictions, sort orders, tables, notifications ---------------

    /// A tag for a restriction, a sort key or a column: a table column,
    /// one with another type, or any tag.
    fn table_tag(&self, input: &mut Input<'_>) -> ULONG {
        match input.below(8) {
            0..=4 => input.pick(TABLE_TAGS),
            5 => CHANGE_PROP_TYPE(input.pick(TABLE_TAGS), input.pick(TYPES)),
            _ => self.tag(input),
        }
    }

    /// The value of a `RES_PROPERTY`/`RES_CONTENT` for `tag` (its type, or
    /// another), kept in `keep`: the pointer, what reading it gives, and
    /// whether it is a string or binary (what `RES_CONTENT` compares).
    fn res_value(
        &self,
        keep: &mut Keep,
        input: &mut Input<'_>,
        tag: ULONG,
    ) -> (*mut SPropValue, Verdict, bool) {
        if input.chance(24) {
            return (ptr::null_mut(), Verdict::Invalid, false);
        }
        let t = if input.chance(2) && RES_TYPES.contains(&PROP_TYPE(tag)) {
            PROP_TYPE(tag)
        } else if input.chance(10) {
            input.pick(BAD_RES_TYPES)
        } else {
            // Maybe not the tag's type: compared across types.
            input.pick(RES_TYPES)
        };
        let id = if input.chance(8) {
            PROP_ID(input.pick(TABLE_TAGS))
        } else {
            PROP_ID(tag)
        };
        let vtag = if input.chance(32) {
            PR_NULL
        } else {
            PROP_TAG(t, id)
        };
        let (v, verdict) = match t {
            PT_UNICODE | PT_STRING8 => {
                let (p, ok) = text(keep, input, t == PT_UNICODE);
                let verdict = if ok {
                    Verdict::Good
                } else if p.is_null() {
                    Verdict::Invalid
                } else {
                    Verdict::Unknown
                };
                let v = if t == PT_UNICODE {
                    PV { lpszW: p.cast() }
                } else {
                    PV { lpszA: p.cast() }
                };
                (v, verdict)
            }
            PT_OBJECT | PT_ERROR | PT_NULL | PT_UNSPECIFIED => (PV { x: 0 }, Verdict::Invalid),
            PT_MV_UNICODE => {
                let (v, ok) = value(keep, input, t);
                (
                    v,
                    if ok {
                        Verdict::Unknown
                    } else {
                        Verdict::Invalid
                    },
                )
            }
            _ => {
                let (v, ok) = value(keep, input, t);
                (v, if ok { Verdict::Good } else { Verdict::Invalid })
            }
        };
        // PR_NULL (and PT_ERROR) values are skipped: no value at all.
        let verdict = if vtag == PR_NULL {
            Verdict::Invalid
        } else {
            verdict
        };
        let textual = vtag != PR_NULL && matches!(t, PT_UNICODE | PT_STRING8 | PT_BINARY);
        let mut one = vec![SPropValue {
            ulPropTag: vtag,
            dwAlignPad: 0,
            Value: v,
        }];
        let p = one.as_mut_ptr();
        keep.props.push(one);
        (p, verdict, textual)
    }

    /// One child restriction (in an array of its own), or NULL.
    fn res_child(
        &self,
        keep: &mut Keep,
        input: &mut Input<'_>,
        depth: u32,
        budget: &mut u32,
        null_ok: bool,
    ) -> (*mut SRestriction, Verdict) {
        if input.chance(24) {
            let v = if null_ok {
                Verdict::Good
            } else {
                Verdict::Invalid
            };
            return (ptr::null_mut(), v);
        }
        let (r, v) = self.res_node(keep, input, depth + 1, budget);
        let mut one = vec![r];
        let p = one.as_mut_ptr();
        keep.res.push(one);
        (p, v)
    }

    /// A random restriction node (and its subtree), and what the library
    /// must answer it.
    fn res_node(
        &self,
        keep: &mut Keep,
        input: &mut Input<'_>,
        depth: u32,
        budget: &mut u32,
    ) -> (SRestriction, Verdict) {
        *budget = budget.saturating_sub(1);
        let leaf = depth >= MAX_RES_DEPTH || *budget == 0;
        let mut rt = input.pick(&[
            RES_AND,
            RES_OR,
            RES_NOT,
            RES_CONTENT,
            RES_PROPERTY,
            RES_PROPERTY,
            RES_COMPAREPROPS,
            RES_BITMASK,
            RES_SIZE,
            RES_EXIST,
            RES_SUBRESTRICTION,
            RES_COMMENT,
            RES_AND,
            RES_PROPERTY,
            RES_CONTENT,
            RES_COUNT, // not one the library reads
        ]);
        if leaf
            && matches!(
                rt,
                RES_AND | RES_OR | RES_NOT | RES_SUBRESTRICTION | RES_COMMENT
            )
        {
            rt = RES_PROPERTY;
        }
        let node = |rt: ULONG, res: SRestriction_res| SRestriction { rt, res };
        match rt {
            RES_AND | RES_OR => {
                let n = input.below(4);
                let (p, verdict) = if n > 0 && input.chance(24) {
                    (ptr::null_mut(), Verdict::Invalid)
                } else {
                    let mut kids = Vec::with_capacity(n);
                    let mut verdict = Verdict::Good;
                    for _ in 0..n {
                        let (r, v) = self.res_node(keep, input, depth + 1, budget);
                        kids.push(r);
                        verdict = verdict.then(v);
                    }
                    let p = if n == 0 && input.chance(2) {
                        ptr::null_mut()
                    } else {
                        kids.as_mut_ptr()
                    };
                    keep.res.push(kids);
                    (p, verdict)
                };
                let list = SAndRestriction {
                    cRes: n as ULONG,
                    lpRes: p,
                };
                let res = if rt == RES_AND {
                    SRestriction_res { resAnd: list }
                } else {
                    SRestriction_res {
                        resOr: SOrRestriction {
                            cRes: list.cRes,
                            lpRes: list.lpRes,
                        },
                    }
                };
                (node(rt, res), verdict)
            }
            RES_NOT => {
                let (p, v) = self.res_child(keep, input, depth, budget, false);
                let res = SRestriction_res {
                    resNot: SNotRestriction {
                        ulReserved: 0,
                        lpRes: p,
                    },
                };
                (node(rt, res), v)
            }
            RES_SUBRESTRICTION => {
                let sub = match input.below(8) {
                    0 => self.tag(input),
                    k if k % 2 == 0 => PR_MESSAGE_RECIPIENTS,
                    _ => PR_MESSAGE_ATTACHMENTS,
                };
                let (p, v) = self.res_child(keep, input, depth, budget, false);
                let res = SRestriction_res {
                    resSub: SSubRestriction {
                        ulSubObject: sub,
                        lpRes: p,
                    },
                };
                (node(rt, res), v)
            }
            RES_COMMENT => {
                // The annotation is never read; the restriction (NULL: all
                // rows) is.
                let n = input.below(3);
                let mut notes: Vec<SPropValue> = (0..n)
                    .map(|_| {
                        let tag = self.tag(input);
                        let (v, _) = value(keep, input, PROP_TYPE(tag));
                        SPropValue {
                            ulPropTag: tag,
                            dwAlignPad: 0,
                            Value: v,
                        }
                    })
                    .collect();
                let notes_p = notes.as_mut_ptr();
                keep.props.push(notes);
                let (p, v) = self.res_child(keep, input, depth, budget, true);
                let res = SRestriction_res {
                    resComment: SCommentRestriction {
                        cValues: n as ULONG,
                        lpRes: p,
                        lpProp: notes_p,
                    },
                };
                (node(rt, res), v)
            }
            RES_CONTENT => {
                let level = if input.chance(10) {
                    input.u32()
                } else {
                    input.pick(&[FL_FULLSTRING, FL_SUBSTRING, FL_PREFIX])
                        | input.pick(&[
                            0,
                            FL_IGNORECASE,
                            FL_LOOSE,
                            FL_IGNORECASE | FL_LOOSE,
                            FL_IGNORENONSPACE,
                        ])
                };
                let tag = self.table_tag(input);
                let (p, vv, textual) = self.res_value(keep, input, tag);
                let verdict = if level & 0xFFFF > FL_PREFIX {
                    Verdict::Complex
                } else {
                    vv.then(if textual {
                        Verdict::Good
                    } else {
                        Verdict::Complex
                    })
                };
                let res = SRestriction_res {
                    resContent: SContentRestriction {
                        ulFuzzyLevel: level,
                        ulPropTag: tag,
                        lpProp: p,
                    },
                };
                (node(rt, res), verdict)
            }
            RES_PROPERTY => {
                let (op, ov) = relop(input);
                let tag = self.table_tag(input);
                let (p, vv, _) = self.res_value(keep, input, tag);
                let res = SRestriction_res {
                    resProperty: SPropertyRestriction {
                        relop: op,
                        ulPropTag: tag,
                        lpProp: p,
                    },
                };
                (node(rt, res), vv.then(ov))
            }
            RES_COMPAREPROPS => {
                let (op, ov) = relop(input);
                let res = SRestriction_res {
                    resCompareProps: SComparePropsRestriction {
                        relop: op,
                        ulPropTag1: self.table_tag(input),
                        ulPropTag2: self.table_tag(input),
                    },
                };
                (node(rt, res), ov)
            }
            RES_BITMASK => {
                let rel = input.pick(&[BMR_EQZ, BMR_NEZ, BMR_EQZ, BMR_NEZ, 2, u32::MAX]);
                let tag = if input.chance(2) {
                    input.pick(&[PR_MESSAGE_FLAGS, PR_MSG_STATUS, PR_ACCESS, PR_SUBJECT_W])
                } else {
                    self.table_tag(input)
                };
                let mask = match input.below(4) {
                    0 => u32::MAX,
                    1 => 0,
                    _ => 1 << input.below(32),
                };
                let res = SRestriction_res {
                    resBitMask: SBitMaskRestriction {
                        relBMR: rel,
                        ulPropTag: tag,
                        ulMask: mask,
                    },
                };
                let v = if rel <= BMR_NEZ {
                    Verdict::Good
                } else {
                    Verdict::Invalid
                };
                (node(rt, res), v)
            }
            RES_SIZE => {
                let (op, ov) = relop(input);
                let cb = if input.chance(4) {
                    input.u32()
                } else {
                    input.below(64) as ULONG
                };
                let res = SRestriction_res {
                    resSize: SSizeRestriction {
                        relop: op,
                        ulPropTag: self.table_tag(input),
                        cb,
                    },
                };
                (node(rt, res), ov)
            }
            RES_EXIST => {
                let res = SRestriction_res {
                    resExist: SExistRestriction {
                        ulReserved1: 0,
                        ulPropTag: self.table_tag(input),
                        ulReserved2: 0,
                    },
                };
                (node(rt, res), Verdict::Good)
            }
            _ => {
                // RES_COUNT, RES_ANNOTATION, or no restriction type at all.
                let rt = match input.below(4) {
                    0 => RES_COUNT,
                    1 => RES_ANNOTATION,
                    2 => RES_ANNOTATION + 1,
                    _ => input.u32().max(RES_ANNOTATION + 1),
                };
                let res = SRestriction_res {
                    resCompareProps: SComparePropsRestriction {
                        relop: input.u32(),
                        ulPropTag1: input.u32(),
                        ulPropTag2: input.u32(),
                    },
                };
                (node(rt, res), Verdict::Complex)
            }
        }
    }

    /// A random restriction tree (bounded), kept in `keep`, and what the
    /// library must answer it.
    fn restriction(&self, keep: &mut Keep, input: &mut Input<'_>) -> (*mut SRestriction, Verdict) {
        let mut budget = MAX_RES_NODES;
        let (r, v) = self.res_node(keep, input, 0, &mut budget);
        let mut root = vec![r];
        let p = root.as_mut_ptr();
        keep.res.push(root);
        if tracing() {
            eprintln!("  restriction: {v:?}");
        }
        (p, v)
    }

    /// `PR_ENTRYID` and `PR_PARENT_ENTRYID` of message `m` (empty when it
    /// has none: not saved, disconnected).
    unsafe fn message_ids(&self, m: usize) -> (Vec<u8>, Vec<u8>) {
        let mut tags = [2, PR_ENTRYID, PR_PARENT_ENTRYID];
        let (mut count, mut props) = (0, canary());
        let o = self.objs[m].ptr;
        let c = self.ctx("IMAPIProp::GetProps", m, true);
        let hr = unsafe {
            (prop_vt(o).GetProps)(
                o.cast(),
                tags.as_mut_ptr().cast(),
                0,
                &mut count,
                &mut props,
            )
        };
        check(c, hr);
        if hr < 0 {
            assert!(props.is_null(), "GetProps: out on failure");
            return (Vec::new(), Vec::new());
        }
        let mut out = [Vec::new(), Vec::new()];
        unsafe {
            walk_values("GetProps", props, 2, Some(&tags[1..]), false, &mut |_| {});
            for (k, o) in out.iter_mut().enumerate() {
                let v = props.add(k).read_unaligned();
                if PROP_TYPE(v.ulPropTag) == PT_BINARY {
                    *o = touch(v.Value.bin.lpb, v.Value.bin.cb as usize);
                }
            }
            free_buffer(props.cast());
        }
        let [id, parent] = out;
        (id, parent)
    }

    /// Table `t` (if the emulator kept it) shows a whole subtree.
    fn mark_deep(&self, t: *mut IMAPITable) {
        for o in &self.objs {
            if let Some(x) = o.tab.as_ref().filter(|x| x.ptr == t) {
                x.deep.set(true);
            }
        }
    }

    /// A table the emulator holds, and what it knows of it.
    fn table(&self, pick: usize) -> Option<(usize, Rc<TableInfo>)> {
        let i = self.obj_of(pick, &[Kind::Table])?;
        Some((i, self.objs[i].tab.clone().expect("a table's info")))
    }

    /// The sinks advised on table `t`.
    fn table_sinks(&self, t: &Rc<TableInfo>) -> Vec<usize> {
        (0..self.sinks.len())
            .filter(|&k| self.sinks[k].table().is_some_and(|x| Rc::ptr_eq(x, t)))
            .collect()
    }

    /// Restrict and SortTable recompute the view: the clients' copies are
    /// read again.
    fn forget_rows(&self, t: &Rc<TableInfo>) {
        for k in self.table_sinks(t) {
            *self.sinks[k].model.borrow_mut() = None;
        }
    }

    /// A `BOOKMARK` for SeekRow/FindRow/FreeBookmark: a fixed origin, one
    /// created, one freed, or any; and whether the table knows it.
    fn bookmark(&self, t: &TableInfo, input: &mut Input<'_>) -> (BOOKMARK, bool) {
        let marks = t.bookmarks.borrow();
        let freed = t.freed.borrow();
        let b = match input.below(10) {
            0..=2 => input.pick(&[BOOKMARK_BEGINNING, BOOKMARK_CURRENT, BOOKMARK_END]),
            3..=6 if !marks.is_empty() => marks[input.below(marks.len())],
            7 if !freed.is_empty() => freed[input.below(freed.len())],
            8 => input.pick(&[3, 4, usize::MAX, 1 << 32]),
            _ => input.pick(&[BOOKMARK_BEGINNING, BOOKMARK_CURRENT, BOOKMARK_END]),
        };
        (b, b <= BOOKMARK_END || marks.contains(&b))
    }

    /// The table's columns (`QueryColumns(0)` when not known yet).
    unsafe fn learn_columns(&self, i: usize, t: &TableInfo) {
        if t.columns.borrow().is_some() || self.dead(i) || !t.held.get() {
            return;
        }
        let mut out = canary();
        let hr = quiet(|| unsafe { (t.vt().QueryColumns)(t.ptr, 0, &mut out) });
        check(self.ctx("IMAPITable::QueryColumns", i, true), hr);
        assert_eq!(hr, S_OK, "QueryColumns(0) of a live table");
        unsafe {
            let n = ptr::addr_of!((*out).cValues).read_unaligned() as usize;
            let tags: Vec<ULONG> = touch(ptr::addr_of!((*out).aulPropTag).cast(), 4 * n)
                .chunks(4)
                .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            free_buffer(out.cast());
            *t.columns.borrow_mut() = Some(tags);
        }
    }

    unsafe fn open_table(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(i) = self.obj_of(pick, &[Kind::Folder]) else {
            return;
        };
        let f = self.objs[i].ptr;
        let vt = unsafe { folder_vt(f) };
        let mut t = canary();
        let (slot, g, flags) = if input.chance(3) {
            (
                "IMAPIFolder::GetHierarchyTable",
                vt.GetHierarchyTable,
                input.pick(&[
                    0,
                    CONVENIENT_DEPTH,
                    MAPI_UNICODE,
                    CONVENIENT_DEPTH | MAPI_UNICODE,
                ]),
            )
        } else {
            (
                "IMAPIFolder::GetContentsTable",
                vt.GetContentsTable,
                input.pick(&[0, MAPI_UNICODE, 0, MAPI_ASSOCIATED]),
            )
        };
        let c = self.ctx(slot, i, true);
        let hr = unsafe { g(f.cast(), flags, &mut t) };
        check(c, hr);
        unsafe { self.take_table(slot, i, hr, t) };
        if slot.ends_with("GetHierarchyTable") && flags & CONVENIENT_DEPTH != 0 {
            self.mark_deep(t);
        }
    }

    /// IMAPITable::Advise with an emulator sink, or Unadvise.
    unsafe fn table_advise(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        let dead = self.dead(i);
        let vt = unsafe { t.vt() };
        if input.chance(3) {
            let mine = self.table_sinks(&t);
            let connection = if !mine.is_empty() && !input.chance(4) {
                self.sinks[mine[input.below(mine.len())]].connection.get()
            } else {
                input.pick(&[0, 1, 2, 3, 1 << 32, usize::MAX])
            };
            let sink = mine.iter().copied().find(|&k| {
                self.sinks[k].ever.get() && self.sinks[k].connection.get() == connection
            });
            let c = self.ctx("IMAPITable::Unadvise", i, true);
            let hr = quiet(|| unsafe { (vt.Unadvise)(t.ptr, connection) });
            check(c, hr);
            if !dead {
                match sink {
                    Some(k) if self.sinks[k].advised.get() => {
                        assert_eq!(hr, S_OK, "Unadvise of an advised sink");
                        let s = &self.sinks[k];
                        s.unadvised();
                        assert_eq!(s.refs.get(), 1, "Unadvise: the sink not released");
                    }
                    _ => assert_eq!(hr, MAPI_E_NOT_FOUND, "Unadvise({connection:#x})"),
                }
            }
            return;
        }
        unsafe { self.learn_columns(i, &t) };
        let (mask, mclean) = match input.below(8) {
            0 => (fnevTableModified | fnevObjectModified, true),
            1 => {
                let m = input.u32();
                (m, m & fnevTableModified != 0)
            }
            2 => (fnevObjectModified, false),
            _ => (fnevTableModified, true),
        };
        let null_sink = input.chance(16) || self.sinks.len() >= MAX_SINKS;
        let null_out = input.chance(16);
        let reenter = input.byte().unwrap_or(0);
        let rows = input.pick(&[1, 2, -1, 0, 5, i32::MAX, i32::MIN]);
        let sink = (!null_sink).then(|| Sink::new(Target::Table(t.clone()), reenter, rows));
        let sp = sink.as_ref().map_or(ptr::null_mut(), |s| s.as_ptr());
        let mut connection = CONNECTION_CANARY;
        let clean = mclean && !null_sink && !null_out;
        let c = self.ctx("IMAPITable::Advise", i, clean);
        let hr = quiet(|| unsafe {
            (vt.Advise)(
                t.ptr,
                mask,
                sp,
                if null_out {
                    ptr::null_mut()
                } else {
                    &mut connection
                },
            )
        });
        check(c, hr);
        if !dead {
            let want = if clean {
                S_OK
            } else {
                MAPI_E_INVALID_PARAMETER
            };
            assert_eq!(hr, want, "IMAPITable::Advise (mask {mask:#x})");
        }
        if hr == S_OK {
            assert_connection_written(connection);
        } else if !null_out {
            assert!(connection == 0 || connection == CONNECTION_CANARY);
        }
        if let Some(s) = sink {
            if hr == S_OK {
                s.connection.set(connection);
                s.advised.set(true);
                s.ever.set(true);
                assert_eq!(s.refs.get(), 2, "Advise: the sink not held once");
            } else {
                assert_eq!(s.refs.get(), 1, "a failed Advise kept the sink");
            }
            self.sinks.push(s);
        }
    }

    unsafe fn table_restrict(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        let mut keep = Keep::default();
        let (r, v) = if input.chance(6) {
            (ptr::null_mut(), Verdict::Good)
        } else {
            self.restriction(&mut keep, input)
        };
        let (flags, fclean) = input.flags_of(&[0, TBL_BATCH, TBL_ASYNC], TBL_BATCH | TBL_ASYNC);
        let c = self.ctx("IMAPITable::Restrict", i, fclean && v == Verdict::Good);
        let hr = quiet(|| unsafe { (t.vt().Restrict)(t.ptr, r, flags) });
        check(c, hr);
        self.record(hr);
        self.forget_rows(&t);
        if !c.dead {
            if !fclean {
                assert_eq!(hr, MAPI_E_UNKNOWN_FLAGS, "Restrict flags {flags:#x}");
            } else {
                assert!(v.allows(hr), "Restrict: {hr:#x} for a restriction {v:?}");
                if v == Verdict::Good {
                    assert_eq!(hr, S_OK, "Restrict of a valid restriction");
                }
            }
        }
    }

    unsafe fn table_find_row(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        let mut keep = Keep::default();
        let (r, v) = if input.chance(12) {
            (ptr::null_mut(), Verdict::Invalid)
        } else {
            self.restriction(&mut keep, input)
        };
        let (b, known) = self.bookmark(&t, input);
        let (flags, fclean) = input.flags_of(&[0, DIR_BACKWARD], DIR_BACKWARD);
        let c = self.ctx("IMAPITable::FindRow", i, fclean && v == Verdict::Good);
        let hr = quiet(|| unsafe { (t.vt().FindRow)(t.ptr, r, b, flags) });
        check(c, hr);
        self.record(hr);
        if c.dead {
            return;
        }
        if !fclean {
            assert_eq!(hr, MAPI_E_UNKNOWN_FLAGS, "FindRow flags {flags:#x}");
        } else if v != Verdict::Good {
            assert!(v.allows(hr), "FindRow: {hr:#x} for a restriction {v:?}");
        } else if !known {
            assert_eq!(hr, MAPI_E_INVALID_BOOKMARK, "FindRow from bookmark {b:#x}");
        } else {
            assert!(
                hr == S_OK
                    || hr == MAPI_E_NOT_FOUND
                    || (hr == MAPI_W_POSITION_CHANGED && b > BOOKMARK_END),
                "FindRow from bookmark {b:#x}: {hr:#x}"
            );
        }
    }

    unsafe fn table_sort(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        let vt = unsafe { t.vt() };
        if input.chance(3) {
            let null = input.chance(16);
            let mut out = canary();
            let c = self.ctx("IMAPITable::QuerySortOrder", i, !null);
            let hr = quiet(|| unsafe {
                (vt.QuerySortOrder)(t.ptr, if null { ptr::null_mut() } else { &mut out })
            });
            check(c, hr);
            if hr < 0 {
                assert!(null || out.is_null(), "QuerySortOrder: out on failure");
                return;
            }
            let words = unsafe {
                let n = ptr::addr_of!((*out).cSorts).read_unaligned() as usize;
                let w: Vec<u32> = touch(out.cast(), 12 + 8 * n)
                    .chunks(4)
                    .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
                    .collect();
                free_buffer(out.cast());
                w
            };
            assert_eq!(words[1..3], [0, 0], "QuerySortOrder: categories");
            let keys: Vec<(ULONG, ULONG)> = words[3..].chunks(2).map(|k| (k[0], k[1])).collect();
            if let Some(want) = t.sort.borrow().as_ref() {
                assert_eq!(&keys, want, "QuerySortOrder: not what SortTable set");
            }
            return;
        }
        let n = input.below(5);
        let mut verdict = Verdict::Good;
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            let tag = self.table_tag(input);
            let order = match input.below(12) {
                0 => {
                    verdict = verdict.then(Verdict::Complex);
                    input.pick(&[TABLE_SORT_COMBINE, 3, u32::MAX])
                }
                k => [TABLE_SORT_ASCEND, TABLE_SORT_DESCEND][k % 2],
            };
            keys.push((tag, order));
        }
        let categories = if input.chance(10) {
            1 + input.below(n.max(1)) as ULONG
        } else {
            0
        };
        let expanded = if input.chance(10) {
            input.below(categories as usize + 2) as ULONG
        } else {
            0
        };
        let count = if input.chance(20) {
            65 + input.below(200) as ULONG
        } else {
            n as ULONG
        };
        // Read before the keys: categories, then the count.
        if categories > 0 || expanded > 0 || count > 64 {
            verdict = Verdict::Complex;
        }
        let null = input.chance(16);
        let mut words = vec![count, categories, expanded];
        for &(tag, order) in &keys {
            words.extend([tag, order]);
        }
        if keys.is_empty() {
            words.extend([0, 0]);
        }
        let (flags, fclean) = input.flags_of(&[0, TBL_BATCH, TBL_ASYNC], TBL_BATCH | TBL_ASYNC);
        let c = self.ctx(
            "IMAPITable::SortTable",
            i,
            fclean && !null && verdict == Verdict::Good,
        );
        let hr = quiet(|| unsafe {
            (vt.SortTable)(
                t.ptr,
                if null {
                    ptr::null_mut()
                } else {
                    words.as_mut_ptr().cast()
                },
                flags,
            )
        });
        check(c, hr);
        self.record(hr);
        self.forget_rows(&t);
        if c.dead {
            return;
        }
        if !fclean {
            assert_eq!(hr, MAPI_E_UNKNOWN_FLAGS, "SortTable flags {flags:#x}");
        } else if null {
            assert_eq!(hr, MAPI_E_INVALID_PARAMETER, "SortTable(NULL)");
        } else if verdict != Verdict::Good {
            assert_eq!(hr, MAPI_E_TOO_COMPLEX, "SortTable {words:x?}");
        } else {
            assert_eq!(hr, S_OK, "SortTable {words:x?}");
            *t.sort.borrow_mut() = Some(keys);
        }
    }

    unsafe fn table_columns(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        let vt = unsafe { t.vt() };
        if input.chance(3) {
            let (flags, fclean) = input.flags_of(&[0, TBL_ALL_COLUMNS], TBL_ALL_COLUMNS);
            let null = input.chance(16);
            let mut out = canary();
            let c = self.ctx("IMAPITable::QueryColumns", i, fclean && !null);
            let hr = quiet(|| unsafe {
                (vt.QueryColumns)(t.ptr, flags, if null { ptr::null_mut() } else { &mut out })
            });
            check(c, hr);
            if hr < 0 {
                assert!(null || out.is_null(), "QueryColumns: out on failure");
                return;
            }
            let tags: Vec<ULONG> = unsafe {
                let n = ptr::addr_of!((*out).cValues).read_unaligned() as usize;
                let tags = touch(ptr::addr_of!((*out).aulPropTag).cast(), 4 * n)
                    .chunks(4)
                    .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
                    .collect();
                free_buffer(out.cast());
                tags
            };
            if flags == 0 {
                let known = t.columns();
                if let Some(k) = known {
                    assert_eq!(tags, k, "QueryColumns: not the columns set");
                }
                *t.columns.borrow_mut() = Some(tags);
            } else {
                assert!(!tags.is_empty(), "QueryColumns(TBL_ALL_COLUMNS): none");
            }
            return;
        }
        let (mut tags, tclean) = if input.chance(3) {
            // The table's own columns, some of them, with PR_INSTANCE_KEY.
            let n = 1 + input.below(6);
            let mut v = vec![n as ULONG];
            v.extend((0..n).map(|k| {
                if k == 0 {
                    PR_INSTANCE_KEY
                } else {
                    input.pick(TABLE_TAGS)
                }
            }));
            (v, true)
        } else {
            let (mut v, ok) = self.tag_array(input, 8);
            for t in v.iter_mut().skip(1) {
                if input.chance(3) {
                    *t = self.table_tag(input);
                }
            }
            (v, ok)
        };
        let null = input.chance(16);
        let (flags, fclean) = input.flags_of(&[0, TBL_BATCH, TBL_ASYNC], TBL_BATCH | TBL_ASYNC);
        let c = self.ctx("IMAPITable::SetColumns", i, tclean && fclean && !null);
        let hr = quiet(|| unsafe {
            (vt.SetColumns)(
                t.ptr,
                if null {
                    ptr::null_mut()
                } else {
                    tags.as_mut_ptr().cast()
                },
                flags,
            )
        });
        check(c, hr);
        self.record(hr);
        if c.dead {
            return;
        }
        if !fclean {
            assert_eq!(hr, MAPI_E_UNKNOWN_FLAGS, "SetColumns flags {flags:#x}");
        } else if null || !tclean {
            assert_eq!(hr, MAPI_E_INVALID_PARAMETER, "SetColumns of no columns");
        } else {
            assert_eq!(hr, S_OK, "SetColumns {tags:x?}");
            *t.columns.borrow_mut() = Some(tags[1..].to_vec());
            // The rows the clients have hold the old columns.
            self.forget_rows(&t);
        }
    }

    unsafe fn table_query_rows(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        // The rows are checked against the columns.
        unsafe { self.learn_columns(i, &t) };
        let count: i32 = match input.below(12) {
            0 => 0,
            1 => i32::MAX,
            2 => i32::MIN,
            3 => -1,
            4 => -(input.below(8) as i32) - 1,
            5 => input.u32() as i32,
            _ => 1 + input.below(8) as i32,
        };
        let (flags, fclean) = input.flags_of(&[0, TBL_NOADVANCE], TBL_NOADVANCE);
        let null = input.chance(16);
        let mut rows = canary();
        let c = self.ctx("IMAPITable::QueryRows", i, fclean && !null && count != 0);
        let hr = quiet(|| unsafe {
            (t.vt().QueryRows)(
                t.ptr,
                count,
                flags,
                if null { ptr::null_mut() } else { &mut rows },
            )
        });
        check(c, hr);
        self.record(hr);
        if hr < 0 {
            assert!(
                null || rows.is_null(),
                "QueryRows: *lppRows not NULL on failure"
            );
        } else {
            let columns = t.columns();
            let mut found = Vec::new();
            unsafe {
                take_rows(
                    c.slot,
                    rows,
                    u64::from(count.unsigned_abs()),
                    columns.as_deref(),
                    &mut |f| found.push(f),
                )
            };
            for f in found {
                if let Found::Eid(e) = f {
                    self.remember_eid(&e);
                }
            }
        }
        if !c.dead {
            let want = if null || (fclean && count == 0) {
                MAPI_E_INVALID_PARAMETER
            } else if !fclean {
                MAPI_E_UNKNOWN_FLAGS
            } else {
                S_OK
            };
            assert_eq!(hr, want, "QueryRows({count}, {flags:#x})");
        }
    }

    /// SeekRow, SeekRowApprox, QueryPosition, GetRowCount, GetStatus and
    /// the slots of categories and asynchronous tables.
    unsafe fn table_seek(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        let vt = unsafe { t.vt() };
        let dead = self.dead(i);
        match input.below(8) {
            0..=2 => {
                let (b, known) = self.bookmark(&t, input);
                let count: i32 = match input.below(8) {
                    0 => i32::MIN,
                    1 => i32::MAX,
                    2 => 0,
                    _ => input.byte().unwrap_or(0) as i8 as i32 / 16,
                };
                let want = !input.chance(4);
                let mut sought: LONG = 0x0DEAD;
                let c = self.ctx("IMAPITable::SeekRow", i, true);
                let hr = quiet(|| unsafe {
                    (vt.SeekRow)(
                        t.ptr,
                        b,
                        count,
                        if want { &mut sought } else { ptr::null_mut() },
                    )
                });
                check(c, hr);
                self.record(hr);
                if dead {
                    return;
                }
                if !known {
                    assert_eq!(hr, MAPI_E_INVALID_BOOKMARK, "SeekRow from {b:#x}");
                    return;
                }
                assert!(
                    hr == S_OK || (hr == MAPI_W_POSITION_CHANGED && b > BOOKMARK_END),
                    "SeekRow from {b:#x}: {hr:#x}"
                );
                if want {
                    let (s, n) = (i64::from(sought), i64::from(count));
                    assert!(
                        s.abs() <= n.abs() && (s == 0 || (s < 0) == (n < 0)),
                        "SeekRow({count}): moved {sought}"
                    );
                }
            }
            3 => {
                let (num, den) = match input.below(4) {
                    0 => (input.u32(), input.u32()),
                    1 => (1, 0),
                    _ => {
                        let d = input.below(8) as ULONG;
                        (input.below(d as usize + 1) as ULONG, d)
                    }
                };
                let c = self.ctx("IMAPITable::SeekRowApprox", i, true);
                let hr = quiet(|| unsafe { (vt.SeekRowApprox)(t.ptr, num, den) });
                check(c, hr);
                if !dead {
                    let want = if den == 0 || num > den {
                        MAPI_E_INVALID_PARAMETER
                    } else {
                        S_OK
                    };
                    assert_eq!(hr, want, "SeekRowApprox({num}, {den})");
                }
            }
            4 => {
                let nulls = input.byte().unwrap_or(0);
                let (mut row, mut num, mut den) = (0xDEAD, 0xDEAD, 0xDEAD);
                let p = |bit: u8, r: &mut ULONG| {
                    if nulls & bit != 0 && nulls >= 0xF0 {
                        ptr::null_mut()
                    } else {
                        ptr::from_mut(r)
                    }
                };
                let (pr, pn, pd) = (p(1, &mut row), p(2, &mut num), p(4, &mut den));
                let clean = !pr.is_null() && !pn.is_null() && !pd.is_null();
                let c = self.ctx("IMAPITable::QueryPosition", i, clean);
                let hr = quiet(|| unsafe { (vt.QueryPosition)(t.ptr, pr, pn, pd) });
                check(c, hr);
                if !dead {
                    assert_eq!(
                        hr,
                        if clean {
                            S_OK
                        } else {
                            MAPI_E_INVALID_PARAMETER
                        }
                    );
                    if hr == S_OK {
                        assert_eq!(num, row, "QueryPosition: numerator");
                        assert!(row <= den, "QueryPosition: row {row} of {den}");
                    }
                }
            }
            5 => {
                let (flags, fclean) = input.flags_of(&[0], 0);
                let null = input.chance(16);
                let mut n = 0xDEAD;
                let c = self.ctx("IMAPITable::GetRowCount", i, fclean && !null);
                let hr = quiet(|| unsafe {
                    (vt.GetRowCount)(t.ptr, flags, if null { ptr::null_mut() } else { &mut n })
                });
                check(c, hr);
                if hr < 0 && !null {
                    assert_eq!(n, 0, "GetRowCount: out on failure");
                }
                if !dead && fclean && !null {
                    assert_eq!(hr, S_OK, "GetRowCount");
                }
            }
            6 => {
                let null = input.chance(16);
                let (mut status, mut kind) = (0xDEAD, 0xDEAD);
                let c = self.ctx("IMAPITable::GetStatus", i, !null);
                let hr = quiet(|| unsafe {
                    (vt.GetStatus)(
                        t.ptr,
                        &mut status,
                        if null { ptr::null_mut() } else { &mut kind },
                    )
                });
                check(c, hr);
                if hr == S_OK {
                    assert_eq!(status, TBLSTAT_COMPLETE);
                    assert!(
                        kind == TBLTYPE_DYNAMIC || kind == TBLTYPE_SNAPSHOT,
                        "{kind:#x}"
                    );
                } else {
                    assert_eq!(status, 0, "GetStatus: out on failure");
                }
            }
            _ => {
                let (slot, hr) = match input.below(6) {
                    0 => ("IMAPITable::Abort", quiet(|| unsafe { (vt.Abort)(t.ptr) })),
                    1 => {
                        let mut st = 0xDEAD;
                        let flags = input.pick(&[0, 0, 1]);
                        let hr = quiet(|| unsafe {
                            (vt.WaitForCompletion)(t.ptr, flags, input.u32(), &mut st)
                        });
                        if hr == S_OK {
                            assert_eq!(st, TBLSTAT_COMPLETE);
                        }
                        ("IMAPITable::WaitForCompletion", hr)
                    }
                    2 => {
                        let (mut rows, mut more) = (canary(), 0xDEAD);
                        let mut key = [0u8; 8];
                        let hr = quiet(|| unsafe {
                            (vt.ExpandRow)(t.ptr, 8, key.as_mut_ptr(), 1, 0, &mut rows, &mut more)
                        });
                        assert!(rows.is_null(), "ExpandRow: rows on failure");
                        ("IMAPITable::ExpandRow", hr)
                    }
                    3 => {
                        let mut n = 0xDEAD;
                        let mut key = [0u8; 8];
                        let hr = quiet(|| unsafe {
                            (vt.CollapseRow)(t.ptr, 8, key.as_mut_ptr(), 0, &mut n)
                        });
                        ("IMAPITable::CollapseRow", hr)
                    }
                    4 => {
                        let (mut cb, mut p) = (0xDEAD, canary());
                        let mut key = [0u8; 8];
                        let hr = quiet(|| unsafe {
                            (vt.GetCollapseState)(t.ptr, 0, 8, key.as_mut_ptr(), &mut cb, &mut p)
                        });
                        assert!(p.is_null(), "GetCollapseState: state on failure");
                        ("IMAPITable::GetCollapseState", hr)
                    }
                    _ => {
                        let mut b = 0xDEAD;
                        let mut state = [0u8; 8];
                        let hr = quiet(|| unsafe {
                            (vt.SetCollapseState)(t.ptr, 0, 8, state.as_mut_ptr(), &mut b)
                        });
                        ("IMAPITable::SetCollapseState", hr)
                    }
                };
                // Flags other than 0 are not arguments the ctx tracks.
                check(
                    Ctx {
                        clean: false,
                        ..self.ctx(slot, i, false)
                    },
                    hr,
                );
            }
        }
    }

    unsafe fn table_bookmark(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        let vt = unsafe { t.vt() };
        let dead = self.dead(i);
        if input.chance(2) && t.bookmarks.borrow().len() < 16 {
            let null = input.chance(16);
            let mut b = 0xDEAD;
            let c = self.ctx("IMAPITable::CreateBookmark", i, !null);
            let hr = quiet(|| unsafe {
                (vt.CreateBookmark)(t.ptr, if null { ptr::null_mut() } else { &mut b })
            });
            check(c, hr);
            if hr == S_OK {
                assert!(b > BOOKMARK_END, "CreateBookmark: {b:#x}");
                assert!(
                    !t.bookmarks.borrow().contains(&b),
                    "CreateBookmark: {b:#x} handed out twice"
                );
                t.bookmarks.borrow_mut().push(b);
                t.freed.borrow_mut().retain(|&x| x != b);
            } else if !null {
                assert_eq!(b, 0, "CreateBookmark: out on failure");
            }
            if !dead {
                assert_eq!(hr, if null { MAPI_E_INVALID_PARAMETER } else { S_OK });
            }
            return;
        }
        let (b, known) = self.bookmark(&t, input);
        let c = self.ctx("IMAPITable::FreeBookmark", i, true);
        let hr = quiet(|| unsafe { (vt.FreeBookmark)(t.ptr, b) });
        check(c, hr);
        if dead {
            return;
        }
        if known {
            assert_eq!(hr, S_OK, "FreeBookmark({b:#x})");
            if b > BOOKMARK_END {
                t.bookmarks.borrow_mut().retain(|&x| x != b);
                if t.freed.borrow().len() < 16 {
                    t.freed.borrow_mut().push(b);
                }
            }
        } else {
            assert_eq!(hr, MAPI_E_INVALID_BOOKMARK, "FreeBookmark({b:#x})");
        }
    }

    /// Reads the whole table (its cursor put back) and compares it with
    /// the rows its sinks' clients have built from the notifications (or
    /// gives them these rows to follow from now on).
    unsafe fn table_verify(&mut self, pick: usize) {
        let Some((i, t)) = self.table(pick) else {
            return;
        };
        if self.dead(i) {
            return;
        }
        unsafe { self.learn_columns(i, &t) };
        let vt = unsafe { t.vt() };
        let columns = t.columns().expect("the columns of a live table");
        let ctx = |slot| self.ctx(slot, i, true);
        let (mut row, mut num, mut den) = (0, 0, 0);
        let hr = quiet(|| unsafe { (vt.QueryPosition)(t.ptr, &mut row, &mut num, &mut den) });
        check(ctx("IMAPITable::QueryPosition"), hr);
        assert_eq!(hr, S_OK);
        // Without PR_INSTANCE_KEY in the columns, it is added at the end
        // for the read.
        let at = columns.iter().position(|&c| c == PR_INSTANCE_KEY);
        let (at, swapped) = match at {
            Some(k) => (k, false),
            None => {
                let mut tags = vec![columns.len() as ULONG + 1];
                tags.extend(&columns);
                tags.push(PR_INSTANCE_KEY);
                let hr = quiet(|| unsafe { (vt.SetColumns)(t.ptr, tags.as_mut_ptr().cast(), 0) });
                check(ctx("IMAPITable::SetColumns"), hr);
                assert_eq!(hr, S_OK);
                (columns.len(), true)
            }
        };
        let seek = |origin, n| {
            let hr = quiet(|| unsafe { (vt.SeekRow)(t.ptr, origin, n, ptr::null_mut()) });
            check(ctx("IMAPITable::SeekRow"), hr);
            assert_eq!(hr, S_OK);
        };
        seek(BOOKMARK_BEGINNING, 0);
        let mut rows = canary();
        let hr = quiet(|| unsafe { (vt.QueryRows)(t.ptr, i32::MAX, TBL_NOADVANCE, &mut rows) });
        check(ctx("IMAPITable::QueryRows"), hr);
        assert_eq!(hr, S_OK);
        let table: Vec<ClientRow> = unsafe {
            let n = ptr::addr_of!((*rows).cRows).read_unaligned() as usize;
            let base = ptr::addr_of!((*rows).aRow).cast::<SRow>();
            let table = (0..n)
                .map(|k| {
                    let r = base.add(k).read_unaligned();
                    let v = r.lpProps.add(at).read_unaligned();
                    let key = note_key("PR_INSTANCE_KEY column", &v)
                        .expect("a row without its instance key");
                    (key, row_repr(r.lpProps, columns.len()))
                })
                .collect();
            free_rows(rows);
            table
        };
        let keys: Vec<&Vec<u8>> = table.iter().map(|r| &r.0).collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            keys.len(),
            "two rows of the table with the same PR_INSTANCE_KEY"
        );
        // QueryPosition's denominator is the row count, never zero (an
        // empty table is 0/1: Microsoft's QueryPosition page).
        assert_eq!(
            (keys.len() as ULONG).max(1),
            den,
            "QueryRows: not every row of the table"
        );
        if swapped {
            let mut tags = vec![columns.len() as ULONG];
            tags.extend(&columns);
            let hr = quiet(|| unsafe { (vt.SetColumns)(t.ptr, tags.as_mut_ptr().cast(), 0) });
            check(ctx("IMAPITable::SetColumns"), hr);
            assert_eq!(hr, S_OK);
        }
        seek(BOOKMARK_BEGINNING, row as i32);
        for k in self.table_sinks(&t) {
            let s = &self.sinks[k];
            if !s.advised.get() {
                continue;
            }
            let mut model = s.model.borrow_mut();
            match model.as_ref() {
                Some(m) => {
                    let mine: Vec<&Vec<u8>> = m.iter().map(|r| &r.0).collect();
                    assert_eq!(
                        mine, keys,
                        "the rows a client built from the table's notifications are not the \
                         table's (instance keys in order)"
                    );
                    for (a, b) in m.iter().zip(&table) {
                        assert_eq!(
                            a.1, b.1,
                            "row {:02x?}: the values a client got from the table's \
                             notifications are not the table's (columns {columns:x?})",
                            a.0
                        );
                    }
                }
                None => *model = Some(table.clone()),
            }
        }
    }

    /// IMsgStore::Advise (NULL, the store's, a folder's or a message's
    /// entry ID) with an emulator sink, Unadvise (through the store or the
    /// logon), or NotifyNewMail.
    unsafe fn store_advise(&mut self, pick: usize, input: &mut Input<'_>) {
        let Some(li) = self.logon_with_store(pick) else {
            return;
        };
        let s = self.logons[li].store;
        let dead = self.dead_logon(li);
        match input.below(6) {
            0 | 1 => {
                let mine: Vec<usize> = (0..self.sinks.len())
                    .filter(|&k| match &self.sinks[k].target {
                        Target::Store { info, .. } => Rc::ptr_eq(info, &self.logons[li].info),
                        Target::Table(_) => false,
                    })
                    .collect();
                let connection = if !mine.is_empty() && !input.chance(4) {
                    self.sinks[mine[input.below(mine.len())]].connection.get()
                } else {
                    input.pick(&[0, 1, 2, 5, 1 << 32, usize::MAX])
                };
                let sink = mine.iter().copied().find(|&k| {
                    self.sinks[k].ever.get() && self.sinks[k].connection.get() == connection
                });
                let via_logon = input.chance(3) && self.logons[li].logon_refs > 0;
                let hr = quiet(|| unsafe {
                    if via_logon {
                        let l = self.logons[li].logon;
                        ((*(*l).lpVtbl).Unadvise)(l, connection)
                    } else {
                        ((*(*s).lpVtbl).Unadvise)(s, connection)
                    }
                });
                check_session("IMsgStore::Unadvise", dead, true, hr);
                if dead {
                    return;
                }
                match sink {
                    Some(k) if self.sinks[k].advised.get() => {
                        assert_eq!(hr, S_OK, "IMsgStore::Unadvise of an advised sink");
                        self.sinks[k].unadvised();
                        assert_eq!(self.sinks[k].refs.get(), 1, "Unadvise: sink not released");
                    }
                    Some(_) => assert_eq!(hr, MAPI_E_NOT_FOUND, "Unadvise twice"),
                    // Maybe one of the logon-level op's registrations.
                    None => assert!(hr == S_OK || hr == MAPI_E_NOT_FOUND, "{hr:#x}"),
                }
            }
            2 => {
                // NotifyNewMail: a message open here and its folder, or
                // any entry IDs.
                let mut keep = Keep::default();
                let (id, parent) =
                    match self.obj_of(input.byte().unwrap_or(0) as usize, &[Kind::Message]) {
                        Some(m) if !input.chance(4) => unsafe { self.message_ids(m) },
                        _ => (self.eid(input), self.eid(input)),
                    };
                let (flags, _) = input.choose(&[0, MAPI_UNICODE]);
                let (class, _) = text(&mut keep, input, flags & MAPI_UNICODE != 0);
                let mut n: NOTIFICATION = unsafe { std::mem::zeroed() };
                n.ulEventType = if input.chance(16) {
                    fnevObjectCreated
                } else {
                    fnevNewMail
                };
                n.info.newmail = NEWMAIL_NOTIFICATION {
                    cbEntryID: id.len() as ULONG,
                    lpEntryID: if id.is_empty() {
                        ptr::null_mut()
                    } else {
                        keep.raw(&id).cast()
                    },
                    cbParentID: parent.len() as ULONG,
                    lpParentID: if parent.is_empty() {
                        ptr::null_mut()
                    } else {
                        keep.raw(&parent).cast()
                    },
                    ulFlags: flags,
                    lpszMessageClass: class,
                    ulMessageFlags: input.u32(),
                };
                let null = input.chance(16);
                let hr = unsafe {
                    ((*(*s).lpVtbl).NotifyNewMail)(
                        s,
                        if null {
                            ptr::null_mut()
                        } else {
                            ptr::addr_of_mut!(n).cast()
                        },
                    )
                };
                check_session("IMsgStore::NotifyNewMail", dead, false, hr);
            }
            _ => {
                let eid = match input.below(6) {
                    0 | 1 => None,
                    2 => Some(store_entry_id(1)),
                    _ => Some(self.eid(input)),
                };
                let mask = match input.below(10) {
                    0 => fnevNewMail,
                    1 => fnevObjectCreated,
                    2 => fnevObjectModified | fnevObjectDeleted,
                    3 => fnevObjectMoved | fnevObjectCopied,
                    4 => fnevTableModified,
                    5 => 0,
                    6 => input.u32(),
                    _ => {
                        fnevNewMail
                            | fnevObjectCreated
                            | fnevObjectDeleted
                            | fnevObjectModified
                            | fnevObjectMoved
                            | fnevObjectCopied
                    }
                };
                let null_sink = input.chance(16) || self.sinks.len() >= MAX_SINKS;
                let reenter = input.byte().unwrap_or(0);
                let key = eid.as_ref().filter(|e| e.len() == 48).cloned();
                let target = Target::Store {
                    info: self.logons[li].info.clone(),
                    key,
                    mask,
                };
                let sink = (!null_sink).then(|| Sink::new(target, reenter, 1));
                let sp = sink.as_ref().map_or(ptr::null_mut(), |x| x.as_ptr());
                let (cb, p) = eid_args(&eid);
                let mut connection = CONNECTION_CANARY;
                let clean = !null_sink && mask != 0 && eid.as_ref().is_none_or(|e| !e.is_empty());
                let hr = quiet(|| unsafe {
                    ((*(*s).lpVtbl).Advise)(s, cb, p, mask, sp, &mut connection)
                });
                check_session("IMsgStore::Advise", dead, clean, hr);
                if !dead && clean && eid.is_none() {
                    assert_eq!(hr, S_OK, "IMsgStore::Advise(NULL, {mask:#x})");
                }
                if !dead && !null_sink && mask == 0 {
                    assert!(hr < 0, "IMsgStore::Advise with an empty mask");
                }
                if hr == S_OK {
                    assert_connection_written(connection);
                } else {
                    assert!(connection == 0 || connection == CONNECTION_CANARY);
                }
                if let Some(x) = sink {
                    if hr == S_OK {
                        x.connection.set(connection);
                        x.advised.set(true);
                        x.ever.set(true);
                        assert_eq!(x.refs.get(), 2, "IMsgStore::Advise: the sink not held once");
                    } else {
                        assert_eq!(x.refs.get(), 1, "a failed Advise kept the sink");
                    }
                    self.sinks.push(x);
                }
            }
        }
    }

    // ---- the end ---------------------------------------------------------

    unsafe fn release_objs(&mut self) {
        for o in self.objs.drain(..) {
            if let Some(t) = &o.tab {
                t.held.set(false);
            }
            for k in (0..o.refs).rev() {
                let n = unsafe { (unk(o.ptr).Release.unwrap())(o.ptr.cast()) };
                assert_eq!(n, k, "Release on a {:?}", o.kind);
            }
        }
    }

    /// Every reference the fuzzer holds goes; the provider shuts down.
    unsafe fn finish(&mut self, subobjects_first: bool) {
        unsafe {
            if subobjects_first {
                self.release_objs();
            }
            for l in &mut self.logons {
                if l.logon_refs > 0 {
                    let mut flags = 0;
                    assert_eq!(((*(*l.logon).lpVtbl).Logoff)(l.logon, &mut flags), S_OK);
                }
                l.support.reenter_on_release(ptr::null_mut());
                l.info.held.set(false);
                for _ in 0..l.store_refs {
                    ((*(*l.store).lpVtbl).Release)(l.store);
                }
                for _ in 0..l.logon_refs {
                    ((*(*l.logon).lpVtbl).Release)(l.logon);
                }
                assert_eq!(l.support.refs(), 1, "support released exactly once");
                assert_eq!(l.support.releases(), 1, "support released exactly once");
            }
            if !subobjects_first {
                self.release_objs();
            }
            let mut flags = 0;
            assert_eq!((self.pv.Shutdown)(self.provider, &mut flags), S_OK);
            assert_eq!((self.pv.Release)(self.provider), 0);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let sink = host_object(sink_vtbl());
    let mut provider: *mut IMSProvider = ptr::null_mut();
    let mut version = 0;
    // SAFETY: the host's allocators, valid out-pointers.
    let hr = unsafe {
        MSProviderInit(
            ptr::null_mut(),
            ptr::null_mut(),
            Some(allocate_buffer),
            Some(allocate_more),
            Some(free_buffer),
            0,
            CURRENT_SPI_VERSION,
            &mut version,
            &mut provider,
        )
    };
    assert_eq!(hr, S_OK);
    let mut f = Fuzz {
        provider,
        // SAFETY: a live provider.
        pv: unsafe { &*(*provider).lpVtbl },
        sink: sink.as_ptr(),
        logons: Vec::new(),
        objs: Vec::new(),
        eids: Vec::new(),
        tags: Vec::new(),
        attach_nums: Vec::new(),
        last_hr: S_OK,
        sinks: Vec::new(),
    };

    loop {
        let at = data.len() - input.0.len();
        let Some(op) = input.byte() else {
            break;
        };
        let pick = input.byte().unwrap_or(0) as usize;
        if tracing() {
            if op < 0x80 {
                eprintln!("@{at}: logon op {} (pick {pick})", op % 14);
            } else {
                eprintln!("@{at}: tree op {} (pick {pick})", (op - 0x80) % TREE_OPS);
            }
        }
        let op_scope = InOp::enter();
        // SAFETY: every pointer used is a live object the fuzzer holds a
        // reference to, or a valid local; every reference or buffer
        // received is given back.
        unsafe {
            if op < 0x80 {
                f.logon_op(op % 14, pick, &mut input);
            } else {
                f.tree_op((op - 0x80) % TREE_OPS, pick, &mut input);
            }
        }
        drop(op_scope);
        f.step_checks();
    }

    // The end of the session: every reference the fuzzer holds goes, the
    // subobjects' before or after their logons'.
    // SAFETY: as above.
    {
        let _scope = InOp::enter();
        unsafe { f.finish(data.len() % 2 == 0) };
    }
    for s in &f.sinks {
        assert_eq!(s.refs.get(), 1, "an advise sink not given back");
        assert_eq!(
            s.releases.get(),
            s.add_refs.get(),
            "an advise sink not released once per reference"
        );
    }
    assert_eq!(sink.refs(), 1, "every sink reference given back");
    assert_eq!(live_objects(), 0, "nothing alive");
    assert_eq!(live_buffers(), 0, "every host buffer freed");
});
