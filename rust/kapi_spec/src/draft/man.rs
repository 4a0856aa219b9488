// SPDX-License-Identifier: GPL-2.0

//! A section 2 man page, as Debian's `manpages-dev` installs it (`man2/<name>.2.gz`, groff
//! `man` macros): the summary of its NAME section and the entries of its ERRORS section, as
//! plain text.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Where the man pages are.
pub const MAN_ROOT: &str = "/usr/share/man";

/// How many `.so` links are followed.
const MAX_LINKS: usize = 4;

/// A man page's source.
#[derive(Clone, Debug)]
pub struct ManPage {
    /// The file read (the target of `.so` links).
    pub path: PathBuf,
    /// Its groff source.
    pub text: String,
}

/// One entry of the ERRORS section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManError {
    /// The errno names its tag gives (`EACCES or EAGAIN`: both).
    pub names: Vec<String>,
    /// The calls it is about, when the text starts with a list of them (`(mlock(), mlock2(),
    /// and munlock())`, left out of `text`); empty: every call of the page.
    pub calls: Vec<String>,
    /// Its text.
    pub text: String,
    /// 1-based line of its tag in the page.
    pub line: u32,
}

impl ManPage {
    /// The page of syscall `name` under `root` (`<root>/man2/<name>.2.gz` or `.2`), or why
    /// there is none.
    pub fn find(root: &Path, name: &str) -> Result<Self, String> {
        let mut rel = format!("man2/{name}.2");
        for _ in 0..MAX_LINKS {
            let page = read_page(root, &rel)?;
            // `.so man2/other.2`: the page is another's.
            match page.text.trim().strip_prefix(".so ") {
                Some(target) if !target.contains('\n') => rel = target.trim().to_string(),
                _ => return Ok(page),
            }
        }
        Err(format!(
            "{}: more than {MAX_LINKS} `.so` links",
            root.join(rel).display()
        ))
    }

    /// The file's name without `.gz` (`mlock.2`), for origins.
    pub fn name(&self) -> String {
        let n = self
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        n.strip_suffix(".gz").map_or(n.clone(), str::to_string)
    }

    /// What the NAME section says after its `\-` (`lock and unlock memory`).
    pub fn summary(&self) -> Option<String> {
        let body = section(&self.text, "NAME")?;
        let text = body
            .iter()
            .filter(|(_, l)| !l.starts_with('.'))
            .map(|(_, l)| plain(l))
            .collect::<Vec<_>>()
            .join(" ");
        let (_, summary) = text.split_once(" - ")?;
        Some(summary.trim().to_string()).filter(|s| !s.is_empty())
    }

    /// The entries of the ERRORS section (`.TP`, a tag line naming the errnos, then the text),
    /// in page order; empty when there is no such section.
    pub fn errors(&self) -> Vec<ManError> {
        let Some(body) = section(&self.text, "ERRORS") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // The entry being read: its tag's line, its tags, its text lines.
        let mut entry: Option<(u32, Vec<String>, Vec<String>)> = None;
        let mut tags_wanted = 0;
        for (line, l) in body {
            let name = l
                .strip_prefix('.')
                .map(|m| m.split_whitespace().next().unwrap_or(""));
            match name {
                Some("TP") => {
                    out.extend(entry.take().and_then(finish));
                    entry = Some((line, Vec::new(), Vec::new()));
                    tags_wanted = 1;
                }
                Some("TQ") => tags_wanted += 1,
                Some("PP" | "P" | "LP") => {
                    out.extend(entry.take().and_then(finish));
                    tags_wanted = 0;
                }
                Some(m) if !is_font_macro(m) => {}
                _ => {
                    let Some((_, tags, text)) = entry.as_mut() else {
                        continue;
                    };
                    if tags_wanted > 0 {
                        tags_wanted -= 1;
                        tags.push(plain(l));
                    } else {
                        text.push(plain(l));
                    }
                }
            }
        }
        out.extend(entry.and_then(finish));
        out
    }
}

/// Reads `<root>/<rel>.gz` or `<root>/<rel>`.
fn read_page(root: &Path, rel: &str) -> Result<ManPage, String> {
    let gz = root.join(format!("{rel}.gz"));
    let plain = root.join(rel);
    let (path, gzipped) = if gz.is_file() {
        (gz, true)
    } else if plain.is_file() {
        (plain, false)
    } else {
        return Err(format!(
            "no {} (Debian's manpages-dev installs the section 2 pages)",
            gz.display()
        ));
    };
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let bytes = if gzipped {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot decompress {}: {e}", path.display()))?;
        out
    } else {
        bytes
    };
    Ok(ManPage {
        path,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    })
}

