// SPDX-License-Identifier: GPL-2.0

//! What the specs need from a kernel source tree: syscall numbers and entry points (the
//! architecture's syscall table), errno values and `#define` constants (uapi headers), and the
//! syscalls' `SYSCALL_DEFINE` signatures ([`sysdef`](super::sysdef)). Nothing is typed by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::sysdef::SyscallDefs;
use crate::parse::expr;

/// Environment variable naming the kernel source directory.
pub const KSRC_ENV: &str = "KAPI_KSRC";

/// An architecture: where its facts live in the kernel tree and the sizes it uses.
#[derive(Debug, PartialEq, Eq)]
pub struct Arch {
    /// Name (`x86_64`).
    pub name: &'static str,
    /// Syscall table, relative to the source root.
    pub syscall_table: &'static str,
    /// ABI column values of the table that belong to this architecture.
    pub abis: &'static [&'static str],
    /// Page size in bytes.
    pub page_size: u64,
    /// Width of `long` and pointers in bits.
    pub long_bits: u8,
    /// Errno headers, most specific first (earlier definitions win). Missing files are skipped;
    /// at least one must exist.
    pub errno_headers: &'static [&'static str],
    /// Headers whose `#define`s the specs may use, most specific first (earlier definitions
    /// win, as with the headers' `#ifndef` guards). Missing files are skipped.
    pub uapi_headers: &'static [&'static str],
    /// Where the native syscalls are defined (`SYSCALL_DEFINE<n>`): files and directories,
    /// searched recursively for `.c` files.
    pub syscall_sources: &'static [&'static str],
    /// Directories under [`Self::syscall_sources`] that are not this architecture's (another
    /// port's syscalls, which may share names).
    pub syscall_sources_skip: &'static [&'static str],
}

/// x86_64: the `common` and `64` rows of `syscall_64.tbl` (not `x32`).
pub static X86_64: Arch = Arch {
    name: "x86_64",
    syscall_table: "arch/x86/entry/syscalls/syscall_64.tbl",
    abis: &["common", "64"],
    page_size: 4096,
    long_bits: 64,
    errno_headers: &[
        "arch/x86/include/uapi/asm/errno.h",
        "include/uapi/asm-generic/errno.h",
        "include/uapi/asm-generic/errno-base.h",
        // The kernel-internal ones (512 and up) that reach user space unconverted from some
        // paths, such as ENOTSUPP; the restart codes among them are not errnos a spec names.
        "include/linux/errno.h",
    ],
    uapi_headers: &[
        "arch/x86/include/uapi/asm/mman.h",
        "include/uapi/asm-generic/mman.h",
        "include/uapi/asm-generic/mman-common.h",
        "include/uapi/linux/mman.h",
        "include/uapi/asm-generic/hugetlb_encode.h",
        "arch/x86/include/uapi/asm/fcntl.h",
        "include/uapi/asm-generic/fcntl.h",
        "include/uapi/linux/fcntl.h",
        "include/uapi/linux/fs.h",
        "include/uapi/linux/limits.h",
        "include/uapi/linux/eventpoll.h",
        "include/uapi/linux/eventfd.h",
        "include/uapi/linux/memfd.h",
        "include/uapi/linux/xattr.h",
        "include/uapi/linux/sched.h",
        "include/uapi/linux/aio_abi.h",
        "include/uapi/linux/watch_queue.h",
        "include/uapi/linux/stat.h",
        "include/uapi/linux/inotify.h",
        "include/uapi/linux/falloc.h",
        "include/uapi/linux/openat2.h",
        "include/uapi/linux/close_range.h",
        "include/uapi/asm-generic/ioctls.h",
        "include/uapi/linux/wait.h",
        "include/uapi/linux/time.h",
        "include/uapi/linux/timerfd.h",
        "include/uapi/linux/futex.h",
        "include/uapi/linux/prctl.h",
        "include/uapi/linux/resource.h",
        "include/uapi/asm-generic/resource.h",
        "include/uapi/linux/membarrier.h",
        "include/uapi/linux/signalfd.h",
        "include/uapi/linux/pidfd.h",
        "include/uapi/asm-generic/poll.h",
        "arch/x86/include/uapi/asm/signal.h",
        "include/uapi/asm-generic/signal-defs.h",
        "include/uapi/linux/signal.h",
        "include/uapi/asm-generic/siginfo.h",
        "include/uapi/asm-generic/socket.h",
        "include/uapi/linux/net.h",
        // Not uapi, but ABI all the same: the socket families and the SOCK_* type flags
        // user space gets from libc are defined here.
        "include/linux/socket.h",
        "include/linux/net.h",
        // SPLICE_F_*: the flags of splice(), tee() and vmsplice().
        "include/linux/splice.h",
    ],
    // Every directory of the 7.2 tree with a SYSCALL_DEFINE in a .c file, but the other
    // architectures' and drivers/pci (pciconfig_*, not on x86_64).
    syscall_sources: &[
        "arch/x86",
        "block",
        "drivers/char",
        "fs",
        "io_uring",
        "ipc",
        "kernel",
        "mm",
        "net",
        "security",
    ],
    // User-mode Linux's x86 port.
    syscall_sources_skip: &["arch/x86/um"],
};

