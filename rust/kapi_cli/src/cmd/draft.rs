// SPDX-License-Identifier: GPL-2.0

//! `kapi draft`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use kapi_spec::draft::man::{ManPage, MAN_ROOT};

use crate::KernelArgs;

/// Arguments of `kapi draft`.
#[derive(Args, Debug)]
pub struct DraftArgs {
    /// Syscall name (`mlock2`, `sys_mlock2`).
    pub name: String,
    /// Where the man pages are (`<DIR>/man2/<name>.2.gz`; Debian's manpages-dev).
    #[arg(long, default_value = MAN_ROOT, value_name = "DIR")]
    pub man: PathBuf,
    #[command(flatten)]
    pub kernel: KernelArgs,
}

/// Runs `kapi draft`: prints the draft on stdout.
pub fn run(a: &DraftArgs) -> Result<bool> {
    let k = a.kernel.load()?;
    let name = a.name.strip_prefix("sys_").unwrap_or(&a.name);
    let man = ManPage::find(&a.man, name);
    print!("{}", kapi_spec::draft::draft(&k, name, &man)?);
    Ok(true)
}
