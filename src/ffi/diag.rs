//! Version and diagnostics for C hosts: `mslogon_version`,
//! `mslogon_hresult_name`, and the version macros of the header.

use std::ffi::c_char;

use crate::mapi::{HRESULT, HRESULT_NAMES};

/// Major version (`MSLogon_VERSION_MAJOR`), as in `Cargo.toml`.
pub const VERSION_MAJOR: u32 = 0;
/// Minor version (`MSLogon_VERSION_MINOR`).
pub const VERSION_MINOR: u32 = 1;
/// Patch version (`MSLogon_VERSION_PATCH`).
pub const VERSION_PATCH: u32 = 0;

const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library's version, `"MAJOR.MINOR.PATCH"` (static, NUL-terminated),
/// for hosts that check the library they loaded against the header they
/// were built with (`MSLogon_VERSION_*`).
#[no_mangle]
pub extern "C" fn mslogon_version() -> *const c_char {
    VERSION.as_ptr().cast()
}

/// The symbolic name of `hr` (`"MAPI_E_END_OF_SESSION"`, `"S_OK"`, ...),
/// static and NUL-terminated; `"unknown HRESULT"` for codes this library
/// does not name. Never NULL.
#[no_mangle]
pub extern "C" fn mslogon_hresult_name(hr: HRESULT) -> *const c_char {
    hresult_name(hr).as_ptr().cast()
}

/// [`mslogon_hresult_name`] for Rust: the name with a trailing NUL.
fn hresult_name(hr: HRESULT) -> &'static str {
    // The table's names have no NUL: copy each once into a static list
    // that does, built on first use.
    static NAMES: std::sync::OnceLock<Vec<(HRESULT, String)>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        HRESULT_NAMES
            .iter()
            .map(|&(code, name)| (code, format!("{name}\0")))
            .collect()
    });
    names
        .iter()
        .find(|(code, _)| *code == hr)
        .map_or("unknown HRESULT\0", |(_, name)| name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapi::{MAPI_E_END_OF_SESSION, S_OK};
    use std::ffi::CStr;

    #[test]
    fn version_macros_match_cargo_toml() {
        assert_eq!(VERSION_MAJOR.to_string(), env!("CARGO_PKG_VERSION_MAJOR"));
        assert_eq!(VERSION_MINOR.to_string(), env!("CARGO_PKG_VERSION_MINOR"));
        assert_eq!(VERSION_PATCH.to_string(), env!("CARGO_PKG_VERSION_PATCH"));
        // SAFETY: a static NUL-terminated string.
        let v = unsafe { CStr::from_ptr(mslogon_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn hresult_names_are_static_c_strings() {
        let name = |hr| {
            // SAFETY: a static NUL-terminated string.
            unsafe { CStr::from_ptr(mslogon_hresult_name(hr)) }
                .to_str()
                .unwrap()
        };
        assert_eq!(name(S_OK), "S_OK");
        assert_eq!(name(MAPI_E_END_OF_SESSION), "MAPI_E_END_OF_SESSION");
        assert_eq!(name(0x8004_ABCD_u32 as HRESULT), "unknown HRESULT");
        for &(code, expected) in HRESULT_NAMES {
            assert_eq!(name(code), expected);
        }
    }
}
