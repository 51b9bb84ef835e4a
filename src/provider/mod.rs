//! The safe side of the provider: the traits a message-store provider
//! implements ([`MessageStoreProvider`] for `IMSProvider`, [`LogonProvider`]
//! for one logon's `IMSLogon` and `IMsgStore`), and the state machines that
//! give them MAPI's contract: [`LogonCore`] (Logoff exactly once, support
//! object released last) and [`ProviderCore`] (the list of logons,
//! Shutdown).
//!
//! Nothing here is `unsafe`: raw pointers are turned into slices, options
//! and [`ComPtr`](crate::host::ComPtr)s by the boundary layer in [`crate::com`] before they reach
//! this module.

mod logon;
mod msprovider;
mod notify;
mod objects;
mod profile;
mod props;

pub use logon::{LogoffOutcome, LogonCore, LogonState, Session, Support, STORE_LOGOFF_FLAGS};
pub use msprovider::{LogonRegistry, ProviderCore};
pub use notify::{
    Door, NewMailNotification, Notification, Notifier, ObjectNotification, Sink, SinkTarget,
    SupportChannel, TableNotification,
};
pub use objects::{
    Attachment, ErrorRecord, Folder, MapiProp, Message, NamedProps, OpenObject, OpenObjects,
    Opened, PropProblem, PropStream, Status,
};
pub use profile::{
    configure_service, logon_store_path, record_logon, store_path, ProfileError, ProfileResult,
    ProfileSection, ServiceContext, PR_MSLOGON_STORE_PATH, PR_MSLOGON_STORE_PATH_A,
    PR_MSLOGON_STORE_PATH_W,
};
pub use props::{GuidKey, PropName, PropValue};

use std::sync::Arc;

use crate::mapi::{MapiError, MapiResult, IID, ULONG};

/// The flags `OpenEntry` accepts: the access asked for, and (ignored: no
/// cache, no soft deletes) `MAPI_NO_CACHE`, `MAPI_CACHE_ONLY`,
/// `SHOW_SOFT_DELETES`, which Outlook passes.
pub const OPEN_ENTRY_FLAGS: ULONG = crate::mapi::MAPI_MODIFY
    | crate::mapi::MAPI_BEST_ACCESS
    | crate::mapi::MAPI_DEFERRED_ERRORS
    | crate::mapi::MAPI_NO_CACHE
    | crate::mapi::MAPI_CACHE_ONLY
    | crate::mapi::SHOW_SOFT_DELETES;

/// What `IMSProvider::Logon` (or `SpoolerLogon`) asks for.
#[derive(Clone, Copy, Debug)]
pub struct LogonRequest<'a> {
    /// The store's entry ID; `None`: no store chosen yet (open the default).
    pub entry_id: Option<&'a [u8]>,
    /// `MDB_*` and `MAPI_*` flags as passed (already checked for unknown
    /// bits).
    pub flags: ULONG,
    /// `true` for `SpoolerLogon`.
    pub spooler: bool,
    /// The store's file, when the MAPI profile names one
    /// ([`PR_MSLOGON_STORE_PATH`], read by the boundary from the provider's
    /// profile section or its service's; always absolute); `None`: the
    /// profile does not say (or the host has no profile), the entry ID
    /// alone names the store.
    pub store_path: Option<&'a std::path::Path>,
}

