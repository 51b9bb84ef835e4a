#!/usr/bin/env python3
"""Generates layout_check.c and layout_check_sig.cpp from the vtable slot
names and constants in include/mslogon.h (so every slot and every MAPI
constant is covered).

    python3 c-tests/windows/gen.py include/mslogon.h [OUT_DIR]

writes OUT_DIR/layout_check.c and OUT_DIR/layout_check_sig.cpp (OUT_DIR
defaults to /tmp); pass c-tests/windows to update the checked-in copies.
CTest windows_layout_generated fails when they differ from its output."""
import os, re, sys

hdr = open(sys.argv[1]).read()
out_dir = sys.argv[2] if len(sys.argv) > 2 else "/tmp"
# MSLogon_ constants of mslogon's own, with no MinGW macro to compare with.
OWN_CONSTANTS = {"DEFAULT_STORE", "LOGON_FLAGS", "STORE_LOGOFF_FLAGS",
                 "VERSION_MAJOR", "VERSION_MINOR", "VERSION_PATCH"}

def slots(vt):
    body = hdr[hdr.index(f"typedef struct MSLogon_{vt} {{"):]
    body = body[:body.index(f"}} MSLogon_{vt};")]
    return re.findall(r"\(MSLOGON_STDMETHODCALLTYPE \*(\w+)\)", body)

VTBLS = ["IUnknownVtbl", "IMSLogonVtbl", "IMAPISupportVtbl", "IMAPIAdviseSinkVtbl",
         "IMSProviderVtbl", "IMsgStoreVtbl", "IMallocVtbl"]
# MinGW names for our structs (left: ours without prefix, right: mingw's).
STRUCTS = {
    "GUID": ("GUID", ["Data1"]),  # field names differ: size/align only
    "ENTRYID": ("ENTRYID", ["abFlags", "ab"]),
    "MAPIERROR": ("MAPIERROR", ["ulVersion", "lpszError", "lpszComponent", "ulLowLevelError", "ulContext"]),
    "FILETIME": ("FILETIME", ["dwLowDateTime", "dwHighDateTime"]),
    "CURRENCY": ("CURRENCY", ["int64"]),
    "LARGE_INTEGER": ("LARGE_INTEGER", ["QuadPart"]),
    "MAPIUID": ("MAPIUID", ["ab"]),
    "SBinary": ("SBinary", ["cb", "lpb"]),
    "SShortArray": ("SShortArray", ["cValues", "lpi"]),
    "SLongArray": ("SLongArray", ["cValues", "lpl"]),
    "SRealArray": ("SRealArray", ["cValues", "lpflt"]),
    "SDoubleArray": ("SDoubleArray", ["cValues", "lpdbl"]),
    "SCurrencyArray": ("SCurrencyArray", ["cValues", "lpcur"]),
    "SAppTimeArray": ("SAppTimeArray", ["cValues", "lpat"]),
    "SDateTimeArray": ("SDateTimeArray", ["cValues", "lpft"]),
    "SBinaryArray": ("SBinaryArray", ["cValues", "lpbin"]),
    "SLPSTRArray": ("SLPSTRArray", ["cValues", "lppszA"]),
    "SWStringArray": ("SWStringArray", ["cValues", "lppszW"]),
    "SGuidArray": ("SGuidArray", ["cValues", "lpguid"]),
    "SLargeIntegerArray": ("SLargeIntegerArray", ["cValues", "lpli"]),
    "PV": ("union _PV", ["i", "l", "ul", "flt", "dbl", "b", "cur", "at", "ft", "lpszA", "bin",
                         "lpszW", "lpguid", "li", "MVi", "MVl", "MVflt", "MVdbl", "MVcur", "MVat",
                         "MVft", "MVbin", "MVszA", "MVszW", "MVguid", "MVli", "err", "x"]),
    "SPropValue": ("SPropValue", ["ulPropTag", "dwAlignPad", "Value"]),
    "SPropTagArray": ("SPropTagArray", ["cValues", "aulPropTag"]),
    "SPropProblem": ("SPropProblem", ["ulIndex", "ulPropTag", "scode"]),
    "SPropProblemArray": ("SPropProblemArray", ["cProblem", "aProblem"]),
    "IUnknown": ("IUnknown", ["lpVtbl"]),
    "IMSLogon": ("IMSLogon", ["lpVtbl"]),
    "IMAPISupport": ("IMAPISupport", ["lpVtbl"]),
    "IMAPIAdviseSink": ("IMAPIAdviseSink", ["lpVtbl"]),
    "IMSProvider": ("IMSProvider", ["lpVtbl"]),
    "IMsgStore": ("IMsgStore", ["lpVtbl"]),
    "IMalloc": ("IMalloc", ["lpVtbl"]),
}
SCALARS = {"ULONG": "ULONG", "HRESULT": "HRESULT", "SCODE": "SCODE", "BYTE": "BYTE",
           "LONG": "LONG", "DWORD": "DWORD", "WCHAR": "WCHAR", "IID": "IID"}
