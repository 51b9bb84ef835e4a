//! COM scaffolding: the `unsafe` boundary layer.
//!
//! - [`ComObject`]: Rust values exposed to C as `{ lpVtbl, ... }` objects,
//!   with an atomic [`RefCount`] and generic `IUnknown` thunks;
//! - [`boundary()`]: the one helper every vtable thunk goes through (NULL
//!   `this`, panics, `Result` → `HRESULT`);
//! - [`ComPtr`] and [`HostAllocators`] live in [`crate::host`] (re-exported
//!   here); property values are laid out in host memory by `props`;
//! - the `IMSProvider`, `IMSLogon` and `IMsgStore` vtables, whose thunks
//!   unpack C arguments and call the safe [`crate::provider`] state
//!   machines.

mod args;
mod boundary;
mod logon;
mod notify;
mod object;
mod profile;
mod prop;
mod props;
mod provider;
mod refcount;
mod restriction;
mod service;
mod store;
mod table;
mod tree;

pub use crate::host::{ComPtr, HostAllocators, Interface};
pub use boundary::{boundary, hresult, FfiReturn};
pub use logon::{new_logon, COMPONENT};
pub use object::{live_objects, ComClass, ComObject, Pinned};
pub use provider::{new_provider, LOGON_FLAGS};
pub use refcount::{RefCount, Released};
pub use service::service_entry;
pub use store::StoreObject;
