//! Optional lifecycle tracing for host authors: with the environment
//! variable `MSLOGON_TRACE` set (to anything but `0` or empty), the library
//! writes one line to stderr per lifecycle event — provider initialised,
//! logon opened, logon torn down (and by which path), support object
//! released, provider shut down — each starting with `mslogon: `.
//!
//! Off by default. When off, an event costs one relaxed atomic load and a
//! branch; the variable is read once, at the first event.

use std::ffi::OsStr;
use std::fmt;
use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};

const UNKNOWN: u8 = 0;
const OFF: u8 = 1;
const ON: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(UNKNOWN);

/// Whether tracing is on (reads `MSLOGON_TRACE` the first time).
#[inline]
pub fn enabled() -> bool {
    match STATE.load(Ordering::Relaxed) {
        OFF => false,
        ON => true,
        _ => init(),
    }
}

#[cold]
fn init() -> bool {
    let on = is_on(std::env::var_os("MSLOGON_TRACE").as_deref());
    STATE.store(if on { ON } else { OFF }, Ordering::Relaxed);
    on
}

/// How the value of `MSLOGON_TRACE` is read.
fn is_on(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty() && v != "0")
}

/// Writes one trace line (errors writing stderr are ignored: tracing must
/// never disturb the host).
#[cold]
pub fn emit(args: fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr().lock(), "mslogon: {args}");
}

/// `trace!("logon {:p} opened", ptr)`: one line on stderr when tracing is
/// on; nothing (not even formatting) when it is off.
macro_rules! trace {
    ($($arg:tt)*) => {
        if $crate::trace::enabled() {
            $crate::trace::emit(format_args!($($arg)*));
        }
    };
}
pub(crate) use trace;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_turns_tracing_on_unless_empty_or_zero() {
        assert!(!is_on(None));
        assert!(!is_on(Some(OsStr::new(""))));
        assert!(!is_on(Some(OsStr::new("0"))));
        assert!(is_on(Some(OsStr::new("1"))));
        assert!(is_on(Some(OsStr::new("yes"))));
    }
}