consts = re.findall(r"^#define MSLogon_(\w+) (?:\(\(|\d)", hdr, re.M)
consts += re.findall(r"^#define MSLogon_(\w+) MSLogon_\w+$", hdr, re.M)
consts = [c for c in consts if c not in OWN_CONSTANTS]

PRE = """/* layout_check.c: include/mslogon.h against the genuine MinGW-w64 MAPI
 * headers. Compile-time only; build with both
 *   x86_64-w64-mingw32-gcc -std=c11 -Wall -Wextra -Werror -Iinclude -c layout_check.c -o /dev/null
 *   i686-w64-mingw32-gcc   -std=c11 -Wall -Wextra -Werror -Iinclude -c layout_check.c -o /dev/null
 * Checks: every vtable slot's offset and each vtable's size, the size,
 * alignment and field offsets/sizes of every modelled structure (and every
 * member of the SPropValue union), scalar type sizes, and the value and size
 * of every MSLogon_ constant against MinGW's macro of the same name.
 * Needs a header in which cbindgen exported MSLogon_IMSProvider,
 * MSLogon_IMsgStore, MSLogon_IMalloc and MSLogon_MAPIUID (reachable from an
 * exported function, or listed in cbindgen.toml's [export] include). */
#include <windows.h>
#include <objidl.h>
#include <mapidefs.h>
#include <mapicode.h>
#include <mapispi.h>
#include <mapitags.h>
#include <stddef.h>

#include "mslogon.h"

#define CHECK(cond, what) _Static_assert(cond, what)
#define FIELD_SIZE(T, f) sizeof(((T *)0)->f)
/* Same offset and size of field f in ours (A) and MinGW's (B). */
#define SAME_FIELD(A, B, f)                                                   \\
  CHECK(offsetof(A, f) == offsetof(B, f), #A "." #f " offset");               \\
  CHECK(FIELD_SIZE(A, f) == FIELD_SIZE(B, f), #A "." #f " size")
/* Same size and alignment. */
#define SAME_TYPE(A, B)                                                       \\
  CHECK(sizeof(A) == sizeof(B), #A " size");                                  \\
  CHECK(_Alignof(A) == _Alignof(B), #A " alignment")
/* Same value and size as MinGW's macro. */
#define SAME_CONST(X)                                                         \\
  CHECK(MSLogon_##X == X, #X " value");                                       \\
  CHECK(sizeof(MSLogon_##X) == sizeof(X), #X " size")

"""
out = [PRE, "/* Scalar types. */\n"]
for ours, theirs in SCALARS.items():
    out.append(f"SAME_TYPE(MSLogon_{ours}, {theirs});\n")
out.append("SAME_TYPE(size_t, SIZE_T);\n\n/* Structures. */\n")
for ours, (theirs, fields) in STRUCTS.items():
    a = f"MSLogon_{ours}"
    out.append(f"SAME_TYPE({a}, {theirs});\n")
    if ours == "GUID":
        continue
    for f in fields:
        out.append(f"SAME_FIELD({a}, {theirs}, {f});\n")
    out.append("\n")
