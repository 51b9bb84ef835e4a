//! Where a store lives, as MAPI configures it: a message service keeps its
//! configuration in its MAPI profile, here one property,
//! [`PR_MSLOGON_STORE_PATH`], the store's file.
//!
//! - The service's entry point (`ServiceEntry`, [`configure_service`])
//!   writes it into the service's profile section when the service is
//!   added to a profile (`MSG_SERVICE_CREATE`) or reconfigured
//!   (`MSG_SERVICE_CONFIGURE`), and removes it when the service is
//!   deleted (`MSG_SERVICE_DELETE`).
//! - `IMSProvider::Logon` reads it ([`logon_store_path`]): from the
//!   provider's own profile section, else from its service's (named by
//!   the provider section's `PR_SERVICE_UID`, as MAPI lays a profile out).
//!   The path reaches the provider as
//!   [`LogonRequest::store_path`](super::LogonRequest::store_path).
//!
//! The boundary ([`crate::com`]) implements [`ProfileSection`] on the
//! host's `IProfSect` objects; everything here is safe.

use std::path::{Path, PathBuf};

use crate::mapi::{
    MapiError, MapiResult, MAPI_E_UNCONFIGURED, MSG_SERVICE_CONFIGURE, MSG_SERVICE_CREATE,
    MSG_SERVICE_DELETE, PR_SERVICE_UID, ULONG,
};

use super::PropValue;

/// `PR_MSLOGON_STORE_PATH_W` = `PROP_TAG(PT_UNICODE, 0x6700)`: the store's
/// file (an absolute path), in a profile section of the mslogon service.
/// 0x6700 is in the range MAPI leaves to providers (0x6600..0x67FF, not
/// transmitted).
pub const PR_MSLOGON_STORE_PATH_W: ULONG = 0x6700_001F_u32 as ULONG;
/// `PR_MSLOGON_STORE_PATH_A` = `PROP_TAG(PT_STRING8, 0x6700)`: the same, as
/// an 8-bit string (read as UTF-8).
pub const PR_MSLOGON_STORE_PATH_A: ULONG = 0x6700_001E_u32 as ULONG;
/// `PR_MSLOGON_STORE_PATH`: [`PR_MSLOGON_STORE_PATH_W`], the form written.
pub const PR_MSLOGON_STORE_PATH: ULONG = PR_MSLOGON_STORE_PATH_W;

/// A MAPI profile section (`IProfSect`), as the provider uses it.
pub trait ProfileSection {
    /// The values of `tags`, in order; `None` where the section has none.
    fn get(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>>;
    /// Sets `values` (kept by [`ProfileSection::save`]).
    fn set(&self, values: &[(ULONG, PropValue)]) -> MapiResult<()>;
    /// Deletes `tags` (missing ones are fine).
    fn delete(&self, tags: &[ULONG]) -> MapiResult<()>;
    /// Makes the changes permanent (`SaveChanges`).
    fn save(&self) -> MapiResult<()>;
}

/// A failure with the text of its `MAPIERROR`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError {
    /// What the call answers.
    pub error: MapiError,
    /// What happened, for the `MAPIERROR`.
    pub text: String,
}

impl ProfileError {
    /// `error`, explained by `text`.
    pub fn new(error: MapiError, text: impl Into<String>) -> Self {
        ProfileError {
            error,
            text: text.into(),
        }
    }
}

impl From<MapiError> for ProfileError {
    fn from(error: MapiError) -> Self {
        ProfileError {
            error,
            text: error.to_string(),
        }
    }
}

/// The result of the calls of this module.
pub type ProfileResult<T> = Result<T, ProfileError>;

/// The store path `text` as a path: it must be absolute (every process of
/// the profile resolves it alike). `None` when it is not.
pub fn store_path(text: &str) -> Option<PathBuf> {
    let path = Path::new(text);
    (!text.is_empty() && path.is_absolute()).then(|| path.to_path_buf())
}

/// The store path a profile section holds, if any: the Unicode value,
/// else the 8-bit one, as it is (not checked).
fn section_store_path(values: &[Option<PropValue>]) -> Option<String> {
    values.iter().find_map(|v| match v {
        Some(PropValue::String(s)) => Some(s.clone()),
        _ => None,
    })
}

