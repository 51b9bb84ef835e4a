//! The host's profile sections (`IProfSect`) as
//! [`ProfileSection`](crate::provider::ProfileSection)s, opened through
//! `IMAPISupport::OpenProfileSection` (at `Logon`) or
//! `IProviderAdmin::OpenProfileSection` (in `ServiceEntry`).

use std::ptr;

use super::props::{read_prop_values, write_prop_values, Incoming};
use crate::host::{ComPtr, HostAllocators};
use crate::mapi::{
    IMAPISupport, IProfSect, IProviderAdmin, MapiError, MapiResult, SPropProblemArray, SPropValue,
    E_NOTIMPL, HRESULT, MAPIUID, MAPI_E_NOT_FOUND, MAPI_E_NO_SUPPORT, MAPI_MODIFY, ULONG,
};
use crate::provider::{ProfileSection, PropValue};

/// One reference to a host profile section, with the allocators its
/// buffers come from.
pub(crate) struct HostProfileSection {
    section: ComPtr<IProfSect>,
    alloc: HostAllocators,
}

impl std::fmt::Debug for HostProfileSection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.section.fmt(f)
    }
}

/// The profile section an `OpenProfileSection` returned: `hr`, `out`.
///
/// # Safety
///
/// On success `out` is NULL or a live `IProfSect` of which the caller owns
/// one reference (passed on to the result, or released on failure).
unsafe fn opened(
    hr: HRESULT,
    out: *mut IProfSect,
    alloc: &HostAllocators,
) -> MapiResult<HostProfileSection> {
    MapiError::check(hr)?;
    // SAFETY: forwarded from the caller.
    let section = unsafe { ComPtr::from_owned(out) }.ok_or(MapiError::CallFailed)?;
    Ok(HostProfileSection {
        section,
        alloc: *alloc,
    })
}

impl HostProfileSection {
    /// `IMAPISupport::OpenProfileSection(uid, flags)` (0: read-only, or
    /// `MAPI_MODIFY`): `None` (the provider's own section) for `uid` `None`. `Ok(None)` when the host
    /// keeps no profile: a NULL slot, `MAPI_E_NO_SUPPORT`, `E_NOTIMPL`, or
    /// no such section (`MAPI_E_NOT_FOUND`).
    ///
    /// # Safety
    ///
    /// `support` is a live `IMAPISupport` (borrowed: not AddRef'd).
    pub(crate) unsafe fn from_support(
        support: *mut IMAPISupport,
        uid: Option<&[u8; 16]>,
        flags: ULONG,
        alloc: &HostAllocators,
    ) -> MapiResult<Option<Self>> {
        // SAFETY: a live COM object: its first field is its vtable pointer.
        let vtbl = unsafe { support.as_ref().and_then(|s| s.lpVtbl.as_ref()) };
        let Some(open) = vtbl.and_then(|v| v.OpenProfileSection) else {
            return Ok(None);
        };
        let mut uid = uid.map(|u| MAPIUID { ab: *u });
        let uid_ptr = uid.as_mut().map_or(ptr::null_mut(), |u| u as *mut MAPIUID);
        let mut out: *mut IProfSect = ptr::null_mut();
        // SAFETY: a live support object and its own slot; the UID (if any)
        // is a local the host only reads; `out` a valid local.
        let hr = unsafe { open(support, uid_ptr, flags, &mut out) };
        if matches!(hr, MAPI_E_NO_SUPPORT | E_NOTIMPL | MAPI_E_NOT_FOUND) {
            return Ok(None);
        }
        // SAFETY: on success `out` holds one reference for us.
        unsafe { opened(hr, out, alloc) }.map(Some)
    }

    /// `IProviderAdmin::OpenProfileSection(NULL, NULL, MAPI_MODIFY)`: the
    /// message service's own section, writable.
    pub(crate) fn from_admin(
        admin: &ComPtr<IProviderAdmin>,
        alloc: &HostAllocators,
    ) -> MapiResult<Self> {
        let open = admin
            .vtbl()
            .OpenProfileSection
            .ok_or(MapiError::NoSupport)?;
        let mut out: *mut IProfSect = ptr::null_mut();
        // SAFETY: a live provider-admin object and its own slot; NULL UID
        // and interface; `out` a valid local.
        let hr = unsafe {
            open(
                admin.as_raw(),
                ptr::null_mut(),
                ptr::null(),
                MAPI_MODIFY,
                &mut out,
            )
        };
        // SAFETY: on success `out` holds one reference for us.
        unsafe { opened(hr, out, alloc) }
    }

