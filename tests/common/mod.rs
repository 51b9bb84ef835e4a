//! The host side of the Rust integration tests: host COM objects (support
//! object, advise sink) that count references, and MAPI allocators that
//! count buffers. Shared by the test files through `mod common;`, and by
//! the fuzz target (fuzz/) through `#[path]`.
#![allow(dead_code)] // each test file uses its own subset

use std::collections::HashMap;
use std::ffi::c_void;
use std::ptr;
use std::sync::atomic::{AtomicI32, AtomicPtr, AtomicU32, Ordering};
use std::sync::{LazyLock, Mutex};

use mslogon::mapi::*;

/// `live_objects` and the buffer count are process-wide: tests that count
/// them run one at a time.
pub static SERIAL: Mutex<()> = Mutex::new(());

/// What a connection number's out-pointer holds before `Advise`: every
/// byte set, so a provider that wrote only 4 of `ULONG_PTR`'s 8 bytes
/// (SPEC-objects.md, "Widths") leaves a visible part of it.
pub const CONNECTION_CANARY: ULONG_PTR = 0xDEAD_BEEF_DEAD_BEEF_u64 as ULONG_PTR;

/// A connection number `Advise` wrote in full: not the canary (nor any part
/// of it), non-zero, and no larger than the reference store's counter
/// could have reached (it fits 32 bits).
pub fn assert_connection_written(connection: ULONG_PTR) {
    assert_ne!(connection, CONNECTION_CANARY, "connection not written");
    assert_ne!(connection, 0, "connection 0 is never issued");
    assert!(
        u32::try_from(connection).is_ok(),
        "connection {connection:#x}: only part of the ULONG_PTR was written"
    );
}

/// Holds [`SERIAL`] for the rest of a test.
pub fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

// ---- a host-side COM object (support object or advise sink) -------------

#[repr(C)]
pub struct HostObject<V: 'static> {
    vtbl: &'static V,
    refs: AtomicI32,
    releases: AtomicU32,
    /// MAPI's re-entry: the next Release calls `Logoff(&0)` on this logon.
    reenter: AtomicPtr<IMSLogon>,
    /// What that re-entrant Logoff returned.
    reenter_hr: AtomicI32,
}

unsafe extern "system" fn host_add_ref<I>(this: *mut I) -> ULONG {
    // SAFETY: `this` is a `HostObject` (all host vtables share the header).
    let obj = unsafe { &*this.cast::<HostObject<()>>() };
    (obj.refs.fetch_add(1, Ordering::SeqCst) + 1) as ULONG
}

unsafe extern "system" fn host_release<I>(this: *mut I) -> ULONG {
    // SAFETY: as above.
    let obj = unsafe { &*this.cast::<HostObject<()>>() };
    obj.releases.fetch_add(1, Ordering::SeqCst);
    let left = obj.refs.fetch_sub(1, Ordering::SeqCst) - 1;
    assert!(left >= 0, "over-released a host object");
    let logon = obj.reenter.swap(ptr::null_mut(), Ordering::SeqCst);
    if !logon.is_null() {
        let mut flags = 0;
        // SAFETY: whoever set `reenter` keeps the logon alive meanwhile.
        let hr = unsafe { ((*(*logon).lpVtbl).Logoff)(logon, &mut flags) };
        obj.reenter_hr.store(hr, Ordering::SeqCst);
    }
    left as ULONG
}

unsafe extern "system" fn store_logoff_transports(
    this: *mut IMAPISupport,
    flags: *mut ULONG,
) -> HRESULT {
    assert!(!this.is_null() && !flags.is_null());
    S_OK
}

static SUPPORT_VTBL: LazyLock<IMAPISupportVtbl> = LazyLock::new(|| IMAPISupportVtbl {
    AddRef: Some(host_add_ref::<IMAPISupport>),
    Release: Some(host_release::<IMAPISupport>),
    StoreLogoffTransports: Some(store_logoff_transports),
    ..Default::default()
});

static SINK_VTBL: LazyLock<IMAPIAdviseSinkVtbl> = LazyLock::new(|| IMAPIAdviseSinkVtbl {
    AddRef: Some(host_add_ref::<IMAPIAdviseSink>),
    Release: Some(host_release::<IMAPIAdviseSink>),
    ..Default::default()
});

