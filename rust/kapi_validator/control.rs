// SPDX-License-Identifier: GPL-2.0

//! The debugfs interface, `/sys/kernel/debug/kapi_validator/` (all files root-only):
//!
//! - `enabled` (rw): `0` or `1`. Writing `1` registers the probes, `0` unregisters them, so
//!   "off" costs nothing. Any other write fails with `EINVAL` and changes nothing.
//! - `list` (r): the loaded specs, one `name - summary` line each, as upstream KAPI's `list`.
//! - `specs/<name>` (r): one file per spec, the whole spec as text.
//! - `stats` (rw): per-syscall counters; writing `0` resets them.
//! - `coverage` (rw): per spec, whether a success, each declared errno and each broken constraint
//!   was seen; writing `0` resets it. Format in [`crate::coverage_state`].
//! - `dmesg_kinds` (rw): the kinds of report printed to dmesg, by name, separated by blanks
//!   (`none` when there is none). Writing a list of kind names (blanks or commas between them),
//!   `all` or `none` chooses them; any other write fails with `EINVAL` and changes nothing.
//!   Counters and the trace event always get every report.

use core::fmt;

use kapi_checker::{SyscallSpec, ViolationKind};
use kernel::{
    debugfs::{Dir, File, Scope},
    new_mutex,
    prelude::*,
    str::CString,
    sync::Mutex,
    uaccess::UserSliceReader,
};

use crate::{bindings, coverage_state, probes::Probes, report, spec_tables::ALL};

/// The state behind `enabled`: the probes while they are registered. The mutex serialises
/// registration and unregistration.
///
/// Dropping it unregisters the probes. It is the data of the `enabled` file, which debugfs
/// removes (waiting for running reads and writes) before the data is dropped, so no write can
/// register them again once the module is going away.
#[pin_data]
pub(crate) struct Switch {
    #[pin]
    probes: Mutex<Option<Probes>>,
}

impl Switch {
    fn set(&self, enable: bool) -> Result {
        let mut probes = self.probes.lock();
        match (probes.is_some(), enable) {
            (false, true) => *probes = Some(Probes::register()?),
            // Dropping the registration unregisters the probes and waits for running ones.
            (true, false) => *probes = None,
            _ => {}
        }
        Ok(())
    }
}

/// The module's debugfs directory, and the directory of the per-spec files in it.
pub(crate) const DIR: &CStr = c"kapi_validator";
const SPECS_DIR: &CStr = c"specs";

/// The name of a spec's file in [`SPECS_DIR`]: the syscall's name.
fn spec_file_name(spec: &SyscallSpec) -> Result<CString> {
    CString::try_from_fmt(fmt!("{}", spec.name))
}

/// Whether every file of the module is in debugfs. `Err` only if a spec's name cannot be made
/// into a C string (out of memory).
fn debugfs_complete() -> Result<bool> {
    let exists = |sub: Option<&CStr>, name: &CStr| {
        // SAFETY: The strings are NUL-terminated and outlive the call; `sub` may be null.
        unsafe {
            bindings::kapi_debugfs_exists(
                DIR.as_char_ptr(),
                sub.map_or(core::ptr::null(), CStr::as_char_ptr),
                name.as_char_ptr(),
            )
        }
    };
    for name in [c"enabled", c"list", c"stats", c"coverage", c"dmesg_kinds"] {
        if !exists(None, name) {
            return Ok(false);
        }
    }
    for spec in ALL.iter() {
        if !exists(Some(SPECS_DIR), &spec_file_name(spec)?) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The module's debugfs files and the probe switch.
///
/// `enabled` comes first: dropping the value removes that file first and then unregisters the
/// probes (its data, [`Switch`]), before the other files go.
#[pin_data]
pub(crate) struct Control {
    #[pin]
    enabled: File<Switch>,
    #[pin]
    list: File<()>,
    #[pin]
    stats: File<()>,
    #[pin]
    coverage: File<()>,
    #[pin]
    dmesg_kinds: File<()>,
    #[pin]
    specs: Scope<()>,
}

/// Reads a write of at most `N` bytes: a value and an optional newline. Anything longer, empty
/// or not valid UTF-8 is `EINVAL`.
fn read_value<'a, const N: usize>(
    reader: &mut UserSliceReader,
    buf: &'a mut [u8; N],
) -> Result<&'a str> {
    let len = reader.len();
    if len == 0 || len > buf.len() {
        return Err(EINVAL);
    }
    let buf = buf.get_mut(..len).ok_or(EINVAL)?;
    reader.read_slice(buf)?;
    let text = core::str::from_utf8(buf).map_err(|_| EINVAL)?;
    Ok(text.strip_suffix('\n').unwrap_or(text))
}

fn enabled_read(switch: &Switch, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    writeln!(f, "{}", u32::from(switch.probes.lock().is_some()))
}

fn enabled_write(switch: &Switch, reader: &mut UserSliceReader) -> Result {
    let mut buf = [0u8; 8];
    let enable = match read_value(reader, &mut buf)? {
        "0" => false,
        "1" => true,
        _ => return Err(EINVAL),
    };
    switch.set(enable)
}

fn list_read(_: &(), f: &mut fmt::Formatter<'_>) -> fmt::Result {
    writeln!(f, "Available Kernel API Specifications")?;
    for spec in ALL.iter() {
        writeln!(f, "{} - {}", spec.name, spec.summary)?;
    }
    writeln!(f, "Total: {} specifications", ALL.len())
}

