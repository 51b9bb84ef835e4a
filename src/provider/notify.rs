//! Notifications: what a provider tells the host's advise sinks, who keeps
//! the sinks, and when they are called.
//!
//! - [`Notification`]: one event (`NOTIFICATION`), as safe values.
//! - [`Sink`]: one host advise sink (`IMAPIAdviseSink`), callable from safe
//!   code; the boundary builds the `NOTIFICATION` array and calls
//!   `OnNotify`. Dropping the last clone releases the host's sink.
//! - [`Notifier`]: one logon's store and logon advise registrations
//!   (`IMsgStore::Advise`, `IMSLogon::Advise`). A provider publishes events
//!   under notification keys (entry IDs); the notifier hands each to the
//!   sinks registered on that key, or, when the host's support object
//!   implements `Subscribe`/`Notify`, to MAPI's notification engine
//!   (`IMAPISupport::Notify`), as Microsoft's sample store does.
//!
//! **When sinks are called.** Never while a lock is held: a delivery made
//! while a host call is inside the library (any vtable slot) waits until
//! that call has let go of every lock and is about to return to the host
//! ([`Door`]); from outside any call it happens at once. A sink may call
//! back into the table or store, `Unadvise`, release itself, or log off.

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::PropValue;
use crate::host::ComPtr;
use crate::mapi::{
    fnevNewMail, fnevTableModified, IMAPIAdviseSink, MapiError, MapiResult, HRESULT, ULONG,
    ULONG_PTR,
};

/// An object event (`OBJECT_NOTIFICATION`): `fnevObjectCreated`,
/// `fnevObjectDeleted`, `fnevObjectModified`, `fnevObjectMoved`,
/// `fnevObjectCopied`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectNotification {
    /// `fnevObject*`.
    pub event: ULONG,
    /// The object's (long-term) entry ID; for a copy, the new object's.
    pub entry_id: Vec<u8>,
    /// `MAPI_FOLDER`, `MAPI_MESSAGE`...
    pub object_type: ULONG,
    /// Its parent folder's entry ID (after a move or copy: the new one).
    pub parent_id: Vec<u8>,
    /// For a move or copy: its entry ID before (empty otherwise).
    pub old_id: Vec<u8>,
    /// For a move or copy: its parent before (empty otherwise).
    pub old_parent_id: Vec<u8>,
    /// The properties that changed, when known (`lpPropTagArray`).
    pub prop_tags: Option<Vec<ULONG>>,
}

/// A new-mail event (`NEWMAIL_NOTIFICATION`, `fnevNewMail`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMailNotification {
    /// The message's entry ID.
    pub entry_id: Vec<u8>,
    /// Its folder's entry ID.
    pub parent_id: Vec<u8>,
    /// Its `PR_MESSAGE_CLASS`.
    pub message_class: String,
    /// Its `PR_MESSAGE_FLAGS`.
    pub message_flags: ULONG,
    /// The class is delivered wide (`MAPI_UNICODE`).
    pub unicode: bool,
}

/// A table event (`TABLE_NOTIFICATION`, `fnevTableModified`).
#[derive(Clone, Debug, PartialEq)]
pub struct TableNotification {
    /// `TABLE_ROW_ADDED`, `TABLE_ROW_DELETED`, `TABLE_ROW_MODIFIED`,
    /// `TABLE_RELOAD`...
    pub event: ULONG,
    /// For `TABLE_ERROR`: the error.
    pub hresult: HRESULT,
    /// The row's `PR_INSTANCE_KEY` (row events).
    pub index: Option<PropValue>,
    /// The `PR_INSTANCE_KEY` of the row now before it; `None`: it is first
    /// (`PR_NULL`).
    pub prior: Option<PropValue>,
    /// The row's columns (added and modified rows).
    pub row: Vec<(ULONG, Option<PropValue>)>,
}

/// One notification (`NOTIFICATION`).
#[derive(Clone, Debug, PartialEq)]
pub enum Notification {
    /// `fnevObject*`.
    Object(ObjectNotification),
    /// `fnevNewMail`.
    NewMail(NewMailNotification),
    /// `fnevTableModified`.
    Table(TableNotification),
}

impl Notification {
    /// Its `ulEventType`.
    pub fn event_type(&self) -> ULONG {
        match self {
            Notification::Object(o) => o.event,
            Notification::NewMail(_) => fnevNewMail,
            Notification::Table(_) => fnevTableModified,
        }
    }
}

