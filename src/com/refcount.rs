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

/// The counts at and above which a live count is saturated (pinned).
const SATURATED: u32 = 1 << 30;
/// Where a saturated count is put back when it drifts.
const SATURATED_HOME: u32 = SATURATED | (SATURATED >> 1);
/// The high bit: the count went to zero (the object is being destroyed).
const DEAD: u32 = 1 << 31;
/// Where the count is parked when it goes to zero: in the middle of the
/// dead range, so that no number of re-entrant `AddRef`/`Release` pairs
/// (nor up to 2^30 unbalanced ones) can bring it back to zero, or into
/// the live range.
const PARKED: u32 = DEAD | SATURATED;

/// A COM reference count.
///
/// The count is one `AtomicU32` in three ranges:
///
/// - `1..2^30`: live, the number of references.
/// - `2^30..2^31`: saturated: so many references were added that the
///   object is pinned (never freed), never freed early. `add_ref` and
///   `release` answer `ULONG::MAX` and put the count back in the middle of
///   the range, so it never leaves it.
/// - `0` and `2^31..`: dead. The `release` that takes the count to zero
///   parks it at `PARKED` (ATL's trick), so that `AddRef`/`Release` made
///   from inside the final release (the host calling back into an object
///   being destroyed) cannot take it to zero a second time: they find it
///   dead, change nothing that matters and answer 0.
///
/// This makes the hot paths one `lock xadd` each, as in C: `add_ref` is a
/// plain `fetch_add` (the caller owns a reference, so the count cannot be
/// zero unless the object is being destroyed, which the old value tells),
/// `release` a plain `fetch_sub`. [`RefCount::try_add_ref`], for a caller
/// that owns no reference (a pin only), keeps a compare-and-swap loop and
/// never resurrects a dead count.
///
/// `release` uses `Release` ordering and, on the last release, an
/// `Acquire` load before the caller destroys the object, so every other
/// thread's use of the object happens-before its destruction.
#[derive(Debug)]
pub struct RefCount(AtomicU32);

impl RefCount {
    /// A count of one: the creator's reference.
    pub const fn new() -> Self {
        RefCount(AtomicU32::new(1))
    }

    /// Current count (racy; for diagnostics and tests): `ULONG::MAX` when
    /// saturated, 0 once dead.
    pub fn get(&self) -> ULONG {
        match self.0.load(Ordering::Relaxed) {
            n if n & DEAD != 0 => 0,
            n if n >= SATURATED => ULONG::MAX,
            n => n,
        }
    }

    /// Adds a reference for a caller that owns one already (the host's
    /// `AddRef`, `QueryInterface`; a pin taken through a borrow): one
    /// `fetch_add`. Returns the new count (`ULONG::MAX` when saturated),
    /// or `None` when the object is being destroyed (the call came from
    /// inside its final release).
    #[inline(always)]
    pub fn add_ref(&self) -> Option<ULONG> {
        let old = self.0.fetch_add(1, Ordering::Relaxed);
        // `old` in 1..SATURATED-1: the new count is live.
        if old.wrapping_sub(1) < SATURATED - 2 {
            Some(old + 1)
        } else {
            self.add_ref_cold(old)
        }
    }

    #[cold]
    #[inline(never)]
    fn add_ref_cold(&self, old: u32) -> Option<ULONG> {
        if old == 0 || old & DEAD != 0 {
            // Being destroyed: the count is parked far from zero (or about
            // to be), one more does not matter.
            None
        } else {
            // Saturated (or just became so): pinned for good.
            self.0.store(SATURATED_HOME, Ordering::Relaxed);
            Some(ULONG::MAX)
        }
    }

