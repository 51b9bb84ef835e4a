//! [`MapiError`]: the failure half of every provider call, convertible to and
//! from `HRESULT` without losing unknown codes.

use super::codes::*;
use super::types::HRESULT;

/// A failed MAPI call. Each variant maps to one `HRESULT`; codes this crate
/// does not name are kept verbatim in [`MapiError::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum MapiError {
    /// `MAPI_E_CALL_FAILED`.
    #[error("the call failed (MAPI_E_CALL_FAILED)")]
    CallFailed,
    /// `MAPI_E_INTERFACE_NOT_SUPPORTED` (`E_NOINTERFACE`).
    #[error("the interface is not supported (MAPI_E_INTERFACE_NOT_SUPPORTED)")]
    InterfaceNotSupported,
    /// `MAPI_E_NOT_ENOUGH_MEMORY`.
    #[error("not enough memory (MAPI_E_NOT_ENOUGH_MEMORY)")]
    NotEnoughMemory,
    /// `MAPI_E_INVALID_PARAMETER`.
    #[error("an argument is NULL or invalid (MAPI_E_INVALID_PARAMETER)")]
    InvalidParameter,
    /// `MAPI_E_NO_SUPPORT`.
    #[error("the provider does not support this method (MAPI_E_NO_SUPPORT)")]
    NoSupport,
    /// `MAPI_E_BAD_CHARWIDTH`.
    #[error("the requested character width is not supported (MAPI_E_BAD_CHARWIDTH)")]
    BadCharWidth,
    /// `MAPI_E_UNKNOWN_FLAGS`.
    #[error("unknown flags were passed (MAPI_E_UNKNOWN_FLAGS)")]
    UnknownFlags,
    /// `MAPI_E_INVALID_ENTRYID`.
    #[error("the entry ID is not valid for this provider (MAPI_E_INVALID_ENTRYID)")]
    InvalidEntryId,
    /// `MAPI_E_INVALID_OBJECT`.
    #[error("the object is not valid (MAPI_E_INVALID_OBJECT)")]
    InvalidObject,
    /// `MAPI_E_NOT_FOUND`.
    #[error("not found (MAPI_E_NOT_FOUND)")]
    NotFound,
    /// `MAPI_E_VERSION`.
    #[error("the version is not supported (MAPI_E_VERSION)")]
    Version,
    /// `MAPI_E_LOGON_FAILED`.
    #[error("the logon failed (MAPI_E_LOGON_FAILED)")]
    LogonFailed,
    /// `MAPI_E_END_OF_SESSION`.
    #[error("the logon was logged off (MAPI_E_END_OF_SESSION)")]
    EndOfSession,
    /// Any other failure code, kept as it came.
    #[error("MAPI error 0x{code:08X}", code = *.0 as u32)]
    Other(HRESULT),
}

impl MapiError {
    /// The `HRESULT` this error stands for (always a failure code).
    pub const fn hresult(self) -> HRESULT {
        match self {
            MapiError::CallFailed => MAPI_E_CALL_FAILED,
            MapiError::InterfaceNotSupported => MAPI_E_INTERFACE_NOT_SUPPORTED,
            MapiError::NotEnoughMemory => MAPI_E_NOT_ENOUGH_MEMORY,
            MapiError::InvalidParameter => MAPI_E_INVALID_PARAMETER,
            MapiError::NoSupport => MAPI_E_NO_SUPPORT,
            MapiError::BadCharWidth => MAPI_E_BAD_CHARWIDTH,
            MapiError::UnknownFlags => MAPI_E_UNKNOWN_FLAGS,
            MapiError::InvalidEntryId => MAPI_E_INVALID_ENTRYID,
            MapiError::InvalidObject => MAPI_E_INVALID_OBJECT,
            MapiError::NotFound => MAPI_E_NOT_FOUND,
            MapiError::Version => MAPI_E_VERSION,
            MapiError::LogonFailed => MAPI_E_LOGON_FAILED,
            MapiError::EndOfSession => MAPI_E_END_OF_SESSION,
            MapiError::Other(hr) => hr,
        }
    }

    /// Interprets a failure `HRESULT`; `None` for success codes (`hr >= 0`).
    pub const fn from_hresult(hr: HRESULT) -> Option<MapiError> {
        Some(match hr {
            MAPI_E_CALL_FAILED => MapiError::CallFailed,
            MAPI_E_INTERFACE_NOT_SUPPORTED => MapiError::InterfaceNotSupported,
            MAPI_E_NOT_ENOUGH_MEMORY => MapiError::NotEnoughMemory,
            MAPI_E_INVALID_PARAMETER => MapiError::InvalidParameter,
            MAPI_E_NO_SUPPORT => MapiError::NoSupport,
            MAPI_E_BAD_CHARWIDTH => MapiError::BadCharWidth,
            MAPI_E_UNKNOWN_FLAGS => MapiError::UnknownFlags,
            MAPI_E_INVALID_ENTRYID => MapiError::InvalidEntryId,
            MAPI_E_INVALID_OBJECT => MapiError::InvalidObject,
            MAPI_E_NOT_FOUND => MapiError::NotFound,
            MAPI_E_VERSION => MapiError::Version,
            MAPI_E_LOGON_FAILED => MapiError::LogonFailed,
            MAPI_E_END_OF_SESSION => MapiError::EndOfSession,
            hr if hr >= 0 => return None,
            hr => MapiError::Other(hr),
        })
    }

    /// Turns an `HRESULT` into a `Result`: success codes (including
    /// warnings, `hr > 0`) are `Ok(hr)`.
    pub const fn check(hr: HRESULT) -> Result<HRESULT, MapiError> {
        match MapiError::from_hresult(hr) {
            None => Ok(hr),
            Some(e) => Err(e),
        }
    }

