//! [`ComObject`]: a Rust value exposed to C as `{ lpVtbl, ... }`, with the
//! host-visible COM reference count, an internal pin count that keeps the
//! memory alive, and the generic `IUnknown` thunks.

use std::ffi::c_void;
use std::fmt;
use std::ops::Deref;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr::{self, NonNull};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::boundary::{boundary, hresult, quiet_boundary};
use super::refcount::{RefCount, Released};
use crate::mapi::{IID_IUnknown, MapiError, MapiResult, HRESULT, IID, ULONG};

/// How many objects [`ComObject::create`] made that are not yet destroyed.
static LIVE_OBJECTS: AtomicUsize = AtomicUsize::new(0);

/// The number of COM objects this library created that have not been
/// destroyed yet, process-wide: a leak check for hosts and tests.
pub fn live_objects() -> usize {
    LIVE_OBJECTS.load(Ordering::SeqCst)
}

/// A Rust type that C sees as a COM object.
///
/// # Safety
///
/// `Interface` is a `#[repr(C)]` struct whose first field is a vtable
/// pointer, and `VTBL` is a vtable whose slots are thunks that expect the
/// object behind `this` to be a [`ComObject<Self>`].
pub unsafe trait ComClass: Send + Sync + Sized + 'static {
    /// The C interface struct (`{ lpVtbl }`).
    type Interface;
    /// The C vtable.
    type Vtbl: Sync + 'static;
    /// The one vtable of every object of this class.
    const VTBL: &'static Self::Vtbl;
    /// The interfaces `QueryInterface` answers besides `IUnknown`; they all
    /// share the one vtable (each extends the previous).
    const IIDS: &'static [IID];

    /// Called once when the host's last reference goes, with only a shared
    /// borrow: calls from the host back into the object (a stray `Logoff`,
    /// `Release`) are still safe here, and so is anything pinning it.
    fn final_release(&self) {}

    /// Whether the object still answers: `QueryInterface` fails with this
    /// error (and writes `*ppv = NULL`) for an object disconnected by a
    /// forcible Logoff.
    fn alive(&self) -> MapiResult<()> {
        Ok(())
    }

    /// Called by the boundary when a method of this object fails, with the
    /// error and, for a caught panic, its message: the material of
    /// `GetLastError`.
    fn record_error(&self, error: MapiError, panic_message: Option<&str>) {
        let _ = (error, panic_message);
    }
}

/// `{ lpVtbl, refs, pins, value }`: the memory behind an interface pointer
/// this crate hands out.
///
/// - `refs` is COM's reference count, the host's `AddRef`/`Release`; when
///   it reaches zero the object is finalised ([`ComClass::final_release`]).
/// - `pins` keeps the memory: one pin stands for all of `refs` while it is
///   non-zero, others are held by [`Pinned`] handles (another object of
///   this library that needs this one, or a call in progress that must
///   survive the host releasing its last reference). The memory is freed
///   when the last pin goes.
#[repr(C)]
pub struct ComObject<T: ComClass> {
    vtbl: &'static T::Vtbl,
    refs: RefCount,
    pins: RefCount,
    /// The allocation's own address, as `Box::into_raw` returned it: every
    /// pointer handed out (interface pointers, pins) derives from it, so
    /// whoever frees the object through one holds the allocation's full
    /// provenance, never one narrowed by a `&self` borrow.
    this: SelfPtr<T>,
    value: T,
}

/// See [`ComObject::this`]; set once, before any reference to the object
/// exists.
struct SelfPtr<T: ComClass>(*mut ComObject<T>);

// SAFETY: a plain address, written once at creation and only read after;
// what may be done through it is governed by the refs/pins protocol.
unsafe impl<T: ComClass> Send for SelfPtr<T> {}
// SAFETY: as above.
unsafe impl<T: ComClass> Sync for SelfPtr<T> {}

impl<T: ComClass> ComObject<T> {
    /// Moves `value` to the heap with one COM reference, owned by the
    /// caller.
    pub fn create(value: T) -> *mut T::Interface {
        let obj = Box::new(ComObject {
            vtbl: T::VTBL,
            refs: RefCount::new(),
            pins: RefCount::new(),
            this: SelfPtr(ptr::null_mut()),
            value,
        });
        LIVE_OBJECTS.fetch_add(1, Ordering::Relaxed);
        let raw = Box::into_raw(obj);
        // SAFETY: `raw` is the fresh, exclusively owned allocation; no
        // reference to it exists yet.
        unsafe { (*raw).this = SelfPtr(raw) };
        raw.cast()
    }

    /// Like [`ComObject::create`], also returning a pin of the new object.
    pub fn create_pinned(value: T) -> (*mut T::Interface, Pinned<T>) {
        let iface = Self::create(value);
        // SAFETY: just created, alive, one reference held by the caller.
        let obj = unsafe { &*iface.cast::<Self>() };
        (iface, obj.pin())
    }

