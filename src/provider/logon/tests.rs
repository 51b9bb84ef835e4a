use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Barrier, OnceLock, Weak};

use super::*;
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

impl Support for FakeSupport {}

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
    for _round in 0..200 {
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
