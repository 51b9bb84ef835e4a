//! The object tree through the vtables, from a host written in Rust: a
//! forcible Logoff disconnects every open subobject (folder, message with
//! unsaved changes, attachment, status object), which then answers
//! `MAPI_E_INVALID_OBJECT` while the host's references keep working; calls
//! racing the Logoff on other threads complete or fail cleanly; nothing
//! leaks; tables and the store notify their sinks after the call has let
//! go of its locks. Also runs under Miri (scripts/miri.sh).

mod common;

use std::ffi::c_void;
use std::ptr;

use common::*;
use mslogon::com::live_objects;
use mslogon::mapi::*;

fn init() -> *mut IMSProvider {
    provider_init()
}

fn logon(
    p: *mut IMSProvider,
    support: &HostObject<IMAPISupportVtbl>,
) -> (*mut IMSLogon, *mut IMsgStore) {
    logon_with(p, support, MDB_WRITE)
}

fn logon_with(
    p: *mut IMSProvider,
    support: &HostObject<IMAPISupportVtbl>,
    flags: ULONG,
) -> (*mut IMSLogon, *mut IMsgStore) {
    let (mut l, mut s) = (ptr::null_mut(), ptr::null_mut());
    let (mut cb, mut pb, mut err) = (0, ptr::null_mut(), ptr::null_mut());
    // SAFETY: live objects, valid out-pointers.
    let hr = unsafe {
        ((*(*p).lpVtbl).Logon)(
            p,
            support.as_ptr(),
            0,
            ptr::null_mut(),
            0,
            ptr::null_mut(),
            flags,
            ptr::null(),
            &mut cb,
            &mut pb,
            &mut err,
            &mut l,
            &mut s,
        )
    };
    assert_eq!(hr, S_OK);
    (l, s)
}

/// The root folder, opened read/write through `IMsgStore::OpenEntry`.
fn open_root(s: *mut IMsgStore) -> *mut IMAPIFolder {
    let (mut t, mut unk) = (0, ptr::null_mut());
    // SAFETY: a live store; valid out-pointers.
    let hr = unsafe {
        ((*(*s).lpVtbl).OpenEntry)(
            s,
            0,
            ptr::null_mut(),
            ptr::null(),
            MAPI_MODIFY,
            &mut t,
            &mut unk,
        )
    };
    assert_eq!((hr, t), (S_OK, MAPI_FOLDER));
    unk.cast()
}

fn subject_tags() -> SPropTagArray {
    SPropTagArray {
        cValues: 1,
        aulPropTag: [PR_SUBJECT_W],
    }
}

/// `GetProps(PR_SUBJECT_W)` on any IMAPIProp: the HRESULT (buffer freed).
///
/// # Safety
/// `obj` is a live object whose vtable begins with IMAPIProp's.
unsafe fn get_subject(obj: *mut c_void) -> HRESULT {
    let obj = obj.cast::<IMAPIProp>();
    let mut tags = subject_tags();
    let (mut n, mut v) = (0, ptr::null_mut());
    // SAFETY: forwarded.
    let hr = unsafe { ((*(*obj).lpVtbl).GetProps)(obj, &mut tags, 0, &mut n, &mut v) };
    if !v.is_null() {
        // SAFETY: a root buffer from our allocator.
        unsafe { free_buffer(v.cast()) };
    }
    hr
}

/// `SetProps(PR_SUBJECT_W = text)`.
///
/// # Safety
/// `obj` is a live object whose vtable begins with IMAPIProp's.
unsafe fn set_subject(obj: *mut c_void, text: &str) -> HRESULT {
    let obj = obj.cast::<IMAPIProp>();
    let mut wide: Vec<u16> = text.encode_utf16().chain(Some(0)).collect();
    let mut prop = SPropValue {
        ulPropTag: PR_SUBJECT_W,
        dwAlignPad: 0,
        Value: PV {
            lpszW: wide.as_mut_ptr(),
        },
    };
    // SAFETY: forwarded; the value outlives the call.
    unsafe { ((*(*obj).lpVtbl).SetProps)(obj, 1, &mut prop, ptr::null_mut()) }
}

/// # Safety
/// `obj` is a live object whose vtable begins with IUnknown's.
unsafe fn unknown(obj: *mut c_void) -> &'static IUnknownVtbl {
    // SAFETY: forwarded.
    unsafe { &**obj.cast::<*const IUnknownVtbl>() }
}

