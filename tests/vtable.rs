//! Calls through the real `extern "system"` vtables, from a host written in
//! Rust: panics in provider code never unwind into the host, and leave the
//! logon in a defined state with nothing leaked.

mod common;

use std::ffi::c_void;
use std::ptr;
use std::sync::Arc;

use common::*;
use mslogon::com::{live_objects, new_logon, ComPtr, HostAllocators};
use mslogon::mapi::*;
use mslogon::provider::Notifier;
use mslogon::{LogonCore, LogonProvider};

// ---- providers that panic --------------------------------------------------

#[derive(Default)]
struct Panicky {
    in_logoff: bool,
    in_drop: bool,
}

impl LogonProvider for Panicky {
    fn logoff(&self) {
        if self.in_logoff {
            panic!("provider logoff panicked");
        }
    }
    fn advise_key(&self, _: Option<&[u8]>, _: &Arc<Notifier>) -> MapiResult<Vec<u8>> {
        panic!("provider advise panicked");
    }
}

impl Drop for Panicky {
    fn drop(&mut self) {
        if self.in_drop {
            panic!("provider drop panicked");
        }
    }
}

fn logon_for(provider: Panicky, support: &HostObject<IMAPISupportVtbl>) -> *mut IMSLogon {
    // SAFETY: `support` is a live host object.
    let support = unsafe { ComPtr::from_borrowed(support.as_ptr()) }.unwrap();
    new_logon(LogonCore::new(provider, support))
}

fn vtbl(logon: *mut IMSLogon) -> &'static IMSLogonVtbl {
    // SAFETY: `logon` is a live object made by `new_logon`.
    unsafe { &*(*logon).lpVtbl }
}

fn logoff(logon: *mut IMSLogon) -> HRESULT {
    let mut flags: ULONG = 0;
    // SAFETY: live object, valid flags pointer.
    unsafe { (vtbl(logon).Logoff)(logon, &mut flags) }
}

fn release(logon: *mut IMSLogon) -> ULONG {
    // SAFETY: live object on which we own a reference.
    unsafe { (vtbl(logon).Release)(logon) }
}

#[test]
fn panic_in_a_method_is_call_failed_and_changes_nothing() {
    let _serial = serial();
    let support = host_object(support_vtbl());
    let sink = host_object(sink_vtbl());
    let logon = logon_for(Panicky::default(), &support);
    let mut connection: ULONG_PTR = CONNECTION_CANARY;

    // SAFETY: live objects and valid pointers.
    let hr = unsafe {
        (vtbl(logon).Advise)(logon, 0, ptr::null_mut(), 1, sink.as_ptr(), &mut connection)
    };
    assert_eq!(hr, MAPI_E_CALL_FAILED);
    assert_eq!(connection, 0, "out-pointer zeroed, all of its bytes");
    assert_eq!(
        sink.refs(),
        1,
        "the sink reference taken for the call was given back"
    );
    assert_eq!(
        support.refs(),
        2,
        "the logon still holds its support object"
    );

    // The logon is still live and logs off normally.
    assert_eq!(logoff(logon), S_OK);
    assert_eq!(support.refs(), 1);
    assert_eq!(support.releases(), 1);
    assert_eq!(release(logon), 0);
    assert_eq!(live_objects(), 0);
}

#[test]
fn panic_in_provider_logoff_still_tears_down_once() {
    let _serial = serial();
    let support = host_object(support_vtbl());
    let logon = logon_for(
        Panicky {
            in_logoff: true,
            in_drop: false,
        },
        &support,
    );
    assert_eq!(logoff(logon), MAPI_E_CALL_FAILED);
    assert_eq!(support.refs(), 1, "support released despite the panic");
    assert_eq!(support.releases(), 1);
    assert_eq!(
        logoff(logon),
        S_OK,
        "logged off: a second Logoff is a no-op"
    );
    assert_eq!(support.releases(), 1);
    // SAFETY: live object; other methods now end the session.
    let hr = unsafe { (vtbl(logon).Unadvise)(logon, 1) };
    assert_eq!(hr, MAPI_E_END_OF_SESSION);
    assert_eq!(release(logon), 0);
    assert_eq!(live_objects(), 0);
}