    /// The object behind `this`, if `this` is non-NULL.
    ///
    /// There is no reliable way to recognise a foreign object: the address
    /// of `T::VTBL` is not unique (a constant may be duplicated, e.g. by the
    /// release-mode optimiser), so, as in every COM implementation, a
    /// non-NULL `this` is trusted to be an object of this class.
    ///
    /// # Safety
    ///
    /// `this` is NULL or points to a live `ComObject<T>` made by
    /// [`ComObject::create`].
    pub unsafe fn from_interface<'a>(this: *mut T::Interface) -> Option<&'a Self> {
        // SAFETY: non-NULL `this` is a live `ComObject<T>` (caller), kept
        // alive by the caller's reference.
        unsafe { this.cast::<Self>().as_ref() }
    }

    /// The wrapped value.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The interface pointer for this object (no new reference).
    pub fn as_interface(&self) -> *mut T::Interface {
        self.this.0.cast()
    }

    /// Current COM reference count (for diagnostics).
    pub fn ref_count(&self) -> ULONG {
        self.refs.get()
    }

    /// Adds a COM reference unless the host's references are all gone.
    pub fn try_add_ref(&self) -> Option<ULONG> {
        self.refs.try_add_ref()
    }

    /// A new COM reference for the caller (e.g. an out-parameter), or
    /// `MAPI_E_INVALID_OBJECT` when the object is being finalised.
    pub fn new_reference(&self) -> Result<*mut T::Interface, MapiError> {
        self.try_add_ref().ok_or(MapiError::InvalidObject)?;
        Ok(self.as_interface())
    }

    /// Pins the memory: it stays allocated until the [`Pinned`] is dropped,
    /// whatever the host does with its references.
    pub fn pin(&self) -> Pinned<T> {
        // The caller's `&self` proves at least one pin exists, so this
        // cannot resurrect a freed object: a plain increment.
        self.pins.add_ref();
        Pinned {
            // SAFETY: the allocation's own non-NULL address.
            ptr: unsafe { NonNull::new_unchecked(self.this.0) },
        }
    }

    /// Runs `body` with the object pinned, so that its memory survives the
    /// host releasing its last reference from inside `body` (as MAPI does
    /// from the support object's `Release`). The pin goes after `body` and
    /// its borrow have ended.
    ///
    /// # Safety
    ///
    /// As [`boundary`].
    #[inline(always)]
    pub unsafe fn stabilized<R: super::boundary::FfiReturn>(
        this: *mut T::Interface,
        body: impl FnOnce(&ComObject<T>) -> R,
    ) -> R {
        // SAFETY: forwarded from the caller.
        let pin = unsafe { quiet_boundary::<T, _>(this, |obj| Ok(obj.pin())) };
        // SAFETY: forwarded; the object is alive (the caller's reference,
        // and our pin).
        let result = unsafe { boundary(this, body) };
        drop(pin);
        result
    }
}

/// A strong internal handle on a [`ComObject`]: the memory stays allocated
/// while any `Pinned` exists. It does not count as a COM reference (the
/// object may be finalised meanwhile: its methods then answer
/// `MAPI_E_END_OF_SESSION` or the like, but remain safe to call).
pub struct Pinned<T: ComClass> {
    ptr: NonNull<ComObject<T>>,
}

// SAFETY: `ComObject<T>` is shared between threads only through `&`, and
// `T: Send + Sync` (ComClass bound); the counts are atomic.
unsafe impl<T: ComClass> Send for Pinned<T> {}
// SAFETY: as above.
unsafe impl<T: ComClass> Sync for Pinned<T> {}

impl<T: ComClass> Deref for Pinned<T> {
    type Target = ComObject<T>;
    fn deref(&self) -> &ComObject<T> {
        // SAFETY: the pin keeps the allocation alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: ComClass> Clone for Pinned<T> {
    fn clone(&self) -> Self {
        (**self).pin()
    }
}

impl<T: ComClass> Drop for Pinned<T> {
    fn drop(&mut self) {
        // SAFETY: we hold a pin on this live allocation and give it back
        // exactly once; no borrow of it outlives this call.
        unsafe { unpin::<T>(self.ptr.as_ptr()) }
    }
}

impl<T: ComClass> fmt::Debug for Pinned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pinned({:p})", self.ptr)
    }
}

/// `IUnknown::QueryInterface` for any [`ComClass`].
///
/// # Safety
///
/// Called by C through the vtable: `this` NULL or a live object, `riid`
/// NULL or a readable IID, `ppv` NULL or writable.
pub unsafe extern "system" fn query_interface<T: ComClass>(
    this: *mut T::Interface,
    riid: *const IID,
    ppv: *mut *mut c_void,
) -> HRESULT {
    if ppv.is_null() {
        return MapiError::InvalidParameter.hresult();
    }
    // SAFETY: `ppv` is non-NULL and, per COM, writable.
    unsafe { *ppv = ptr::null_mut() };
    // SAFETY: `this` is NULL or live, `riid` NULL or a readable IID
    // (caller).
    let result = unsafe {
        quiet_boundary::<T, _>(this, |obj| {
            if riid.is_null() {
                return Err(MapiError::InvalidParameter);
            }
            // SAFETY: non-NULL, and a readable IID (caller); read as the
            // 16 bytes it is, whatever its alignment.
            let iid = ptr::read_unaligned(riid.cast::<u128>());
            obj.value().alive()?;
            if iid != iid_bits(&IID_IUnknown) && !T::IIDS.iter().any(|i| iid == iid_bits(i)) {
                return Err(MapiError::InterfaceNotSupported);
            }
            // The host calls through a reference it owns: the count is
            // not zero unless the object is being destroyed.
            obj.refs.add_ref().ok_or(MapiError::InvalidObject)?;
            Ok(obj.as_interface())
        })
    };
    match result {
        Ok(p) => {
            // SAFETY: as above.
            unsafe { *ppv = p.cast() };
            hresult(Ok(()))
        }
        Err(e) => e.hresult(),
    }
}

