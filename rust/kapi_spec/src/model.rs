// SPDX-License-Identifier: GPL-2.0

//! The specification model: everything the kerneldoc form and the `DEFINE_KERNEL_API_SPEC`
//! macro form carry, as written (constants unevaluated). [`crate::resolve`](mod@crate::resolve)
//! resolves it against a kernel source tree.

use serde::{Serialize, Serializer};

use crate::diag::Loc;

/// A piece of text from the input (a constant expression, a name) with where it was written.
/// Equality and serialisation look at the text only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    /// The text, trimmed.
    pub text: String,
    /// Where it was written.
    pub loc: Loc,
}

impl Text {
    /// Text written at `loc`.
    pub fn new(text: impl Into<String>, loc: Loc) -> Self {
        Self {
            text: text.into(),
            loc,
        }
    }

    /// Text with no location (built by hand).
    pub fn bare(text: impl Into<String>) -> Self {
        Self::new(text, Loc::default())
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Declares an enum of `KAPI_*` tokens, each with its upstream name and short token(s).
macro_rules! tokens {
    (
        $(#[$meta:meta])*
        $name:ident, $prefix:literal {
            $($(#[$vmeta:meta])* $variant:ident = $upper:literal $(| $short:literal)*,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// The prefix of the upstream names.
            pub const PREFIX: &'static str = $prefix;

            /// The name without prefix (`UINT`).
            pub const fn upper(self) -> &'static str {
                match self {
                    $($name::$variant => $upper,)*
                }
            }

            /// The upstream name (`KAPI_TYPE_UINT`).
            pub fn kapi_name(self) -> String {
                format!("{}{}", $prefix, self.upper())
            }

            /// Parses the upstream name, the name without prefix, or a short token.
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim();
                let bare = s.strip_prefix($prefix).unwrap_or(s);
                $(
                    if bare == $upper
                        || (s.eq_ignore_ascii_case($upper) && !s.bytes().any(|b| b.is_ascii_uppercase()))
                        $(|| s == $short)*
                    {
                        return Some($name::$variant);
                    }
                )*
                None
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.kapi_name())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.kapi_name())
            }
        }
    };
}

tokens! {
    /// `enum kapi_param_type`.
    KapiType, "KAPI_TYPE_" {
        /// `void`.
        Void = "VOID",
        /// Signed integer.
        Int = "INT",
        /// Unsigned integer.
        Uint = "UINT",
        /// Pointer.
        Ptr = "PTR",
        /// Structure.
        Struct = "STRUCT",
        /// Union.
        Union = "UNION",
        /// Enumeration.
        Enum = "ENUM",
        /// Function pointer.
        FuncPtr = "FUNC_PTR",
        /// Array.
        Array = "ARRAY",
        /// File descriptor.
        Fd = "FD",
        /// User-space pointer.
        UserPtr = "USER_PTR",
        /// User-space path.
        Path = "PATH",
        /// Anything else.
        Custom = "CUSTOM",
    }
}

tokens! {
    /// `enum kapi_param_flags`.
    ParamFlag, "KAPI_PARAM_" {
        /// Input.
        In = "IN" | "input",
        /// Output.
        Out = "OUT" | "output",
        /// Input and output.
        InOut = "INOUT",
        /// May be absent (NULL).
        Optional = "OPTIONAL",
        /// Const.
        Const = "CONST",
        /// Volatile.
        Volatile = "VOLATILE",
        /// User-space memory.
        User = "USER",
        /// DMA memory.
        Dma = "DMA",
        /// Aligned.
        Aligned = "ALIGNED",
    }
}

tokens! {
    /// `enum kapi_context_flags`.
    ContextFlag, "KAPI_CTX_" {
        /// Process context.
        Process = "PROCESS",
        /// Softirq context.
        Softirq = "SOFTIRQ",
        /// Hardirq context.
        Hardirq = "HARDIRQ",
        /// NMI context.
        Nmi = "NMI",
        /// Atomic context.
        Atomic = "ATOMIC",
        /// May sleep.
        Sleepable = "SLEEPABLE",
        /// Preemption disabled.
        PreemptDisabled = "PREEMPT_DISABLED",
        /// Interrupts disabled.
        IrqDisabled = "IRQ_DISABLED",
    }
}

tokens! {
    /// `enum kapi_side_effect_type`.
    EffectType, "KAPI_EFFECT_" {
        /// No effect.
        None = "NONE",
        /// Allocates memory.
        AllocMemory = "ALLOC_MEMORY",
        /// Frees memory.
        FreeMemory = "FREE_MEMORY",
        /// Modifies state.
        ModifyState = "MODIFY_STATE",
        /// Sends a signal.
        SignalSend = "SIGNAL_SEND",
        /// Moves a file position.
        FilePosition = "FILE_POSITION",
        /// Acquires a lock.
        LockAcquire = "LOCK_ACQUIRE",
        /// Releases a lock.
        LockRelease = "LOCK_RELEASE",
        /// Creates a resource.
        ResourceCreate = "RESOURCE_CREATE",
        /// Destroys a resource.
        ResourceDestroy = "RESOURCE_DESTROY",
        /// Schedules.
        Schedule = "SCHEDULE",
        /// Touches hardware.
        Hardware = "HARDWARE",
        /// Network traffic.
        Network = "NETWORK",
        /// File system change.
        Filesystem = "FILESYSTEM",
        /// Process state change.
        ProcessState = "PROCESS_STATE",
        /// Cannot be undone.
        Irreversible = "IRREVERSIBLE",
    }
}

tokens! {
    /// `enum kapi_return_check_type`.
    ReturnCheckKind, "KAPI_RETURN_" {
        /// Exactly `return-success`.
        Exact = "EXACT",
        /// Within `return-success-range`.
        Range = "RANGE",
        /// Not an error (and `return-success` if given).
        ErrorCheck = "ERROR_CHECK",
        /// A file descriptor.
        Fd = "FD",
        /// Checked by custom code (documentation only).
        Custom = "CUSTOM",
        /// Does not return on success.
        NoReturn = "NO_RETURN",
    }
}

/// `enum kapi_constraint_type`, plus ours (`EXCLUDE`, `FD`, `NO_WRAP`): a constraint's kind
/// without its values.
///
/// The kinds the runtime checks are named by the runtime ([`ConstraintTag::runtime`],
/// `kapi_checker::ConstraintKind::name`): specs, coverage output and this crate's messages all
/// use that one name. The others are documentation and are named here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConstraintTag {
    /// No constraint.
    None,
    /// `range(min, max)`.
    Range,
    /// `mask(expr)`.
    Mask,
    /// `enum(v, ...)`.
    Enum,
    /// `exclude(v, ...)`.
    Exclude,
    /// `alignment(n)`.
    Alignment,
    /// `power_of_two`.
    PowerOfTwo,
    /// `page_aligned`.
    PageAligned,
    /// `nonzero`.
    NonZero,
    /// `fd`.
    Fd,
    /// `no_wrap(other)`.
    NoWrap,
    /// `user_string`.
    UserString,
    /// `user_path`.
    UserPath,
    /// `user_ptr`.
    UserPtr,
    /// `buffer(size param)`.
    Buffer,
    /// `custom`.
    Custom,
}

