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
/// `PR_MDB_PROVIDER` = `PROP_TAG(PT_BINARY, 0x3414)`: the `MAPIUID` of the
/// store provider type.
pub const PR_MDB_PROVIDER: ULONG = 0x3414_0102_u32 as ULONG;
