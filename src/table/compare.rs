//! Ordering of property values, as sorting and relational restrictions
//! use it.

use std::cmp::Ordering;

use crate::provider::PropValue;

/// Case-insensitive comparison of strings (by their lowercase characters),
/// then case-sensitive to break ties (so the order is total).
fn compare_str(a: &str, b: &str) -> Ordering {
    let folded = a
        .chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase));
    folded.then_with(|| a.cmp(b))
}

fn compare_f64(a: f64, b: f64) -> Ordering {
    a.total_cmp(&b)
}

fn compare_slices<T>(a: &[T], b: &[T], f: impl Fn(&T, &T) -> Ordering) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        match f(x, y) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    a.len().cmp(&b.len())
}

/// The order of two values of the same property: `None` when they cannot
/// be compared (different types; errors).
pub fn compare_values(a: &PropValue, b: &PropValue) -> Option<Ordering> {
    use PropValue::*;
    Some(match (a, b) {
        (I2(x), I2(y)) => x.cmp(y),
        (Long(x), Long(y)) => (*x as i32).cmp(&(*y as i32)),
        (R4(x), R4(y)) => compare_f64(f64::from(*x), f64::from(*y)),
        (Double(x), Double(y)) | (AppTime(x), AppTime(y)) => compare_f64(*x, *y),
        (Currency(x), Currency(y)) | (I8(x), I8(y)) => x.cmp(y),
        (Boolean(x), Boolean(y)) => x.cmp(y),
        (String(x), String(y)) => compare_str(x, y),
        (Binary(x), Binary(y)) => compare_slices(x, y, |a, b| a.cmp(b)),
        (SysTime(x), SysTime(y)) => x.cmp(y),
        (Clsid(x), Clsid(y)) => {
            (x.data1, x.data2, x.data3, x.data4).cmp(&(y.data1, y.data2, y.data3, y.data4))
        }
        (MvI2(x), MvI2(y)) => compare_slices(x, y, Ord::cmp),
        (MvLong(x), MvLong(y)) => compare_slices(x, y, |a, b| (*a as i32).cmp(&(*b as i32))),
        (MvR4(x), MvR4(y)) => {
            compare_slices(x, y, |a, b| compare_f64(f64::from(*a), f64::from(*b)))
        }
        (MvDouble(x), MvDouble(y)) | (MvAppTime(x), MvAppTime(y)) => {
            compare_slices(x, y, |a, b| compare_f64(*a, *b))
        }
        (MvCurrency(x), MvCurrency(y)) | (MvI8(x), MvI8(y)) => compare_slices(x, y, Ord::cmp),
        (MvString(x), MvString(y)) => compare_slices(x, y, |a, b| compare_str(a, b)),
        (MvBinary(x), MvBinary(y)) => compare_slices(x, y, |a, b| compare_slices(a, b, Ord::cmp)),
        (MvSysTime(x), MvSysTime(y)) => compare_slices(x, y, Ord::cmp),
        _ => return None,
    })
}

/// Order for sorting: a missing value first; values of another type than
/// expected after the missing ones, before the comparable ones.
pub(crate) fn sort_order(a: Option<&PropValue>, b: Option<&PropValue>) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => {
            compare_values(x, y).unwrap_or_else(|| x.prop_type().cmp(&y.prop_type()))
        }
    }
}
