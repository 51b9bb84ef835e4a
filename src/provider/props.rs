//! [`PropValue`]: a property value as a provider keeps and returns it,
//! before the boundary lays it out as a host-allocated `SPropValue`; and
//! [`PropName`], a named property's name.

use crate::mapi::{
    GUID, MV_FLAG, PT_APPTIME, PT_BINARY, PT_BOOLEAN, PT_CLSID, PT_CURRENCY, PT_DOUBLE, PT_ERROR,
    PT_I2, PT_I8, PT_LONG, PT_R4, PT_STRING8, PT_SYSTIME, PT_UNICODE, PT_UNSPECIFIED, SCODE, ULONG,
};

/// A property value of any MAPI type. Strings are kept as Rust strings; the
/// boundary writes them as `PT_UNICODE` (UTF-16) or `PT_STRING8` (UTF-8) as
/// the caller asks, and reads both.
#[derive(Clone, Debug, PartialEq)]
pub enum PropValue {
    /// `PT_I2`.
    I2(i16),
    /// `PT_LONG`.
    Long(ULONG),
    /// `PT_R4`.
    R4(f32),
    /// `PT_DOUBLE`.
    Double(f64),
    /// `PT_CURRENCY` (the `int64` of `CURRENCY`).
    Currency(i64),
    /// `PT_APPTIME`.
    AppTime(f64),
    /// `PT_BOOLEAN`.
    Boolean(bool),
    /// `PT_I8`.
    I8(i64),
    /// `PT_UNICODE` or `PT_STRING8`.
    String(String),
    /// `PT_BINARY`.
    Binary(Vec<u8>),
    /// `PT_SYSTIME`: a `FILETIME` as one 64-bit count of 100 ns since 1601.
    SysTime(u64),
    /// `PT_CLSID`.
    Clsid(GUID),
    /// `PT_MV_I2`.
    MvI2(Vec<i16>),
    /// `PT_MV_LONG`.
    MvLong(Vec<ULONG>),
    /// `PT_MV_R4`.
    MvR4(Vec<f32>),
    /// `PT_MV_DOUBLE`.
    MvDouble(Vec<f64>),
    /// `PT_MV_CURRENCY`.
    MvCurrency(Vec<i64>),
    /// `PT_MV_APPTIME`.
    MvAppTime(Vec<f64>),
    /// `PT_MV_I8`.
    MvI8(Vec<i64>),
    /// `PT_MV_UNICODE` or `PT_MV_STRING8`.
    MvString(Vec<String>),
    /// `PT_MV_BINARY`.
    MvBinary(Vec<Vec<u8>>),
    /// `PT_MV_SYSTIME`.
    MvSysTime(Vec<u64>),
    /// `PT_MV_CLSID`.
    MvClsid(Vec<GUID>),
    /// `PT_ERROR`: the property could not be read.
    Error(SCODE),
}

impl PropValue {
    /// The value's own property type; strings are `PT_UNICODE`
    /// (`PT_MV_UNICODE`).
    pub fn prop_type(&self) -> ULONG {
        use PropValue::*;
        match self {
            I2(_) => PT_I2,
            Long(_) => PT_LONG,
            R4(_) => PT_R4,
            Double(_) => PT_DOUBLE,
            Currency(_) => PT_CURRENCY,
            AppTime(_) => PT_APPTIME,
            Boolean(_) => PT_BOOLEAN,
            I8(_) => PT_I8,
            String(_) => PT_UNICODE,
            Binary(_) => PT_BINARY,
            SysTime(_) => PT_SYSTIME,
            Clsid(_) => PT_CLSID,
            MvI2(_) => MV_FLAG | PT_I2,
            MvLong(_) => MV_FLAG | PT_LONG,
            MvR4(_) => MV_FLAG | PT_R4,
            MvDouble(_) => MV_FLAG | PT_DOUBLE,
            MvCurrency(_) => MV_FLAG | PT_CURRENCY,
            MvAppTime(_) => MV_FLAG | PT_APPTIME,
            MvI8(_) => MV_FLAG | PT_I8,
            MvString(_) => MV_FLAG | PT_UNICODE,
            MvBinary(_) => MV_FLAG | PT_BINARY,
            MvSysTime(_) => MV_FLAG | PT_SYSTIME,
            MvClsid(_) => MV_FLAG | PT_CLSID,
            Error(_) => PT_ERROR,
        }
    }

    /// Whether a caller asking for type `requested` gets this value:
    /// `PT_UNSPECIFIED` takes anything, both string types take strings.
    pub fn serves(&self, requested: ULONG) -> bool {
        let own = self.prop_type();
        requested == PT_UNSPECIFIED
            || requested == own
            || (own & !MV_FLAG == PT_UNICODE && requested == (own & MV_FLAG) | PT_STRING8)
    }

    /// The value's size as `PR_MESSAGE_SIZE` counts it (approximately what
    /// it takes in memory: strings in UTF-16).
    pub fn size(&self) -> usize {
        use PropValue::*;
        match self {
            // UTF-16 units: one per UTF-8 byte for ASCII (cheap to count).
            String(s) if s.is_ascii() => 2 * (s.len() + 1),
            String(s) => 2 * (s.encode_utf16().count() + 1),
            Binary(b) => b.len(),
            MvString(v) => v.iter().map(|s| 2 * (s.encode_utf16().count() + 1)).sum(),
            MvBinary(v) => v.iter().map(Vec::len).sum(),
            MvI2(v) => 2 * v.len(),
            MvLong(v) => 4 * v.len(),
            MvR4(v) => 4 * v.len(),
            MvDouble(v) | MvAppTime(v) => 8 * v.len(),
            MvCurrency(v) | MvI8(v) => 8 * v.len(),
            MvSysTime(v) => 8 * v.len(),
            MvClsid(v) => 16 * v.len(),
            Clsid(_) => 16,
            _ => 8,
        }
    }
}

/// The name of a named property (`MAPINAMEID`): a property set GUID and a
/// number (`MNID_ID`) or a string (`MNID_STRING`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PropName {
    /// `MNID_ID`: property set and number.
    Id(GuidKey, i32),
    /// `MNID_STRING`: property set and name.
    String(GuidKey, String),
}

impl PropName {
    /// The property set.
    pub fn guid(&self) -> GUID {
        match self {
            PropName::Id(g, _) | PropName::String(g, _) => g.0,
        }
    }
}

/// A GUID that sorts (for maps of names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GuidKey(pub GUID);

impl GuidKey {
    fn bytes(&self) -> (u32, u16, u16, [u8; 8]) {
        (self.0.data1, self.0.data2, self.0.data3, self.0.data4)
    }
}

impl PartialOrd for GuidKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GuidKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.bytes().cmp(&other.bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapi::{PT_MV_STRING8, PT_MV_UNICODE};

    #[test]
    fn strings_serve_both_widths_and_nothing_else() {
        let s = PropValue::String("x".into());
        assert!(s.serves(PT_UNICODE) && s.serves(PT_STRING8) && s.serves(PT_UNSPECIFIED));
        assert!(!s.serves(PT_LONG) && !s.serves(PT_MV_UNICODE));
        let mv = PropValue::MvString(vec![]);
        assert!(mv.serves(PT_MV_UNICODE) && mv.serves(PT_MV_STRING8) && !mv.serves(PT_UNICODE));
        assert!(!PropValue::Long(1).serves(PT_I8));
    }
}
