//! [`HostAllocators`]: the host's `MAPIAllocateBuffer`/`MAPIAllocateMore`/
//! `MAPIFreeBuffer`, and what this library builds with them for the host:
//! `MAPIERROR`s, `SPropValue` arrays, `SPropTagArray`s. A failure half-way
//! frees everything already allocated: nothing is lost.

use std::ffi::c_void;
use std::mem::{align_of, size_of};
use std::ptr::{self, NonNull};

use super::ptr::ComPtr;
use crate::mapi::{
    AllocateBufferFn, AllocateMoreFn, FreeBufferFn, IMAPISupport, MapiError, MapiResult, SBinary,
    SPropTagArray, SPropValue, MAPIERROR, MAPI_ERROR_VERSION, PT_BINARY, PT_BOOLEAN, PT_ERROR,
    PT_LONG, PT_STRING8, PT_UNICODE, PT_UNSPECIFIED, PV, SCODE, ULONG, WCHAR,
};
use crate::mapi::{CHANGE_PROP_TYPE, PROP_TYPE};
use crate::provider::{PropValue, Support};

type AllocBuf = unsafe extern "system" fn(ULONG, *mut *mut c_void) -> SCODE;
type AllocMore = unsafe extern "system" fn(ULONG, *mut c_void, *mut *mut c_void) -> SCODE;
type FreeBuf = unsafe extern "system" fn(*mut c_void) -> ULONG;

/// The host's MAPI allocators. Buffers from `allocate_buffer` are freed by
/// the caller of the method that returned them, with `MAPIFreeBuffer`;
/// `allocate_more` buffers are chained to a parent and freed with it.
#[derive(Clone, Copy, Debug)]
pub struct HostAllocators {
    allocate_buffer: AllocBuf,
    allocate_more: AllocMore,
    free_buffer: FreeBuf,
}

/// A root buffer being filled: freed on drop unless handed to the host.
struct Root<'a> {
    alloc: &'a HostAllocators,
    ptr: NonNull<c_void>,
}

impl Drop for Root<'_> {
    fn drop(&mut self) {
        // SAFETY: a live root buffer from `allocate_buffer`, freed once.
        unsafe { (self.alloc.free_buffer)(self.ptr.as_ptr()) };
    }
}

impl Root<'_> {
    fn into_raw(self) -> *mut c_void {
        let p = self.ptr.as_ptr();
        std::mem::forget(self);
        p
    }
}

fn ulong_size(size: usize) -> MapiResult<ULONG> {
    ULONG::try_from(size).map_err(|_| MapiError::NotEnoughMemory)
}

impl HostAllocators {
    /// Wraps the host's allocators; `None` when any is NULL.
    ///
    /// # Safety
    ///
    /// Non-NULL pointers are the host's `MAPIAllocateBuffer`,
    /// `MAPIAllocateMore` and `MAPIFreeBuffer` (or functions with their
    /// contract), callable from any thread while this library uses them.
    pub unsafe fn new(
        allocate_buffer: AllocateBufferFn,
        allocate_more: AllocateMoreFn,
        free_buffer: FreeBufferFn,
    ) -> Option<Self> {
        Some(HostAllocators {
            allocate_buffer: allocate_buffer?,
            allocate_more: allocate_more?,
            free_buffer: free_buffer?,
        })
    }

    /// The allocators the support object hands out
    /// (`IMAPISupport::GetMemAllocRoutines`); `None` if it has none.
    pub fn from_support(support: &ComPtr<IMAPISupport>) -> Option<Self> {
        let get = support.vtbl().GetMemAllocRoutines?;
        let (mut ab, mut am, mut fb): (AllocateBufferFn, AllocateMoreFn, FreeBufferFn) =
            (None, None, None);
        // SAFETY: a live support object and its own slot; the out-pointers
        // are valid locals.
        let hr = unsafe { get(support.as_raw(), &mut ab, &mut am, &mut fb) };
        if hr < 0 {
            return None;
        }
        // SAFETY: MAPI's support object hands out MAPI's allocators.
        unsafe { Self::new(ab, am, fb) }
    }

