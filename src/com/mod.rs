//! COM scaffolding: the `unsafe` boundary layer.
//!
//! - [`ComObject`]: Rust values exposed to C as `{ lpVtbl, ... }` objects,
//!   with an atomic [`RefCount`] and generic `IUnknown` thunks;
//! - [`boundary()`]: the one helper every vtable thunk goes through (NULL
//!   `this`, panics, `Result` → `HRESULT`);
//! - [`ComPtr`]: an owned reference to a host object (AddRef on clone,
//!   Release on drop);
//! - the `IMSLogon` vtable, whose thunks unpack C arguments and call the
//!   safe [`crate::provider::LogonCore`].

mod args;
mod boundary;
mod logon;
mod object;
mod ptr;
mod refcount;

pub use boundary::{boundary, hresult, FfiReturn};
pub use logon::new_logon;
pub use object::{live_objects, ComClass, ComObject};
pub use ptr::{ComPtr, Interface};
pub use refcount::{RefCount, Released};
