//! Property values across the boundary: [`PropValue`]s laid out as
//! host-allocated `SPropValue` arrays (every type, multi-valued included),
//! and the host's `SPropValue`/`SPropTagArray`/`ENTRYLIST` arguments read
//! back into Rust values.
//!
//! Host memory may be only 4-byte aligned (i686, Wine's allocator): every
//! access to a structure with 8-byte members goes through
//! `read_unaligned`/`write_unaligned`, and arrays are written as bytes.

use std::ffi::{c_char, c_void};
use std::mem::size_of;
use std::ptr;

use crate::host::{ulong_size, HostAllocators, Root};
use crate::mapi::{
    MapiError, MapiResult, SBinary, SBinaryArray, SPropProblem, SPropProblemArray, SPropTagArray,
    SPropValue, CURRENCY, FILETIME, GUID, LARGE_INTEGER, MAPI_E_BAD_VALUE, MAPI_E_INVALID_TYPE,
    MV_FLAG, PR_NULL, PT_APPTIME, PT_BINARY, PT_BOOLEAN, PT_CLSID, PT_CURRENCY, PT_DOUBLE,
    PT_ERROR, PT_I2, PT_I8, PT_LONG, PT_NULL, PT_OBJECT, PT_R4, PT_STRING8, PT_SYSTIME, PT_UNICODE,
    PT_UNSPECIFIED, PV, SCODE, ULONG, WCHAR,
};
use crate::mapi::{CHANGE_PROP_TYPE, PROP_TYPE};
use crate::provider::{PropProblem, PropValue};

/// The most entries one array argument may have (tags, values, entry IDs).
pub(crate) const MAX_COUNT: usize = 0x10_0000;

/// An `SPropValue` array in one root buffer, one entry per `(requested
/// tag, value)`: a `None`, or a value that cannot serve the requested type,
/// becomes `PT_ERROR` (`MAPI_E_NOT_FOUND` / `MAPI_E_INVALID_TYPE`).
/// `PT_UNSPECIFIED` strings come out wide when `wide`. Returns the array
/// and whether any entry is an error (→ `MAPI_W_ERRORS_RETURNED`).
pub(crate) fn write_prop_values(
    alloc: &HostAllocators,
    props: &[(ULONG, Option<PropValue>)],
    wide: bool,
) -> MapiResult<(*mut SPropValue, bool)> {
    let tags: Vec<ULONG> = props.iter().map(|(t, _)| *t).collect();
    let mut writer = PropWriter::new(alloc, &tags, wide)?;
    for (i, (_, value)) in props.iter().enumerate() {
        writer.put(i, value.as_ref())?;
    }
    Ok(writer.finish())
}

/// An `SPropValue` array being written into one root buffer, entry by entry
/// straight from the provider's values (no copies of them on the way):
/// every entry starts as `PT_ERROR`/`MAPI_E_NOT_FOUND`.
pub(crate) struct PropWriter<'a> {
    alloc: &'a HostAllocators,
    root: Root<'a>,
    tags: &'a [ULONG],
    wide: bool,
    errors: bool,
}

impl<'a> PropWriter<'a> {
    pub(crate) fn new(
        alloc: &'a HostAllocators,
        tags: &'a [ULONG],
        wide: bool,
    ) -> MapiResult<Self> {
        let root = alloc.root(size_of::<SPropValue>() * tags.len().max(1))?;
        let mut w = PropWriter {
            alloc,
            root,
            tags,
            wide,
            errors: !tags.is_empty(),
        };
        for (i, tag) in tags.iter().enumerate() {
            w.write(
                i,
                CHANGE_PROP_TYPE(*tag, PT_ERROR),
                PV {
                    err: MapiError::NotFound.hresult(),
                },
            );
        }
        Ok(w)
    }

