// SPDX-License-Identifier: GPL-2.0

//! Width and signedness of the C types syscall parameters are declared with.

use kapi_checker::ArgType;

use crate::model::KapiType;
use crate::resolve::ksrc::Arch;

/// Normalises a C type: drops qualifiers (`const`, `volatile`, `__user`, ...) and collapses
/// whitespace, keeping `*` and `[]`.
pub fn normalize(ctype: &str) -> String {
    let spaced = ctype.replace('*', " * ");
    spaced
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "const"
                    | "volatile"
                    | "__user"
                    | "__force"
                    | "restrict"
                    | "__restrict"
                    | "__kernel"
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a C type is a pointer or array.
pub fn is_pointer(ctype: &str) -> bool {
    ctype.contains('*') || ctype.contains('[')
}

/// Width and signedness of a C type on `arch`, if it is known.
pub fn width(ctype: &str, arch: &Arch) -> Option<ArgType> {
    let long = arch.long_bits;
    if is_pointer(ctype) {
        return Some(ArgType::new(long, false));
    }
    let t = normalize(ctype);
    let (bits, signed) = match t.as_str() {
        "char" | "signed char" | "s8" | "__s8" | "int8_t" => (8, true),
        "unsigned char" | "u8" | "__u8" | "uint8_t" | "bool" | "_Bool" => (8, false),
        "short" | "short int" | "signed short" | "s16" | "__s16" | "int16_t" => (16, true),
        "unsigned short" | "unsigned short int" | "u16" | "__u16" | "uint16_t" | "umode_t" => {
            (16, false)
        }
        "int" | "signed" | "signed int" | "s32" | "__s32" | "int32_t" | "pid_t"
        | "__kernel_pid_t" | "key_serial_t" | "clockid_t" | "__kernel_clockid_t" | "timer_t"
        | "__kernel_timer_t" | "rwf_t" | "mqd_t" | "__kernel_mqd_t" | "key_t"
        | "__kernel_key_t" => (32, true),
        "unsigned" | "unsigned int" | "u32" | "__u32" | "uint32_t" | "uid_t" | "gid_t"
        | "qid_t" | "__kernel_uid32_t" | "__kernel_gid32_t" | "__kernel_uid_t"
        | "__kernel_gid_t" | "mode_t" | "__kernel_mode_t" | "dev_t" | "fmode_t" => (32, false),
        "long long" | "long long int" | "signed long long" | "s64" | "__s64" | "int64_t"
        | "loff_t" | "__kernel_loff_t" => (64, true),
        "unsigned long long"
        | "unsigned long long int"
        | "u64"
        | "__u64"
        | "uint64_t"
        | "__aligned_u64" => (64, false),
        "long"
        | "long int"
        | "signed long"
        | "ssize_t"
        | "__kernel_ssize_t"
        | "off_t"
        | "__kernel_off_t"
        | "__kernel_long_t"
        | "time_t"
        | "__kernel_time_t"
        | "__kernel_old_time_t"
        | "clock_t"
        | "__kernel_clock_t"
        | "intptr_t" => (long, true),
        "unsigned long" | "unsigned long int" | "size_t" | "__kernel_size_t"
        | "__kernel_ulong_t" | "uintptr_t" | "aio_context_t" => (long, false),
        _ => return None,
    };
    Some(ArgType::new(bits, signed))
}

/// A width and signedness in words: `64-bit unsigned`.
pub fn describe(t: ArgType) -> String {
    format!(
        "{}-bit {}",
        t.bits,
        if t.signed { "signed" } else { "unsigned" }
    )
}

/// The C type a `KAPI_TYPE_*` stands for when no C type is given.
pub fn default_ctype(t: KapiType) -> Option<&'static str> {
    Some(match t {
        KapiType::Int | KapiType::Fd | KapiType::Enum => "int",
        KapiType::Uint => "unsigned long",
        KapiType::Ptr | KapiType::Struct | KapiType::Union | KapiType::Array => "void *",
        KapiType::UserPtr => "void __user *",
        KapiType::Path => "const char __user *",
        KapiType::FuncPtr => "void (*)(void)",
        KapiType::Void | KapiType::Custom => return None,
    })
}

/// The `KAPI_TYPE_*` a C type stands for.
pub fn kapi_type_of(ctype: &str, arch: &Arch) -> Option<KapiType> {
    if is_pointer(ctype) {
        return Some(if ctype.contains("__user") {
            KapiType::UserPtr
        } else {
            KapiType::Ptr
        });
    }
    width(ctype, arch).map(|w| {
        if w.signed {
            KapiType::Int
        } else {
            KapiType::Uint
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::ksrc::X86_64;

    #[test]
    fn widths() {
        let w = |t| width(t, &X86_64).map(|w| (w.bits, w.signed));
        assert_eq!(w("int"), Some((32, true)));
        assert_eq!(w("size_t"), Some((64, false)));
        assert_eq!(w("unsigned long"), Some((64, false)));
        assert_eq!(w("const   unsigned  int"), Some((32, false)));
        assert_eq!(w("const char __user *"), Some((64, false)));
        assert_eq!(w("struct foo __user *"), Some((64, false)));
        assert_eq!(w("umode_t"), Some((16, false)));
        assert_eq!(w("struct foo"), None);
        assert_eq!(w("frobnicator_t"), None);
        assert_eq!(
            kapi_type_of("const char __user *", &X86_64),
            Some(KapiType::UserPtr)
        );
        assert_eq!(kapi_type_of("int", &X86_64), Some(KapiType::Int));
    }
}