impl ConstraintTag {
    /// Every value, in declaration order.
    pub const ALL: &'static [ConstraintTag] = &[
        ConstraintTag::None,
        ConstraintTag::Range,
        ConstraintTag::Mask,
        ConstraintTag::Enum,
        ConstraintTag::Exclude,
        ConstraintTag::Alignment,
        ConstraintTag::PowerOfTwo,
        ConstraintTag::PageAligned,
        ConstraintTag::NonZero,
        ConstraintTag::Fd,
        ConstraintTag::NoWrap,
        ConstraintTag::UserString,
        ConstraintTag::UserPath,
        ConstraintTag::UserPtr,
        ConstraintTag::Buffer,
        ConstraintTag::Custom,
    ];
    /// The prefix of the upstream names.
    pub const PREFIX: &'static str = "KAPI_CONSTRAINT_";

    /// What this kind is: checked at run time, or documentation with its name.
    const fn class(self) -> TagClass {
        use kapi_checker::ConstraintKind as K;
        use TagClass::{Checked, Documentation};
        match self {
            ConstraintTag::None => Documentation("none"),
            ConstraintTag::Range => Checked(K::Range { min: 0, max: 0 }),
            ConstraintTag::Mask => Checked(K::Mask { valid: 0 }),
            ConstraintTag::Enum => Checked(K::Enum { values: &[] }),
            ConstraintTag::Exclude => Checked(K::Exclude { values: &[] }),
            ConstraintTag::Alignment => Checked(K::Alignment { align: 0 }),
            ConstraintTag::PowerOfTwo => Checked(K::PowerOfTwo),
            ConstraintTag::PageAligned => Checked(K::PageAligned { page_size: 0 }),
            ConstraintTag::NonZero => Checked(K::NonZero),
            ConstraintTag::Fd => Checked(K::Fd),
            ConstraintTag::NoWrap => Checked(K::NoWrap { other: 0 }),
            ConstraintTag::UserString => Documentation("user_string"),
            ConstraintTag::UserPath => Documentation("user_path"),
            ConstraintTag::UserPtr => Documentation("user_ptr"),
            ConstraintTag::Buffer => Documentation("buffer"),
            ConstraintTag::Custom => Documentation("custom"),
        }
    }

    /// The runtime kind this kind resolves to, with its values left at zero (the resolver
    /// fills them in), or `None` for a kind that is documentation only.
    pub const fn runtime(self) -> Option<kapi_checker::ConstraintKind> {
        match self.class() {
            TagClass::Checked(kind) => Some(kind),
            TagClass::Documentation(_) => None,
        }
    }

    /// Whether the runtime checks this kind (the others are documentation).
    pub const fn is_checked(self) -> bool {
        self.runtime().is_some()
    }

    /// The short token (`power_of_two`); for a checked kind, the runtime's name of it.
    pub const fn short(self) -> &'static str {
        match self.class() {
            TagClass::Checked(kind) => kind.name(),
            TagClass::Documentation(name) => name,
        }
    }

    /// The short form with placeholders for its values: `range(min, max)`, `nonzero`.
    pub fn short_form(self) -> String {
        let values = match self {
            ConstraintTag::Range => "(min, max)",
            ConstraintTag::Mask => "(expr)",
            ConstraintTag::Enum | ConstraintTag::Exclude => "(...)",
            ConstraintTag::Alignment => "(n)",
            ConstraintTag::NoWrap | ConstraintTag::Buffer => "(param)",
            _ => "",
        };
        format!("{}{values}", self.short())
    }

    /// The name without prefix (`POWER_OF_TWO`).
    pub fn upper(self) -> String {
        self.short().to_ascii_uppercase()
    }

    /// The upstream name (`KAPI_CONSTRAINT_POWER_OF_TWO`).
    pub fn kapi_name(self) -> String {
        format!("{}{}", Self::PREFIX, self.upper())
    }

    /// Parses the upstream name, the name without prefix, or the short token.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let bare = s.strip_prefix(Self::PREFIX).unwrap_or(s);
        Self::ALL
            .iter()
            .copied()
            .find(|t| s == t.short() || bare == t.upper())
    }

    /// The key that gives this kind's values in the long form, if it has values.
    pub fn value_key(self) -> Option<&'static str> {
        match self {
            ConstraintTag::Range => Some("param-range"),
            ConstraintTag::Mask => Some("param-valid-mask"),
            ConstraintTag::Enum => Some("param-enum-values"),
            ConstraintTag::Exclude => Some("param-exclude-values"),
            ConstraintTag::Alignment => Some("param-alignment"),
            ConstraintTag::NoWrap => Some("param-no-wrap"),
            _ => None,
        }
    }
}