/// The lines of section `name` (`.SH NAME` up to the next `.SH`), with their 1-based numbers;
/// comment lines left out.
fn section<'t>(text: &'t str, name: &str) -> Option<Vec<(u32, &'t str)>> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (u32::try_from(i + 1).unwrap_or(u32::MAX), l));
    let is_heading = |l: &str| l.starts_with(".SH ") || l == ".SH";
    lines.find(|(_, l)| is_heading(l) && l[3..].trim().trim_matches('"') == name)?;
    Some(
        lines
            .take_while(|(_, l)| !is_heading(l))
            .filter(|(_, l)| !l.starts_with(".\\\"") && !l.starts_with("'\\\""))
            .collect(),
    )
}

/// The macros that set a font for their arguments: one font (`.B`), or two alternating
/// (`.BR`), whose arguments are joined without spaces.
fn is_font_macro(m: &str) -> bool {
    matches!(
        m,
        "B" | "I" | "SM" | "SB" | "BR" | "RB" | "BI" | "IB" | "IR" | "RI"
    )
}

/// The text of a line: a text line, or a font macro's arguments; escapes resolved.
fn plain(line: &str) -> String {
    let Some(m) = line.strip_prefix('.') else {
        return unescape(line).trim().to_string();
    };
    let (name, rest) = m.split_once([' ', '\t']).unwrap_or((m, ""));
    let args = macro_args(rest);
    let sep = if name.len() == 2 && name != "SM" && name != "SB" {
        ""
    } else {
        " "
    };
    unescape(&args.join(sep)).trim().to_string()
}

/// A macro's arguments: words, or `"quoted text"`.
fn macro_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut arg = String::new();
            while let Some(c) = chars.next() {
                match c {
                    // `""` inside quotes is a quote.
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        arg.push('"');
                    }
                    '"' => break,
                    c => arg.push(c),
                }
            }
            out.push(arg);
        } else {
            let mut arg = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                arg.push(c);
                chars.next();
            }
            out.push(arg);
        }
    }
    out
}

/// Resolves groff escapes: fonts and zero-width ones are dropped, `\-` is `-`, the common
/// named characters are written in ASCII, a `\"` comment ends the text.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            None | Some('"') => break,
            Some('-') => out.push('-'),
            Some('e' | '\\') => out.push('\\'),
            Some('~' | ' ' | '0') => out.push(' '),
            Some('f') => {
                // `\fB`, `\f(CW`, `\f[BI]`.
                let _ = name_arg(&mut chars);
            }
            Some('(') => {
                let n: String = chars.by_ref().take(2).collect();
                out.push_str(named_char(&n));
            }
            Some('[') => {
                let n: String = chars.by_ref().take_while(|&c| c != ']').collect();
                out.push_str(named_char(&n));
            }
            Some('*') => {
                let _ = name_arg(&mut chars);
            }
            // `\&`, `\%`, `\:`, `\c`, `\/`, `\,`, `\|`, `\^` and the like print nothing.
            Some(_) => {}
        }
    }
    out
}

/// The name after `\f` or `\*`: one character, `(xx` or `[name]`.
fn name_arg(chars: &mut std::str::Chars<'_>) -> String {
    match chars.next() {
        Some('(') => chars.by_ref().take(2).collect(),
        Some('[') => chars.by_ref().take_while(|&c| c != ']').collect(),
        Some(c) => c.to_string(),
        None => String::new(),
    }
}

/// A named character in ASCII (`em` is `--`); unknown ones are dropped.
fn named_char(name: &str) -> &'static str {
    match name {
        "em" => "--",
        "en" | "hy" | "mi" => "-",
        "aq" | "oq" | "cq" => "'",
        "dq" | "lq" | "rq" => "\"",
        "rs" => "\\",
        "ti" => "~",
        "ha" => "^",
        "bu" => "*",
        "mu" => "x",
        "<=" => "<=",
        ">=" => ">=",
        "!=" => "!=",
        _ => "",
    }
}

