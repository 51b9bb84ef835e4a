//! [`ComObject`]: a Rust value exposed to C as `{ lpVtbl, ... }` with an
//! atomic reference count, and the generic `IUnknown` thunks.

use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::boundary::{boundary, hresult};
use super::refcount::{RefCount, Released};
use crate::mapi::{IID_IUnknown, MapiError, HRESULT, IID, ULONG};

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

    /// Called once when the last reference goes, before the value is
    /// dropped, with only a shared borrow: calls from the host back into the
    /// object (a stray `Logoff`, `Release`) are still safe here.
    fn final_release(&self) {}
}

/// `{ lpVtbl, refcount, value }`: the memory behind an interface pointer
/// this crate hands out.
#[repr(C)]
pub struct ComObject<T: ComClass> {
    vtbl: &'static T::Vtbl,
    refs: RefCount,
    value: T,
}

impl<T: ComClass> ComObject<T> {
    /// Moves `value` to the heap with one reference, owned by the caller.
    pub fn create(value: T) -> *mut T::Interface {
        let obj = Box::new(ComObject {
            vtbl: T::VTBL,
            refs: RefCount::new(),
            value,
        });
        LIVE_OBJECTS.fetch_add(1, Ordering::Relaxed);
        Box::into_raw(obj).cast()
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
        ptr::from_ref(self).cast_mut().cast()
    }

    /// Current reference count (for diagnostics).
    pub fn ref_count(&self) -> ULONG {
        self.refs.get()
    }

    /// Adds a reference unless the object is being destroyed.
    pub fn try_add_ref(&self) -> Option<ULONG> {
        self.refs.try_add_ref()
    }

    /// Runs `body` with an extra reference held, so that the object cannot
    /// be freed under the call even if the host releases its last reference
    /// from inside `body` (as MAPI does from the support object's Release).
    /// The extra reference is dropped after `body` and its borrow are gone.
    ///
    /// # Safety
    ///
    /// As [`boundary`].
    pub unsafe fn stabilized<R: super::boundary::FfiReturn>(
        this: *mut T::Interface,
        body: impl FnOnce(&ComObject<T>) -> R,
    ) -> R {
        // SAFETY: forwarded from the caller.
        let pinned = unsafe { boundary::<T, _>(this, |obj| Ok(obj.try_add_ref())) };
        // SAFETY: forwarded; the object is alive (the caller's reference,
        // plus ours when `pinned`).
        let result = unsafe { boundary(this, body) };
        if let Ok(Some(_)) = pinned {
            // SAFETY: gives back the reference taken above; `body`'s borrow
            // has ended.
            unsafe { release::<T>(this) };
        }
        result
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
        boundary::<T, _>(this, |obj| {
            let iid = riid.as_ref().ok_or(MapiError::InvalidParameter)?;
            if *iid != IID_IUnknown && !T::IIDS.contains(iid) {
                return Err(MapiError::InterfaceNotSupported);
            }
            obj.try_add_ref().ok_or(MapiError::InvalidObject)?;
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

/// `IUnknown::AddRef` for any [`ComClass`]: the new count (0 for a NULL
/// `this`, or an object being destroyed).
///
/// # Safety
///
/// `this` NULL or a live object.
pub unsafe extern "system" fn add_ref<T: ComClass>(this: *mut T::Interface) -> ULONG {
    // SAFETY: forwarded from the caller.
    unsafe { boundary::<T, _>(this, |obj| obj.try_add_ref().unwrap_or(0)) }
}

/// `IUnknown::Release` for any [`ComClass`]: the new count; at zero the
/// object is finalised and freed.
///
/// # Safety
///
/// `this` NULL or a live object on which the caller owns a reference.
pub unsafe extern "system" fn release<T: ComClass>(this: *mut T::Interface) -> ULONG {
    // SAFETY: forwarded from the caller.
    let released = unsafe { boundary::<T, _>(this, |obj| Ok(obj.refs.release())) };
    match released {
        Ok(Released::Alive(n)) => n,
        Ok(Released::AlreadyZero) | Err(_) => 0,
        Ok(Released::Last) => {
            // SAFETY: that was the last reference; no borrow of the object
            // is alive any more.
            unsafe { destroy::<T>(this.cast()) };
            0
        }
    }
}

/// # Safety
///
/// `obj` came from [`ComObject::create`] and its count just reached zero.
unsafe fn destroy<T: ComClass>(obj: *mut ComObject<T>) {
    // Finalise through a shared borrow: the host may call back in.
    // SAFETY: the object is still allocated; shared access only.
    let _ = catch_unwind(AssertUnwindSafe(|| unsafe { (*obj).value.final_release() }));
    // SAFETY: we own the allocation now; nothing else refers to it.
    let boxed = unsafe { Box::from_raw(obj) };
    // A panicking Drop would leak what is left, never unwind into C.
    let _ = catch_unwind(AssertUnwindSafe(move || drop(boxed)));
    LIVE_OBJECTS.fetch_sub(1, Ordering::Release);
}
