//! Concurrency stress: 8 threads × 10,000 iterations mixing Logoff,
//! AddRef/Release, QueryInterface, Advise/Unadvise and GetLastError on
//! shared logons, then concurrent Logon/Logoff cycles on one provider.
//! Exactly one teardown per logon, no deadlock (a watchdog fails the test
//! after 120 s), nothing leaked.

mod common;

use std::ffi::c_void;
use std::ptr;
use std::sync::mpsc;
use std::time::Duration;

use common::*;
use mslogon::com::live_objects;
use mslogon::mapi::*;

const THREADS: usize = 8;
const ITERATIONS: usize = 10_000;
const LOGONS: usize = 16;

/// Raw COM pointers crossing threads (the objects are free-threaded).
struct Shared<T>(*mut T);
impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Shared<T> {}
// SAFETY: the library's objects may be called from any thread.
unsafe impl<T> Send for Shared<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for Shared<T> {}

/// Runs `work` on a thread; fails if it has not finished in 120 s.
fn with_watchdog(work: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        work();
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(120)) {
        Ok(()) => worker.join().unwrap(),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // The work panicked: report its panic.
            if let Err(e) = worker.join() {
                std::panic::resume_unwind(e);
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("deadlock: the workload did not finish"),
    }
}

fn init() -> *mut IMSProvider {
    provider_init()
}

/// # Safety
/// `provider` and `support` are live.
unsafe fn logon(
    provider: *mut IMSProvider,
    support: *mut IMAPISupport,
) -> (*mut IMSLogon, *mut IMsgStore) {
    let (mut l, mut s) = (ptr::null_mut(), ptr::null_mut());
    // SAFETY: forwarded from the caller; valid out-pointers.
    let hr = unsafe {
        ((*(*provider).lpVtbl).Logon)(
            provider,
            support,
            0,
            ptr::null_mut(),
            0,
            ptr::null_mut(),
            0,
            ptr::null(),
            ptr::null_mut(),
            ptr::null_mut(),
            ptr::null_mut(),
            &mut l,
            &mut s,
        )
    };
    assert_eq!(hr, S_OK);
    (l, s)
}

/// # Safety
/// `l` and `s` are live and owned (one reference each) by the caller.
unsafe fn logoff_and_release(l: *mut IMSLogon, s: *mut IMsgStore) {
    let mut flags = 0;
    // SAFETY: forwarded from the caller.
    unsafe {
        assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        ((*(*l).lpVtbl).Release)(l);
        ((*(*s).lpVtbl).Release)(s);
    }
}

/// One operation on a shared logon, chosen by `op`.
///
/// # Safety
/// `l` is live (the test holds a reference); `sink` is live.
unsafe fn operate(op: usize, l: *mut IMSLogon, sink: *mut IMAPIAdviseSink) {
    // SAFETY: forwarded from the caller.
    let v = unsafe { &*(*l).lpVtbl };
    // SAFETY: live objects, valid out-pointers; every reference taken is
    // given back, every buffer freed.
    unsafe {
        match op % 5 {
            0 => {
                assert!((v.AddRef)(l) >= 2);
                (v.Release)(l);
            }
            1 => {
                let mut out: *mut c_void = ptr::null_mut();
                assert_eq!((v.QueryInterface)(l, &IID_IMSLogon, &mut out), S_OK);
                (v.Release)(out.cast());
            }
            2 => {
                let mut connection = CONNECTION_CANARY;
                let hr = (v.Advise)(l, 0, ptr::null_mut(), 1, sink, &mut connection);
                if hr == S_OK {
                    assert_connection_written(connection);
                    // Logoff may have come in between: END_OF_SESSION.
                    let hr = (v.Unadvise)(l, connection);
                    assert!(hr == S_OK || hr == MAPI_E_END_OF_SESSION, "{hr:#x}");
                } else {
                    assert_eq!(hr, MAPI_E_END_OF_SESSION);
                }
            }
            3 => {
                let mut err: *mut MAPIERROR = ptr::null_mut();
                assert_eq!(
                    (v.GetLastError)(l, MAPI_E_END_OF_SESSION, 0, &mut err),
                    S_OK
                );
                if !err.is_null() {
                    free_buffer(err.cast());
                }
            }
            _ => {
                let mut flags = 0;
                assert_eq!((v.Logoff)(l, &mut flags), S_OK);
            }
        }
    }
}

#[test]
fn shared_logons_under_mixed_load() {
    let _serial = serial();
    with_watchdog(|| {
        let provider = init();
        let supports: Vec<_> = (0..LOGONS).map(|_| host_object(support_vtbl())).collect();
        let sink = host_object(sink_vtbl());
        let logons: Vec<_> = supports
            .iter()
            // SAFETY: live objects.
            .map(|s| unsafe { logon(provider, s.as_ptr()) })
            .map(|(l, s)| (Shared(l), Shared(s)))
            .collect();
        std::thread::scope(|scope| {
            for t in 0..THREADS {
                let (logons, sink) = (&logons, Shared(sink.as_ptr::<IMAPIAdviseSink>()));
                scope.spawn(move || {
                    // Capture the whole `Shared`, not its raw field.
                    let sink = sink;
                    let mut x = t as u64 * 0x9E37_79B9 + 1;
                    for i in 0..ITERATIONS {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        let (l, _) = logons[(x as usize) % LOGONS];
                        // Logoff rarely, so most of the run is on live logons.
                        let op = if i % 1000 == 999 {
                            4
                        } else {
                            (x >> 32) as usize % 4
                        };
                        // SAFETY: the logons live until after the scope.
                        unsafe { operate(op, l.0, sink.0) };
                    }
                });
            }
        });
        for (l, s) in &logons {
            // SAFETY: we own one reference of each.
            unsafe { logoff_and_release(l.0, s.0) };
        }
        for s in &supports {
            assert_eq!(s.refs(), 1, "support released");
            assert_eq!(s.releases(), 1, "exactly one teardown per logon");
        }
        assert_eq!(sink.refs(), 1, "every Advise matched by a release");
        let mut flags = 0;
        // SAFETY: the provider's one reference.
        unsafe {
            assert_eq!(((*(*provider).lpVtbl).Shutdown)(provider, &mut flags), S_OK);
            assert_eq!(((*(*provider).lpVtbl).Release)(provider), 0);
        }
        assert_eq!(live_objects(), 0);
        assert_eq!(live_buffers(), 0);
    });
}

#[test]
fn concurrent_logons_on_one_provider() {
    let _serial = serial();
    with_watchdog(|| {
        let provider = Shared(init());
        let support = host_object(support_vtbl());
        let support_ptr = Shared(support.as_ptr::<IMAPISupport>());
        std::thread::scope(|scope| {
            for _ in 0..THREADS {
                scope.spawn(move || {
                    let (provider, support_ptr) = (provider, support_ptr);
                    for _ in 0..ITERATIONS / THREADS {
                        // SAFETY: live provider and support object.
                        unsafe {
                            let (l, s) = logon(provider.0, support_ptr.0);
                            logoff_and_release(l, s);
                        }
                    }
                });
            }
        });
        assert_eq!(support.refs(), 1);
        assert_eq!(support.releases() as usize, ITERATIONS / THREADS * THREADS);
        let p = provider.0;
        let mut flags = 0;
        // SAFETY: the provider's one reference.
        unsafe {
            assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
            assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
        }
        assert_eq!(live_objects(), 0);
    });
}
