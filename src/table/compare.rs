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

/// A byte string whose order (`memcmp`, SQLite's BINARY) is
/// [`compare_str`]'s order of the strings: the lowercase characters in
/// UTF-8 (whose byte order is code point order), each 0x00 byte (U+0000)
/// escaped as `00 FF`, ended by `00 00` (below every character: a prefix
/// sorts first), then the string's own UTF-8 bytes (the case-sensitive
/// tie-break, `str`'s order). Must change with [`compare_str`].
pub fn string_sort_key(s: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(2 * s.len() + 2);
    let mut buf = [0u8; 4];
    for c in s.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            key.push(b);
            if b == 0 {
                key.push(0xFF);
            }
        }
    }
    key.extend_from_slice(&[0, 0]);
    key.extend_from_slice(s.as_bytes());
    key
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters whose orders differ between code points, lowercase
    /// and the bytes of either (one-to-many and context-dependent
    /// lowercasings, combining marks, U+0000, astral planes).
    const CHARS: &[char] = &[
        '\0',
        '\u{1}',
        'a',
        'A',
        'b',
        'z',
        'Z',
        'é',
        'É',
        '\u{301}',
        'ß',
        'ẞ',
        'İ',
        'ı',
        'i',
        'I',
        'Σ',
        'σ',
        'ς',
        'ǅ',
        'ǆ',
        'Ǆ',
        'k',
        'K',
        '\u{212A}',
        '\u{7F}',
        '\u{80}',
        '\u{FFFF}',
        '\u{10400}',
        '\u{10428}',
        '\u{10FFFF}',
    ];

    /// [`string_sort_key`]'s byte order is [`compare_str`]'s order, for
    /// every pair of a few hundred thousand short strings over
    /// [`CHARS`] (empty ones, prefixes of each other, case variants) and
    /// random scalar values.
    #[test]
    fn string_sort_keys_order_as_strings_compare() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let string = |next: &mut dyn FnMut() -> u64| -> String {
            let len = next() % 5;
            (0..len)
                .map(|_| {
                    if next().is_multiple_of(8) {
                        char::from_u32((next() % 0x11_0000) as u32).unwrap_or('\u{FFFD}')
                    } else {
                        CHARS[(next() % CHARS.len() as u64) as usize]
                    }
                })
                .collect()
        };
        let mut checked = 0;
        for _ in 0..200_000 {
            let a = string(&mut next);
            let b = match next() % 4 {
                // A prefix of it, or it extended.
                0 => a.chars().take((next() % 4) as usize).collect(),
                1 => format!("{a}{}", string(&mut next)),
                // Another casing of it.
                2 => a
                    .chars()
                    .map(|c| match next() % 3 {
                        0 => c.to_uppercase().next().unwrap_or(c),
                        1 => c.to_lowercase().next().unwrap_or(c),
                        _ => c,
                    })
                    .collect(),
                _ => string(&mut next),
            };
            let want = compare_str(&a, &b);
            let got = string_sort_key(&a).cmp(&string_sort_key(&b));
            assert_eq!(got, want, "{a:?} vs {b:?}");
            checked += usize::from(want.is_ne());
        }
        assert!(checked > 100_000, "too many equal pairs: {checked}");
    }

    /// Pairs the generic comparison orders by a detail: each is ordered by
    /// the keys as by [`compare_str`].
    #[test]
    fn string_sort_keys_order_the_corner_cases() {
        let pairs = [
            ("", "\0"),
            ("a", "a\0"),
            ("a\0", "a\u{1}"),
            ("a", "A"),
            ("aΣ", "aς"),
            ("ß", "ẞ"),
            ("İ", "i\u{307}"),
            ("İ", "i"),
            ("K", "\u{212A}"),
            ("e\u{301}", "é"),
            ("\u{FFFF}", "\u{10000}"),
            ("Ab", "aB"),
            ("abc", "ab"),
        ];
        for (a, b) in pairs {
            for (x, y) in [(a, b), (b, a), (a, a)] {
                assert_eq!(
                    string_sort_key(x).cmp(&string_sort_key(y)),
                    compare_str(x, y),
                    "{x:?} vs {y:?}"
                );
            }
        }
    }
}
