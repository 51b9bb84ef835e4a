//! Turning C arguments into safe Rust values: entry IDs into slices, IIDs
//! into options, out-pointers into [`Out`].

use crate::mapi::{MapiError, MapiResult, ENTRYID, IID, ULONG};

/// A C out-parameter: checked non-NULL, set to a neutral value at once (so
/// the caller never reads garbage on failure), written on success.
pub struct Out<T: Copy> {
    ptr: *mut T,
}

impl<T: Copy> Out<T> {
    /// NULL → `MAPI_E_INVALID_PARAMETER`; otherwise `*ptr = neutral`.
    ///
    /// # Safety
    ///
    /// `ptr` is NULL or valid for writes of `T` for as long as the `Out`
    /// lives.
    pub unsafe fn new(ptr: *mut T, neutral: T) -> MapiResult<Self> {
        if ptr.is_null() {
            return Err(MapiError::InvalidParameter);
        }
        // SAFETY: non-NULL and writable (caller).
        unsafe { ptr.write(neutral) };
        Ok(Out { ptr })
    }

    /// Stores the result.
    pub fn set(self, value: T) {
        // SAFETY: checked non-NULL and writable at construction.
        unsafe { self.ptr.write(value) }
    }
}

/// An optional out-parameter: NULL means "not wanted" (`lppProblems`,
/// `lpulOldStatus`...), anything else is set to `neutral` at once.
///
/// # Safety
///
/// As [`Out::new`].
pub unsafe fn optional_out<T: Copy>(ptr: *mut T, neutral: T) -> MapiResult<Option<Out<T>>> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded from the caller.
    unsafe { Out::new(ptr, neutral) }.map(Some)
}

/// Two out-parameters, each set to its neutral value before either is
/// checked: a NULL one never leaves the other unwritten.
///
/// # Safety
///
/// As [`Out::new`], for both.
pub unsafe fn out_pair<A: Copy, B: Copy>(
    a: *mut A,
    neutral_a: A,
    b: *mut B,
    neutral_b: B,
) -> MapiResult<(Out<A>, Out<B>)> {
    // SAFETY: forwarded from the caller.
    let (a, b) = unsafe { (Out::new(a, neutral_a), Out::new(b, neutral_b)) };
    Ok((a?, b?))
}

/// The bytes of an entry ID (`abFlags` included): `None` for a NULL pointer
/// with a zero count; a NULL pointer with a count, or a non-NULL pointer
/// with a zero count, is `MAPI_E_INVALID_PARAMETER`.
///
/// # Safety
///
/// `ptr` is NULL or readable for `cb` bytes for `'a`.
pub unsafe fn entry_id<'a>(cb: ULONG, ptr: *const ENTRYID) -> MapiResult<Option<&'a [u8]>> {
    match (ptr.is_null(), cb) {
        (true, 0) => Ok(None),
        (true, _) | (false, 0) => Err(MapiError::InvalidParameter),
        (false, cb) => {
            let len = usize::try_from(cb).map_err(|_| MapiError::InvalidParameter)?;
            if len > isize::MAX as usize {
                return Err(MapiError::InvalidParameter);
            }
            // SAFETY: non-NULL, readable for `cb` bytes (caller), and the
            // length fits `isize`.
            Ok(Some(unsafe {
                std::slice::from_raw_parts(ptr.cast::<u8>(), len)
            }))
        }
    }
}

/// A required entry ID: NULL → `MAPI_E_INVALID_PARAMETER`.
///
/// # Safety
///
/// As [`entry_id`].
pub unsafe fn required_entry_id<'a>(cb: ULONG, ptr: *const ENTRYID) -> MapiResult<&'a [u8]> {
    // SAFETY: forwarded from the caller.
    unsafe { entry_id(cb, ptr) }?.ok_or(MapiError::InvalidParameter)
}

/// An optional IID (`LPCIID`, NULL meaning "the default interface").
///
/// # Safety
///
/// `ptr` is NULL or points to a readable IID for `'a`.
pub unsafe fn iid<'a>(ptr: *const IID) -> Option<&'a IID> {
    // SAFETY: forwarded from the caller.
    unsafe { ptr.as_ref() }
}
