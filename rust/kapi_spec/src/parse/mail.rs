// SPDX-License-Identifier: GPL-2.0

//! Kerneldoc comments quoted in a mail (`> ` prefixes, reviewer lines interleaved).

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::parse::kerneldoc::{parse_lines, Parsed};
use crate::parse::source::{line_no, SrcLine};

/// Strips a mail quote prefix (`>`, `> `, `> > `, ...) from a line; `None` if it is not
/// quoted.
fn unquote(line: &str) -> Option<(usize, &str)> {
    let mut rest = line.strip_prefix('>')?;
    loop {
        rest = rest.strip_prefix(' ').unwrap_or(rest);
        match rest.strip_prefix('>') {
            Some(r) => rest = r,
            None => break,
        }
    }
    Some((line.len() - rest.len(), rest))
}

/// Extracts the first kerneldoc comment quoted in a mail: the quoted lines from `/**` up to
/// `*/`. Unquoted lines (the reviewer's) are skipped. A comment whose quote ends without `*/`
/// (the reply cut it) is closed there, with a warning.
///
/// Returns the comment's lines (prefixes stripped, positions kept), or `None` if the mail
/// quotes no kerneldoc comment.
pub fn extract_quoted_comment(source: &str, diags: &mut Diagnostics) -> Option<Vec<SrcLine>> {
    let mut out: Vec<SrcLine> = Vec::new();
    let mut last_line = 0;
    for (i, raw) in source.lines().enumerate() {
        let Some((prefix, text)) = unquote(raw) else {
            continue; // the reviewer's text
        };
        let line = line_no(i);
        let t = text.trim_start();
        let src = SrcLine {
            text: text.to_string(),
            line,
            col: u32::try_from(prefix + 1).unwrap_or(u32::MAX),
        };
        if out.is_empty() {
            if t.starts_with("/**") {
                out.push(src);
                last_line = line;
            }
            continue;
        }
        if t.trim_end() == "*/" || t.starts_with("*/") {
            out.push(src);
            return Some(out);
        }
        if t.starts_with('*') || t.is_empty() {
            out.push(src);
            last_line = line;
            continue;
        }
        // Quoted text that is not part of the comment: the quote of the comment ended.
        break;
    }
    if out.is_empty() {
        return None;
    }
    diags.push(
        Diagnostic::warning(
            Loc::new(last_line, 1, 1),
            "the quoted comment ends without `*/`",
        )
        .help("closed after the last quoted comment line"),
    );
    out.push(SrcLine {
        text: " */".into(),
        line: last_line,
        col: 1,
    });
    Some(out)
}

/// Parses the kerneldoc comment quoted in a mail.
pub fn parse_mail(file: &str, source: &str) -> Parsed {
    let mut diags = Diagnostics::new(file);
    let specs = match extract_quoted_comment(source, &mut diags) {
        Some(lines) => parse_lines(&lines, &mut diags, false).into_iter().collect(),
        None => {
            diags.push(
                Diagnostic::error(Loc::new(1, 1, 1), "no quoted kerneldoc comment")
                    .expected("a quoted line `> /**`")
                    .found("none"),
            );
            Vec::new()
        }
    };
    Parsed { specs, diags }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_reviewer_lines_and_closes() {
        let mail = "Someone writes:\n> intro\n> /**\n> * sys_x - y\nreviewer: hmm\n> * @a: b\n>\n> *\nbye\n";
        let mut d = Diagnostics::new("m");
        let lines = extract_quoted_comment(mail, &mut d).unwrap();
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["/**", "* sys_x - y", "* @a: b", "", "*", " */"]);
        assert_eq!(lines[1].line, 4);
        assert_eq!(lines[1].col, 3);
        assert_eq!(d.items.len(), 1, "{d}");
    }

    #[test]
    fn no_comment() {
        let mut d = Diagnostics::new("m");
        assert!(extract_quoted_comment("> hello\nworld\n", &mut d).is_none());
        assert!(parse_mail("m", "x").has_errors());
    }
}
