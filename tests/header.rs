//! `include/mslogon.h` is generated from this crate's sources by cbindgen,
//! then post-processed here. The test fails when the checked-in header is
//! stale; `MSLOGON_UPDATE_HEADER=1 cargo test --test header` rewrites it.

use std::path::Path;

const CC_MACRO: &str = "MSLOGON_STDMETHODCALLTYPE";
/// The one function-pointer type that is `__cdecl`: `MSPROVIDERINIT`.
const INIT_CC_MACRO: &str = "MSLOGON_STDMAPIINITCALLTYPE";

fn generate() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let config =
        cbindgen::Config::from_file(Path::new(root).join("cbindgen.toml")).expect("cbindgen.toml");
    let mut out = Vec::new();
    cbindgen::Builder::new()
        .with_crate(root)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut out);
    let raw = String::from_utf8(out).expect("UTF-8 header");
    let text = add_calling_convention(&raw);
    let text = ulong_ptr_is_uintptr_t(&text);
    let text = add_forward_declarations(&text);
    let text = hex_constants(&text);
    add_call_macros(&text)
}

/// cbindgen drops `extern "system"` from function-pointer types; every
/// function pointer in this API is STDMETHODCALLTYPE but `MSPROVIDERINIT`
/// (`__cdecl`), so mark them all: `R (*Name)(` becomes
/// `R (MSLOGON_STDMETHODCALLTYPE *Name)(`, and the wrapped parameter lines
/// that follow are re-aligned.
fn add_calling_convention(text: &str) -> String {
    let pad = " ".repeat(CC_MACRO.len() + 1);
    let mut out = String::with_capacity(text.len() + 8192);
    let mut continuing = false;
    for line in text.lines() {
        if continuing {
            out.push_str(&pad);
        }
        match fn_pointer_star(line) {
            Some(i) => {
                out.push_str(&line[..i]);
                out.push_str(if line[i..].starts_with("*MSLogon_MSPROVIDERINIT)") {
                    INIT_CC_MACRO
                } else {
                    CC_MACRO
                });
                out.push(' ');
                out.push_str(&line[i..]);
                continuing = !line.ends_with(';');
            }
            None => {
                out.push_str(line);
                continuing = continuing && !line.ends_with(';');
            }
        }
        out.push('\n');
    }
    out
}

/// `ULONG_PTR` is `usize` in Rust, which cbindgen (`usize_is_size_t`)
/// writes as `size_t`; it is Windows' pointer-sized integer, so the header
/// says `uintptr_t` (SPEC-objects.md, "Widths"). `size_t` stays for
/// `IMalloc`'s `SIZE_T`.
fn ulong_ptr_is_uintptr_t(text: &str) -> String {
    const FROM: &str = "typedef size_t MSLogon_ULONG_PTR;";
    assert!(text.contains(FROM), "cbindgen no longer emits `{FROM}`");
    text.replace(FROM, "typedef uintptr_t MSLogon_ULONG_PTR;")
}

/// Byte index of the `*` in `(*Name)(`, if `line` declares a function
/// pointer.
fn fn_pointer_star(line: &str) -> Option<usize> {
    let i = line.find("(*")?;
    let after = &line[i + 2..];
    let name_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(after.len());
    (name_len > 0 && after[name_len..].starts_with(")(")).then_some(i + 1)
}

/// cbindgen writes integer constants in decimal, some without a type;
/// MAPI's headers (and people comparing against them) use hex.
/// `#define MSLogon_X (T)2147500037u` becomes
/// `#define MSLogon_X ((T)0x80004005u)`.
fn hex_constants(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(&hex_constant(line).unwrap_or_else(|| line.to_string()));
        out.push('\n');
    }
    out
}

fn hex_constant(line: &str) -> Option<String> {
    let rest = line.strip_prefix("#define MSLogon_")?;
    let (name, value) = rest.split_once(' ')?;
    let (cast, number) = match value.strip_prefix('(') {
        Some(v) => {
            let (ty, n) = v.split_once(')')?;
            (Some(ty), n)
        }
        None => (None, value),
    };
    let (digits, suffix) = match number.strip_suffix('u') {
        Some(d) => (d, "u"),
        None => (number, ""),
    };
    let n: u64 = digits.parse().ok()?;
    let hex = if n > 9 {
        format!("0x{n:08X}{suffix}")
    } else {
        format!("{n}{suffix}")
    };
    Some(match cast {
        Some(ty) => format!("#define MSLogon_{name} (({ty}){hex})"),
        None => format!("#define MSLogon_{name} {hex}"),
    })
}

