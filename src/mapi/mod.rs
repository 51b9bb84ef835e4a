//! MAPI's C types, codes, interface IDs and vtable layouts: pure data, no
//! logic, mirroring the MinGW-w64 headers (`mapidefs.h`, `mapicode.h`,
//! `mapiguid.h`, `mapispi.h`).

pub mod codes;
pub mod error;
pub mod iids;
pub mod interfaces;
pub mod types;

pub use codes::*;
pub use error::{MapiError, MapiResult};
pub use iids::*;
pub use interfaces::*;
pub use types::*;