/// Where `IMSProvider::Logon` finds its store: `open(None)` opens the
/// provider's own profile section (`IMAPISupport::OpenProfileSection(NULL)`),
/// `open(Some(uid))` the section `uid` names; either answers `Ok(None)`
/// when the host has no profile (no support for it, no such section).
///
/// The provider's section is read first; without the path there, the
/// service's section its `PR_SERVICE_UID` names (where `ServiceEntry`
/// writes it). `Ok(None)`: the profile does not say; the entry ID alone
/// names the store. A path that is not absolute is `MAPI_E_UNCONFIGURED`
/// (the profile cannot be used as it is: MAPI then calls the service's
/// entry point with `SERVICE_LOGON_FAILED`).
pub fn logon_store_path<S: ProfileSection>(
    open: impl Fn(Option<&[u8; 16]>) -> MapiResult<Option<S>>,
) -> ProfileResult<Option<PathBuf>> {
    let unreadable = |e: MapiError| {
        ProfileError::new(e, format!("cannot read the store's profile section: {e}"))
    };
    let Some(own) = open(None).map_err(unreadable)? else {
        return Ok(None);
    };
    let values = own
        .get(&[
            PR_MSLOGON_STORE_PATH_W,
            PR_MSLOGON_STORE_PATH_A,
            PR_SERVICE_UID,
        ])
        .map_err(unreadable)?;
    drop(own);
    let mut text = section_store_path(&values[..2]);
    if text.is_none() {
        if let Some(Some(PropValue::Binary(uid))) = values.get(2) {
            if let Ok(uid) = <[u8; 16]>::try_from(uid.as_slice()) {
                if let Some(service) = open(Some(&uid)).map_err(unreadable)? {
                    let values = service
                        .get(&[PR_MSLOGON_STORE_PATH_W, PR_MSLOGON_STORE_PATH_A])
                        .map_err(unreadable)?;
                    text = section_store_path(&values);
                }
            }
        }
    }
    match text {
        None => Ok(None),
        Some(text) => store_path(&text).map(Some).ok_or_else(|| {
            ProfileError::new(
                MapiError::Other(MAPI_E_UNCONFIGURED),
                format!("the profile's store path is not an absolute path: {text:?}"),
            )
        }),
    }
}

/// What `IMSProvider::Logon` writes into the provider's own profile
/// section, as MAPI asks of a provider at logon ("Implementing Service
/// Provider Logon"): `PR_DISPLAY_NAME`, `PR_ENTRYID` (the store's entry ID
/// as `WrapStoreEntryID` made it), `PR_PROVIDER_DISPLAY` and
/// `PR_RECORD_KEY`, from which MAPI builds the session's message store
/// table. Only the values that differ are set, and the section is saved
/// only then (a logon on an unchanged profile writes nothing). `Ok(true)`
/// when something was written.
pub fn record_logon<S: ProfileSection>(
    section: &S,
    values: &[(ULONG, PropValue)],
) -> MapiResult<bool> {
    let tags: Vec<ULONG> = values.iter().map(|(t, _)| *t).collect();
    let now = section.get(&tags)?;
    let changed: Vec<(ULONG, PropValue)> = values
        .iter()
        .zip(&now)
        .filter(|((_, want), have)| have.as_ref() != Some(want))
        .map(|(v, _)| v.clone())
        .collect();
    if changed.is_empty() {
        return Ok(false);
    }
    section.set(&changed)?;
    section.save()?;
    Ok(true)
}

/// What `ServiceEntry` is asked to do (`ulContext`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceContext {
    /// `MSG_SERVICE_CREATE`: the service is being added to a profile.
    Create,
    /// `MSG_SERVICE_CONFIGURE`: its configuration changes.
    Configure,
    /// `MSG_SERVICE_DELETE`: it is being removed from the profile.
    Delete,
}

