// SPDX-License-Identifier: GPL-2.0

//! The [model](crate::model) against a kernel tree: what the tree says ([`ksrc`], [`ctype`],
//! [`sysdef`]), and the linter that checks a spec against it ([`lint`]) and resolves it
//! ([`resolve()`]) to the numbers of the runtime tables: a [`Resolved`], made of
//! `kapi_checker`'s own types.

pub mod ctype;
mod eval;
pub mod ksrc;
mod lint;
mod param;
mod ret;
mod signature;
pub mod sysdef;
mod test;

use kapi_checker::{ArgType, ConstraintKind, ReturnCheck, ValueReturns};
use serde::Serialize;

pub use lint::{lint, resolve};
pub use test::NO_VALID_CALL;

use crate::parse::recipe::Recipe;

/// The spec's generated tests, resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolvedTest {
    /// None, and why.
    Skip(String),
    /// The valid call (one recipe per parameter), and why it is not fuzzed, if it is not.
    Call(ResolvedCall),
}

/// A spec's valid call and what else its tests know.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ResolvedCall {
    /// One recipe per parameter.
    pub valid: Vec<Recipe>,
    /// `test-nofuzz`.
    pub nofuzz: Option<String>,
    /// `test-class`: (parameter, argument, errnos it must fail with).
    pub classes: Vec<(usize, Recipe, Vec<u16>)>,
    /// `test-fixed`: the parameters the fuzzer leaves at their valid argument.
    pub fixed: Vec<usize>,
}

/// A resolved runtime constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedConstraint {
    /// What is checked, as the runtime tables hold it.
    #[serde(flatten)]
    pub kind: ConstraintKind,
    /// The errnos the kernel must fail with when it is broken (empty: advisory).
    pub errnos: Vec<u16>,
    /// Index of the constraint in the model's [`Param::constraints`](crate::model::Param).
    pub source: usize,
}

/// A resolved parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedParam {
    /// Name.
    pub name: String,
    /// The C type the width comes from.
    pub c_type: String,
    /// Width and signedness.
    #[serde(flatten)]
    pub ty: ArgType,
    /// Runtime-checked constraints, in spec order (documentation-only kinds left out).
    pub constraints: Vec<ResolvedConstraint>,
}

/// A declared error, resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedError {
    /// Name (`EINVAL`).
    pub name: String,
    /// Value on the architecture.
    pub errno: u16,
}

/// A spec resolved against a kernel tree: what the runtime tables are made of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// Name without `sys_`.
    pub name: String,
    /// Syscall number.
    pub nr: u32,
    /// Parameters.
    pub params: Vec<ResolvedParam>,
    /// What a successful return must be.
    pub ret: ReturnCheck,
    /// The calls whose return is a value whatever its sign (`return-value-when`).
    pub value_returns: Option<ValueReturns>,
    /// Declared errors, in spec order.
    pub errors: Vec<ResolvedError>,
    /// The generated tests' valid call.
    pub tests: ResolvedTest,
}