/// [`ConstraintTag::class`].
enum TagClass {
    /// The runtime checks it, as this kind (values left at zero).
    Checked(kapi_checker::ConstraintKind),
    /// Documentation only, named so.
    Documentation(&'static str),
}

impl std::fmt::Display for ConstraintTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.kapi_name())
    }
}

/// One constraint of a parameter, with its values (unevaluated expressions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConstraintKind {
    /// `KAPI_CONSTRAINT_NONE`.
    None,
    /// `min <= value <= max`.
    Range {
        /// Smallest allowed value.
        min: Text,
        /// Largest allowed value.
        max: Text,
    },
    /// `value & ~valid == 0`.
    Mask {
        /// The bits that may be set.
        valid: Text,
    },
    /// `value` is one of `values`.
    Enum {
        /// The allowed values.
        values: Vec<Text>,
    },
    /// `value` is none of `values` (ours).
    Exclude {
        /// The forbidden values.
        values: Vec<Text>,
    },
    /// `value` is a multiple of `align`.
    Alignment {
        /// The alignment.
        align: Text,
    },
    /// A power of two.
    PowerOfTwo,
    /// A multiple of the page size.
    PageAligned,
    /// Not zero.
    NonZero,
    /// A file descriptor or `AT_FDCWD` (ours).
    Fd,
    /// `value + other` does not wrap (ours).
    NoWrap {
        /// The other parameter's name.
        other: Text,
    },
    /// A user-space string (documentation).
    UserString,
    /// A user-space path (documentation).
    UserPath,
    /// A user-space pointer (documentation).
    UserPtr,
    /// A buffer whose size another parameter gives (`param-size-param`; documentation).
    Buffer,
    /// Checked by custom code (documentation).
    Custom,
}

