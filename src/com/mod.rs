//! COM scaffolding: the `unsafe` boundary layer.
//!
//! - [`ComObject`]: Rust values exposed to C as `{ lpVtbl, ... }` objects,
//!   with an atomic [`RefCount`] and generic `IUnknown` thunks;
//! - [`boundary()`]: the one helper every vtable thunk goes through (NULL
//!   `this`, panics, `Result` → `HRESULT`);
//! - [`ComPtr`]: an owned reference to a host object (AddRef on clone,
//!   Release on drop);
//! - [`HostAllocators`]: `MAPIERROR`s and property values built with the
//!   host's `MAPIAllocateBuffer`/`MAPIAllocateMore`;
//! - the `IMSProvider`, `IMSLogon` and `IMsgStore` vtables, whose thunks
//!   unpack C arguments and call the safe [`crate::provider`] state
//!   machines.

mod alloc;
mod args;
mod boundary;
mod logon;
mod object;
mod provider;
mod ptr;
mod refcount;
mod store;

pub use alloc::HostAllocators;
pub use boundary::{boundary, hresult, FfiReturn};
pub use logon::{new_logon, COMPONENT};
pub use object::{live_objects, ComClass, ComObject, Pinned};
pub use provider::{new_provider, LOGON_FLAGS};
pub use ptr::{ComPtr, Interface};
pub use refcount::{RefCount, Released};
pub use store::StoreObject;
