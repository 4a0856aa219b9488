// SPDX-License-Identifier: GPL-2.0

//! No function of the host crates (kapi_checker, kapi_spec, kapi_cli: sources, tests and
//! benches) is longer than [`MAX_LINES`] lines, from its `fn` line to its closing brace.
//!
//! The files are rustfmt-formatted (`cargo fmt --check` is part of the host tests), so a
//! function's body ends at the first line that is its `fn` line's indentation followed by `}`.
//! `cargo test -p kapi_cli --test fn_length -- --nocapture` prints the longest ones.

use std::path::{Path, PathBuf};

/// The limit.
const MAX_LINES: usize = 150;

/// The crates checked, relative to this crate's directory.
const CRATES: &[&str] = &["../kapi_checker", "../kapi_spec", "../kapi_cli"];

/// One function: where it starts, its name and its length in lines.
#[derive(Debug)]
struct Function {
    file: PathBuf,
    line: usize,
    name: String,
    lines: usize,
}

/// The `.rs` files under `dir`, except a nested crate's (`fuzz/`) and build output.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !matches!(
                path.file_name().and_then(|n| n.to_str()),
                Some("fuzz" | "target")
            ) {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The name of the function a line declares, if it declares one.
fn declared_fn(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for qualifier in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(qualifier).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The functions with a body in one file.
fn functions(file: &Path) -> Vec<Function> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(name) = declared_fn(line) else {
            continue;
        };
        // The signature ends at the line that opens the body (or at a `;`: no body).
        let Some(open) = (start..lines.len())
            .find(|&i| lines[i].contains('{') || lines[i].trim_end().ends_with(';'))
            .filter(|&i| lines[i].contains('{'))
        else {
            continue;
        };
        let indent = &line[..line.len() - line.trim_start().len()];
        let close = if lines[open].trim_end().ends_with('}') {
            open
        } else {
            (open + 1..lines.len())
                .find(|&i| lines[i].strip_prefix(indent) == Some("}"))
                .unwrap_or(lines.len() - 1)
        };
        out.push(Function {
            file: file.to_path_buf(),
            line: start + 1,
            name: name.to_string(),
            lines: close - start + 1,
        });
    }
    out
}

#[test]
fn no_function_is_longer_than_the_limit() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for krate in CRATES {
        rust_files(&here.join(krate).canonicalize().unwrap(), &mut files);
    }
    assert!(files.len() > 20, "the crates' sources are there");
    let mut all: Vec<Function> = files.iter().flat_map(|f| functions(f)).collect();
    all.sort_by_key(|f| std::cmp::Reverse(f.lines));
    for f in all.iter().take(5) {
        println!(
            "{} lines: {} ({}:{})",
            f.lines,
            f.name,
            f.file.display(),
            f.line
        );
    }
    let long: Vec<String> = all
        .iter()
        .filter(|f| f.lines > MAX_LINES)
        .map(|f| {
            format!(
                "{}:{} {} ({} lines)",
                f.file.display(),
                f.line,
                f.name,
                f.lines
            )
        })
        .collect();
    assert!(
        long.is_empty(),
        "functions over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn counts_a_function_from_fn_to_its_brace() {
    let dir = std::env::temp_dir().join(format!("kapi_fn_length_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sample.rs");
    std::fs::write(
        &file,
        "fn one() {}\n\npub(crate) fn three(\n    a: u8,\n) -> u8 {\n    a\n}\n\ntrait T {\n    fn none(&self);\n    fn inner(&self) {\n        if true {\n        }\n    }\n}\n",
    )
    .unwrap();
    let found: Vec<(String, usize)> = functions(&file)
        .into_iter()
        .map(|f| (f.name, f.lines))
        .collect();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found,
        [
            ("one".to_string(), 1),
            ("three".to_string(), 5),
            ("inner".to_string(), 4)
        ]
    );
}