/// A support object's vtable: IUnknown counted, StoreLogoffTransports
/// accepting, every other slot NULL (`MAPI_E_NO_SUPPORT` from the
/// library's side).
pub fn support_vtbl() -> &'static IMAPISupportVtbl {
    &SUPPORT_VTBL
}

/// An advise sink's vtable: IUnknown counted.
pub fn sink_vtbl() -> &'static IMAPIAdviseSinkVtbl {
    &SINK_VTBL
}

pub fn host_object<V>(vtbl: &'static V) -> Box<HostObject<V>> {
    Box::new(HostObject {
        vtbl,
        refs: AtomicI32::new(1),
        releases: AtomicU32::new(0),
        reenter: AtomicPtr::new(ptr::null_mut()),
        reenter_hr: AtomicI32::new(S_OK),
    })
}

impl<V> HostObject<V> {
    /// Makes the next Release call `Logoff` on `logon` (NULL: no more).
    pub fn reenter_on_release(&self, logon: *mut IMSLogon) {
        self.reenter.store(logon, Ordering::SeqCst);
    }
    /// What the last re-entrant Logoff returned.
    pub fn reenter_hr(&self) -> HRESULT {
        self.reenter_hr.load(Ordering::SeqCst)
    }
    pub fn refs(&self) -> i32 {
        self.refs.load(Ordering::SeqCst)
    }
    pub fn releases(&self) -> u32 {
        self.releases.load(Ordering::SeqCst)
    }
    pub fn as_ptr<I>(&self) -> *mut I {
        ptr::from_ref(self).cast_mut().cast()
    }
}

// ---- host allocators: every root buffer owns its chained ones -----------

static BUFFERS: Mutex<Option<HashMap<usize, Vec<Vec<u64>>>>> = Mutex::new(None);

fn new_words(cb: ULONG) -> Vec<u64> {
    vec![0u64; (cb as usize).div_ceil(8).max(1)]
}

pub unsafe extern "system" fn allocate_buffer(cb: ULONG, out: *mut *mut c_void) -> SCODE {
    let mut buf = new_words(cb);
    let p = buf.as_mut_ptr().cast::<c_void>();
    let mut map = BUFFERS.lock().unwrap();
    map.get_or_insert_with(HashMap::new)
        .insert(p as usize, vec![buf]);
    // SAFETY: MAPI contract: `out` is writable.
    unsafe { *out = p };
    S_OK
}

pub unsafe extern "system" fn allocate_more(
    cb: ULONG,
    parent: *mut c_void,
    out: *mut *mut c_void,
) -> SCODE {
    let mut map = BUFFERS.lock().unwrap();
    let Some(chain) = map
        .get_or_insert_with(HashMap::new)
        .get_mut(&(parent as usize))
    else {
        return MAPI_E_INVALID_PARAMETER;
    };
    let mut buf = new_words(cb);
    // SAFETY: as above.
    unsafe { *out = buf.as_mut_ptr().cast() };
    chain.push(buf);
    S_OK
}

pub unsafe extern "system" fn free_buffer(p: *mut c_void) -> ULONG {
    let mut map = BUFFERS.lock().unwrap();
    let removed = map.get_or_insert_with(HashMap::new).remove(&(p as usize));
    assert!(
        removed.is_some() || p.is_null(),
        "freed a buffer that is not ours"
    );
    0
}

pub fn live_buffers() -> usize {
    BUFFERS.lock().unwrap().as_ref().map_or(0, HashMap::len)
}

pub fn c_string(p: *const c_void) -> String {
    // SAFETY: a NUL-terminated 8-bit string from `mapi_error`.
    unsafe { std::ffi::CStr::from_ptr(p.cast()) }
        .to_string_lossy()
        .into_owned()
}

/// `MSProviderInit` with the counting allocators: a new provider with one
/// reference.
pub fn provider_init() -> *mut IMSProvider {
    let mut provider: *mut IMSProvider = ptr::null_mut();
    let mut version: ULONG = 0;
    // SAFETY: valid allocators and out-pointers.
    let hr = unsafe {
        mslogon::ffi::MSProviderInit(
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
    provider
}
