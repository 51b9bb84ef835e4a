//! Property types (`PT_*`, MinGW-w64 `mapidefs.h`) and property tags
//! (`PR_*`, `mapitags.h`).
//!
//! The tags are written as literals, not `PROP_TAG(...)` calls, so that
//! cbindgen can export them; `props.rs` checks each one against
//! [`PROP_TAG`](super::props::PROP_TAG) at compile time. MAPI's unsuffixed
//! `PR_*` names depend on the `UNICODE` macro (`PT_TSTRING`), so only the
//! explicit `_A` (`PT_STRING8`) and `_W` (`PT_UNICODE`) forms are here.

use super::types::ULONG;

/// Property type: any type (in a `GetProps` request, "the stored type").
pub const PT_UNSPECIFIED: ULONG = 0x0000_0000_u32 as ULONG;
/// Property type: no value.
pub const PT_NULL: ULONG = 0x0000_0001_u32 as ULONG;
/// Property type: 16-bit signed integer (`PV::i`).
pub const PT_I2: ULONG = 0x0000_0002_u32 as ULONG;
/// Property type: 32-bit signed integer (`PV::l`).
pub const PT_LONG: ULONG = 0x0000_0003_u32 as ULONG;
/// Property type: 32-bit float (`PV::flt`).
pub const PT_R4: ULONG = 0x0000_0004_u32 as ULONG;
/// Property type: 64-bit float (`PV::dbl`).
pub const PT_DOUBLE: ULONG = 0x0000_0005_u32 as ULONG;
/// Property type: currency (`PV::cur`).
pub const PT_CURRENCY: ULONG = 0x0000_0006_u32 as ULONG;
/// Property type: OLE automation date (`PV::at`).
pub const PT_APPTIME: ULONG = 0x0000_0007_u32 as ULONG;
/// Property type: an error instead of a value (`PV::err`).
pub const PT_ERROR: ULONG = 0x0000_000A_u32 as ULONG;
/// Property type: boolean (`PV::b`).
pub const PT_BOOLEAN: ULONG = 0x0000_000B_u32 as ULONG;
/// Property type: an object, opened with `OpenProperty` (`PV::x` unused).
pub const PT_OBJECT: ULONG = 0x0000_000D_u32 as ULONG;
/// Property type: 64-bit signed integer (`PV::li`).
pub const PT_I8: ULONG = 0x0000_0014_u32 as ULONG;
/// Property type: 8-bit string (`PV::lpszA`).
pub const PT_STRING8: ULONG = 0x0000_001E_u32 as ULONG;
/// Property type: UTF-16 string (`PV::lpszW`).
pub const PT_UNICODE: ULONG = 0x0000_001F_u32 as ULONG;
/// Property type: `FILETIME` (`PV::ft`).
pub const PT_SYSTIME: ULONG = 0x0000_0040_u32 as ULONG;
/// Property type: GUID (`PV::lpguid`).
pub const PT_CLSID: ULONG = 0x0000_0048_u32 as ULONG;
/// Property type: counted byte string (`PV::bin`).
pub const PT_BINARY: ULONG = 0x0000_0102_u32 as ULONG;

