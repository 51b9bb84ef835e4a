//! [`Restriction`]: MAPI's `SRestriction` as a Rust value, evaluated
//! against a row.

use std::cmp::Ordering;

use super::compare::compare_values;
use crate::mapi::{MapiError, MapiResult, ULONG};
use crate::mapi::{MV_FLAG, PROP_ID, PROP_TYPE, PT_STRING8, PT_UNICODE};
use crate::provider::PropValue;

/// `RELOP_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relop {
    /// `RELOP_LT`.
    Lt,
    /// `RELOP_LE`.
    Le,
    /// `RELOP_GT`.
    Gt,
    /// `RELOP_GE`.
    Ge,
    /// `RELOP_EQ`.
    Eq,
    /// `RELOP_NE`.
    Ne,
}

impl Relop {
    /// MAPI's `RELOP_*` value (0..=5), or `MAPI_E_TOO_COMPLEX` for
    /// `RELOP_RE` (6, regular expressions: not supported) and anything else.
    pub fn from_mapi(relop: ULONG) -> MapiResult<Relop> {
        Ok(match relop {
            0 => Relop::Lt,
            1 => Relop::Le,
            2 => Relop::Gt,
            3 => Relop::Ge,
            4 => Relop::Eq,
            5 => Relop::Ne,
            _ => return Err(MapiError::Other(crate::mapi::MAPI_E_TOO_COMPLEX)),
        })
    }

    fn holds(self, o: Ordering) -> bool {
        match self {
            Relop::Lt => o == Ordering::Less,
            Relop::Le => o != Ordering::Greater,
            Relop::Gt => o == Ordering::Greater,
            Relop::Ge => o != Ordering::Less,
            Relop::Eq => o == Ordering::Equal,
            Relop::Ne => o != Ordering::Equal,
        }
    }
}

/// `RES_CONTENT`'s fuzzy level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fuzzy {
    /// `FL_FULLSTRING` (0), `FL_SUBSTRING` (1) or `FL_PREFIX` (2).
    pub level: u32,
    /// `FL_IGNORECASE`.
    pub ignore_case: bool,
}

/// A restriction on rows.
#[derive(Clone, Debug, PartialEq)]
pub enum Restriction {
    /// `RES_AND`: all.
    And(Vec<Restriction>),
    /// `RES_OR`: any.
    Or(Vec<Restriction>),
    /// `RES_NOT`.
    Not(Box<Restriction>),
    /// `RES_CONTENT`: a string or binary contains `value`.
    Content {
        /// How it must contain it.
        fuzzy: Fuzzy,
        /// The property.
        tag: ULONG,
        /// What to look for.
        value: PropValue,
    },
    /// `RES_PROPERTY`: `row[tag] relop value`.
    Property {
        /// The relation.
        relop: Relop,
        /// The property.
        tag: ULONG,
        /// The value to compare with.
        value: PropValue,
    },
    /// `RES_COMPAREPROPS`: `row[tag1] relop row[tag2]`.
    CompareProps {
        /// The relation.
        relop: Relop,
        /// Left property.
        tag1: ULONG,
        /// Right property.
        tag2: ULONG,
    },
    /// `RES_BITMASK`: `BMR_EQZ` (`zero`) or `BMR_NEZ`.
    Bitmask {
        /// `BMR_EQZ`: the masked bits are all zero.
        zero: bool,
        /// The (`PT_LONG`) property.
        tag: ULONG,
        /// The mask.
        mask: ULONG,
    },
    /// `RES_SIZE`: the value's size compared with `size`.
    Size {
        /// The relation.
        relop: Relop,
        /// The property.
        tag: ULONG,
        /// The size in bytes.
        size: ULONG,
    },
    /// `RES_EXIST`: the row has the property.
    Exist(ULONG),
    /// `RES_SUBRESTRICTION`: some row of the subobject table
    /// (`PR_MESSAGE_RECIPIENTS`, `PR_MESSAGE_ATTACHMENTS`) matches.
    Sub {
        /// The subobject property.
        subobject: ULONG,
        /// The restriction on its rows.
        restriction: Box<Restriction>,
    },
}

