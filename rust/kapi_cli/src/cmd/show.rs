// SPDX-License-Identifier: GPL-2.0

//! `kapi show`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::Args;
use kapi_spec::{Diagnostics, ParsedSpec, Resolved, Spec};
use serde::Serialize;

use crate::{color, read, KernelArgs};

/// Arguments of `kapi show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Syscall name (`mlock2`, `sys_mlock2`) or a spec file.
    pub name: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Directory of `*.kapi` files to look the name up in.
    #[arg(long, default_value = "specs", value_name = "DIR")]
    pub specs: PathBuf,
    #[command(flatten)]
    pub kernel: KernelArgs,
}

#[derive(Serialize)]
struct Shown<'a> {
    file: String,
    spec: &'a Spec,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<&'a Resolved>,
}

/// Finds the spec: a file, or `<dir>/<name>.kapi`, or any file of `<dir>` that specifies it.
fn find(a: &ShowArgs) -> Result<(PathBuf, String, Vec<ParsedSpec>, Diagnostics)> {
    let bare = a.name.strip_prefix("sys_").unwrap_or(&a.name).to_string();
    let direct = Path::new(&a.name);
    let mut candidates = Vec::new();
    if direct.is_file() {
        candidates.push(direct.to_path_buf());
    } else {
        let named = a.specs.join(format!("{bare}.kapi"));
        if named.is_file() {
            candidates.push(named);
        }
        if a.specs.is_dir() {
            candidates.extend(kapi_spec::emit::tables::spec_files(&a.specs)?);
        }
    }
    for f in candidates {
        let source = read(&f)?;
        let parsed = kapi_spec::load(&f.display().to_string(), &source);
        let wanted = direct.is_file() || parsed.specs.iter().any(|p| p.spec.name == bare);
        if wanted {
            return Ok((f, source, parsed.specs, parsed.diags));
        }
    }
    bail!(
        "no spec for `{}` (looked in {} and as a file)",
        a.name,
        a.specs.display()
    )
}

/// Runs `kapi show`.
pub fn run(a: &ShowArgs) -> Result<bool> {
    let (file, source, specs, mut diags) = find(a)?;
    let bare = a.name.strip_prefix("sys_").unwrap_or(&a.name);
    let pick = specs
        .iter()
        .find(|p| p.spec.name == bare)
        .or_else(|| specs.first());
    let Some(ps) = pick else {
        eprint!("{}", diags.render(&source, color()));
        return Ok(false);
    };
    // Numbers when the kernel source is known; the spec alone otherwise.
    let kernel = if a.kernel.ksrc.is_some() {
        Some(a.kernel.load()?)
    } else {
        None
    };
    let resolved = kernel
        .as_ref()
        .and_then(|k| kapi_spec::lint(ps, k, &mut diags));
    if !diags.is_empty() {
        eprint!("{}", diags.render(&source, color()));
    }
    if diags.has_errors() {
        return Ok(false);
    }
    if a.json {
        let shown = Shown {
            file: file.display().to_string(),
            spec: &ps.spec,
            resolved: resolved.as_ref(),
        };
        println!("{}", serde_json::to_string_pretty(&shown)?);
    } else {
        print!("{}", kapi_spec::render(&ps.spec, resolved.as_ref()));
    }
    Ok(true)
}