impl ConstraintKind {
    /// The kind without values.
    pub fn tag(&self) -> ConstraintTag {
        match self {
            ConstraintKind::None => ConstraintTag::None,
            ConstraintKind::Range { .. } => ConstraintTag::Range,
            ConstraintKind::Mask { .. } => ConstraintTag::Mask,
            ConstraintKind::Enum { .. } => ConstraintTag::Enum,
            ConstraintKind::Exclude { .. } => ConstraintTag::Exclude,
            ConstraintKind::Alignment { .. } => ConstraintTag::Alignment,
            ConstraintKind::PowerOfTwo => ConstraintTag::PowerOfTwo,
            ConstraintKind::PageAligned => ConstraintTag::PageAligned,
            ConstraintKind::NonZero => ConstraintTag::NonZero,
            ConstraintKind::Fd => ConstraintTag::Fd,
            ConstraintKind::NoWrap { .. } => ConstraintTag::NoWrap,
            ConstraintKind::UserString => ConstraintTag::UserString,
            ConstraintKind::UserPath => ConstraintTag::UserPath,
            ConstraintKind::UserPtr => ConstraintTag::UserPtr,
            ConstraintKind::Buffer => ConstraintTag::Buffer,
            ConstraintKind::Custom => ConstraintTag::Custom,
        }
    }

    /// The values, as written and in order; none for a kind without values.
    pub fn values(&self) -> Vec<&Text> {
        match self {
            ConstraintKind::Range { min, max } => vec![min, max],
            ConstraintKind::Mask { valid } => vec![valid],
            ConstraintKind::Enum { values } | ConstraintKind::Exclude { values } => {
                values.iter().collect()
            }
            ConstraintKind::Alignment { align } => vec![align],
            ConstraintKind::NoWrap { other } => vec![other],
            ConstraintKind::None
            | ConstraintKind::PowerOfTwo
            | ConstraintKind::PageAligned
            | ConstraintKind::NonZero
            | ConstraintKind::Fd
            | ConstraintKind::UserString
            | ConstraintKind::UserPath
            | ConstraintKind::UserPtr
            | ConstraintKind::Buffer
            | ConstraintKind::Custom => Vec::new(),
        }
    }

