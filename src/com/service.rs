//! The message service's entry point (`ServiceEntry`, `MSGSERVICEENTRY` in
//! `mapispi.h`): unpacks MAPI's arguments, opens the service's profile
//! section through `IProviderAdmin`, and hands the rest to the safe
//! [`configure_service`].

use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::ptr;

use super::logon::COMPONENT;
use super::profile::HostProfileSection;
use super::props::{read_array, read_string};
use crate::host::{ComPtr, HostAllocators};
use crate::mapi::{
    IMAPISupport, IMalloc, IProviderAdmin, MapiError, SPropValue, HRESULT, MAPIERROR, MAPI_UNICODE,
    PROP_ID, PROP_TYPE, PT_ERROR, PT_STRING8, PT_UNICODE, S_OK, ULONG, ULONG_PTR,
};
use crate::provider::{
    configure_service, store_path, ProfileError, ProfileResult, ServiceContext,
    PR_MSLOGON_STORE_PATH_W,
};
use crate::trace::trace;

/// A failed `ServiceEntry`: the code, and what its `MAPIERROR` says (with
/// the allocators to make it), when there is one.
struct Failure {
    error: MapiError,
    explanation: Option<(String, HostAllocators)>,
}

impl From<MapiError> for Failure {
    fn from(error: MapiError) -> Self {
        Failure {
            error,
            explanation: None,
        }
    }
}

/// The store path among `lpProps` (`PR_MSLOGON_STORE_PATH`, `PT_UNICODE` or
/// `PT_STRING8`; the first one that is not a `PT_ERROR` entry), checked
/// absolute. Other properties are ignored.
///
/// # Safety
///
/// `props` is readable for `n` `SPropValue`s (NULL when `n` is 0) whose
/// string pointers are valid for their types.
unsafe fn given_store_path(n: ULONG, props: *const SPropValue) -> ProfileResult<Option<PathBuf>> {
    let bad = |text: String| ProfileError::new(MapiError::InvalidParameter, text);
    // SAFETY: readable for `n` values (caller).
    let values = unsafe { read_array(props, n) }?;
    for v in values {
        let tag = v.ulPropTag;
        if PROP_ID(tag) != PROP_ID(PR_MSLOGON_STORE_PATH_W) || PROP_TYPE(tag) == PT_ERROR {
            continue;
        }
        let text = match PROP_TYPE(tag) {
            // SAFETY: the union member the tag's type names, a string
            // (caller).
            PT_UNICODE => unsafe { read_string(v.Value.lpszW.cast(), true) },
            // SAFETY: as above.
            PT_STRING8 => unsafe { read_string(v.Value.lpszA.cast(), false) },
            _ => {
                return Err(bad(format!(
                    "PR_MSLOGON_STORE_PATH must be a string (PT_UNICODE or PT_STRING8), \
                     not property type 0x{:04X}",
                    PROP_TYPE(tag)
                )))
            }
        };
        let text = text.map_err(|_| bad("the store path is not a valid string".into()))?;
        return store_path(&text)
            .map(Some)
            .ok_or_else(|| bad(format!("the store path is not an absolute path: {text:?}")));
    }
    Ok(None)
}

/// The body of `ServiceEntry` (the reference provider's; `default` names
/// the file a service configured without a path keeps its store in).
///
/// Checks, in order: `ulContext` (`MSG_SERVICE_CREATE`, `CONFIGURE`,
/// `DELETE`; any other: `MAPI_E_NO_SUPPORT`); `lpProviderAdmin`, and
/// `lpMAPISup` with its allocators (`GetMemAllocRoutines`), are required
/// (`MAPI_E_INVALID_PARAMETER`); `cValues`/`lpProps` (a count with NULL,
/// `PR_MSLOGON_STORE_PATH` of another type than a string, or a path that
/// is not absolute: `MAPI_E_INVALID_PARAMETER`). Then
/// `IProviderAdmin::OpenProfileSection(NULL, NULL, MAPI_MODIFY)` and
/// [`configure_service`]. The flags are not checked: no UI is ever shown
/// (`SERVICE_UI_ALWAYS`, `SERVICE_UI_ALLOWED`, `MSG_SERVICE_UI_READ_ONLY`
/// change nothing), `MAPI_UNICODE` makes the `MAPIERROR` wide.
/// `*lppMapiError` (optional) is NULL unless a failure after the argument
/// checks explains itself there, in the support object's buffers.
///
/// # Safety
///
/// Every pointer NULL or valid as `mapispi.h` documents.
#[allow(clippy::too_many_arguments)]
pub unsafe fn service_entry(
    _h_instance: *mut c_void,
    _lp_malloc: *mut IMalloc,
    lp_mapi_sup: *mut IMAPISupport,
    _ul_ui_param: ULONG_PTR,
    ul_flags: ULONG,
    ul_context: ULONG,
    c_values: ULONG,
    lp_props: *mut SPropValue,
    lp_provider_admin: *mut IProviderAdmin,
    lpp_mapi_error: *mut *mut MAPIERROR,
    default: impl FnOnce(Option<&[u8; 16]>) -> ProfileResult<PathBuf>,
) -> HRESULT {
    if !lpp_mapi_error.is_null() {
        // SAFETY: non-NULL and writable (caller).
        unsafe { *lpp_mapi_error = ptr::null_mut() };
    }
    let done = catch_unwind(AssertUnwindSafe(|| {
        let context = ServiceContext::from_context(ul_context)?;
        // SAFETY: NULL or live objects (caller), borrowed for the call.
        let (admin, support) = unsafe {
            (
                ComPtr::from_borrowed(lp_provider_admin),
                ComPtr::from_borrowed(lp_mapi_sup),
            )
        };
        let admin = admin.ok_or(MapiError::InvalidParameter)?;
        let alloc = support
            .as_ref()
            .and_then(HostAllocators::from_support)
            .ok_or(MapiError::InvalidParameter)?;
        if c_values > 0 && lp_props.is_null() {
            return Err(MapiError::InvalidParameter.into());
        }
        let explained = |e: ProfileError| Failure {
            error: e.error,
            explanation: Some((e.text, alloc)),
        };
        // SAFETY: forwarded from the caller.
        let path = unsafe { given_store_path(c_values, lp_props) }.map_err(explained)?;
        let section = HostProfileSection::from_admin(&admin, &alloc).map_err(|e| {
            explained(ProfileError::new(
                e,
                format!("cannot open the service's profile section: {e}"),
            ))
        })?;
        let configured =
            configure_service(context, path.as_deref(), &section, default).map_err(explained)?;
        trace!("ServiceEntry: {context:?}: store path {configured:?}");
        Ok::<_, Failure>(())
    }));
    let Failure { error, explanation } = match done {
        Ok(Ok(())) => return S_OK,
        Ok(Err(e)) => e,
        Err(_) => MapiError::CallFailed.into(),
    };
    if let (false, Some((text, alloc))) = (lpp_mapi_error.is_null(), explanation) {
        let wide = ul_flags & MAPI_UNICODE != 0;
        if let Ok(err) = alloc.mapi_error(&text, COMPONENT, 0, wide) {
            // SAFETY: non-NULL and writable (caller).
            unsafe { *lpp_mapi_error = err };
        }
    }
    error.hresult()
}
