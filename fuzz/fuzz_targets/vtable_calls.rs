//! Interprets its input as a sequence of vtable calls on a provider, its
//! logons and stores, made by a host emulator, and checks MAPI's invariants
//! after every step: no crash, support objects released at most once (and
//! exactly once by the end), reference counts never negative, every host
//! buffer freed, nothing alive after the last Release.
#![no_main]

use std::ffi::c_void;
use std::ptr;
use std::sync::atomic::{AtomicI32, AtomicI64, Ordering};

use libfuzzer_sys::fuzz_target;
use mslogon::com::live_objects;
use mslogon::ffi::MSProviderInit;
use mslogon::mapi::*;

// ---- the host ----------------------------------------------------------

static BUFFERS: AtomicI64 = AtomicI64::new(0);

/// Buffers carry a header: [size, first chained child].
unsafe extern "system" fn allocate_buffer(cb: ULONG, out: *mut *mut c_void) -> SCODE {
    let words = (cb as usize).div_ceil(8) + 2;
    let block = Box::into_raw(vec![0u64; words].into_boxed_slice()).cast::<u64>();
    // SAFETY: a fresh block of `words` ≥ 2 words.
    unsafe {
        *block = words as u64;
        *block.add(1) = 0;
        *out = block.add(2).cast();
    }
    BUFFERS.fetch_add(1, Ordering::SeqCst);
    S_OK
}

unsafe extern "system" fn allocate_more(
    cb: ULONG,
    parent: *mut c_void,
    out: *mut *mut c_void,
) -> SCODE {
    if parent.is_null() || out.is_null() {
        return MAPI_E_INVALID_PARAMETER;
    }
    // SAFETY: `out` is writable; `parent` is one of our buffers.
    unsafe {
        allocate_buffer(cb, out);
        let child = (*out).cast::<u64>().sub(2);
        let head = parent.cast::<u64>().sub(2);
        // Chain: child.next = parent.first; parent.first = child.
        *child.add(1) = *head.add(1);
        *head.add(1) = child as u64;
    }
    S_OK
}

unsafe extern "system" fn free_buffer(p: *mut c_void) -> ULONG {
    if p.is_null() {
        return 0;
    }
    // SAFETY: `p` is a root buffer of ours; its chain lists its children.
    unsafe {
        let mut block = p.cast::<u64>().sub(2);
        while !block.is_null() {
            let words = *block as usize;
            let next = *block.add(1) as *mut u64;
            drop(Box::from_raw(ptr::slice_from_raw_parts_mut(block, words)));
            BUFFERS.fetch_sub(1, Ordering::SeqCst);
            block = next;
        }
    }
    0
}

/// A host COM object (support object or sink): counts references; a
/// support object may call back into its logon from its Release, as MAPI
/// does.
#[repr(C)]
struct HostObject {
    vtbl: *const c_void,
    refs: AtomicI32,
    reenter: *mut IMSLogon,
}

unsafe extern "system" fn host_add_ref<I>(this: *mut I) -> ULONG {
    // SAFETY: a live HostObject.
    let obj = unsafe { &*this.cast::<HostObject>() };
    (obj.refs.fetch_add(1, Ordering::SeqCst) + 1) as ULONG
}

unsafe extern "system" fn host_release<I>(this: *mut I) -> ULONG {
    // SAFETY: a live HostObject.
    let obj = unsafe { &mut *this.cast::<HostObject>() };
    let left = obj.refs.fetch_sub(1, Ordering::SeqCst) - 1;
    assert!(
        left >= 1,
        "the library released a host reference it did not hold"
    );
    let logon = std::mem::replace(&mut obj.reenter, ptr::null_mut());
    if !logon.is_null() {
        let mut flags = 0;
        // SAFETY: MAPI's re-entry; the logon is alive (the fuzzer holds it).
        let hr = unsafe { ((*(*logon).lpVtbl).Logoff)(logon, &mut flags) };
        assert_eq!(hr, S_OK, "re-entrant Logoff");
    }
    left as ULONG
}

unsafe extern "system" fn store_logoff_transports(
    _this: *mut IMAPISupport,
    flags: *mut ULONG,
) -> HRESULT {
    assert!(!flags.is_null());
    S_OK
}

fn support_vtbl() -> &'static IMAPISupportVtbl {
    static V: std::sync::OnceLock<IMAPISupportVtbl> = std::sync::OnceLock::new();
    V.get_or_init(|| IMAPISupportVtbl {
        AddRef: Some(host_add_ref::<IMAPISupport>),
        Release: Some(host_release::<IMAPISupport>),
        StoreLogoffTransports: Some(store_logoff_transports),
        ..Default::default()
    })
}

fn sink_vtbl() -> &'static IMAPIAdviseSinkVtbl {
    static V: std::sync::OnceLock<IMAPIAdviseSinkVtbl> = std::sync::OnceLock::new();
    V.get_or_init(|| IMAPIAdviseSinkVtbl {
        AddRef: Some(host_add_ref::<IMAPIAdviseSink>),
        Release: Some(host_release::<IMAPIAdviseSink>),
        ..Default::default()
    })
}

fn host_object(vtbl: *const c_void) -> Box<HostObject> {
    Box::new(HostObject {
        vtbl,
        refs: AtomicI32::new(1),
        reenter: ptr::null_mut(),
    })
}

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
}

