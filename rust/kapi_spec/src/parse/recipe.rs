// SPDX-License-Identifier: GPL-2.0

//! Argument recipes: how the guest runner builds one argument word of a generated call
//! (`test-arg: start, map:1`, and every argument of `kapi cases`' output).
//!
//! ```text
//! <expr>            an integer: a constant expression (MLOCK_ONFAULT | 2, -1, 0x80)
//! map:N[+OFF]       the address of a fresh anonymous read-write mapping of N pages, plus OFF
//! hole:N            a page-aligned address with nothing mapped in the N pages from it
//! buf:N             a pointer to N zeroed writable bytes
//! fd:KIND           a descriptor of a kind ([`FdKind`])
//! path:KIND         a pointer to a path of a kind ([`PathKind`])
//! str:TEXT          a pointer to TEXT (no blanks)
//! argv, envp        a pointer to {"kapi", NULL}, to {NULL}
//! rand, rand32      (fuzz pools only) a random 64-bit, 32-bit word
//! ```
//!
//! The guest side (`selftests/recipes.c`) builds them, in the case's own directory on a tmpfs.

use std::fmt;

/// Declares a kind enum with its text names, in one list.
macro_rules! kinds {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $v:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        pub enum $name {
            $($(#[$vdoc])* $v,)*
        }

        impl $name {
            /// Every kind, in order.
            pub const ALL: &'static [Self] = &[$(Self::$v,)*];

            /// The name in recipes.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$v => $text,)*
                }
            }

            /// The kind of a name.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.name() == name)
            }
        }
    };
}

kinds! {
    /// What a descriptor argument refers to.
    FdKind {
        /// A regular file (`./f`, 4096 bytes), read-write.
        File = "file",
        /// The same, read-only.
        Rdonly = "rdonly",
        /// The same, write-only.
        Wronly = "wronly",
        /// A directory (`./d`).
        Dir = "dir",
        /// `./f` opened with `O_PATH`.
        Opath = "opath",
        /// The read end of a pipe holding one byte.
        PipeR = "pipe_r",
        /// The write end of an empty pipe.
        PipeW = "pipe_w",
        /// One end of an `AF_UNIX` stream socket pair, one byte readable.
        Socket = "socket",
        /// An eventfd with counter 1.
        Eventfd = "eventfd",
        /// An empty epoll instance.
        Epoll = "epoll",
        /// A memfd of 4096 bytes.
        Memfd = "memfd",
        /// A second regular file (`./g`, 4096 bytes) on the same file system, read-write.
        File2 = "file2",
        /// An inotify instance watching the working directory (watch descriptor 1), with
        /// events queued (readable).
        Inotify = "inotify",
        /// A pidfd of the calling process.
        Pidfd = "pidfd",
        /// A `CLOCK_MONOTONIC` timerfd that has expired once (readable).
        Timerfd = "timerfd",
        /// A signalfd for `SIGUSR2`, with one pending (blocked, readable).
        Signalfd = "signalfd",
        /// An `AF_UNIX` stream socket bound to `./sock` and listening, one connection queued.
        Listener = "listener",
        /// One end of an `AF_UNIX` datagram socket pair, one datagram readable.
        Dgram = "dgram",
        /// A descriptor number just closed.
        Closed = "closed",
        /// One past the descriptor table (the `RLIMIT_NOFILE` soft limit).
        Past = "past",
        /// `AT_FDCWD` (-100).
        Atfdcwd = "atfdcwd",
    }
}

kinds! {
    /// What a path argument names.
    PathKind {
        /// An existing regular file.
        File = "file",
        /// Nothing.
        Missing = "missing",
        /// A directory.
        Dir = "dir",
        /// A path longer than `PATH_MAX`.
        Long = "long",
        /// A symbolic link loop.
        Loop = "loop",
        /// A symbolic link to the regular file (`./l` -> `f`).
        Symlink = "symlink",
        /// A path through a regular file (`f/x`).
        Notdir = "notdir",
        /// The empty string.
        Empty = "empty",
    }
}

kinds! {
    /// What a process ID argument names.
    PidKind {
        /// The calling process (`getpid()`).
        Self_ = "self",
        /// A child of the caller that has exited and is not reaped yet.
        Zombie = "zombie",
        /// A child that has exited and was reaped: no process has the ID.
        Gone = "gone",
    }
}