/// What the boundary implements for a host advise sink: builds the
/// `NOTIFICATION` array (in memory the library owns and frees after the
/// call) and calls `OnNotify`.
pub trait SinkTarget: Send + Sync {
    /// Calls the sink's `OnNotify` with `notifications`.
    fn on_notify(&self, notifications: &[Notification]);
}

/// One host advise sink. Clones share it; the host's sink is released
/// when the last clone goes.
#[derive(Clone)]
pub struct Sink(Arc<dyn SinkTarget>);

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sink({:p})", Arc::as_ptr(&self.0))
    }
}

impl Sink {
    /// A sink that delivers through `target`.
    pub fn new(target: Arc<dyn SinkTarget>) -> Self {
        Sink(target)
    }

    /// Delivers `notifications` (nothing when empty): at once from outside
    /// any host call, else when the current host call is about to return
    /// ([`Door`]).
    pub fn deliver(&self, notifications: Vec<Notification>) {
        if notifications.is_empty() {
            return;
        }
        let target = self.0.clone();
        defer(Box::new(move || target.on_notify(&notifications)));
    }
}

/// A delivery waiting for the host call to return.
type Delivery = Box<dyn FnOnce()>;

thread_local! {
    /// How many host calls into the library this thread is inside, times
    /// two, plus one while deliveries wait (one word: the door costs a
    /// couple of instructions each way when nothing waits).
    static DOOR: Cell<u32> = const { Cell::new(0) };
    /// Deliveries waiting for the outermost call to return.
    static PENDING: RefCell<Vec<Delivery>> = const { RefCell::new(Vec::new()) };
}

/// [`DOOR`]'s flag: deliveries wait.
const WAITING: u32 = 1;
/// [`DOOR`]'s unit: one call deep.
const CALL: u32 = 2;

/// Runs `delivery` now, or when the outermost host call returns.
fn defer(delivery: Delivery) {
    let door = DOOR.with(Cell::get);
    if door < CALL {
        run(delivery);
    } else {
        PENDING.with(|p| p.borrow_mut().push(delivery));
        DOOR.with(|d| d.set(door | WAITING));
    }
}

/// A delivery calls the host: a panic on our side of it is contained.
fn run(delivery: Delivery) {
    let _ = catch_unwind(AssertUnwindSafe(delivery));
}

/// A host call in progress (the boundary holds one around every slot):
/// deliveries made meanwhile wait until the outermost one ends, after
/// every lock of the call has been released.
pub struct Door(());

impl Door {
    /// Enters a host call.
    #[inline(always)]
    pub fn enter() -> Door {
        DOOR.with(|d| d.set(d.get() + CALL));
        Door(())
    }
}

impl Drop for Door {
    #[inline(always)]
    fn drop(&mut self) {
        let door = DOOR.with(|d| {
            let n = d.get() - CALL;
            d.set(n);
            n
        });
        // The outermost call, with deliveries waiting.
        if door == WAITING {
            flush();
        }
    }
}

/// Runs every waiting delivery (each may enter the library again: what
/// that call delivers runs when it returns).
#[cold]
fn flush() {
    loop {
        let waiting = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        DOOR.with(|d| d.set(d.get() & !WAITING));
        if waiting.is_empty() {
            return;
        }
        for delivery in waiting {
            run(delivery);
        }
    }
}

/// The host's notification engine (`IMAPISupport::Subscribe`,
/// `Unsubscribe`, `Notify`), implemented by the boundary over the support
/// object.
pub trait SupportChannel: Send + Sync {
    /// `Subscribe(key, mask, sink)`: `MAPI_E_NO_SUPPORT` when the host's
    /// support object has no engine.
    fn subscribe(
        &self,
        key: &[u8],
        event_mask: ULONG,
        sink: &ComPtr<IMAPIAdviseSink>,
    ) -> MapiResult<ULONG_PTR>;
    /// `Unsubscribe(connection)`.
    fn unsubscribe(&self, connection: ULONG_PTR) -> MapiResult<()>;
    /// `Notify(key, notifications)`.
    fn notify(&self, key: &[u8], notifications: &[Notification]);
    /// Called at teardown: the support object may not be used any more.
    fn close(&self);
}

/// One direct registration.
struct Registration {
    connection: ULONG_PTR,
    key: Vec<u8>,
    event_mask: ULONG,
    sink: Sink,
}