/// A message-store provider: the logic behind `IMSProvider`.
///
/// [`ProviderCore`] calls it only while the provider is live, and calls
/// `shutdown` exactly once.
pub trait MessageStoreProvider: Send + Sync + 'static {
    /// One logon's logic.
    type Logon: LogonProvider;

    /// Opens the store `request.entry_id` names (or the default store).
    /// Fail with `MAPI_E_INVALID_ENTRYID` for an entry ID this provider did
    /// not issue, `MAPI_E_LOGON_FAILED` for one of its own it cannot open.
    fn logon(&self, request: &LogonRequest<'_>) -> MapiResult<Self::Logon>;

    /// `IMSProvider::CompareStoreIDs`: whether both entry IDs name the same
    /// store.
    fn compare_store_ids(
        &self,
        entry_id1: &[u8],
        entry_id2: &[u8],
        flags: ULONG,
    ) -> MapiResult<bool> {
        let _ = (entry_id1, entry_id2, flags);
        Err(MapiError::NoSupport)
    }

    /// Releases what the provider holds. Called once, after every logon was
    /// logged off.
    fn shutdown(&self) {}
}

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

    /// The store's entry ID (`PR_ENTRYID`, `PR_STORE_ENTRYID`).
    fn store_entry_id(&self) -> Vec<u8> {
        Vec::new()
    }

    /// The value of property `tag` on the message store (`IMsgStore::
    /// GetProps`); the type bits of `tag` say what the caller asked for
    /// (`PT_UNSPECIFIED` and both string types are possible). `None`: the
    /// store has no such property (the caller gets a `PT_ERROR`
    /// `MAPI_E_NOT_FOUND` in its place and `MAPI_W_ERRORS_RETURNED`).
    fn store_prop(&self, tag: ULONG) -> Option<PropValue> {
        let _ = tag;
        None
    }

    /// The tags `GetProps(NULL)` and `GetPropList` report.
    fn store_prop_tags(&self) -> Vec<ULONG> {
        Vec::new()
    }

    /// `IMSLogon::OpenEntry` / `IMsgStore::OpenEntry`: opens the object
    /// `entry_id` names (`None`: the store's root folder). The boundary
    /// checks the object against `interface` afterwards.
    fn open_entry(
        &self,
        entry_id: Option<&[u8]>,
        interface: Option<&IID>,
        flags: ULONG,
    ) -> MapiResult<Opened> {
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

    /// `IMSLogon::Advise` / `IMsgStore::Advise`: the notification key of
    /// `entry_id` (`None`: the whole store), under which the provider
    /// publishes the events about that object to `notifier` (this logon's:
    /// keep it, and publish there with [`Notifier::publish`]);
    /// `MAPI_E_INVALID_ENTRYID` for an entry ID it did not issue. The
    /// logon keeps the sinks (or subscribes them with the host's engine)
    /// and releases them at `Unadvise` or, at the latest, at teardown.
    /// Default: `MAPI_E_NO_SUPPORT` (no notifications).
    fn advise_key(&self, entry_id: Option<&[u8]>, notifier: &Arc<Notifier>) -> MapiResult<Vec<u8>> {
        let _ = (entry_id, notifier);
        Err(MapiError::NoSupport)
    }

    /// `IMsgStore::NotifyNewMail`: the spooler tells the store a message
    /// arrived; the store publishes `fnevNewMail` to `notifier`. Default:
    /// `MAPI_E_NO_SUPPORT`.
    fn notify_new_mail(
        &self,
        mail: &NewMailNotification,
        notifier: &Arc<Notifier>,
    ) -> MapiResult<()> {
        let _ = (mail, notifier);
        Err(MapiError::NoSupport)
    }

    /// `IMSLogon::OpenStatusEntry`: the provider's status object (the
    /// boundary checks the interface asked for).
    fn open_status_entry(&self, flags: ULONG) -> MapiResult<Box<dyn Status>> {
        let _ = flags;
        Err(MapiError::NoSupport)
    }

    /// The store's named-property map (`IMsgStore::GetIDsFromNames`,
    /// `GetNamesFromIDs`); `None`: `MAPI_E_NO_SUPPORT`.
    fn named_props(&self) -> Option<&dyn NamedProps> {
        None
    }

    /// `IMsgStore::GetReceiveFolder`: the entry ID of the folder that
    /// receives `class` (case-insensitive; the longest matching prefix
    /// wins) and the class it was set for.
    fn receive_folder(&self, class: &str) -> MapiResult<(Vec<u8>, String)> {
        let _ = class;
        Err(MapiError::NoSupport)
    }

    /// `IMsgStore::GetReceiveFolderTable`: one row per receive-folder
    /// setting (`PR_MESSAGE_CLASS`, `PR_ENTRYID`, `PR_RECORD_KEY`).
    fn receive_folder_table(&self, wide: bool) -> MapiResult<Box<dyn crate::table::Table>> {
        let _ = wide;
        Err(MapiError::NoSupport)
    }

    /// `IMsgStore::SetReceiveFolder`: `None` removes the setting.
    fn set_receive_folder(&self, class: &str, entry_id: Option<&[u8]>) -> MapiResult<()> {
        let _ = (class, entry_id);
        Err(MapiError::NoSupport)
    }
}
