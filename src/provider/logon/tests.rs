use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Barrier, OnceLock, Weak};

use super::*;
use crate::mapi::{MAPI_E_CALL_FAILED, MAPI_E_NOT_FOUND};
use crate::provider::LogonProvider;

type Log = Arc<Mutex<Vec<&'static str>>>;
/// What a re-entrant `Logoff` answered, and the state it saw.
type Seen = Arc<Mutex<Vec<(MapiResult<LogoffOutcome>, LogonState)>>>;

fn entries(log: &Log) -> Vec<&'static str> {
    log.lock().unwrap().clone()
}

struct TestProvider {
    log: Log,
    logoffs: AtomicUsize,
    panic_in_logoff: bool,
}

impl LogonProvider for TestProvider {
    fn logoff(&self) {
        self.logoffs.fetch_add(1, Ordering::SeqCst);
        self.log.lock().unwrap().push("provider logoff");
        if self.panic_in_logoff {
            panic!("provider teardown failed");
        }
    }
}

/// Stands in for the host's support object: records its release and can
/// call back into the logon from inside it, as MAPI does.
struct FakeSupport {
    log: Log,
    on_release: Option<Box<dyn FnOnce() + Send>>,
}

impl Support for FakeSupport {
    fn store_logoff_transports(&self, flags: ULONG) -> MapiResult<ULONG> {
        self.log.lock().unwrap().push(match flags {
            LOGOFF_ABORT => "transports: abort",
            LOGOFF_ORDERLY => "transports: orderly",
            _ => "transports: other",
        });
        // An optional support method: its answer must not matter.
        Err(MapiError::NoSupport)
    }
}

impl Drop for FakeSupport {
    fn drop(&mut self) {
        self.log.lock().unwrap().push("support released");
        if let Some(f) = self.on_release.take() {
            f();
        }
    }
}

type Core = LogonCore<TestProvider, FakeSupport>;

fn core_with(log: &Log, panic_in_logoff: bool) -> Core {
    let provider = TestProvider {
        log: log.clone(),
        logoffs: AtomicUsize::new(0),
        panic_in_logoff,
    };
    let support = FakeSupport {
        log: log.clone(),
        on_release: None,
    };
    LogonCore::new(provider, support)
}

#[test]
fn logoff_tears_down_once_support_last() {
    let log = Log::default();
    let core = core_with(&log, false);
    assert_eq!(core.state(), LogonState::Live);
    assert_eq!(core.logoff(Some(0)), Ok(LogoffOutcome::TornDown));
    assert_eq!(core.state(), LogonState::LoggedOff);
    assert!(!core.holds_support());
    assert_eq!(entries(&log), ["provider logoff", "support released"]);

    assert_eq!(core.logoff(Some(0)), Ok(LogoffOutcome::AlreadyLoggedOff));
    core.logoff_on_release();
    assert_eq!(entries(&log).len(), 2, "nothing happens a second time");
    assert_eq!(core.provider.logoffs.load(Ordering::SeqCst), 1);
}

#[test]
fn rejected_flags_change_nothing() {
    let log = Log::default();
    let core = core_with(&log, false);
    assert_eq!(core.logoff(None), Err(MapiError::InvalidParameter));
    for flags in [1, 0x10, 0x8000_0000, u32::MAX] {
        assert_eq!(core.logoff(Some(flags)), Err(MapiError::UnknownFlags));
    }
    assert_eq!(core.state(), LogonState::Live);
    assert!(core.holds_support());
    assert!(entries(&log).is_empty());
    assert!(core.provider().is_ok());
    // Still rejected after logoff: argument errors come first.
    assert_eq!(core.logoff(Some(0)), Ok(LogoffOutcome::TornDown));
    assert_eq!(core.logoff(None), Err(MapiError::InvalidParameter));
    assert_eq!(core.logoff(Some(2)), Err(MapiError::UnknownFlags));
}

#[test]
fn methods_after_logoff_end_the_session() {
    let log = Log::default();
    let core = core_with(&log, false);
    assert!(core.provider().is_ok());
    core.logoff(Some(0)).unwrap();
    assert_eq!(core.provider().err(), Some(MapiError::EndOfSession));
}

#[test]
fn reentrant_logoff_from_support_release_is_a_noop() {
    let log = Log::default();
    let slot: Arc<OnceLock<Weak<Core>>> = Arc::default();
    let seen: Seen = Arc::default();
    let mut core = core_with(&log, false);
    let (slot2, seen2) = (slot.clone(), seen.clone());
    core.support.get_mut().unwrap().as_mut().unwrap().on_release = Some(Box::new(move || {
        let core = slot2.get().unwrap().upgrade().unwrap();
        let outcome = core.logoff(Some(0));
        seen2.lock().unwrap().push((outcome, core.state()));
        assert_eq!(core.provider().err(), Some(MapiError::EndOfSession));
    }));
    let core = Arc::new(core);
    slot.set(Arc::downgrade(&core)).unwrap();

    assert_eq!(core.logoff(Some(0)), Ok(LogoffOutcome::TornDown));
    assert_eq!(
        *seen.lock().unwrap(),
        [(Ok(LogoffOutcome::AlreadyLoggedOff), LogonState::LoggingOff)]
    );
    assert_eq!(entries(&log), ["provider logoff", "support released"]);
    assert_eq!(core.state(), LogonState::LoggedOff);
}

