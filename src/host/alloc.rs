//! [`HostAllocators`]: the host's `MAPIAllocateBuffer`/`MAPIAllocateMore`/
//! `MAPIFreeBuffer`, and the raw material this library builds with them for
//! the host: root buffers freed on failure ([`Root`]), chained buffers,
//! strings, `MAPIERROR`s, `SPropTagArray`s, entry IDs. A failure half-way
//! frees everything already allocated: nothing is lost.
//!
//! Host buffers are only guaranteed 4-byte aligned on i686 (Wine's
//! `MAPIAllocateBuffer` returns addresses 4 mod 8): everything here writes
//! with `write_unaligned` unless the type's alignment is at most 4.

use std::ffi::c_void;
use std::mem::size_of;
use std::ptr::{self, NonNull};

use super::ptr::ComPtr;
use crate::mapi::{
    AllocateBufferFn, AllocateMoreFn, FreeBufferFn, IMAPISupport, MapiError, MapiResult,
    SPropTagArray, ENTRYID, MAPIERROR, MAPI_ERROR_VERSION, SCODE, ULONG,
};

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
pub struct Root<'a> {
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
    /// The buffer's address (still owned by the `Root`).
    pub fn as_ptr(&self) -> *mut c_void {
        self.ptr.as_ptr()
    }

    /// Hands the buffer over: the caller (in the end, the host) frees it.
    pub fn into_raw(self) -> *mut c_void {
        let p = self.ptr.as_ptr();
        std::mem::forget(self);
        p
    }
}

/// The bytes `text` takes NUL-terminated: UTF-16 when `wide`, else UTF-8.
fn encoded_len(text: &str, wide: bool) -> usize {
    if !wide {
        text.len() + 1
    } else if text.is_ascii() {
        // One unit per byte (checked a word at a time, not decoded).
        2 * (text.len() + 1)
    } else {
        2 * (text.encode_utf16().count() + 1)
    }
}

/// Writes `text` NUL-terminated at `dst` (UTF-16 in native order when
/// `wide`, else UTF-8), byte by byte as far as alignment goes.
///
/// # Safety
///
/// `dst` is writable for `encoded_len(text, wide)` bytes.
unsafe fn encode_into(text: &str, wide: bool, dst: *mut u8) {
    if wide && text.is_ascii() && cfg!(target_endian = "little") {
        // Fast path: each byte widens to one unit (a loop the compiler
        // vectorises), then the terminator.
        let at = dst.cast::<u16>();
        for (i, &b) in text.as_bytes().iter().enumerate() {
            // SAFETY: `2 * (len + 1)` writable bytes (caller); unaligned
            // writes.
            unsafe { at.add(i).write_unaligned(u16::from(b)) };
        }
        // SAFETY: as above: the last unit.
        unsafe { at.add(text.len()).write_unaligned(0) };
    } else if wide {
        let mut at = dst;
        for unit in text.encode_utf16().chain(Some(0)) {
            // SAFETY: in bounds (caller); any alignment.
            unsafe {
                at.cast::<u16>().write_unaligned(unit);
                at = at.add(2);
            }
        }
    } else {
        // SAFETY: `text.len() + 1` bytes are writable (caller).
        unsafe {
            ptr::copy_nonoverlapping(text.as_ptr(), dst, text.len());
            dst.add(text.len()).write(0);
        }
    }
}

