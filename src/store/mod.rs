//! The reference in-memory message-store provider: a complete, small
//! [`LogonProvider`] written in safe Rust, meant to be read and copied.
//!
//! So far it keeps the logon's advise registrations (each sink held with one
//! reference until `Unadvise` or `Logoff`); folders, messages and the store
//! object grow here with the provider lifecycle.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use crate::com::ComPtr;
use crate::mapi::{IMAPIAdviseSink, MapiError, MapiResult, ULONG};
use crate::provider::LogonProvider;

/// One advise registration.
#[derive(Debug)]
struct Advise {
    #[allow(dead_code)] // kept for notifications
    entry_id: Option<Vec<u8>>,
    #[allow(dead_code)] // kept for notifications
    event_mask: ULONG,
    sink: ComPtr<IMAPIAdviseSink>,
}

#[derive(Debug, Default)]
struct Registry {
    next: ULONG,
    /// `None` once logged off: nothing may subscribe any more.
    open: Option<BTreeMap<ULONG, Advise>>,
}

/// The reference provider's logon.
#[derive(Debug)]
pub struct ReferenceLogon {
    advises: Mutex<Registry>,
}

impl Default for ReferenceLogon {
    fn default() -> Self {
        ReferenceLogon {
            advises: Mutex::new(Registry {
                next: 0,
                open: Some(BTreeMap::new()),
            }),
        }
    }
}

impl ReferenceLogon {
    /// A fresh logon with nothing opened.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many advise sinks are registered.
    pub fn advise_count(&self) -> usize {
        self.registry().open.as_ref().map_or(0, BTreeMap::len)
    }

    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.advises.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl LogonProvider for ReferenceLogon {
    fn logoff(&self) {
        // Take the sinks out under the lock; release them (host calls)
        // after it is dropped.
        let sinks = self.registry().open.take();
        drop(sinks);
    }

    fn advise(
        &self,
        entry_id: Option<&[u8]>,
        event_mask: ULONG,
        sink: ComPtr<IMAPIAdviseSink>,
    ) -> MapiResult<ULONG> {
        if event_mask == 0 {
            return Err(MapiError::InvalidParameter);
        }
        let mut reg = self.registry();
        let connection = reg.next.checked_add(1).ok_or(MapiError::NotEnoughMemory)?;
        let open = reg.open.as_mut().ok_or(MapiError::EndOfSession)?;
        open.insert(
            connection,
            Advise {
                entry_id: entry_id.map(<[u8]>::to_vec),
                event_mask,
                sink,
            },
        );
        reg.next = connection;
        Ok(connection)
    }

    fn unadvise(&self, connection: ULONG) -> MapiResult<()> {
        let removed = {
            let mut reg = self.registry();
            let open = reg.open.as_mut().ok_or(MapiError::EndOfSession)?;
            open.remove(&connection).ok_or(MapiError::NotFound)?
        };
        drop(removed.sink); // host Release, outside the lock
        Ok(())
    }
}
