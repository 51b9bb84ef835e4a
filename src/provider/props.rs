//! [`PropValue`]: a property value as a provider returns it, before the
//! boundary lays it out as a host-allocated `SPropValue`.

use crate::mapi::{SCODE, ULONG};

/// A property value. The boundary picks the C representation from the tag
/// the caller asked for: a [`PropValue::String`] becomes `PT_UNICODE`
/// (UTF-16) or `PT_STRING8` as requested.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PropValue {
    /// `PT_LONG`.
    Long(ULONG),
    /// `PT_BOOLEAN`.
    Boolean(bool),
    /// `PT_UNICODE` or `PT_STRING8`.
    String(String),
    /// `PT_BINARY`.
    Binary(Vec<u8>),
    /// `PT_ERROR`: the property could not be read.
    Error(SCODE),
}