struct NotifierState {
    closed: bool,
    next: ULONG_PTR,
    /// Registrations whose sinks the notifier keeps.
    direct: Vec<Registration>,
    /// Connections from the host engine's `Subscribe`.
    subscribed: Vec<ULONG_PTR>,
    /// The host's engine answered `MAPI_E_NO_SUPPORT`: not asked again.
    no_engine: bool,
}

/// One logon's store and logon advise registrations (see the module
/// documentation). Made by the logon at its first `Advise`; a provider
/// gets it with [`super::LogonProvider::advise_key`] and publishes events
/// with [`Notifier::publish`].
pub struct Notifier {
    state: Mutex<NotifierState>,
    channel: Mutex<Option<Arc<dyn SupportChannel>>>,
}

impl Default for Notifier {
    fn default() -> Self {
        Notifier {
            state: Mutex::new(NotifierState {
                closed: false,
                next: 0,
                direct: Vec::new(),
                subscribed: Vec::new(),
                no_engine: false,
            }),
            channel: Mutex::new(None),
        }
    }
}

impl std::fmt::Debug for Notifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Notifier({} registrations)", self.len())
    }
}

impl Notifier {
    fn state(&self) -> MutexGuard<'_, NotifierState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn channel(&self) -> Option<Arc<dyn SupportChannel>> {
        self.channel
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Routes registrations through the host's notification engine when
    /// it has one (tried at the first `advise`).
    pub fn set_channel(&self, channel: Arc<dyn SupportChannel>) {
        *self.channel.lock().unwrap_or_else(PoisonError::into_inner) = Some(channel);
    }