/// A size as MAPI's 32-bit `ULONG`: `MAPI_E_NOT_ENOUGH_MEMORY` beyond.
pub fn ulong_size(size: usize) -> MapiResult<ULONG> {
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

    /// A new root buffer of `size` bytes (`MAPIAllocateBuffer`).
    pub fn root(&self, size: usize) -> MapiResult<Root<'_>> {
        let mut p: *mut c_void = ptr::null_mut();
        // SAFETY: the host's MAPIAllocateBuffer with a valid out-pointer.
        let sc = unsafe { (self.allocate_buffer)(ulong_size(size)?, &mut p) };
        match NonNull::new(p) {
            Some(ptr) if sc >= 0 => Ok(Root { alloc: self, ptr }),
            _ => Err(MapiError::from_hresult(sc).unwrap_or(MapiError::NotEnoughMemory)),
        }
    }

    /// A buffer of `size` bytes chained to `root` (`MAPIAllocateMore`).
    pub fn more(&self, root: &Root<'_>, size: usize) -> MapiResult<NonNull<u8>> {
        let mut p: *mut c_void = ptr::null_mut();
        // SAFETY: the host's MAPIAllocateMore chained to a live root.
        let sc = unsafe { (self.allocate_more)(ulong_size(size)?, root.ptr.as_ptr(), &mut p) };
        match NonNull::new(p.cast::<u8>()) {
            Some(ptr) if sc >= 0 => Ok(ptr),
            _ => Err(MapiError::from_hresult(sc).unwrap_or(MapiError::NotEnoughMemory)),
        }
    }

    /// Copies `text` into a buffer chained to `root`: NUL-terminated UTF-16
    /// (`WCHAR`) when `wide`, else NUL-terminated 8-bit (UTF-8). Copied as
    /// bytes: the buffer's alignment does not matter.
    pub fn string(&self, root: &Root<'_>, text: &str, wide: bool) -> MapiResult<*mut c_void> {
        let dst = self.more(root, encoded_len(text, wide))?;
        // SAFETY: `dst` holds `encoded_len` bytes.
        unsafe { encode_into(text, wide, dst.as_ptr()) };
        Ok(dst.as_ptr().cast())
    }

    /// Copies `bytes` into a buffer chained to `root`.
    pub fn bytes_in(&self, root: &Root<'_>, bytes: &[u8]) -> MapiResult<*mut u8> {
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
        // SAFETY: a fresh buffer of the right size (maybe only 4-aligned).
        unsafe { p.write_unaligned(error) };
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

    /// `text` NUL-terminated in its own root buffer: UTF-16 when `wide`,
    /// else 8-bit (UTF-8).
    pub fn text(&self, text: &str, wide: bool) -> MapiResult<*mut c_void> {
        let root = self.root(encoded_len(text, wide))?;
        // SAFETY: the buffer holds `encoded_len` bytes.
        unsafe { encode_into(text, wide, root.as_ptr().cast()) };
        Ok(root.into_raw())
    }

    /// A copy of `bytes` in a root buffer, as an `ENTRYID` (for the
    /// `lppEntryID` out-parameters).
    pub fn entry_id(&self, bytes: &[u8]) -> MapiResult<*mut ENTRYID> {
        let root = self.root(bytes.len().max(1))?;
        // SAFETY: the buffer holds at least `bytes.len()` bytes.
        unsafe {
            ptr::copy_nonoverlapping(bytes.as_ptr(), root.as_ptr().cast::<u8>(), bytes.len())
        };
        Ok(root.into_raw().cast())
    }

    /// Frees a root buffer the host allocated (`MAPIFreeBuffer`), e.g. the
    /// result of a support-object call.
    ///
    /// # Safety
    ///
    /// `buffer` is NULL or a root buffer from these allocators, not freed
    /// yet and not used after.
    pub unsafe fn free(&self, buffer: *mut c_void) {
        if !buffer.is_null() {
            // SAFETY: forwarded from the caller.
            unsafe { (self.free_buffer)(buffer) };
        }
    }
}

/// The header before every buffer of [`HostAllocators::own`]: the chain of
/// buffers allocated "more" on this root, and the block's layout size.
#[repr(C, align(16))]
struct OwnBlock {
    next: *mut OwnBlock,
    size: usize,
}

const OWN_HEAD: usize = size_of::<OwnBlock>();

fn own_block(size: ULONG) -> *mut OwnBlock {
    let Ok(layout) = std::alloc::Layout::from_size_align(
        OWN_HEAD + size as usize,
        std::mem::align_of::<OwnBlock>(),
    ) else {
        return ptr::null_mut();
    };
    // SAFETY: a non-zero size (the header).
    let block = unsafe { std::alloc::alloc(layout) }.cast::<OwnBlock>();
    if !block.is_null() {
        // SAFETY: a fresh block, aligned for its header.
        unsafe {
            block.write(OwnBlock {
                next: ptr::null_mut(),
                size: layout.size(),
            })
        };
    }
    block
}

/// `MAPIAllocateBuffer` over Rust's allocator.
unsafe extern "system" fn own_allocate_buffer(size: ULONG, out: *mut *mut c_void) -> SCODE {
    let block = own_block(size);
    if block.is_null() || out.is_null() {
        return MapiError::NotEnoughMemory.hresult();
    }
    // SAFETY: `out` is writable (our own callers); the data follows the
    // header.
    unsafe { out.write(block.cast::<u8>().add(OWN_HEAD).cast()) };
    0
}