fn stats_read(_: &(), f: &mut fmt::Formatter<'_>) -> fmt::Result {
    report::write_stats(f)
}

fn stats_write(_: &(), reader: &mut UserSliceReader) -> Result {
    reset_on_zero(reader, report::reset)
}

fn coverage_read(_: &(), f: &mut fmt::Formatter<'_>) -> fmt::Result {
    coverage_state::write(f)
}

fn coverage_write(_: &(), reader: &mut UserSliceReader) -> Result {
    reset_on_zero(reader, coverage_state::reset)
}

/// Runs `reset` when the write is `0` (with or without a newline); anything else is `EINVAL`.
fn reset_on_zero(reader: &mut UserSliceReader, reset: fn()) -> Result {
    let mut buf = [0u8; 8];
    match read_value(reader, &mut buf)? {
        "0" => {
            reset();
            Ok(())
        }
        _ => Err(EINVAL),
    }
}

fn dmesg_kinds_read(_: &(), f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mask = report::dmesg_kinds();
    let mut names = ViolationKind::ALL
        .into_iter()
        .filter(|&k| mask & report::kind_bit(k) != 0)
        .map(ViolationKind::name);
    match names.next() {
        None => writeln!(f, "none"),
        Some(first) => {
            f.write_str(first)?;
            for name in names {
                write!(f, " {name}")?;
            }
            writeln!(f)
        }
    }
}

/// The mask of a `dmesg_kinds` write: kind names separated by blanks or commas, `all` or
/// `none`; `EINVAL` for anything else (an empty write included).
fn parse_kinds(text: &str) -> Result<u32> {
    let mut words = text
        .split(|c: char| c.is_ascii_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .peekable();
    let mut mask = 0;
    match words.peek() {
        None => return Err(EINVAL),
        Some(&"all") | Some(&"none") => {
            let all = words.next() == Some("all");
            return match words.next() {
                None if all => Ok(report::ALL_KINDS),
                None => Ok(0),
                Some(_) => Err(EINVAL),
            };
        }
        Some(_) => {}
    }
    for word in words {
        mask |= report::kind_bit(ViolationKind::from_name(word).ok_or(EINVAL)?);
    }
    Ok(mask)
}

fn dmesg_kinds_write(_: &(), reader: &mut UserSliceReader) -> Result {
    let mut buf = [0u8; 128];
    report::set_dmesg_kinds(parse_kinds(read_value(reader, &mut buf)?)?)
}

fn spec_read(spec: &&'static SyscallSpec, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(spec.doc)
}

impl Control {
    /// Creates the files in `dir`, chooses the kinds of report printed to dmesg (`dmesg_kinds`,
    /// a mask: bit `i` for `ViolationKind::ALL[i]`) and switches the probes on if `enable` is 1.
    pub(crate) fn new(dir: &Dir, enable: u32, dmesg_kinds: u32) -> impl PinInit<Self, Error> + '_ {
        try_pin_init!(Self {
            enabled <- dir.read_write_callback_file(
                c"enabled",
                pin_init!(Switch { probes <- new_mutex!(None) }),
                &enabled_read,
                &enabled_write,
            ),
            list <- dir.read_callback_file(c"list", (), &list_read),
            stats <- dir.read_write_callback_file(c"stats", (), &stats_read, &stats_write),
            coverage <- dir.read_write_callback_file(
                c"coverage",
                (),
                &coverage_read,
                &coverage_write,
            ),
            dmesg_kinds <- dir.read_write_callback_file(
                c"dmesg_kinds",
                (),
                &dmesg_kinds_read,
                &dmesg_kinds_write,
            ),
            specs <- dir.scope((), SPECS_DIR, |(), specs_dir| {
                for spec in ALL.iter() {
                    // Names come from the generated tables; a name that cannot be allocated has
                    // no file, which `debugfs_complete` then finds missing.
                    if let Ok(name) = spec_file_name(spec) {
                        specs_dir.read_callback_file(&name, spec, &spec_read);
                    }
                }
            }),
        }? Error)
        .pin_chain(move |this| {
            // A file that could not be created is simply absent (debugfs reports no failure):
            // refuse to load half-working. Dropping what was created removes it.
            if !debugfs_complete()? {
                pr_err!("could not create every debugfs file (out of memory?)\n");
                return Err(ENOMEM);
            }
            // The same for the trace event's tracefs directory, which the module loader
            // creates (and whose failure it only logs).
            // SAFETY: Always safe to call.
            if !unsafe { bindings::kapi_trace_event_ready() } {
                pr_err!("the trace event has no tracefs directory (out of memory?)\n");
                return Err(ENOMEM);
            }
            if report::set_dmesg_kinds(dmesg_kinds).is_err() {
                pr_err!(
                    "dmesg_kinds={dmesg_kinds:#x} is invalid: a mask of bits below {:#x}\n",
                    report::ALL_KINDS + 1
                );
                return Err(EINVAL);
            }
            match enable {
                0 => Ok(()),
                1 => this.enabled.set(true),
                _ => {
                    pr_err!("enabled={enable} is invalid: use 0 or 1\n");
                    Err(EINVAL)
                }
            }
        })
    }
}