    /// The problems of a `SetProps`/`DeleteProps` (freed here): the first
    /// one's code, unless every problem is `MAPI_E_NOT_FOUND` and that is
    /// `ignore_not_found`.
    ///
    /// # Safety
    ///
    /// `problems` is NULL or a host buffer holding an `SPropProblemArray`.
    unsafe fn check_problems(
        &self,
        problems: *mut SPropProblemArray,
        ignore_not_found: bool,
    ) -> MapiResult<()> {
        if problems.is_null() {
            return Ok(());
        }
        // SAFETY: a readable problem array (caller): a count, then that
        // many problems (maybe unaligned).
        let first = unsafe {
            let n = ptr::addr_of!((*problems).cProblem).read_unaligned();
            let base = ptr::addr_of!((*problems).aProblem).cast::<crate::mapi::SPropProblem>();
            (0..n.min(0x1_0000))
                .map(|i| base.add(i as usize).read_unaligned().scode)
                .find(|&sc| !(ignore_not_found && sc == MAPI_E_NOT_FOUND))
        };
        // SAFETY: the host's buffer, freed once, not used after.
        unsafe { self.alloc.free(problems.cast()) };
        match first {
            Some(sc) => Err(MapiError::from_hresult(sc).unwrap_or(MapiError::CallFailed)),
            None => Ok(()),
        }
    }
}

impl ProfileSection for HostProfileSection {
    fn get(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>> {
        let get = self.section.vtbl().GetProps.ok_or(MapiError::NoSupport)?;
        let array = self.alloc.prop_tag_array(tags)?;
        let (mut n, mut values): (ULONG, *mut SPropValue) = (0, ptr::null_mut());
        // SAFETY: a live profile section and its own slot; an array in
        // the host's buffer, which it only reads; valid out-pointers.
        let hr = unsafe { get(self.section.as_raw(), array, 0, &mut n, &mut values) };
        // SAFETY: our buffer, freed once.
        unsafe { self.alloc.free(array.cast()) };
        MapiError::check(hr)?;
        if values.is_null() {
            return Ok(vec![None; tags.len()]);
        }
        // SAFETY: on success the host returned `n` values in its buffer.
        let read = unsafe { read_prop_values(values, n) };
        // SAFETY: the host's buffer, freed once, after reading.
        unsafe { self.alloc.free(values.cast()) };
        let read = read?;
        // One entry per requested tag, in order; anything else (an error
        // entry, another type) is "not there".
        Ok(tags
            .iter()
            .enumerate()
            .map(|(i, &tag)| match read.get(i) {
                Some(Incoming::Set(t, v)) if *t == tag => Some(v.clone()),
                _ => None,
            })
            .collect())
    }

    fn set(&self, values: &[(ULONG, PropValue)]) -> MapiResult<()> {
        let set = self.section.vtbl().SetProps.ok_or(MapiError::NoSupport)?;
        let n = ULONG::try_from(values.len()).map_err(|_| MapiError::InvalidParameter)?;
        let props: Vec<(ULONG, Option<PropValue>)> =
            values.iter().map(|(t, v)| (*t, Some(v.clone()))).collect();
        let (array, _) = write_prop_values(&self.alloc, &props, true)?;
        let mut problems: *mut SPropProblemArray = ptr::null_mut();
        // SAFETY: a live profile section and its own slot; `n` values in
        // the host's buffer, which it only reads; a valid out-pointer.
        let hr = unsafe { set(self.section.as_raw(), n, array, &mut problems) };
        // SAFETY: our buffer, freed once.
        unsafe { self.alloc.free(array.cast()) };
        // SAFETY: NULL or the host's problem array.
        let problems = unsafe { self.check_problems(problems, false) };
        MapiError::check(hr)?;
        problems
    }

    fn delete(&self, tags: &[ULONG]) -> MapiResult<()> {
        let delete = self
            .section
            .vtbl()
            .DeleteProps
            .ok_or(MapiError::NoSupport)?;
        let array = self.alloc.prop_tag_array(tags)?;
        let mut problems: *mut SPropProblemArray = ptr::null_mut();
        // SAFETY: a live profile section and its own slot; an array in
        // the host's buffer; a valid out-pointer.
        let hr = unsafe { delete(self.section.as_raw(), array, &mut problems) };
        // SAFETY: our buffer, freed once.
        unsafe { self.alloc.free(array.cast()) };
        // SAFETY: NULL or the host's problem array.
        let problems = unsafe { self.check_problems(problems, true) };
        MapiError::check(hr)?;
        problems
    }

    fn save(&self) -> MapiResult<()> {
        let save = self
            .section
            .vtbl()
            .SaveChanges
            .ok_or(MapiError::NoSupport)?;
        // SAFETY: a live profile section and its own slot.
        MapiError::check(unsafe { save(self.section.as_raw(), 0) }).map(drop)
    }
}
