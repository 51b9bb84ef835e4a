//! The one door between C and Rust: every vtable thunk enters through
//! [`boundary`], which checks `this`, catches panics and maps the result to
//! what C expects.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::object::{ComClass, ComObject};
use crate::mapi::{MapiError, MapiResult, HRESULT, S_OK, ULONG};

/// What a thunk's body produces, and what C gets when `this` is unusable or
/// the body panicked.
pub trait FfiReturn {
    /// The answer for a NULL `this`.
    fn bad_this() -> Self;
    /// The answer when the body panicked.
    fn panicked() -> Self;
}

impl<T> FfiReturn for MapiResult<T> {
    fn bad_this() -> Self {
        Err(MapiError::InvalidParameter)
    }
    fn panicked() -> Self {
        Err(MapiError::CallFailed)
    }
}

/// `AddRef`/`Release` answer 0 when they cannot do anything.
impl FfiReturn for ULONG {
    fn bad_this() -> Self {
        0
    }
    fn panicked() -> Self {
        0
    }
}

/// Runs `body` on the object behind `this`, or answers
/// [`FfiReturn::bad_this`] when `this` is NULL, or
/// [`FfiReturn::panicked`] when `body` panics: nothing unwinds into C.
///
/// # Safety
///
/// `this` is NULL or points to a live `ComObject<T>`.
pub unsafe fn boundary<T: ComClass, R: FfiReturn>(
    this: *mut T::Interface,
    body: impl FnOnce(&ComObject<T>) -> R,
) -> R {
    // SAFETY: forwarded from the caller.
    let Some(obj) = (unsafe { ComObject::<T>::from_interface(this) }) else {
        return R::bad_this();
    };
    catch_unwind(AssertUnwindSafe(|| body(obj))).unwrap_or_else(|_| R::panicked())
}

/// The `HRESULT` for a method's result.
pub fn hresult(result: MapiResult<()>) -> HRESULT {
    match result {
        Ok(()) => S_OK,
        Err(e) => e.hresult(),
    }
}