    /// The symbolic name of the code, e.g. `"MAPI_E_END_OF_SESSION"`;
    /// `None` for [`MapiError::Other`].
    pub const fn name(self) -> Option<&'static str> {
        Some(match self {
            MapiError::CallFailed => "MAPI_E_CALL_FAILED",
            MapiError::InterfaceNotSupported => "MAPI_E_INTERFACE_NOT_SUPPORTED",
            MapiError::NotEnoughMemory => "MAPI_E_NOT_ENOUGH_MEMORY",
            MapiError::InvalidParameter => "MAPI_E_INVALID_PARAMETER",
            MapiError::NoSupport => "MAPI_E_NO_SUPPORT",
            MapiError::BadCharWidth => "MAPI_E_BAD_CHARWIDTH",
            MapiError::UnknownFlags => "MAPI_E_UNKNOWN_FLAGS",
            MapiError::InvalidEntryId => "MAPI_E_INVALID_ENTRYID",
            MapiError::InvalidObject => "MAPI_E_INVALID_OBJECT",
            MapiError::NotFound => "MAPI_E_NOT_FOUND",
            MapiError::Version => "MAPI_E_VERSION",
            MapiError::LogonFailed => "MAPI_E_LOGON_FAILED",
            MapiError::EndOfSession => "MAPI_E_END_OF_SESSION",
            MapiError::Other(_) => return None,
        })
    }
}

impl From<MapiError> for HRESULT {
    fn from(e: MapiError) -> HRESULT {
        e.hresult()
    }
}

/// `Result` of a provider call.
pub type MapiResult<T> = Result<T, MapiError>;

#[cfg(test)]
mod tests {
    use super::*;

    const NAMED: [MapiError; 13] = [
        MapiError::CallFailed,
        MapiError::InterfaceNotSupported,
        MapiError::NotEnoughMemory,
        MapiError::InvalidParameter,
        MapiError::NoSupport,
        MapiError::BadCharWidth,
        MapiError::UnknownFlags,
        MapiError::InvalidEntryId,
        MapiError::InvalidObject,
        MapiError::NotFound,
        MapiError::Version,
        MapiError::LogonFailed,
        MapiError::EndOfSession,
    ];

    #[test]
    fn named_codes_round_trip_and_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for e in NAMED {
            let hr = e.hresult();
            assert!(hr < 0, "{e:?} must be a failure code");
            assert!(seen.insert(hr), "{e:?} shares its code");
            assert_eq!(MapiError::from_hresult(hr), Some(e));
            assert!(e.to_string().contains(e.name().unwrap()));
        }
    }

    #[test]
    fn unknown_failure_codes_are_preserved() {
        let hr = 0x8004_0601_u32 as HRESULT; // MAPI_E_NOT_IN_QUEUE
        let e = MapiError::from_hresult(hr).unwrap();
        assert_eq!(e, MapiError::Other(hr));
        assert_eq!(e.hresult(), hr);
        assert_eq!(e.to_string(), "MAPI error 0x80040601");
        assert_eq!(e.name(), None);
    }

    #[test]
    fn every_other_named_code_is_kept_as_other() {
        let mut seen = std::collections::HashSet::new();
        for &(hr, name) in HRESULT_NAMES {
            assert!(seen.insert(hr), "{name} shares its code");
            match MapiError::from_hresult(hr) {
                None => assert!(hr >= 0, "{name}"),
                Some(e) if NAMED.contains(&e) => assert_eq!(e.name(), Some(name)),
                Some(e) => {
                    assert_eq!(e, MapiError::Other(hr), "{name}");
                    assert_eq!(e.hresult(), hr);
                }
            }
        }
        assert_eq!(
            MapiError::from_hresult(MAPI_E_COLLISION),
            Some(MapiError::Other(MAPI_E_COLLISION))
        );
        assert_eq!(
            MapiError::check(MAPI_W_POSITION_CHANGED),
            Ok(MAPI_W_POSITION_CHANGED)
        );
    }

    #[test]
    fn success_and_warnings_are_not_errors() {
        assert_eq!(MapiError::from_hresult(S_OK), None);
        assert_eq!(MapiError::check(0x0004_0380), Ok(0x0004_0380)); // MAPI_W_ERRORS_RETURNED
        assert_eq!(
            MapiError::check(MAPI_E_END_OF_SESSION),
            Err(MapiError::EndOfSession)
        );
    }

    #[test]
    fn values_match_mapicode_h() {
        assert_eq!(MAPI_E_CALL_FAILED as u32, 0x8000_4005);
        assert_eq!(MAPI_E_INVALID_PARAMETER as u32, 0x8007_0057);
        assert_eq!(MAPI_E_UNKNOWN_FLAGS as u32, 0x8004_0106);
        assert_eq!(MAPI_E_END_OF_SESSION as u32, 0x8004_0200);
        assert_eq!(E_NOINTERFACE, MAPI_E_INTERFACE_NOT_SUPPORTED);
        assert_eq!(MAPI_E_COLLISION as u32, 0x8004_0604);
        assert_eq!(MAPI_E_INVALID_BOOKMARK as u32, 0x8004_0405);
        assert_eq!(MAPI_W_POSITION_CHANGED, 0x0004_0481);
        assert_eq!(STG_E_INVALIDPARAMETER as u32, 0x8003_0057);
        assert_eq!(E_NOTIMPL as u32, 0x8000_4001);
        assert_eq!(E_INVALIDARG, MAPI_E_INVALID_PARAMETER);
    }
}