    fn write(&mut self, i: usize, tag: ULONG, value: PV) {
        let base = self.root.as_ptr().cast::<SPropValue>();
        let prop = SPropValue {
            ulPropTag: tag,
            dwAlignPad: 0,
            Value: value,
        };
        // SAFETY: `i < tags.len()` slots were allocated (checked by the
        // callers); the buffer may be only 4-aligned.
        unsafe { base.add(i).write_unaligned(prop) };
    }

    /// Entry `i` (of the requested tags) is `value`.
    pub(crate) fn put(&mut self, i: usize, value: Option<&PropValue>) -> MapiResult<()> {
        let Some(&tag) = self.tags.get(i) else {
            return Err(MapiError::CallFailed);
        };
        let (tag, value) = pv(self.alloc, &self.root, tag, value, self.wide)?;
        self.write(i, tag, value);
        Ok(())
    }

    /// The array, for the host, and whether any entry is an error.
    pub(crate) fn finish(mut self) -> (*mut SPropValue, bool) {
        let base = self.root.as_ptr().cast::<SPropValue>();
        // SAFETY: every slot was written (at `new`, and by `put`).
        self.errors = (0..self.tags.len())
            .any(|i| PROP_TYPE(unsafe { base.add(i).read_unaligned() }.ulPropTag) == PT_ERROR);
        (self.root.into_raw().cast(), self.errors)
    }
}

/// Bytes of a slice of plain values, in native order.
fn ne_bytes<T: Copy, const N: usize>(values: &[T], f: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    values.iter().flat_map(|&v| f(v)).collect()
}

fn guid_bytes(g: GUID) -> [u8; 16] {
    let mut b = [0u8; 16];
    b[..4].copy_from_slice(&g.data1.to_ne_bytes());
    b[4..6].copy_from_slice(&g.data2.to_ne_bytes());
    b[6..8].copy_from_slice(&g.data3.to_ne_bytes());
    b[8..].copy_from_slice(&g.data4);
    b
}

fn count(n: usize) -> MapiResult<ULONG> {
    ulong_size(n)
}

/// A NUL-terminated string chained to `root`.
fn string_in(
    alloc: &HostAllocators,
    root: &Root<'_>,
    s: &str,
    wide: bool,
) -> MapiResult<*mut c_void> {
    alloc.string(root, s, wide)
}

/// An array of `values` chained to `root`, each written as a `T` (maybe
/// unaligned: host buffers may be only 4-aligned). Pointers are written as
/// pointers, not as their addresses' bytes, so that what the library reads
/// back from host memory keeps its provenance (Miri checks it).
fn array_in<T: Copy>(alloc: &HostAllocators, root: &Root<'_>, values: &[T]) -> MapiResult<*mut u8> {
    let dst = alloc.more(root, size_of_val(values).max(1))?;
    let first = dst.as_ptr().cast::<T>();
    for (i, v) in values.iter().enumerate() {
        // SAFETY: `dst` holds `values.len()` `T`s; written unaligned.
        unsafe { first.add(i).write_unaligned(*v) };
    }
    Ok(dst.as_ptr())
}

/// An array of pointers chained to `root`.
fn pointers_in(
    alloc: &HostAllocators,
    root: &Root<'_>,
    ptrs: &[*mut c_void],
) -> MapiResult<*mut u8> {
    array_in(alloc, root, ptrs)
}

/// An array of `SBinary` chained to `root`.
fn binaries_in(alloc: &HostAllocators, root: &Root<'_>, values: &[Vec<u8>]) -> MapiResult<*mut u8> {
    let bins = values
        .iter()
        .map(|v| {
            Ok(SBinary {
                cb: count(v.len())?,
                lpb: alloc.bytes_in(root, v)?,
            })
        })
        .collect::<MapiResult<Vec<_>>>()?;
    array_in(alloc, root, &bins)
}

