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
    assert!(PR_PARENT_ENTRYID == PROP_TAG(PT_BINARY, 0x0E09));
    assert!(PR_CONTENT_COUNT == PROP_TAG(PT_LONG, 0x3602));
    assert!(PR_CONTENT_UNREAD == PROP_TAG(PT_LONG, 0x3603));
    assert!(PR_ASSOC_CONTENT_COUNT == PROP_TAG(PT_LONG, 0x3617));
    assert!(PR_SUBFOLDERS == PROP_TAG(PT_BOOLEAN, 0x360A));
    assert!(PR_FOLDER_TYPE == PROP_TAG(PT_LONG, 0x3601));
    assert!(PR_CONTAINER_CLASS_W == PROP_TAG(PT_UNICODE, 0x3613));
    assert!(PR_CONTAINER_CLASS_A == PROP_TAG(PT_STRING8, 0x3613));
    assert!(PR_CONTAINER_FLAGS == PROP_TAG(PT_LONG, 0x3600));
    assert!(PR_CONTAINER_HIERARCHY == PROP_TAG(PT_OBJECT, 0x360E));
    assert!(PR_CONTAINER_CONTENTS == PROP_TAG(PT_OBJECT, 0x360F));
    assert!(PR_FOLDER_ASSOCIATED_CONTENTS == PROP_TAG(PT_OBJECT, 0x3610));
    assert!(PR_MESSAGE_CLASS_W == PROP_TAG(PT_UNICODE, 0x001A));
    assert!(PR_MESSAGE_CLASS_A == PROP_TAG(PT_STRING8, 0x001A));
    assert!(PR_SUBJECT_W == PROP_TAG(PT_UNICODE, 0x0037));
    assert!(PR_SUBJECT_A == PROP_TAG(PT_STRING8, 0x0037));
    assert!(PR_NORMALIZED_SUBJECT_W == PROP_TAG(PT_UNICODE, 0x0E1D));
    assert!(PR_NORMALIZED_SUBJECT_A == PROP_TAG(PT_STRING8, 0x0E1D));
    assert!(PR_SUBJECT_PREFIX_W == PROP_TAG(PT_UNICODE, 0x003D));
    assert!(PR_SUBJECT_PREFIX_A == PROP_TAG(PT_STRING8, 0x003D));
    assert!(PR_BODY_W == PROP_TAG(PT_UNICODE, 0x1000));
    assert!(PR_BODY_A == PROP_TAG(PT_STRING8, 0x1000));
    assert!(PR_RTF_COMPRESSED == PROP_TAG(PT_BINARY, 0x1009));
    assert!(PR_HTML == PROP_TAG(PT_BINARY, 0x1013));
    assert!(PR_MESSAGE_FLAGS == PROP_TAG(PT_LONG, 0x0E07));
    assert!(PR_MESSAGE_SIZE == PROP_TAG(PT_LONG, 0x0E08));
    assert!(PR_MSG_STATUS == PROP_TAG(PT_LONG, 0x0E17));
    assert!(PR_HASATTACH == PROP_TAG(PT_BOOLEAN, 0x0E1B));
    assert!(PR_DISPLAY_TO_W == PROP_TAG(PT_UNICODE, 0x0E04));
    assert!(PR_DISPLAY_TO_A == PROP_TAG(PT_STRING8, 0x0E04));
    assert!(PR_DISPLAY_CC_W == PROP_TAG(PT_UNICODE, 0x0E03));
    assert!(PR_DISPLAY_CC_A == PROP_TAG(PT_STRING8, 0x0E03));
    assert!(PR_DISPLAY_BCC_W == PROP_TAG(PT_UNICODE, 0x0E02));
    assert!(PR_DISPLAY_BCC_A == PROP_TAG(PT_STRING8, 0x0E02));
    assert!(PR_MESSAGE_RECIPIENTS == PROP_TAG(PT_OBJECT, 0x0E12));
    assert!(PR_MESSAGE_ATTACHMENTS == PROP_TAG(PT_OBJECT, 0x0E13));
    assert!(PR_ROWID == PROP_TAG(PT_LONG, 0x3000));
    assert!(PR_RECIPIENT_TYPE == PROP_TAG(PT_LONG, 0x0C15));
    assert!(PR_EMAIL_ADDRESS_W == PROP_TAG(PT_UNICODE, 0x3003));
    assert!(PR_EMAIL_ADDRESS_A == PROP_TAG(PT_STRING8, 0x3003));
    assert!(PR_ADDRTYPE_W == PROP_TAG(PT_UNICODE, 0x3002));
    assert!(PR_ADDRTYPE_A == PROP_TAG(PT_STRING8, 0x3002));
    assert!(PR_ATTACH_NUM == PROP_TAG(PT_LONG, 0x0E21));
    assert!(PR_ATTACH_DATA_BIN == PROP_TAG(PT_BINARY, 0x3701));
    assert!(PR_ATTACH_DATA_OBJ == PROP_TAG(PT_OBJECT, 0x3701));
    assert!(PR_ATTACH_FILENAME_W == PROP_TAG(PT_UNICODE, 0x3704));
    assert!(PR_ATTACH_FILENAME_A == PROP_TAG(PT_STRING8, 0x3704));
    assert!(PR_ATTACH_LONG_FILENAME_W == PROP_TAG(PT_UNICODE, 0x3707));
    assert!(PR_ATTACH_LONG_FILENAME_A == PROP_TAG(PT_STRING8, 0x3707));
    assert!(PR_ATTACH_METHOD == PROP_TAG(PT_LONG, 0x3705));
    assert!(PR_ATTACH_SIZE == PROP_TAG(PT_LONG, 0x0E20));
    assert!(PR_RENDERING_POSITION == PROP_TAG(PT_LONG, 0x370B));
    assert!(PR_SEARCH_KEY == PROP_TAG(PT_BINARY, 0x300B));
    assert!(PR_INSTANCE_KEY == PROP_TAG(PT_BINARY, 0x0FF6));
    assert!(PR_CREATION_TIME == PROP_TAG(PT_SYSTIME, 0x3007));
    assert!(PR_LAST_MODIFICATION_TIME == PROP_TAG(PT_SYSTIME, 0x3008));
    assert!(PR_MESSAGE_DELIVERY_TIME == PROP_TAG(PT_SYSTIME, 0x0E06));
    assert!(PR_CLIENT_SUBMIT_TIME == PROP_TAG(PT_SYSTIME, 0x0039));
    assert!(PR_IMPORTANCE == PROP_TAG(PT_LONG, 0x0017));
    assert!(PR_PRIORITY == PROP_TAG(PT_LONG, 0x0026));
    assert!(PR_SENSITIVITY == PROP_TAG(PT_LONG, 0x0036));
    assert!(PR_SENDER_NAME_W == PROP_TAG(PT_UNICODE, 0x0C1A));
    assert!(PR_SENDER_NAME_A == PROP_TAG(PT_STRING8, 0x0C1A));
    assert!(PR_SENT_REPRESENTING_NAME_W == PROP_TAG(PT_UNICODE, 0x0042));
    assert!(PR_SENT_REPRESENTING_NAME_A == PROP_TAG(PT_STRING8, 0x0042));
    assert!(PR_IPM_SUBTREE_ENTRYID == PROP_TAG(PT_BINARY, 0x35E0));
    assert!(PR_IPM_OUTBOX_ENTRYID == PROP_TAG(PT_BINARY, 0x35E2));
    assert!(PR_IPM_WASTEBASKET_ENTRYID == PROP_TAG(PT_BINARY, 0x35E3));
    assert!(PR_IPM_SENTMAIL_ENTRYID == PROP_TAG(PT_BINARY, 0x35E4));
    assert!(PR_VIEWS_ENTRYID == PROP_TAG(PT_BINARY, 0x35E5));
    assert!(PR_COMMON_VIEWS_ENTRYID == PROP_TAG(PT_BINARY, 0x35E6));
    assert!(PR_FINDER_ENTRYID == PROP_TAG(PT_BINARY, 0x35E7));
    assert!(PR_VALID_FOLDER_MASK == PROP_TAG(PT_LONG, 0x35DF));
    assert!(PR_PROVIDER_DLL_NAME_W == PROP_TAG(PT_UNICODE, 0x300A));
    assert!(PR_PROVIDER_DLL_NAME_A == PROP_TAG(PT_STRING8, 0x300A));
    assert!(PR_RESOURCE_TYPE == PROP_TAG(PT_LONG, 0x3E03));
    assert!(PR_RESOURCE_METHODS == PROP_TAG(PT_LONG, 0x3E02));
    assert!(PR_STATUS_CODE == PROP_TAG(PT_LONG, 0x3E04));
    assert!(PR_STATUS_STRING_W == PROP_TAG(PT_UNICODE, 0x3E08));
    assert!(PR_STATUS_STRING_A == PROP_TAG(PT_STRING8, 0x3E08));
    assert!(PR_IDENTITY_DISPLAY_W == PROP_TAG(PT_UNICODE, 0x3E00));
    assert!(PR_IDENTITY_DISPLAY_A == PROP_TAG(PT_STRING8, 0x3E00));
    assert!(PR_COMMENT_W == PROP_TAG(PT_UNICODE, 0x3004));
    assert!(PR_COMMENT_A == PROP_TAG(PT_STRING8, 0x3004));
    assert!(PR_ACCESS == PROP_TAG(PT_LONG, 0x0FF4));
    assert!(PR_ACCESS_LEVEL == PROP_TAG(PT_LONG, 0x0FF7));
    assert!(PR_DEPTH == PROP_TAG(PT_LONG, 0x3005));
    assert!(PR_STORE_STATE == PROP_TAG(PT_LONG, 0x340E));
    assert!(PR_RECEIVE_FOLDER_SETTINGS == PROP_TAG(PT_OBJECT, 0x3415));
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