out.append("/* Vtables: every slot at the same offset, same number of slots. */\n")
for vt in VTBLS:
    names = slots(vt)
    out.append(f"/* {vt}: {len(names)} slots. */\n")
    out.append(f"SAME_TYPE(MSLogon_{vt}, {vt});\n")
    out.append(f"CHECK(sizeof(MSLogon_{vt}) == {len(names)} * sizeof(void *), \"{vt} slot count\");\n")
    for i, n in enumerate(names):
        out.append(f"SAME_FIELD(MSLogon_{vt}, {vt}, {n});\n")
        out.append(f"CHECK(offsetof(MSLogon_{vt}, {n}) == {i} * sizeof(void *), \"{vt}.{n} is slot {i}\");\n")
    out.append("\n")
out.append("/* Constants. */\n")
for c in consts:
    out.append(f"SAME_CONST({c});\n")
open(os.path.join(out_dir, "layout_check.c"), "w").write("".join(out))

# C++: parameter-by-parameter signature check.
SIG = """// layout_check_sig.cpp: every vtable slot of include/mslogon.h has the same
// arity, and each parameter (and the return value) the same size and kind
// (pointer/reference, signed or unsigned integer, floating, void), as
// MinGW-w64's C vtable (CINTERFACE). Same header requirement as
// layout_check.c. Build with both
//   x86_64-w64-mingw32-g++ -std=c++11 -Wall -Wextra -Werror -Iinclude -c layout_check_sig.cpp -o /dev/null
//   i686-w64-mingw32-g++   -std=c++11 -Wall -Wextra -Werror -Iinclude -c layout_check_sig.cpp -o /dev/null
#define CINTERFACE
#include <windows.h>
#include <objidl.h>
#include <mapidefs.h>
#include <mapispi.h>

#include <cstddef>
#include <type_traits>

#include "mslogon.h"

template <typename T> constexpr int kind() {
  return std::is_void<T>::value ? 0
       : (std::is_pointer<T>::value || std::is_reference<T>::value) ? 1
       : std::is_floating_point<T>::value ? 2
       : std::is_integral<T>::value ? (std::is_signed<T>::value ? 3 : 4)
       : 5;
}
// A reference parameter (C++'s REFIID) is passed as a pointer.
template <typename T> constexpr std::size_t size_of() {
  return std::is_reference<T>::value ? sizeof(void *) : sizeof(T);
}
template <> constexpr std::size_t size_of<void>() { return 0; }

template <typename... A> struct List {};

template <typename F> struct Sig;
template <typename R, typename... A> struct Sig<R (__stdcall *)(A...)> {
  typedef R Ret;
  typedef List<A...> Args;
};

template <typename L1, typename L2> struct Same;
template <> struct Same<List<>, List<>> { static constexpr bool value = true; };
template <typename A, typename... As> struct Same<List<A, As...>, List<>> { static constexpr bool value = false; };
template <typename B, typename... Bs> struct Same<List<>, List<B, Bs...>> { static constexpr bool value = false; };
template <typename A, typename... As, typename B, typename... Bs>
struct Same<List<A, As...>, List<B, Bs...>> {
  static constexpr bool value = size_of<A>() == size_of<B>() && kind<A>() == kind<B>() &&
                                Same<List<As...>, List<Bs...>>::value;
};

template <typename F1, typename F2> constexpr bool same_sig() {
  typedef Sig<F1> S1;
  typedef Sig<F2> S2;
  return size_of<typename S1::Ret>() == size_of<typename S2::Ret>() &&
         kind<typename S1::Ret>() == kind<typename S2::Ret>() &&
         Same<typename S1::Args, typename S2::Args>::value;
}

#define SAME_SIG(V, m)                                                              \\
  static_assert(same_sig<decltype(MSLogon_##V::m), decltype(V::m)>(), #V "." #m " signature")

"""
out = [SIG]
for vt in VTBLS:
    for n in slots(vt):
        out.append(f"SAME_SIG({vt}, {n});\n")
    out.append("\n")
open(os.path.join(out_dir, "layout_check_sig.cpp"), "w").write("".join(out))
print(len(consts), "constants;", {vt: len(slots(vt)) for vt in VTBLS})
