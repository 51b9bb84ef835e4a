//! Notifications at the boundary: a host advise sink as a safe [`Sink`]
//! ([`HostSink`]: builds the `NOTIFICATION` array and calls `OnNotify`),
//! and the host support object's notification engine
//! (`Subscribe`/`Unsubscribe`/`Notify`) as a [`SupportChannel`].
//!
//! The notifications are built in memory of the library's own
//! ([`HostAllocators::own`]), valid for the length of the call and freed
//! after it, as MAPI's contract says: a sink copies what it keeps.

use std::cell::Cell;
use std::ffi::c_void;
use std::mem::size_of;
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use super::props::pv;
use crate::host::{ComPtr, HostAllocators, Root};
use crate::mapi::*;
use crate::provider::{
    Notification, Notifier, Sink, SinkTarget, SupportChannel, TableNotification,
};

/// An entry ID in `root`'s chain (NULL for none).
fn entry_id_in(
    alloc: &HostAllocators,
    root: &Root<'_>,
    bytes: &[u8],
) -> MapiResult<(ULONG, *mut ENTRYID)> {
    if bytes.is_empty() {
        return Ok((0, ptr::null_mut()));
    }
    let len = crate::host::ulong_size(bytes.len())?;
    Ok((len, alloc.bytes_in(root, bytes)?.cast()))
}

/// An `SPropValue` (the tag as given; `None` → `PR_NULL`).
fn prop_in(
    alloc: &HostAllocators,
    root: &Root<'_>,
    tag: ULONG,
    value: Option<&crate::provider::PropValue>,
) -> MapiResult<SPropValue> {
    let Some(value) = value else {
        return Ok(SPropValue {
            ulPropTag: PR_NULL,
            dwAlignPad: 0,
            Value: PV { l: 0 },
        });
    };
    let (tag, value) = pv(alloc, root, tag, Some(value), true)?;
    Ok(SPropValue {
        ulPropTag: tag,
        dwAlignPad: 0,
        Value: value,
    })
}

fn table_notification(
    alloc: &HostAllocators,
    root: &Root<'_>,
    t: &TableNotification,
) -> MapiResult<TABLE_NOTIFICATION> {
    let props = if t.row.is_empty() {
        ptr::null_mut()
    } else {
        let p = alloc
            .more(root, size_of::<SPropValue>() * t.row.len())?
            .as_ptr()
            .cast::<SPropValue>();
        for (i, (tag, value)) in t.row.iter().enumerate() {
            let (tag, value) = pv(alloc, root, *tag, value.as_ref(), true)?;
            let v = SPropValue {
                ulPropTag: tag,
                dwAlignPad: 0,
                Value: value,
            };
            // SAFETY: `row.len()` entries were allocated; our own buffers
            // are 16-byte aligned, written unaligned all the same.
            unsafe { p.add(i).write_unaligned(v) };
        }
        p
    };
    Ok(TABLE_NOTIFICATION {
        ulTableEvent: t.event,
        hResult: t.hresult,
        propIndex: prop_in(alloc, root, PR_INSTANCE_KEY, t.index.as_ref())?,
        propPrior: prop_in(alloc, root, PR_INSTANCE_KEY, t.prior.as_ref())?,
        row: SRow {
            ulAdrEntryPad: 0,
            cValues: crate::host::ulong_size(t.row.len())?,
            lpProps: props,
        },
        ulPad: 0,
    })
}