struct Logon {
    logon: *mut IMSLogon,
    store: *mut IMsgStore,
    logon_refs: u32,
    store_refs: u32,
    support: Box<HostObject>,
}

fn store_entry_id(n: u32) -> Vec<u8> {
    let mut id = vec![0u8; 4];
    id.extend_from_slice(b"mslogon\0refstore");
    id.extend_from_slice(&n.to_le_bytes());
    id
}

fn entry_id(input: &mut Input<'_>) -> Vec<u8> {
    match input.byte().unwrap_or(0) % 3 {
        0 => store_entry_id(1),
        1 => store_entry_id(input.u32()),
        _ => input.bytes(40),
    }
}

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

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let sink = host_object(ptr::from_ref(sink_vtbl()).cast());
    let sink_ptr: *mut IMAPIAdviseSink = ptr::from_ref(&*sink).cast_mut().cast();
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
    // SAFETY: a live provider.
    let pv = unsafe { &*(*provider).lpVtbl };
    let mut logons: Vec<Logon> = Vec::new();

    while let Some(op) = input.byte() {
        let pick = input.byte().unwrap_or(0) as usize;
        let live: Vec<usize> = (0..logons.len())
            .filter(|&i| logons[i].logon_refs > 0)
            .collect();
        let target = (!live.is_empty()).then(|| live[pick % live.len()]);
        // SAFETY (for the whole match): every pointer used is a live object
        // the fuzzer holds a reference to, or a valid local; every
        // reference or buffer received is given back.
        unsafe {
            match (op % 14, target) {
                (0, _) if logons.len() < 4 => {
                    let mut support = host_object(ptr::from_ref(support_vtbl()).cast());
                    let (mut l, mut s, mut err) =
                        (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
                    let eid = (pick % 2 == 1).then(|| entry_id(&mut input));
                    let (cb, p) = eid.as_ref().map_or((0, ptr::null_mut()), |e| {
                        (e.len() as u32, e.as_ptr().cast_mut().cast())
                    });
                    let iid = (pick % 4 == 3).then(|| IIDS[pick % IIDS.len()]);
                    let hr = (pv.Logon)(
                        provider,
                        ptr::from_mut(&mut *support).cast(),
                        0,
                        ptr::null_mut(),
                        cb,
                        p,
                        input.flags() & 0x8000_00FF,
                        iid.as_ref().map_or(ptr::null(), ptr::from_ref),
                        ptr::null_mut(),
                        ptr::null_mut(),
                        &mut err,
                        &mut l,
                        &mut s,
                    );
                    free_buffer(err.cast());
                    if hr == S_OK {
                        assert_eq!(support.refs.load(Ordering::SeqCst), 2);
                        if pick % 3 == 0 {
                            support.reenter = l;
                        }
                        logons.push(Logon {
                            logon: l,
                            store: s,
                            logon_refs: 1,
                            store_refs: 1,
                            support,
                        });
                    } else {
                        assert!(l.is_null() && s.is_null());
                        assert_eq!(support.refs.load(Ordering::SeqCst), 1);
                    }
                }
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
                    if l.logon_refs > 1 || l.support.reenter.is_null() {
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
                    let mut connection = 0;
                    let mask = input.u32();
                    let _ = ((*(*logons[i].logon).lpVtbl).Advise)(
                        logons[i].logon,
                        cb,
                        p,
                        mask,
                        sink_ptr,
                        &mut connection,
                    );
                }
                (9, Some(i)) => {
                    let _ = ((*(*logons[i].logon).lpVtbl).Unadvise)(
                        logons[i].logon,
                        u32::from(input.byte().unwrap_or(0)),
                    );
                }
                (10, Some(i)) => {
                    let eid = entry_id(&mut input);
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
                    let (a, b) = (entry_id(&mut input), entry_id(&mut input));
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
                    let (a, b) = (entry_id(&mut input), entry_id(&mut input));
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
        for l in &logons {
            let refs = l.support.refs.load(Ordering::SeqCst);
            assert!(refs == 1 || refs == 2, "support refs {refs}");
        }
    }

    // The end of the session: every reference the fuzzer holds goes.
    // SAFETY: as above.
    unsafe {
        for l in &mut logons {
            if l.logon_refs > 0 {
                let mut flags = 0;
                assert_eq!(((*(*l.logon).lpVtbl).Logoff)(l.logon, &mut flags), S_OK);
            }
            l.support.reenter = ptr::null_mut();
            for _ in 0..l.store_refs {
                ((*(*l.store).lpVtbl).Release)(l.store);
            }
            for _ in 0..l.logon_refs {
                ((*(*l.logon).lpVtbl).Release)(l.logon);
            }
            assert_eq!(
                l.support.refs.load(Ordering::SeqCst),
                1,
                "support released exactly once"
            );
        }
        let mut flags = 0;
        assert_eq!((pv.Shutdown)(provider, &mut flags), S_OK);
        assert_eq!((pv.Release)(provider), 0);
    }
    assert_eq!(
        sink.refs.load(Ordering::SeqCst),
        1,
        "every sink reference given back"
    );
    assert_eq!(live_objects(), 0, "nothing alive");
    assert_eq!(BUFFERS.load(Ordering::SeqCst), 0, "every host buffer freed");
});
