//! [`LogonCore`]: one logon's state machine, shared by its `IMSLogon` and
//! `IMsgStore` objects.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU32, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::{ErrorRecord, LogonProvider, LogonRegistry, OpenObjects};
use crate::host::{ComPtr, HostAllocators};
use crate::mapi::{
    IMAPISupport, MapiError, MapiResult, HRESULT, LOGOFF_ABORT, LOGOFF_COMPLETE, LOGOFF_NO_WAIT,
    LOGOFF_ORDERLY, LOGOFF_PURGE, LOGOFF_QUIET, ULONG,
};
use crate::trace::trace;

/// What a logon needs of the host's support object besides holding it.
pub trait Support: Send + 'static {
    /// `IMAPISupport::StoreLogoffTransports`: tells MAPI's transports the
    /// store is going; returns the flags the host wrote back.
    fn store_logoff_transports(&self, flags: ULONG) -> MapiResult<ULONG> {
        let _ = flags;
        Err(MapiError::NoSupport)
    }
}

/// What a logon's subobjects share with it: the list of open objects its
/// teardown disconnects, the host's allocators, and the store entry ID as
/// the host's support object wrapped it.
#[derive(Default)]
pub struct Session {
    objects: OpenObjects,
    /// Made at the first `Advise` (a logon that never advises costs no
    /// allocation for it); closed at teardown.
    notifier: Mutex<NotifierSlot>,
    allocators: Option<HostAllocators>,
    wrapped_store_entry_id: OnceLock<Vec<u8>>,
}

impl Session {
    /// A session whose objects use `allocators`.
    pub fn new(allocators: Option<HostAllocators>) -> Self {
        Session {
            allocators,
            ..Session::default()
        }
    }

    /// The open subobjects.
    pub fn objects(&self) -> &OpenObjects {
        &self.objects
    }

    /// The host's allocators, if it gave any.
    pub fn allocators(&self) -> Option<&HostAllocators> {
        self.allocators.as_ref()
    }

    /// The logon's store and logon advise registrations (made at first
    /// use); `MAPI_E_END_OF_SESSION` after teardown.
    pub fn notifier(&self) -> MapiResult<Arc<super::Notifier>> {
        let mut slot = self.notifier.lock().unwrap_or_else(PoisonError::into_inner);
        match &*slot {
            NotifierSlot::Open(n) => Ok(n.clone()),
            NotifierSlot::Closed => Err(MapiError::EndOfSession),
            NotifierSlot::None => {
                let n = Arc::new(super::Notifier::default());
                *slot = NotifierSlot::Open(n.clone());
                Ok(n)
            }
        }
    }

    /// The notifier if one was made; `MAPI_E_END_OF_SESSION` once the
    /// teardown closed it (a Logoff on another thread may have, since the
    /// caller found the logon live).
    pub fn notifier_if_made(&self) -> MapiResult<Option<Arc<super::Notifier>>> {
        match &*self.notifier.lock().unwrap_or_else(PoisonError::into_inner) {
            NotifierSlot::Open(n) => Ok(Some(n.clone())),
            NotifierSlot::Closed => Err(MapiError::EndOfSession),
            NotifierSlot::None => Ok(None),
        }
    }

    /// Teardown: the notifier's sinks released (or unsubscribed), and no
    /// new one made.
    pub fn close_notifier(&self) {
        let slot = std::mem::replace(
            &mut *self.notifier.lock().unwrap_or_else(PoisonError::into_inner),
            NotifierSlot::Closed,
        );
        if let NotifierSlot::Open(n) = slot {
            n.close();
        }
    }

    /// `PR_STORE_ENTRYID` as `IMAPISupport::WrapStoreEntryID` made it, if
    /// the host's support object implements it.
    pub fn wrapped_store_entry_id(&self) -> Option<&[u8]> {
        self.wrapped_store_entry_id.get().map(Vec::as_slice)
    }

    /// Sets the wrapped store entry ID (once; later calls are ignored).
    pub fn set_wrapped_store_entry_id(&self, entry_id: Vec<u8>) {
        let _ = self.wrapped_store_entry_id.set(entry_id);
    }
}

/// A session's notifier, made at first use.
#[derive(Default)]
enum NotifierSlot {
    #[default]
    None,
    Open(Arc<super::Notifier>),
    Closed,
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

/// The flags `IMsgStore::StoreLogoff` accepts.
pub const STORE_LOGOFF_FLAGS: ULONG =
    LOGOFF_NO_WAIT | LOGOFF_ORDERLY | LOGOFF_PURGE | LOGOFF_ABORT | LOGOFF_QUIET;

/// No `StoreLogoff` happened (yet).
const NO_STORE_LOGOFF: ULONG = ULONG::MAX;

/// The last failure of a call on this logon or its store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastError {
    /// The `HRESULT` the caller got.
    pub hresult: HRESULT,
    /// What went wrong, for `MAPIERROR::lpszError`.
    pub message: String,
}