/// The limits a spec's constant expressions may name, valued per architecture
/// ([`KernelInfo::limit`]).
pub const LIMITS: &[&str] = &[
    "INT_MIN",
    "INT_MAX",
    "UINT_MAX",
    "LONG_MIN",
    "LONG_MAX",
    "ULONG_MAX",
    "SIZE_MAX",
    "PAGE_SIZE",
];

/// Every supported architecture.
pub static ARCHES: &[&Arch] = &[&X86_64];

/// The architecture called `name`.
pub fn arch_by_name(name: &str) -> Option<&'static Arch> {
    ARCHES.iter().copied().find(|a| a.name == name)
}

/// Why kernel facts could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KsrcError {
    /// No source directory was given.
    #[error(
        "no kernel source: pass --ksrc DIR or set {KSRC_ENV} to the unpacked kernel source \
         (`scripts/kernel.sh source` prints it)"
    )]
    Unset,
    /// The directory does not look like a kernel tree.
    #[error(
        "{dir} is not a kernel source tree ({missing} is missing); set --ksrc or {KSRC_ENV} to \
         the directory `scripts/kernel.sh source` prints"
    )]
    NotATree {
        /// The directory.
        dir: PathBuf,
        /// The file that is missing.
        missing: String,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file could not be understood.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// The kernel source directory: `arg` if given, else `$KAPI_KSRC`.
pub fn ksrc_dir(arg: Option<&Path>) -> Result<PathBuf, KsrcError> {
    if let Some(p) = arg {
        return Ok(p.to_path_buf());
    }
    match std::env::var_os(KSRC_ENV) {
        Some(v) if !v.is_empty() => Ok(PathBuf::from(v)),
        _ => Err(KsrcError::Unset),
    }
}

/// A `#define` of a uapi header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Define {
    /// The replacement text (comments removed).
    pub value: String,
    /// Header and line it comes from.
    pub origin: String,
}

/// The facts about one kernel tree and architecture.
#[derive(Clone, Debug)]
pub struct KernelInfo {
    /// The architecture.
    pub arch: &'static Arch,
    /// A short name of the source (its directory name), for generated headers.
    pub source_name: String,
    syscalls: BTreeMap<String, u32>,
    /// Entry point of each syscall of the table that has one, without `sys_` (`newstat` for
    /// `stat`).
    entries: BTreeMap<String, String>,
    errnos: BTreeMap<String, u16>,
    /// One name per errno value: the one defined by a number (not an alias like EWOULDBLOCK).
    errno_names: BTreeMap<u16, String>,
    defines: BTreeMap<String, Define>,
    /// The tree the `SYSCALL_DEFINE`s are read from on first use, if any.
    src_dir: Option<PathBuf>,
    /// The `SYSCALL_DEFINE`s, once read.
    defs: OnceLock<SyscallDefs>,
}

