//! The binary's allocator: mimalloc for everything small, the C library's malloc for
//! big blocks.
//!
//! Objects are small and numerous: mimalloc's size-class pages serve them with
//! little overhead. Big blocks are mostly growing buffers — a list built by
//! appends, a dict's entry array, the collector's lists — and every growth of one
//! through mimalloc copies it into a new block while the old one is still mapped,
//! so building a 16 MB list touches ~30 MB. glibc serves blocks above its mmap
//! threshold with `mmap` and grows them with `mremap`, which moves pages instead of
//! bytes: growth costs no copy and no second block. CPython's lists get the same
//! from glibc's `realloc`. [`init`] fixes the threshold (glibc raises it
//! dynamically otherwise, and then big blocks would come from the heap again).

use std::alloc::{GlobalAlloc, Layout, System};

use mimalloc::MiMalloc;

/// Blocks of this size and above go to the C library (and its mmap/mremap).
pub const BIG: usize = 256 * 1024;

pub struct PyhopAlloc;

/// Fix glibc's mmap threshold at [`BIG`]; call once at start-up, before threads.
/// Runs before `main` (and before the Rust runtime's first allocation, which is when
/// mimalloc reserves its arena), from the ELF `.init_array`.
///
/// mimalloc reserves a 1 GiB arena and marks it MADV_HUGEPAGE, so with the kernel's
/// transparent huge pages in `madvise` mode the first touch of each 2 MiB of it faults
/// in a whole huge page: `pyhop -c pass` had a peak RSS of 11.1 MiB, 8 of them huge
/// pages holding a few KiB each, against CPython's 8.0 MiB; without THP it is 5.6 MiB.
/// The suite ran no slower without them (perf/results/2026-12-02-objects-suite.md), so
/// the process opts out.
#[cfg(target_os = "linux")]
extern "C" fn no_huge_pages() {
    // SAFETY: prctl(PR_SET_THP_DISABLE) only sets a flag of this process's memory map.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1 as libc::c_ulong, 0 as libc::c_ulong, 0 as libc::c_ulong, 0 as libc::c_ulong);
    }
}

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NO_HUGE_PAGES: extern "C" fn() = no_huge_pages;

pub fn init() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a malloc parameter; called before other threads run.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, BIG as libc::c_int);
    }
}

#[inline(always)]
fn big(size: usize, align: usize) -> bool {
    // The C allocator's alignment guarantee is 16; bigger alignments stay with mimalloc.
    size >= BIG && align <= 16
}

// SAFETY: every block is freed and resized by the allocator that made it: the
// choice depends only on the layout's size and alignment, which the caller passes
// back unchanged (GlobalAlloc's contract); a resize that crosses BIG moves the
// bytes between the two allocators explicitly.
unsafe impl GlobalAlloc for PyhopAlloc {
    #[inline]
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe {
            if big(l.size(), l.align()) {
                System.alloc(l)
            } else {
                MiMalloc.alloc(l)
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe {
            if big(l.size(), l.align()) {
                System.alloc_zeroed(l)
            } else {
                MiMalloc.alloc_zeroed(l)
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: forwarded contract; the same layout picks the same allocator.
        unsafe {
            if big(l.size(), l.align()) {
                System.dealloc(p, l)
            } else {
                MiMalloc.dealloc(p, l)
            }
        }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded contract; when the size crosses BIG the block moves
        // between allocators: a new block, a copy of the smaller size, the old freed.
        unsafe {
            match (big(l.size(), l.align()), big(new_size, l.align())) {
                (true, true) => System.realloc(p, l, new_size),
                (false, false) => MiMalloc.realloc(p, l, new_size),
                _ => {
                    let nl = Layout::from_size_align_unchecked(new_size, l.align());
                    let q = self.alloc(nl);
                    if !q.is_null() {
                        std::ptr::copy_nonoverlapping(p, q, l.size().min(new_size));
                        self.dealloc(p, l);
                    }
                    q
                }
            }
        }
    }
}
