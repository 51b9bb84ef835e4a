//! The atomic reference count of objects this crate hands to C.

use std::sync::atomic::{fence, AtomicU32, Ordering};

use crate::mapi::ULONG;

/// What [`RefCount::release`] observed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Released {
    /// References remain; the new count.
    Alive(ULONG),
    /// That was the last reference: the caller must destroy the object.
    Last,
    /// The count was already zero (a stray `Release` while the object is
    /// being destroyed): nothing changed.
    AlreadyZero,
}

/// A COM reference count.
///
/// - `add_ref` saturates at `ULONG::MAX` instead of wrapping: an object
///   whose count reached the maximum is pinned (never freed), never freed
///   early.
/// - `add_ref` on a count of zero (the object is being destroyed, and
///   something called back into it) does not resurrect it.
/// - `release` uses `Release` ordering and an `Acquire` fence before the
///   caller destroys the object, so every other thread's use of the object
///   happens-before its destruction.
#[derive(Debug)]
pub struct RefCount(AtomicU32);

impl RefCount {
    /// A count of one: the creator's reference.
    pub const fn new() -> Self {
        RefCount(AtomicU32::new(1))
    }

    /// Current count (racy; for diagnostics and tests).
    pub fn get(&self) -> ULONG {
        self.0.load(Ordering::Relaxed)
    }

    /// Adds a reference unless the count is zero or saturated. Returns the
    /// new count, or `None` when the object is being destroyed.
    pub fn try_add_ref(&self) -> Option<ULONG> {
        let mut cur = self.0.load(Ordering::Relaxed);
        loop {
            if cur == 0 {
                return None;
            }
            if cur == ULONG::MAX {
                return Some(cur);
            }
            match self
                .0
                .compare_exchange_weak(cur, cur + 1, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return Some(cur + 1),
                Err(now) => cur = now,
            }
        }
    }

    /// Drops a reference. A saturated count stays saturated (the object is
    /// pinned); a zero count stays zero.
    pub fn release(&self) -> Released {
        let mut cur = self.0.load(Ordering::Relaxed);
        loop {
            match cur {
                0 => return Released::AlreadyZero,
                ULONG::MAX => return Released::Alive(ULONG::MAX),
                _ => {}
            }
            match self
                .0
                .compare_exchange_weak(cur, cur - 1, Ordering::Release, Ordering::Relaxed)
            {
                Ok(_) if cur == 1 => {
                    fence(Ordering::Acquire);
                    return Released::Last;
                }
                Ok(_) => return Released::Alive(cur - 1),
                Err(now) => cur = now,
            }
        }
    }
}

impl Default for RefCount {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_up_and_down_to_last() {
        let rc = RefCount::new();
        assert_eq!(rc.try_add_ref(), Some(2));
        assert_eq!(rc.release(), Released::Alive(1));
        assert_eq!(rc.release(), Released::Last);
        assert_eq!(rc.release(), Released::AlreadyZero);
        assert_eq!(rc.try_add_ref(), None, "no resurrection from zero");
        assert_eq!(rc.get(), 0);
    }

    #[test]
    fn saturates_instead_of_wrapping() {
        let rc = RefCount(AtomicU32::new(ULONG::MAX - 1));
        assert_eq!(rc.try_add_ref(), Some(ULONG::MAX));
        assert_eq!(rc.try_add_ref(), Some(ULONG::MAX));
        assert_eq!(rc.release(), Released::Alive(ULONG::MAX), "pinned");
        assert_eq!(rc.get(), ULONG::MAX);
    }

    #[test]
    fn concurrent_add_release_balances() {
        let rc = std::sync::Arc::new(RefCount::new());
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let rc = rc.clone();
                std::thread::spawn(move || {
                    for _ in 0..if cfg!(miri) { 50 } else { 10_000 } {
                        rc.try_add_ref().unwrap();
                        assert!(matches!(rc.release(), Released::Alive(_)));
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(rc.release(), Released::Last);
    }
}
