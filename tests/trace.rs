//! `MSLOGON_TRACE`: lifecycle lines on stderr when set, nothing when not.
//! The traced run happens in a child process (the variable is read once per
//! process).

mod common;

use std::process::Command;
use std::ptr;

use common::*;
use mslogon::ffi::MSProviderInit;
use mslogon::mapi::*;

/// The child's work: a provider, a logon, StoreLogoff, Shutdown.
#[test]
#[ignore = "run by the tests below, in a child process"]
fn traced_child() {
    let mut provider: *mut IMSProvider = ptr::null_mut();
    let mut version: ULONG = 0;
    let support = host_object(support_vtbl());
    // SAFETY: valid allocators, out-pointers and live host objects; each
    // object is released once.
    unsafe {
        let hr = MSProviderInit(
            ptr::null_mut(),
            ptr::null_mut(),
            Some(allocate_buffer),
            Some(allocate_more),
            Some(free_buffer),
            0,
            CURRENT_SPI_VERSION,
            &mut version,
            &mut provider,
        );
        assert_eq!(hr, S_OK);
        let pv = &*(*provider).lpVtbl;
        let (mut logon, mut store) = (ptr::null_mut(), ptr::null_mut());
        let hr = (pv.Logon)(
            provider,
            support.as_ptr(),
            0,
            ptr::null_mut(),
            0,
            ptr::null_mut(),
            0,
            ptr::null(),
            ptr::null_mut(),
            ptr::null_mut(),
            ptr::null_mut(),
            &mut logon,
            &mut store,
        );
        assert_eq!(hr, S_OK);
        let mut flags: ULONG = LOGOFF_ORDERLY;
        assert_eq!(((*(*store).lpVtbl).StoreLogoff)(store, &mut flags), S_OK);
        let mut zero: ULONG = 0;
        let lv = &*(*logon).lpVtbl;
        assert_eq!((lv.Logoff)(logon, &mut zero), S_OK);
        (lv.Release)(logon);
        ((*(*store).lpVtbl).Release)(store);
        assert_eq!((pv.Shutdown)(provider, &mut zero), S_OK);
        (pv.Release)(provider);
    }
}

fn run_child(trace: Option<&str>) -> String {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "traced_child",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    match trace {
        Some(v) => cmd.env("MSLOGON_TRACE", v),
        None => cmd.env_remove("MSLOGON_TRACE"),
    };
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "child failed: {out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn trace_lines_describe_the_lifecycle() {
    let stderr = run_child(Some("1"));
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("mslogon: "))
        .collect();
    let expect = [
        "MSProviderInit: provider",
        ": opened (spooler: false)",
        ": teardown by IMsgStore::StoreLogoff",
        ": support object released (last); logged off",
        ": Logoff while LoggedOff: no-op",
        ": shutdown, 0 logon(s) still listed",
    ];
    assert_eq!(lines.len(), expect.len(), "{stderr}");
    for (line, part) in lines.iter().zip(expect) {
        assert!(line.contains(part), "{line:?} lacks {part:?}\n{stderr}");
    }
}

#[test]
fn no_trace_unless_asked() {
    for value in [None, Some("0"), Some("")] {
        let stderr = run_child(value);
        assert!(!stderr.contains("mslogon: "), "{value:?}: {stderr}");
    }
}