/// The logon state machine: `Live → LoggingOff → LoggedOff`, with an
/// exactly-once teardown that is safe against re-entry and concurrent
/// callers, whichever way it is reached: `IMSLogon::Logoff`,
/// `IMsgStore::StoreLogoff`, the last `Release` of the store or of the
/// logon, or `IMSProvider::Shutdown`.
///
/// `S` is what the logon holds of the host: the `IMAPISupport` reference in
/// production ([`ComPtr<IMAPISupport>`]); tests substitute any [`Support`]
/// whose `Drop` records the release. Teardown calls the provider's
/// `logoff`, leaves the provider's list of logons, then drops `S` **last**,
/// with no lock held, so a host whose support `Release` calls back into
/// `Logoff` (as MAPI does) gets `Ok(AlreadyLoggedOff)`.
pub struct LogonCore<P: LogonProvider, S: Support = ComPtr<IMAPISupport>> {
    state: AtomicU8,
    support: Mutex<Option<S>>,
    provider: P,
    registry: Option<Arc<LogonRegistry<P>>>,
    session: Arc<Session>,
    /// The last failure, for `GetLastError`: recorded without a lock.
    errors: ErrorRecord,
    store_logoff_flags: AtomicU32,
}

impl<P: LogonProvider, S: Support> LogonCore<P, S> {
    /// A live logon holding `support` (one reference) for `provider`.
    pub fn new(provider: P, support: S) -> Self {
        let session = Arc::<Session>::default();
        LogonCore {
            state: AtomicU8::new(LogonState::Live as u8),
            support: Mutex::new(Some(support)),
            provider,
            registry: None,
            session,
            errors: ErrorRecord::default(),
            store_logoff_flags: AtomicU32::new(NO_STORE_LOGOFF),
        }
    }

    /// The host's MAPI allocators, used for `MAPIERROR`s and property
    /// values handed to the host.
    pub fn with_allocators(mut self, allocators: Option<HostAllocators>) -> Self {
        match Arc::get_mut(&mut self.session) {
            // Not shared yet (the builder's case): no second allocation.
            Some(session) => session.allocators = allocators,
            None => self.session = Arc::new(Session::new(allocators)),
        }
        self
    }

