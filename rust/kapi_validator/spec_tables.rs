// SPDX-License-Identifier: GPL-2.0

//! The spec tables generated from `specs/` by `kapi gen`, and O(1) lookup by syscall number.

use kapi_checker::SyscallSpec;

#[allow(missing_docs, unreachable_pub, clippy::all)]
mod generated {
    include!(concat!(env!("KAPI_GENERATED"), "/spec_tables.rs"));
}

/// `ALL`: every spec in syscall-number order; `NR_SPECS`: their number (statistics arrays are
/// indexed by `0..NR_SPECS`); `SPECS`: the specs indexed by syscall number; `check_entry_of`:
/// the entry check of `ALL[idx]`, compiled for that spec's constant tables;
/// `with_spec_positions!(m)`: `m!(0 1 ... NR_SPECS-1)`.
pub(crate) use generated::{check_entry_of, with_spec_positions, ALL, NR_SPECS, SPECS};

/// A table indexed by syscall number, for a `static`'s initializer: entry `ALL[i].nr` is
/// `$at(i)` (a `const` expression of `i`) and every other entry is `$none`.
macro_rules! by_nr {
    (|$i:ident| $at:expr, $none:expr) => {{
        let mut table = [$none; crate::spec_tables::SPECS.len()];
        let mut $i = 0;
        // (`as` in `const` context, where `TryFrom` is not available; a number past the table
        // is skipped.)
        while $i < crate::spec_tables::ALL.len() {
            let nr = crate::spec_tables::ALL[$i].nr as usize;
            if nr < table.len() {
                table[nr] = $at;
            }
            $i += 1;
        }
        table
    }};
}
pub(crate) use by_nr;

/// `INDEX[nr]` is the position of syscall `nr`'s spec in [`ALL`], or `u16::MAX` (the generator
/// emits fewer than `u16::MAX` specs, so no position is `u16::MAX`).
static INDEX: [u16; SPECS.len()] = by_nr!(|i| i as u16, u16::MAX);

/// The spec of syscall `nr` and its position in [`ALL`], if it has one.
#[inline]
pub(crate) fn lookup(nr: u32) -> Option<(usize, &'static SyscallSpec)> {
    let idx = *INDEX.get(usize::try_from(nr).ok()?)?;
    if idx == u16::MAX {
        return None;
    }
    let idx = usize::from(idx);
    Some((idx, ALL.get(idx)?))
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