#[allow(non_snake_case)] // the MAPI member names, for readability
pub(crate) fn pv(
    alloc: &HostAllocators,
    root: &Root<'_>,
    tag: ULONG,
    value: Option<&PropValue>,
    wide: bool,
) -> MapiResult<(ULONG, PV)> {
    let error = |sc: SCODE| (CHANGE_PROP_TYPE(tag, PT_ERROR), PV { err: sc });
    let requested = PROP_TYPE(tag);
    let value = match value {
        None => return Ok(error(MapiError::NotFound.hresult())),
        Some(PropValue::Error(sc)) => return Ok(error(*sc)),
        Some(v) if !v.serves(requested) => return Ok(error(MAPI_E_INVALID_TYPE)),
        Some(v) => v,
    };
    // The string width: asked for, or for PT_UNSPECIFIED, MAPI_UNICODE.
    let own = value.prop_type();
    let is_string = own & !MV_FLAG == PT_UNICODE;
    let wide_out = if requested == PT_UNSPECIFIED {
        wide
    } else {
        requested & !MV_FLAG == PT_UNICODE
    };
    let out_type = if is_string && !wide_out {
        (own & MV_FLAG) | PT_STRING8
    } else {
        own
    };
    let out_tag = CHANGE_PROP_TYPE(tag, out_type);
    let arr = |n: usize, bytes: Vec<u8>| -> MapiResult<(ULONG, *mut u8)> {
        Ok((count(n)?, alloc.bytes_in(root, &bytes)?))
    };
    use PropValue::*;
    let v = match value {
        I2(v) => PV { i: *v },
        Long(v) => PV { ul: *v },
        R4(v) => PV { flt: *v },
        Double(v) => PV { dbl: *v },
        AppTime(v) => PV { at: *v },
        Currency(v) => PV {
            cur: CURRENCY { int64: *v },
        },
        I8(v) => PV {
            li: LARGE_INTEGER { QuadPart: *v },
        },
        Boolean(v) => PV { b: u16::from(*v) },
        SysTime(v) => PV {
            ft: FILETIME {
                dwLowDateTime: *v as u32,
                dwHighDateTime: (*v >> 32) as u32,
            },
        },
        Clsid(g) => PV {
            lpguid: alloc.bytes_in(root, &guid_bytes(*g))?.cast(),
        },
        String(s) if wide_out => PV {
            lpszW: string_in(alloc, root, s, true)?.cast(),
        },
        String(s) => PV {
            lpszA: string_in(alloc, root, s, false)?.cast(),
        },
        Binary(b) => PV {
            bin: SBinary {
                cb: count(b.len())?,
                lpb: alloc.bytes_in(root, b)?,
            },
        },
        MvI2(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, i16::to_ne_bytes))?;
            PV {
                MVi: crate::mapi::SShortArray {
                    cValues,
                    lpi: p.cast(),
                },
            }
        }
        MvLong(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, u32::to_ne_bytes))?;
            PV {
                MVl: crate::mapi::SLongArray {
                    cValues,
                    lpl: p.cast(),
                },
            }
        }
        MvR4(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, f32::to_ne_bytes))?;
            PV {
                MVflt: crate::mapi::SRealArray {
                    cValues,
                    lpflt: p.cast(),
                },
            }
        }
        MvDouble(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, f64::to_ne_bytes))?;
            PV {
                MVdbl: crate::mapi::SDoubleArray {
                    cValues,
                    lpdbl: p.cast(),
                },
            }
        }
        MvAppTime(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, f64::to_ne_bytes))?;
            PV {
                MVat: crate::mapi::SAppTimeArray {
                    cValues,
                    lpat: p.cast(),
                },
            }
        }
        MvCurrency(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, i64::to_ne_bytes))?;
            PV {
                MVcur: crate::mapi::SCurrencyArray {
                    cValues,
                    lpcur: p.cast(),
                },
            }
        }
        MvI8(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, i64::to_ne_bytes))?;
            PV {
                MVli: crate::mapi::SLargeIntegerArray {
                    cValues,
                    lpli: p.cast(),
                },
            }
        }
        MvSysTime(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, u64::to_ne_bytes))?;
            PV {
                MVft: crate::mapi::SDateTimeArray {
                    cValues,
                    lpft: p.cast(),
                },
            }
        }
        MvClsid(v) => {
            let (cValues, p) = arr(v.len(), ne_bytes(v, guid_bytes))?;
            PV {
                MVguid: crate::mapi::SGuidArray {
                    cValues,
                    lpguid: p.cast(),
                },
            }
        }
        MvBinary(v) => PV {
            MVbin: SBinaryArray {
                cValues: count(v.len())?,
                lpbin: binaries_in(alloc, root, v)?.cast(),
            },
        },
        MvString(v) => {
            let ptrs = v
                .iter()
                .map(|s| string_in(alloc, root, s, wide_out))
                .collect::<MapiResult<Vec<_>>>()?;
            let p = pointers_in(alloc, root, &ptrs)?;
            if wide_out {
                PV {
                    MVszW: crate::mapi::SWStringArray {
                        cValues: count(v.len())?,
                        lppszW: p.cast(),
                    },
                }
            } else {
                PV {
                    MVszA: crate::mapi::SLPSTRArray {
                        cValues: count(v.len())?,
                        lppszA: p.cast(),
                    },
                }
            }
        }
        Error(sc) => PV { err: *sc },
    };
    Ok((out_tag, v))
}

