//! Frame reuse, as CPython ≤3.10 did it: each code object keeps one **zombie** frame
//! that its next call reanimates, and other finished frames go to a **free list**
//! capped at 200 (`PyFrame_MAXFREELIST`).
//!
//! What is kept is the frame's storage — the `localsplus` block (locals, cells and
//! frees, value stack), sized by the code object. The small frame header lives on
//! the native stack of `run_frame`'s caller and costs nothing to make.
//!
//! ## What is valid in the zombie state
//! A parked block holds **no values**: every slot is uninitialised (its values were
//! dropped on release), so a zombie keeps nothing alive. Only its length is
//! meaningful: a code object's zombie is exactly `nlocalsplus + stacksize + 1` slots
//! of that code, so reanimation needs no size check; a free-list block may be
//! smaller than a new frame needs, and is then replaced by a fresh allocation.
//! The zombie slot is a plain `Cell` in the runtime code object and holds no
//! reference back to it, so no reference cycle forms.
//!
//! Frames that outlive their call (generators) are not pooled. The policy can be
//! switched (`-X frame-reuse=none|freelist|zombie|both`) and counters show the
//! effect (`sys.frame_stats()`, `-X frame-stats`).

use std::cell::Cell;

/// A frame's storage block.
pub use crate::object::code::FrameStorage as Storage;

/// CPython's `PyFrame_MAXFREELIST`.
pub const MAX_FREE: usize = 200;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Policy {
    None,
    FreeList,
    Zombie,
    Both,
}

impl Policy {
    pub fn from_name(s: &str) -> Option<Policy> {
        Some(match s {
            "none" => Policy::None,
            "freelist" => Policy::FreeList,
            "zombie" => Policy::Zombie,
            "both" | "all" => Policy::Both,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Policy::None => "none",
            Policy::FreeList => "freelist",
            Policy::Zombie => "zombie",
            Policy::Both => "both",
        }
    }

    fn zombies(self) -> bool {
        matches!(self, Policy::Zombie | Policy::Both)
    }

    fn free_list(self) -> bool {
        matches!(self, Policy::FreeList | Policy::Both)
    }
}

#[derive(Default, Clone, Copy, Debug)]
pub struct Stats {
    pub allocations: u64,
    pub zombie_hits: u64,
    pub freelist_hits: u64,
    pub released: u64,
    pub dropped: u64,
}

pub struct FramePool {
    pub policy: Policy,
    free: Vec<Storage>,
    pub stats: Stats,
}

impl FramePool {
    pub fn new(policy: Policy) -> FramePool {
        FramePool { policy, free: Vec::new(), stats: Stats::default() }
    }

    /// Storage of at least `size` slots: the code's zombie, then the free list, then
    /// a new allocation.
    #[inline(always)]
    pub fn acquire(&mut self, zombie: &Cell<Option<Storage>>, size: usize) -> Storage {
        if self.policy.zombies() {
            if let Some(s) = zombie.take() {
                self.stats.zombie_hits += 1;
                return s;
            }
        }
        if self.policy.free_list() {
            if let Some(s) = self.free.pop() {
                if s.len() >= size {
                    self.stats.freelist_hits += 1;
                    return s;
                }
            }
        }
        self.stats.allocations += 1;
        Box::new_uninit_slice(size)
    }

    /// Park emptied storage: in the code's zombie slot if free and the block fits the
    /// code exactly, else on the free list (below the cap), else free it.
    #[inline(always)]
    pub fn release(&mut self, zombie: &Cell<Option<Storage>>, exact: usize, s: Storage) {
        self.stats.released += 1;
        if self.policy.zombies() && s.len() == exact {
            let empty = zombie.take();
            if empty.is_none() {
                zombie.set(Some(s));
                return;
            }
            zombie.set(empty);
        }
        if self.policy.free_list() && self.free.len() < MAX_FREE {
            self.free.push(s);
            return;
        }
        self.stats.dropped += 1;
    }

    pub fn free_len(&self) -> usize {
        self.free.len()
    }
}
