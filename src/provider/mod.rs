//! The safe side of a logon: the [`LogonProvider`] trait a message-store
//! provider implements, and [`LogonCore`], the logon state machine that
//! enforces the `IMSLogon::Logoff` contract around it.
//!
//! Nothing here is `unsafe`: raw pointers are turned into slices, options
//! and [`ComPtr`]s by the boundary layer in [`crate::com`] before they reach
//! this module.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, PoisonError};

use crate::com::ComPtr;
use crate::mapi::{IMAPIAdviseSink, IMAPISupport, IUnknown, MapiError, MapiResult, IID, ULONG};

/// What a message-store provider implements for one logon.
///
/// Only [`LogonProvider::logoff`], the core of the lifecycle, must be
/// written; every other method answers [`MapiError::NoSupport`] until a
/// provider overrides it. [`LogonCore`] calls these methods only while the
/// logon is live, and calls `logoff` exactly once.
///
/// Methods take `&self` and may be called from several threads at once:
/// keep mutable state behind your own locks, and never hold one of them
/// while calling into the host.
pub trait LogonProvider: Send + Sync + 'static {
    /// Releases everything this logon opened (messages, folders, status
    /// objects, advise sinks). Called exactly once, before the host's
    /// support object is released. A panic here is caught: teardown still
    /// completes and the host sees `MAPI_E_CALL_FAILED`.
    fn logoff(&self);

    /// `IMSLogon::OpenEntry`: opens the object `entry_id` names (`None`:
    /// the store's root). Returns the `MAPI_*` object type and one
    /// reference, which passes to the caller.
    fn open_entry(
        &self,
        entry_id: Option<&[u8]>,
        interface: Option<&IID>,
        flags: ULONG,
    ) -> MapiResult<(ULONG, ComPtr<IUnknown>)> {
        let _ = (entry_id, interface, flags);
        Err(MapiError::NoSupport)
    }

    /// `IMSLogon::CompareEntryIDs`: whether both entry IDs name the same
    /// object.
    fn compare_entry_ids(
        &self,
        entry_id1: &[u8],
        entry_id2: &[u8],
        flags: ULONG,
    ) -> MapiResult<bool> {
        let _ = (entry_id1, entry_id2, flags);
        Err(MapiError::NoSupport)
    }

    /// `IMSLogon::Advise`: registers `sink` for `event_mask` on `entry_id`
    /// (`None`: the whole store). Returns a non-zero connection number. The
    /// provider keeps `sink` until `unadvise` or, at the latest, `logoff`.
    fn advise(
        &self,
        entry_id: Option<&[u8]>,
        event_mask: ULONG,
        sink: ComPtr<IMAPIAdviseSink>,
    ) -> MapiResult<ULONG> {
        let _ = (entry_id, event_mask, sink);
        Err(MapiError::NoSupport)
    }

    /// `IMSLogon::Unadvise`: drops the registration `connection`.
    fn unadvise(&self, connection: ULONG) -> MapiResult<()> {
        let _ = connection;
        Err(MapiError::NoSupport)
    }

    /// `IMSLogon::OpenStatusEntry`: opens the provider's status object.
    fn open_status_entry(
        &self,
        interface: Option<&IID>,
        flags: ULONG,
    ) -> MapiResult<(ULONG, ComPtr<IUnknown>)> {
        let _ = (interface, flags);
        Err(MapiError::NoSupport)
    }
}

/// Where a logon is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum LogonState {
    /// Logged on: every method works.
    Live = 0,
    /// One caller is tearing the logon down; other callers of `Logoff` get
    /// `S_OK` at once, everything else `MAPI_E_END_OF_SESSION`.
    LoggingOff = 1,
    /// Torn down: the support object has been released.
    LoggedOff = 2,
}

impl LogonState {
    fn from_u8(v: u8) -> LogonState {
        match v {
            0 => LogonState::Live,
            1 => LogonState::LoggingOff,
            _ => LogonState::LoggedOff,
        }
    }
}