#[test]
fn panic_in_provider_drop_never_reaches_the_host() {
    let _serial = serial();
    let support = host_object(support_vtbl());
    let logon = logon_for(
        Panicky {
            in_logoff: false,
            in_drop: true,
        },
        &support,
    );
    assert_eq!(logoff(logon), S_OK);
    assert_eq!(release(logon), 0);
    assert_eq!(support.releases(), 1);
    assert_eq!(live_objects(), 0);
}

#[test]
fn null_this_is_rejected_on_every_slot() {
    let _serial = serial();
    let support = host_object(support_vtbl());
    let sink = host_object(sink_vtbl());
    let logon = logon_for(Panicky::default(), &support);
    let v = vtbl(logon);
    let null: *mut IMSLogon = ptr::null_mut();
    let mut flags: ULONG = 0;
    let mut ulong: ULONG = 77;
    let mut out: *mut c_void = ptr::null_mut();
    let mut unk: *mut IUnknown = ptr::null_mut();
    let mut err: *mut MAPIERROR = ptr::null_mut();
    // SAFETY: every slot must cope with a NULL `this`; the other pointers
    // are valid.
    unsafe {
        assert_eq!(
            (v.QueryInterface)(null, &IID_IUnknown, &mut out),
            MAPI_E_INVALID_PARAMETER
        );
        assert!(out.is_null());
        assert_eq!((v.AddRef)(null), 0);
        assert_eq!((v.Release)(null), 0);
        assert_eq!(
            (v.GetLastError)(null, S_OK, 0, &mut err),
            MAPI_E_INVALID_PARAMETER
        );
        assert_eq!((v.Logoff)(null, &mut flags), MAPI_E_INVALID_PARAMETER);
        let hr = (v.OpenEntry)(
            null,
            0,
            ptr::null_mut(),
            ptr::null(),
            0,
            &mut ulong,
            &mut unk,
        );
        assert_eq!(hr, MAPI_E_INVALID_PARAMETER);
        let hr = (v.CompareEntryIDs)(null, 0, ptr::null_mut(), 0, ptr::null_mut(), 0, &mut ulong);
        assert_eq!(hr, MAPI_E_INVALID_PARAMETER);
        let mut connection: ULONG_PTR = CONNECTION_CANARY;
        let hr = (v.Advise)(null, 0, ptr::null_mut(), 1, sink.as_ptr(), &mut connection);
        assert_eq!(hr, MAPI_E_INVALID_PARAMETER);
        assert!(
            connection == 0 || connection == CONNECTION_CANARY,
            "never half-written: {connection:#x}"
        );
        assert_eq!((v.Unadvise)(null, 1), MAPI_E_INVALID_PARAMETER);
        let hr = (v.OpenStatusEntry)(null, ptr::null(), 0, &mut ulong, &mut out);
        assert_eq!(hr, MAPI_E_INVALID_PARAMETER);
    }
    assert_eq!(sink.refs(), 1, "nothing retained");
    assert_eq!(support.refs(), 2, "nothing happened to the real logon");
    assert_eq!(logoff(logon), S_OK);
    assert_eq!(release(logon), 0);
    assert_eq!(live_objects(), 0);
}

