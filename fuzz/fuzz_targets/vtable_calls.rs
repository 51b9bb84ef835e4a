//! Interprets its input as a sequence of vtable calls on a provider, its
//! logons and stores, made by a host emulator, and checks MAPI's invariants
//! after every step: no crash, support objects released at most once (and
//! exactly once by the end), reference counts never negative, every host
//! buffer freed, nothing alive after the last Release.
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
    support: Box<HostObject<IMAPISupportVtbl>>,
    /// Whether the support object re-enters Logoff from its Release.
    reenters: bool,
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
    let sink = host_object(sink_vtbl());
    let sink_ptr: *mut IMAPIAdviseSink = sink.as_ptr();
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
                    let support = host_object(support_vtbl());
                    let (mut l, mut s, mut err) =
                        (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
                    let eid = (pick % 2 == 1).then(|| entry_id(&mut input));
                    let (cb, p) = eid.as_ref().map_or((0, ptr::null_mut()), |e| {
                        (e.len() as u32, e.as_ptr().cast_mut().cast())
                    });
                    let iid = (pick % 4 == 3).then(|| IIDS[pick % IIDS.len()]);
                    let hr = (pv.Logon)(
                        provider,
                        support.as_ptr(),
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
                        assert_eq!(support.refs(), 2);
                        let reenters = pick % 3 == 0;
                        if reenters {
                            support.reenter_on_release(l);
                        }
                        logons.push(Logon {
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
                        sink_ptr,
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
            let refs = l.support.refs();
            assert!(refs == 1 || refs == 2, "support refs {refs}");
            assert_eq!(l.support.reenter_hr(), S_OK, "the re-entrant Logoff");
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
            l.support.reenter_on_release(ptr::null_mut());
            for _ in 0..l.store_refs {
                ((*(*l.store).lpVtbl).Release)(l.store);
            }
            for _ in 0..l.logon_refs {
                ((*(*l.logon).lpVtbl).Release)(l.logon);
            }
            assert_eq!(l.support.refs(), 1, "support released exactly once");
        }
        let mut flags = 0;
        assert_eq!((pv.Shutdown)(provider, &mut flags), S_OK);
        assert_eq!((pv.Release)(provider), 0);
    }
    assert_eq!(sink.refs(), 1, "every sink reference given back");
    assert_eq!(live_objects(), 0, "nothing alive");
    assert_eq!(live_buffers(), 0, "every host buffer freed");
});
