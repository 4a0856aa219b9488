// SPDX-License-Identifier: GPL-2.0

//! One module per subcommand, and what the report commands share.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};

pub mod cases;
pub mod coverage;
pub mod draft;
pub mod gen;
pub mod import;
pub mod lint;
pub mod recipe_kinds;
pub mod report_format;
pub mod show;
pub mod trace;

/// Loads and lints the specs of `paths` (files or directories) against the kernel tree of
/// `kernel`, printing the diagnostics; `None` when a spec has an error.
pub fn load_specs(
    paths: &[std::path::PathBuf],
    kernel: &crate::KernelArgs,
) -> Result<Option<(kapi_spec::KernelInfo, Vec<kapi_spec::emit::tables::Entry>)>> {
    use kapi_spec::emit::tables::{load_entries, GenError};
    let files = crate::expand(paths)?;
    let k = kernel.load()?;
    match load_entries(&files, &k) {
        Ok((entries, warnings)) => {
            eprint!("{warnings}");
            Ok(Some((k, entries)))
        }
        Err(GenError::Invalid(report)) => {
            eprint!("{report}");
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Reads a report input: the file, or standard input for `None` or `-`. Returns the name to use
/// in messages (the path, or `<stdin>`) and the text (invalid UTF-8 replaced).
pub fn read_input(path: Option<&Path>) -> Result<(String, String)> {
    match path {
        Some(p) if p != Path::new("-") => Ok((p.display().to_string(), crate::read(p)?)),
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            Ok((
                "<stdin>".to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ))
        }
    }
}

/// Prints a report: as pretty JSON with `json`, else as `render` makes it.
pub fn print_report<T: serde::Serialize>(
    json: bool,
    report: &T,
    render: fn(&T) -> String,
) -> Result<()> {
    if json {
        println!("{}", serde_json::to_string_pretty(report)?);
    } else {
        print!("{}", render(report));
    }
    Ok(())
}

/// A plain text table: columns padded to their widest cell, separated by two spaces; columns
/// from [`Table::right_from`] on are right-aligned (counts).
pub struct Table {
    rows: Vec<Vec<String>>,
    right_from: usize,
}

impl Table {
    /// A table with a header row.
    pub fn new(header: &[&str]) -> Self {
        Self {
            rows: vec![header.iter().map(|s| s.to_string()).collect()],
            right_from: usize::MAX,
        }
    }

    /// Right-aligns columns `col..`.
    pub fn right_from(mut self, col: usize) -> Self {
        self.right_from = col;
        self
    }

    /// Appends a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Whether there is no row besides the header.
    pub fn is_empty(&self) -> bool {
        self.rows.len() <= 1
    }

    /// The table as lines, without trailing blanks.
    pub fn render(&self) -> String {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; cols];
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        let mut out = String::new();
        for r in &self.rows {
            let mut line = String::new();
            for (i, w) in widths.iter().enumerate() {
                let c = r.get(i).map_or("", String::as_str);
                if i > 0 {
                    line.push_str("  ");
                }
                if i >= self.right_from {
                    line.push_str(&format!("{c:>w$}"));
                } else {
                    line.push_str(&format!("{c:<w$}"));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}
