//! Where the reference store's file goes when the service's configuration
//! names none: the per-user data directory (or `MSLOGON_STORE_DIR`).

use std::path::{Path, PathBuf};

use super::DEFAULT_STORE;

/// The directory of a store file the profile does not name:
/// `MSLOGON_STORE_DIR` when it names a directory (not empty, not
/// `:temp:`; made absolute), else the per-user data directory's `mslogon`:
///
/// - Linux and other Unix: `$XDG_DATA_HOME/mslogon` (when absolute), else
///   `$HOME/.local/share/mslogon`;
/// - Windows: `%LOCALAPPDATA%\mslogon`, else
///   `%USERPROFILE%\AppData\Local\mslogon`.
///
/// `None` when none of these is set. The directory is not created here
/// (the first logon creates it).
pub fn default_store_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("MSLOGON_STORE_DIR") {
        if !dir.is_empty() && dir != ":temp:" {
            return std::path::absolute(Path::new(&dir)).ok();
        }
    }
    user_data_dir().map(|d| d.join("mslogon"))
}

/// An absolute path from the environment variable `name`.
fn env_path(name: &str) -> Option<PathBuf> {
    let value = PathBuf::from(std::env::var_os(name)?);
    value.is_absolute().then_some(value)
}

#[cfg(windows)]
fn user_data_dir() -> Option<PathBuf> {
    env_path("LOCALAPPDATA")
        .or_else(|| env_path("USERPROFILE").map(|p| p.join("AppData").join("Local")))
}

#[cfg(not(windows))]
fn user_data_dir() -> Option<PathBuf> {
    env_path("XDG_DATA_HOME").or_else(|| env_path("HOME").map(|p| p.join(".local").join("share")))
}

/// The file a service configured without a path keeps its store in, in
/// [`default_store_dir`]: `store-<service UID, 32 hex digits>.mslogon.db`
/// (one file per service, the way each PST service has its own), or,
/// for a profile section without `PR_SERVICE_UID`,
/// `store-1.mslogon.db` (the file of the default store of
/// `MSLOGON_STORE_DIR=<that directory>`). `None` without a directory.
pub fn default_store_file(service_uid: Option<&[u8; 16]>) -> Option<PathBuf> {
    let name = match service_uid {
        Some(uid) => {
            let hex: String = uid.iter().map(|b| format!("{b:02x}")).collect();
            format!("store-{hex}.mslogon.db")
        }
        None => format!("store-{DEFAULT_STORE}.mslogon.db"),
    };
    default_store_dir().map(|d| d.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_files_are_named_by_the_service() {
        // The environment is the process's: only check what does not
        // depend on it.
        if let Some(f) = default_store_file(Some(&[0xAB; 16])) {
            assert!(f.is_absolute());
            assert_eq!(
                f.file_name().unwrap().to_str().unwrap(),
                format!("store-{}.mslogon.db", "ab".repeat(16))
            );
        }
        if let Some(f) = default_store_file(None) {
            assert_eq!(f.file_name().unwrap(), "store-1.mslogon.db");
        }
    }
}