    /// The kind for a tag that carries no values (`None` for the kinds that need values).
    pub fn without_values(tag: ConstraintTag) -> Option<Self> {
        Some(match tag {
            ConstraintTag::None => ConstraintKind::None,
            ConstraintTag::PowerOfTwo => ConstraintKind::PowerOfTwo,
            ConstraintTag::PageAligned => ConstraintKind::PageAligned,
            ConstraintTag::NonZero => ConstraintKind::NonZero,
            ConstraintTag::Fd => ConstraintKind::Fd,
            ConstraintTag::UserString => ConstraintKind::UserString,
            ConstraintTag::UserPath => ConstraintKind::UserPath,
            ConstraintTag::UserPtr => ConstraintKind::UserPtr,
            ConstraintTag::Buffer => ConstraintKind::Buffer,
            ConstraintTag::Custom => ConstraintKind::Custom,
            ConstraintTag::Range
            | ConstraintTag::Mask
            | ConstraintTag::Enum
            | ConstraintTag::Exclude
            | ConstraintTag::Alignment
            | ConstraintTag::NoWrap => return None,
        })
    }
}

/// One constraint of a parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Constraint {
    /// Kind and values.
    #[serde(flatten)]
    pub kind: ConstraintKind,
    /// Where the constraint type was given.
    #[serde(skip)]
    pub loc: Loc,
}

/// One parameter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Param {
    /// Name, as in `SYSCALL_DEFINE`.
    pub name: String,
    /// Description (`@name:` line).
    pub description: String,
    /// `KAPI_TYPE_*`, when `param-type` gave one.
    pub kapi_type: Option<KapiType>,
    /// C type, from `param-ctype` or a `param-type` that is a C type.
    pub c_type: Option<Text>,
    /// `param-flags`.
    pub flags: Vec<ParamFlag>,
    /// Constraints, in order.
    pub constraints: Vec<Constraint>,
    /// `param-constraint`: free-text description of the constraints.
    pub constraint_text: Option<String>,
    /// `param-errno`: errno names the kernel must fail with when a constraint is broken.
    pub errnos: Vec<Text>,
    /// `param-size`: fixed buffer size.
    pub size: Option<Text>,
    /// `param-size-param`: the parameter that gives the buffer size.
    pub size_param: Option<Text>,
    /// Where the parameter was declared.
    #[serde(skip)]
    pub loc: Loc,
    /// Where its `param-type` value is (unknown when none was given).
    #[serde(skip)]
    pub type_loc: Loc,
}

/// The return value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReturnSpec {
    /// `return-type` as a `KAPI_TYPE_*`.
    pub kapi_type: Option<KapiType>,
    /// `return-ctype`, or a `return-type` that is a C type.
    pub c_type: Option<Text>,
    /// `return-check-type`.
    pub check: Option<ReturnCheckKind>,
    /// `return-success`.
    pub success: Option<Text>,
    /// `return-success-range`.
    pub success_range: Option<(Text, Text)>,
    /// `return-value-when`: a parameter and its values that make any return a value.
    pub value_when: Option<(Text, Vec<Text>)>,
    /// Where `return-check-type` was given.
    #[serde(skip)]
    pub loc: Loc,
}

impl ReturnSpec {
    /// Whether nothing was given.
    pub fn is_empty(&self) -> bool {
        self.kapi_type.is_none()
            && self.c_type.is_none()
            && self.check.is_none()
            && self.success.is_none()
            && self.success_range.is_none()
            && self.value_when.is_none()
    }
}

/// A declared error return (`error-code`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorCode {
    /// The errno name (`EINVAL`).
    pub name: Text,
    /// When it happens (short).
    pub condition: String,
    /// Description.
    pub description: String,
    /// Where it was declared.
    #[serde(skip)]
    pub loc: Loc,
}