impl ServiceContext {
    /// The context `ulContext` names; any other (`MSG_SERVICE_INSTALL`,
    /// `UNINSTALL`, `PROVIDER_CREATE`, `PROVIDER_DELETE`, unknown values)
    /// is `MAPI_E_NO_SUPPORT`.
    pub fn from_context(context: ULONG) -> MapiResult<Self> {
        match context {
            MSG_SERVICE_CREATE => Ok(ServiceContext::Create),
            MSG_SERVICE_CONFIGURE => Ok(ServiceContext::Configure),
            MSG_SERVICE_DELETE => Ok(ServiceContext::Delete),
            _ => Err(MapiError::NoSupport),
        }
    }
}

/// What `ServiceEntry` does with the service's profile section `section`,
/// given the store path of its `lpProps` (checked absolute):
///
/// | context | path given | result |
/// |---|---|---|
/// | `Create` | yes | the path is written |
/// | `Create` | no | `default(service_uid)` is written (a file in the per-user data directory) |
/// | `Configure` | yes | the path is written (replacing any) |
/// | `Configure` | no | nothing changes if the section has a path; else as `Create` |
/// | `Delete` | either | the property is deleted; the store's file stays |
///
/// Every change is saved (`SaveChanges`). Returns the path the section
/// names afterwards (`None` after `Delete`). `default` gets the section's
/// `PR_SERVICE_UID`, if it has one.
pub fn configure_service(
    context: ServiceContext,
    path: Option<&Path>,
    section: &dyn ProfileSection,
    default: impl FnOnce(Option<&[u8; 16]>) -> ProfileResult<PathBuf>,
) -> ProfileResult<Option<PathBuf>> {
    let write = |path: &Path| -> ProfileResult<()> {
        let text = path.to_str().ok_or_else(|| {
            ProfileError::new(
                MapiError::InvalidParameter,
                format!("the store path is not Unicode: {path:?}"),
            )
        })?;
        section
            .set(&[(PR_MSLOGON_STORE_PATH_W, PropValue::String(text.to_string()))])
            .and_then(|()| section.save())
            .map_err(|e| {
                ProfileError::new(
                    e,
                    format!("cannot write the service's profile section: {e}"),
                )
            })
    };
    match (context, path) {
        (ServiceContext::Delete, _) => {
            section
                .delete(&[PR_MSLOGON_STORE_PATH_W, PR_MSLOGON_STORE_PATH_A])
                .and_then(|()| section.save())
                .map_err(|e| {
                    ProfileError::new(
                        e,
                        format!("cannot change the service's profile section: {e}"),
                    )
                })?;
            Ok(None)
        }
        (_, Some(path)) => {
            write(path)?;
            Ok(Some(path.to_path_buf()))
        }
        (context, None) => {
            let values = section
                .get(&[
                    PR_MSLOGON_STORE_PATH_W,
                    PR_MSLOGON_STORE_PATH_A,
                    PR_SERVICE_UID,
                ])
                .map_err(|e| {
                    ProfileError::new(e, format!("cannot read the service's profile section: {e}"))
                })?;
            if context == ServiceContext::Configure {
                if let Some(existing) =
                    section_store_path(&values[..2]).and_then(|t| store_path(&t))
                {
                    return Ok(Some(existing));
                }
            }
            let uid = match values.get(2) {
                Some(Some(PropValue::Binary(uid))) => <[u8; 16]>::try_from(uid.as_slice()).ok(),
                _ => None,
            };
            let path = default(uid.as_ref())?;
            write(&path)?;
            Ok(Some(path))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    /// A profile section in memory: what is set is seen at once, `saves`
    /// counts `SaveChanges`.
    #[derive(Default)]
    struct Section {
        props: RefCell<BTreeMap<ULONG, PropValue>>,
        saves: RefCell<usize>,
        fail: Option<MapiError>,
    }

    impl ProfileSection for &Section {
        fn get(&self, tags: &[ULONG]) -> MapiResult<Vec<Option<PropValue>>> {
            if let Some(e) = self.fail {
                return Err(e);
            }
            Ok(tags
                .iter()
                .map(|t| self.props.borrow().get(t).cloned())
                .collect())
        }
        fn set(&self, values: &[(ULONG, PropValue)]) -> MapiResult<()> {
            for (t, v) in values {
                self.props.borrow_mut().insert(*t, v.clone());
            }
            Ok(())
        }
        fn delete(&self, tags: &[ULONG]) -> MapiResult<()> {
            for t in tags {
                self.props.borrow_mut().remove(t);
            }
            Ok(())
        }
        fn save(&self) -> MapiResult<()> {
            *self.saves.borrow_mut() += 1;
            Ok(())
        }
    }

    fn abs(name: &str) -> PathBuf {
        std::env::temp_dir().join(name)
    }

    fn path_in(s: &Section) -> Option<PropValue> {
        s.props.borrow().get(&PR_MSLOGON_STORE_PATH_W).cloned()
    }

    #[test]
    fn the_tags_are_provider_defined_strings() {
        use crate::mapi::{PROP_TAG, PT_STRING8, PT_UNICODE};
        assert_eq!(PR_MSLOGON_STORE_PATH_W, PROP_TAG(PT_UNICODE, 0x6700));
        assert_eq!(PR_MSLOGON_STORE_PATH_A, PROP_TAG(PT_STRING8, 0x6700));
        assert_eq!(PR_MSLOGON_STORE_PATH, PR_MSLOGON_STORE_PATH_W);
    }

    #[test]
    fn only_absolute_paths_are_store_paths() {
        assert_eq!(store_path(""), None);
        assert_eq!(store_path("relative/x.db"), None);
        let a = abs("x.db");
        assert_eq!(store_path(a.to_str().unwrap()), Some(a));
    }

    #[test]
    fn contexts() {
        assert_eq!(ServiceContext::from_context(2), Ok(ServiceContext::Create));
        assert_eq!(
            ServiceContext::from_context(3),
            Ok(ServiceContext::Configure)
        );
        assert_eq!(ServiceContext::from_context(4), Ok(ServiceContext::Delete));
        for c in [0, 1, 5, 6, 7, 8, 0xFFFF_FFFF] {
            assert_eq!(ServiceContext::from_context(c), Err(MapiError::NoSupport));
        }
    }

    #[test]
    fn create_configure_delete() {
        let s = Section::default();
        let a = abs("a.db");
        let got = configure_service(ServiceContext::Create, Some(&a), &&s, |_| unreachable!());
        assert_eq!(got, Ok(Some(a.clone())));
        assert_eq!(
            path_in(&s),
            Some(PropValue::String(a.to_str().unwrap().into()))
        );
        assert_eq!(*s.saves.borrow(), 1);

        // CONFIGURE without a path keeps what is there.
        let got = configure_service(ServiceContext::Configure, None, &&s, |_| unreachable!());
        assert_eq!(got, Ok(Some(a.clone())));
        assert_eq!(*s.saves.borrow(), 1);

        let b = abs("b.db");
        let got = configure_service(ServiceContext::Configure, Some(&b), &&s, |_| unreachable!());
        assert_eq!(got, Ok(Some(b.clone())));
        assert_eq!(
            path_in(&s),
            Some(PropValue::String(b.to_str().unwrap().into()))
        );

        let got = configure_service(ServiceContext::Delete, None, &&s, |_| unreachable!());
        assert_eq!(got, Ok(None));
        assert_eq!(path_in(&s), None);
        assert_eq!(*s.saves.borrow(), 3);
    }

    #[test]
    fn create_without_a_path_writes_the_default_named_by_the_service() {
        let s = Section::default();
        s.props
            .borrow_mut()
            .insert(PR_SERVICE_UID, PropValue::Binary(vec![7; 16]));
        let d = abs("default.db");
        let got = configure_service(ServiceContext::Create, None, &&s, |uid| {
            assert_eq!(uid, Some(&[7; 16]));
            Ok(d.clone())
        });
        assert_eq!(got, Ok(Some(d.clone())));
        assert_eq!(
            path_in(&s),
            Some(PropValue::String(d.to_str().unwrap().into()))
        );
        // CONFIGURE without a path on an unconfigured section does the same.
        let t = Section::default();
        let got = configure_service(ServiceContext::Configure, None, &&t, |uid| {
            assert_eq!(uid, None);
            Ok(d.clone())
        });
        assert_eq!(got, Ok(Some(d)));
        // No default to be had: the entry point's error.
        let u = Section::default();
        let e = ProfileError::new(MapiError::Other(MAPI_E_UNCONFIGURED), "no home");
        let got = configure_service(ServiceContext::Create, None, &&u, |_| Err(e.clone()));
        assert_eq!(got, Err(e));
        assert_eq!(path_in(&u), None);
        assert_eq!(*u.saves.borrow(), 0);
    }

    #[test]
    fn logon_reads_its_own_section_then_the_services() {
        let own = Section::default();
        let service = Section::default();
        let a = abs("a.db");
        let open = |uid: Option<&[u8; 16]>| -> MapiResult<Option<&Section>> {
            Ok(match uid {
                None => Some(&own),
                Some(u) if *u == [9; 16] => Some(&service),
                Some(_) => None,
            })
        };
        assert_eq!(logon_store_path(open), Ok(None));
        own.props
            .borrow_mut()
            .insert(PR_SERVICE_UID, PropValue::Binary(vec![9; 16]));
        assert_eq!(logon_store_path(open), Ok(None));
        service.props.borrow_mut().insert(
            PR_MSLOGON_STORE_PATH_A,
            PropValue::String(a.to_str().unwrap().into()),
        );
        assert_eq!(logon_store_path(open), Ok(Some(a.clone())));
        let b = abs("b.db");
        own.props.borrow_mut().insert(
            PR_MSLOGON_STORE_PATH_W,
            PropValue::String(b.to_str().unwrap().into()),
        );
        assert_eq!(logon_store_path(open), Ok(Some(b)));
        own.props
            .borrow_mut()
            .insert(PR_MSLOGON_STORE_PATH_W, PropValue::String("x.db".into()));
        let e = logon_store_path(open).unwrap_err();
        assert_eq!(e.error, MapiError::Other(MAPI_E_UNCONFIGURED));
        assert!(e.text.contains("x.db"), "{}", e.text);
    }

    #[test]
    fn no_profile_and_unreadable_profiles() {
        let none = |_: Option<&[u8; 16]>| -> MapiResult<Option<&Section>> { Ok(None) };
        assert_eq!(logon_store_path(none), Ok(None));
        let failing = |_: Option<&[u8; 16]>| -> MapiResult<Option<&Section>> {
            Err(MapiError::Other(crate::mapi::MAPI_E_NO_ACCESS))
        };
        let e = logon_store_path(failing).unwrap_err();
        assert_eq!(e.error, MapiError::Other(crate::mapi::MAPI_E_NO_ACCESS));
        let broken = Section {
            fail: Some(MapiError::CallFailed),
            ..Section::default()
        };
        let open = |_: Option<&[u8; 16]>| -> MapiResult<Option<&Section>> { Ok(Some(&broken)) };
        assert_eq!(
            logon_store_path(open).unwrap_err().error,
            MapiError::CallFailed
        );
    }

    #[test]
    fn a_logon_records_only_what_changed() {
        let section = Section::default();
        let values = [
            (crate::mapi::PR_ENTRYID, PropValue::Binary(vec![1, 2, 3])),
            (
                crate::mapi::PR_DISPLAY_NAME_W,
                PropValue::String("store".into()),
            ),
        ];
        assert_eq!(record_logon(&&section, &values), Ok(true));
        assert_eq!(*section.saves.borrow(), 1);
        assert_eq!(
            section.props.borrow().get(&crate::mapi::PR_ENTRYID),
            Some(&PropValue::Binary(vec![1, 2, 3]))
        );
        // The same values again: nothing set, nothing saved.
        assert_eq!(record_logon(&&section, &values), Ok(false));
        assert_eq!(*section.saves.borrow(), 1);
        // One changed value: written and saved once more.
        let changed = [(crate::mapi::PR_ENTRYID, PropValue::Binary(vec![9]))];
        assert_eq!(record_logon(&&section, &changed), Ok(true));
        assert_eq!(*section.saves.borrow(), 2);
        // A section that cannot be read: its error, nothing saved.
        let broken = Section {
            fail: Some(MapiError::CallFailed),
            ..Section::default()
        };
        assert_eq!(record_logon(&&broken, &values), Err(MapiError::CallFailed));
        assert_eq!(*broken.saves.borrow(), 0);
    }
}
