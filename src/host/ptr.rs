//! [`ComPtr`]: an owned reference to a COM object implemented by the host.

use std::fmt;
use std::ptr::NonNull;

use crate::mapi::{
    IID_IMAPIAdviseSink, IID_IMAPISup, IID_IMalloc, IID_IProfSect, IID_IProviderAdmin,
    IID_IUnknown, IMAPIAdviseSink, IMAPIAdviseSinkVtbl, IMAPISupport, IMAPISupportVtbl, IMalloc,
    IMallocVtbl, IProfSect, IProfSectVtbl, IProviderAdmin, IProviderAdminVtbl, IUnknown,
    IUnknownVtbl, IID,
};

/// A COM interface as seen from C: a `#[repr(C)]` struct whose only field is
/// a pointer to its vtable.
///
/// # Safety
///
/// Implementors must be `#[repr(C)]` structs whose first field is a pointer
/// to `Self::Vtbl`, and `Self::Vtbl` must be `#[repr(C)]` and begin with the
/// three `IUnknown` slots laid out as [`IUnknownVtbl`].
pub unsafe trait Interface: Sized {
    /// The interface ID.
    const IID: IID;
    /// The vtable type.
    type Vtbl;
}

// SAFETY: `IUnknown` is `#[repr(C)] { lpVtbl: *const IUnknownVtbl }`.
unsafe impl Interface for IUnknown {
    const IID: IID = IID_IUnknown;
    type Vtbl = IUnknownVtbl;
}

// SAFETY: `IMAPISupport` is `#[repr(C)] { lpVtbl }` and its vtable starts
// with QueryInterface, AddRef, Release as `IUnknownVtbl` does.
unsafe impl Interface for IMAPISupport {
    const IID: IID = IID_IMAPISup;
    type Vtbl = IMAPISupportVtbl;
}

// SAFETY: as above, for `IMAPIAdviseSink`.
unsafe impl Interface for IMAPIAdviseSink {
    const IID: IID = IID_IMAPIAdviseSink;
    type Vtbl = IMAPIAdviseSinkVtbl;
}

// SAFETY: as above, for `IMalloc`.
unsafe impl Interface for IMalloc {
    const IID: IID = IID_IMalloc;
    type Vtbl = IMallocVtbl;
}

// SAFETY: as above, for `IProfSect`.
unsafe impl Interface for IProfSect {
    const IID: IID = IID_IProfSect;
    type Vtbl = IProfSectVtbl;
}

// SAFETY: as above, for `IProviderAdmin`.
unsafe impl Interface for IProviderAdmin {
    const IID: IID = IID_IProviderAdmin;
    type Vtbl = IProviderAdminVtbl;
}

/// One counted reference to a host COM object: `clone` calls `AddRef`,
/// `drop` calls `Release` (exactly once per `ComPtr`).
///
/// Built only from pointers whose object, vtable, `AddRef` and `Release`
/// slots are all non-NULL, so holding one never leads to a NULL call.
pub struct ComPtr<I: Interface> {
    ptr: NonNull<I>,
}

// SAFETY: MAPI objects handed to a provider (support objects, advise sinks)
// are free-threaded: MAPI calls providers from any thread and requires the
// objects it passes to be callable from any thread.
unsafe impl<I: Interface> Send for ComPtr<I> {}
// SAFETY: see `Send`; `ComPtr` offers only `&self` access that calls
// thread-safe COM methods.
unsafe impl<I: Interface> Sync for ComPtr<I> {}

impl<I: Interface> ComPtr<I> {
    /// Takes a new reference to `ptr` (calls `AddRef`). `None` when `ptr`,
    /// its vtable, or its `AddRef`/`Release` slots are NULL.
    ///
    /// # Safety
    ///
    /// `ptr` is NULL or points to a live COM object implementing `I`.
    pub unsafe fn from_borrowed(ptr: *mut I) -> Option<Self> {
        // SAFETY: forwarded from the caller.
        let unk = unsafe { Self::unknown_vtbl_of(ptr) }?;
        let (add_ref, _) = (unk.AddRef?, unk.Release?);
        // SAFETY: `ptr` is a live object whose AddRef slot we just read.
        unsafe { add_ref(ptr.cast()) };
        NonNull::new(ptr).map(|ptr| ComPtr { ptr })
    }

    /// Adopts a reference the caller already owns (no `AddRef`). `None`
    /// (and the reference is not released) when the object is unusable, as
    /// for [`ComPtr::from_borrowed`].
    ///
    /// # Safety
    ///
    /// `ptr` is NULL or a live COM object implementing `I` on which the
    /// caller owns one reference, which passes to the `ComPtr`.
    pub unsafe fn from_owned(ptr: *mut I) -> Option<Self> {
        // SAFETY: forwarded from the caller.
        let unk = unsafe { Self::unknown_vtbl_of(ptr) }?;
        unk.AddRef?;
        unk.Release?;
        NonNull::new(ptr).map(|ptr| ComPtr { ptr })
    }

    /// # Safety
    /// `ptr` is NULL or a live COM object implementing `I`.
    unsafe fn unknown_vtbl_of<'a>(ptr: *mut I) -> Option<&'a IUnknownVtbl> {
        if ptr.is_null() {
            return None;
        }
        // SAFETY: `ptr` is a live object of interface `I`, which (trait
        // contract) starts with a vtable pointer whose vtable begins with the
        // IUnknown slots.
        unsafe {
            let vtbl = *ptr.cast::<*const IUnknownVtbl>();
            vtbl.as_ref()
        }
    }

    fn unknown_vtbl(&self) -> &IUnknownVtbl {
        // SAFETY: checked non-NULL at construction; the object is alive
        // while we hold a reference.
        unsafe { &**self.ptr.as_ptr().cast::<*const IUnknownVtbl>() }
    }

    /// The interface's vtable.
    pub fn vtbl(&self) -> &I::Vtbl {
        // SAFETY: the object is alive while we hold a reference, and its
        // first field is a non-NULL pointer to `I::Vtbl` (trait contract,
        // checked at construction).
        unsafe { &**self.ptr.as_ptr().cast::<*const I::Vtbl>() }
    }

    /// The raw interface pointer, still owned by `self`.
    pub fn as_raw(&self) -> *mut I {
        self.ptr.as_ptr()
    }

    /// Gives up ownership: the caller now owns the reference.
    pub fn into_raw(self) -> *mut I {
        let ptr = self.ptr.as_ptr();
        std::mem::forget(self);
        ptr
    }
}

impl<I: Interface> Clone for ComPtr<I> {
    fn clone(&self) -> Self {
        if let Some(add_ref) = self.unknown_vtbl().AddRef {
            // SAFETY: live object, AddRef slot of its own vtable.
            unsafe { add_ref(self.ptr.as_ptr().cast()) };
        }
        ComPtr { ptr: self.ptr }
    }
}

impl<I: Interface> Drop for ComPtr<I> {
    fn drop(&mut self) {
        if let Some(release) = self.unknown_vtbl().Release {
            // SAFETY: we own one reference to this live object and give it
            // back exactly once.
            unsafe { release(self.ptr.as_ptr().cast()) };
        }
    }
}

impl<I: Interface> fmt::Debug for ComPtr<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ComPtr<{}>({:p})", I::IID, self.ptr)
    }
}