/// `MAPIAllocateMore` over Rust's allocator: chained to `root`'s header.
unsafe extern "system" fn own_allocate_more(
    size: ULONG,
    root: *mut c_void,
    out: *mut *mut c_void,
) -> SCODE {
    let block = own_block(size);
    if block.is_null() || root.is_null() || out.is_null() {
        return MapiError::NotEnoughMemory.hresult();
    }
    // SAFETY: `root` came from `own_allocate_buffer` (our own callers): its
    // header is just before it; one thread fills one root.
    unsafe {
        let head = root.cast::<u8>().sub(OWN_HEAD).cast::<OwnBlock>();
        (*block).next = (*head).next;
        (*head).next = block;
        out.write(block.cast::<u8>().add(OWN_HEAD).cast());
    }
    0
}

/// `MAPIFreeBuffer` over Rust's allocator: the root and its chain.
unsafe extern "system" fn own_free_buffer(root: *mut c_void) -> ULONG {
    if root.is_null() {
        return 0;
    }
    // SAFETY: `root` came from `own_allocate_buffer` and is freed once;
    // every block of its chain from `own_allocate_more`.
    unsafe {
        let mut block = root.cast::<u8>().sub(OWN_HEAD).cast::<OwnBlock>();
        while !block.is_null() {
            let next = (*block).next;
            let layout = std::alloc::Layout::from_size_align_unchecked(
                (*block).size,
                std::mem::align_of::<OwnBlock>(),
            );
            std::alloc::dealloc(block.cast(), layout);
            block = next;
        }
    }
    0
}

impl HostAllocators {
    /// Allocators of the library's own, with MAPI's contract, for memory
    /// the library hands the host only for the length of a call and frees
    /// itself (the `NOTIFICATION`s of `OnNotify`): 16-byte aligned.
    pub fn own() -> Self {
        HostAllocators {
            allocate_buffer: own_allocate_buffer,
            allocate_more: own_allocate_more,
            free_buffer: own_free_buffer,
        }
    }
}

#[cfg(test)]
mod own_tests {
    use super::*;

    #[test]
    fn own_allocators_chain_and_free_everything() {
        let alloc = HostAllocators::own();
        let root = alloc.root(24).unwrap();
        let s = alloc.string(&root, "héllo", true).unwrap();
        let b = alloc.bytes_in(&root, &[1, 2, 3]).unwrap();
        assert_eq!(root.as_ptr() as usize % 16, 0);
        // SAFETY: written above.
        unsafe {
            assert_eq!(*b.add(2), 3);
            assert_eq!(*s.cast::<u16>().add(1), 'é' as u16);
        }
        drop(root); // frees the chain (Miri and ASan check it)
        let p = alloc.text("x", false).unwrap();
        // SAFETY: a root of ours, freed once.
        unsafe { alloc.free(p) };
    }

    #[test]
    fn strings_encode_as_utf16_or_utf8_with_a_terminator() {
        let alloc = HostAllocators::own();
        let ascii = "Quarterly figures: draft for review, 0123456789";
        for text in (0..=ascii.len()).map(|n| ascii[..n].to_owned()).chain([
            "é".into(),
            "RE: grüße 😀 ok".into(),
            "a\u{0}b".into(),
        ]) {
            let root = alloc.root(8).unwrap();
            let wide = alloc.string(&root, &text, true).unwrap().cast::<u16>();
            let narrow = alloc.string(&root, &text, false).unwrap().cast::<u8>();
            let units: Vec<u16> = text.encode_utf16().chain(Some(0)).collect();
            let bytes: Vec<u8> = text.bytes().chain(Some(0)).collect();
            // SAFETY: the buffers hold exactly these many units and bytes.
            unsafe {
                for (i, &u) in units.iter().enumerate() {
                    assert_eq!(wide.add(i).read_unaligned(), u, "{text:?} unit {i}");
                }
                for (i, &b) in bytes.iter().enumerate() {
                    assert_eq!(*narrow.add(i), b, "{text:?} byte {i}");
                }
            }
            assert_eq!(encoded_len(&text, true), 2 * units.len());
            assert_eq!(encoded_len(&text, false), bytes.len());
        }
    }
}
