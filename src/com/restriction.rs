//! The host's `SRestriction` trees read into [`Restriction`]s (and checked:
//! what the engine cannot evaluate is `MAPI_E_TOO_COMPLEX`, malformed input
//! `MAPI_E_INVALID_PARAMETER`).

use super::props::{read_prop_values, Incoming, MAX_COUNT};
use crate::mapi::*;
use crate::provider::PropValue;
use crate::table::{Fuzzy, Relop, Restriction};

/// How deep a restriction tree may nest (a host's cycle must not overflow
/// the stack).
const MAX_DEPTH: u32 = 64;

/// `FL_*` bits of `RES_CONTENT`'s fuzzy level that ask to ignore case
/// (`FL_IGNORECASE`, and `FL_LOOSE`, which implies it).
const IGNORE_CASE: ULONG = FL_IGNORECASE | FL_LOOSE;

/// The one value an `lpProp` points to.
///
/// # Safety
///
/// `p` NULL or a readable `SPropValue` whose pointers are valid.
unsafe fn one_value(p: *mut SPropValue) -> MapiResult<(ULONG, PropValue)> {
    // SAFETY: forwarded.
    match unsafe { read_prop_values(p, 1) }?.pop() {
        Some(Incoming::Set(tag, value)) => Ok((tag, value)),
        _ => Err(MapiError::InvalidParameter),
    }
}

/// Reads the host's restriction (`None` for NULL: no restriction).
///
/// # Safety
///
/// `p` is NULL or a readable `SRestriction` tree whose pointers are valid
/// for their types.
pub(crate) unsafe fn read_restriction(p: *mut SRestriction) -> MapiResult<Option<Restriction>> {
    if p.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded.
    unsafe { read(p, 0) }.map(Some)
}

/// # Safety
/// As [`read_restriction`], `p` non-NULL.
unsafe fn read(p: *const SRestriction, depth: u32) -> MapiResult<Restriction> {
    if p.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    if depth > MAX_DEPTH {
        return Err(MapiError::Other(MAPI_E_TOO_COMPLEX));
    }
    // SAFETY: readable (caller); maybe unaligned. Every union read below is
    // of the member `rt` names.
    let r = unsafe { p.read_unaligned() };
    let list = |n: ULONG, items: *mut SRestriction| -> MapiResult<Vec<Restriction>> {
        let n = usize::try_from(n).map_err(|_| MapiError::InvalidParameter)?;
        if n > MAX_COUNT || (n > 0 && items.is_null()) {
            return Err(MapiError::InvalidParameter);
        }
        // SAFETY: `n` readable restrictions (caller).
        (0..n)
            .map(|i| unsafe { read(items.add(i), depth + 1) })
            .collect()
    };
    // SAFETY: see above.
    unsafe {
        Ok(match r.rt {
            RES_AND => Restriction::And(list(r.res.resAnd.cRes, r.res.resAnd.lpRes)?),
            RES_OR => Restriction::Or(list(r.res.resOr.cRes, r.res.resOr.lpRes)?),
            RES_NOT => Restriction::Not(Box::new(read(r.res.resNot.lpRes, depth + 1)?)),
            RES_CONTENT => {
                let c = r.res.resContent;
                let level = c.ulFuzzyLevel & 0xFFFF;
                if level > FL_PREFIX {
                    return Err(MapiError::Other(MAPI_E_TOO_COMPLEX));
                }
                let (_, value) = one_value(c.lpProp)?;
                if !matches!(value, PropValue::String(_) | PropValue::Binary(_)) {
                    return Err(MapiError::Other(MAPI_E_TOO_COMPLEX));
                }
                Restriction::Content {
                    fuzzy: Fuzzy {
                        level,
                        ignore_case: c.ulFuzzyLevel & IGNORE_CASE != 0,
                    },
                    tag: c.ulPropTag,
                    value,
                }
            }
            RES_PROPERTY => {
                let c = r.res.resProperty;
                let (_, value) = one_value(c.lpProp)?;
                Restriction::Property {
                    relop: Relop::from_mapi(c.relop)?,
                    tag: c.ulPropTag,
                    value,
                }
            }
            RES_COMPAREPROPS => {
                let c = r.res.resCompareProps;
                Restriction::CompareProps {
                    relop: Relop::from_mapi(c.relop)?,
                    tag1: c.ulPropTag1,
                    tag2: c.ulPropTag2,
                }
            }
            RES_BITMASK => {
                let c = r.res.resBitMask;
                let zero = match c.relBMR {
                    BMR_EQZ => true,
                    BMR_NEZ => false,
                    _ => return Err(MapiError::InvalidParameter),
                };
                Restriction::Bitmask {
                    zero,
                    tag: c.ulPropTag,
                    mask: c.ulMask,
                }
            }
            RES_SIZE => {
                let c = r.res.resSize;
                Restriction::Size {
                    relop: Relop::from_mapi(c.relop)?,
                    tag: c.ulPropTag,
                    size: c.cb,
                }
            }
            RES_EXIST => Restriction::Exist(r.res.resExist.ulPropTag),
            RES_SUBRESTRICTION => {
                let c = r.res.resSub;
                Restriction::Sub {
                    subobject: c.ulSubObject,
                    restriction: Box::new(read(c.lpRes, depth + 1)?),
                }
            }
            // A comment wraps the restriction that counts (none: all rows).
            RES_COMMENT if r.res.resComment.lpRes.is_null() => Restriction::And(Vec::new()),
            RES_COMMENT => read(r.res.resComment.lpRes, depth + 1)?,
            _ => return Err(MapiError::Other(MAPI_E_TOO_COMPLEX)),
        })
    }
}