    /// What the logon's subobjects share with it.
    pub fn session(&self) -> &Arc<Session> {
        &self.session
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

    /// The host allocators, if the host gave any.
    pub fn allocators(&self) -> Option<&HostAllocators> {
        self.session.allocators()
    }

    /// Runs `f` with the support object while the logon holds it (`None`
    /// after teardown), under the lock that teardown takes it out with.
    pub fn with_support<R>(&self, f: impl FnOnce(Option<&S>) -> R) -> R {
        f(self
            .support
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref())
    }

    /// Whether the logon still holds its support object.
    pub fn holds_support(&self) -> bool {
        self.support
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// The flags of the `StoreLogoff` that ended this logon (`LOGOFF_ABORT`
    /// when the store was released without one), if any.
    pub fn store_logoff_flags(&self) -> Option<ULONG> {
        match self.store_logoff_flags.load(Ordering::Acquire) {
            NO_STORE_LOGOFF => None,
            f => Some(f),
        }
    }

    /// Remembers a failure for `GetLastError`: one atomic store (a
    /// panic's message is copied, under a lock, only for a panic); the
    /// text is made when GetLastError asks for it.
    #[inline]
    pub fn record_error(&self, error: MapiError, panic_message: Option<&str>) {
        self.errors.record(error, panic_message);
    }

    /// The failure recorded last, if it produced `hresult` (no text made).
    #[inline]
    pub fn recorded(&self, hresult: HRESULT) -> Option<MapiError> {
        self.errors.error(hresult)
    }

    /// The recorded failure that produced `hresult`, if it is the last one.
    #[inline]
    pub fn last_error(&self, hresult: HRESULT) -> Option<LastError> {
        // Only failures are recorded: nothing to look up for a success or
        // for another code than the last one.
        self.errors.error(hresult)?;
        self.last_error_slow(hresult)
    }

    #[cold]
    #[inline(never)]
    fn last_error_slow(&self, hresult: HRESULT) -> Option<LastError> {
        let message = self.errors.message(hresult)?;
        Some(LastError { hresult, message })
    }

    /// `IMSLogon::Logoff`. `flags` is `None` for a NULL `lpulFlags`.
    ///
    /// - `None` → `InvalidParameter`, non-zero → `UnknownFlags`; neither
    ///   changes anything.
    /// - The first valid call tears down and returns `Ok(TornDown)`, or
    ///   `Err(CallFailed)` if the provider's `logoff` panicked (teardown
    ///   still completed).
    /// - Every later or concurrent or re-entrant call returns
    ///   `Ok(AlreadyLoggedOff)` without waiting.
    pub fn logoff(&self, flags: Option<ULONG>) -> MapiResult<LogoffOutcome> {
        match flags {
            None => return Err(MapiError::InvalidParameter),
            Some(0) => {}
            Some(_) => return Err(MapiError::UnknownFlags),
        }
        match self.begin_logoff() {
            Some(support) => self
                .teardown(support, "IMSLogon::Logoff")
                .map(|()| LogoffOutcome::TornDown),
            None => {
                trace!("logon {:p}: Logoff while {:?}: no-op", self, self.state());
                Ok(LogoffOutcome::AlreadyLoggedOff)
            }
        }
    }

    /// `IMsgStore::StoreLogoff`: records `flags`, tells the host's
    /// transports (`StoreLogoffTransports`), then tears the logon down,
    /// releasing the support object last (in a MAPI host that Release calls
    /// `IMSLogon::Logoff`, which is then a no-op). Returns the flags to hand
    /// back: `LOGOFF_COMPLETE`.
    ///
    /// `None` → `InvalidParameter`; unknown bits → `UnknownFlags`; after the
    /// logon was logged off → `EndOfSession`; none of them changes anything.
    pub fn store_logoff(&self, flags: Option<ULONG>) -> MapiResult<ULONG> {
        let flags = flags.ok_or(MapiError::InvalidParameter)?;
        if flags & !STORE_LOGOFF_FLAGS != 0 {
            return Err(MapiError::UnknownFlags);
        }
        let support = self.begin_logoff().ok_or(MapiError::EndOfSession)?;
        self.logoff_transports(&support, flags);
        self.teardown(support, "IMsgStore::StoreLogoff")?;
        Ok(LOGOFF_COMPLETE)
    }

    /// The store's last reference went without `StoreLogoff`: tell the
    /// transports `LOGOFF_ABORT`, then tear down. A no-op once logged off.
    pub fn abort_on_store_release(&self) {
        if let Some(support) = self.begin_logoff() {
            self.logoff_transports(&support, LOGOFF_ABORT);
            let _ = self.teardown(support, "store released without StoreLogoff");
        }
    }

    /// Tears down a logon whose last reference went (or whose provider shut
    /// down) while it was still live: nothing the host gave it may leak. A
    /// no-op once logged off.
    pub fn logoff_on_release(&self) {
        if let Some(support) = self.begin_logoff() {
            // The host is not waiting for an answer: the only thing a
            // panicking provider could change is already guaranteed by
            // `teardown` (support released, state LoggedOff).
            let _ = self.teardown(support, "last Release or Shutdown without Logoff");
        }
    }

    fn logoff_transports(&self, support: &Option<S>, flags: ULONG) {
        self.store_logoff_flags.store(flags, Ordering::Release);
        if let Some(support) = support {
            // MAPI_E_NO_SUPPORT or any failure here must not stop the
            // logoff; a panic neither.
            let _ = catch_unwind(AssertUnwindSafe(|| support.store_logoff_transports(flags)));
        }
    }

    /// Claims the one teardown: for exactly one caller, the support object
    /// (taken out of the lock, so nothing else can release it).
    fn begin_logoff(&self) -> Option<Option<S>> {
        if self.state.load(Ordering::Acquire) != LogonState::Live as u8 {
            return None;
        }
        self.state
            .compare_exchange(
                LogonState::Live as u8,
                LogonState::LoggingOff as u8,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .ok()?;
        Some(
            self.support
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take(),
        )
    }

    fn teardown(&self, support: Option<S>, reason: &str) -> MapiResult<()> {
        trace!("logon {:p}: teardown by {reason}", self);
        // First the open subobjects (folders, messages, status...): each
        // is disconnected; their memory lives until the host's Release.
        let disconnected = self.session.objects().close();
        if disconnected > 0 {
            trace!(
                "logon {:p}: {disconnected} open subobject(s) disconnected",
                self
            );
        }
        // Then the store and logon advise sinks (released once) or their
        // subscriptions with the host's engine.
        let notifier = catch_unwind(AssertUnwindSafe(|| self.session.close_notifier()));
        let provider = catch_unwind(AssertUnwindSafe(|| self.provider.logoff())).and(notifier);
        if let Some(registry) = &self.registry {
            registry.remove(self);
        }
        // Last, with no lock held: the host's Release may call straight
        // back into this logon.
        let had_support = support.is_some();
        let released = catch_unwind(AssertUnwindSafe(|| drop(support)));
        self.state
            .store(LogonState::LoggedOff as u8, Ordering::Release);
        if had_support {
            trace!(
                "logon {:p}: support object released (last); logged off",
                self
            );
        }
        provider.and(released).map_err(|_| MapiError::CallFailed)
    }
}

impl<P: LogonProvider> LogonCore<P> {
    /// Joins a provider's list of logons; teardown leaves it.
    pub fn with_registry(mut self, registry: Arc<LogonRegistry<P>>) -> Self {
        self.registry = Some(registry);
        self
    }
}

#[cfg(test)]
mod tests;
