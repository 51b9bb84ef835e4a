//! The reference in-memory message-store provider: a complete, small
//! provider written in safe Rust ([`ReferenceStore`] for `IMSProvider`,
//! [`ReferenceLogon`] for one logon's `IMSLogon` and `IMsgStore`), meant to
//! be read and copied.
//!
//! It serves in-memory stores named by entry IDs of this form:
//!
//! | bytes | content |
//! |---|---|
//! | 0..4 | `abFlags`, zero (long-term) |
//! | 4..20 | [`PROVIDER_UID`], this provider's MAPIUID |
//! | 20..24 | the store number, little-endian |
//!
//! It keeps each logon's advise registrations (every sink held with one
//! reference until `Unadvise` or `Logoff`); folders and messages are not
//! implemented yet (`OpenEntry` of anything but the store answers
//! `MAPI_E_NOT_FOUND`, of the root `MAPI_E_NO_SUPPORT`).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::com::ComPtr;
use crate::mapi::{
    IMAPIAdviseSink, MapiError, MapiResult, IID, MAPI_STORE, PR_DISPLAY_NAME_W, PR_ENTRYID,
    PR_MDB_PROVIDER, PR_OBJECT_TYPE, PR_RECORD_KEY, PR_STORE_ENTRYID, PR_STORE_RECORD_KEY,
    PR_STORE_SUPPORT_MASK, STORE_ENTRYID_UNIQUE, STORE_NOTIFY_OK, STORE_READONLY, ULONG, ULONG_PTR,
};
use crate::mapi::{PROP_ID, PROP_TYPE, PT_STRING8, PT_UNICODE, PT_UNSPECIFIED};
use crate::provider::{LogonProvider, LogonRequest, MessageStoreProvider, Opened, PropValue};

/// This provider's MAPIUID (`PR_MDB_PROVIDER`, and bytes 4..20 of its entry
/// IDs).
pub const PROVIDER_UID: [u8; 16] = *b"mslogon\0refstore";

/// The number of the store a `Logon` without an entry ID opens.
pub const DEFAULT_STORE: u32 = 1;

/// The entry ID of store `number`.
pub fn store_entry_id(number: u32) -> Vec<u8> {
    let mut id = vec![0u8; 4];
    id.extend_from_slice(&PROVIDER_UID);
    id.extend_from_slice(&number.to_le_bytes());
    id
}

/// The store number in an entry ID of this provider:
/// `MAPI_E_INVALID_ENTRYID` for anything else.
pub fn parse_store_entry_id(entry_id: &[u8]) -> MapiResult<u32> {
    match entry_id {
        [0, 0, 0, 0, rest @ ..] if rest.len() == 20 && rest[..16] == PROVIDER_UID => {
            Ok(u32::from_le_bytes([rest[16], rest[17], rest[18], rest[19]]))
        }
        _ => Err(MapiError::InvalidEntryId),
    }
}

/// The reference provider: a fixed set of named in-memory stores.
#[derive(Debug, Clone)]
pub struct ReferenceStore {
    stores: BTreeMap<u32, Cow<'static, str>>,
}

impl Default for ReferenceStore {
    fn default() -> Self {
        ReferenceStore {
            stores: BTreeMap::from([(DEFAULT_STORE, Cow::Borrowed("mslogon reference store"))]),
        }
    }
}

impl ReferenceStore {
    /// A provider serving `stores` (number → display name).
    pub fn with_stores(stores: impl IntoIterator<Item = (u32, String)>) -> Self {
        ReferenceStore {
            stores: stores
                .into_iter()
                .map(|(n, s)| (n, Cow::Owned(s)))
                .collect(),
        }
    }
}

impl MessageStoreProvider for ReferenceStore {
    type Logon = ReferenceLogon;

    fn logon(&self, request: &LogonRequest<'_>) -> MapiResult<ReferenceLogon> {
        let number = match request.entry_id {
            None => DEFAULT_STORE,
            Some(id) => parse_store_entry_id(id)?,
        };
        let name = self.stores.get(&number).ok_or(MapiError::LogonFailed)?;
        Ok(ReferenceLogon::open(number, name.clone()))
    }

