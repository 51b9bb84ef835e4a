//! What the host hands a provider, wrapped for Rust: [`ComPtr`], an owned
//! reference to a host COM object (support object, advise sinks, `IMalloc`),
//! and [`HostAllocators`], the host's `MAPIAllocateBuffer` family with the
//! buffers this library builds from it.
//!
//! This layer sits below [`crate::provider`]: the safe provider traits hold
//! host objects as `ComPtr`s without importing anything from the COM
//! boundary ([`crate::com`]) that exposes this library's own objects.

mod alloc;
mod ptr;

pub use alloc::{ulong_size, HostAllocators, Root};
pub use ptr::{ComPtr, Interface};