    fn root(&self, size: usize) -> MapiResult<Root<'_>> {
        let mut p: *mut c_void = ptr::null_mut();
        // SAFETY: the host's MAPIAllocateBuffer with a valid out-pointer.
        let sc = unsafe { (self.allocate_buffer)(ulong_size(size)?, &mut p) };
        match NonNull::new(p) {
            Some(ptr) if sc >= 0 => Ok(Root { alloc: self, ptr }),
            _ => Err(MapiError::from_hresult(sc).unwrap_or(MapiError::NotEnoughMemory)),
        }
    }

    fn more(&self, root: &Root<'_>, size: usize) -> MapiResult<NonNull<u8>> {
        let mut p: *mut c_void = ptr::null_mut();
        // SAFETY: the host's MAPIAllocateMore chained to a live root.
        let sc = unsafe { (self.allocate_more)(ulong_size(size)?, root.ptr.as_ptr(), &mut p) };
        match NonNull::new(p.cast::<u8>()) {
            Some(ptr) if sc >= 0 => Ok(ptr),
            _ => Err(MapiError::from_hresult(sc).unwrap_or(MapiError::NotEnoughMemory)),
        }
    }

    /// Copies `text` into a buffer chained to `root`: NUL-terminated UTF-16
    /// (`WCHAR`) when `wide`, else NUL-terminated 8-bit.
    fn string(&self, root: &Root<'_>, text: &str, wide: bool) -> MapiResult<*mut c_void> {
        if wide {
            let units: Vec<WCHAR> = text.encode_utf16().chain(Some(0)).collect();
            let dst = self.more(root, units.len() * size_of::<WCHAR>())?;
            debug_assert!(dst.as_ptr().align_offset(align_of::<WCHAR>()) == 0);
            // SAFETY: `dst` holds `units.len()` WCHARs (MAPI buffers are
            // suitably aligned for any type).
            unsafe { ptr::copy_nonoverlapping(units.as_ptr(), dst.as_ptr().cast(), units.len()) };
            Ok(dst.as_ptr().cast())
        } else {
            let bytes: Vec<u8> = text.bytes().chain(Some(0)).collect();
            self.bytes_in(root, &bytes).map(|p| p.cast())
        }
    }

    fn bytes_in(&self, root: &Root<'_>, bytes: &[u8]) -> MapiResult<*mut u8> {
        let dst = self.more(root, bytes.len().max(1))?;
        // SAFETY: `dst` holds at least `bytes.len()` bytes.
        unsafe { ptr::copy_nonoverlapping(bytes.as_ptr(), dst.as_ptr(), bytes.len()) };
        Ok(dst.as_ptr())
    }

    /// A `MAPIERROR` for `GetLastError` or a failed `Logon`: version
    /// `MAPI_ERROR_VERSION`, `message`, component `component`, strings in
    /// UTF-16 when `wide` (`MAPI_UNICODE`). One root buffer; the caller
    /// frees it with `MAPIFreeBuffer`.
    pub fn mapi_error(
        &self,
        message: &str,
        component: &str,
        low_level: ULONG,
        wide: bool,
    ) -> MapiResult<*mut MAPIERROR> {
        let root = self.root(size_of::<MAPIERROR>())?;
        let error = MAPIERROR {
            ulVersion: MAPI_ERROR_VERSION,
            lpszError: self.string(&root, message, wide)?,
            lpszComponent: self.string(&root, component, wide)?,
            ulLowLevelError: low_level,
            ulContext: 0,
        };
        let p = root.into_raw().cast::<MAPIERROR>();
        // SAFETY: a fresh buffer of the right size, aligned for any type.
        unsafe { p.write(error) };
        Ok(p)
    }

    /// An `SPropTagArray` holding `tags`.
    pub fn prop_tag_array(&self, tags: &[ULONG]) -> MapiResult<*mut SPropTagArray> {
        let size = size_of::<ULONG>() * (1 + tags.len().max(1));
        let root = self.root(size)?;
        let p = root.into_raw().cast::<ULONG>();
        // SAFETY: room for the count and `tags.len()` tags (at least one).
        unsafe {
            p.write(ULONG::try_from(tags.len()).map_err(|_| MapiError::NotEnoughMemory)?);
            ptr::copy_nonoverlapping(tags.as_ptr(), p.add(1), tags.len());
        }
        Ok(p.cast())
    }

    /// An `SPropValue` array, one per `(requested tag, value)`: values whose
    /// C type cannot serve the requested type, and `None`s, become
    /// `PT_ERROR` entries (`MAPI_E_NOT_FOUND` / `MAPI_E_INVALID_TYPE`).
    /// `PT_UNSPECIFIED` strings come out wide when `wide`. Returns the
    /// array and whether any entry is an error (→ `MAPI_W_ERRORS_RETURNED`).
    pub fn prop_values(
        &self,
        props: &[(ULONG, Option<PropValue>)],
        wide: bool,
    ) -> MapiResult<(*mut SPropValue, bool)> {
        let root = self.root(size_of::<SPropValue>() * props.len().max(1))?;
        let base = root.ptr.as_ptr().cast::<SPropValue>();
        let mut errors = false;
        for (i, (tag, value)) in props.iter().enumerate() {
            let (tag, value) = self.prop_value(&root, *tag, value.as_ref(), wide)?;
            errors |= PROP_TYPE(tag) == PT_ERROR;
            let prop = SPropValue {
                ulPropTag: tag,
                dwAlignPad: 0,
                Value: value,
            };
            // SAFETY: `i < props.len()` slots were allocated.
            unsafe { base.add(i).write(prop) };
        }
        Ok((root.into_raw().cast(), errors))
    }

    fn prop_value(
        &self,
        root: &Root<'_>,
        tag: ULONG,
        value: Option<&PropValue>,
        wide: bool,
    ) -> MapiResult<(ULONG, PV)> {
        let requested = PROP_TYPE(tag);
        let error = |sc: MapiError| (CHANGE_PROP_TYPE(tag, PT_ERROR), PV { err: sc.hresult() });
        let fits = |t: ULONG| requested == t || requested == PT_UNSPECIFIED;
        Ok(match value {
            None => error(MapiError::NotFound),
            Some(PropValue::Error(sc)) => (CHANGE_PROP_TYPE(tag, PT_ERROR), PV { err: *sc }),
            Some(PropValue::Long(v)) if fits(PT_LONG) => {
                (CHANGE_PROP_TYPE(tag, PT_LONG), PV { ul: *v })
            }
            Some(PropValue::Boolean(v)) if fits(PT_BOOLEAN) => {
                (CHANGE_PROP_TYPE(tag, PT_BOOLEAN), PV { b: u16::from(*v) })
            }
            Some(PropValue::Binary(bytes)) if fits(PT_BINARY) => {
                let lpb = self.bytes_in(root, bytes)?;
                let cb = ulong_size(bytes.len())?;
                (
                    CHANGE_PROP_TYPE(tag, PT_BINARY),
                    PV {
                        bin: SBinary { cb, lpb },
                    },
                )
            }
            Some(PropValue::String(s))
                if requested == PT_UNICODE || (requested == PT_UNSPECIFIED && wide) =>
            {
                let p = self.string(root, s, true)?;
                (CHANGE_PROP_TYPE(tag, PT_UNICODE), PV { lpszW: p.cast() })
            }
            Some(PropValue::String(s)) if fits(PT_STRING8) => {
                let p = self.string(root, s, false)?;
                (CHANGE_PROP_TYPE(tag, PT_STRING8), PV { lpszA: p.cast() })
            }
            Some(_) => error(MapiError::Other(crate::mapi::MAPI_E_INVALID_TYPE)),
        })
    }
}

impl Support for ComPtr<IMAPISupport> {
    fn store_logoff_transports(&self, flags: ULONG) -> MapiResult<ULONG> {
        let call = self
            .vtbl()
            .StoreLogoffTransports
            .ok_or(MapiError::NoSupport)?;
        let mut flags = flags;
        // SAFETY: a live support object, its own slot, a valid pointer.
        let hr = unsafe { call(self.as_raw(), &mut flags) };
        MapiError::check(hr).map(|_| flags)
    }
}