    fn compare_store_ids(
        &self,
        entry_id1: &[u8],
        entry_id2: &[u8],
        _flags: ULONG,
    ) -> MapiResult<bool> {
        Ok(parse_store_entry_id(entry_id1)? == parse_store_entry_id(entry_id2)?)
    }
}

/// One advise registration.
#[derive(Debug)]
struct Advise {
    connection: ULONG_PTR,
    #[allow(dead_code)] // kept for notifications
    entry_id: Option<Vec<u8>>,
    #[allow(dead_code)] // kept for notifications
    event_mask: ULONG,
    #[allow(dead_code)] // held: released at Unadvise or Logoff
    sink: ComPtr<IMAPIAdviseSink>,
}

#[derive(Debug, Default)]
struct Registry {
    next: ULONG_PTR,
    /// `None` once logged off: nothing may subscribe any more. A `Vec`:
    /// a logon has a handful of sinks, and an unused one costs nothing to
    /// create or drop.
    open: Option<Vec<Advise>>,
}

/// One logon of the reference provider: its store and advise sinks.
#[derive(Debug)]
pub struct ReferenceLogon {
    number: u32,
    name: Cow<'static, str>,
    advises: Mutex<Registry>,
}

impl Default for ReferenceLogon {
    fn default() -> Self {
        ReferenceLogon::open(DEFAULT_STORE, Cow::Borrowed("mslogon reference store"))
    }
}

impl ReferenceLogon {
    /// A logon on store `number`, displayed as `name`.
    pub fn new(number: u32, name: &str) -> Self {
        ReferenceLogon::open(number, Cow::Owned(name.to_string()))
    }

    fn open(number: u32, name: Cow<'static, str>) -> Self {
        ReferenceLogon {
            number,
            name,
            advises: Mutex::new(Registry {
                next: 0,
                open: Some(Vec::new()),
            }),
        }
    }

    /// How many advise sinks are registered.
    pub fn advise_count(&self) -> usize {
        self.registry().open.as_ref().map_or(0, Vec::len)
    }

    fn registry(&self) -> MutexGuard<'_, Registry> {
        self.advises.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether `entry_id` names this logon's store; `InvalidEntryId` when
    /// it is not one of this provider's.
    fn is_own_store(&self, entry_id: &[u8]) -> MapiResult<bool> {
        Ok(parse_store_entry_id(entry_id)? == self.number)
    }

    fn record_key(&self) -> Vec<u8> {
        let mut key = PROVIDER_UID.to_vec();
        key[12..].copy_from_slice(&self.number.to_le_bytes());
        key
    }
}

impl LogonProvider for ReferenceLogon {
    fn logoff(&self) {
        // Take the sinks out under the lock; release them (host calls)
        // after it is dropped.
        let sinks = self.registry().open.take();
        // Dropped, never forgotten: a collection emptied by Unadvise may
        // still own memory (the fuzzer caught a `mem::forget` of an
        // "empty" map leaking its root node).
        drop(sinks);
    }

    fn store_entry_id(&self) -> Vec<u8> {
        store_entry_id(self.number)
    }

    fn store_prop(&self, tag: ULONG) -> Option<PropValue> {
        let string_ok = matches!(PROP_TYPE(tag), PT_UNICODE | PT_STRING8 | PT_UNSPECIFIED);
        Some(match PROP_ID(tag) {
            id if id == PROP_ID(PR_DISPLAY_NAME_W) && string_ok => {
                PropValue::String(self.name.to_string())
            }
            id if id == PROP_ID(PR_ENTRYID) || id == PROP_ID(PR_STORE_ENTRYID) => {
                PropValue::Binary(self.store_entry_id())
            }
            id if id == PROP_ID(PR_RECORD_KEY) || id == PROP_ID(PR_STORE_RECORD_KEY) => {
                PropValue::Binary(self.record_key())
            }
            id if id == PROP_ID(PR_MDB_PROVIDER) => PropValue::Binary(PROVIDER_UID.to_vec()),
            id if id == PROP_ID(PR_STORE_SUPPORT_MASK) => {
                PropValue::Long(STORE_ENTRYID_UNIQUE | STORE_READONLY | STORE_NOTIFY_OK)
            }
            id if id == PROP_ID(PR_OBJECT_TYPE) => PropValue::Long(MAPI_STORE),
            _ => return None,
        })
    }

