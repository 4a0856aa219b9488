// SPDX-License-Identifier: GPL-2.0

//! The spec tables generated from `specs/` by `kapi gen`, and O(1) lookup by syscall number.

use kapi_checker::SyscallSpec;
use kernel::ffi::c_long;

#[allow(missing_docs, unreachable_pub, clippy::all)]
mod generated {
    include!(concat!(env!("KAPI_GENERATED"), "/spec_tables.rs"));
}

/// `ALL`: every spec in syscall-number order; `NR_SPECS`: their number (statistics arrays are
/// indexed by `0..NR_SPECS`); `SPECS`: the specs indexed by syscall number.
pub(crate) use generated::{ALL, NR_SPECS, SPECS};

/// `INDEX[nr]` is the position of syscall `nr` in [`ALL`], or `u16::MAX`.
static INDEX: [u16; SPECS.len()] = {
    // (`as` in `const` context, where `TryFrom` is not available: the generator emits fewer
    // than `u16::MAX` specs, and a number past the table is skipped.)
    let mut index = [u16::MAX; SPECS.len()];
    let mut i = 0;
    while i < ALL.len() {
        let nr = ALL[i].nr as usize;
        if nr < index.len() {
            index[nr] = i as u16;
        }
        i += 1;
    }
    index
};

/// The spec of syscall `nr` and its index in [`ALL`], if it has one: two bounds-checked array
/// loads, no search.
#[inline]
pub(crate) fn lookup(nr: c_long) -> Option<(usize, &'static SyscallSpec)> {
    let nr = usize::try_from(nr).ok()?;
    let idx = usize::from(*INDEX.get(nr)?);
    Some((idx, *ALL.get(idx)?))
}

/// The kernel's name of `errno` (`EOPNOTSUPP`), from the generated errno table.
pub(crate) fn errno_name(errno: u16) -> Option<&'static str> {
    let names = &generated::ERRNO_NAMES;
    names
        .binary_search_by_key(&errno, |&(value, _)| value)
        .ok()
        .and_then(|i| names.get(i))
        .map(|&(_, name)| name)
}
