//! Property values and names as bytes, for a backend that keeps them in a
//! database: the property type (`u16`, little-endian), then the value.
//! Multi-valued: a `u32` count, then each value (strings and binaries
//! each with a `u32` length). Strings are UTF-8. Decoding checks every
//! length: bytes that are no value are `MAPI_E_CORRUPT_DATA`, never a
//! panic.

use crate::mapi::*;
use crate::provider::{GuidKey, PropName, PropValue};

/// A value that does not decode: the database holds something else.
fn corrupt() -> MapiError {
    MapiError::Other(MAPI_E_CORRUPT_DATA)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn guid(&mut self, g: &GUID) {
        self.u32(g.data1);
        self.u16(g.data2);
        self.u16(g.data3);
        self.0.extend_from_slice(&g.data4);
    }
    fn many<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.len(items.len());
        for item in items {
            f(self, item);
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> MapiResult<&'a [u8]> {
        if self.0.len() < n {
            return Err(corrupt());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn array<const N: usize>(&mut self) -> MapiResult<[u8; N]> {
        self.take(N)?.try_into().map_err(|_| corrupt())
    }
    fn u16(&mut self) -> MapiResult<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> MapiResult<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> MapiResult<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn len(&mut self) -> MapiResult<usize> {
        let n = self.u32()? as usize;
        // Every item takes at least one byte: a count beyond what is left
        // is corruption (and no huge allocation).
        if n > self.0.len() {
            return Err(corrupt());
        }
        Ok(n)
    }
    fn bytes(&mut self) -> MapiResult<Vec<u8>> {
        let n = self.u32()? as usize;
        Ok(self.take(n)?.to_vec())
    }
    fn string(&mut self) -> MapiResult<String> {
        String::from_utf8(self.bytes()?).map_err(|_| corrupt())
    }
    fn guid(&mut self) -> MapiResult<GUID> {
        Ok(GUID {
            data1: self.u32()?,
            data2: self.u16()?,
            data3: self.u16()?,
            data4: self.array()?,
        })
    }
    fn many<T>(&mut self, mut f: impl FnMut(&mut Self) -> MapiResult<T>) -> MapiResult<Vec<T>> {
        let n = self.len()?;
        (0..n).map(|_| f(self)).collect()
    }
    fn end(&self) -> MapiResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(corrupt())
        }
    }
}

/// `value` as bytes.
pub fn encode_value(value: &PropValue) -> Vec<u8> {
    use PropValue::*;
    let mut w = Writer(Vec::with_capacity(16));
    w.u16(value.prop_type() as u16);
    match value {
        I2(v) => w.0.extend_from_slice(&v.to_le_bytes()),
        Long(v) => w.u32(*v),
        R4(v) => w.u32(v.to_bits()),
        Double(v) | AppTime(v) => w.u64(v.to_bits()),
        Currency(v) | I8(v) => w.u64(*v as u64),
        Boolean(v) => w.0.push(u8::from(*v)),
        String(s) => w.0.extend_from_slice(s.as_bytes()),
        Binary(b) => w.0.extend_from_slice(b),
        SysTime(v) => w.u64(*v),
        Clsid(g) => w.guid(g),
        MvI2(v) => w.many(v, |w, x| w.0.extend_from_slice(&x.to_le_bytes())),
        MvLong(v) => w.many(v, |w, x| w.u32(*x)),
        MvR4(v) => w.many(v, |w, x| w.u32(x.to_bits())),
        MvDouble(v) | MvAppTime(v) => w.many(v, |w, x| w.u64(x.to_bits())),
        MvCurrency(v) | MvI8(v) => w.many(v, |w, x| w.u64(*x as u64)),
        MvString(v) => w.many(v, |w, x| w.bytes(x.as_bytes())),
        MvBinary(v) => w.many(v, |w, x| w.bytes(x)),
        MvSysTime(v) => w.many(v, |w, x| w.u64(*x)),
        MvClsid(v) => w.many(v, |w, x| w.guid(x)),
        Error(sc) => w.u32(*sc as u32),
    }
    w.0
}

