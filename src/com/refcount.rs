//! The atomic reference count of objects this crate hands to C.

use std::sync::atomic::{AtomicU32, Ordering};

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
/// - `release` uses `Release` ordering and, on the last release, an
///   `Acquire` load before the caller destroys the object, so every other
///   thread's use of the object happens-before its destruction.
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
                    // Acquire: every other thread's `Release` decrement
                    // (and so its use of the object) happens-before the
                    // caller destroys it. An acquire load of the count (it
                    // reads our own write, the end of their release
                    // sequence), not an acquire fence: ThreadSanitizer does
                    // not model fences and reported the destruction as a
                    // race with the other threads' last use (std's Arc
                    // does the same under TSan). Only on the last release.
                    self.0.load(Ordering::Acquire);
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

    /// What four threads share: the count and data they read, freed by
    /// whichever drops the last reference.
    struct Shared {
        refs: RefCount,
        data: Vec<u64>,
    }

    /// A pointer to a [`Shared`] that a thread may take.
    #[derive(Clone, Copy)]
    struct SharedPtr(*mut Shared);

    // SAFETY: `Shared` is `Send + Sync`; each thread holding the pointer
    // holds one of its counted references.
    unsafe impl Send for SharedPtr {}

    impl SharedPtr {
        fn get(self) -> *mut Shared {
            self.0
        }
    }

    /// Every thread's use of an object happens-before its destruction by
    /// the thread whose release was the last: each thread reads the data,
    /// then releases; the one told `Last` frees it, exactly one. Natively
    /// this checks the count; under ThreadSanitizer (scripts/tsan.sh) the
    /// free is a reported race unless the last release acquires what the
    /// others' releases published (an acquire fence, which TSan does not
    /// model, was reported so).
    #[test]
    fn the_last_release_frees_after_every_use() {
        const THREADS: u32 = 4;
        for _round in 0..if cfg!(miri) { 4 } else { 200 } {
            let shared = SharedPtr(Box::into_raw(Box::new(Shared {
                refs: RefCount(AtomicU32::new(THREADS)),
                data: (0..64).collect(),
            })));
            let frees: u32 = std::thread::scope(|s| {
                let threads: Vec<_> = (0..THREADS)
                    .map(|_| {
                        s.spawn(move || {
                            let p = shared.get();
                            // SAFETY: this thread holds a reference: the
                            // object is alive until its release below.
                            let sum: u64 = unsafe { (*p).data.iter().sum() };
                            assert_eq!(sum, 63 * 64 / 2);
                            // SAFETY: as above; no borrow outlives the call.
                            if unsafe { (*p).refs.release() } == Released::Last {
                                // SAFETY: the last reference went: this
                                // thread owns the allocation.
                                drop(unsafe { Box::from_raw(p) });
                                1
                            } else {
                                0
                            }
                        })
                    })
                    .collect();
                threads.into_iter().map(|t| t.join().unwrap()).sum()
            });
            assert_eq!(frees, 1, "exactly one thread frees the object");
        }
    }
}