/// How to build one argument word.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Recipe {
    /// This word (the bit pattern of the parameter's value).
    Int {
        /// The word.
        value: u64,
    },
    /// The address of a fresh mapping of `pages` pages, plus `off` bytes.
    Map {
        /// Pages.
        pages: u32,
        /// Offset in bytes.
        off: i64,
    },
    /// An address with `pages` unmapped pages from it.
    Hole {
        /// Pages.
        pages: u32,
    },
    /// A pointer to `len` zeroed bytes.
    Buf {
        /// Bytes.
        len: u32,
    },
    /// A descriptor.
    Fd {
        /// Its kind.
        fd: FdKind,
    },
    /// A pointer to a path.
    Path {
        /// Its kind.
        path: PathKind,
    },
    /// A process ID.
    Pid {
        /// Its kind.
        pid: PidKind,
    },
    /// A pointer to a string.
    Str {
        /// The string.
        text: String,
    },
    /// A pointer to `{"kapi", NULL}`.
    Argv,
    /// A pointer to `{NULL}`.
    Envp,
}

impl Recipe {
    /// An integer.
    pub const fn int(value: u64) -> Self {
        Recipe::Int { value }
    }

    /// The word a recipe stands for where the generator needs one to judge a call: the value of
    /// an integer, a typical user-space address for a pointer, a typical descriptor number. Every
    /// word but the integer's is valid for the constraint kinds a pointer or descriptor takes
    /// (page-aligned, no wrap, a descriptor >= 0), so the generator's verdict of a call is the
    /// module's for any run.
    pub fn representative(&self) -> u64 {
        const USER: u64 = 0x7f00_0000_0000;
        match *self {
            Recipe::Int { value } => value,
            Recipe::Map { off, .. } => USER.wrapping_add_signed(off),
            Recipe::Hole { .. } => USER + 0x10_0000_0000,
            Recipe::Buf { .. } | Recipe::Str { .. } | Recipe::Argv | Recipe::Envp => {
                USER + 0x20_0000_0000
            }
            Recipe::Path { .. } => USER + 0x30_0000_0000,
            Recipe::Fd {
                fd: FdKind::Atfdcwd,
            } => (-100i64) as u64,
            Recipe::Fd { fd: FdKind::Past } => 1024,
            Recipe::Fd { .. } => 5,
            Recipe::Pid { .. } => 100,
        }
    }

    /// Whether the word is only known when the guest builds it (not an integer).
    pub fn is_runtime(&self) -> bool {
        !matches!(self, Recipe::Int { .. })
    }
}

impl fmt::Display for Recipe {
    /// The recipe's text, as [`parse`] reads it (integers in hex).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recipe::Int { value } => write!(f, "{value:#x}"),
            Recipe::Map { pages, off: 0 } => write!(f, "map:{pages}"),
            Recipe::Map { pages, off } => write!(f, "map:{pages}+{off}"),
            Recipe::Hole { pages } => write!(f, "hole:{pages}"),
            Recipe::Buf { len } => write!(f, "buf:{len}"),
            Recipe::Fd { fd } => write!(f, "fd:{}", fd.name()),
            Recipe::Path { path } => write!(f, "path:{}", path.name()),
            Recipe::Pid { pid } => write!(f, "pid:{}", pid.name()),
            Recipe::Str { text } => write!(f, "str:{text}"),
            Recipe::Argv => f.write_str("argv"),
            Recipe::Envp => f.write_str("envp"),
        }
    }
}

/// A recipe as written: an integer expression still to evaluate, or a built recipe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// A constant expression (evaluated against the kernel's headers when resolving).
    Expr(String),
    /// Anything else.
    Recipe(Recipe),
}

/// Why a recipe text is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipeError {
    /// Byte offset in the text where the problem is.
    pub offset: usize,
    /// What was expected there.
    pub expected: String,
}

/// The recipes, as the help of a message lists them.
pub const KINDS_HELP: &str =
    "an expression, map:N[+OFF], hole:N, buf:N, fd:KIND, path:KIND, pid:KIND, \
     str:TEXT, argv or envp";