/// The facts' texts: table and headers, by the path they were read from.
#[derive(Clone, Debug, Default)]
pub struct KernelTexts {
    /// The syscall table.
    pub syscall_table: (String, String),
    /// Errno headers, most specific first.
    pub errno_headers: Vec<(String, String)>,
    /// Constant headers, most specific first.
    pub uapi_headers: Vec<(String, String)>,
    /// C files holding `SYSCALL_DEFINE`s. Empty: the facts have no signatures, and the
    /// linter does not check the specs' against the kernel's.
    pub c_sources: Vec<(String, String)>,
}

impl KernelInfo {
    /// Reads the facts for `arch` from the kernel tree at `dir`.
    pub fn load(dir: &Path, arch: &'static Arch) -> Result<Self, KsrcError> {
        let read = |rel: &str| -> Result<Option<(String, String)>, KsrcError> {
            let path = dir.join(rel);
            match std::fs::read(&path) {
                Ok(b) => Ok(Some((
                    rel.to_string(),
                    String::from_utf8_lossy(&b).into_owned(),
                ))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(source) => Err(KsrcError::Io { path, source }),
            }
        };
        let not_a_tree = |missing: &str| KsrcError::NotATree {
            dir: dir.to_path_buf(),
            missing: missing.to_string(),
        };
        let table = read(arch.syscall_table)?.ok_or_else(|| not_a_tree(arch.syscall_table))?;
        let mut texts = KernelTexts {
            syscall_table: table,
            ..KernelTexts::default()
        };
        for h in arch.errno_headers {
            texts.errno_headers.extend(read(h)?);
        }
        if texts.errno_headers.is_empty() {
            return Err(not_a_tree(
                arch.errno_headers.last().copied().unwrap_or("errno.h"),
            ));
        }
        for h in arch.uapi_headers {
            texts.uapi_headers.extend(read(h)?);
        }
        let name = dir
            .canonicalize()
            .unwrap_or_else(|_| dir.to_path_buf())
            .file_name()
            .map_or_else(
                || "kernel".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
        let mut k = Self::from_texts(arch, &name, &texts)?;
        k.src_dir = Some(dir.to_path_buf());
        Ok(k)
    }

    /// Builds the facts from the texts of the table and headers (what [`Self::load`] reads).
    pub fn from_texts(
        arch: &'static Arch,
        source_name: &str,
        texts: &KernelTexts,
    ) -> Result<Self, KsrcError> {
        let (table_path, table) = &texts.syscall_table;
        let (syscalls, entries) = parse_syscall_table(table_path, table, arch.abis)?;
        let mut errno_defs = BTreeMap::new();
        for (path, text) in &texts.errno_headers {
            collect_defines(path, text, &mut errno_defs);
        }
        let mut errnos = BTreeMap::new();
        let mut errno_names: BTreeMap<u16, String> = BTreeMap::new();
        for (name, def) in &errno_defs {
            if !name.starts_with('E') {
                continue;
            }
            if let Ok(v) = eval_define(&errno_defs, name, &mut BTreeSet::new(), 0) {
                if let Ok(n) = u16::try_from(v) {
                    if (1..=4095).contains(&n) && !kapi_checker::is_restart_code(n) {
                        errnos.insert(name.clone(), n);
                        // Names are visited in order, so the first literal one wins ties.
                        if expr::parse_int_literal(&def.value).is_some() {
                            errno_names.entry(n).or_insert_with(|| name.clone());
                        }
                    }
                }
            }
        }
        for (name, n) in &errnos {
            errno_names.entry(*n).or_insert_with(|| name.clone());
        }
        if errnos.is_empty() {
            return Err(KsrcError::Format {
                path: texts
                    .errno_headers
                    .first()
                    .map_or_else(String::new, |h| h.0.clone()),
                line: 1,
                message: "no errno definitions found".into(),
            });
        }
        let mut defines = BTreeMap::new();
        for (path, text) in &texts.uapi_headers {
            collect_defines(path, text, &mut defines);
        }
        let defs = OnceLock::new();
        if !texts.c_sources.is_empty() {
            let mut d = SyscallDefs::default();
            for (path, text) in &texts.c_sources {
                d.scan_text(path, text);
            }
            let _ = defs.set(d);
        }
        Ok(Self {
            arch,
            source_name: source_name.to_string(),
            syscalls,
            entries,
            errnos,
            errno_names,
            defines,
            src_dir: None,
            defs,
        })
    }

    /// Number of syscall `name` (without `sys_`).
    pub fn syscall_nr(&self, name: &str) -> Option<u32> {
        self.syscalls.get(name).copied()
    }

    /// The entry point of syscall `name` without `sys_`: the name its `SYSCALL_DEFINE` gives
    /// (`newstat` for `stat`, `umount` for `umount2`). `None` for a row without one.
    pub fn entry_point(&self, name: &str) -> Option<&str> {
        self.entries.get(name).map(String::as_str)
    }

    /// The `SYSCALL_DEFINE`s of the architecture's syscall sources, read from the tree on the
    /// first call ([`SyscallDefs::scan_tree`]). `None` when the facts were built from texts
    /// without C sources.
    pub fn definitions(&self) -> Option<&SyscallDefs> {
        if let Some(d) = self.defs.get() {
            return Some(d);
        }
        let dir = self.src_dir.as_ref()?;
        Some(
            self.defs
                .get_or_init(|| SyscallDefs::scan_tree(dir, self.arch)),
        )
    }

    /// The source tree the facts were loaded from (`None` when they were built from texts).
    pub fn source_dir(&self) -> Option<&Path> {
        self.src_dir.as_deref()
    }

    /// All syscalls of the table, by name.
    pub fn syscalls(&self) -> &BTreeMap<String, u32> {
        &self.syscalls
    }

    /// Value of errno `name` (`EINVAL`).
    pub fn errno(&self, name: &str) -> Option<u16> {
        self.errnos.get(name).copied()
    }

    /// All errnos, by name (aliases included).
    pub fn errnos(&self) -> &BTreeMap<String, u16> {
        &self.errnos
    }

    /// One name per errno value, by value (an alias such as `EWOULDBLOCK` gives way to the
    /// name it stands for).
    pub fn errno_names(&self) -> &BTreeMap<u16, String> {
        &self.errno_names
    }

    /// The `#define` called `name`.
    pub fn define(&self, name: &str) -> Option<&Define> {
        self.defines.get(name)
    }

    /// Value of a built-in limit ([`LIMITS`]: `INT_MAX`, `PAGE_SIZE`, ...) on this
    /// architecture.
    pub fn limit(&self, name: &str) -> Option<i128> {
        if !LIMITS.contains(&name) {
            return None;
        }
        let lb = u32::from(self.arch.long_bits).clamp(8, 64);
        let long_max = (1i128 << (lb - 1)) - 1;
        let ulong_max = (1i128 << lb) - 1;
        Some(match name {
            "INT_MIN" => i128::from(i32::MIN),
            "INT_MAX" => i128::from(i32::MAX),
            "UINT_MAX" => i128::from(u32::MAX),
            "LONG_MIN" => -long_max - 1,
            "LONG_MAX" => long_max,
            "ULONG_MAX" | "SIZE_MAX" => ulong_max,
            "PAGE_SIZE" => i128::from(self.arch.page_size),
            _ => return None,
        })
    }

    /// Value of a name in a spec's constant expression: a limit, then a uapi `#define`.
    pub fn constant(&self, name: &str) -> Result<i128, String> {
        if let Some(v) = self.limit(name) {
            return Ok(v);
        }
        if !self.defines.contains_key(name) {
            return Err(format!(
                "unknown constant `{name}`: not a limit and not defined by the uapi headers read for {}",
                self.arch.name
            ));
        }
        eval_define(&self.defines, name, &mut BTreeSet::new(), 0)
    }

    /// Evaluates a constant expression.
    pub fn eval(&self, text: &str) -> Result<i128, expr::ExprError> {
        expr::parse(text)?.eval(&mut |n| self.constant(n))
    }
}

/// Syscall numbers and entry points (`sys_` and the older `__x64_sys_` stripped) of the
/// table's rows of `abis`.
type Table = (BTreeMap<String, u32>, BTreeMap<String, String>);

fn parse_syscall_table(path: &str, text: &str, abis: &[&str]) -> Result<Table, KsrcError> {
    let mut out = BTreeMap::new();
    let mut entries = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        let mut f = line.split_whitespace();
        let (Some(nr), Some(abi), Some(name), entry) = (f.next(), f.next(), f.next(), f.next())
        else {
            if !line.trim().is_empty() {
                return Err(KsrcError::Format {
                    path: path.into(),
                    line: i + 1,
                    message: format!("expected `<nr> <abi> <name> ...`, found `{}`", line.trim()),
                });
            }
            continue;
        };
        let nr: u32 = nr.parse().map_err(|_| KsrcError::Format {
            path: path.into(),
            line: i + 1,
            message: format!("expected a syscall number, found `{nr}`"),
        })?;
        if abis.contains(&abi) {
            out.insert(name.to_string(), nr);
            let entry = entry.map(|e| e.strip_prefix("__x64_").unwrap_or(e));
            if let Some(e) = entry.and_then(|e| e.strip_prefix("sys_")) {
                entries.insert(name.to_string(), e.to_string());
            }
        }
    }
    if out.is_empty() {
        return Err(KsrcError::Format {
            path: path.into(),
            line: 1,
            message: "no syscall of the architecture's ABIs found".into(),
        });
    }
    Ok((out, entries))
}

/// Removes C comments, joins backslash-continued lines, and records each object-like
/// `#define NAME value` not defined yet.
fn collect_defines(path: &str, text: &str, out: &mut BTreeMap<String, Define>) {
    let mut in_comment = false;
    let mut logical = String::new();
    let mut start_line = 0;
    // The C code outside the preprocessor lines, comments removed, with each line's number, for
    // the enums.
    let mut code: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        // Strip comments, tracking block comments across lines.
        let mut line = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("*/") {
                    Some(p) => {
                        rest = &rest[p + 2..];
                        in_comment = false;
                        line.push(' ');
                    }
                    None => break,
                }
            } else {
                let bc = rest.find("/*");
                let lc = rest.find("//");
                match (bc, lc) {
                    (Some(b), l) if l.is_none_or(|l| b < l) => {
                        line.push_str(&rest[..b]);
                        rest = &rest[b + 2..];
                        in_comment = true;
                    }
                    (_, Some(l)) => {
                        line.push_str(&rest[..l]);
                        break;
                    }
                    _ => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        if logical.is_empty() {
            start_line = i + 1;
        }
        let cont = line.trim_end().ends_with('\\');
        logical.push_str(line.trim_end().trim_end_matches('\\'));
        logical.push(' ');
        if cont {
            continue;
        }
        let l = std::mem::take(&mut logical);
        let t = l.trim_start();
        let Some(after) = t.strip_prefix('#') else {
            code.push((start_line, l.clone()));
            continue;
        };
        let after = after.trim_start();
        let Some(def) = after.strip_prefix("define") else {
            continue;
        };
        if !def.starts_with([' ', '\t']) {
            continue;
        }
        let def = def.trim_start();
        let name_len = def
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(def.len());
        let name = &def[..name_len];
        if name.is_empty() || def[name_len..].starts_with('(') {
            continue; // function-like macro
        }
        let value = strip_force_casts(
            &def[name_len..]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        out.entry(name.to_string()).or_insert(Define {
            value,
            origin: format!("{path}:{start_line}"),
        });
    }
    collect_enums(path, &code, out);
}

/// `value` without the sparse casts of typed uapi constants: `(__force __kernel_rwf_t)0x1` is
/// `0x1`.
fn strip_force_casts(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(i) = rest.find("(__force ") {
        match rest[i..].find(')') {
            Some(j) => {
                out.push_str(&rest[..i]);
                rest = &rest[i + j + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// The enumerators of the `enum { ... }` blocks of `code` (a header's C code by line, comments
/// and preprocessor lines removed), as constants: `NAME = expr` is `expr`, a `NAME` without a
/// value is one more than the one before (`(<last value given>) + <n>`, 0 at the start).
fn collect_enums(path: &str, code: &[(usize, String)], out: &mut BTreeMap<String, Define>) {
    let mut text = String::new();
    let mut line_at = Vec::new(); // (byte offset, line)
    for (line, l) in code {
        line_at.push((text.len(), *line));
        text.push_str(l);
        text.push('\n');
    }
    let line_of = |off: usize| {
        line_at
            .iter()
            .take_while(|(o, _)| *o <= off)
            .last()
            .map_or(0, |(_, l)| *l)
    };
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(i) = text[from..].find("enum").map(|i| i + from) {
        from = i + 4;
        let before_ok = !text[..i].chars().next_back().is_some_and(is_ident);
        let after = &text[i + 4..];
        if !before_ok || after.starts_with(is_ident) {
            continue;
        }
        // `enum [tag] {`
        let head = after.trim_start();
        let head = head.trim_start_matches(is_ident).trim_start();
        let Some(body) = head.strip_prefix('{') else {
            continue;
        };
        let Some(end) = body.find('}') else {
            break;
        };
        let body_start = text.len() - body.len();
        // The value of the next enumerator without one: `base + k`.
        let (mut base, mut k) = (None::<String>, 0u32);
        for item in body[..end].split(',') {
            let item = item.split_whitespace().collect::<Vec<_>>().join(" ");
            if item.is_empty() {
                continue;
            }
            let (name, value) = match item.split_once('=') {
                Some((name, value)) => {
                    let v = strip_force_casts(value.trim());
                    base = Some(v.clone());
                    k = 1;
                    (name.trim().to_string(), format!("({v})"))
                }
                None => {
                    let v = match &base {
                        Some(b) => format!("({b}) + {k}"),
                        None => k.to_string(),
                    };
                    k += 1;
                    (item.clone(), v)
                }
            };
            if name.is_empty() || !name.chars().all(is_ident) {
                continue;
            }
            out.entry(name).or_insert(Define {
                value,
                origin: format!("{path}:{}", line_of(body_start)),
            });
        }
        from = body_start + end;
    }
}

fn eval_define(
    defs: &BTreeMap<String, Define>,
    name: &str,
    seen: &mut BTreeSet<String>,
    depth: usize,
) -> Result<i128, String> {
    let Some(d) = defs.get(name) else {
        return Err(format!("unknown constant `{name}`"));
    };
    if depth > 32 || !seen.insert(name.to_string()) {
        return Err(format!(
            "constant `{name}` is defined in terms of itself ({})",
            d.origin
        ));
    }
    // Strip casts the headers use for typed constants, e.g. `((__force __u32)1)` is not
    // supported; plain integer suffixes (`1ULL`) are.
    let r = expr::parse(&d.value)
        .and_then(|e| e.eval(&mut |n| eval_define(defs, n, seen, depth + 1)))
        .map_err(|e| {
            format!(
                "constant `{name}` (`{}`, {}) cannot be evaluated: {}",
                d.value, d.origin, e.message
            )
        });
    seen.remove(name);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> KernelTexts {
        KernelTexts {
            syscall_table: (
                "t.tbl".into(),
                "# comment\n0\tcommon\tread\tsys_read\n7\t64\tseven\tsys_seven\n512\tx32\trt_sigaction\tcompat_sys_rt_sigaction\n".into(),
            ),
            errno_headers: vec![
                ("errno.h".into(), "#define EAGAIN 11\n#define EWOULDBLOCK EAGAIN /* c */\n".into()),
                ("errno-base.h".into(), "#define\tEPERM\t\t 1\t/* Operation not permitted */\n#define EAGAIN 99\n".into()),
            ],
            uapi_headers: vec![(
                "m.h".into(),
                "#define A 0x01 /* a\n spans */\n#define B (A |\\\n  2)\n#define F(x) x\n#define S (1ULL << 3)\n#define LOOP LOOP\n#define BAD FOO\n".into(),
            )],
            c_sources: vec![(
                "k/read.c".into(),
                "SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)\n"
                    .into(),
            )],
        }
    }

    #[test]
    fn table_errnos_defines() {
        let k = KernelInfo::from_texts(&X86_64, "k", &texts()).unwrap();
        assert_eq!(k.syscall_nr("read"), Some(0));
        assert_eq!(k.syscall_nr("seven"), Some(7));
        assert_eq!(k.syscall_nr("rt_sigaction"), None, "x32 rows are excluded");
        assert_eq!(k.entry_point("read"), Some("read"));
        assert_eq!(k.entry_point("rt_sigaction"), None);
        let defs = k.definitions().expect("C sources given");
        assert_eq!(defs.get("read")[0].origin(), "k/read.c:1");
        let no_sources = KernelTexts {
            c_sources: Vec::new(),
            ..texts()
        };
        let k = KernelInfo::from_texts(&X86_64, "k", &no_sources).unwrap();
        assert!(k.definitions().is_none(), "no sources: no signatures");
        assert_eq!(k.errno("EPERM"), Some(1));
        assert_eq!(k.errno("EAGAIN"), Some(11), "the most specific header wins");
        assert_eq!(k.errno("EWOULDBLOCK"), Some(11));
        assert_eq!(k.errno_names().get(&11).map(String::as_str), Some("EAGAIN"));
        assert_eq!(k.errno_names().len(), 2);
        assert_eq!(k.eval("B").unwrap(), 3);
        assert_eq!(k.eval("S | A").unwrap(), 9);
        assert_eq!(k.eval("LONG_MAX").unwrap(), i128::from(i64::MAX));
        assert!(LIMITS.iter().all(|l| k.limit(l).is_some()));
        assert!(k
            .eval("F")
            .unwrap_err()
            .message
            .contains("unknown constant `F`"));
        assert!(k.eval("LOOP").unwrap_err().message.contains("itself"));
        assert!(k
            .eval("BAD")
            .unwrap_err()
            .message
            .contains("cannot be evaluated"));
    }

    #[test]
    fn enumerators_and_force_casts_are_constants() {
        let mut t = texts();
        t.uapi_headers.push((
            "e.h".into(),
            "#define RWF_HIPRI ((__force __kernel_rwf_t)0x00000001)\n\
             enum cmd {\n  CMD_QUERY = 0, /* q */\n  CMD_A = (1 << 0),\n  CMD_B,\n};\n\
             enum { IMPLICIT_0, IMPLICIT_1 };\nstruct s { int enumerated; };\n"
                .into(),
        ));
        let k = KernelInfo::from_texts(&X86_64, "k", &t).unwrap();
        assert_eq!(k.eval("RWF_HIPRI").unwrap(), 1);
        assert_eq!(k.eval("CMD_QUERY").unwrap(), 0);
        assert_eq!(k.eval("CMD_A").unwrap(), 1);
        assert_eq!(k.eval("CMD_B").unwrap(), 2);
        assert_eq!(k.eval("IMPLICIT_0").unwrap(), 0);
        assert_eq!(k.eval("IMPLICIT_1").unwrap(), 1);
    }

    #[test]
    fn unset_ksrc_names_the_variable() {
        let msg = KsrcError::Unset.to_string();
        assert!(msg.contains("KAPI_KSRC") && msg.contains("scripts/kernel.sh source"));
    }

    #[test]
    fn missing_tree_is_explained() {
        let e = KernelInfo::load(Path::new("/nonexistent/kapi"), &X86_64).unwrap_err();
        assert!(matches!(e, KsrcError::NotATree { .. }), "{e}");
    }
}
