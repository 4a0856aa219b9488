// SPDX-License-Identifier: GPL-2.0

//! Generates the runtime tables from `specs/*.kapi` with the kernel source named by
//! `KAPI_KSRC`, and sets `cfg(kapi_tables)` when it did.
//!
//! Without `KAPI_KSRC` the crate still builds (so do `cargo build`/`cargo test` of the
//! workspace): the tables are empty, `cfg(kapi_tables)` is not set, the tests are ignored and
//! Cargo prints a warning saying so. With `KAPI_KSRC` set, a spec or kernel tree that does not
//! generate is a build error.

use std::path::PathBuf;

/// The generated file when there is no kernel source: the same items, no specs.
const NO_TABLES: &str = "// KAPI_KSRC not set: no tables generated.
pub static SPECS: [Option<&kapi_checker::SyscallSpec>; 0] = [];
pub static ALL: [&kapi_checker::SyscallSpec; 0] = [];
pub const NR_SPECS: usize = 0;
pub fn check_entry_of(_: usize, _: &[u64; kapi_checker::MAX_PARAMS]) -> kapi_checker::Entry {
    kapi_checker::Entry::CLEAN
}
pub static ERRNO_NAMES: [(u16, &str); 0] = [];
#[allow(unused_macros)]
macro_rules! with_spec_positions {
    ($m:ident) => {
        $m!();
    };
}
#[allow(unused_imports)]
pub(crate) use with_spec_positions;
";

fn main() {
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let specs = manifest.join("../../specs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("kapi_tables.rs");
    println!("cargo:rustc-check-cfg=cfg(kapi_tables)");
    println!(
        "cargo:rerun-if-env-changed={}",
        kapi_spec::resolve::ksrc::KSRC_ENV
    );
    println!("cargo:rerun-if-changed={}", specs.display());
    if let Ok(files) = kapi_spec::emit::tables::spec_files(&specs) {
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
        }
    }
    match kapi_spec::emit::tables::build_tables(&specs, None, &kapi_spec::X86_64, &out) {
        Ok(()) => println!("cargo:rustc-cfg=kapi_tables"),
        Err(kapi_spec::emit::tables::GenError::Ksrc(kapi_spec::KsrcError::Unset)) => {
            println!(
                "cargo:warning=KAPI_KSRC is not set: no tables generated from specs/, the \
                 kapi_tables tests are skipped (set KAPI_KSRC=$(scripts/kernel.sh source) to \
                 run them; `make host-test` does)"
            );
            std::fs::write(&out, NO_TABLES).expect("cannot write the empty tables");
        }
        Err(e) => {
            eprintln!(
                "kapi_tables: cannot generate the tables from {}:\n{e}",
                specs.display()
            );
            std::process::exit(1);
        }
    }
}