/// Declares a documentation record: a struct whose head fields are set by the `<prefix>:`
/// line and whose optional text fields are each set by one `<prefix>-<suffix>` key.
macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident, $prefix:literal {
            heads { $($(#[$hmeta:meta])* $head:ident,)* }
            keys { $($(#[$fmeta:meta])* $field:ident = $suffix:literal,)* }
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
        pub struct $name {
            $($(#[$hmeta])* pub $head: String,)*
            $($(#[$fmeta])* #[serde(skip_serializing_if = "Option::is_none")] pub $field: Option<String>,)*
            /// Where it was declared.
            #[serde(skip)]
            pub loc: Loc,
        }

        impl $name {
            /// The sub-keys (`<prefix>-<suffix>`), in writing order.
            pub const KEYS: &'static [&'static str] = &[$(concat!($prefix, "-", $suffix),)*];

            /// The field a sub-key sets.
            pub fn field_mut(&mut self, key: &str) -> Option<&mut Option<String>> {
                match key {
                    $(concat!($prefix, "-", $suffix) => Some(&mut self.$field),)*
                    _ => None,
                }
            }

            /// The sub-keys that are set, with their values, in writing order.
            pub fn fields(&self) -> Vec<(&'static str, &str)> {
                let mut v = Vec::new();
                $(
                    if let Some(x) = &self.$field {
                        v.push((concat!($prefix, "-", $suffix), x.as_str()));
                    }
                )*
                v
            }
        }
    };
}

record! {
    /// A lock the call takes (`lock: <name>, <type>`).
    Lock, "lock" {
        heads {
            /// Lock name.
            name,
            /// `KAPI_LOCK_*` type.
            lock_type,
        }
        keys {
            /// Whether the call acquires it.
            acquired = "acquired",
            /// Whether the call releases it.
            released = "released",
            /// Whether it must be held on entry.
            held_entry = "held-entry",
            /// Whether it is held on exit.
            held_exit = "held-exit",
            /// Description.
            desc = "desc",
        }
    }
}

record! {
    /// A signal the call handles or sends (`signal: <name>`).
    Signal, "signal" {
        heads {
            /// Signal name.
            name,
        }
        keys {
            /// Signal number or `SIG*` name.
            number = "number",
            /// `KAPI_SIGNAL_*` direction.
            direction = "direction",
            /// `KAPI_SIGNAL_ACTION_*`.
            action = "action",
            /// Target.
            target = "target",
            /// Condition.
            condition = "condition",
            /// Description.
            desc = "desc",
            /// Errno returned on the signal.
            error = "error",
            /// Timing.
            timing = "timing",
            /// Priority.
            priority = "priority",
            /// Whether the call is interruptible by it.
            interruptible = "interruptible",
            /// Whether the call is restartable.
            restartable = "restartable",
            /// Required task state.
            state_req = "state-req",
            /// Forbidden task state.
            state_forbid = "state-forbid",
            /// Required `sa_flags`.
            sa_flags_req = "sa-flags-req",
            /// Forbidden `sa_flags`.
            sa_flags_forbid = "sa-flags-forbid",
            /// Signal it is transformed to.
            transform = "transform",
            /// Queueing behaviour.
            queue = "queue",
        }
    }
}

record! {
    /// A capability that changes the call's behaviour (`capability: <CAP>, <action>, <name>`).
    Capability, "capability" {
        heads {
            /// `CAP_*`.
            cap,
            /// `KAPI_CAP_*` action.
            action,
            /// Display name.
            display_name,
        }
        keys {
            /// What it allows.
            allows = "allows",
            /// What happens without it.
            without = "without",
            /// When it is checked.
            condition = "condition",
            /// Priority.
            priority = "priority",
            /// Alternative capabilities.
            alternative = "alternative",
        }
    }
}

/// A side effect (`side-effect: <types>, <target>, <desc>[, reversible=yes][, condition=...]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SideEffect {
    /// `KAPI_EFFECT_*` types.
    pub types: Vec<EffectType>,
    /// What is affected.
    pub target: String,
    /// Description.
    pub description: String,
    /// When it happens.
    pub condition: Option<String>,
    /// Whether it can be undone.
    pub reversible: bool,
    /// Where it was declared.
    #[serde(skip)]
    pub loc: Loc,
}

/// A state transition (`state-trans: <object>, <from>, <to>, <desc>`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StateTrans {
    /// The object.
    pub object: String,
    /// State before.
    pub from: String,
    /// State after.
    pub to: String,
    /// Description.
    pub description: String,
    /// `state-trans-cond`.
    pub condition: Option<String>,
    /// Where it was declared.
    #[serde(skip)]
    pub loc: Loc,
}

/// A free-text constraint (`constraint: <name>, <text>`, `constraint-expr: <name>, <expr>`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FreeConstraint {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Formula (free text).
    pub expr: Option<String>,
    /// Where it was declared.
    #[serde(skip)]
    pub loc: Loc,
}

/// One system call's specification.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Spec {
    /// Name without `sys_`.
    pub name: String,
    /// One-line summary.
    pub summary: String,
    /// Parameters, in argument order.
    pub params: Vec<Param>,
    /// Free-text description (before the first annotation).
    pub description: String,
    /// `long-desc`.
    pub long_desc: Option<String>,
    /// `context-flags`.
    pub context_flags: Vec<ContextFlag>,
    /// `since-version`.
    pub since_version: Option<String>,
    /// Return value.
    pub ret: ReturnSpec,
    /// Declared errors.
    pub errors: Vec<ErrorCode>,
    /// Signals.
    pub signals: Vec<Signal>,
    /// Side effects.
    pub side_effects: Vec<SideEffect>,
    /// State transitions.
    pub state_transitions: Vec<StateTrans>,
    /// Locks.
    pub locks: Vec<Lock>,
    /// Capabilities.
    pub capabilities: Vec<Capability>,
    /// Free-text constraints.
    pub constraints: Vec<FreeConstraint>,
    /// `examples`.
    pub examples: Option<String>,
    /// `notes`.
    pub notes: Option<String>,
    /// The valid call the generated tests start from (`test-arg`, `test-skip`, `test-nofuzz`).
    pub tests: TestSetup,
    /// The kerneldoc `Context:` section.
    pub context_section: Option<String>,
    /// The kerneldoc `Return:` section (the macro form's return description).
    pub return_section: Option<String>,
    /// Where the spec starts.
    #[serde(skip)]
    pub loc: Loc,
}

/// The valid call the generated tests (`kapi cases`) start from: one argument recipe per
/// parameter (`test-arg: start, map:1`), or why there is none (`test-skip`), and why the call is
/// not fuzzed (`test-nofuzz`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TestSetup {
    /// `test-arg`, in spec order.
    pub args: Vec<TestArg>,
    /// `test-skip`: why no calls are generated.
    pub skip: Option<Text>,
    /// `test-nofuzz`: why the syscall is not fuzzed.
    pub nofuzz: Option<Text>,
    /// `test-class`: the errnos arguments of other kinds give.
    pub classes: Vec<TestClass>,
    /// `test-fixed`: parameters the fuzzer leaves at their valid argument, and why.
    pub fixed: Vec<TestArg>,
}

/// One `test-class: PARAM, KIND [KIND ...], ERRNO[|ERRNO ...]`: a call whose `PARAM` is an
/// argument of one of these kinds (`fd:dir`, `path:missing`, ...) instead of the valid one must
/// fail with one of these errnos.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TestClass {
    /// The parameter.
    pub param: Text,
    /// The recipes (argument kinds).
    pub kinds: Vec<Text>,
    /// The errnos.
    pub errnos: Vec<Text>,
}

/// One `test-arg: PARAM, RECIPE` (or `test-fixed: PARAM, REASON`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TestArg {
    /// The parameter.
    pub param: Text,
    /// Its recipe (`crate::parse::recipe`).
    pub recipe: Text,
}

impl Spec {
    /// Index of the parameter called `name`.
    pub fn param_index(&self, name: &str) -> Option<usize> {
        self.params.iter().position(|p| p.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraint_tags_parse_their_names() {
        for &t in ConstraintTag::ALL {
            assert_eq!(ConstraintTag::parse(t.short()), Some(t));
            assert_eq!(ConstraintTag::parse(&t.upper()), Some(t));
            assert_eq!(ConstraintTag::parse(&t.kapi_name()), Some(t));
            assert_eq!(t.is_checked(), t.runtime().is_some());
        }
        assert_eq!(
            ConstraintTag::NonZero.kapi_name(),
            "KAPI_CONSTRAINT_NONZERO"
        );
        assert_eq!(ConstraintTag::parse("Range"), None);
        assert_eq!(ConstraintTag::parse("KAPI_CONSTRAINT_range"), None);
    }
}