/// The entry read from `.TP` on, if its tag names an errno.
fn finish((line, tags, text): (u32, Vec<String>, Vec<String>)) -> Option<ManError> {
    let names: Vec<String> = tags
        .iter()
        .flat_map(|t| t.split(|c: char| !(c.is_ascii_alphanumeric())))
        .filter(|w| {
            w.len() > 1
                && w.starts_with('E')
                && w.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        return None;
    }
    let text = text
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let (calls, text) = scope(&text);
    Some(ManError {
        names,
        calls,
        text: text.to_string(),
        line,
    })
}

/// Splits off a leading list of calls, `(mlock(), mlock2(), and munlock())`.
fn scope(text: &str) -> (Vec<String>, &str) {
    let Some(inner_start) = text.strip_prefix('(') else {
        return (Vec::new(), text);
    };
    let mut depth = 1usize;
    let Some(end) = inner_start.find(|c| {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        depth == 0
    }) else {
        return (Vec::new(), text);
    };
    let inner = &inner_start[..end];
    let calls: Vec<String> = inner
        .split("()")
        .filter_map(|s| {
            s.rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
        })
        .filter(|w| !w.is_empty())
        .take(inner.matches("()").count())
        .map(str::to_string)
        .collect();
    if calls.is_empty() {
        return (Vec::new(), text);
    }
    (calls, inner_start[end + 1..].trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#".TH frob 2
.SH NAME
frob, frob2 \- frobnicate \fIthings\fP
.SH ERRORS
.\" A comment.
.TP
.BR EACCES " or " EAGAIN
The range is \fBlocked\fP\(emby someone else.
.TP
.B EINVAL
.RB ( frob (),
and
.BR frob2 ())
.I len
is negative.
.TP
.B EINVAL
.RB ( frob2 ())
Unknown \fIflags\fP.
.TP
.I not an errno
Left out.
.TP
.B ENOMEM
.TQ
.B EWOULDBLOCK
(Not on Linux) No memory.
.PP
Text after the list.
.SH SEE ALSO
"#;

    fn page() -> ManPage {
        ManPage {
            path: PathBuf::from("/m/man2/frob.2.gz"),
            text: PAGE.to_string(),
        }
    }

    #[test]
    fn name_summary_and_errors() {
        let p = page();
        assert_eq!(p.name(), "frob.2");
        assert_eq!(p.summary().as_deref(), Some("frobnicate things"));
        let e = p.errors();
        let got: Vec<(Vec<&str>, Vec<&str>, &str, u32)> = e
            .iter()
            .map(|e| {
                (
                    e.names.iter().map(String::as_str).collect(),
                    e.calls.iter().map(String::as_str).collect(),
                    e.text.as_str(),
                    e.line,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    vec!["EACCES", "EAGAIN"],
                    vec![],
                    "The range is locked--by someone else.",
                    6
                ),
                (vec!["EINVAL"], vec!["frob", "frob2"], "len is negative.", 9),
                (vec!["EINVAL"], vec!["frob2"], "Unknown flags.", 16),
                (
                    vec!["ENOMEM", "EWOULDBLOCK"],
                    vec![],
                    "(Not on Linux) No memory.",
                    23
                ),
            ]
        );
    }

    #[test]
    fn finds_pages_gzipped_plain_and_linked() {
        use std::io::Write;
        let root = std::env::temp_dir().join(format!("kapi-man-{}", std::process::id()));
        let dir = root.join("man2");
        std::fs::create_dir_all(&dir).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(PAGE.as_bytes()).unwrap();
        std::fs::write(dir.join("frob.2.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(dir.join("frob2.2"), ".so man2/frob.2\n").unwrap();
        std::fs::write(dir.join("loop.2"), ".so man2/loop.2\n").unwrap();
        let p = ManPage::find(&root, "frob2").unwrap();
        assert_eq!(p.name(), "frob.2");
        assert_eq!(p.errors().len(), 4);
        let e = ManPage::find(&root, "nosuch").unwrap_err();
        assert!(
            e.contains("nosuch.2.gz") && e.contains("manpages-dev"),
            "{e}"
        );
        assert!(ManPage::find(&root, "loop")
            .unwrap_err()
            .contains("`.so` links"));
        std::fs::remove_dir_all(root).ok();
    }

    #[test]
    fn escapes_and_odd_input() {
        assert_eq!(
            unescape(r#"a\-b \(lqc\(rq \f[BI]d\fR\&. \" comment"#),
            "a-b \"c\" d. "
        );
        assert_eq!(unescape("\\"), "");
        assert_eq!(plain(".IR addr + len"), "addr+len");
        assert_eq!(plain(r#".B "two words" more"#), "two words more");
        assert_eq!(scope("(unclosed"), (Vec::new(), "(unclosed"));
        assert_eq!(scope("(Linux 2.6) x"), (Vec::new(), "(Linux 2.6) x"));
        let none = ManPage {
            path: PathBuf::from("x"),
            text: ".TP\n.B EINVAL\n".into(),
        };
        assert!(none.errors().is_empty() && none.summary().is_none());
        // No cut of a page makes the reader panic.
        for (at, _) in PAGE.char_indices() {
            let p = ManPage {
                path: PathBuf::from("x"),
                text: PAGE[..at].to_string(),
            };
            let _ = (p.summary(), p.errors());
        }
    }
}
