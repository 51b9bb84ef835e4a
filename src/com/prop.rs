//! `IMAPIProp`'s slots 3–13, written once: generic thunks over
//! [`PropClass`], used by the store, folders, messages, attachments and the
//! status object, and [`prop_vtbl!`], which declares a vtable from them
//! plus an interface's own slots.

use std::ffi::c_void;
use std::mem::size_of;
use std::ptr;
use std::sync::Arc;

use super::args::{iid, optional_out, out_pair, Out};
use super::boundary::boundary;
use super::logon::COMPONENT;
use super::object::{ComClass, ComObject};
use super::props::{
    read_prop_values, read_string, read_tags, write_problems, write_prop_values, Incoming,
    PropWriter,
};
use super::tree::wrap_opened;
use crate::host::HostAllocators;
use crate::mapi::*;
use crate::provider::{GuidKey, MapiProp, NamedProps, PropName, PropProblem, PropValue, Session};

/// What the generic `IMAPIProp` thunks need of an object.
pub(crate) struct PropCtx<'a> {
    /// The logon's session: allocators, open-object list.
    pub session: &'a Arc<Session>,
    /// The store's named-property map, if any.
    pub named: Option<&'a dyn NamedProps>,
    /// Whether the object is the message store (its `PR_ENTRYID` is
    /// wrapped too).
    pub is_store: bool,
}

impl PropCtx<'_> {
    pub(crate) fn alloc(&self) -> MapiResult<&HostAllocators> {
        self.session.allocators().ok_or(MapiError::NoSupport)
    }
}