    /// Whether a host engine was attached ([`Notifier::set_channel`]).
    pub fn has_channel(&self) -> bool {
        self.channel
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// How many registrations are open.
    pub fn len(&self) -> usize {
        let st = self.state();
        st.direct.len() + st.subscribed.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many registrations went through the host's engine.
    pub fn subscribed(&self) -> usize {
        self.state().subscribed.len()
    }

    /// `Advise`: registers the host's `host_sink` for `event_mask` on
    /// `key` with the host's engine if it has one, else keeps it (as
    /// `sink(host_sink)`); a non-zero connection. `MAPI_E_INVALID_PARAMETER`
    /// for an empty mask; `MAPI_E_END_OF_SESSION` after teardown.
    pub fn advise(
        &self,
        key: Vec<u8>,
        event_mask: ULONG,
        host_sink: ComPtr<IMAPIAdviseSink>,
        sink: impl FnOnce(ComPtr<IMAPIAdviseSink>) -> Sink,
    ) -> MapiResult<ULONG_PTR> {
        if event_mask == 0 {
            return Err(MapiError::InvalidParameter);
        }
        let ask_engine = {
            let st = self.state();
            if st.closed {
                return Err(MapiError::EndOfSession);
            }
            !st.no_engine
        };
        if let Some(channel) = self.channel().filter(|_| ask_engine) {
            // A host call: no lock held.
            match channel.subscribe(&key, event_mask, &host_sink) {
                Ok(connection) => {
                    let mut st = self.state();
                    if st.closed {
                        drop(st);
                        let _ = channel.unsubscribe(connection);
                        return Err(MapiError::EndOfSession);
                    }
                    st.subscribed.push(connection);
                    return Ok(connection);
                }
                Err(MapiError::NoSupport) => self.state().no_engine = true,
                Err(e) => return Err(e),
            }
        }
        let sink = sink(host_sink);
        let mut st = self.state();
        let connection = match st.next.checked_add(1) {
            Some(c) if !st.closed => c,
            next => {
                drop(st);
                drop(sink); // released outside the lock
                return Err(if next.is_some() {
                    MapiError::EndOfSession
                } else {
                    MapiError::NotEnoughMemory
                });
            }
        };
        st.next = connection;
        st.direct.push(Registration {
            connection,
            key,
            event_mask,
            sink,
        });
        Ok(connection)
    }

    /// `Unadvise`: `MAPI_E_NOT_FOUND` for a connection this logon did not
    /// hand out (or already dropped).
    pub fn unadvise(&self, connection: ULONG_PTR) -> MapiResult<()> {
        let removed = {
            let mut st = self.state();
            if st.closed {
                return Err(MapiError::EndOfSession);
            }
            if let Some(at) = st.direct.iter().position(|x| x.connection == connection) {
                Some(st.direct.swap_remove(at))
            } else {
                let at = st
                    .subscribed
                    .iter()
                    .position(|&x| x == connection)
                    .ok_or(MapiError::NotFound)?;
                st.subscribed.swap_remove(at);
                None
            }
        };
        match removed {
            // The host's Release, outside the lock.
            Some(registration) => drop(registration),
            None => {
                if let Some(channel) = self.channel() {
                    channel.unsubscribe(connection)?;
                }
            }
        }
        Ok(())
    }

    /// Publishes `events`, each with the keys it concerns (the store's,
    /// the object's, its parent's...): every registration on one of them
    /// whose mask has the event gets it, in order, in one `OnNotify` per
    /// sink (through the host's engine: one `IMAPISupport::Notify` per
    /// key).
    pub fn publish(&self, events: &[(Vec<Vec<u8>>, Notification)]) {
        if events.is_empty() {
            return;
        }
        let (deliveries, engine): (Vec<(Sink, Vec<Notification>)>, bool) = {
            let st = self.state();
            if st.closed {
                return;
            }
            let direct = st
                .direct
                .iter()
                .filter_map(|reg| {
                    let mine: Vec<Notification> = events
                        .iter()
                        .filter(|(keys, n)| {
                            reg.event_mask & n.event_type() != 0 && keys.contains(&reg.key)
                        })
                        .map(|(_, n)| n.clone())
                        .collect();
                    (!mine.is_empty()).then(|| (reg.sink.clone(), mine))
                })
                .collect();
            (direct, !st.subscribed.is_empty())
        };
        for (sink, notifications) in deliveries {
            sink.deliver(notifications);
        }
        let Some(channel) = self.channel().filter(|_| engine) else {
            return;
        };
        // Through MAPI's engine: one Notify per key.
        let mut keys: Vec<&Vec<u8>> = events.iter().flat_map(|(k, _)| k).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let mine: Vec<Notification> = events
                .iter()
                .filter(|(k, _)| k.contains(key))
                .map(|(_, n)| n.clone())
                .collect();
            let channel = channel.clone();
            let key = key.clone();
            defer(Box::new(move || channel.notify(&key, &mine)));
        }
    }

    /// Teardown: every direct sink is released (once), every subscription
    /// with the host's engine dropped, and nothing registers any more.
    pub fn close(&self) {
        let (direct, subscribed) = {
            let mut st = self.state();
            st.closed = true;
            (
                std::mem::take(&mut st.direct),
                std::mem::take(&mut st.subscribed),
            )
        };
        let channel = self
            .channel
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        drop(direct);
        if let Some(channel) = channel {
            for c in subscribed {
                let _ = channel.unsubscribe(c);
            }
            channel.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Default)]
    struct Recorder {
        got: Mutex<Vec<Vec<Notification>>>,
        depth_seen: AtomicUsize,
    }

    impl SinkTarget for Recorder {
        fn on_notify(&self, n: &[Notification]) {
            self.depth_seen
                .store((DOOR.with(Cell::get) / CALL) as usize, Ordering::SeqCst);
            self.got.lock().unwrap().push(n.to_vec());
        }
    }

    fn note(event: ULONG, id: u8) -> Notification {
        Notification::Object(ObjectNotification {
            event,
            entry_id: vec![id],
            object_type: 5,
            parent_id: vec![0],
            old_id: Vec::new(),
            old_parent_id: Vec::new(),
            prop_tags: None,
        })
    }

    #[test]
    fn deliveries_wait_for_the_outermost_door() {
        let r = Arc::new(Recorder::default());
        let sink = Sink::new(r.clone());
        {
            let _outer = Door::enter();
            {
                let _inner = Door::enter();
                sink.deliver(vec![note(crate::mapi::fnevObjectCreated, 1)]);
            }
            assert!(r.got.lock().unwrap().is_empty(), "delivered inside a call");
        }
        assert_eq!(r.got.lock().unwrap().len(), 1);
        assert_eq!(r.depth_seen.load(Ordering::SeqCst), 0);
        // Outside any call: at once.
        sink.deliver(vec![note(crate::mapi::fnevObjectDeleted, 1)]);
        assert_eq!(r.got.lock().unwrap().len(), 2);
        // Nothing to deliver: no call.
        sink.deliver(Vec::new());
        assert_eq!(r.got.lock().unwrap().len(), 2);
    }
}
