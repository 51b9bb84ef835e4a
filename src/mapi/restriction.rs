//! MAPI's restrictions (`SRestriction` and its family), laid out exactly as
//! in the MinGW-w64 `mapidefs.h`: the filters of `IMAPITable::Restrict` /
//! `FindRow` and of `IMAPIContainer::SetSearchCriteria`. The `RES_*`,
//! `RELOP_*`, `FL_*` and `BMR_*` values that go in them are in
//! [`codes`](super::codes).
//!
//! A restriction is a tree: `rt` (`RES_*`) says which member of `res` is
//! valid, and `RES_AND` / `RES_OR` / `RES_NOT` / `RES_SUBRESTRICTION` /
//! `RES_COMMENT` / `RES_COUNT` point to further `SRestriction`s.

#![allow(non_snake_case)]

use super::types::{SPropValue, ULONG};

/// MAPI's `SAndRestriction` (`RES_AND`): true when every one of `cRes`
/// restrictions is.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SAndRestriction {
    /// Number of restrictions at `lpRes`.
    pub cRes: ULONG,
    /// The restrictions (`LPSRestriction`, an array of `cRes`).
    pub lpRes: *mut SRestriction,
}

/// MAPI's `SOrRestriction` (`RES_OR`): true when any of `cRes` restrictions
/// is.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SOrRestriction {
    /// Number of restrictions at `lpRes`.
    pub cRes: ULONG,
    /// The restrictions (`LPSRestriction`, an array of `cRes`).
    pub lpRes: *mut SRestriction,
}

/// MAPI's `SNotRestriction` (`RES_NOT`): true when `lpRes` is false.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SNotRestriction {
    /// Reserved.
    pub ulReserved: ULONG,
    /// The negated restriction (`LPSRestriction`).
    pub lpRes: *mut SRestriction,
}

/// MAPI's `SContentRestriction` (`RES_CONTENT`): a string or binary
/// property compared with `lpProp` as `ulFuzzyLevel` says.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SContentRestriction {
    /// `FL_FULLSTRING`, `FL_SUBSTRING` or `FL_PREFIX` in the low 16 bits,
    /// ORed with `FL_IGNORECASE`, `FL_IGNORENONSPACE`, `FL_LOOSE`.
    pub ulFuzzyLevel: ULONG,
    /// The property to search.
    pub ulPropTag: ULONG,
    /// The value searched for (`LPSPropValue`).
    pub lpProp: *mut SPropValue,
}

/// MAPI's `SPropertyRestriction` (`RES_PROPERTY`): `property relop
/// lpProp`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SPropertyRestriction {
    /// `RELOP_*`.
    pub relop: ULONG,
    /// The property compared.
    pub ulPropTag: ULONG,
    /// The value compared with (`LPSPropValue`).
    pub lpProp: *mut SPropValue,
}

/// MAPI's `SComparePropsRestriction` (`RES_COMPAREPROPS`): `property1
/// relop property2`, two properties of the same row.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SComparePropsRestriction {
    /// `RELOP_*`.
    pub relop: ULONG,
    /// The left-hand property.
    pub ulPropTag1: ULONG,
    /// The right-hand property.
    pub ulPropTag2: ULONG,
}

/// MAPI's `SBitMaskRestriction` (`RES_BITMASK`): `property & ulMask` is
/// zero (`BMR_EQZ`) or not (`BMR_NEZ`).
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SBitMaskRestriction {
    /// `BMR_EQZ` or `BMR_NEZ`.
    pub relBMR: ULONG,
    /// The property tested (`PT_LONG`).
    pub ulPropTag: ULONG,
    /// The bits tested.
    pub ulMask: ULONG,
}

/// MAPI's `SSizeRestriction` (`RES_SIZE`): the size in bytes of a
/// property's value `relop cb`.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SSizeRestriction {
    /// `RELOP_*`.
    pub relop: ULONG,
    /// The property measured.
    pub ulPropTag: ULONG,
    /// The size compared with.
    pub cb: ULONG,
}