/// A COM class whose vtable begins with `IMAPIProp`'s slots.
pub(crate) trait PropClass: ComClass {
    /// Runs `f` with the object's property logic, or fails without calling
    /// it (`MAPI_E_INVALID_OBJECT` after a forcible Logoff,
    /// `MAPI_E_END_OF_SESSION` for the store).
    fn with_prop<R>(
        &self,
        f: impl FnOnce(&dyn MapiProp, &PropCtx<'_>) -> MapiResult<R>,
    ) -> MapiResult<R>;

    /// `GetLastError`'s text for `hresult`, if it was this object's last
    /// failure, and the allocators to report it with; fails as
    /// [`PropClass::with_prop`] does for an object that no longer answers.
    fn error_text(&self, hresult: HRESULT) -> MapiResult<Option<(String, HostAllocators)>>;
}

/// Runs a method body through the boundary; `Ok(code)` is returned as is
/// (`S_OK` or a warning).
///
/// # Safety
///
/// `this` is NULL or a live object of class `T`.
pub(crate) unsafe fn call<T: ComClass>(
    this: *mut T::Interface,
    body: impl FnOnce(&ComObject<T>) -> MapiResult<HRESULT>,
) -> HRESULT {
    // SAFETY: forwarded from the caller.
    match unsafe { boundary::<T, _>(this, body) } {
        Ok(code) => code,
        Err(e) => e.hresult(),
    }
}

/// Declares the vtable of a [`PropClass`]: `IUnknown`, the generic
/// `IMAPIProp` slots, then the interface's own `Slot: thunk` pairs.
macro_rules! prop_vtbl {
    ($vtbl:ident, $cls:ty { $($slot:ident: $thunk:expr),* $(,)? }) => {
        &$vtbl {
            QueryInterface: $crate::com::object::query_interface::<$cls>,
            AddRef: $crate::com::object::add_ref::<$cls>,
            Release: $crate::com::object::release::<$cls>,
            GetLastError: $crate::com::prop::get_last_error::<$cls>,
            SaveChanges: $crate::com::prop::save_changes::<$cls>,
            GetProps: $crate::com::prop::get_props::<$cls>,
            GetPropList: $crate::com::prop::get_prop_list::<$cls>,
            OpenProperty: $crate::com::prop::open_property::<$cls>,
            SetProps: $crate::com::prop::set_props::<$cls>,
            DeleteProps: $crate::com::prop::delete_props::<$cls>,
            CopyTo: $crate::com::prop::copy_to::<$cls>,
            CopyProps: $crate::com::prop::copy_props::<$cls>,
            GetNamesFromIDs: $crate::com::prop::get_names_from_ids::<$cls>,
            GetIDsFromNames: $crate::com::prop::get_ids_from_names::<$cls>,
            $($slot: $thunk,)*
        }
    };
}
pub(crate) use prop_vtbl;

pub(crate) fn check_unicode_flag(flags: ULONG) -> MapiResult<bool> {
    if flags & !MAPI_UNICODE != 0 {
        return Err(MapiError::UnknownFlags);
    }
    Ok(flags & MAPI_UNICODE != 0)
}

/// Tags with their string type set from `MAPI_UNICODE`, as `GetProps(NULL)`
/// and `GetPropList` report them.
fn string_tags_for(tags: Vec<ULONG>, wide: bool) -> Vec<ULONG> {
    let string_type = if wide { PT_UNICODE } else { PT_STRING8 };
    tags.into_iter()
        .map(|t| match PROP_TYPE(t) & !MV_FLAG {
            PT_UNICODE | PT_STRING8 => CHANGE_PROP_TYPE(t, (PROP_TYPE(t) & MV_FLAG) | string_type),
            _ => t,
        })
        .collect()
}

fn ulong(n: usize) -> MapiResult<ULONG> {
    ULONG::try_from(n).map_err(|_| MapiError::NotEnoughMemory)
}

pub(crate) unsafe extern "system" fn get_last_error<T: PropClass>(
    this: *mut T::Interface,
    h_result: HRESULT,
    flags: ULONG,
    lpp_error: *mut *mut MAPIERROR,
) -> HRESULT {
    // SAFETY: live `this`; `lppMAPIError` NULL or writable (MAPI contract).
    unsafe {
        call::<T>(this, |obj| {
            let out = Out::new(lpp_error, ptr::null_mut())?;
            let wide = check_unicode_flag(flags)?;
            if let Some((text, alloc)) = obj.value().error_text(h_result)? {
                out.set(alloc.mapi_error(&text, COMPONENT, 0, wide)?);
            }
            Ok(S_OK)
        })
    }
}

/// The flags `SaveChanges` accepts.
const SAVE_FLAGS: ULONG =
    KEEP_OPEN_READONLY | KEEP_OPEN_READWRITE | FORCE_SAVE | MAPI_DEFERRED_ERRORS;

pub(crate) unsafe extern "system" fn save_changes<T: PropClass>(
    this: *mut T::Interface,
    flags: ULONG,
) -> HRESULT {
    // SAFETY: live `this`.
    unsafe {
        call::<T>(this, |obj| {
            if flags & !SAVE_FLAGS != 0 {
                return Err(MapiError::UnknownFlags);
            }
            obj.value().with_prop(|p, _| p.save_changes(flags))?;
            Ok(S_OK)
        })
    }
}

pub(crate) unsafe extern "system" fn get_props<T: PropClass>(
    this: *mut T::Interface,
    lp_tags: *mut SPropTagArray,
    flags: ULONG,
    lpc_values: *mut ULONG,
    lpp_props: *mut *mut SPropValue,
) -> HRESULT {
    // SAFETY: live `this`; `lpPropTagArray` NULL or a readable counted
    // array; out-pointers NULL or writable (MAPI contract).
    unsafe {
        call::<T>(this, |obj| {
            let (count, props) = out_pair(lpc_values, 0, lpp_props, ptr::null_mut())?;
            let wide = check_unicode_flag(flags)?;
            let asked = read_tags(lp_tags)?;
            obj.value().with_prop(|p, ctx| {
                let alloc = ctx.alloc()?;
                let requested = match asked {
                    Some(tags) => tags,
                    None => string_tags_for(p.prop_list()?, wide),
                };
                let wrapped = ctx
                    .session
                    .wrapped_store_entry_id()
                    .map(|w| PropValue::Binary(w.to_vec()));
                let wraps = |tag: ULONG| {
                    let id = PROP_ID(tag);
                    id == PROP_ID(PR_STORE_ENTRYID) || (ctx.is_store && id == PROP_ID(PR_ENTRYID))
                };
                let mut writer = PropWriter::new(alloc, &requested, wide)?;
                p.visit_props(&requested, &mut |i, value| {
                    let value = match (&wrapped, value) {
                        (Some(w), Some(_)) if wraps(requested[i]) => Some(w),
                        (_, v) => v,
                    };
                    writer.put(i, value)
                })?;
                let (array, errors) = writer.finish();
                count.set(ulong(requested.len())?);
                props.set(array);
                Ok(if errors { MAPI_W_ERRORS_RETURNED } else { S_OK })
            })
        })
    }
}

pub(crate) unsafe extern "system" fn get_prop_list<T: PropClass>(
    this: *mut T::Interface,
    flags: ULONG,
    lpp_tags: *mut *mut SPropTagArray,
) -> HRESULT {
    // SAFETY: live `this`; `lppPropTagArray` NULL or writable.
    unsafe {
        call::<T>(this, |obj| {
            let out = Out::new(lpp_tags, ptr::null_mut())?;
            let wide = check_unicode_flag(flags)?;
            obj.value().with_prop(|p, ctx| {
                let tags = string_tags_for(p.prop_list()?, wide);
                out.set(ctx.alloc()?.prop_tag_array(&tags)?);
                Ok(S_OK)
            })
        })
    }
}

pub(crate) unsafe extern "system" fn open_property<T: PropClass>(
    this: *mut T::Interface,
    tag: ULONG,
    lpiid: *const IID,
    options: ULONG,
    flags: ULONG,
    lpp_unk: *mut *mut IUnknown,
) -> HRESULT {
    // SAFETY: live `this`; `lpiid` NULL or readable, `lppUnk` NULL or
    // writable (MAPI contract).
    unsafe {
        call::<T>(this, |obj| {
            let out = Out::new(lpp_unk, ptr::null_mut())?;
            let interface = *iid(lpiid).ok_or(MapiError::InvalidParameter)?;
            if flags & !(MAPI_CREATE | MAPI_MODIFY | MAPI_DEFERRED_ERRORS | MAPI_BEST_ACCESS) != 0 {
                return Err(MapiError::UnknownFlags);
            }
            obj.value().with_prop(|p, ctx| {
                let opened = p.open_property(tag, &interface, options, flags)?;
                let (_, unk) = wrap_opened(ctx.session, opened, Some(&interface), None)?;
                out.set(unk);
                Ok(S_OK)
            })
        })
    }
}

pub(crate) unsafe extern "system" fn set_props<T: PropClass>(
    this: *mut T::Interface,
    c_values: ULONG,
    lp_props: *mut SPropValue,
    lpp_problems: *mut *mut SPropProblemArray,
) -> HRESULT {
    // SAFETY: live `this`; `lpPropArray` readable for `cValues` values;
    // `lppProblems` NULL (no problems wanted) or writable.
    unsafe {
        call::<T>(this, |obj| {
            let problems_out = optional_out(lpp_problems, ptr::null_mut())?;
            let incoming = read_prop_values(lp_props, c_values)?;
            obj.value().with_prop(|p, ctx| {
                let mut problems = Vec::new();
                let mut set = Vec::new();
                for (i, entry) in incoming.into_iter().enumerate() {
                    match entry {
                        Incoming::Set(tag, value) => set.push((i, tag, value)),
                        Incoming::Skip => {}
                        Incoming::Problem(tag, scode) => problems.push(PropProblem {
                            index: i,
                            tag,
                            scode,
                        }),
                    }
                }
                problems.extend(p.set_props(set)?);
                problems.sort_by_key(|p| p.index);
                if let Some(out) = problems_out {
                    out.set(write_problems(ctx.alloc()?, &problems)?);
                }
                Ok(S_OK)
            })
        })
    }
}

pub(crate) unsafe extern "system" fn delete_props<T: PropClass>(
    this: *mut T::Interface,
    lp_tags: *mut SPropTagArray,
    lpp_problems: *mut *mut SPropProblemArray,
) -> HRESULT {
    // SAFETY: live `this`; `lpPropTagArray` readable; `lppProblems` NULL or
    // writable.
    unsafe {
        call::<T>(this, |obj| {
            let problems_out = optional_out(lpp_problems, ptr::null_mut())?;
            let tags = read_tags(lp_tags)?.ok_or(MapiError::InvalidParameter)?;
            obj.value().with_prop(|p, ctx| {
                let problems = p.delete_props(&tags)?;
                if let Some(out) = problems_out {
                    out.set(write_problems(ctx.alloc()?, &problems)?);
                }
                Ok(S_OK)
            })
        })
    }
}

/// Properties that name the source object itself: `CopyTo` never copies
/// them (the destination has its own).
const IDENTITY_TAGS: &[ULONG] = &[
    PR_ENTRYID,
    PR_RECORD_KEY,
    PR_SEARCH_KEY,
    PR_STORE_ENTRYID,
    PR_STORE_RECORD_KEY,
    PR_PARENT_ENTRYID,
    PR_OBJECT_TYPE,
    PR_INSTANCE_KEY,
    PR_ACCESS,
    PR_ACCESS_LEVEL,
    PR_MDB_PROVIDER,
    PR_MESSAGE_SIZE,
    PR_HASATTACH,
    PR_DISPLAY_TO_W,
    PR_DISPLAY_CC_W,
    PR_DISPLAY_BCC_W,
    PR_CONTENT_COUNT,
    PR_CONTENT_UNREAD,
    PR_ASSOC_CONTENT_COUNT,
    PR_SUBFOLDERS,
    PR_FOLDER_TYPE,
    PR_ATTACH_NUM,
    PR_ATTACH_SIZE,
];

/// The flags `CopyTo` and `CopyProps` accept.
const COPY_FLAGS: ULONG = MAPI_MOVE | MAPI_NOREPLACE | MAPI_DIALOG | MAPI_DECLINE_OK;

type GetPropsFn = unsafe extern "system" fn(
    *mut c_void,
    *mut SPropTagArray,
    ULONG,
    *mut ULONG,
    *mut *mut SPropValue,
) -> HRESULT;
type SetPropsFn = unsafe extern "system" fn(
    *mut c_void,
    ULONG,
    *mut SPropValue,
    *mut *mut SPropProblemArray,
) -> HRESULT;

/// Slot `index` of the `IMAPIProp` vtable of a host object, as an
/// `Option` (a NULL slot is an error, not a call).
///
/// # Safety
///
/// `obj` is NULL or a live object whose vtable begins with `IMAPIProp`'s
/// slots; `F` is that slot's function type.
unsafe fn prop_slot<F: Copy>(obj: *mut c_void, index: usize) -> MapiResult<F> {
    if obj.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: a live COM object: its first field is its vtable pointer.
    let vtbl = unsafe { *obj.cast::<*const Option<F>>() };
    if vtbl.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: slot `index` < 14 of a live IMAPIProp vtable.
    unsafe { vtbl.add(index).read() }.ok_or(MapiError::InvalidParameter)
}

/// Copies `tags` of `this` onto `dest` through `dest`'s own `SetProps`
/// (ours or another provider's); `MAPI_MOVE` then deletes them here. The
/// destination's problems are handed to the caller as it made them.
///
/// # Safety
///
/// `dest` NULL or a live object whose vtable begins with `IMAPIProp`'s and
/// whose buffers come from the same MAPI allocators.
unsafe fn copy_onto<T: PropClass>(
    this: &ComObject<T>,
    tags: Option<Vec<ULONG>>,
    exclude: &[ULONG],
    dest: *mut c_void,
    flags: ULONG,
    problems_out: Option<Out<*mut SPropProblemArray>>,
) -> MapiResult<HRESULT> {
    if dest.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // A disconnected object answers MAPI_E_INVALID_OBJECT before anything
    // about its destination.
    this.value().with_prop(|_, _| Ok(()))?;
    if dest == this.as_interface().cast::<c_void>() {
        return Err(MapiError::Other(MAPI_E_NO_ACCESS));
    }
    if flags & MAPI_MOVE != 0 {
        // A move must be able to delete what it copies: check before the
        // destination is touched (deleting nothing is the probe).
        this.value()
            .with_prop(|p, _| p.delete_props(&[]).map(drop))?;
    }
    // SAFETY: forwarded from the caller.
    let (get, set) = unsafe {
        (
            prop_slot::<GetPropsFn>(dest, 5)?,
            prop_slot::<SetPropsFn>(dest, 8)?,
        )
    };
    // Read what to copy with the source's lock held, call the destination
    // after it is released.
    let (values, alloc) = this.value().with_prop(|p, ctx| {
        let tags = match tags {
            Some(t) => t,
            None => p
                .prop_list()?
                .into_iter()
                .filter(|t| !IDENTITY_TAGS.iter().any(|i| PROP_ID(*i) == PROP_ID(*t)))
                .collect(),
        };
        let tags: Vec<ULONG> = tags
            .into_iter()
            .filter(|t| !exclude.iter().any(|e| PROP_ID(*e) == PROP_ID(*t)))
            .collect();
        let values = p.get_props(&tags)?;
        let pairs: Vec<(ULONG, PropValue)> = tags
            .iter()
            .zip(values)
            .filter_map(|(t, v)| match v {
                Some(PropValue::Error(_)) | None => None,
                Some(v) => Some((PROP_TAG(v.prop_type(), PROP_ID(*t)), v)),
            })
            .collect();
        Ok((pairs, *ctx.alloc()?))
    })?;
    let mut values = values;
    if flags & MAPI_NOREPLACE != 0 && !values.is_empty() {
        // Leave out what the destination already has.
        let tags: Vec<ULONG> = values.iter().map(|(t, _)| *t).collect();
        let array = alloc.prop_tag_array(&tags)?;
        let (mut n, mut existing) = (0, ptr::null_mut());
        // SAFETY: the destination's own slot; a tag array we own; valid
        // out-pointers. Its result is read, then freed once.
        let hr = unsafe { get(dest, array, 0, &mut n, &mut existing) };
        // SAFETY: our root buffer.
        unsafe { alloc.free(array.cast()) };
        if hr >= 0 && !existing.is_null() {
            let n = usize::try_from(n).unwrap_or(0).min(values.len());
            let have: Vec<bool> = (0..n)
                .map(|i| {
                    // SAFETY: `n` values (maybe unaligned) from the
                    // destination.
                    let v = unsafe { existing.add(i).read_unaligned() };
                    PROP_TYPE(v.ulPropTag) != PT_ERROR
                })
                .collect();
            // SAFETY: the root buffer GetProps returned.
            unsafe { alloc.free(existing.cast()) };
            let mut keep = have.into_iter().map(|h| !h).chain(std::iter::repeat(true));
            values.retain(|_| keep.next().unwrap_or(true));
        }
    }
    if values.is_empty() {
        return Ok(S_OK);
    }
    let copied: Vec<ULONG> = values.iter().map(|(t, _)| *t).collect();
    let pairs: Vec<(ULONG, Option<PropValue>)> =
        values.into_iter().map(|(t, v)| (t, Some(v))).collect();
    let (array, _) = write_prop_values(&alloc, &pairs, true)?;
    let mut problems: *mut SPropProblemArray = ptr::null_mut();
    let want_problems = problems_out.is_some();
    // SAFETY: the destination's own slot; an array in our buffer, freed
    // after the call; a valid out-pointer (or NULL: no problems wanted).
    let hr = unsafe {
        set(
            dest,
            ulong(pairs.len())?,
            array,
            if want_problems {
                &mut problems
            } else {
                ptr::null_mut()
            },
        )
    };
    // SAFETY: our root buffer.
    unsafe { alloc.free(array.cast()) };
    let moved = match MapiError::check(hr) {
        Ok(_) if flags & MAPI_MOVE != 0 => this
            .value()
            .with_prop(|p, _| p.delete_props(&copied).map(drop)),
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    };
    match moved {
        // The problems are the caller's only on success.
        Ok(()) => {
            if let Some(out) = problems_out {
                out.set(problems);
            }
            Ok(hr)
        }
        Err(e) => {
            // SAFETY: a root buffer from the destination's SetProps (or
            // NULL), not handed out.
            unsafe { alloc.free(problems.cast()) };
            Err(e)
        }
    }
}

/// The checks `CopyTo` and `CopyProps` share: the problem array cleared
/// (when wanted), the flags, the destination's interface.
///
/// # Safety
///
/// `lpp_problems` NULL or writable.
unsafe fn copy_arguments(
    lpp_problems: *mut *mut SPropProblemArray,
    flags: ULONG,
    interface: Option<&IID>,
) -> MapiResult<Option<Out<*mut SPropProblemArray>>> {
    // SAFETY: forwarded.
    let problems_out = unsafe { optional_out(lpp_problems, ptr::null_mut()) }?;
    if flags & !COPY_FLAGS != 0 {
        return Err(MapiError::UnknownFlags);
    }
    check_copy_interface(interface)?;
    Ok(problems_out)
}

/// The destination interface of `CopyTo`/`CopyProps`: NULL or one that
/// extends `IMAPIProp`.
fn check_copy_interface(iid: Option<&IID>) -> MapiResult<()> {
    const PROP_IIDS: &[IID] = &[
        IID_IMAPIProp,
        IID_IMAPIContainer,
        IID_IMAPIFolder,
        IID_IMessage,
        IID_IAttachment,
        IID_IMsgStore,
        IID_IMAPIStatus,
    ];
    match iid {
        Some(i) if !PROP_IIDS.contains(i) => Err(MapiError::InterfaceNotSupported),
        _ => Ok(()),
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) unsafe extern "system" fn copy_to<T: PropClass>(
    this: *mut T::Interface,
    ciid_exclude: ULONG,
    rgiid_exclude: *const IID,
    lp_exclude: *mut SPropTagArray,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    lp_interface: *const IID,
    dest: *mut c_void,
    flags: ULONG,
    lpp_problems: *mut *mut SPropProblemArray,
) -> HRESULT {
    // SAFETY: live `this`; arrays readable for their counts; `lpDestObj`
    // a live IMAPIProp; `lppProblems` NULL or writable (MAPI contract).
    unsafe {
        call::<T>(this, |obj| {
            let problems_out = copy_arguments(lpp_problems, flags, iid(lp_interface))?;
            if ciid_exclude > 0 && rgiid_exclude.is_null() {
                return Err(MapiError::InvalidParameter);
            }
            // Subobjects (recipients, attachments) are not copied: only
            // properties (see README); rgiidExclude has nothing to exclude.
            let exclude = read_tags(lp_exclude)?.unwrap_or_default();
            copy_onto(obj, None, &exclude, dest, flags, problems_out)
        })
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) unsafe extern "system" fn copy_props<T: PropClass>(
    this: *mut T::Interface,
    lp_include: *mut SPropTagArray,
    _ui: ULONG_PTR,
    _progress: *mut c_void,
    lp_interface: *const IID,
    dest: *mut c_void,
    flags: ULONG,
    lpp_problems: *mut *mut SPropProblemArray,
) -> HRESULT {
    // SAFETY: as `copy_to`.
    unsafe {
        call::<T>(this, |obj| {
            let problems_out = copy_arguments(lpp_problems, flags, iid(lp_interface))?;
            let include = read_tags(lp_include)?.ok_or(MapiError::InvalidParameter)?;
            copy_onto(obj, Some(include), &[], dest, flags, problems_out)
        })
    }
}

/// One `MAPINAMEID` of the host.
///
/// # Safety
///
/// `p` is NULL or a readable `MAPINAMEID` whose pointers are valid.
unsafe fn read_name(p: *const MAPINAMEID) -> MapiResult<PropName> {
    if p.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: readable (caller); maybe unaligned.
    let n = unsafe { p.read_unaligned() };
    if n.lpguid.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: a readable GUID (caller).
    let guid = GuidKey(unsafe { n.lpguid.read_unaligned() });
    match n.ulKind {
        // SAFETY: the member `ulKind` names.
        MNID_ID => Ok(PropName::Id(guid, unsafe { n.Kind.lID })),
        MNID_STRING => {
            // SAFETY: as above; a NUL-terminated UTF-16 name.
            let name = unsafe { read_string(n.Kind.lpwstrName.cast(), true) }
                .map_err(|_| MapiError::InvalidParameter)?;
            Ok(PropName::String(guid, name))
        }
        _ => Err(MapiError::InvalidParameter),
    }
}

pub(crate) unsafe extern "system" fn get_ids_from_names<T: PropClass>(
    this: *mut T::Interface,
    c_names: ULONG,
    lpp_names: *mut *mut MAPINAMEID,
    flags: ULONG,
    lpp_tags: *mut *mut SPropTagArray,
) -> HRESULT {
    // SAFETY: live `this`; `lppPropNames` readable for `cPropNames`
    // pointers; `lppPropTags` NULL or writable.
    unsafe {
        call::<T>(this, |obj| {
            let out = Out::new(lpp_tags, ptr::null_mut())?;
            if flags & !(MAPI_CREATE | MAPI_DEFERRED_ERRORS) != 0 {
                return Err(MapiError::UnknownFlags);
            }
            let names: Option<Vec<PropName>> = match (c_names, lpp_names.is_null()) {
                (0, true) => None,
                (0, false) | (_, true) => return Err(MapiError::InvalidParameter),
                (n, false) => {
                    let n = usize::try_from(n).map_err(|_| MapiError::InvalidParameter)?;
                    if n > super::props::MAX_COUNT {
                        return Err(MapiError::InvalidParameter);
                    }
                    Some(
                        (0..n)
                            .map(|i| read_name(lpp_names.add(i).read_unaligned()))
                            .collect::<MapiResult<_>>()?,
                    )
                }
            };
            obj.value().with_prop(|_, ctx| {
                let named = ctx.named.ok_or(MapiError::NoSupport)?;
                let ids: Vec<Option<u16>> = match &names {
                    Some(names) => named.ids_from_names(names, flags & MAPI_CREATE != 0)?,
                    None => named
                        .all_names()?
                        .into_iter()
                        .map(|(id, _)| Some(id))
                        .collect(),
                };
                let tags: Vec<ULONG> = ids
                    .iter()
                    .map(|id| match id {
                        Some(id) => PROP_TAG(PT_UNSPECIFIED, ULONG::from(*id)),
                        None => PROP_TAG(PT_ERROR, PROP_ID_NULL),
                    })
                    .collect();
                out.set(ctx.alloc()?.prop_tag_array(&tags)?);
                Ok(if ids.iter().any(Option::is_none) {
                    MAPI_W_ERRORS_RETURNED
                } else {
                    S_OK
                })
            })
        })
    }
}

/// An array of `MAPINAMEID` pointers (NULL for `None`) in one root buffer.
fn write_names(
    alloc: &HostAllocators,
    names: &[Option<PropName>],
) -> MapiResult<*mut *mut MAPINAMEID> {
    let root = alloc.root(size_of::<*mut MAPINAMEID>() * names.len().max(1))?;
    let base = root.as_ptr().cast::<*mut MAPINAMEID>();
    for (i, name) in names.iter().enumerate() {
        let p = match name {
            None => ptr::null_mut(),
            Some(name) => {
                let guid = name.guid();
                let lpguid = alloc
                    .more(&root, size_of::<GUID>())?
                    .as_ptr()
                    .cast::<GUID>();
                // SAFETY: a fresh chained buffer of GUID size.
                unsafe { lpguid.write_unaligned(guid) };
                let (kind, value) = match name {
                    PropName::Id(_, id) => (MNID_ID, MAPINAMEID_Kind { lID: *id }),
                    PropName::String(_, s) => {
                        let w = alloc.string(&root, s, true)?;
                        (
                            MNID_STRING,
                            MAPINAMEID_Kind {
                                lpwstrName: w.cast(),
                            },
                        )
                    }
                };
                let entry = alloc
                    .more(&root, size_of::<MAPINAMEID>())?
                    .as_ptr()
                    .cast::<MAPINAMEID>();
                // SAFETY: a fresh chained buffer of MAPINAMEID size.
                unsafe {
                    entry.write_unaligned(MAPINAMEID {
                        lpguid,
                        ulKind: kind,
                        Kind: value,
                    })
                };
                entry
            }
        };
        // SAFETY: `i < names.len()` pointer slots were allocated.
        unsafe { base.add(i).write_unaligned(p) };
    }
    Ok(root.into_raw().cast())
}

pub(crate) unsafe extern "system" fn get_names_from_ids<T: PropClass>(
    this: *mut T::Interface,
    lpp_tags: *mut *mut SPropTagArray,
    lp_guid: *mut GUID,
    flags: ULONG,
    lpc_names: *mut ULONG,
    lppp_names: *mut *mut *mut MAPINAMEID,
) -> HRESULT {
    // SAFETY: live `this`; `lppPropTags` readable and writable; the GUID
    // NULL or readable; out-pointers NULL or writable (MAPI contract).
    unsafe {
        call::<T>(this, |obj| {
            let (count, names_out) = out_pair(lpc_names, 0, lppp_names, ptr::null_mut())?;
            if lpp_tags.is_null() {
                return Err(MapiError::InvalidParameter);
            }
            if flags & !(MAPI_NO_STRINGS | MAPI_NO_IDS) != 0 {
                return Err(MapiError::UnknownFlags);
            }
            let asked = read_tags(lpp_tags.read_unaligned())?;
            let filter = lp_guid.as_ref().map(|g| ptr::read_unaligned(g));
            obj.value().with_prop(|_, ctx| {
                let named = ctx.named.ok_or(MapiError::NoSupport)?;
                let alloc = ctx.alloc()?;
                let names: Vec<Option<PropName>> = match &asked {
                    Some(tags) => {
                        let ids: Vec<u16> = tags.iter().map(|t| PROP_ID(*t) as u16).collect();
                        named.names_from_ids(&ids)?
                    }
                    None => {
                        // Every name (of the property set asked for, of the
                        // kinds not excluded); the tags are returned too.
                        let all: Vec<(u16, PropName)> = named
                            .all_names()?
                            .into_iter()
                            .filter(|(_, n)| filter.is_none_or(|g| n.guid() == g))
                            .filter(|(_, n)| match n {
                                PropName::Id(..) => flags & MAPI_NO_IDS == 0,
                                PropName::String(..) => flags & MAPI_NO_STRINGS == 0,
                            })
                            .collect();
                        let tags: Vec<ULONG> = all
                            .iter()
                            .map(|(id, _)| PROP_TAG(PT_UNSPECIFIED, ULONG::from(*id)))
                            .collect();
                        let array = alloc.prop_tag_array(&tags)?;
                        lpp_tags.write_unaligned(array);
                        all.into_iter().map(|(_, n)| Some(n)).collect()
                    }
                };
                let errors = names.iter().any(Option::is_none);
                names_out.set(write_names(alloc, &names)?);
                count.set(ulong(names.len())?);
                Ok(if errors { MAPI_W_ERRORS_RETURNED } else { S_OK })
            })
        })
    }
}