    /// Adds a reference unless the count is dead (zero, or parked) or
    /// saturated, for a caller that may own none. Returns the new count,
    /// or `None` when the object is being destroyed.
    pub fn try_add_ref(&self) -> Option<ULONG> {
        let mut cur = self.0.load(Ordering::Relaxed);
        loop {
            if cur == 0 || cur & DEAD != 0 {
                return None;
            }
            if cur >= SATURATED - 1 {
                return self.add_ref();
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

    /// Drops a reference: one `fetch_sub`. At zero the count is parked
    /// (see [`RefCount`]) and the caller must destroy the object. A
    /// saturated count stays saturated (the object is pinned); a dead
    /// count stays dead.
    #[inline(always)]
    pub fn release(&self) -> Released {
        match self.release_hot() {
            Ok(n) => Released::Alive(n),
            Err(old) => self.settle(old),
        }
    }

    /// The first half of [`RefCount::release`]: drops the reference, and
    /// answers the new count if it is live, or else `Err` with the count
    /// before, which the caller must hand to [`RefCount::settle`].
    #[inline(always)]
    pub fn release_hot(&self) -> Result<ULONG, u32> {
        let old = self.0.fetch_sub(1, Ordering::Release);
        // `old` in 2..SATURATED: live after.
        if old.wrapping_sub(2) < SATURATED - 2 {
            Ok(old - 1)
        } else {
            Err(old)
        }
    }

    /// The second half of [`RefCount::release`], for a count that was not
    /// left live: `old` is what [`RefCount::release_hot`] returned.
    #[cold]
    #[inline(never)]
    pub fn settle(&self, old: u32) -> Released {
        match old {
            1 => {
                // Acquire: every other thread's `Release` decrement (and
                // so its use of the object) happens-before the caller
                // destroys it. An acquire load of the count (it reads our
                // own write, the end of their release sequence), not an
                // acquire fence: ThreadSanitizer does not model fences and
                // reported the destruction as a race with the other
                // threads' last use (std's Arc does the same under TSan).
                self.0.load(Ordering::Acquire);
                // Before anything can call back: a re-entrant AddRef or
                // Release finds the count dead, far from zero.
                self.0.store(PARKED, Ordering::Relaxed);
                Released::Last
            }
            // A stray Release of an object being destroyed (the count
            // was zero, about to be parked, or parked).
            0 => Released::AlreadyZero,
            n if n & DEAD != 0 => Released::AlreadyZero,
            _ => {
                self.0.store(SATURATED_HOME, Ordering::Relaxed);
                Released::Alive(ULONG::MAX)
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
        assert_eq!(rc.add_ref(), Some(3));
        assert_eq!(rc.release(), Released::Alive(2));
        assert_eq!(rc.release(), Released::Alive(1));
        assert_eq!(rc.release(), Released::Last);
        assert_eq!(rc.release(), Released::AlreadyZero);
        assert_eq!(rc.try_add_ref(), None, "no resurrection from zero");
        assert_eq!(rc.add_ref(), None, "no resurrection from zero");
        assert_eq!(rc.get(), 0);
    }

    #[test]
    fn reentrant_calls_during_final_release_never_reach_zero_again() {
        let n = if cfg!(miri) { 100 } else { 10_000 };
        let rc = RefCount::new();
        assert_eq!(rc.release(), Released::Last);
        // What a host may do from inside the final release: AddRef/Release
        // pairs, QueryInterface (add_ref) + Release, stray Releases.
        for _ in 0..n {
            assert_eq!(rc.add_ref(), None);
            assert_eq!(rc.release(), Released::AlreadyZero);
            assert_eq!(rc.try_add_ref(), None);
        }
        for _ in 0..n {
            assert_eq!(rc.release(), Released::AlreadyZero);
        }
        for _ in 0..2 * n {
            assert_eq!(rc.add_ref(), None);
        }
        assert_eq!(rc.try_add_ref(), None);
        assert_eq!(rc.get(), 0);
        // Parked far from zero and from the live range either way.
        let raw = rc.0.load(Ordering::Relaxed);
        assert!(raw & DEAD != 0 && raw.abs_diff(PARKED) <= 2 * n, "{raw:#x}");
    }

    #[test]
    fn zero_before_parking_is_dead_too() {
        // The instant between the last fetch_sub and the park: a stray
        // call (a host bug) finds the count dead, not live.
        let rc = RefCount(AtomicU32::new(0));
        assert_eq!(rc.try_add_ref(), None);
        assert_eq!(rc.add_ref(), None);
        let rc = RefCount(AtomicU32::new(0));
        assert_eq!(rc.release(), Released::AlreadyZero);
        assert_eq!(rc.add_ref(), None);
        assert_eq!(rc.get(), 0);
    }

    #[test]
    fn saturates_instead_of_wrapping() {
        let rc = RefCount(AtomicU32::new(SATURATED - 2));
        assert_eq!(rc.try_add_ref(), Some(SATURATED - 1));
        assert_eq!(rc.try_add_ref(), Some(ULONG::MAX));
        assert_eq!(rc.add_ref(), Some(ULONG::MAX));
        assert_eq!(rc.get(), ULONG::MAX);
        // Pinned: no number of releases frees it.
        let n = if cfg!(miri) { 100 } else { 10_000 };
        for _ in 0..n {
            assert_eq!(rc.release(), Released::Alive(ULONG::MAX), "pinned");
        }
        for _ in 0..n {
            assert_eq!(rc.add_ref(), Some(ULONG::MAX));
        }
        assert_eq!(rc.get(), ULONG::MAX);
        let rc = RefCount(AtomicU32::new(SATURATED - 2));
        assert_eq!(rc.add_ref(), Some(SATURATED - 1));
        assert_eq!(rc.add_ref(), Some(ULONG::MAX));
        assert_eq!(rc.release(), Released::Alive(ULONG::MAX));
    }

    #[test]
    fn concurrent_add_release_balances() {
        let rc = std::sync::Arc::new(RefCount::new());
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let rc = rc.clone();
                std::thread::spawn(move || {
                    for _ in 0..if cfg!(miri) { 50 } else { 10_000 } {
                        if i % 2 == 0 {
                            rc.try_add_ref().unwrap();
                        } else {
                            rc.add_ref().unwrap();
                        }
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
