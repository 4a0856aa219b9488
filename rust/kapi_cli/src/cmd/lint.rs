// SPDX-License-Identifier: GPL-2.0

//! `kapi lint`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use kapi_spec::{Diagnostic, Diagnostics, Loc};

use crate::{color, expand, read, KernelArgs};

/// Arguments of `kapi lint`.
#[derive(Args, Debug)]
pub struct LintArgs {
    /// Spec files (any form) or directories of `*.kapi` files.
    #[arg(default_value = "specs", value_name = "FILES|DIRS")]
    pub paths: Vec<PathBuf>,
    /// Only check the format (no kernel source needed).
    #[arg(long)]
    pub syntax_only: bool,
    /// Treat warnings as errors.
    #[arg(long, short = 'W')]
    pub deny_warnings: bool,
    /// Print the required keys and the accepted numbers and constant expressions (the
    /// generated section of specs/README.md) and exit.
    #[arg(long, conflicts_with_all = ["paths", "syntax_only", "deny_warnings"])]
    pub keys: bool,
    #[command(flatten)]
    pub kernel: KernelArgs,
}

/// Runs `kapi lint`; `Ok(false)` when a spec has errors.
pub fn run(a: &LintArgs) -> Result<bool> {
    if a.keys {
        print!("{}", kapi_spec::reference::markdown());
        return Ok(true);
    }
    let files = expand(&a.paths)?;
    let kernel = if a.syntax_only {
        None
    } else {
        Some(a.kernel.load()?)
    };
    let (mut errors, mut warnings, mut specs) = (0, 0, 0);
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for f in &files {
        let source = read(f)?;
        let shown = f.display().to_string();
        let parsed = kapi_spec::load(&shown, &source);
        let mut diags: Diagnostics = parsed.diags.clone();
        for ps in &parsed.specs {
            specs += 1;
            if let Some(first) = seen.insert(ps.spec.name.clone(), shown.clone()) {
                diags.push(
                    Diagnostic::error(
                        ps.spec.loc,
                        format!("sys_{} is also specified in {first}", ps.spec.name),
                    )
                    .expected("one spec per syscall"),
                );
            }
            if let Some(k) = &kernel {
                kapi_spec::lint(ps, k, &mut diags);
            }
        }
        if parsed.specs.is_empty() && !diags.has_errors() {
            diags.push(Diagnostic::error(Loc::default(), "no spec found"));
        }
        let e = diags.error_count();
        errors += e;
        warnings += diags.items.len() - e;
        if !diags.is_empty() {
            eprint!("{}", diags.render(&source, color()));
        }
    }
    eprintln!(
        "kapi lint: {} file(s), {specs} spec(s): {errors} error(s), {warnings} warning(s)",
        files.len()
    );
    Ok(errors == 0 && (!a.deny_warnings || warnings == 0))
}
