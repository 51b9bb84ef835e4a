//! Property-tag helpers: MAPI's `PROP_TAG`, `PROP_TYPE`, `PROP_ID` and
//! `CHANGE_PROP_TYPE` macros (`mapidefs.h`) as `const fn`s.
//!
//! cbindgen does not evaluate these, so the exported `PR_*` constants in
//! `tags.rs` are literals; the assertions below check every one of them
//! against `PROP_TAG` when the crate compiles.
#![allow(non_snake_case)]

use super::tags::*;
use super::types::ULONG;

/// `PROP_TAG(ulPropType, ulPropID)`: the ID in the high 16 bits, the type
/// in the low 16.
pub const fn PROP_TAG(ulPropType: ULONG, ulPropID: ULONG) -> ULONG {
    (ulPropID << 16) | ulPropType
}

/// `PROP_TYPE(ulPropTag)`: the type half of a tag (`PT_*`, with `MV_FLAG`).
pub const fn PROP_TYPE(ulPropTag: ULONG) -> ULONG {
    ulPropTag & PROP_TYPE_MASK
}

/// `PROP_ID(ulPropTag)`: the ID half of a tag.
pub const fn PROP_ID(ulPropTag: ULONG) -> ULONG {
    ulPropTag >> 16
}

/// `CHANGE_PROP_TYPE(ulPropTag, ulPropType)`: the same ID with another type
/// (e.g. `PT_ERROR` for a property `GetProps` could not return).
pub const fn CHANGE_PROP_TYPE(ulPropTag: ULONG, ulPropType: ULONG) -> ULONG {
    (0xFFFF_0000 & ulPropTag) | ulPropType
}

const _: () = {
    assert!(PR_NULL == PROP_TAG(PT_NULL, PROP_ID_NULL));
    assert!(PR_ENTRYID == PROP_TAG(PT_BINARY, 0x0FFF));
    assert!(PR_OBJECT_TYPE == PROP_TAG(PT_LONG, 0x0FFE));
    assert!(PR_STORE_ENTRYID == PROP_TAG(PT_BINARY, 0x0FFB));
    assert!(PR_STORE_RECORD_KEY == PROP_TAG(PT_BINARY, 0x0FFA));
    assert!(PR_RECORD_KEY == PROP_TAG(PT_BINARY, 0x0FF9));
    assert!(PR_DISPLAY_NAME_W == PROP_TAG(PT_UNICODE, 0x3001));
    assert!(PR_DISPLAY_NAME_A == PROP_TAG(PT_STRING8, 0x3001));
    assert!(PR_PROVIDER_DISPLAY_W == PROP_TAG(PT_UNICODE, 0x3006));
    assert!(PR_PROVIDER_DISPLAY_A == PROP_TAG(PT_STRING8, 0x3006));
    assert!(PR_RESOURCE_FLAGS == PROP_TAG(PT_LONG, 0x3009));
    assert!(PR_STORE_SUPPORT_MASK == PROP_TAG(PT_LONG, 0x340D));
    assert!(PR_MDB_PROVIDER == PROP_TAG(PT_BINARY, 0x3414));
    assert!(PT_MV_I2 == MV_FLAG | PT_I2);
    assert!(PT_MV_LONG == MV_FLAG | PT_LONG);
    assert!(PT_MV_R4 == MV_FLAG | PT_R4);
    assert!(PT_MV_DOUBLE == MV_FLAG | PT_DOUBLE);
    assert!(PT_MV_CURRENCY == MV_FLAG | PT_CURRENCY);
    assert!(PT_MV_APPTIME == MV_FLAG | PT_APPTIME);
    assert!(PT_MV_I8 == MV_FLAG | PT_I8);
    assert!(PT_MV_STRING8 == MV_FLAG | PT_STRING8);
    assert!(PT_MV_UNICODE == MV_FLAG | PT_UNICODE);
    assert!(PT_MV_SYSTIME == MV_FLAG | PT_SYSTIME);
    assert!(PT_MV_CLSID == MV_FLAG | PT_CLSID);
    assert!(PT_MV_BINARY == MV_FLAG | PT_BINARY);
};
