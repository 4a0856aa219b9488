// SPDX-License-Identifier: GPL-2.0

//! `kapi import`.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;

use crate::{color, read};

/// Arguments of `kapi import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// A C file or patch mail with DEFINE_KERNEL_API_SPEC blocks (or a mail quoting a
    /// kerneldoc spec).
    pub file: PathBuf,
    /// Write here instead of stdout; a directory gets one `<name>.kapi` per spec.
    #[arg(short = 'o', long = "output", value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
}

/// Runs `kapi import`.
pub fn run(a: &ImportArgs) -> Result<bool> {
    let source = read(&a.file)?;
    let parsed = kapi_spec::load(&a.file.display().to_string(), &source);
    if !parsed.diags.is_empty() {
        eprint!("{}", parsed.diags.render(&source, color()));
    }
    if parsed.has_errors() {
        return Ok(false);
    }
    let specs = parsed.into_specs();
    match &a.output {
        None => {
            let texts: Vec<String> = specs.iter().map(kapi_spec::write_kerneldoc).collect();
            print!("{}", texts.join("\n"));
        }
        Some(dir) if dir.is_dir() => {
            for s in &specs {
                let path = dir.join(format!("{}.kapi", s.name));
                std::fs::write(&path, kapi_spec::write_kerneldoc(s))
                    .with_context(|| format!("cannot write {}", path.display()))?;
                eprintln!("kapi import: wrote {}", path.display());
            }
        }
        Some(file) => {
            if specs.len() != 1 {
                bail!(
                    "{} holds {} specs; give a directory to -o to write one file each",
                    a.file.display(),
                    specs.len()
                );
            }
            std::fs::write(file, kapi_spec::write_kerneldoc(&specs[0]))
                .with_context(|| format!("cannot write {}", file.display()))?;
        }
    }
    Ok(true)
}