/// Flag in a property type: multi-valued.
pub const MV_FLAG: ULONG = 0x0000_1000_u32 as ULONG;
/// Multi-valued `PT_I2` (`PV::MVi`).
pub const PT_MV_I2: ULONG = 0x0000_1002_u32 as ULONG;
/// Multi-valued `PT_LONG` (`PV::MVl`).
pub const PT_MV_LONG: ULONG = 0x0000_1003_u32 as ULONG;
/// Multi-valued `PT_R4` (`PV::MVflt`).
pub const PT_MV_R4: ULONG = 0x0000_1004_u32 as ULONG;
/// Multi-valued `PT_DOUBLE` (`PV::MVdbl`).
pub const PT_MV_DOUBLE: ULONG = 0x0000_1005_u32 as ULONG;
/// Multi-valued `PT_CURRENCY` (`PV::MVcur`).
pub const PT_MV_CURRENCY: ULONG = 0x0000_1006_u32 as ULONG;
/// Multi-valued `PT_APPTIME` (`PV::MVat`).
pub const PT_MV_APPTIME: ULONG = 0x0000_1007_u32 as ULONG;
/// Multi-valued `PT_I8` (`PV::MVli`).
pub const PT_MV_I8: ULONG = 0x0000_1014_u32 as ULONG;
/// Multi-valued `PT_STRING8` (`PV::MVszA`).
pub const PT_MV_STRING8: ULONG = 0x0000_101E_u32 as ULONG;
/// Multi-valued `PT_UNICODE` (`PV::MVszW`).
pub const PT_MV_UNICODE: ULONG = 0x0000_101F_u32 as ULONG;
/// Multi-valued `PT_SYSTIME` (`PV::MVft`).
pub const PT_MV_SYSTIME: ULONG = 0x0000_1040_u32 as ULONG;
/// Multi-valued `PT_CLSID` (`PV::MVguid`).
pub const PT_MV_CLSID: ULONG = 0x0000_1048_u32 as ULONG;
/// Multi-valued `PT_BINARY` (`PV::MVbin`).
pub const PT_MV_BINARY: ULONG = 0x0000_1102_u32 as ULONG;

/// Mask of the type half of a property tag (`PROP_TYPE`).
pub const PROP_TYPE_MASK: ULONG = 0x0000_FFFF_u32 as ULONG;
/// Property ID of `PR_NULL`.
pub const PROP_ID_NULL: ULONG = 0x0000_0000_u32 as ULONG;
/// A property ID that never names a property.
pub const PROP_ID_INVALID: ULONG = 0x0000_FFFF_u32 as ULONG;

/// `PR_NULL` = `PROP_TAG(PT_NULL, PROP_ID_NULL)`: a placeholder tag.
pub const PR_NULL: ULONG = 0x0000_0001_u32 as ULONG;
/// `PR_ENTRYID` = `PROP_TAG(PT_BINARY, 0x0FFF)`: the object's entry ID.
pub const PR_ENTRYID: ULONG = 0x0FFF_0102_u32 as ULONG;
/// `PR_OBJECT_TYPE` = `PROP_TAG(PT_LONG, 0x0FFE)`: `MAPI_STORE`, ...
pub const PR_OBJECT_TYPE: ULONG = 0x0FFE_0003_u32 as ULONG;
/// `PR_STORE_ENTRYID` = `PROP_TAG(PT_BINARY, 0x0FFB)`: the store's entry ID.
pub const PR_STORE_ENTRYID: ULONG = 0x0FFB_0102_u32 as ULONG;
/// `PR_STORE_RECORD_KEY` = `PROP_TAG(PT_BINARY, 0x0FFA)`: the store's
/// record key.
pub const PR_STORE_RECORD_KEY: ULONG = 0x0FFA_0102_u32 as ULONG;
/// `PR_RECORD_KEY` = `PROP_TAG(PT_BINARY, 0x0FF9)`: the object's binary
/// comparison key.
pub const PR_RECORD_KEY: ULONG = 0x0FF9_0102_u32 as ULONG;
/// `PR_DISPLAY_NAME_W` = `PROP_TAG(PT_UNICODE, 0x3001)`.
pub const PR_DISPLAY_NAME_W: ULONG = 0x3001_001F_u32 as ULONG;
/// `PR_DISPLAY_NAME_A` = `PROP_TAG(PT_STRING8, 0x3001)`.
pub const PR_DISPLAY_NAME_A: ULONG = 0x3001_001E_u32 as ULONG;
/// `PR_PROVIDER_DISPLAY_W` = `PROP_TAG(PT_UNICODE, 0x3006)`: the
/// provider's name for display.
pub const PR_PROVIDER_DISPLAY_W: ULONG = 0x3006_001F_u32 as ULONG;
/// `PR_PROVIDER_DISPLAY_A` = `PROP_TAG(PT_STRING8, 0x3006)`.
pub const PR_PROVIDER_DISPLAY_A: ULONG = 0x3006_001E_u32 as ULONG;
/// `PR_RESOURCE_FLAGS` = `PROP_TAG(PT_LONG, 0x3009)`: `STATUS_*` bits.
pub const PR_RESOURCE_FLAGS: ULONG = 0x3009_0003_u32 as ULONG;
/// `PR_STORE_SUPPORT_MASK` = `PROP_TAG(PT_LONG, 0x340D)`: `STORE_*` bits.
pub const PR_STORE_SUPPORT_MASK: ULONG = 0x340D_0003_u32 as ULONG;
/// `PR_SERVICE_UID` = `PROP_TAG(PT_BINARY, 0x3D0C)`: the `MAPIUID` of a
/// message service, computed by MAPI on every profile section of the
/// service (its own and its providers').
pub const PR_SERVICE_UID: ULONG = 0x3D0C_0102_u32 as ULONG;
/// `PR_MDB_PROVIDER` = `PROP_TAG(PT_BINARY, 0x3414)`: the `MAPIUID` of the
/// store provider type.
pub const PR_MDB_PROVIDER: ULONG = 0x3414_0102_u32 as ULONG;