/// File-scope `struct MSLogon_X;` declarations for every structure, so a
/// vtable may name its interface (`struct MSLogon_IMSLogon *This`) before
/// the interface struct is defined: without them, C would scope the tag to
/// the parameter list.
fn add_forward_declarations(text: &str) -> String {
    let open = "typedef struct MSLogon_";
    let mut decls = String::from("/* Forward declarations of every structure. */\n");
    for part in text.split(open).skip(1) {
        let name = &part[..part.find([' ', '{']).unwrap()];
        if part[name.len()..].starts_with(" {") {
            decls.push_str(&format!("struct MSLogon_{name};\n"));
        }
    }
    let first = text.find("\n/**").expect("a documented item");
    format!("{}\n{}{}", &text[..first], decls, &text[first..])
}

/// One `MSLogon_<Interface>_<Method>(This, args...)` macro per vtable slot,
/// like MinGW's COBJMACROS, derived from the vtable structs in `text`.
fn add_call_macros(text: &str) -> String {
    let mut macros = String::from(
        "/* COBJMACROS-style helpers: MSLogon_<Interface>_<Method>(This, ...)\n \
         * calls This->lpVtbl-><Method>(This, ...). */\n",
    );
    let mut count = 0;
    let mut rest = text;
    let open = "typedef struct MSLogon_";
    while let Some(start) = rest.find(open) {
        let decl = &rest[start + open.len()..];
        let name_end = decl.find([' ', '{']).unwrap();
        let name = &decl[..name_end];
        let body_end = decl.find("\n}").unwrap();
        let body = &decl[..body_end];
        rest = &decl[body_end..];
        let Some(iface) = name.strip_suffix("Vtbl") else {
            continue;
        };
        for slot in body.split(&format!("({CC_MACRO} *")).skip(1) {
            let method = &slot[..slot.find(')').unwrap()];
            let params = &slot[slot.find(")(").unwrap() + 2..slot.find(");").unwrap()];
            let names: Vec<&str> = params
                .split(',')
                .map(|p| p.trim().rsplit([' ', '*']).next().unwrap())
                .collect();
            let args = names.join(", ");
            let call = std::iter::once("(This)".to_string())
                .chain(names[1..].iter().map(|n| format!("({n})")))
                .collect::<Vec<_>>()
                .join(", ");
            macros.push_str(&format!(
                "#define MSLogon_{iface}_{method}({args}) \\\n  ((This)->lpVtbl->{method}({call}))\n"
            ));
            count += 1;
        }
        macros.push('\n');
    }
    assert!(count > 0, "no vtable slots found in cbindgen output");
    let guard_end = text
        .rfind("#endif  /* MSLOGON_H */")
        .expect("include guard");
    format!("{}{}{}", &text[..guard_end], macros, &text[guard_end..])
}

#[test]
fn checked_in_header_is_current() {
    let generated = generate();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("include/mslogon.h");
    if std::env::var_os("MSLOGON_UPDATE_HEADER").is_some() {
        std::fs::write(&path, &generated).expect("write include/mslogon.h");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "include/mslogon.h is stale: regenerate it with \
         `MSLOGON_UPDATE_HEADER=1 cargo test --test header` and commit it"
    );
}

#[test]
fn every_function_pointer_carries_the_calling_convention() {
    let header = generate();
    assert!(
        !header.contains("(*"),
        "a function pointer lacks {CC_MACRO}"
    );
    // IMSLogon has ten slots, Logoff the fifth.
    let vtbl = &header[header.find("typedef struct MSLogon_IMSLogonVtbl").unwrap()..];
    let vtbl = &vtbl[..vtbl.find("} MSLogon_IMSLogonVtbl;").unwrap()];
    let slots: Vec<&str> = vtbl
        .split(&format!("({CC_MACRO} *"))
        .skip(1)
        .map(|s| &s[..s.find(')').unwrap()])
        .collect();
    assert_eq!(
        slots,
        [
            "QueryInterface",
            "AddRef",
            "Release",
            "GetLastError",
            "Logoff",
            "OpenEntry",
            "CompareEntryIDs",
            "Advise",
            "Unadvise",
            "OpenStatusEntry"
        ]
    );
}

#[test]
fn pointer_sized_parameters_are_uintptr_t() {
    let header = generate();
    assert!(header.contains("typedef uintptr_t MSLogon_ULONG_PTR;"));
    assert!(header.contains("typedef MSLogon_ULONG_PTR MSLogon_BOOKMARK;"));
    // IMalloc's SIZE_T stays size_t.
    assert!(header.contains("size_t cb"));
    let vtbl = &header[header
        .find("typedef struct MSLogon_IMAPITableVtbl")
        .unwrap()..];
    let vtbl = &vtbl[..vtbl.find("} MSLogon_IMAPITableVtbl;").unwrap()];
    assert!(vtbl.contains("MSLogon_ULONG_PTR *lpulConnection"));
    assert!(vtbl.contains("MSLogon_BOOKMARK *lpbkPosition"));
}
