//! The provider object through `MSProviderInit`, from a host written in
//! Rust: the list of logons (joined at Logon, left at Logoff), and logons
//! racing Shutdown on several threads.

mod common;

use std::ptr;

use common::*;
use mslogon::com::{live_objects, ComObject};
use mslogon::mapi::*;
use mslogon::provider::ProviderCore;
use mslogon::store::ReferenceStore;

fn init() -> *mut IMSProvider {
    provider_init()
}

fn vtbl(p: *mut IMSProvider) -> &'static IMSProviderVtbl {
    // SAFETY: a live provider object.
    unsafe { &*(*p).lpVtbl }
}

fn listed(p: *mut IMSProvider) -> usize {
    // SAFETY: `p` is a live provider made by MSProviderInit, which serves
    // the reference store.
    let core = unsafe { ComObject::<ProviderCore<ReferenceStore>>::from_interface(p) }.unwrap();
    core.value().registry().len()
}

/// Logs on; `None` if the provider refused (shut down).
fn logon(
    p: *mut IMSProvider,
    support: &HostObject<IMAPISupportVtbl>,
) -> Option<(*mut IMSLogon, *mut IMsgStore)> {
    let (mut l, mut s) = (ptr::null_mut(), ptr::null_mut());
    let (mut cb, mut pb, mut err) = (0, ptr::null_mut(), ptr::null_mut());
    // SAFETY: live objects, valid out-pointers.
    let hr = unsafe {
        (vtbl(p).Logon)(
            p,
            support.as_ptr(),
            0,
            ptr::null_mut(),
            0,
            ptr::null_mut(),
            0,
            ptr::null(),
            &mut cb,
            &mut pb,
            &mut err,
            &mut l,
            &mut s,
        )
    };
    if hr == MAPI_E_END_OF_SESSION {
        assert!(l.is_null() && s.is_null());
        // The failed Logon explains itself in a host-allocated MAPIERROR.
        assert!(!err.is_null());
        // SAFETY: a MAPIERROR from the library, with 8-bit strings.
        let text = c_string(unsafe { (*err).lpszError });
        assert!(text.contains("MAPI_E_END_OF_SESSION"), "{text}");
        // SAFETY: the caller frees it with MAPIFreeBuffer.
        unsafe { free_buffer(err.cast()) };
        return None;
    }
    assert_eq!(hr, S_OK);
    Some((l, s))
}

fn logoff_and_release(l: *mut IMSLogon, s: *mut IMsgStore) {
    let mut flags: ULONG = 0;
    // SAFETY: live objects on which we own one reference each.
    unsafe {
        let lv = &*(*l).lpVtbl;
        assert_eq!((lv.Logoff)(l, &mut flags), S_OK);
        assert_eq!((lv.Release)(l), 0);
        assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
    }
}

fn shutdown_and_release(p: *mut IMSProvider) {
    let mut flags: ULONG = 0;
    // SAFETY: a live provider on which we own one reference.
    unsafe {
        assert_eq!((vtbl(p).Shutdown)(p, &mut flags), S_OK);
        assert_eq!((vtbl(p).Release)(p), 0);
    }
}

#[test]
fn logons_join_the_list_at_logon_and_leave_it_at_logoff() {
    let _serial = serial();
    let p = init();
    let support = host_object(support_vtbl());
    let (l1, s1) = logon(p, &support).unwrap();
    let (l2, s2) = logon(p, &support).unwrap();
    assert_eq!(listed(p), 2);
    assert_eq!(support.refs(), 3);
    logoff_and_release(l1, s1);
    assert_eq!(listed(p), 1);
    // StoreLogoff leaves the list too.
    let mut flags: ULONG = 0;
    // SAFETY: a live store.
    assert_eq!(
        unsafe { ((*(*s2).lpVtbl).StoreLogoff)(s2, &mut flags) },
        S_OK
    );
    assert_eq!(flags, LOGOFF_COMPLETE);
    assert_eq!(listed(p), 0);
    logoff_and_release(l2, s2);
    assert_eq!(support.refs(), 1);
    shutdown_and_release(p);
    assert_eq!(live_objects(), 0);
    assert_eq!(live_buffers(), 0);
}

#[test]
fn logons_racing_shutdown_leak_nothing() {
    let _serial = serial();
    for _ in 0..20 {
        let p = init() as usize;
        let support = host_object(support_vtbl());
        let support = &*support;
        let barrier = std::sync::Barrier::new(5);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    barrier.wait();
                    for _ in 0..50 {
                        match logon(p as *mut IMSProvider, support) {
                            Some((l, s)) => logoff_and_release(l, s),
                            None => break,
                        }
                    }
                });
            }
            scope.spawn(|| {
                barrier.wait();
                let mut flags: ULONG = 0;
                let p = p as *mut IMSProvider;
                // SAFETY: a live provider.
                assert_eq!(unsafe { (vtbl(p).Shutdown)(p, &mut flags) }, S_OK);
            });
        });
        let p = p as *mut IMSProvider;
        assert_eq!(listed(p), 0);
        // SAFETY: we own the provider's one reference.
        assert_eq!(unsafe { (vtbl(p).Release)(p) }, 0);
        assert_eq!(support.refs(), 1, "every logon released its support object");
        assert_eq!(live_buffers(), 0);
    }
    assert_eq!(live_objects(), 0);
}