/// MAPI's `SExistRestriction` (`RES_EXIST`): the row has the property.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SExistRestriction {
    /// Reserved.
    pub ulReserved1: ULONG,
    /// The property that must exist.
    pub ulPropTag: ULONG,
    /// Reserved.
    pub ulReserved2: ULONG,
}

/// MAPI's `SSubRestriction` (`RES_SUBRESTRICTION`): some row of a
/// subobject table (`PR_MESSAGE_RECIPIENTS`, `PR_MESSAGE_ATTACHMENTS`)
/// matches `lpRes`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SSubRestriction {
    /// The subobject: `PR_MESSAGE_RECIPIENTS` or `PR_MESSAGE_ATTACHMENTS`.
    pub ulSubObject: ULONG,
    /// The restriction on the subobject's rows (`LPSRestriction`).
    pub lpRes: *mut SRestriction,
}

/// MAPI's `SCommentRestriction` (`RES_COMMENT`, and Microsoft's
/// `RES_ANNOTATION`): `lpRes` (which may be NULL) annotated with
/// `cValues` properties that do not affect the result.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SCommentRestriction {
    /// Number of values at `lpProp`.
    pub cValues: ULONG,
    /// The restriction evaluated (`LPSRestriction`), or NULL (always true).
    pub lpRes: *mut SRestriction,
    /// The annotation (`LPSPropValue`).
    pub lpProp: *mut SPropValue,
}

/// Microsoft's `SCountRestriction` (`RES_COUNT`): `lpRes` limited to its
/// first `ulCount` matches. Not in MinGW-w64 (Microsoft's `mapidefs.h`);
/// the same layout as [`SSubRestriction`].
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SCountRestriction {
    /// The maximum number of matches.
    pub ulCount: ULONG,
    /// The restriction counted (`LPSRestriction`).
    pub lpRes: *mut SRestriction,
}

/// The `res` union of an [`SRestriction`] (anonymous in `mapidefs.h`):
/// read through the member that `rt` names.
///
/// MinGW-w64's members, in its order (the first, `resCompareProps`, is the
/// one a C initializer fills), then Microsoft's two more, which fit in the
/// same space: the size and alignment are MinGW's (24 and 8 bytes on
/// x86_64, 12 and 4 on i686).
#[repr(C)]
#[derive(Clone, Copy)]
pub union SRestriction_res {
    /// `RES_COMPAREPROPS`.
    pub resCompareProps: SComparePropsRestriction,
    /// `RES_AND`.
    pub resAnd: SAndRestriction,
    /// `RES_OR`.
    pub resOr: SOrRestriction,
    /// `RES_NOT`.
    pub resNot: SNotRestriction,
    /// `RES_CONTENT`.
    pub resContent: SContentRestriction,
    /// `RES_PROPERTY`.
    pub resProperty: SPropertyRestriction,
    /// `RES_BITMASK`.
    pub resBitMask: SBitMaskRestriction,
    /// `RES_SIZE`.
    pub resSize: SSizeRestriction,
    /// `RES_EXIST`.
    pub resExist: SExistRestriction,
    /// `RES_SUBRESTRICTION`.
    pub resSub: SSubRestriction,
    /// `RES_COMMENT`.
    pub resComment: SCommentRestriction,
    /// `RES_ANNOTATION`. Not in MinGW-w64 (Microsoft's `mapidefs.h`).
    pub resAnnotation: SCommentRestriction,
    /// `RES_COUNT`. Not in MinGW-w64 (Microsoft's `mapidefs.h`).
    pub resCount: SCountRestriction,
}

/// MAPI's `SRestriction` (`LPSRestriction`): one node of a restriction
/// tree.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SRestriction {
    /// `RES_*`: which member of `res` is valid.
    pub rt: ULONG,
    /// The restriction.
    pub res: SRestriction_res,
}