/// Reads a recipe's text (trimmed). A text that is no other recipe is an integer expression.
pub fn parse(text: &str) -> Result<Written, RecipeError> {
    let text = text.trim();
    let err = |offset: usize, expected: String| Err(RecipeError { offset, expected });
    let Some((head, rest)) = text.split_once(':') else {
        return Ok(match text {
            "argv" => Written::Recipe(Recipe::Argv),
            "envp" => Written::Recipe(Recipe::Envp),
            "" => return err(0, KINDS_HELP.to_string()),
            _ => Written::Expr(text.to_string()),
        });
    };
    let at = head.len() + 1;
    let count = |s: &str| -> Result<u32, RecipeError> {
        s.parse::<u32>()
            .ok()
            .filter(|n| *n >= 1 && *n <= 1 << 16)
            .ok_or(RecipeError {
                offset: at,
                expected: "a count from 1 to 65536".to_string(),
            })
    };
    let recipe = match head {
        "map" => {
            let (pages, off) = match rest.split_once('+') {
                Some((p, o)) => (
                    p,
                    parse_offset(o).ok_or(RecipeError {
                        offset: at + p.len() + 1,
                        expected: "an offset in bytes (decimal or 0x hex, may be negative)".into(),
                    })?,
                ),
                None => (rest, 0),
            };
            Recipe::Map {
                pages: count(pages)?,
                off,
            }
        }
        "hole" => Recipe::Hole {
            pages: count(rest)?,
        },
        "buf" => Recipe::Buf { len: count(rest)? },
        "fd" => match FdKind::from_name(rest) {
            Some(fd) => Recipe::Fd { fd },
            None => {
                return err(
                    at,
                    one_of("a descriptor kind", FdKind::ALL.iter().map(|k| k.name())),
                )
            }
        },
        "path" => match PathKind::from_name(rest) {
            Some(path) => Recipe::Path { path },
            None => {
                return err(
                    at,
                    one_of("a path kind", PathKind::ALL.iter().map(|k| k.name())),
                )
            }
        },
        "pid" => match PidKind::from_name(rest) {
            Some(pid) => Recipe::Pid { pid },
            None => {
                return err(
                    at,
                    one_of("a process ID kind", PidKind::ALL.iter().map(|k| k.name())),
                )
            }
        },
        "str" if !rest.is_empty() && !rest.contains(char::is_whitespace) => Recipe::Str {
            text: rest.to_string(),
        },
        "str" => return err(at, "a text without blanks".to_string()),
        _ => return err(0, KINDS_HELP.to_string()),
    };
    Ok(Written::Recipe(recipe))
}

fn one_of<'a>(what: &str, names: impl Iterator<Item = &'a str>) -> String {
    format!("{what}: {}", names.collect::<Vec<_>>().join(", "))
}

fn parse_offset(s: &str) -> Option<i64> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, s),
    };
    let v = match digits.strip_prefix("0x") {
        Some(hex) => i64::from_str_radix(hex, 16).ok()?,
        None => digits.parse::<i64>().ok()?,
    };
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for text in [
            "map:1",
            "map:2+4097",
            "map:1+-1",
            "hole:3",
            "buf:12",
            "fd:pipe_r",
            "fd:atfdcwd",
            "path:loop",
            "str:user.kapi",
            "argv",
            "envp",
        ] {
            let Ok(Written::Recipe(r)) = parse(text) else {
                panic!("{text}");
            };
            assert_eq!(r.to_string(), text);
        }
        assert_eq!(
            parse(" MLOCK_ONFAULT | 2 "),
            Ok(Written::Expr("MLOCK_ONFAULT | 2".into()))
        );
        assert_eq!(Recipe::int(0x80).to_string(), "0x80");
    }

    #[test]
    fn errors_say_what_was_expected() {
        let e = parse("fd:pipe").unwrap_err();
        assert_eq!(e.offset, 3);
        assert!(e.expected.contains("pipe_r"), "{e:?}");
        assert!(parse("map:0").unwrap_err().expected.contains("from 1"));
        assert!(parse("map:1+x").unwrap_err().expected.contains("offset"));
        assert!(parse("frob:1").unwrap_err().expected.contains("map:N"));
        assert!(parse("").is_err());
        assert!(parse("str:").is_err());
    }
}