/// An IID's 16 bytes as one number (as they lie in memory), so that
/// `QueryInterface` compares two words, not four fields.
#[inline(always)]
const fn iid_bits(iid: &IID) -> u128 {
    let a = iid.data1.to_ne_bytes();
    let b = iid.data2.to_ne_bytes();
    let c = iid.data3.to_ne_bytes();
    let d = iid.data4;
    u128::from_ne_bytes([
        a[0], a[1], a[2], a[3], b[0], b[1], c[0], c[1], d[0], d[1], d[2], d[3], d[4], d[5], d[6],
        d[7],
    ])
}

/// `IUnknown::AddRef` for any [`ComClass`]: the new count (0 for a NULL
/// `this`, or an object being finalised).
///
/// No [`quiet_boundary`]: nothing here can panic (one atomic increment),
/// so there is nothing to catch, and no failure to record.
///
/// # Safety
///
/// `this` NULL or a live object.
pub unsafe extern "system" fn add_ref<T: ComClass>(this: *mut T::Interface) -> ULONG {
    // SAFETY: forwarded from the caller.
    match unsafe { ComObject::<T>::from_interface(this) } {
        Some(obj) => obj.refs.add_ref().unwrap_or(0),
        None => 0,
    }
}

/// `IUnknown::Release` for any [`ComClass`]: the new count; at zero the
/// object is finalised, and freed unless something still pins it.
///
/// No [`quiet_boundary`]: the count is one atomic decrement that cannot
/// panic, and [`finalize`] catches what the final release may throw.
///
/// # Safety
///
/// `this` NULL or a live object on which the caller owns a reference.
pub unsafe extern "system" fn release<T: ComClass>(this: *mut T::Interface) -> ULONG {
    // SAFETY: forwarded from the caller.
    let Some(obj) = (unsafe { ComObject::<T>::from_interface(this) }) else {
        return 0;
    };
    match obj.refs.release_hot() {
        Ok(n) => n,
        // SAFETY: forwarded; the borrow `obj` is not used again.
        Err(old) => unsafe { release_cold::<T>(this.cast::<ComObject<T>>(), old) },
    }
}

/// The rest of a `Release` that did not leave a live count (`old` is the
/// count before it): the last one finalises. Out of line, so that the
/// common `Release` needs no stack frame.
///
/// # Safety
///
/// As [`release`]; `obj` is that object, no borrow of it is used after.
#[cold]
#[inline(never)]
unsafe fn release_cold<T: ComClass>(obj: *mut ComObject<T>, old: u32) -> ULONG {
    // SAFETY: alive: the caller's reference, now given back, stood for
    // the pin the object keeps until `finalize` gives it back.
    match unsafe { (*obj).refs.settle(old) } {
        Released::Alive(n) => n,
        Released::AlreadyZero => 0,
        Released::Last => {
            // SAFETY: forwarded.
            unsafe { finalize::<T>(obj) };
            0
        }
    }
}

#[cold]
#[inline(never)]
unsafe fn finalize<T: ComClass>(obj: *mut ComObject<T>) {
    // Finalise through a shared borrow: the host may call back in.
    // SAFETY: the refs' pin keeps the object allocated until the
    // `unpin` below.
    let _ = catch_unwind(AssertUnwindSafe(|| unsafe { (*obj).value.final_release() }));
    // SAFETY: gives back the pin that stood for the COM references;
    // no borrow of the object is alive any more.
    unsafe { unpin::<T>(obj) };
}

/// Drops one pin; frees the object with the last.
///
/// # Safety
///
/// `obj` is a live object from [`ComObject::create`] on which the caller
/// holds a pin, and keeps no borrow of it.
unsafe fn unpin<T: ComClass>(obj: *mut ComObject<T>) {
    // SAFETY: alive while we hold our pin (caller).
    let last = unsafe { (*obj).pins.release() } == Released::Last;
    if last {
        // SAFETY: that was the last pin: we own the allocation now.
        let boxed = unsafe { Box::from_raw(obj) };
        // A panicking Drop would leak what is left, never unwind into C.
        let _ = catch_unwind(AssertUnwindSafe(move || drop(boxed)));
        LIVE_OBJECTS.fetch_sub(1, Ordering::Release);
    }
}
