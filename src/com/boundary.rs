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
    /// The failure this answer reports, if any (for `GetLastError`).
    fn failure(&self) -> Option<MapiError> {
        None
    }
}

impl<T> FfiReturn for MapiResult<T> {
    fn bad_this() -> Self {
        Err(MapiError::InvalidParameter)
    }
    fn panicked() -> Self {
        Err(MapiError::CallFailed)
    }
    fn failure(&self) -> Option<MapiError> {
        self.as_ref().err().copied()
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
/// Failures (and panic messages) are handed to
/// [`ComClass::record_error`].
///
/// # Safety
///
/// `this` is NULL or points to a live `ComObject<T>`.
#[inline(always)]
pub unsafe fn boundary<T: ComClass, R: FfiReturn>(
    this: *mut T::Interface,
    body: impl FnOnce(&ComObject<T>) -> R,
) -> R {
    // Notifications made during the call are delivered when it has let go
    // of every lock, just before it returns to the host.
    let _door = crate::provider::Door::enter();
    // SAFETY: forwarded from the caller.
    unsafe { quiet_boundary(this, body) }
}

/// [`boundary`] for the slots that change nothing in the store and so
/// never notify (`QueryInterface`, `AddRef`, `Release`): no door, a few
/// instructions fewer on the hottest calls.
///
/// # Safety
///
/// As [`boundary`].
#[inline(always)]
pub unsafe fn quiet_boundary<T: ComClass, R: FfiReturn>(
    this: *mut T::Interface,
    body: impl FnOnce(&ComObject<T>) -> R,
) -> R {
    // SAFETY: forwarded from the caller.
    let Some(obj) = (unsafe { ComObject::<T>::from_interface(this) }) else {
        return R::bad_this();
    };
    match catch_unwind(AssertUnwindSafe(|| body(obj))) {
        Ok(result) => {
            if let Some(error) = result.failure() {
                obj.value().record_error(error, None);
            }
            result
        }
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("a Rust panic");
            let recorded = catch_unwind(AssertUnwindSafe(|| {
                obj.value()
                    .record_error(MapiError::CallFailed, Some(message))
            }));
            drop(recorded);
            R::panicked()
        }
    }
}

/// The `HRESULT` for a method's result.
#[inline(always)]
pub fn hresult(result: MapiResult<()>) -> HRESULT {
    match result {
        Ok(()) => S_OK,
        Err(e) => e.hresult(),
    }
}