#[test]
fn forcible_logoff_disconnects_every_open_subobject() {
    let _serial = serial();
    let baseline = live_objects();
    let buffers = live_buffers();
    for store_logoff in [false, true] {
        let support = host_object(support_vtbl());
        let p = init();
        let (l, s) = logon(p, &support);
        // SAFETY (whole block): live objects from the library, driven as
        // MAPI drives them; every reference taken is given back.
        unsafe {
            let root = open_root(s);
            let rv = &*(*root).lpVtbl;
            let mut msg = ptr::null_mut();
            assert_eq!((rv.CreateMessage)(root, ptr::null(), 0, &mut msg), S_OK);
            assert_eq!(set_subject(msg.cast(), "saved"), S_OK);
            let mv = &*(*msg).lpVtbl;
            assert_eq!((mv.SaveChanges)(msg, KEEP_OPEN_READWRITE), S_OK);
            assert_eq!(set_subject(msg.cast(), "never saved"), S_OK);
            let (mut num, mut att) = (0, ptr::null_mut());
            assert_eq!(
                (mv.CreateAttach)(msg, ptr::null(), 0, &mut num, &mut att),
                S_OK
            );
            let (mut t, mut status) = (0, ptr::null_mut());
            assert_eq!(
                ((*(*l).lpVtbl).OpenStatusEntry)(l, ptr::null(), 0, &mut t, &mut status),
                S_OK
            );
            assert_eq!(t, MAPI_STATUS);
            let objects: [*mut c_void; 4] = [root.cast(), msg.cast(), att.cast(), status];
            for o in objects {
                assert!(get_subject(o) >= 0);
                assert_eq!((unknown(o).AddRef.unwrap())(o.cast()), 2);
            }
            // The message's entry ID, to look for it after the Logoff.
            let mut tags = SPropTagArray {
                cValues: 1,
                aulPropTag: [PR_ENTRYID],
            };
            let (mut n, mut v) = (0, ptr::null_mut());
            assert_eq!((mv.GetProps)(msg, &mut tags, 0, &mut n, &mut v), S_OK);
            let eid =
                std::slice::from_raw_parts((*v).Value.bin.lpb, (*v).Value.bin.cb as usize).to_vec();
            free_buffer(v.cast());

            if store_logoff {
                let mut flags = LOGOFF_ORDERLY;
                assert_eq!(((*(*s).lpVtbl).StoreLogoff)(s, &mut flags), S_OK);
            } else {
                let mut flags = 0;
                assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
            }
            assert_eq!(support.releases(), 1, "support released once");
            for o in objects {
                assert_eq!(get_subject(o), MAPI_E_INVALID_OBJECT);
                assert_eq!(set_subject(o, "x"), MAPI_E_INVALID_OBJECT);
                let mut out: *mut c_void = ptr::dangling_mut::<c_void>();
                assert_eq!(
                    (unknown(o).QueryInterface.unwrap())(o.cast(), &IID_IMAPIProp, &mut out),
                    MAPI_E_INVALID_OBJECT
                );
                assert!(out.is_null());
                assert_eq!((unknown(o).AddRef.unwrap())(o.cast()), 3);
                assert_eq!((unknown(o).Release.unwrap())(o.cast()), 2);
            }
            assert_eq!(
                (rv.CreateMessage)(root, ptr::null(), 0, &mut msg),
                MAPI_E_INVALID_OBJECT
            );
            assert!(msg.is_null());
            assert_eq!(
                (mv.SaveChanges)(objects[1].cast(), 0),
                MAPI_E_INVALID_OBJECT
            );
            let sv = &*(*(status.cast::<IMAPIStatus>())).lpVtbl;
            assert_eq!(
                (sv.ValidateState)(status.cast(), 0, 0),
                MAPI_E_INVALID_OBJECT
            );
            for o in objects {
                assert_eq!((unknown(o).Release.unwrap())(o.cast()), 1);
                assert_eq!((unknown(o).Release.unwrap())(o.cast()), 0);
            }
            assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
            assert_eq!(((*(*s).lpVtbl).Release)(s), 0);

            // A new logon on the same provider sees what was saved only.
            let support2 = host_object(support_vtbl());
            let (l2, s2) = logon(p, &support2);
            let (mut t, mut unk) = (0, ptr::null_mut());
            let mut eid2 = eid.clone();
            let hr = ((*(*s2).lpVtbl).OpenEntry)(
                s2,
                eid2.len() as ULONG,
                eid2.as_mut_ptr().cast(),
                ptr::null(),
                0,
                &mut t,
                &mut unk,
            );
            assert_eq!((hr, t), (S_OK, MAPI_MESSAGE));
            let mut tags = subject_tags();
            let (mut n, mut v) = (0, ptr::null_mut());
            let m2 = unk.cast::<IMessage>();
            assert_eq!(
                ((*(*m2).lpVtbl).GetProps)(m2, &mut tags, 0, &mut n, &mut v),
                S_OK
            );
            let got = (*v).Value.lpszW;
            let len = (0..).take_while(|&i| *got.add(i) != 0).count();
            assert_eq!(
                String::from_utf16_lossy(std::slice::from_raw_parts(got, len)),
                "saved"
            );
            free_buffer(v.cast());
            assert_eq!(((*(*m2).lpVtbl).Release)(m2), 0);
            let mut flags = 0;
            assert_eq!(((*(*l2).lpVtbl).Logoff)(l2, &mut flags), S_OK);
            assert_eq!(((*(*l2).lpVtbl).Release)(l2), 0);
            assert_eq!(((*(*s2).lpVtbl).Release)(s2), 0);
            let mut flags = 0;
            assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
            assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
        }
        assert_eq!(live_objects(), baseline, "every object freed");
        assert_eq!(live_buffers(), buffers, "every host buffer freed");
    }
}

#[test]
fn calls_racing_a_logoff_complete_or_fail_cleanly() {
    let _serial = serial();
    let baseline = live_objects();
    let rounds = if cfg!(miri) { 2 } else { 40 };
    for _ in 0..rounds {
        let support = host_object(support_vtbl());
        let p = init();
        let (l, s) = logon(p, &support);
        let root = open_root(s);
        let mut msg = ptr::null_mut();
        let (mut t, mut status) = (0, ptr::null_mut());
        // SAFETY: live objects; valid out-pointers.
        unsafe {
            assert_eq!(
                ((*(*root).lpVtbl).CreateMessage)(root, ptr::null(), 0, &mut msg),
                S_OK
            );
            assert_eq!(
                ((*(*l).lpVtbl).OpenStatusEntry)(l, ptr::null(), 0, &mut t, &mut status),
                S_OK
            );
        }
        let objects = [root as usize, msg as usize, status as usize];
        // 8 threads: reads and writes on a folder, a message and the status
        // object while the logon goes.
        let threads: Vec<_> = (0..8)
            .map(|i| {
                std::thread::spawn(move || {
                    let o = objects[i % 3] as *mut c_void;
                    for _ in 0..if cfg!(miri) { 3 } else { 200 } {
                        // SAFETY: the test holds a reference until all
                        // threads are joined.
                        let hr = unsafe {
                            if i % 2 == 0 {
                                get_subject(o)
                            } else {
                                set_subject(o, "racing")
                            }
                        };
                        assert!(
                            hr == S_OK
                                || hr == MAPI_W_ERRORS_RETURNED
                                || hr == MAPI_E_NO_SUPPORT
                                || hr == MAPI_E_INVALID_OBJECT,
                            "{hr:#x}"
                        );
                    }
                })
            })
            .collect();
        let mut flags = 0;
        // SAFETY: live objects; references given back below.
        unsafe {
            assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        }
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(support.releases(), 1);
        // SAFETY: we own one reference of each.
        unsafe {
            for o in objects {
                let o = o as *mut c_void;
                assert_eq!(get_subject(o), MAPI_E_INVALID_OBJECT);
                assert_eq!((unknown(o).Release.unwrap())(o.cast()), 0);
            }
            assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
            assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
            let mut flags = 0;
            assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
            assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
        }
    }
    assert_eq!(live_objects(), baseline);
}

