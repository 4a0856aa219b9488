// SPDX-License-Identifier: GPL-2.0

//! `kapi gen`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use kapi_spec::emit::tables::GenError;

use crate::KernelArgs;

/// Arguments of `kapi gen`.
#[derive(Args, Debug)]
pub struct GenArgs {
    /// Output file (the Rust source of the tables).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// Spec files or directories of `*.kapi` files.
    #[arg(default_value = "specs", value_name = "SPECS")]
    pub specs: Vec<PathBuf>,
    #[command(flatten)]
    pub kernel: KernelArgs,
}

/// Runs `kapi gen`.
pub fn run(a: &GenArgs) -> Result<bool> {
    let Some((k, entries)) = super::load_specs(&a.specs, &a.kernel)? else {
        return Ok(false);
    };
    let code = match kapi_spec::emit::tables::generate(&entries, &k) {
        Ok(c) => c,
        Err(GenError::Invalid(msg)) => {
            eprintln!("kapi gen: error: {msg}");
            return Ok(false);
        }
        Err(e) => return Err(e.into()),
    };
    if std::fs::read_to_string(&a.output).ok().as_deref() != Some(code.as_str()) {
        std::fs::write(&a.output, &code)
            .with_context(|| format!("cannot write {}", a.output.display()))?;
    }
    eprintln!(
        "kapi gen: {} spec(s) -> {}",
        entries.len(),
        a.output.display()
    );
    Ok(true)
}