#[test]
fn eight_threads_racing_logoff_through_the_vtable() {
    let _serial = serial();
    for _ in 0..if cfg!(miri) { 4 } else { 100 } {
        let support = host_object(support_vtbl());
        let logon = logon_for(Panicky::default(), &support) as usize;
        let barrier = std::sync::Barrier::new(8);
        let results: Vec<HRESULT> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    s.spawn(|| {
                        barrier.wait();
                        logoff(logon as *mut IMSLogon)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(results.iter().all(|&hr| hr == S_OK), "{results:?}");
        assert_eq!(support.releases(), 1, "exactly one teardown");
        assert_eq!(release(logon as *mut IMSLogon), 0);
    }
    assert_eq!(live_objects(), 0);
}

#[test]
fn get_last_error_reports_a_caught_panic() {
    let _serial = serial();
    let support = host_object(support_vtbl());
    let sink = host_object(sink_vtbl());
    // SAFETY: our allocator functions above.
    let allocators = unsafe {
        HostAllocators::new(
            Some(allocate_buffer),
            Some(allocate_more),
            Some(free_buffer),
        )
    };
    // SAFETY: `support` is a live host object.
    let support_ptr = unsafe { ComPtr::from_borrowed(support.as_ptr()) }.unwrap();
    let logon =
        new_logon(LogonCore::new(Panicky::default(), support_ptr).with_allocators(allocators));
    let mut connection: ULONG_PTR = 0;
    let mut err: *mut MAPIERROR = ptr::null_mut();
    // SAFETY: live objects, valid pointers.
    unsafe {
        let hr = (vtbl(logon).Advise)(logon, 0, ptr::null_mut(), 1, sink.as_ptr(), &mut connection);
        assert_eq!(hr, MAPI_E_CALL_FAILED);
        assert_eq!(
            (vtbl(logon).GetLastError)(logon, MAPI_E_CALL_FAILED, 0, &mut err),
            S_OK
        );
        assert!(!err.is_null());
        let text = c_string((*err).lpszError);
        assert!(text.contains("provider advise panicked"), "{text}");
        assert_eq!(c_string((*err).lpszComponent), "mslogon");
        assert_eq!((*err).ulVersion, 0);
        free_buffer(err.cast());
        // Another code: nothing to report.
        assert_eq!(
            (vtbl(logon).GetLastError)(logon, MAPI_E_NOT_FOUND, 0, &mut err),
            S_OK
        );
        assert!(err.is_null());
    }
    assert_eq!(live_buffers(), 0);
    assert_eq!(logoff(logon), S_OK);
    assert_eq!(release(logon), 0);
    assert_eq!(live_objects(), 0);
}

#[test]
fn advise_unadvise_then_logoff_frees_everything() {
    // Under Miri (scripts/miri.sh) this also proves nothing leaks: an
    // emptied advise map once did.
    let _serial = serial();
    let support = host_object(support_vtbl());
    let sink = host_object(sink_vtbl());
    // SAFETY: a live host object.
    let support_ptr = unsafe { ComPtr::from_borrowed(support.as_ptr()) }.unwrap();
    let logon = new_logon(LogonCore::new(
        mslogon::store::ReferenceLogon::default(),
        support_ptr,
    ));
    let mut connection: ULONG_PTR = CONNECTION_CANARY;
    // SAFETY: live objects, valid pointers.
    unsafe {
        let v = vtbl(logon);
        assert_eq!(
            (v.Advise)(logon, 0, ptr::null_mut(), 1, sink.as_ptr(), &mut connection),
            S_OK
        );
        assert_connection_written(connection);
        // The whole pointer-sized value names the connection: the same low
        // 32 bits with a high one set name nothing (64-bit only).
        #[cfg(target_pointer_width = "64")]
        assert_eq!(
            (v.Unadvise)(logon, connection | (1 << 32)),
            MAPI_E_NOT_FOUND
        );
        assert_eq!((v.Unadvise)(logon, connection), S_OK);
    }
    assert_eq!(sink.refs(), 1);
    assert_eq!(logoff(logon), S_OK);
    assert_eq!(release(logon), 0);
    assert_eq!(support.refs(), 1);
    assert_eq!(live_objects(), 0);
}

// ---- reference counts under re-entry, rejected Logoff -----------------------

/// A provider whose teardown (run from the logon's final Release) calls
/// back into the logon through its vtable, as a host may: AddRef/Release
/// pairs, QueryInterface, stray Releases, Logoff with good and bad flags.
#[derive(Default)]
struct Reentrant {
    logon: std::sync::atomic::AtomicPtr<IMSLogon>,
    logoffs: std::sync::atomic::AtomicU32,
    /// What the calls from inside the teardown answered.
    seen: std::sync::Mutex<Vec<(&'static str, i64)>>,
}

struct ReentrantProvider(Arc<Reentrant>);

impl LogonProvider for ReentrantProvider {
    fn logoff(&self) {
        use std::sync::atomic::Ordering::SeqCst;
        let this = &self.0;
        this.logoffs.fetch_add(1, SeqCst);
        let logon = this.logon.load(SeqCst);
        let v = vtbl(logon);
        let mut seen = this.seen.lock().unwrap();
        // SAFETY: the logon's memory is alive during its final release
        // (pinned); every slot must answer without freeing it again.
        unsafe {
            for _ in 0..3 {
                seen.push(("AddRef", i64::from((v.AddRef)(logon))));
                seen.push(("Release", i64::from((v.Release)(logon))));
            }
            let mut out: *mut c_void = ptr::null_mut();
            let hr = (v.QueryInterface)(logon, &IID_IUnknown, &mut out);
            seen.push(("QueryInterface", i64::from(hr)));
            seen.push(("QueryInterface out", out as i64));
            seen.push(("stray Release", i64::from((v.Release)(logon))));
            seen.push((
                "Logoff(NULL)",
                i64::from((v.Logoff)(logon, ptr::null_mut())),
            ));
            let mut flags: ULONG = 1;
            seen.push(("Logoff(&1)", i64::from((v.Logoff)(logon, &mut flags))));
            flags = 0;
            seen.push(("Logoff(&0)", i64::from((v.Logoff)(logon, &mut flags))));
            seen.push(("AddRef", i64::from((v.AddRef)(logon))));
        }
    }
    fn advise_key(&self, _: Option<&[u8]>, _: &Arc<Notifier>) -> MapiResult<Vec<u8>> {
        Err(MapiError::NoSupport)
    }
}

#[test]
fn reentrant_calls_during_final_release_never_free_twice() {
    let _serial = serial();
    let support = host_object(support_vtbl());
    let provider = Arc::new(Reentrant::default());
    // SAFETY: `support` is a live host object.
    let support_ptr = unsafe { ComPtr::from_borrowed(support.as_ptr()) }.unwrap();
    let logon = new_logon(LogonCore::new(
        ReentrantProvider(provider.clone()),
        support_ptr,
    ));
    provider
        .logon
        .store(logon, std::sync::atomic::Ordering::SeqCst);
    // SAFETY: live object; we own one reference, then a second.
    unsafe {
        assert_eq!((vtbl(logon).AddRef)(logon), 2);
        assert_eq!((vtbl(logon).Release)(logon), 1);
    }
    // The last Release without Logoff: teardown, which calls back in.
    assert_eq!(release(logon), 0);
    assert_eq!(
        provider.logoffs.load(std::sync::atomic::Ordering::SeqCst),
        1
    );
    let seen = provider.seen.lock().unwrap().clone();
    let expected: Vec<(&str, i64)> = vec![
        ("AddRef", 0),
        ("Release", 0),
        ("AddRef", 0),
        ("Release", 0),
        ("AddRef", 0),
        ("Release", 0),
        ("QueryInterface", i64::from(MAPI_E_INVALID_OBJECT)),
        ("QueryInterface out", 0),
        ("stray Release", 0),
        ("Logoff(NULL)", i64::from(MAPI_E_INVALID_PARAMETER)),
        ("Logoff(&1)", i64::from(MAPI_E_UNKNOWN_FLAGS)),
        ("Logoff(&0)", i64::from(S_OK)),
        ("AddRef", 0),
    ];
    assert_eq!(seen, expected);
    assert_eq!(support.refs(), 1, "support released once");
    assert_eq!(support.releases(), 1);
    assert_eq!(live_objects(), 0, "freed once, nothing left");
}

#[test]
fn rejected_logoff_changes_nothing_and_is_reported() {
    let _serial = serial();
    let support = host_object(support_vtbl());
    // SAFETY: our allocator functions above.
    let allocators = unsafe {
        HostAllocators::new(
            Some(allocate_buffer),
            Some(allocate_more),
            Some(free_buffer),
        )
    };
    // SAFETY: `support` is a live host object.
    let support_ptr = unsafe { ComPtr::from_borrowed(support.as_ptr()) }.unwrap();
    let logon =
        new_logon(LogonCore::new(Panicky::default(), support_ptr).with_allocators(allocators));
    let v = vtbl(logon);
    let mut err: *mut MAPIERROR = ptr::null_mut();
    // SAFETY: live object, valid pointers (NULL where the test says).
    unsafe {
        for _ in 0..3 {
            assert_eq!((v.Logoff)(logon, ptr::null_mut()), MAPI_E_INVALID_PARAMETER);
            assert_eq!(support.refs(), 2, "still logged on");
            let mut flags: ULONG = 0x8000_0000;
            assert_eq!((v.Logoff)(logon, &mut flags), MAPI_E_UNKNOWN_FLAGS);
            assert_eq!(flags, 0x8000_0000, "not written");
            assert_eq!(support.refs(), 2, "still logged on");
        }
        // The last failure is reported, its text made now.
        assert_eq!(
            (v.GetLastError)(logon, MAPI_E_UNKNOWN_FLAGS, 0, &mut err),
            S_OK
        );
        assert!(!err.is_null());
        let text = c_string((*err).lpszError);
        assert!(text.contains("MAPI_E_UNKNOWN_FLAGS"), "{text}");
        free_buffer(err.cast());
        // The one before it is not.
        err = ptr::null_mut();
        assert_eq!(
            (v.GetLastError)(logon, MAPI_E_INVALID_PARAMETER, 0, &mut err),
            S_OK
        );
        assert!(err.is_null());
        // Nor is anything for a success, and bad GetLastError arguments
        // still fail (and are recorded in turn).
        assert_eq!((v.GetLastError)(logon, S_OK, 0, &mut err), S_OK);
        assert!(err.is_null());
        assert_eq!(
            (v.GetLastError)(logon, S_OK, 2, &mut err),
            MAPI_E_UNKNOWN_FLAGS
        );
        assert_eq!(
            (v.GetLastError)(logon, S_OK, 0, ptr::null_mut()),
            MAPI_E_INVALID_PARAMETER
        );
        assert_eq!(
            (v.GetLastError)(logon, MAPI_E_INVALID_PARAMETER, 0, &mut err),
            S_OK
        );
        assert!(!err.is_null());
        free_buffer(err.cast());
    }
    assert_eq!(live_buffers(), 0);
    // Pins were never taken: a plain Logoff and Release free everything.
    assert_eq!(logoff(logon), S_OK);
    assert_eq!(support.refs(), 1);
    // After Logoff: still MAPI_E_END_OF_SESSION for the other slots, and
    // the argument errors first for Logoff.
    let mut unk: *mut IUnknown = ptr::null_mut();
    let mut ulong: ULONG = 0;
    // SAFETY: as above.
    unsafe {
        let hr = (v.OpenEntry)(
            logon,
            0,
            ptr::null_mut(),
            ptr::null(),
            0,
            &mut ulong,
            &mut unk,
        );
        assert_eq!(hr, MAPI_E_END_OF_SESSION);
        assert!(unk.is_null());
        assert_eq!((v.Logoff)(logon, ptr::null_mut()), MAPI_E_INVALID_PARAMETER);
    }
    assert_eq!(release(logon), 0);
    assert_eq!(live_objects(), 0);
}