/// What a restriction is evaluated against.
pub trait RowValues {
    /// The value of property `tag` (any type bits), if the row has it.
    fn value(&self, tag: ULONG) -> Option<PropValue>;
    /// The rows of subobject `subobject`, for `RES_SUBRESTRICTION`.
    fn subrows(&self, subobject: ULONG) -> Vec<Box<dyn RowValues + '_>> {
        let _ = subobject;
        Vec::new()
    }
}

/// Whether the stored value's type fits the restriction's tag type.
fn type_fits(tag: ULONG, value: &PropValue) -> bool {
    let want = PROP_TYPE(tag);
    let have = value.prop_type();
    want == have || (have & !MV_FLAG == PT_UNICODE && want == (have & MV_FLAG) | PT_STRING8)
}

fn contains(fuzzy: Fuzzy, hay: &PropValue, needle: &PropValue) -> bool {
    match (hay, needle) {
        (PropValue::String(h), PropValue::String(n)) => {
            let (h, n) = if fuzzy.ignore_case {
                (h.to_lowercase(), n.to_lowercase())
            } else {
                (h.clone(), n.clone())
            };
            match fuzzy.level {
                0 => h == n,
                1 => h.contains(&n),
                _ => h.starts_with(&n),
            }
        }
        (PropValue::Binary(h), PropValue::Binary(n)) => match fuzzy.level {
            0 => h == n,
            1 => n.is_empty() || h.windows(n.len()).any(|w| w == n.as_slice()),
            _ => h.starts_with(n),
        },
        (PropValue::MvString(hs), PropValue::String(_)) => hs
            .iter()
            .any(|h| contains(fuzzy, &PropValue::String(h.clone()), needle)),
        (PropValue::MvBinary(hs), PropValue::Binary(_)) => hs
            .iter()
            .any(|h| contains(fuzzy, &PropValue::Binary(h.clone()), needle)),
        _ => false,
    }
}

impl Restriction {
    /// Whether `row` satisfies the restriction. A missing property fails
    /// every test but `Not` of one.
    pub fn matches(&self, row: &dyn RowValues) -> bool {
        match self {
            Restriction::And(all) => all.iter().all(|r| r.matches(row)),
            Restriction::Or(any) => any.iter().any(|r| r.matches(row)),
            Restriction::Not(r) => !r.matches(row),
            Restriction::Content { fuzzy, tag, value } => {
                row.value(*tag).is_some_and(|v| contains(*fuzzy, &v, value))
            }
            Restriction::Property { relop, tag, value } => row.value(*tag).is_some_and(|v| {
                type_fits(*tag, &v) && compare_values(&v, value).is_some_and(|o| relop.holds(o))
            }),
            Restriction::CompareProps { relop, tag1, tag2 } => {
                match (row.value(*tag1), row.value(*tag2)) {
                    (Some(a), Some(b)) => compare_values(&a, &b).is_some_and(|o| relop.holds(o)),
                    _ => false,
                }
            }
            Restriction::Bitmask { zero, tag, mask } => match row.value(*tag) {
                Some(PropValue::Long(v)) => (v & mask == 0) == *zero,
                _ => false,
            },
            Restriction::Size { relop, tag, size } => row
                .value(*tag)
                .is_some_and(|v| relop.holds((v.size() as u64).cmp(&u64::from(*size)))),
            Restriction::Exist(tag) => row.value(*tag).is_some(),
            Restriction::Sub {
                subobject,
                restriction,
            } => row
                .subrows(*subobject)
                .iter()
                .any(|r| restriction.matches(&**r)),
        }
    }

    /// The property IDs the restriction reads (to fetch only those).
    pub fn tags(&self, out: &mut Vec<ULONG>) {
        match self {
            Restriction::And(v) | Restriction::Or(v) => v.iter().for_each(|r| r.tags(out)),
            Restriction::Not(r) => r.tags(out),
            Restriction::Content { tag, .. }
            | Restriction::Property { tag, .. }
            | Restriction::Bitmask { tag, .. }
            | Restriction::Size { tag, .. }
            | Restriction::Exist(tag) => out.push(*tag),
            Restriction::CompareProps { tag1, tag2, .. } => out.extend([*tag1, *tag2]),
            Restriction::Sub { subobject, .. } => out.push(*subobject),
        }
        out.sort_by_key(|t| PROP_ID(*t));
        out.dedup_by_key(|t| PROP_ID(*t));
    }
}