// The object tree: folders, messages, recipients, attachments, status
// objects and the store's standard folders (`mapitags.h`).
/// `PR_PARENT_ENTRYID` = `PROP_TAG(PT_BINARY, 0x0E09)`: the parent folder's entry ID (the
/// root's own, for the root).
pub const PR_PARENT_ENTRYID: ULONG = 0x0E09_0102_u32 as ULONG;
/// `PR_CONTENT_COUNT` = `PROP_TAG(PT_LONG, 0x3602)`: number of messages in a folder (computed).
pub const PR_CONTENT_COUNT: ULONG = 0x3602_0003_u32 as ULONG;
/// `PR_CONTENT_UNREAD` = `PROP_TAG(PT_LONG, 0x3603)`: number of unread messages in a folder
/// (computed).
pub const PR_CONTENT_UNREAD: ULONG = 0x3603_0003_u32 as ULONG;
/// `PR_ASSOC_CONTENT_COUNT` = `PROP_TAG(PT_LONG, 0x3617)`: number of associated messages in a
/// folder (computed).
pub const PR_ASSOC_CONTENT_COUNT: ULONG = 0x3617_0003_u32 as ULONG;
/// `PR_SUBFOLDERS` = `PROP_TAG(PT_BOOLEAN, 0x360A)`: whether a folder has subfolders
/// (computed).
pub const PR_SUBFOLDERS: ULONG = 0x360A_000B_u32 as ULONG;
/// `PR_FOLDER_TYPE` = `PROP_TAG(PT_LONG, 0x3601)`: `FOLDER_ROOT`, `FOLDER_GENERIC` or
/// `FOLDER_SEARCH`.
pub const PR_FOLDER_TYPE: ULONG = 0x3601_0003_u32 as ULONG;
/// `PR_CONTAINER_CLASS_W` = `PROP_TAG(PT_UNICODE, 0x3613)`: the kind of items a folder holds
/// (`"IPF.Note"`).
pub const PR_CONTAINER_CLASS_W: ULONG = 0x3613_001F_u32 as ULONG;
/// `PR_CONTAINER_CLASS_A` = `PROP_TAG(PT_STRING8, 0x3613)`.
pub const PR_CONTAINER_CLASS_A: ULONG = 0x3613_001E_u32 as ULONG;
/// `PR_CONTAINER_FLAGS` = `PROP_TAG(PT_LONG, 0x3600)`: container flags.
pub const PR_CONTAINER_FLAGS: ULONG = 0x3600_0003_u32 as ULONG;
/// `PR_CONTAINER_HIERARCHY` = `PROP_TAG(PT_OBJECT, 0x360E)`: the hierarchy table, through
/// `OpenProperty`.
pub const PR_CONTAINER_HIERARCHY: ULONG = 0x360E_000D_u32 as ULONG;
/// `PR_CONTAINER_CONTENTS` = `PROP_TAG(PT_OBJECT, 0x360F)`: the contents table, through
/// `OpenProperty`.
pub const PR_CONTAINER_CONTENTS: ULONG = 0x360F_000D_u32 as ULONG;
/// `PR_FOLDER_ASSOCIATED_CONTENTS` = `PROP_TAG(PT_OBJECT, 0x3610)`: the associated contents
/// table, through `OpenProperty`.
pub const PR_FOLDER_ASSOCIATED_CONTENTS: ULONG = 0x3610_000D_u32 as ULONG;
/// `PR_MESSAGE_CLASS_W` = `PROP_TAG(PT_UNICODE, 0x001A)`: the message's class (`"IPM.Note"`).
pub const PR_MESSAGE_CLASS_W: ULONG = 0x001A_001F_u32 as ULONG;
/// `PR_MESSAGE_CLASS_A` = `PROP_TAG(PT_STRING8, 0x001A)`.
pub const PR_MESSAGE_CLASS_A: ULONG = 0x001A_001E_u32 as ULONG;
/// `PR_SUBJECT_W` = `PROP_TAG(PT_UNICODE, 0x0037)`: the subject: prefix and normalized subject.
pub const PR_SUBJECT_W: ULONG = 0x0037_001F_u32 as ULONG;
/// `PR_SUBJECT_A` = `PROP_TAG(PT_STRING8, 0x0037)`.
pub const PR_SUBJECT_A: ULONG = 0x0037_001E_u32 as ULONG;
/// `PR_NORMALIZED_SUBJECT_W` = `PROP_TAG(PT_UNICODE, 0x0E1D)`: the subject without its prefix.
pub const PR_NORMALIZED_SUBJECT_W: ULONG = 0x0E1D_001F_u32 as ULONG;
/// `PR_NORMALIZED_SUBJECT_A` = `PROP_TAG(PT_STRING8, 0x0E1D)`.
pub const PR_NORMALIZED_SUBJECT_A: ULONG = 0x0E1D_001E_u32 as ULONG;
/// `PR_SUBJECT_PREFIX_W` = `PROP_TAG(PT_UNICODE, 0x003D)`: the subject's prefix (`"RE: "`).
pub const PR_SUBJECT_PREFIX_W: ULONG = 0x003D_001F_u32 as ULONG;
/// `PR_SUBJECT_PREFIX_A` = `PROP_TAG(PT_STRING8, 0x003D)`.
pub const PR_SUBJECT_PREFIX_A: ULONG = 0x003D_001E_u32 as ULONG;
/// `PR_BODY_W` = `PROP_TAG(PT_UNICODE, 0x1000)`: the plain-text body.
pub const PR_BODY_W: ULONG = 0x1000_001F_u32 as ULONG;
/// `PR_BODY_A` = `PROP_TAG(PT_STRING8, 0x1000)`.
pub const PR_BODY_A: ULONG = 0x1000_001E_u32 as ULONG;
/// `PR_RTF_COMPRESSED` = `PROP_TAG(PT_BINARY, 0x1009)`: the compressed RTF body.
pub const PR_RTF_COMPRESSED: ULONG = 0x1009_0102_u32 as ULONG;
/// `PR_HTML` = `PROP_TAG(PT_BINARY, 0x1013)`: the HTML body. Not in MinGW-w64's `mapitags.h`:
/// Microsoft's documented tag (`PidTagHtml`).
pub const PR_HTML: ULONG = 0x1013_0102_u32 as ULONG;
/// `PR_MESSAGE_FLAGS` = `PROP_TAG(PT_LONG, 0x0E07)`: `MSGFLAG_*` bits.
pub const PR_MESSAGE_FLAGS: ULONG = 0x0E07_0003_u32 as ULONG;
/// `PR_MESSAGE_SIZE` = `PROP_TAG(PT_LONG, 0x0E08)`: the message's size in bytes (computed).
pub const PR_MESSAGE_SIZE: ULONG = 0x0E08_0003_u32 as ULONG;
/// `PR_MSG_STATUS` = `PROP_TAG(PT_LONG, 0x0E17)`: `MSGSTATUS_*` bits.
pub const PR_MSG_STATUS: ULONG = 0x0E17_0003_u32 as ULONG;
/// `PR_HASATTACH` = `PROP_TAG(PT_BOOLEAN, 0x0E1B)`: whether the message has attachments
/// (computed).
pub const PR_HASATTACH: ULONG = 0x0E1B_000B_u32 as ULONG;
/// `PR_DISPLAY_TO_W` = `PROP_TAG(PT_UNICODE, 0x0E04)`: the To recipients' names, `;`-separated
/// (computed).
pub const PR_DISPLAY_TO_W: ULONG = 0x0E04_001F_u32 as ULONG;
/// `PR_DISPLAY_TO_A` = `PROP_TAG(PT_STRING8, 0x0E04)`.
pub const PR_DISPLAY_TO_A: ULONG = 0x0E04_001E_u32 as ULONG;
/// `PR_DISPLAY_CC_W` = `PROP_TAG(PT_UNICODE, 0x0E03)`: the Cc recipients' names (computed).
pub const PR_DISPLAY_CC_W: ULONG = 0x0E03_001F_u32 as ULONG;
/// `PR_DISPLAY_CC_A` = `PROP_TAG(PT_STRING8, 0x0E03)`.
pub const PR_DISPLAY_CC_A: ULONG = 0x0E03_001E_u32 as ULONG;
/// `PR_DISPLAY_BCC_W` = `PROP_TAG(PT_UNICODE, 0x0E02)`: the Bcc recipients' names (computed).
pub const PR_DISPLAY_BCC_W: ULONG = 0x0E02_001F_u32 as ULONG;
/// `PR_DISPLAY_BCC_A` = `PROP_TAG(PT_STRING8, 0x0E02)`.
pub const PR_DISPLAY_BCC_A: ULONG = 0x0E02_001E_u32 as ULONG;
/// `PR_MESSAGE_RECIPIENTS` = `PROP_TAG(PT_OBJECT, 0x0E12)`: the recipient table, through
/// `OpenProperty`.
pub const PR_MESSAGE_RECIPIENTS: ULONG = 0x0E12_000D_u32 as ULONG;
/// `PR_MESSAGE_ATTACHMENTS` = `PROP_TAG(PT_OBJECT, 0x0E13)`: the attachment table, through
/// `OpenProperty`.
pub const PR_MESSAGE_ATTACHMENTS: ULONG = 0x0E13_000D_u32 as ULONG;
/// `PR_ROWID` = `PROP_TAG(PT_LONG, 0x3000)`: a recipient's row number in the recipient table.
pub const PR_ROWID: ULONG = 0x3000_0003_u32 as ULONG;
/// `PR_RECIPIENT_TYPE` = `PROP_TAG(PT_LONG, 0x0C15)`: `MAPI_TO`, `MAPI_CC`, `MAPI_BCC`.
pub const PR_RECIPIENT_TYPE: ULONG = 0x0C15_0003_u32 as ULONG;
/// `PR_EMAIL_ADDRESS_W` = `PROP_TAG(PT_UNICODE, 0x3003)`: the e-mail address.
pub const PR_EMAIL_ADDRESS_W: ULONG = 0x3003_001F_u32 as ULONG;
/// `PR_EMAIL_ADDRESS_A` = `PROP_TAG(PT_STRING8, 0x3003)`.
pub const PR_EMAIL_ADDRESS_A: ULONG = 0x3003_001E_u32 as ULONG;
/// `PR_ADDRTYPE_W` = `PROP_TAG(PT_UNICODE, 0x3002)`: the address type (`"SMTP"`).
pub const PR_ADDRTYPE_W: ULONG = 0x3002_001F_u32 as ULONG;
/// `PR_ADDRTYPE_A` = `PROP_TAG(PT_STRING8, 0x3002)`.
pub const PR_ADDRTYPE_A: ULONG = 0x3002_001E_u32 as ULONG;
/// `PR_ATTACH_NUM` = `PROP_TAG(PT_LONG, 0x0E21)`: an attachment's number in its message.
pub const PR_ATTACH_NUM: ULONG = 0x0E21_0003_u32 as ULONG;
/// `PR_ATTACH_DATA_BIN` = `PROP_TAG(PT_BINARY, 0x3701)`: an attachment's bytes
/// (`ATTACH_BY_VALUE`).
pub const PR_ATTACH_DATA_BIN: ULONG = 0x3701_0102_u32 as ULONG;
/// `PR_ATTACH_DATA_OBJ` = `PROP_TAG(PT_OBJECT, 0x3701)`: an attachment's object
/// (`ATTACH_EMBEDDED_MSG`, `ATTACH_OLE`).
pub const PR_ATTACH_DATA_OBJ: ULONG = 0x3701_000D_u32 as ULONG;
/// `PR_ATTACH_FILENAME_W` = `PROP_TAG(PT_UNICODE, 0x3704)`: an attachment's 8.3 file name.
pub const PR_ATTACH_FILENAME_W: ULONG = 0x3704_001F_u32 as ULONG;
/// `PR_ATTACH_FILENAME_A` = `PROP_TAG(PT_STRING8, 0x3704)`.
pub const PR_ATTACH_FILENAME_A: ULONG = 0x3704_001E_u32 as ULONG;
/// `PR_ATTACH_LONG_FILENAME_W` = `PROP_TAG(PT_UNICODE, 0x3707)`: an attachment's long file
/// name.
pub const PR_ATTACH_LONG_FILENAME_W: ULONG = 0x3707_001F_u32 as ULONG;
/// `PR_ATTACH_LONG_FILENAME_A` = `PROP_TAG(PT_STRING8, 0x3707)`.
pub const PR_ATTACH_LONG_FILENAME_A: ULONG = 0x3707_001E_u32 as ULONG;
/// `PR_ATTACH_METHOD` = `PROP_TAG(PT_LONG, 0x3705)`: `NO_ATTACHMENT`, `ATTACH_BY_VALUE`, ...
pub const PR_ATTACH_METHOD: ULONG = 0x3705_0003_u32 as ULONG;
/// `PR_ATTACH_SIZE` = `PROP_TAG(PT_LONG, 0x0E20)`: an attachment's size in bytes (computed).
pub const PR_ATTACH_SIZE: ULONG = 0x0E20_0003_u32 as ULONG;
/// `PR_RENDERING_POSITION` = `PROP_TAG(PT_LONG, 0x370B)`: where an attachment is rendered in
/// the body (-1: nowhere).
pub const PR_RENDERING_POSITION: ULONG = 0x370B_0003_u32 as ULONG;
/// `PR_SEARCH_KEY` = `PROP_TAG(PT_BINARY, 0x300B)`: a binary key for finding related objects.
pub const PR_SEARCH_KEY: ULONG = 0x300B_0102_u32 as ULONG;
/// `PR_INSTANCE_KEY` = `PROP_TAG(PT_BINARY, 0x0FF6)`: a row's key, unique in its table while
/// the table is open.
pub const PR_INSTANCE_KEY: ULONG = 0x0FF6_0102_u32 as ULONG;
/// `PR_CREATION_TIME` = `PROP_TAG(PT_SYSTIME, 0x3007)`: when the object was created.
pub const PR_CREATION_TIME: ULONG = 0x3007_0040_u32 as ULONG;
/// `PR_LAST_MODIFICATION_TIME` = `PROP_TAG(PT_SYSTIME, 0x3008)`: when the object was last
/// modified.
pub const PR_LAST_MODIFICATION_TIME: ULONG = 0x3008_0040_u32 as ULONG;
/// `PR_MESSAGE_DELIVERY_TIME` = `PROP_TAG(PT_SYSTIME, 0x0E06)`: when the message was delivered.
pub const PR_MESSAGE_DELIVERY_TIME: ULONG = 0x0E06_0040_u32 as ULONG;
/// `PR_CLIENT_SUBMIT_TIME` = `PROP_TAG(PT_SYSTIME, 0x0039)`: when the message was submitted.
pub const PR_CLIENT_SUBMIT_TIME: ULONG = 0x0039_0040_u32 as ULONG;
/// `PR_IMPORTANCE` = `PROP_TAG(PT_LONG, 0x0017)`: 0 low, 1 normal, 2 high.
pub const PR_IMPORTANCE: ULONG = 0x0017_0003_u32 as ULONG;
/// `PR_PRIORITY` = `PROP_TAG(PT_LONG, 0x0026)`: -1 non-urgent, 0 normal, 1 urgent.
pub const PR_PRIORITY: ULONG = 0x0026_0003_u32 as ULONG;
/// `PR_SENSITIVITY` = `PROP_TAG(PT_LONG, 0x0036)`: 0 none, 1 personal, 2 private, 3
/// confidential.
pub const PR_SENSITIVITY: ULONG = 0x0036_0003_u32 as ULONG;
/// `PR_SENDER_NAME_W` = `PROP_TAG(PT_UNICODE, 0x0C1A)`: the sender's display name.
pub const PR_SENDER_NAME_W: ULONG = 0x0C1A_001F_u32 as ULONG;
/// `PR_SENDER_NAME_A` = `PROP_TAG(PT_STRING8, 0x0C1A)`.
pub const PR_SENDER_NAME_A: ULONG = 0x0C1A_001E_u32 as ULONG;
/// `PR_SENT_REPRESENTING_NAME_W` = `PROP_TAG(PT_UNICODE, 0x0042)`: the display name of whom the
/// sender represents.
pub const PR_SENT_REPRESENTING_NAME_W: ULONG = 0x0042_001F_u32 as ULONG;
/// `PR_SENT_REPRESENTING_NAME_A` = `PROP_TAG(PT_STRING8, 0x0042)`.
pub const PR_SENT_REPRESENTING_NAME_A: ULONG = 0x0042_001E_u32 as ULONG;
/// `PR_IPM_SUBTREE_ENTRYID` = `PROP_TAG(PT_BINARY, 0x35E0)`: the IPM subtree's entry ID (on the
/// store).
pub const PR_IPM_SUBTREE_ENTRYID: ULONG = 0x35E0_0102_u32 as ULONG;
/// `PR_IPM_OUTBOX_ENTRYID` = `PROP_TAG(PT_BINARY, 0x35E2)`: the Outbox's entry ID (on the
/// store).
pub const PR_IPM_OUTBOX_ENTRYID: ULONG = 0x35E2_0102_u32 as ULONG;
/// `PR_IPM_WASTEBASKET_ENTRYID` = `PROP_TAG(PT_BINARY, 0x35E3)`: Deleted Items' entry ID (on
/// the store).
pub const PR_IPM_WASTEBASKET_ENTRYID: ULONG = 0x35E3_0102_u32 as ULONG;
/// `PR_IPM_SENTMAIL_ENTRYID` = `PROP_TAG(PT_BINARY, 0x35E4)`: Sent Items' entry ID (on the
/// store).
pub const PR_IPM_SENTMAIL_ENTRYID: ULONG = 0x35E4_0102_u32 as ULONG;
/// `PR_VIEWS_ENTRYID` = `PROP_TAG(PT_BINARY, 0x35E5)`: the Views folder's entry ID (on the
/// store).
pub const PR_VIEWS_ENTRYID: ULONG = 0x35E5_0102_u32 as ULONG;
/// `PR_COMMON_VIEWS_ENTRYID` = `PROP_TAG(PT_BINARY, 0x35E6)`: the Common Views folder's entry
/// ID (on the store).
pub const PR_COMMON_VIEWS_ENTRYID: ULONG = 0x35E6_0102_u32 as ULONG;
/// `PR_FINDER_ENTRYID` = `PROP_TAG(PT_BINARY, 0x35E7)`: the search-root folder's entry ID (on
/// the store).
pub const PR_FINDER_ENTRYID: ULONG = 0x35E7_0102_u32 as ULONG;
/// `PR_VALID_FOLDER_MASK` = `PROP_TAG(PT_LONG, 0x35DF)`: `FOLDER_*_VALID` bits: which of the
/// above exist.
pub const PR_VALID_FOLDER_MASK: ULONG = 0x35DF_0003_u32 as ULONG;
/// `PR_PROVIDER_DLL_NAME_W` = `PROP_TAG(PT_UNICODE, 0x300A)`: the provider's DLL name, without
/// the `32` suffix.
pub const PR_PROVIDER_DLL_NAME_W: ULONG = 0x300A_001F_u32 as ULONG;
/// `PR_PROVIDER_DLL_NAME_A` = `PROP_TAG(PT_STRING8, 0x300A)`.
pub const PR_PROVIDER_DLL_NAME_A: ULONG = 0x300A_001E_u32 as ULONG;
/// `PR_RESOURCE_TYPE` = `PROP_TAG(PT_LONG, 0x3E03)`: a status row's provider type
/// (`MAPI_STORE_PROVIDER`).
pub const PR_RESOURCE_TYPE: ULONG = 0x3E03_0003_u32 as ULONG;
/// `PR_RESOURCE_METHODS` = `PROP_TAG(PT_LONG, 0x3E02)`: `STATUS_VALIDATE_STATE`, ... bits: the
/// `IMAPIStatus` methods supported.
pub const PR_RESOURCE_METHODS: ULONG = 0x3E02_0003_u32 as ULONG;
/// `PR_STATUS_CODE` = `PROP_TAG(PT_LONG, 0x3E04)`: `STATUS_AVAILABLE`, `STATUS_OFFLINE`,
/// `STATUS_FAILURE` bits.
pub const PR_STATUS_CODE: ULONG = 0x3E04_0003_u32 as ULONG;
/// `PR_STATUS_STRING_W` = `PROP_TAG(PT_UNICODE, 0x3E08)`: the provider's status as text.
pub const PR_STATUS_STRING_W: ULONG = 0x3E08_001F_u32 as ULONG;
/// `PR_STATUS_STRING_A` = `PROP_TAG(PT_STRING8, 0x3E08)`.
pub const PR_STATUS_STRING_A: ULONG = 0x3E08_001E_u32 as ULONG;
/// `PR_IDENTITY_DISPLAY_W` = `PROP_TAG(PT_UNICODE, 0x3E00)`: the display name of the provider's
/// identity.
pub const PR_IDENTITY_DISPLAY_W: ULONG = 0x3E00_001F_u32 as ULONG;
/// `PR_IDENTITY_DISPLAY_A` = `PROP_TAG(PT_STRING8, 0x3E00)`.
pub const PR_IDENTITY_DISPLAY_A: ULONG = 0x3E00_001E_u32 as ULONG;
/// `PR_COMMENT_W` = `PROP_TAG(PT_UNICODE, 0x3004)`: a comment (a folder's description).
pub const PR_COMMENT_W: ULONG = 0x3004_001F_u32 as ULONG;
/// `PR_COMMENT_A` = `PROP_TAG(PT_STRING8, 0x3004)`.
pub const PR_COMMENT_A: ULONG = 0x3004_001E_u32 as ULONG;
/// `PR_ACCESS` = `PROP_TAG(PT_LONG, 0x0FF4)`: `MAPI_ACCESS_*` bits: what the caller may do with
/// the object.
pub const PR_ACCESS: ULONG = 0x0FF4_0003_u32 as ULONG;
/// `PR_ACCESS_LEVEL` = `PROP_TAG(PT_LONG, 0x0FF7)`: 0 read-only, 1 `MAPI_MODIFY`.
pub const PR_ACCESS_LEVEL: ULONG = 0x0FF7_0003_u32 as ULONG;
/// `PR_DEPTH` = `PROP_TAG(PT_LONG, 0x3005)`: a row's depth in a `CONVENIENT_DEPTH` hierarchy
/// table.
pub const PR_DEPTH: ULONG = 0x3005_0003_u32 as ULONG;
/// `PR_STORE_STATE` = `PROP_TAG(PT_LONG, 0x340E)`: `STORE_HAS_SEARCHES`: whether the store has
/// active searches.
pub const PR_STORE_STATE: ULONG = 0x340E_0003_u32 as ULONG;
/// `PR_RECEIVE_FOLDER_SETTINGS` = `PROP_TAG(PT_OBJECT, 0x3415)`: the receive-folder table,
/// through `OpenProperty`.
pub const PR_RECEIVE_FOLDER_SETTINGS: ULONG = 0x3415_000D_u32 as ULONG;
