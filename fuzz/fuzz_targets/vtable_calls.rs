//! Interprets its input as a sequence of vtable calls on a provider, its
//! logons and stores, and the object tree behind them (folders, messages,
//! attachments, property streams, status objects), made by a host
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
//! `(op - 0x80) % TREE_OPS` is an op on the object tree. Tables the tree
//! hands out are kept as subobjects (their IUnknown only).
//! `MSLOGON_FUZZ_TRACE=1` prints every op and HRESULT of an input.
#![no_main]

use std::ffi::c_void;
use std::ptr;

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
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Folder,
    Message,
    Attach,
    Status,
    Stream,
    /// A contents or hierarchy table: only its IUnknown is driven here.
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
const TREE_OPS: u8 = 40;

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
const ARG_ERRORS: [HRESULT; 5] = [
    MAPI_E_INVALID_PARAMETER,
    MAPI_E_UNKNOWN_FLAGS,
    MAPI_E_INTERFACE_NOT_SUPPORTED,
    STG_E_INVALIDPOINTER,
    STG_E_INVALIDFLAG,
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
            self.objs.push(Obj {
                kind,
                ptr: p,
                logon,
                refs: 1,
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

    /// Walks a returned `SPropValue` array (every pointer read), checks each
    /// entry against the tag asked for, and keeps entry IDs and attachment
    /// numbers.
    unsafe fn walk_props(
        &mut self,
        slot: &str,
        props: *const SPropValue,
        n: usize,
        asked: Option<&[ULONG]>,
        wide: bool,
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
                            self.remember_eid(&b);
                        }
                    }
                    PT_LONG if PROP_ID(tag) == PROP_ID(PR_ATTACH_NUM) => {
                        if !self.attach_nums.contains(&v.Value.ul) && self.attach_nums.len() < 16 {
                            self.attach_nums.push(v.Value.ul);
                        }
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
            self.logons.push(Logon {
                logon: l,
                store: s,
                logon_refs: 1,
                store_refs: 1,
                support,
                reenters,
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
                    let _ = ((*(*logons[i].logon).lpVtbl).Unadvise)(
                        logons[i].logon,
                        ULONG_PTR::from(input.byte().unwrap_or(0)),
                    );
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
                _ => self.shutdown(pick, input),
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
        let mut bins: Vec<SBinary> = (0..n)
            .map(|_| {
                let e = self.eid(input);
                clean &= !e.is_empty();
                SBinary {
                    cb: e.len() as ULONG,
                    lpb: keep.raw(&e),
                }
            })
            .collect();
        let list = SBinaryArray {
            cValues: n as ULONG,
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

    // ---- the end ---------------------------------------------------------

    unsafe fn release_objs(&mut self) {
        for o in self.objs.drain(..) {
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
    };

    while let Some(op) = input.byte() {
        let pick = input.byte().unwrap_or(0) as usize;
        if tracing() {
            if op < 0x80 {
                eprintln!("logon op {} (pick {pick})", op % 14);
            } else {
                eprintln!("tree op {} (pick {pick})", (op - 0x80) % TREE_OPS);
            }
        }
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
        f.step_checks();
    }

    // The end of the session: every reference the fuzzer holds goes, the
    // subobjects' before or after their logons'.
    // SAFETY: as above.
    unsafe { f.finish(data.len() % 2 == 0) };
    assert_eq!(sink.refs(), 1, "every sink reference given back");
    assert_eq!(live_objects(), 0, "nothing alive");
    assert_eq!(live_buffers(), 0, "every host buffer freed");
});
