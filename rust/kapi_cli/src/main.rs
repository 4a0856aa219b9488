// SPDX-License-Identifier: GPL-2.0

//! `kapi`: lint, show, import, draft and generate KAPI specifications; summarise the module's coverage
//! file and its violation reports.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};

mod cmd;

/// Exit status for input that is wrong (diagnostics printed).
const EXIT_INVALID: u8 = 1;

#[derive(Parser, Debug)]
#[command(
    name = "kapi",
    version,
    about = "Lint, show, import, draft and generate KAPI syscall specifications; summarise coverage and violation reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands (one module each in `cmd/`).
#[derive(Subcommand, Debug)]
enum Command {
    /// Check spec files: the format, then against the kernel source (errnos, constants,
    /// syscall numbers, value widths, the parameters of the syscall's SYSCALL_DEFINE).
    Lint(cmd::lint::LintArgs),
    /// Show one spec, in full, as text or JSON.
    Show(cmd::show::ShowArgs),
    /// Convert a DEFINE_KERNEL_API_SPEC (or mail-quoted) spec to the kerneldoc form.
    Import(cmd::import::ImportArgs),
    /// Print a draft spec of one syscall to start from (never to ship unread): its parameters
    /// and C types from its SYSCALL_DEFINE, candidate masks from its code, error-code lines
    /// from its man page; each guess is marked [unchecked], which the linter refuses.
    Draft(cmd::draft::DraftArgs),
    /// Generate the Rust tables of kapi_checker types the kernel module is built with.
    Gen(cmd::gen::GenArgs),
    /// Generate, from each spec's valid call, the calls that prove its runtime rules and the
    /// pools its arguments are fuzzed from (for the guest runners kapi_conform and kapi_fuzz).
    Cases(cmd::cases::CasesArgs),
    /// Render the module's coverage file (debugfs `kapi_validator/coverage`, or a saved copy):
    /// syscall × declared errno seen / not seen, constraints seen broken, a summary per syscall.
    Coverage(cmd::coverage::CoverageArgs),
    /// Summarise the module's violation reports (trace_pipe / saved trace events, or dmesg
    /// lines) by syscall and kind.
    Trace(cmd::trace::TraceArgs),
    /// Print the report line's markers, keys and kinds as shell variable assignments (for
    /// scripts that cannot run `kapi trace`, such as the guest tests).
    ReportFormat(cmd::report_format::ReportFormatArgs),
    /// Print the kinds of the fd:, path: and pid: argument recipes as C X-macros (for the guest
    /// runners that build the arguments).
    RecipeKinds,
}

/// Where the kernel facts come from.
#[derive(Args, Debug, Clone)]
pub struct KernelArgs {
    /// Kernel source tree (`scripts/kernel.sh source` prints it).
    #[arg(long, env = "KAPI_KSRC", value_name = "DIR")]
    pub ksrc: Option<PathBuf>,
    /// Target architecture.
    #[arg(long, default_value = "x86_64", value_name = "ARCH")]
    pub arch: String,
}

impl KernelArgs {
    /// Loads the kernel facts.
    pub fn load(&self) -> Result<kapi_spec::KernelInfo> {
        let arch = self.arch()?;
        let dir = kapi_spec::resolve::ksrc::ksrc_dir(self.ksrc.as_deref())?;
        Ok(kapi_spec::KernelInfo::load(&dir, arch)?)
    }

    /// The architecture.
    pub fn arch(&self) -> Result<&'static kapi_spec::Arch> {
        match kapi_spec::resolve::ksrc::arch_by_name(&self.arch) {
            Some(a) => Ok(a),
            None => {
                let known: Vec<&str> = kapi_spec::resolve::ksrc::ARCHES
                    .iter()
                    .map(|a| a.name)
                    .collect();
                bail!(
                    "unknown architecture `{}` (known: {})",
                    self.arch,
                    known.join(", ")
                )
            }
        }
    }
}

/// Whether diagnostics on stderr get colours.
pub fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Expands directories to their `*.kapi` files; files are kept as given.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let files = kapi_spec::emit::tables::spec_files(p)?;
            out.extend(files);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            bail!("{}: no such file or directory", p.display());
        }
    }
    Ok(out)
}

/// Reads a file as text.
pub fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let r = match cli.command {
        Command::Lint(a) => cmd::lint::run(&a),
        Command::Show(a) => cmd::show::run(&a),
        Command::Import(a) => cmd::import::run(&a),
        Command::Draft(a) => cmd::draft::run(&a),
        Command::Gen(a) => cmd::gen::run(&a),
        Command::Cases(a) => cmd::cases::run(&a),
        Command::Coverage(a) => cmd::coverage::run(&a),
        Command::Trace(a) => cmd::trace::run(&a),
        Command::ReportFormat(a) => cmd::report_format::run(&a),
        Command::RecipeKinds => {
            cmd::recipe_kinds::run();
            Ok(true)
        }
    };
    match r {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(EXIT_INVALID),
        Err(e) => {
            eprintln!("kapi: error: {e:#}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}