/// The `NOTIFICATION` array for `notifications`, in one root buffer of
/// `alloc` (with everything it points to chained to it).
fn build<'a>(alloc: &'a HostAllocators, notifications: &[Notification]) -> MapiResult<Root<'a>> {
    let root = alloc.root(size_of::<NOTIFICATION>() * notifications.len().max(1))?;
    let base = root.as_ptr().cast::<NOTIFICATION>();
    for (i, n) in notifications.iter().enumerate() {
        let info = match n {
            Notification::Object(o) => {
                let (cb_id, id) = entry_id_in(alloc, &root, &o.entry_id)?;
                let (cb_parent, parent) = entry_id_in(alloc, &root, &o.parent_id)?;
                let (cb_old, old) = entry_id_in(alloc, &root, &o.old_id)?;
                let (cb_old_parent, old_parent) = entry_id_in(alloc, &root, &o.old_parent_id)?;
                let tags = match &o.prop_tags {
                    None => ptr::null_mut(),
                    Some(tags) => {
                        let p = alloc
                            .more(&root, size_of::<ULONG>() * (1 + tags.len()))?
                            .as_ptr()
                            .cast::<ULONG>();
                        // SAFETY: room for the count and the tags.
                        unsafe {
                            p.write_unaligned(crate::host::ulong_size(tags.len())?);
                            for (j, t) in tags.iter().enumerate() {
                                p.add(1 + j).write_unaligned(*t);
                            }
                        }
                        p.cast()
                    }
                };
                NOTIFICATION_info {
                    obj: OBJECT_NOTIFICATION {
                        cbEntryID: cb_id,
                        lpEntryID: id,
                        ulObjType: o.object_type,
                        cbParentID: cb_parent,
                        lpParentID: parent,
                        cbOldID: cb_old,
                        lpOldID: old,
                        cbOldParentID: cb_old_parent,
                        lpOldParentID: old_parent,
                        lpPropTagArray: tags,
                    },
                }
            }
            Notification::NewMail(m) => {
                let (cb_id, id) = entry_id_in(alloc, &root, &m.entry_id)?;
                let (cb_parent, parent) = entry_id_in(alloc, &root, &m.parent_id)?;
                NOTIFICATION_info {
                    newmail: NEWMAIL_NOTIFICATION {
                        cbEntryID: cb_id,
                        lpEntryID: id,
                        cbParentID: cb_parent,
                        lpParentID: parent,
                        ulFlags: if m.unicode { MAPI_UNICODE } else { 0 },
                        lpszMessageClass: alloc.string(&root, &m.message_class, m.unicode)?,
                        ulMessageFlags: m.message_flags,
                    },
                }
            }
            Notification::Table(t) => NOTIFICATION_info {
                tab: table_notification(alloc, &root, t)?,
            },
        };
        let note = NOTIFICATION {
            ulEventType: n.event_type(),
            ulAlignPad: 0,
            info,
        };
        // SAFETY: `notifications.len()` entries were allocated.
        unsafe { base.add(i).write_unaligned(note) };
    }
    Ok(root)
}

/// A host advise sink (`IMAPIAdviseSink`), held (one reference) until the
/// last [`Sink`] clone goes.
pub(crate) struct HostSink(ComPtr<IMAPIAdviseSink>);

impl HostSink {
    /// `sink` as a safe [`Sink`].
    pub(crate) fn sink(sink: ComPtr<IMAPIAdviseSink>) -> Sink {
        Sink::new(Arc::new(HostSink(sink)))
    }
}

impl SinkTarget for HostSink {
    fn on_notify(&self, notifications: &[Notification]) {
        let Some(on_notify) = self.0.vtbl().OnNotify else {
            return;
        };
        let Ok(count) = ULONG::try_from(notifications.len()) else {
            return;
        };
        let alloc = HostAllocators::own();
        // Out of memory: the event is lost, as MAPI's own engine loses it.
        let Ok(array) = build(&alloc, notifications) else {
            return;
        };
        // SAFETY: a live sink (we hold a reference) and its own slot; the
        // array and all it points to live until `array` drops, after the
        // call.
        unsafe { on_notify(self.0.as_raw(), count, array.as_ptr()) };
        drop(array);
    }
}

/// The host support object's notification engine. Takes no reference
/// of its own (a host counts them): the logon holds the support object
/// until its teardown, which closes the channel first and waits for the
/// calls other threads are making through it.
pub(crate) struct SupportEngine {
    support: *mut IMAPISupport,
    closed: AtomicBool,
    /// Calls in progress through the channel, on any thread.
    in_flight: AtomicUsize,
}

// SAFETY: `support` is only called between `enter` and `leave`, which
// `close` waits for; MAPI's support object is free-threaded.
unsafe impl Send for SupportEngine {}
// SAFETY: as above; the rest is atomics.
unsafe impl Sync for SupportEngine {}

thread_local! {
    /// Calls this thread is making through a support engine (a sink that
    /// logs off from inside `Notify` must not wait for itself).
    static MINE: Cell<usize> = const { Cell::new(0) };
}

/// A call through the channel in progress.
struct InFlight<'a>(&'a SupportEngine);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        MINE.with(|m| m.set(m.get() - 1));
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