/// The value `bytes` hold.
pub fn decode_value(bytes: &[u8]) -> MapiResult<PropValue> {
    use PropValue::*;
    let mut r = Reader(bytes);
    let kind = ULONG::from(r.u16()?);
    let value = match kind {
        PT_I2 => I2(i16::from_le_bytes(r.array()?)),
        PT_LONG => Long(r.u32()?),
        PT_R4 => R4(f32::from_bits(r.u32()?)),
        PT_DOUBLE => Double(f64::from_bits(r.u64()?)),
        PT_APPTIME => AppTime(f64::from_bits(r.u64()?)),
        PT_CURRENCY => Currency(r.u64()? as i64),
        PT_I8 => I8(r.u64()? as i64),
        PT_BOOLEAN => match r.take(1)?[0] {
            0 => Boolean(false),
            1 => Boolean(true),
            _ => return Err(corrupt()),
        },
        PT_UNICODE | PT_STRING8 => {
            let s = std::str::from_utf8(r.take(r.0.len())?).map_err(|_| corrupt())?;
            String(s.to_owned())
        }
        PT_BINARY => Binary(r.take(r.0.len())?.to_vec()),
        PT_SYSTIME => SysTime(r.u64()?),
        PT_CLSID => Clsid(r.guid()?),
        PT_MV_I2 => MvI2(r.many(|r| Ok(i16::from_le_bytes(r.array()?)))?),
        PT_MV_LONG => MvLong(r.many(Reader::u32)?),
        PT_MV_R4 => MvR4(r.many(|r| Ok(f32::from_bits(r.u32()?)))?),
        PT_MV_DOUBLE => MvDouble(r.many(|r| Ok(f64::from_bits(r.u64()?)))?),
        PT_MV_APPTIME => MvAppTime(r.many(|r| Ok(f64::from_bits(r.u64()?)))?),
        PT_MV_CURRENCY => MvCurrency(r.many(|r| Ok(r.u64()? as i64))?),
        PT_MV_I8 => MvI8(r.many(|r| Ok(r.u64()? as i64))?),
        PT_MV_UNICODE | PT_MV_STRING8 => MvString(r.many(Reader::string)?),
        PT_MV_BINARY => MvBinary(r.many(Reader::bytes)?),
        PT_MV_SYSTIME => MvSysTime(r.many(Reader::u64)?),
        PT_MV_CLSID => MvClsid(r.many(Reader::guid)?),
        PT_ERROR => Error(r.u32()? as SCODE),
        _ => return Err(corrupt()),
    };
    r.end()?;
    Ok(value)
}

/// A named property's name as bytes: kind (0 `MNID_ID`, 1 `MNID_STRING`),
/// the property set, then the number or the name.
pub fn encode_name(name: &PropName) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(24));
    match name {
        PropName::Id(g, id) => {
            w.0.push(0);
            w.guid(&g.0);
            w.u32(*id as u32);
        }
        PropName::String(g, s) => {
            w.0.push(1);
            w.guid(&g.0);
            w.0.extend_from_slice(s.as_bytes());
        }
    }
    w.0
}

/// The name `bytes` hold.
pub fn decode_name(bytes: &[u8]) -> MapiResult<PropName> {
    let mut r = Reader(bytes);
    let kind = r.take(1)?[0];
    let guid = GuidKey(r.guid()?);
    let name = match kind {
        0 => PropName::Id(guid, r.u32()? as i32),
        1 => {
            let s = std::str::from_utf8(r.take(r.0.len())?).map_err(|_| corrupt())?;
            PropName::String(guid, s.to_owned())
        }
        _ => return Err(corrupt()),
    };
    r.end()?;
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guid(n: u8) -> GUID {
        GUID {
            data1: 0x0102_0304 * u32::from(n),
            data2: 0x0506,
            data3: 0x0708,
            data4: [n, 2, 3, 4, 5, 6, 7, 8],
        }
    }

    #[test]
    fn every_type_round_trips() {
        use PropValue::*;
        let values = vec![
            I2(-7),
            Long(0xDEAD_BEEF),
            R4(1.5),
            Double(-2.25),
            Currency(-12_345),
            AppTime(45_000.5),
            Boolean(true),
            Boolean(false),
            I8(i64::MIN),
            String("héllo wörld ✓".into()),
            String(std::string::String::new()),
            Binary(vec![0, 1, 2, 255]),
            Binary(Vec::new()),
            SysTime(133_000_000_000_000_000),
            Clsid(guid(1)),
            MvI2(vec![1, -2]),
            MvLong(vec![1, 2, 3]),
            MvR4(vec![0.5]),
            MvDouble(vec![1.0, 2.0]),
            MvCurrency(vec![-1]),
            MvAppTime(vec![3.0]),
            MvI8(vec![i64::MAX]),
            MvString(vec!["a".into(), std::string::String::new(), "ü".into()]),
            MvBinary(vec![vec![1], Vec::new()]),
            MvSysTime(vec![1, 2]),
            MvClsid(vec![guid(2), guid(3)]),
            Error(MAPI_E_NOT_FOUND),
        ];
        for v in values {
            let bytes = encode_value(&v);
            assert_eq!(decode_value(&bytes), Ok(v.clone()), "{v:?}");
            // Every truncation is corruption, never a panic.
            for n in 0..bytes.len() {
                let cut = decode_value(&bytes[..n]);
                let fixed_size_tail_ok = matches!(v, String(_) | Binary(_));
                if !fixed_size_tail_ok {
                    assert!(cut.is_err(), "{v:?} cut at {n}: {cut:?}");
                }
            }
        }
        assert_eq!(decode_value(&[0xFF, 0xFF]), Err(corrupt()));
        assert_eq!(decode_value(&[0x0B, 0x00, 2]), Err(corrupt()));
        // A huge count is corruption, not an allocation.
        let mut huge = vec![0x03, 0x10];
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode_value(&huge), Err(corrupt()));
    }

    #[test]
    fn names_round_trip() {
        for name in [
            PropName::Id(GuidKey(guid(4)), -5),
            PropName::String(GuidKey(guid(5)), "Keywords".into()),
        ] {
            assert_eq!(decode_name(&encode_name(&name)), Ok(name.clone()));
        }
        assert_eq!(decode_name(&[7]), Err(corrupt()));
    }
}