/// What a successful [`LogonCore::logoff`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoffOutcome {
    /// This call tore the logon down.
    TornDown,
    /// The logon was already logged off, or another caller (another thread,
    /// or this thread further up the stack) is logging it off: nothing done.
    AlreadyLoggedOff,
}

/// The logon state machine: `Live → LoggingOff → LoggedOff`, with an
/// exactly-once teardown that is safe against re-entry and concurrent
/// callers.
///
/// `S` is what the logon holds of the host: the `IMAPISupport` reference in
/// production ([`ComPtr<IMAPISupport>`]); tests substitute any type whose
/// `Drop` records the release. Teardown calls the provider's `logoff`, then
/// drops `S` **last**, with no lock held, so a host whose support `Release`
/// calls back into `Logoff` (as MAPI does) gets `Ok(AlreadyLoggedOff)`.
pub struct LogonCore<P, S = ComPtr<IMAPISupport>> {
    state: AtomicU8,
    support: Mutex<Option<S>>,
    provider: P,
}

impl<P: LogonProvider, S: Send + 'static> LogonCore<P, S> {
    /// A live logon holding `support` (one reference) for `provider`.
    pub fn new(provider: P, support: S) -> Self {
        LogonCore {
            state: AtomicU8::new(LogonState::Live as u8),
            support: Mutex::new(Some(support)),
            provider,
        }
    }

    /// The current state.
    pub fn state(&self) -> LogonState {
        LogonState::from_u8(self.state.load(Ordering::Acquire))
    }

    /// The provider, for the methods of a live logon.
    pub fn provider(&self) -> MapiResult<&P> {
        match self.state() {
            LogonState::Live => Ok(&self.provider),
            _ => Err(MapiError::EndOfSession),
        }
    }

    /// Whether the logon still holds its support object.
    pub fn holds_support(&self) -> bool {
        self.support
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// `IMSLogon::Logoff`. `flags` is `None` for a NULL `lpulFlags`.
    ///
    /// - `None` → `InvalidParameter`, non-zero → `UnknownFlags`; neither
    ///   changes anything.
    /// - The first valid call tears down (provider `logoff`, then the
    ///   support object) and returns `Ok(TornDown)`, or `Err(CallFailed)` if
    ///   the provider's `logoff` panicked (teardown still completed).
    /// - Every later or concurrent or re-entrant call returns
    ///   `Ok(AlreadyLoggedOff)` without waiting.
    pub fn logoff(&self, flags: Option<ULONG>) -> MapiResult<LogoffOutcome> {
        match flags {
            None => return Err(MapiError::InvalidParameter),
            Some(0) => {}
            Some(_) => return Err(MapiError::UnknownFlags),
        }
        self.begin_logoff()
            .map_or(Ok(LogoffOutcome::AlreadyLoggedOff), |()| {
                self.teardown().map(|()| LogoffOutcome::TornDown)
            })
    }

    /// Tears down a logon that is destroyed while still live (its last
    /// reference released without `Logoff`): nothing the host gave it may
    /// leak. A no-op once logged off.
    pub fn logoff_on_release(&self) {
        if self.begin_logoff().is_some() {
            // The host is not waiting for an answer: the only thing a
            // panicking provider could change is already guaranteed by
            // `teardown` (support released, state LoggedOff).
            let _ = self.teardown();
        }
    }

    /// Claims the one teardown: `Some` for exactly one caller.
    fn begin_logoff(&self) -> Option<()> {
        self.state
            .compare_exchange(
                LogonState::Live as u8,
                LogonState::LoggingOff as u8,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .ok()
            .map(|_| ())
    }

    fn teardown(&self) -> MapiResult<()> {
        let provider = catch_unwind(AssertUnwindSafe(|| self.provider.logoff()));
        // Take the support object out under the lock, release it after the
        // lock is gone: the host's Release may call straight back into us.
        let support = self
            .support
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let released = catch_unwind(AssertUnwindSafe(|| drop(support)));
        self.state
            .store(LogonState::LoggedOff as u8, Ordering::Release);
        provider.and(released).map_err(|_| MapiError::CallFailed)
    }
}

#[cfg(test)]
mod tests;