impl SupportEngine {
    /// Routes `notifier`'s advise registrations through `support`'s engine
    /// when it has one.
    ///
    /// # Safety
    ///
    /// `support` is the live support object the logon of `notifier` holds
    /// until its teardown (which closes the notifier first).
    pub(crate) unsafe fn attach(notifier: &Notifier, support: *mut IMAPISupport) {
        if support.is_null() {
            return;
        }
        // SAFETY: a live object (caller): its vtable is readable.
        let vtbl = unsafe { &*(*support).lpVtbl };
        if vtbl.Subscribe.is_none() || vtbl.Unsubscribe.is_none() || vtbl.Notify.is_none() {
            return;
        }
        notifier.set_channel(Arc::new(SupportEngine {
            support,
            closed: AtomicBool::new(false),
            in_flight: AtomicUsize::new(0),
        }));
    }

    /// Starts a call: the support object and its vtable, or `None` after
    /// teardown.
    fn enter(&self) -> Option<(InFlight<'_>, &IMAPISupportVtbl)> {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        MINE.with(|m| m.set(m.get() + 1));
        let guard = InFlight(self);
        if self.closed.load(Ordering::Acquire) {
            return None;
        }
        // SAFETY: not closed, and `close` waits for this call: the logon
        // still holds the support object.
        Some((guard, unsafe { &*(*self.support).lpVtbl }))
    }
}

/// A `NOTIFKEY` (`cb`, then the bytes), 4-byte aligned.
fn notif_key(key: &[u8]) -> MapiResult<Vec<u32>> {
    let mut words = vec![0u32; 1 + key.len().div_ceil(4)];
    words[0] = crate::host::ulong_size(key.len())?;
    for (i, b) in key.iter().enumerate() {
        let w = &mut words[1 + i / 4];
        let mut bytes = w.to_ne_bytes();
        bytes[i % 4] = *b;
        *w = u32::from_ne_bytes(bytes);
    }
    Ok(words)
}

impl SupportChannel for SupportEngine {
    fn subscribe(
        &self,
        key: &[u8],
        event_mask: ULONG,
        sink: &ComPtr<IMAPIAdviseSink>,
    ) -> MapiResult<ULONG_PTR> {
        let (_call, vtbl) = self.enter().ok_or(MapiError::EndOfSession)?;
        let subscribe = vtbl.Subscribe.ok_or(MapiError::NoSupport)?;
        let mut key = notif_key(key)?;
        let mut connection: ULONG_PTR = 0;
        // SAFETY: a live support object and its own slot; the key and
        // out-parameter are valid locals; the sink is live (held).
        let hr = unsafe {
            subscribe(
                self.support,
                key.as_mut_ptr().cast(),
                event_mask,
                0,
                sink.as_raw(),
                &mut connection,
            )
        };
        match MapiError::from_hresult(hr) {
            None => Ok(connection),
            Some(e) => Err(e),
        }
    }

    fn unsubscribe(&self, connection: ULONG_PTR) -> MapiResult<()> {
        let Some((_call, vtbl)) = self.enter() else {
            return Ok(());
        };
        let unsubscribe = vtbl.Unsubscribe.ok_or(MapiError::NoSupport)?;
        // SAFETY: a live support object and its own slot.
        let hr = unsafe { unsubscribe(self.support, connection) };
        MapiError::from_hresult(hr).map_or(Ok(()), Err)
    }

    fn notify(&self, key: &[u8], notifications: &[Notification]) {
        let Some((_call, vtbl)) = self.enter() else {
            return;
        };
        let (Some(notify), Ok(count), Ok(mut key)) = (
            vtbl.Notify,
            ULONG::try_from(notifications.len()),
            notif_key(key),
        ) else {
            return;
        };
        let alloc = HostAllocators::own();
        let Ok(array) = build(&alloc, notifications) else {
            return;
        };
        let mut flags: ULONG = 0;
        // SAFETY: a live support object and its own slot; the key, the
        // array (until `array` drops) and the flags are valid.
        unsafe {
            notify(
                self.support,
                key.as_mut_ptr().cast::<c_void>(),
                count,
                array.as_ptr(),
                &mut flags,
            )
        };
        drop(array);
    }

    fn close(&self) {
        self.closed.store(true, Ordering::Release);
        // Wait for the calls of other threads (this thread's own, if it is
        // logging off from inside one, are further up its stack).
        let mine = MINE.with(Cell::get);
        while self.in_flight.load(Ordering::Acquire) > mine {
            std::thread::yield_now();
        }
    }
}