#[test]
fn panicking_provider_still_releases_support() {
    let log = Log::default();
    let core = core_with(&log, true);
    assert_eq!(core.logoff(Some(0)), Err(MapiError::CallFailed));
    assert_eq!(core.state(), LogonState::LoggedOff);
    assert!(!core.holds_support());
    assert_eq!(entries(&log), ["provider logoff", "support released"]);
    assert_eq!(core.logoff(Some(0)), Ok(LogoffOutcome::AlreadyLoggedOff));
}

/// An `Unadvise` that found the logon live while a Logoff on another
/// thread tears it down meets a closed notifier: `MAPI_E_END_OF_SESSION`,
/// as after the Logoff, never `MAPI_E_NOT_FOUND` for a connection `Advise`
/// handed out (tests/stress.rs failed so under ThreadSanitizer's timing).
#[test]
fn a_notifier_closed_by_a_racing_teardown_ends_the_session() {
    let log = Log::default();
    let core = core_with(&log, false);
    let session = core.session();
    assert!(matches!(session.notifier_if_made(), Ok(None)), "none yet");
    let notifier = session.notifier().unwrap();
    assert!(matches!(
        session.notifier_if_made(),
        Ok(Some(n)) if Arc::ptr_eq(&n, &notifier)
    ));
    // The teardown's step on the other thread; this one saw the logon live.
    session.close_notifier();
    assert_eq!(core.state(), LogonState::Live);
    assert!(matches!(
        session.notifier_if_made(),
        Err(MapiError::EndOfSession)
    ));
    assert_eq!(notifier.unadvise(1), Err(MapiError::EndOfSession));
}

#[test]
fn release_without_logoff_tears_down() {
    let log = Log::default();
    let core = core_with(&log, false);
    core.logoff_on_release();
    assert_eq!(core.state(), LogonState::LoggedOff);
    assert_eq!(entries(&log), ["provider logoff", "support released"]);
}

#[test]
fn eight_threads_racing_logoff_tear_down_once() {
    // Fewer rounds under Miri, which runs each thousands of times slower.
    for _round in 0..if cfg!(miri) { 4 } else { 200 } {
        let log = Log::default();
        let core = Arc::new(core_with(&log, false));
        let barrier = Arc::new(Barrier::new(8));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let (core, barrier) = (core.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    core.logoff(Some(0))
                })
            })
            .collect();
        let outcomes: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        let torn_down = outcomes
            .iter()
            .filter(|o| **o == Ok(LogoffOutcome::TornDown))
            .count();
        assert_eq!(torn_down, 1, "{outcomes:?}");
        assert!(outcomes.iter().all(|o| o.is_ok()), "all S_OK: {outcomes:?}");
        assert_eq!(core.provider.logoffs.load(Ordering::SeqCst), 1);
        assert_eq!(entries(&log), ["provider logoff", "support released"]);
    }
}

#[test]
fn store_logoff_tells_transports_then_tears_down_once() {
    let log = Log::default();
    let core = core_with(&log, false);
    assert_eq!(core.store_logoff(None), Err(MapiError::InvalidParameter));
    assert_eq!(core.store_logoff(Some(0x100)), Err(MapiError::UnknownFlags));
    assert_eq!(core.state(), LogonState::Live);
    assert!(entries(&log).is_empty());
    assert_eq!(core.store_logoff_flags(), None);

    assert_eq!(core.store_logoff(Some(LOGOFF_ORDERLY)), Ok(LOGOFF_COMPLETE));
    assert_eq!(
        entries(&log),
        ["transports: orderly", "provider logoff", "support released"]
    );
    assert_eq!(core.store_logoff_flags(), Some(LOGOFF_ORDERLY));
    assert_eq!(core.state(), LogonState::LoggedOff);

    // Afterwards: StoreLogoff ends the session, Logoff is a no-op, the
    // store's release aborts nothing.
    assert_eq!(core.store_logoff(Some(0)), Err(MapiError::EndOfSession));
    assert_eq!(core.logoff(Some(0)), Ok(LogoffOutcome::AlreadyLoggedOff));
    core.abort_on_store_release();
    assert_eq!(entries(&log).len(), 3);
}

#[test]
fn store_release_without_store_logoff_aborts() {
    let log = Log::default();
    let core = core_with(&log, false);
    core.abort_on_store_release();
    assert_eq!(
        entries(&log),
        ["transports: abort", "provider logoff", "support released"]
    );
    assert_eq!(core.store_logoff_flags(), Some(LOGOFF_ABORT));
    core.abort_on_store_release();
    core.logoff_on_release();
    assert_eq!(entries(&log).len(), 3, "exactly once");
}

#[test]
fn last_error_keeps_the_latest_failure() {
    let log = Log::default();
    let core = core_with(&log, false);
    assert_eq!(core.last_error(MAPI_E_NOT_FOUND), None);
    core.record_error(MapiError::NotFound, None);
    let e = core.last_error(MAPI_E_NOT_FOUND).unwrap();
    assert!(e.message.contains("MAPI_E_NOT_FOUND"), "{e:?}");
    core.record_error(MapiError::CallFailed, Some("boom"));
    assert_eq!(core.last_error(MAPI_E_NOT_FOUND), None, "only the latest");
    let e = core.last_error(MAPI_E_CALL_FAILED).unwrap();
    assert!(
        e.message.contains("boom") && e.message.contains("panic"),
        "{e:?}"
    );
}