#[test]
fn body_and_attachment_data_open_as_streams() {
    let _serial = serial();
    let baseline = live_objects();
    let support = host_object(support_vtbl());
    let p = init();
    let (l, s) = logon(p, &support);
    // SAFETY (whole block): live objects from the library; every reference
    // taken is given back.
    unsafe {
        let root = open_root(s);
        let mut msg = ptr::null_mut();
        assert_eq!(
            ((*(*root).lpVtbl).CreateMessage)(root, ptr::null(), 0, &mut msg),
            S_OK
        );
        let mv = &*(*msg).lpVtbl;
        let open = |tag: ULONG, flags: ULONG| {
            let mut unk = ptr::null_mut();
            let hr = (mv.OpenProperty)(msg, tag, &IID_IStream, STGM_READWRITE, flags, &mut unk);
            (hr, unk.cast::<IStream>())
        };
        // Missing without MAPI_CREATE; a table interface is not a stream.
        assert_eq!(open(PR_BODY_W, MAPI_MODIFY).0, MAPI_E_NOT_FOUND);
        let mut unk = ptr::null_mut();
        assert_eq!(
            (mv.OpenProperty)(msg, PR_BODY_W, &IID_IMAPITable, 0, 0, &mut unk),
            MAPI_E_NO_SUPPORT
        );
        assert!(unk.is_null());
        let (hr, st) = open(PR_BODY_W, MAPI_CREATE | MAPI_MODIFY);
        assert_eq!(hr, S_OK);
        let sv = &*(*st).lpVtbl;
        let body: Vec<u8> = "Hello, stream"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut written = 0;
        assert_eq!(
            (sv.Write)(st, body.as_ptr().cast(), body.len() as ULONG, &mut written),
            S_OK
        );
        assert_eq!(written as usize, body.len());
        let mut pos = ULARGE_INTEGER { QuadPart: 99 };
        assert_eq!(
            (sv.Seek)(st, LARGE_INTEGER { QuadPart: 0 }, STREAM_SEEK_SET, &mut pos),
            S_OK
        );
        assert_eq!(pos.QuadPart, 0);
        let mut back = vec![0u8; 64];
        let mut read = 0;
        assert_eq!((sv.Read)(st, back.as_mut_ptr().cast(), 64, &mut read), S_OK);
        assert_eq!(&back[..read as usize], &body[..]);
        assert_eq!(
            (sv.Seek)(
                st,
                LARGE_INTEGER { QuadPart: -1 },
                STREAM_SEEK_SET,
                &mut pos
            ),
            STG_E_INVALIDFUNCTION
        );
        let mut stat: STATSTG = std::mem::zeroed();
        assert_eq!((sv.Stat)(st, &mut stat, STATFLAG_NONAME), S_OK);
        assert_eq!(
            (stat.cbSize.QuadPart, stat.r#type),
            (body.len() as u64, STGTY_STREAM)
        );
        // Not visible before Commit; visible as PR_BODY_W after it.
        assert_eq!(get_body(msg.cast()), None);
        assert_eq!((sv.Commit)(st, 0), S_OK);
        assert_eq!(get_body(msg.cast()).as_deref(), Some("Hello, stream"));
        assert_eq!((sv.Release)(st), 0);
        // Read-only stream: writes are refused.
        let (hr, ro) = open(PR_BODY_W, 0);
        assert_eq!(hr, S_OK);
        let rv = &*(*ro).lpVtbl;
        assert_eq!(
            (rv.Write)(ro, body.as_ptr().cast(), 2, &mut written),
            STG_E_ACCESSDENIED
        );
        assert_eq!(written, 0);
        // A forcible Logoff disconnects streams too.
        let mut flags = 0;
        assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        assert_eq!(
            (rv.Read)(ro, back.as_mut_ptr().cast(), 4, &mut read),
            MAPI_E_INVALID_OBJECT
        );
        assert_eq!(read, 0);
        assert_eq!((rv.Release)(ro), 0);
        assert_eq!((mv.Release)(msg), 0);
        assert_eq!(((*(*root).lpVtbl).Release)(root), 0);
        assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
        assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
        let mut flags = 0;
        assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
        assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
    }
    assert_eq!(live_objects(), baseline);
}

/// `PR_BODY_W` of an IMAPIProp, if it has one.
///
/// # Safety
/// `obj` is a live object whose vtable begins with IMAPIProp's.
unsafe fn get_body(obj: *mut c_void) -> Option<String> {
    let obj = obj.cast::<IMAPIProp>();
    let mut tags = SPropTagArray {
        cValues: 1,
        aulPropTag: [PR_BODY_W],
    };
    let (mut n, mut v) = (0, ptr::null_mut());
    // SAFETY: forwarded; the result is read then freed.
    unsafe {
        let hr = ((*(*obj).lpVtbl).GetProps)(obj, &mut tags, 0, &mut n, &mut v);
        let out = (hr == S_OK).then(|| {
            let w = (*v).Value.lpszW;
            let len = (0..).take_while(|&i| *w.add(i) != 0).count();
            String::from_utf16_lossy(std::slice::from_raw_parts(w, len))
        });
        free_buffer(v.cast());
        out
    }
}

#[test]
fn copy_to_and_copy_props_go_through_the_destination() {
    let _serial = serial();
    let baseline = live_objects();
    let support = host_object(support_vtbl());
    let p = init();
    let (l, s) = logon(p, &support);
    // SAFETY (whole block): live objects from the library; every reference
    // taken is given back.
    unsafe {
        let root = open_root(s);
        let rv = &*(*root).lpVtbl;
        let (mut a, mut b) = (ptr::null_mut(), ptr::null_mut());
        assert_eq!((rv.CreateMessage)(root, ptr::null(), 0, &mut a), S_OK);
        assert_eq!((rv.CreateMessage)(root, ptr::null(), 0, &mut b), S_OK);
        let av = &*(*a).lpVtbl;
        assert_eq!(set_subject(a.cast(), "from A"), S_OK);
        let mut eid_tags = SPropTagArray {
            cValues: 1,
            aulPropTag: [PR_ENTRYID],
        };
        let mut entry_id = |m: *mut IMessage| {
            let (mut n, mut v) = (0, ptr::null_mut());
            assert_eq!(
                ((*(*m).lpVtbl).GetProps)(m, &mut eid_tags, 0, &mut n, &mut v),
                S_OK
            );
            let e =
                std::slice::from_raw_parts((*v).Value.bin.lpb, (*v).Value.bin.cb as usize).to_vec();
            free_buffer(v.cast());
            e
        };
        let b_id = entry_id(b);
        let mut problems = ptr::null_mut();
        // Unknown flags, bad interface, the object onto itself.
        assert_eq!(
            (av.CopyTo)(
                a,
                0,
                ptr::null(),
                ptr::null_mut(),
                0,
                ptr::null_mut(),
                &IID_IMessage,
                b.cast(),
                0x100,
                &mut problems
            ),
            MAPI_E_UNKNOWN_FLAGS
        );
        assert_eq!(
            (av.CopyTo)(
                a,
                0,
                ptr::null(),
                ptr::null_mut(),
                0,
                ptr::null_mut(),
                &IID_IStream,
                b.cast(),
                0,
                &mut problems
            ),
            MAPI_E_INTERFACE_NOT_SUPPORTED
        );
        assert_eq!(
            (av.CopyTo)(
                a,
                0,
                ptr::null(),
                ptr::null_mut(),
                0,
                ptr::null_mut(),
                &IID_IMessage,
                a.cast(),
                0,
                &mut problems
            ),
            MAPI_E_NO_ACCESS
        );
        assert_eq!(
            (av.CopyTo)(
                a,
                0,
                ptr::null(),
                ptr::null_mut(),
                0,
                ptr::null_mut(),
                &IID_IMessage,
                b.cast(),
                0,
                &mut problems
            ),
            S_OK
        );
        assert!(problems.is_null(), "identity properties are not copied");
        let mut tags = subject_tags();
        let (mut n, mut v) = (0, ptr::null_mut());
        assert_eq!(
            ((*(*b).lpVtbl).GetProps)(b, &mut tags, 0, &mut n, &mut v),
            S_OK
        );
        free_buffer(v.cast());
        assert_eq!(entry_id(b), b_id, "B keeps its own entry ID");
        // NOREPLACE keeps B's subject; MOVE takes it from A.
        assert_eq!(set_subject(b.cast(), "B's own"), S_OK);
        assert_eq!(set_subject(a.cast(), "second"), S_OK);
        let mut include = subject_tags();
        assert_eq!(
            (av.CopyProps)(
                a,
                &mut include,
                0,
                ptr::null_mut(),
                &IID_IMessage,
                b.cast(),
                MAPI_NOREPLACE | MAPI_MOVE,
                ptr::null_mut()
            ),
            S_OK
        );
        assert_eq!(get_subject(a.cast()), S_OK, "nothing copied: nothing moved");
        assert_eq!(
            (av.CopyProps)(
                a,
                &mut include,
                0,
                ptr::null_mut(),
                &IID_IMessage,
                b.cast(),
                MAPI_MOVE,
                ptr::null_mut()
            ),
            S_OK
        );
        assert_eq!(get_subject(a.cast()), MAPI_W_ERRORS_RETURNED, "moved away");
        // A move from a read-only source fails before the destination is
        // touched, and hands out no problem array.
        assert_eq!(set_subject(a.cast(), "stays"), S_OK);
        assert_eq!((av.SaveChanges)(a, 0), S_OK); // now read-only
        assert_eq!(set_subject(b.cast(), "B unchanged"), S_OK);
        let mut problems = ptr::dangling_mut::<SPropProblemArray>();
        assert_eq!(
            (av.CopyProps)(
                a,
                &mut include,
                0,
                ptr::null_mut(),
                &IID_IMessage,
                b.cast(),
                MAPI_MOVE,
                &mut problems
            ),
            MAPI_E_NO_ACCESS
        );
        assert!(problems.is_null());
        assert_eq!(get_subject(a.cast()), S_OK, "still there");
        assert_eq!((av.Release)(a), 0);
        assert_eq!(((*(*b).lpVtbl).Release)(b), 0);
        assert_eq!((rv.Release)(root), 0);
        let mut flags = 0;
        assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
        assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
        assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
        assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
    }
    assert_eq!(live_objects(), baseline);
}

#[test]
fn a_logon_without_mdb_write_opens_everything_read_only() {
    let _serial = serial();
    let baseline = live_objects();
    let support = host_object(support_vtbl());
    let p = init();
    let (l, s) = logon_with(p, &support, MDB_NO_DIALOG);
    // SAFETY (whole block): live objects; references given back.
    unsafe {
        let sv = &*(*s).lpVtbl;
        let (mut t, mut unk) = (0, ptr::null_mut());
        assert_eq!(
            (sv.OpenEntry)(
                s,
                0,
                ptr::null_mut(),
                ptr::null(),
                MAPI_MODIFY,
                &mut t,
                &mut unk
            ),
            MAPI_E_NO_ACCESS
        );
        assert!(unk.is_null());
        // Outlook's cache and soft-delete flags are accepted (and mean
        // nothing here); an unknown bit is not.
        let open = |flags: ULONG, t: &mut ULONG, unk: &mut *mut IUnknown| {
            (sv.OpenEntry)(s, 0, ptr::null_mut(), ptr::null(), flags, t, unk)
        };
        assert_eq!(
            open(MAPI_BEST_ACCESS | 0x0100_0000, &mut t, &mut unk),
            MAPI_E_UNKNOWN_FLAGS
        );
        let flags = MAPI_BEST_ACCESS | MAPI_NO_CACHE | MAPI_CACHE_ONLY | SHOW_SOFT_DELETES;
        assert_eq!(open(flags, &mut t, &mut unk), S_OK);
        let root = unk.cast::<IMAPIFolder>();
        let mut msg = ptr::null_mut();
        assert_eq!(
            ((*(*root).lpVtbl).CreateMessage)(root, ptr::null(), 0, &mut msg),
            MAPI_E_NO_ACCESS
        );
        assert_eq!(set_subject(root.cast(), "x"), MAPI_E_NO_ACCESS);
        assert_eq!(get_subject(root.cast()), MAPI_W_ERRORS_RETURNED);
        assert_eq!(((*(*root).lpVtbl).Release)(root), 0);
        let mut flags = 0;
        assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
        assert_eq!((sv.Release)(s), 0);
        assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
        assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
    }
    assert_eq!(live_objects(), baseline);
}

#[test]
fn shutdown_and_a_store_released_without_storelogoff_disconnect_too() {
    let _serial = serial();
    let baseline = live_objects();
    for store_release in [false, true] {
        let support = host_object(support_vtbl());
        let p = init();
        let (l, s) = logon(p, &support);
        let root = open_root(s);
        // SAFETY (whole block): live objects; references given back.
        unsafe {
            assert_eq!(get_subject(root.cast()), MAPI_W_ERRORS_RETURNED);
            if store_release {
                // The store goes without StoreLogoff: LOGOFF_ABORT teardown.
                assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
            } else {
                let mut flags = 0;
                assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
            }
            assert_eq!(support.releases(), 1);
            assert_eq!(get_subject(root.cast()), MAPI_E_INVALID_OBJECT);
            assert_eq!(((*(*root).lpVtbl).Release)(root), 0);
            assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
            if !store_release {
                assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
            }
            let mut flags = 0;
            assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
            assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
        }
    }
    assert_eq!(live_objects(), baseline);
}

#[test]
fn set_props_sorts_out_bad_values() {
    let _serial = serial();
    let baseline = live_objects();
    let support = host_object(support_vtbl());
    let p = init();
    let (l, s) = logon(p, &support);
    // SAFETY (whole block): live objects; valid arrays; references and
    // buffers given back.
    unsafe {
        let root = open_root(s);
        let mut msg = ptr::null_mut();
        assert_eq!(
            ((*(*root).lpVtbl).CreateMessage)(root, ptr::null(), 0, &mut msg),
            S_OK
        );
        let mv = &*(*msg).lpVtbl;
        let mut bad_utf8 = *b"\xff\xfe\0";
        let mut wide: Vec<u16> = "ok".encode_utf16().chain(Some(0)).collect();
        let mut empty: [i32; 0] = [];
        let value = |tag: ULONG, v: PV| SPropValue {
            ulPropTag: tag,
            dwAlignPad: 0,
            Value: v,
        };
        let mut props = [
            value(PR_NULL, PV { l: 0 }),
            value(
                CHANGE_PROP_TYPE(PR_SUBJECT_W, PT_ERROR),
                PV {
                    err: MAPI_E_NOT_FOUND,
                },
            ),
            value(PROP_TAG(PT_NULL, 0x6601), PV { l: 0 }),
            value(PROP_TAG(0x0042, 0x6602), PV { l: 0 }),
            value(
                PROP_TAG(PT_STRING8, 0x6603),
                PV {
                    lpszA: bad_utf8.as_mut_ptr().cast(),
                },
            ),
            value(
                PR_SUBJECT_W,
                PV {
                    lpszW: wide.as_mut_ptr(),
                },
            ),
        ];
        let mut problems: *mut SPropProblemArray = ptr::null_mut();
        assert_eq!(
            (mv.SetProps)(msg, props.len() as ULONG, props.as_mut_ptr(), &mut problems),
            S_OK
        );
        assert!(!problems.is_null());
        let n = (*problems).cProblem as usize;
        let list: Vec<(ULONG, SCODE)> = (0..n)
            .map(|i| {
                let p = ptr::addr_of!((*problems).aProblem)
                    .cast::<SPropProblem>()
                    .add(i)
                    .read_unaligned();
                (p.ulIndex, p.scode)
            })
            .collect();
        free_buffer(problems.cast());
        // PR_NULL and PT_ERROR entries are skipped without a problem.
        assert_eq!(
            list,
            vec![
                (2, MAPI_E_INVALID_TYPE),
                (3, MAPI_E_INVALID_TYPE),
                (4, MAPI_E_BAD_VALUE)
            ]
        );
        assert_eq!(get_subject(msg.cast()), S_OK, "the good value was set");
        // An empty multi-valued property or a PT_OBJECT fails the whole
        // call: nothing set.
        let mut whole = [
            value(
                PR_SUBJECT_W,
                PV {
                    lpszW: wide.as_mut_ptr(),
                },
            ),
            value(
                PROP_TAG(PT_MV_LONG, 0x6604),
                PV {
                    MVl: SLongArray {
                        cValues: 0,
                        lpl: empty.as_mut_ptr(),
                    },
                },
            ),
        ];
        assert_eq!(
            (mv.SetProps)(msg, 2, whole.as_mut_ptr(), &mut problems),
            MAPI_E_INVALID_PARAMETER
        );
        assert!(problems.is_null());
        whole[1] = value(PROP_TAG(PT_OBJECT, 0x6605), PV { l: 0 });
        assert_eq!(
            (mv.SetProps)(msg, 2, whole.as_mut_ptr(), ptr::null_mut()),
            MAPI_E_INVALID_PARAMETER
        );
        assert_eq!(
            (mv.SetProps)(msg, 0, whole.as_mut_ptr(), ptr::null_mut()),
            MAPI_E_INVALID_PARAMETER
        );
        assert_eq!(
            (mv.SetProps)(msg, 1, ptr::null_mut(), ptr::null_mut()),
            MAPI_E_INVALID_PARAMETER
        );
        assert_eq!((mv.Release)(msg), 0);
        assert_eq!(((*(*root).lpVtbl).Release)(root), 0);
        let mut flags = 0;
        assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
        assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
        assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
        assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
    }
    assert_eq!(live_objects(), baseline);
}

/// Row `i` of a row set: the array is a flexible member, so it is reached
/// through a raw pointer to the whole allocation, never a reference to the
/// declared one-element array.
///
/// # Safety
/// `rows` is a live SRowSet with more than `i` rows.
unsafe fn row_at(rows: *mut SRowSet, i: usize) -> SRow {
    // SAFETY: forwarded.
    unsafe { ptr::addr_of!((*rows).aRow).cast::<SRow>().add(i).read() }
}

/// `FreeProws`: each row's properties, then the set.
///
/// # Safety
/// `rows` is an SRowSet from the library.
unsafe fn free_prows(rows: *mut SRowSet) {
    // SAFETY: forwarded.
    unsafe {
        let n = (*rows).cRows as usize;
        for i in 0..n {
            free_buffer(row_at(rows, i).lpProps.cast());
        }
        free_buffer(rows.cast());
    }
}

/// The PT_UNICODE value of column `col` of row `i`.
///
/// # Safety
/// `rows` is a live SRowSet whose row `i` has that column as a string.
unsafe fn row_text(rows: *mut SRowSet, i: usize, col: usize) -> Option<String> {
    // SAFETY: forwarded.
    unsafe {
        let row = row_at(rows, i);
        let v = row.lpProps.add(col).read();
        (PROP_TYPE(v.ulPropTag) == PT_UNICODE).then(|| {
            let w = v.Value.lpszW;
            let len = (0..).take_while(|&k| *w.add(k) != 0).count();
            String::from_utf16_lossy(std::slice::from_raw_parts(w, len))
        })
    }
}

#[test]
fn contents_and_hierarchy_tables_sort_restrict_and_page() {
    let _serial = serial();
    let baseline = live_objects();
    let buffers = live_buffers();
    let support = host_object(support_vtbl());
    let p = init();
    let (l, s) = logon(p, &support);
    // SAFETY (whole block): live objects; valid arrays; every reference
    // and buffer given back.
    unsafe {
        let root = open_root(s);
        let rv = &*(*root).lpVtbl;
        for subject in ["bravo", "Alpha", "charlie", "alpha two"] {
            let mut msg = ptr::null_mut();
            assert_eq!((rv.CreateMessage)(root, ptr::null(), 0, &mut msg), S_OK);
            assert_eq!(set_subject(msg.cast(), subject), S_OK);
            assert_eq!(((*(*msg).lpVtbl).SaveChanges)(msg, 0), S_OK);
            assert_eq!(((*(*msg).lpVtbl).Release)(msg), 0);
        }
        let mut table = ptr::null_mut();
        assert_eq!(
            (rv.GetContentsTable)(root, 0x0100_0000, &mut table),
            MAPI_E_UNKNOWN_FLAGS
        );
        assert!(table.is_null());
        assert_eq!((rv.GetContentsTable)(root, MAPI_UNICODE, &mut table), S_OK);
        let tv = &*(*table).lpVtbl;
        let mut count = 0;
        assert_eq!((tv.GetRowCount)(table, 0, &mut count), S_OK);
        assert_eq!(count, 4);
        let mut cols = SPropTagArray {
            cValues: 1,
            aulPropTag: [PR_SUBJECT_W],
        };
        assert_eq!((tv.SetColumns)(table, &mut cols, 0), S_OK);
        // Sorted by subject, descending; case-insensitive.
        let mut sort = SSortOrderSet {
            cSorts: 1,
            cCategories: 0,
            cExpanded: 0,
            aSort: [SSortOrder {
                ulPropTag: PR_SUBJECT_W,
                ulOrder: TABLE_SORT_DESCEND,
            }],
        };
        assert_eq!((tv.SortTable)(table, &mut sort, 0), S_OK);
        let mut rows = ptr::null_mut();
        assert_eq!((tv.QueryRows)(table, 10, 0, &mut rows), S_OK);
        let got: Vec<String> = (0..(*rows).cRows as usize)
            .filter_map(|i| row_text(rows, i, 0))
            .collect();
        assert_eq!(got, ["charlie", "bravo", "alpha two", "Alpha"]);
        free_prows(rows);
        // Categories are not supported.
        sort.cCategories = 1;
        assert_eq!((tv.SortTable)(table, &mut sort, 0), MAPI_E_TOO_COMPLEX);
        // A restriction: subjects containing "alpha", ignoring case.
        let mut needle: Vec<u16> = "ALPHA".encode_utf16().chain(Some(0)).collect();
        let mut value = SPropValue {
            ulPropTag: PR_SUBJECT_W,
            dwAlignPad: 0,
            Value: PV {
                lpszW: needle.as_mut_ptr(),
            },
        };
        let mut res: SRestriction = std::mem::zeroed();
        res.rt = RES_CONTENT;
        res.res.resContent = SContentRestriction {
            ulFuzzyLevel: FL_SUBSTRING | FL_IGNORECASE,
            ulPropTag: PR_SUBJECT_W,
            lpProp: &mut value,
        };
        assert_eq!((tv.Restrict)(table, &mut res, 0), S_OK);
        assert_eq!((tv.GetRowCount)(table, 0, &mut count), S_OK);
        assert_eq!(count, 2);
        // FindRow from the beginning, then a bookmark and SeekRow.
        assert_eq!((tv.Restrict)(table, ptr::null_mut(), 0), S_OK);
        let mut bravo: Vec<u16> = "bravo".encode_utf16().chain(Some(0)).collect();
        let mut bv = SPropValue {
            ulPropTag: PR_SUBJECT_W,
            dwAlignPad: 0,
            Value: PV {
                lpszW: bravo.as_mut_ptr(),
            },
        };
        let mut eq: SRestriction = std::mem::zeroed();
        eq.rt = RES_PROPERTY;
        eq.res.resProperty = SPropertyRestriction {
            relop: RELOP_EQ,
            ulPropTag: PR_SUBJECT_W,
            lpProp: &mut bv,
        };
        assert_eq!(
            (tv.SortTable)(
                table,
                &mut {
                    sort.cCategories = 0;
                    sort
                },
                0
            ),
            S_OK
        );
        assert_eq!((tv.FindRow)(table, &mut eq, BOOKMARK_BEGINNING, 0), S_OK);
        let (mut row, mut num, mut den) = (9, 9, 9);
        assert_eq!(
            (tv.QueryPosition)(table, &mut row, &mut num, &mut den),
            S_OK
        );
        assert_eq!((row, den), (1, 4));
        let mut mark: BOOKMARK = 0xDEAD_BEEF;
        assert_eq!((tv.CreateBookmark)(table, &mut mark), S_OK);
        let mut sought = 0;
        assert_eq!((tv.SeekRow)(table, BOOKMARK_END, -1, &mut sought), S_OK);
        assert_eq!(sought, -1);
        assert_eq!((tv.SeekRow)(table, mark, 0, &mut sought), S_OK);
        assert_eq!((tv.QueryRows)(table, 1, TBL_NOADVANCE, &mut rows), S_OK);
        assert_eq!(row_text(rows, 0, 0).as_deref(), Some("bravo"));
        free_prows(rows);
        assert_eq!((tv.FreeBookmark)(table, mark), S_OK);
        assert_eq!(
            (tv.SeekRow)(table, mark, 0, &mut sought),
            MAPI_E_INVALID_BOOKMARK
        );
        let (mut status, mut kind) = (9, 9);
        assert_eq!((tv.GetStatus)(table, &mut status, &mut kind), S_OK);
        assert_eq!((status, kind), (TBLSTAT_COMPLETE, TBLTYPE_DYNAMIC));

        // The hierarchy: a subfolder of the IPM subtree, with CONVENIENT_DEPTH.
        let mut htable = ptr::null_mut();
        assert_eq!(
            (rv.GetHierarchyTable)(root, CONVENIENT_DEPTH | MAPI_UNICODE, &mut htable),
            S_OK
        );
        let hv = &*(*htable).lpVtbl;
        // A counted tag array of two: the count, then the tags.
        let mut tags = vec![2u32, PR_DISPLAY_NAME_W, PR_DEPTH];
        assert_eq!((hv.SetColumns)(htable, tags.as_mut_ptr().cast(), 0), S_OK);
        assert_eq!((hv.QueryRows)(htable, 100, 0, &mut rows), S_OK);
        let names: Vec<(String, ULONG)> = (0..(*rows).cRows as usize)
            .map(|i| {
                let r = row_at(rows, i);
                (
                    row_text(rows, i, 0).unwrap(),
                    r.lpProps.add(1).read().Value.ul,
                )
            })
            .collect();
        free_prows(rows);
        assert!(
            names.contains(&("Top of Information Store".to_string(), 0)),
            "{names:?}"
        );
        assert!(names.contains(&("Inbox".to_string(), 1)), "{names:?}");

        // A forcible Logoff disconnects tables too.
        let mut flags = 0;
        assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        assert_eq!(
            (tv.GetRowCount)(table, 0, &mut count),
            MAPI_E_INVALID_OBJECT
        );
        assert_eq!((tv.Release)(table), 0);
        assert_eq!((hv.Release)(htable), 0);
        assert_eq!((rv.Release)(root), 0);
        assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
        assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
        assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
        assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
    }
    assert_eq!(live_objects(), baseline);
    assert_eq!(live_buffers(), buffers, "every row and set freed once");
}

#[test]
fn recipient_attachment_and_container_tables() {
    let _serial = serial();
    let baseline = live_objects();
    let buffers = live_buffers();
    let support = host_object(support_vtbl());
    let p = init();
    let (l, s) = logon(p, &support);
    // SAFETY (whole block): live objects; valid arrays; every reference
    // and buffer given back.
    unsafe {
        let root = open_root(s);
        let rv = &*(*root).lpVtbl;
        let mut msg = ptr::null_mut();
        assert_eq!((rv.CreateMessage)(root, ptr::null(), 0, &mut msg), S_OK);
        let mv = &*(*msg).lpVtbl;
        // Two recipients, through an ADRLIST in host memory.
        let mut names: Vec<Vec<u16>> = ["Ann", "Bob"]
            .iter()
            .map(|n| n.encode_utf16().chain(Some(0)).collect())
            .collect();
        let mut props: Vec<[SPropValue; 1]> = names
            .iter_mut()
            .map(|n| {
                [SPropValue {
                    ulPropTag: PR_DISPLAY_NAME_W,
                    dwAlignPad: 0,
                    Value: PV {
                        lpszW: n.as_mut_ptr(),
                    },
                }]
            })
            .collect();
        // Eight-byte cells: the ADRLIST aligned as a host allocator would.
        let size = std::mem::offset_of!(ADRLIST, aEntries) + 2 * std::mem::size_of::<ADRENTRY>();
        let mut list = vec![0u64; size.div_ceil(8)];
        let adr = list.as_mut_ptr().cast::<ADRLIST>();
        (*adr).cEntries = 2;
        for (i, p) in props.iter_mut().enumerate() {
            ptr::addr_of_mut!((*adr).aEntries)
                .cast::<ADRENTRY>()
                .add(i)
                .write(ADRENTRY {
                    ulReserved1: 0,
                    cValues: 1,
                    rgPropVals: p.as_mut_ptr(),
                });
        }
        assert_eq!((mv.ModifyRecipients)(msg, 0, adr), S_OK);
        let (mut num, mut att) = (0, ptr::null_mut());
        assert_eq!(
            (mv.CreateAttach)(msg, ptr::null(), 0, &mut num, &mut att),
            S_OK
        );
        assert_eq!(((*(*att).lpVtbl).SaveChanges)(att, 0), S_OK);
        assert_eq!(((*(*att).lpVtbl).Release)(att), 0);

        let mut table = ptr::null_mut();
        assert_eq!((mv.GetRecipientTable)(msg, MAPI_UNICODE, &mut table), S_OK);
        let tv = &*(*table).lpVtbl;
        let mut count = 0;
        assert_eq!((tv.GetRowCount)(table, 0, &mut count), S_OK);
        assert_eq!(count, 2);
        let mut rows = ptr::null_mut();
        assert_eq!((tv.QueryRows)(table, 5, 0, &mut rows), S_OK);
        let first = (*rows).aRow.as_ptr().read();
        // Columns: PR_ROWID, PR_INSTANCE_KEY, PR_DISPLAY_NAME_W, ...
        assert_eq!(first.lpProps.read().ulPropTag, PR_ROWID);
        assert_eq!(row_text(rows, 1, 2).as_deref(), Some("Bob"));
        free_prows(rows);
        assert_eq!((tv.Release)(table), 0);

        // The same through OpenProperty(PR_MESSAGE_ATTACHMENTS, IID_IMAPITable).
        let mut unk = ptr::null_mut();
        assert_eq!(
            (mv.OpenProperty)(msg, PR_MESSAGE_ATTACHMENTS, &IID_IMAPITable, 0, 0, &mut unk),
            S_OK
        );
        let at = unk.cast::<IMAPITable>();
        assert_eq!(((*(*at).lpVtbl).GetRowCount)(at, 0, &mut count), S_OK);
        assert_eq!(count, 1);
        assert_eq!(((*(*at).lpVtbl).Release)(at), 0);
        assert_eq!((mv.SaveChanges)(msg, 0), S_OK);
        assert_eq!((mv.Release)(msg), 0);

        // The store's receive-folder table: "", IPM, REPORT.IPM, IPC.
        let sv = &*(*s).lpVtbl;
        let mut rt = ptr::null_mut();
        assert_eq!(
            (sv.GetReceiveFolderTable)(s, 0x0100_0000, &mut rt),
            MAPI_E_UNKNOWN_FLAGS
        );
        assert_eq!((sv.GetReceiveFolderTable)(s, MAPI_UNICODE, &mut rt), S_OK);
        let rtable = rt.cast::<IMAPITable>();
        assert_eq!(
            ((*(*rtable).lpVtbl).GetRowCount)(rtable, 0, &mut count),
            S_OK
        );
        assert_eq!(count, 4);
        assert_eq!(((*(*rtable).lpVtbl).Release)(rtable), 0);

        // A folder's contents through OpenProperty(PR_CONTAINER_CONTENTS).
        assert_eq!(
            (rv.OpenProperty)(
                root,
                PR_CONTAINER_CONTENTS,
                &IID_IMAPITable,
                MAPI_UNICODE,
                0,
                &mut unk
            ),
            S_OK
        );
        let ct = unk.cast::<IMAPITable>();
        assert_eq!(((*(*ct).lpVtbl).GetRowCount)(ct, 0, &mut count), S_OK);
        assert_eq!(count, 1);
        assert_eq!(((*(*ct).lpVtbl).Release)(ct), 0);
        assert_eq!(
            (rv.OpenProperty)(
                root,
                PR_CONTAINER_HIERARCHY,
                &IID_IMAPITable,
                0,
                0,
                &mut unk
            ),
            S_OK
        );
        assert_eq!((unknown(unk.cast()).Release.unwrap())(unk), 0);
        assert_eq!(
            (rv.OpenProperty)(root, PR_CONTAINER_CONTENTS, &IID_IStream, 0, 0, &mut unk),
            MAPI_E_NO_SUPPORT
        );
        assert!(unk.is_null());
        assert_eq!((rv.Release)(root), 0);
        let mut flags = 0;
        assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
        assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
        assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
        assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
    }
    assert_eq!(live_objects(), baseline);
    assert_eq!(live_buffers(), buffers);
}

// ---- notifications ------------------------------------------------------

/// What the recording sink saw, one entry per notification:
/// (ulEventType, table event, object or row entry ID / index bytes,
/// prior tag, prior bytes, row subject).
type Seen = (ULONG, ULONG, Vec<u8>, ULONG, Vec<u8>, Option<String>);

static SEEN: std::sync::Mutex<Vec<Seen>> = std::sync::Mutex::new(Vec::new());
/// OnNotify calls (one per batch per sink).
static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
/// A table the sink reads from inside OnNotify (NULL: none), and the
/// connection it drops there (0: none).
static REENTER_TABLE: std::sync::atomic::AtomicPtr<IMAPITable> =
    std::sync::atomic::AtomicPtr::new(ptr::null_mut());
static UNADVISE_FROM_SINK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static REENTRY_ROWS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// # Safety
/// `b` NULL or `cb` readable bytes.
unsafe fn bytes(cb: ULONG, b: *const u8) -> Vec<u8> {
    if b.is_null() {
        return Vec::new();
    }
    // SAFETY: forwarded.
    unsafe { std::slice::from_raw_parts(b, cb as usize) }.to_vec()
}

unsafe extern "system" fn record_on_notify(
    _this: *mut IMAPIAdviseSink,
    count: ULONG,
    notes: *mut c_void,
) -> ULONG {
    use std::sync::atomic::Ordering::SeqCst;
    CALLS.fetch_add(1, SeqCst);
    // SAFETY: the library's array of `count` notifications, valid during
    // the call; every pointer in it read (Miri checks them).
    unsafe {
        for i in 0..count as usize {
            let n = notes.cast::<NOTIFICATION>().add(i).read();
            let seen = match n.ulEventType {
                t if t == fnevTableModified => {
                    let t = n.info.tab;
                    let key = |v: SPropValue| {
                        if v.ulPropTag == PR_INSTANCE_KEY {
                            bytes(v.Value.bin.cb, v.Value.bin.lpb)
                        } else {
                            Vec::new()
                        }
                    };
                    let subject = (0..t.row.cValues as usize)
                        .map(|c| t.row.lpProps.add(c).read())
                        .find(|v| v.ulPropTag == PR_SUBJECT_W)
                        .map(|v| {
                            let w = v.Value.lpszW;
                            let len = (0..).take_while(|&k| *w.add(k) != 0).count();
                            String::from_utf16_lossy(std::slice::from_raw_parts(w, len))
                        });
                    (
                        n.ulEventType,
                        t.ulTableEvent,
                        key(t.propIndex),
                        t.propPrior.ulPropTag,
                        key(t.propPrior),
                        subject,
                    )
                }
                _ => {
                    let o = n.info.obj;
                    // Every entry ID readable.
                    let _ = bytes(o.cbParentID, o.lpParentID.cast());
                    let _ = bytes(o.cbOldID, o.lpOldID.cast());
                    let _ = bytes(o.cbOldParentID, o.lpOldParentID.cast());
                    (
                        n.ulEventType,
                        o.ulObjType,
                        bytes(o.cbEntryID, o.lpEntryID.cast()),
                        0,
                        Vec::new(),
                        None,
                    )
                }
            };
            SEEN.lock().unwrap().push(seen);
        }
        // Back into the table from OnNotify: the library holds no lock.
        let table = REENTER_TABLE.load(SeqCst);
        if !table.is_null() {
            let mut count = 0;
            assert_eq!(((*(*table).lpVtbl).GetRowCount)(table, 0, &mut count), S_OK);
            REENTRY_ROWS.store(count, SeqCst);
            let drop_it = UNADVISE_FROM_SINK.swap(0, SeqCst);
            if drop_it != 0 {
                assert_eq!(
                    ((*(*table).lpVtbl).Unadvise)(table, drop_it as ULONG_PTR),
                    S_OK
                );
            }
        }
    }
    0
}

static RECORDING_SINK_VTBL: std::sync::LazyLock<IMAPIAdviseSinkVtbl> =
    std::sync::LazyLock::new(|| IMAPIAdviseSinkVtbl {
        OnNotify: Some(record_on_notify),
        ..*sink_vtbl()
    });

fn take_seen() -> Vec<Seen> {
    std::mem::take(&mut *SEEN.lock().unwrap())
}

#[test]
fn table_and_store_sinks_hear_changes_after_the_call_releases_its_locks() {
    use std::sync::atomic::Ordering::SeqCst;
    let _serial = serial();
    let baseline = live_objects();
    let buffers = live_buffers();
    take_seen();
    let support = host_object(support_vtbl());
    let table_sink = host_object(&*RECORDING_SINK_VTBL);
    let store_sink = host_object(&*RECORDING_SINK_VTBL);
    let p = init();
    let (l, s) = logon(p, &support);
    // SAFETY (whole block): live objects; valid arrays; every reference
    // and buffer given back.
    unsafe {
        let root = open_root(s);
        let rv = &*(*root).lpVtbl;
        let mut table = ptr::null_mut();
        assert_eq!((rv.GetContentsTable)(root, MAPI_UNICODE, &mut table), S_OK);
        let tv = &*(*table).lpVtbl;
        let mut cols = SPropTagArray {
            cValues: 1,
            aulPropTag: [PR_SUBJECT_W],
        };
        assert_eq!((tv.SetColumns)(table, &mut cols, 0), S_OK);
        let mut sort = SSortOrderSet {
            cSorts: 1,
            cCategories: 0,
            cExpanded: 0,
            aSort: [SSortOrder {
                ulPropTag: PR_SUBJECT_W,
                ulOrder: TABLE_SORT_ASCEND,
            }],
        };
        assert_eq!((tv.SortTable)(table, &mut sort, 0), S_OK);
        let mut tconn: ULONG_PTR = CONNECTION_CANARY;
        assert_eq!(
            (tv.Advise)(table, fnevTableModified, table_sink.as_ptr(), &mut tconn),
            S_OK
        );
        assert_connection_written(tconn);
        let mut sconn: ULONG_PTR = CONNECTION_CANARY;
        assert_eq!(
            ((*(*s).lpVtbl).Advise)(
                s,
                0,
                ptr::null_mut(),
                fnevObjectCreated | fnevObjectDeleted | fnevObjectModified,
                store_sink.as_ptr(),
                &mut sconn
            ),
            S_OK
        );
        assert_connection_written(sconn);
        assert_eq!((table_sink.refs(), store_sink.refs()), (2, 2));

        // Two messages: "bravo" then "alpha" (which sorts first).
        let mut keys = Vec::new();
        for subject in ["bravo", "alpha"] {
            let mut msg = ptr::null_mut();
            assert_eq!((rv.CreateMessage)(root, ptr::null(), 0, &mut msg), S_OK);
            assert_eq!(set_subject(msg.cast(), subject), S_OK);
            assert!(take_seen().is_empty(), "nothing before SaveChanges");
            assert_eq!(
                ((*(*msg).lpVtbl).SaveChanges)(msg, KEEP_OPEN_READWRITE),
                S_OK
            );
            // Delivered before SaveChanges returned: one table row, one
            // object event.
            let seen = take_seen();
            assert_eq!(seen.len(), 2, "{seen:?}");
            let row = seen.iter().find(|x| x.0 == fnevTableModified).unwrap();
            let obj = seen.iter().find(|x| x.0 == fnevObjectCreated).unwrap();
            assert_eq!(row.1, TABLE_ROW_ADDED);
            assert_eq!(row.5.as_deref(), Some(subject));
            assert_eq!(obj.1, MAPI_MESSAGE);
            assert_eq!(obj.2.len(), 48);
            // Each goes first ("alpha" sorts before "bravo"): no prior.
            assert_eq!(row.3, PR_NULL, "the first row has no prior");
            keys.push((row.2.clone(), obj.2.clone()));
            assert_eq!(((*(*msg).lpVtbl).Release)(msg), 0);
        }
        // Modified: "alpha" renamed "charlie" moves after "bravo".
        let (alpha_key, alpha_eid) = keys[1].clone();
        let (bravo_key, _) = keys[0].clone();
        let (mut t, mut unk) = (0, ptr::null_mut());
        assert_eq!(
            ((*(*s).lpVtbl).OpenEntry)(
                s,
                alpha_eid.len() as ULONG,
                alpha_eid.as_ptr().cast_mut().cast(),
                ptr::null(),
                MAPI_MODIFY,
                &mut t,
                &mut unk
            ),
            S_OK
        );
        let msg: *mut IMessage = unk.cast();
        assert_eq!(set_subject(msg.cast(), "charlie"), S_OK);
        // The sink reads the table from inside OnNotify and drops its own
        // connection there.
        REENTER_TABLE.store(table, SeqCst);
        UNADVISE_FROM_SINK.store(tconn as usize, SeqCst);
        assert_eq!(((*(*msg).lpVtbl).SaveChanges)(msg, 0), S_OK);
        let seen = take_seen();
        let row = seen.iter().find(|x| x.0 == fnevTableModified).unwrap();
        assert_eq!(row.1, TABLE_ROW_MODIFIED);
        assert_eq!(row.2, alpha_key);
        assert_eq!((row.3, row.4.clone()), (PR_INSTANCE_KEY, bravo_key));
        assert_eq!(row.5.as_deref(), Some("charlie"));
        assert!(seen
            .iter()
            .any(|x| x.0 == fnevObjectModified && x.2 == alpha_eid));
        assert_eq!(REENTRY_ROWS.load(SeqCst), 2);
        assert_eq!(table_sink.refs(), 1, "Unadvise from OnNotify released it");
        REENTER_TABLE.store(ptr::null_mut(), SeqCst);
        assert_eq!(((*(*msg).lpVtbl).Release)(msg), 0);
        assert_eq!((tv.Unadvise)(table, tconn), MAPI_E_NOT_FOUND);

        // Deleted: the store sink hears it; the table sink is gone.
        let mut list = SBinary {
            cb: alpha_eid.len() as ULONG,
            lpb: alpha_eid.as_ptr().cast_mut(),
        };
        let mut entries = SBinaryArray {
            cValues: 1,
            lpbin: &mut list,
        };
        assert_eq!(
            (rv.DeleteMessages)(root, &mut entries, 0, ptr::null_mut(), 0),
            S_OK
        );
        let seen = take_seen();
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert_eq!(
            (seen[0].0, seen[0].2.clone()),
            (fnevObjectDeleted, alpha_eid)
        );
        let mut count = 0;
        assert_eq!((tv.GetRowCount)(table, 0, &mut count), S_OK);
        assert_eq!(count, 1);

        // A forcible Logoff with the store sink registered: released once.
        let calls = CALLS.load(SeqCst);
        let mut flags = 0;
        assert_eq!(((*(*l).lpVtbl).Logoff)(l, &mut flags), S_OK);
        assert_eq!(store_sink.refs(), 1);
        assert_eq!(store_sink.releases(), 1);
        assert_eq!(
            CALLS.load(SeqCst),
            calls,
            "nothing delivered by the teardown"
        );
        assert_eq!(
            (tv.GetRowCount)(table, 0, &mut count),
            MAPI_E_INVALID_OBJECT
        );
        assert_eq!((tv.Release)(table), 0);
        assert_eq!((rv.Release)(root), 0);
        assert_eq!(((*(*l).lpVtbl).Release)(l), 0);
        assert_eq!(((*(*s).lpVtbl).Release)(s), 0);
        assert_eq!(((*(*p).lpVtbl).Shutdown)(p, &mut flags), S_OK);
        assert_eq!(((*(*p).lpVtbl).Release)(p), 0);
    }
    assert_eq!(table_sink.refs(), 1);
    assert_eq!(live_objects(), baseline);
    assert_eq!(live_buffers(), buffers);
}
