//! [`ProviderCore`]: the `IMSProvider` state machine (live → shut down) and
//! [`LogonRegistry`], its list of logons.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::logon::Support;
use super::{LogonCore, LogonProvider, LogonRequest, MessageStoreProvider};
use crate::com::Pinned;
use crate::host::{ComPtr, HostAllocators};
use crate::mapi::{IMalloc, MapiError, MapiResult, ULONG};
use crate::trace::trace;

/// The logons of one provider. A logon joins at `Logon` and leaves at its
/// teardown; `Shutdown` closes the list and logs off whatever is left.
pub struct LogonRegistry<P: LogonProvider> {
    inner: Mutex<Registry<P>>,
}

struct Registry<P: LogonProvider> {
    closed: bool,
    logons: Vec<Pinned<LogonCore<P>>>,
}

impl<P: LogonProvider> Default for LogonRegistry<P> {
    fn default() -> Self {
        LogonRegistry {
            inner: Mutex::new(Registry {
                closed: false,
                logons: Vec::new(),
            }),
        }
    }
}

impl<P: LogonProvider> LogonRegistry<P> {
    fn lock(&self) -> MutexGuard<'_, Registry<P>> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a logon; `Err` (given back) once the provider shut down.
    pub fn add(&self, logon: Pinned<LogonCore<P>>) -> Result<(), Pinned<LogonCore<P>>> {
        let mut reg = self.lock();
        if reg.closed {
            return Err(logon);
        }
        reg.logons.push(logon);
        Ok(())
    }

    /// Removes `logon`, if listed.
    pub fn remove<S: Support>(&self, logon: &LogonCore<P, S>) {
        let target = ptr::from_ref(logon).cast::<()>();
        let removed = {
            let mut reg = self.lock();
            let at = reg
                .logons
                .iter()
                .position(|l| ptr::eq(ptr::from_ref(l.value()).cast::<()>(), target));
            at.map(|i| reg.logons.swap_remove(i))
        };
        drop(removed); // outside the lock
    }

    /// How many logons are listed.
    pub fn len(&self) -> usize {
        self.lock().logons.len()
    }

    /// Whether no logon is listed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Closes the list and hands out every logon still in it.
    fn close(&self) -> Vec<Pinned<LogonCore<P>>> {
        let mut reg = self.lock();
        reg.closed = true;
        std::mem::take(&mut reg.logons)
    }
}

/// The `IMSProvider` state machine around a [`MessageStoreProvider`].
pub struct ProviderCore<M: MessageStoreProvider> {
    shut_down: AtomicBool,
    provider: M,
    registry: Arc<LogonRegistry<M::Logon>>,
    allocators: HostAllocators,
    malloc: Mutex<Option<ComPtr<IMalloc>>>,
}

impl<M: MessageStoreProvider> ProviderCore<M> {
    /// A live provider holding the host's allocators and `IMalloc`.
    pub fn new(provider: M, allocators: HostAllocators, malloc: Option<ComPtr<IMalloc>>) -> Self {
        ProviderCore {
            shut_down: AtomicBool::new(false),
            provider,
            registry: Arc::default(),
            allocators,
            malloc: Mutex::new(malloc),
        }
    }

    /// The provider's logons.
    pub fn registry(&self) -> &Arc<LogonRegistry<M::Logon>> {
        &self.registry
    }

    /// The host's MAPI allocators.
    pub fn allocators(&self) -> &HostAllocators {
        &self.allocators
    }

    /// Whether `Shutdown` ran.
    pub fn is_shut_down(&self) -> bool {
        self.shut_down.load(Ordering::Acquire)
    }

    /// The provider logic, while live.
    pub fn provider(&self) -> MapiResult<&M> {
        if self.is_shut_down() {
            Err(MapiError::EndOfSession)
        } else {
            Ok(&self.provider)
        }
    }

    /// Opens a logon's logic (`IMSProvider::Logon`); the boundary then
    /// builds the logon and store objects around it.
    pub fn open(&self, request: &LogonRequest<'_>) -> MapiResult<M::Logon> {
        self.provider()?.logon(request)
    }

    /// `IMSProvider::Shutdown`. `flags` is `None` for a NULL pointer; it is
    /// reserved and must be 0. Logs off every logon still alive, calls the
    /// provider's `shutdown`, releases the host's `IMalloc`. A second call
    /// is a no-op.
    pub fn shutdown(&self, flags: Option<ULONG>) -> MapiResult<()> {
        match flags {
            None => return Err(MapiError::InvalidParameter),
            Some(0) => {}
            Some(_) => return Err(MapiError::UnknownFlags),
        }
        self.shutdown_now();
        Ok(())
    }

    /// Shuts down unless already done (also used at the last `Release`).
    pub fn shutdown_now(&self) {
        if self.shut_down.swap(true, Ordering::AcqRel) {
            return;
        }
        trace!(
            "provider {:p}: shutdown, {} logon(s) still listed",
            self,
            self.registry.len()
        );
        for logon in self.registry.close() {
            logon.value().logoff_on_release();
        }
        let _ = catch_unwind(AssertUnwindSafe(|| self.provider.shutdown()));
        let malloc = self
            .malloc
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        drop(malloc);
    }
}