    fn store_prop_tags(&self) -> Vec<ULONG> {
        vec![
            PR_DISPLAY_NAME_W,
            PR_ENTRYID,
            PR_RECORD_KEY,
            PR_STORE_SUPPORT_MASK,
            PR_MDB_PROVIDER,
            PR_OBJECT_TYPE,
            PR_STORE_ENTRYID,
            PR_STORE_RECORD_KEY,
        ]
    }

    fn open_entry(
        &self,
        entry_id: Option<&[u8]>,
        _interface: Option<&IID>,
        _flags: ULONG,
    ) -> MapiResult<Opened> {
        match entry_id {
            // The root folder: no folders yet.
            None => Err(MapiError::NoSupport),
            Some(id) if self.is_own_store(id)? => Ok(Opened::Store),
            Some(_) => Err(MapiError::NotFound),
        }
    }

    fn compare_entry_ids(
        &self,
        entry_id1: &[u8],
        entry_id2: &[u8],
        _flags: ULONG,
    ) -> MapiResult<bool> {
        Ok(parse_store_entry_id(entry_id1)? == parse_store_entry_id(entry_id2)?)
    }

    fn advise(
        &self,
        entry_id: Option<&[u8]>,
        event_mask: ULONG,
        sink: ComPtr<IMAPIAdviseSink>,
    ) -> MapiResult<ULONG_PTR> {
        if event_mask == 0 {
            return Err(MapiError::InvalidParameter);
        }
        let mut reg = self.registry();
        let connection = reg.next.checked_add(1).ok_or(MapiError::NotEnoughMemory)?;
        let open = reg.open.as_mut().ok_or(MapiError::EndOfSession)?;
        open.push(Advise {
            connection,
            entry_id: entry_id.map(<[u8]>::to_vec),
            event_mask,
            sink,
        });
        reg.next = connection;
        Ok(connection)
    }

    fn unadvise(&self, connection: ULONG_PTR) -> MapiResult<()> {
        let removed = {
            let mut reg = self.registry();
            let open = reg.open.as_mut().ok_or(MapiError::EndOfSession)?;
            let at = open
                .iter()
                .position(|a| a.connection == connection)
                .ok_or(MapiError::NotFound)?;
            open.swap_remove(at)
        };
        drop(removed); // the host's Release, outside the lock
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_ids_round_trip_and_reject_foreign_ones() {
        let id = store_entry_id(7);
        assert_eq!(id.len(), 24);
        assert_eq!(parse_store_entry_id(&id), Ok(7));
        let mut foreign = id.clone();
        foreign[5] ^= 1;
        assert_eq!(
            parse_store_entry_id(&foreign),
            Err(MapiError::InvalidEntryId)
        );
        assert_eq!(
            parse_store_entry_id(&id[..23]),
            Err(MapiError::InvalidEntryId)
        );
        let mut short_term = id.clone();
        short_term[0] = 0x80;
        assert_eq!(
            parse_store_entry_id(&short_term),
            Err(MapiError::InvalidEntryId)
        );
    }

    #[test]
    fn logon_opens_known_stores_only() {
        let provider = ReferenceStore::default();
        let request = |entry_id| LogonRequest {
            entry_id,
            flags: 0,
            spooler: false,
        };
        let logon = provider.logon(&request(None)).unwrap();
        assert_eq!(logon.store_entry_id(), store_entry_id(DEFAULT_STORE));
        let other = store_entry_id(2);
        assert_eq!(
            provider.logon(&request(Some(&other))).err(),
            Some(MapiError::LogonFailed)
        );
        assert_eq!(
            provider.logon(&request(Some(b"nope"))).err(),
            Some(MapiError::InvalidEntryId)
        );
    }

    #[test]
    fn store_props_answer_the_required_tags() {
        let logon = ReferenceLogon::default();
        for tag in logon.store_prop_tags() {
            assert!(logon.store_prop(tag).is_some(), "{tag:#010X}");
        }
        assert_eq!(
            logon.store_prop(crate::mapi::PR_DISPLAY_NAME_A),
            Some(PropValue::String("mslogon reference store".into()))
        );
        assert_eq!(logon.store_prop(0x6666_0003), None);
    }
}