/// One entry of a host's `SPropValue` array, as `SetProps` treats it.
#[derive(Debug, PartialEq)]
pub(crate) enum Incoming {
    /// A value to set.
    Set(ULONG, PropValue),
    /// `PR_NULL` or a `PT_ERROR` entry: ignored, no problem reported.
    Skip,
    /// A value that cannot be set: a problem with this code.
    Problem(ULONG, SCODE),
}

/// Reads `n` elements of `T` from `p` (maybe unaligned).
///
/// # Safety
///
/// `p` is readable for `n` elements of `T` (or `n == 0`).
pub(crate) unsafe fn read_array<T: Copy>(p: *const T, n: ULONG) -> MapiResult<Vec<T>> {
    let n = usize::try_from(n).map_err(|_| MapiError::InvalidParameter)?;
    if n > MAX_COUNT {
        return Err(MapiError::InvalidParameter);
    }
    if n > 0 && p.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: readable for `n` elements (caller); maybe unaligned.
    Ok((0..n)
        .map(|i| unsafe { p.add(i).read_unaligned() })
        .collect())
}

/// A NUL-terminated host string: UTF-16 when `wide`, else 8-bit read as
/// UTF-8 (`MAPI_E_BAD_VALUE` when it is not).
///
/// # Safety
///
/// `p` is NULL or a readable NUL-terminated string of that width.
pub(crate) unsafe fn read_string(p: *const c_void, wide: bool) -> Result<String, SCODE> {
    if p.is_null() {
        return Err(MapiError::InvalidParameter.hresult());
    }
    if wide {
        let p = p.cast::<WCHAR>();
        let mut len = 0;
        let mut ascii = true;
        loop {
            // SAFETY: NUL-terminated (caller); read unaligned.
            let unit = unsafe { p.add(len).read_unaligned() };
            if unit == 0 {
                break;
            }
            ascii &= unit < 0x80;
            len += 1;
            if len > MAX_COUNT * 16 {
                return Err(MapiError::InvalidParameter.hresult());
            }
        }
        if ascii {
            // Fast path: every unit is one byte of UTF-8.
            // SAFETY: the `len` units read above.
            let bytes: Vec<u8> = (0..len)
                .map(|i| unsafe { p.add(i).read_unaligned() } as u8)
                .collect();
            return String::from_utf8(bytes).map_err(|_| MAPI_E_BAD_VALUE);
        }
        let mut units: Vec<u16> = vec![0; len];
        // SAFETY: `len` readable units before the NUL, copied as bytes into
        // a buffer of that many units.
        unsafe {
            ptr::copy_nonoverlapping(p.cast::<u8>(), units.as_mut_ptr().cast::<u8>(), 2 * len)
        };
        String::from_utf16(&units).map_err(|_| MAPI_E_BAD_VALUE)
    } else {
        // SAFETY: NUL-terminated (caller).
        let bytes = unsafe { std::ffi::CStr::from_ptr(p.cast::<c_char>()) }.to_bytes();
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| MAPI_E_BAD_VALUE)
    }
}