// MinGW-w64's layouts, checked at compile time (the C side is checked
// against the real headers by a layout test).
const _: () = {
    use std::mem::{align_of, offset_of, size_of};
    assert!(size_of::<SComparePropsRestriction>() == 12);
    assert!(align_of::<SComparePropsRestriction>() == 4);
    assert!(offset_of!(SComparePropsRestriction, ulPropTag1) == 4);
    assert!(offset_of!(SComparePropsRestriction, ulPropTag2) == 8);
    assert!(size_of::<SBitMaskRestriction>() == 12 && align_of::<SBitMaskRestriction>() == 4);
    assert!(offset_of!(SBitMaskRestriction, ulPropTag) == 4);
    assert!(offset_of!(SBitMaskRestriction, ulMask) == 8);
    assert!(size_of::<SSizeRestriction>() == 12 && align_of::<SSizeRestriction>() == 4);
    assert!(offset_of!(SSizeRestriction, ulPropTag) == 4 && offset_of!(SSizeRestriction, cb) == 8);
    assert!(size_of::<SExistRestriction>() == 12 && align_of::<SExistRestriction>() == 4);
    assert!(offset_of!(SExistRestriction, ulPropTag) == 4);
    assert!(offset_of!(SExistRestriction, ulReserved2) == 8);
    assert!(offset_of!(SContentRestriction, ulPropTag) == 4);
    assert!(offset_of!(SPropertyRestriction, ulPropTag) == 4);
    assert!(offset_of!(SRestriction, rt) == 0);
    #[cfg(target_pointer_width = "64")]
    {
        assert!(offset_of!(SAndRestriction, lpRes) == 8 && size_of::<SAndRestriction>() == 16);
        assert!(offset_of!(SOrRestriction, lpRes) == 8 && size_of::<SOrRestriction>() == 16);
        assert!(offset_of!(SNotRestriction, lpRes) == 8 && size_of::<SNotRestriction>() == 16);
        assert!(offset_of!(SContentRestriction, lpProp) == 8);
        assert!(size_of::<SContentRestriction>() == 16);
        assert!(offset_of!(SPropertyRestriction, lpProp) == 8);
        assert!(size_of::<SPropertyRestriction>() == 16);
        assert!(offset_of!(SSubRestriction, lpRes) == 8 && size_of::<SSubRestriction>() == 16);
        assert!(offset_of!(SCommentRestriction, lpRes) == 8);
        assert!(offset_of!(SCommentRestriction, lpProp) == 16);
        assert!(size_of::<SCommentRestriction>() == 24);
        assert!(offset_of!(SCountRestriction, lpRes) == 8 && size_of::<SCountRestriction>() == 16);
        assert!(size_of::<SRestriction_res>() == 24 && align_of::<SRestriction_res>() == 8);
        assert!(offset_of!(SRestriction, res) == 8 && size_of::<SRestriction>() == 32);
        assert!(align_of::<SRestriction>() == 8);
    }
    #[cfg(all(target_pointer_width = "32", windows))]
    {
        assert!(offset_of!(SAndRestriction, lpRes) == 4 && size_of::<SAndRestriction>() == 8);
        assert!(offset_of!(SOrRestriction, lpRes) == 4 && size_of::<SOrRestriction>() == 8);
        assert!(offset_of!(SNotRestriction, lpRes) == 4 && size_of::<SNotRestriction>() == 8);
        assert!(offset_of!(SContentRestriction, lpProp) == 8);
        assert!(size_of::<SContentRestriction>() == 12);
        assert!(offset_of!(SPropertyRestriction, lpProp) == 8);
        assert!(size_of::<SPropertyRestriction>() == 12);
        assert!(offset_of!(SSubRestriction, lpRes) == 4 && size_of::<SSubRestriction>() == 8);
        assert!(offset_of!(SCommentRestriction, lpRes) == 4);
        assert!(offset_of!(SCommentRestriction, lpProp) == 8);
        assert!(size_of::<SCommentRestriction>() == 12);
        assert!(offset_of!(SCountRestriction, lpRes) == 4 && size_of::<SCountRestriction>() == 8);
        assert!(size_of::<SRestriction_res>() == 12 && align_of::<SRestriction_res>() == 4);
        assert!(offset_of!(SRestriction, res) == 4 && size_of::<SRestriction>() == 16);
        assert!(align_of::<SRestriction>() == 4);
    }
};
