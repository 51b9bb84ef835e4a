//! MAPI's C types, codes, interface IDs and vtable layouts: pure data, no
//! logic, mirroring the MinGW-w64 headers (`mapidefs.h`, `mapicode.h`,
//! `mapiguid.h`, `mapispi.h`, `mapitags.h`, `objidl.h`), plus the
//! `PROP_TAG`-family helpers as `const fn`s.

pub mod codes;
pub mod error;
pub mod iids;
pub mod interfaces;
pub mod objects;
pub mod props;
pub mod restriction;
pub mod tags;
pub mod types;

pub use codes::*;
pub use error::{MapiError, MapiResult};
pub use iids::*;
pub use interfaces::*;
pub use objects::*;
pub use props::*;
pub use restriction::*;
pub use tags::*;
pub use types::*;