/// # Safety
/// `p` is readable for `n` `SBinary`s whose `lpb` are readable for `cb`.
unsafe fn read_binaries(p: *const SBinary, n: ULONG) -> MapiResult<Vec<Vec<u8>>> {
    // SAFETY: forwarded.
    let bins = unsafe { read_array(p, n) }?;
    // SAFETY: forwarded.
    bins.iter()
        .map(|b| unsafe { read_array(b.lpb, b.cb) })
        .collect()
}

fn filetime(ft: FILETIME) -> u64 {
    (u64::from(ft.dwHighDateTime) << 32) | u64::from(ft.dwLowDateTime)
}

/// Reads the host's `SPropValue` array (`SetProps`, `ModifyRecipients`
/// rows). `PT_OBJECT` values and empty multi-valued properties make the
/// whole call `MAPI_E_INVALID_PARAMETER` (the `SetProps` page); `PR_NULL`
/// and `PT_ERROR` entries are skipped; unknown types and bad strings are
/// per-property problems.
///
/// # Safety
///
/// `props` is NULL or readable for `n` `SPropValue`s whose pointers are
/// valid for their types.
pub(crate) unsafe fn read_prop_values(
    props: *const SPropValue,
    n: ULONG,
) -> MapiResult<Vec<Incoming>> {
    if n == 0 || props.is_null() {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: forwarded.
    let values = unsafe { read_array(props, n) }?;
    values
        .into_iter()
        // SAFETY: forwarded: each value's pointers are valid for its type.
        .map(|v| unsafe { read_prop_value(&v) })
        .collect()
}

/// # Safety
/// As [`read_prop_values`], for one value.
unsafe fn read_prop_value(v: &SPropValue) -> MapiResult<Incoming> {
    let tag = v.ulPropTag;
    let t = PROP_TYPE(tag);
    if tag == PR_NULL || t == PT_ERROR {
        return Ok(Incoming::Skip);
    }
    let x = &v.Value;
    let mv = |n: ULONG| {
        if n == 0 {
            Err(MapiError::InvalidParameter)
        } else {
            Ok(())
        }
    };
    let string = |r: Result<String, SCODE>| r.map(PropValue::String);
    let value: Result<PropValue, SCODE> =
    // SAFETY: every union read below is of the member the tag's type names
    // (caller), and the pointers in it are valid for it.
    unsafe {
        match t {
            PT_OBJECT => return Err(MapiError::InvalidParameter),
            PT_I2 => Ok(PropValue::I2(x.i)),
            PT_LONG => Ok(PropValue::Long(x.ul)),
            PT_R4 => Ok(PropValue::R4(x.flt)),
            PT_DOUBLE => Ok(PropValue::Double(x.dbl)),
            PT_APPTIME => Ok(PropValue::AppTime(x.at)),
            PT_CURRENCY => Ok(PropValue::Currency(x.cur.int64)),
            PT_I8 => Ok(PropValue::I8(x.li.QuadPart)),
            PT_BOOLEAN => Ok(PropValue::Boolean(x.b != 0)),
            PT_SYSTIME => Ok(PropValue::SysTime(filetime(x.ft))),
            PT_CLSID if x.lpguid.is_null() => return Err(MapiError::InvalidParameter),
            PT_CLSID => Ok(PropValue::Clsid(x.lpguid.read_unaligned())),
            PT_STRING8 => string(read_string(x.lpszA.cast(), false)),
            PT_UNICODE => string(read_string(x.lpszW.cast(), true)),
            PT_BINARY => Ok(PropValue::Binary(read_array(x.bin.lpb, x.bin.cb)?)),
            _ if t & MV_FLAG != 0 => {
                let n = x.MVl.cValues; // every MV member starts with cValues
                mv(n)?;
                match t & !MV_FLAG {
                    PT_I2 => Ok(PropValue::MvI2(read_array(x.MVi.lpi, n)?)),
                    PT_LONG => Ok(PropValue::MvLong(
                        read_array(x.MVl.lpl, n)?
                            .into_iter()
                            .map(|v| v as u32)
                            .collect(),
                    )),
                    PT_R4 => Ok(PropValue::MvR4(read_array(x.MVflt.lpflt, n)?)),
                    PT_DOUBLE => Ok(PropValue::MvDouble(read_array(x.MVdbl.lpdbl, n)?)),
                    PT_APPTIME => Ok(PropValue::MvAppTime(read_array(x.MVat.lpat, n)?)),
                    PT_CURRENCY => Ok(PropValue::MvCurrency(
                        read_array(x.MVcur.lpcur, n)?
                            .into_iter()
                            .map(|c| c.int64)
                            .collect(),
                    )),
                    PT_I8 => Ok(PropValue::MvI8(
                        read_array(x.MVli.lpli, n)?
                            .into_iter()
                            .map(|l| l.QuadPart)
                            .collect(),
                    )),
                    PT_SYSTIME => Ok(PropValue::MvSysTime(
                        read_array(x.MVft.lpft, n)?
                            .into_iter()
                            .map(filetime)
                            .collect(),
                    )),
                    PT_CLSID => Ok(PropValue::MvClsid(read_array(x.MVguid.lpguid, n)?)),
                    PT_BINARY => Ok(PropValue::MvBinary(read_binaries(x.MVbin.lpbin, n)?)),
                    PT_STRING8 | PT_UNICODE => {
                        let wide = t & !MV_FLAG == PT_UNICODE;
                        let ptrs: Vec<*mut c_void> = read_array(x.MVszA.lppszA.cast(), n)?;
                        ptrs.into_iter()
                            .map(|p| read_string(p, wide))
                            .collect::<Result<Vec<_>, _>>()
                            .map(PropValue::MvString)
                    }
                    _ => Err(MAPI_E_INVALID_TYPE),
                }
            }
            PT_NULL | PT_UNSPECIFIED => Err(MAPI_E_INVALID_TYPE),
            _ => Err(MAPI_E_INVALID_TYPE),
        }
    };
    Ok(match value {
        Ok(value) => Incoming::Set(tag, value),
        Err(sc) => Incoming::Problem(tag, sc),
    })
}

/// The tags of a host `SPropTagArray`: `None` for NULL; an empty array or
/// an absurd count is `MAPI_E_INVALID_PARAMETER`.
///
/// # Safety
///
/// `tags` is NULL or a readable counted array.
pub(crate) unsafe fn read_tags(tags: *const SPropTagArray) -> MapiResult<Option<Vec<ULONG>>> {
    if tags.is_null() {
        return Ok(None);
    }
    // SAFETY: readable (caller); ULONG needs only 4-byte alignment.
    let n = unsafe { ptr::addr_of!((*tags).cValues).read_unaligned() };
    if n == 0 {
        return Err(MapiError::InvalidParameter);
    }
    // SAFETY: the array holds `n` tags after the count (caller).
    unsafe { read_array(ptr::addr_of!((*tags).aulPropTag).cast::<ULONG>(), n) }.map(Some)
}

/// A host `ENTRYLIST` (`SBinaryArray`) of entry IDs: `None` for NULL.
///
/// # Safety
///
/// `list` is NULL or a readable `SBinaryArray` whose entries are readable.
pub(crate) unsafe fn read_entry_list(
    list: *const SBinaryArray,
) -> MapiResult<Option<Vec<Vec<u8>>>> {
    if list.is_null() {
        return Ok(None);
    }
    // SAFETY: readable (caller).
    let list = unsafe { list.read_unaligned() };
    // SAFETY: forwarded.
    let ids = unsafe { read_binaries(list.lpbin, list.cValues) }?;
    if ids.iter().any(Vec::is_empty) {
        return Err(MapiError::InvalidParameter);
    }
    Ok(Some(ids))
}

/// The `SPropProblemArray` for `problems` (NULL when there are none), in
/// one root buffer.
pub(crate) fn write_problems(
    alloc: &HostAllocators,
    problems: &[PropProblem],
) -> MapiResult<*mut SPropProblemArray> {
    if problems.is_empty() {
        return Ok(ptr::null_mut());
    }
    let size = size_of::<ULONG>() + size_of::<SPropProblem>() * problems.len();
    let root = alloc.root(size)?;
    let base = root.as_ptr().cast::<u8>();
    // SAFETY: `size` bytes were allocated: the count, then the entries
    // (all members 4-byte, so any 4-aligned address serves).
    unsafe {
        base.cast::<ULONG>().write_unaligned(count(problems.len())?);
        let entries = base.add(size_of::<ULONG>()).cast::<SPropProblem>();
        for (i, p) in problems.iter().enumerate() {
            entries.add(i).write_unaligned(SPropProblem {
                ulIndex: count(p.index)?,
                ulPropTag: p.tag,
                scode: p.scode,
            });
        }
    }
    Ok(root.into_raw().cast())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_bytes_match_the_in_memory_layout() {
        let g = GUID::new(0x0102_0304, 0x0506, 0x0708, [9, 10, 11, 12, 13, 14, 15, 16]);
        // SAFETY: GUID is 16 plain bytes.
        let raw: [u8; 16] = unsafe { std::mem::transmute(g) };
        assert_eq!(raw, guid_bytes(g));
    }

    // ---- host buffers 4 mod 8, as Wine's i686 mapi32.dll hands them out -----
    //
    // On i686 Windows, SPropValue (and i64, f64, LARGE_INTEGER) are 8-byte
    // aligned types, yet a 32-bit MAPI's MAPIAllocateBuffer puts a 4-byte
    // header in front of an 8-aligned heap block. Rust's debug alignment
    // checks are off on i686 Windows (and x86 does not fault), so the Wine
    // runs of the i686 DLL cannot see a misaligned access: this test gives
    // the same addresses to the library on the host running `cargo test`,
    // where the checks (and Miri) are on.

    use crate::mapi::{PROP_TAG, PT_MV_BINARY, PT_MV_DOUBLE, PT_MV_I8, PT_MV_UNICODE, SCODE};
    use crate::mapi::{PT_BINARY, PT_CLSID, PT_CURRENCY, PT_DOUBLE, PT_I8, PT_SYSTIME, PT_UNICODE};
    use std::collections::HashMap;
    use std::sync::Mutex;

    /// Root buffers (by the address handed out) and everything chained to
    /// them; each buffer is a `Vec<u64>` whose data starts 4 bytes in.
    static MISALIGNED: Mutex<Option<HashMap<usize, Vec<Vec<u64>>>>> = Mutex::new(None);

    fn misaligned_block(cb: ULONG) -> (Vec<u64>, *mut c_void) {
        let mut words = vec![0u64; (cb as usize + 4).div_ceil(8).max(1)];
        // SAFETY: 4 bytes into a block at least cb + 4 bytes long.
        let p = unsafe { words.as_mut_ptr().cast::<u8>().add(4) }.cast::<c_void>();
        (words, p)
    }

    unsafe extern "system" fn allocate_buffer_4mod8(cb: ULONG, out: *mut *mut c_void) -> SCODE {
        let (words, p) = misaligned_block(cb);
        let mut map = MISALIGNED.lock().unwrap();
        map.get_or_insert_with(HashMap::new)
            .insert(p as usize, vec![words]);
        // SAFETY: MAPI's contract: `out` is writable.
        unsafe { out.write_unaligned(p) };
        0
    }

    unsafe extern "system" fn allocate_more_4mod8(
        cb: ULONG,
        parent: *mut c_void,
        out: *mut *mut c_void,
    ) -> SCODE {
        let (words, p) = misaligned_block(cb);
        let mut map = MISALIGNED.lock().unwrap();
        let chain = map
            .get_or_insert_with(HashMap::new)
            .get_mut(&(parent as usize))
            .expect("MAPIAllocateMore on a live root buffer");
        chain.push(words);
        // SAFETY: as above.
        unsafe { out.write_unaligned(p) };
        0
    }

    unsafe extern "system" fn free_buffer_4mod8(p: *mut c_void) -> ULONG {
        let mut map = MISALIGNED.lock().unwrap();
        let removed = map.get_or_insert_with(HashMap::new).remove(&(p as usize));
        assert!(removed.is_some(), "MAPIFreeBuffer of a root buffer, once");
        0
    }

    fn live_4mod8() -> usize {
        MISALIGNED.lock().unwrap().as_ref().map_or(0, HashMap::len)
    }

    #[test]
    fn prop_values_round_trip_through_host_buffers_4_mod_8() {
        // SAFETY: the three functions above have MAPI's contract.
        let alloc = unsafe {
            HostAllocators::new(
                Some(allocate_buffer_4mod8),
                Some(allocate_more_4mod8),
                Some(free_buffer_4mod8),
            )
        }
        .unwrap();
        let guid = GUID::new(0x0102_0304, 0x0506, 0x0708, [9, 10, 11, 12, 13, 14, 15, 16]);
        let props: Vec<(ULONG, Option<PropValue>)> = vec![
            (
                PROP_TAG(PT_I8, 0x6001),
                Some(PropValue::I8(-0x0123_4567_89AB_CDEF)),
            ),
            (
                PROP_TAG(PT_DOUBLE, 0x6002),
                Some(PropValue::Double(-2.5e-300)),
            ),
            (
                PROP_TAG(PT_CURRENCY, 0x6003),
                Some(PropValue::Currency(i64::MIN + 7)),
            ),
            (
                PROP_TAG(PT_SYSTIME, 0x6004),
                Some(PropValue::SysTime(0x01D9_0000_8000_0001)),
            ),
            (
                PROP_TAG(PT_UNICODE, 0x6005),
                Some(PropValue::String("héllo, 4 mod 8".into())),
            ),
            (
                PROP_TAG(PT_BINARY, 0x6006),
                Some(PropValue::Binary(vec![1, 2, 3, 4, 5])),
            ),
            (PROP_TAG(PT_CLSID, 0x6007), Some(PropValue::Clsid(guid))),
            (
                PROP_TAG(PT_MV_I8, 0x6008),
                Some(PropValue::MvI8(vec![i64::MAX, -1, 0])),
            ),
            (
                PROP_TAG(PT_MV_DOUBLE, 0x6009),
                Some(PropValue::MvDouble(vec![0.5, -1e10])),
            ),
            (
                PROP_TAG(PT_MV_UNICODE, 0x600A),
                Some(PropValue::MvString(vec!["a".into(), "ünï".into()])),
            ),
            (
                PROP_TAG(PT_MV_BINARY, 0x600B),
                Some(PropValue::MvBinary(vec![vec![7; 3], vec![], vec![8]])),
            ),
        ];
        let (array, errors) = write_prop_values(&alloc, &props, true).unwrap();
        assert!(!errors);
        // The premise: the library's output array is only 4-aligned.
        assert_eq!(array as usize % 8, 4);
        assert_eq!(live_4mod8(), 1);
        // SAFETY: `props.len()` values just written, their pointers into the
        // same chain of host buffers.
        let back = unsafe { read_prop_values(array, ulong_size(props.len()).unwrap()) }.unwrap();
        let expected: Vec<Incoming> = props
            .iter()
            .map(|(tag, v)| Incoming::Set(*tag, v.clone().unwrap()))
            .collect();
        assert_eq!(back, expected);
        // SAFETY: the root buffer from write_prop_values, freed once.
        unsafe { alloc.free(array.cast()) };
        assert_eq!(live_4mod8(), 0);
    }
}
