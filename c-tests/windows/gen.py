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
                 "VERSION_MAJOR", "VERSION_MINOR", "VERSION_PATCH", "SUPPORT_MASK",
                 "OPEN_ENTRY_FLAGS", "RELOAD_THRESHOLD", "SCHEMA_VERSION",
                 "PR_MSLOGON_STORE_PATH_W", "PR_MSLOGON_STORE_PATH_A", "PR_MSLOGON_STORE_PATH"}
# MAPI constants that MinGW-w64's headers lack: checked against Microsoft's
# documented value instead (the Rust doc comment of each says so).
MICROSOFT_ONLY = {
    "SHOW_SOFT_DELETES": "0x00000002",        # edkmdb.h
    "MSGFLAG_ORIGIN_X400": "0x00001000",      # mapidefs.h
    "MSGFLAG_ORIGIN_INTERNET": "0x00002000",  # mapidefs.h
    "MSGFLAG_ORIGIN_MISC_EXT": "0x00008000",  # mapidefs.h
    "PR_HTML": "0x10130102",                  # PROP_TAG(PT_BINARY, 0x1013)
    "STORE_UNICODE_OK": "0x00040000",         # mapidefs.h (PR_STORE_SUPPORT_MASK)
    "MAPI_NO_CACHE": "0x00000200",            # mapidefs.h (OpenEntry)
    "MAPI_CACHE_ONLY": "0x00004000",          # mapidefs.h (OpenEntry)
    "RES_COUNT": "0x0000000B",                # mapidefs.h (SCountRestriction)
    "RES_ANNOTATION": "0x0000000C",           # mapidefs.h (SCommentRestriction)
}
# Constants that are pointer-sized (BOOKMARK = ULONG_PTR) where MinGW's are
# ULONG (SPEC-objects.md, "Widths"): same value, sizeof(ULONG_PTR).
POINTER_SIZED_CONSTANTS = {"BOOKMARK_BEGINNING", "BOOKMARK_CURRENT", "BOOKMARK_END"}

# WIDTHS: the documented exceptions to "same signature as MinGW". Microsoft's
# headers (which Outlook's MAPI is compiled against) declare these
# parameters ULONG_PTR / BOOKMARK (pointer-sized) where MinGW-w64 says ULONG
# (SPEC-objects.md, "Widths"): the signature check expects ULONG_PTR (or
# ULONG_PTR * for an out-parameter) there instead of comparing with MinGW,
# and asserts that MinGW's parameter is the ULONG (ULONG *) this replaces.
# Slot offsets are not affected. Keys: (vtable, slot); values: parameter
# names (as in both headers).
WIDTH_EXCEPTIONS = {
    ("IMSProviderVtbl", "Logon"): ["ulUIParam"],
    ("IMSProviderVtbl", "SpoolerLogon"): ["ulUIParam"],
    ("IMsgStoreVtbl", "CopyTo"): ["ulUIParam"],
    ("IMsgStoreVtbl", "CopyProps"): ["ulUIParam"],
    ("IMAPIPropVtbl", "CopyTo"): ["ulUIParam"],
    ("IMAPIPropVtbl", "CopyProps"): ["ulUIParam"],
    ("IMAPITableVtbl", "Advise"): ["lpulConnection"],
    ("IMAPITableVtbl", "Unadvise"): ["ulConnection"],
    ("IMAPITableVtbl", "SeekRow"): ["bkOrigin"],
    ("IMAPITableVtbl", "FindRow"): ["bkOrigin"],
    ("IMAPITableVtbl", "CreateBookmark"): ["lpbkPosition"],
    ("IMAPITableVtbl", "FreeBookmark"): ["bkPosition"],
    ("IMAPITableVtbl", "SetCollapseState"): ["lpbkLocation"],
    ("IMAPIFolderVtbl", "CopyMessages"): ["ulUIParam"],
    ("IMAPIFolderVtbl", "DeleteMessages"): ["ulUIParam"],
    ("IMAPIFolderVtbl", "CopyFolder"): ["ulUIParam"],
    ("IMAPIFolderVtbl", "DeleteFolder"): ["ulUIParam"],
    ("IMAPIFolderVtbl", "SetReadFlags"): ["ulUIParam"],
    ("IMAPIFolderVtbl", "EmptyFolder"): ["ulUIParam"],
    ("IMessageVtbl", "DeleteAttach"): ["ulUIParam"],
    ("IMAPIStatusVtbl", "ValidateState"): ["ulUIParam"],
    ("IMAPIStatusVtbl", "SettingsDialog"): ["ulUIParam"],
    ("IMAPIStatusVtbl", "FlushQueues"): ["ulUIParam"],
    ("IProviderAdminVtbl", "CreateProvider"): ["ulUIParam"],
}
# The existing interfaces: advise connections and IMAPISupport's UI handles.
WIDTH_EXCEPTIONS.update({
    ("IMSLogonVtbl", "Advise"): ["lpulConnection"],
    ("IMSLogonVtbl", "Unadvise"): ["ulConnection"],
    ("IMsgStoreVtbl", "Advise"): ["lpulConnection"],
    ("IMsgStoreVtbl", "Unadvise"): ["ulConnection"],
    ("IMAPISupportVtbl", "Subscribe"): ["lpulConnection"],
    ("IMAPISupportVtbl", "Unsubscribe"): ["ulConnection"],
    ("IMAPISupportVtbl", "Address"): ["lpulUIParam"],
    ("IMAPISupportVtbl", "Details"): ["lpulUIParam"],
    ("IMAPISupportVtbl", "NewEntry"): ["ulUIParam"],
    ("IMAPISupportVtbl", "DoConfigPropsheet"): ["ulUIParam"],
    ("IMAPISupportVtbl", "CopyMessages"): ["ulUIParam"],
    ("IMAPISupportVtbl", "CopyFolder"): ["ulUIParam"],
    ("IMAPISupportVtbl", "DoCopyTo"): ["ulUIParam"],
    ("IMAPISupportVtbl", "DoCopyProps"): ["ulUIParam"],
    ("IMAPISupportVtbl", "DoProgressDialog"): ["ulUIParam"],
})
# Every interface deriving from IMAPIProp inherits its exceptions.
for _vt in ["IMAPIContainerVtbl", "IMAPIFolderVtbl", "IMessageVtbl", "IAttachVtbl",
            "IMAPIStatusVtbl", "IProfSectVtbl"]:
    WIDTH_EXCEPTIONS[(_vt, "CopyTo")] = ["ulUIParam"]
    WIDTH_EXCEPTIONS[(_vt, "CopyProps")] = ["ulUIParam"]

def vtbl_body(vt):
    body = hdr[hdr.index(f"typedef struct MSLogon_{vt} {{"):]
    return body[:body.index(f"}} MSLogon_{vt};")]

def slots(vt):
    return re.findall(r"\(MSLOGON_STDMETHODCALLTYPE \*(\w+)\)", vtbl_body(vt))

def params(vt, slot):
    """[(type, name)] of one slot's parameters, This first."""
    m = re.search(r"\(MSLOGON_STDMETHODCALLTYPE \*" + slot + r"\)\((.*?)\);",
                  vtbl_body(vt), re.S)
    out = []
    for p in m.group(1).split(","):
        p = " ".join(p.split())
        name = re.search(r"(\w+)$", p).group(1)
        out.append((p[: -len(name)].strip(), name))
    return out

VTBLS = ["IUnknownVtbl", "IMSLogonVtbl", "IMAPISupportVtbl", "IMAPIAdviseSinkVtbl",
         "IMSProviderVtbl", "IMsgStoreVtbl", "IMallocVtbl",
         "IMAPIPropVtbl", "IMAPIContainerVtbl", "IMAPIFolderVtbl", "IMessageVtbl",
         "IAttachVtbl", "IMAPIStatusVtbl", "IMAPITableVtbl", "IStreamVtbl",
         "IProfSectVtbl", "IProviderAdminVtbl"]
# MinGW names for our structs (left: ours without prefix, right: mingw's).
# A field is a name both share, or (ours, MinGW's) for a member that
# Microsoft's headers have and MinGW-w64's lack: checked against the MinGW
# member of the same layout.
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
    "ULARGE_INTEGER": ("ULARGE_INTEGER", ["QuadPart"]),
    "SRow": ("SRow", ["ulAdrEntryPad", "cValues", "lpProps"]),
    "SRowSet": ("SRowSet", ["cRows", "aRow"]),
    "ADRENTRY": ("ADRENTRY", ["ulReserved1", "cValues", "rgPropVals"]),
    "ADRLIST": ("ADRLIST", ["cEntries", "aEntries"]),
    # MinGW's union is anonymous: its members are checked through Kind.
    "MAPINAMEID_Kind": ("__typeof__(((MAPINAMEID *)0)->Kind)", []),
    "MAPINAMEID": ("MAPINAMEID", ["lpguid", "ulKind", "Kind", "Kind.lID", "Kind.lpwstrName"]),
    "ENTRYLIST": ("ENTRYLIST", ["cValues", "lpbin"]),
    "SSortOrder": ("SSortOrder", ["ulPropTag", "ulOrder"]),
    "SSortOrderSet": ("SSortOrderSet", ["cSorts", "cCategories", "cExpanded", "aSort"]),
    "STATSTG": ("STATSTG", ["pwcsName", "type", "cbSize", "mtime", "ctime", "atime", "grfMode",
                            "grfLocksSupported", "clsid", "grfStateBits", "reserved"]),
    "IMAPIProp": ("IMAPIProp", ["lpVtbl"]),
    "IMAPIContainer": ("IMAPIContainer", ["lpVtbl"]),
    "IMAPIFolder": ("IMAPIFolder", ["lpVtbl"]),
    "IMessage": ("IMessage", ["lpVtbl"]),
    "IAttach": ("IAttach", ["lpVtbl"]),
    "IMAPIStatus": ("IMAPIStatus", ["lpVtbl"]),
    "IMAPITable": ("IMAPITable", ["lpVtbl"]),
    "IStream": ("IStream", ["lpVtbl"]),
    "IProfSect": ("IProfSect", ["lpVtbl"]),
    "IProviderAdmin": ("IProviderAdmin", ["lpVtbl"]),
    # Restrictions (mapidefs.h).
    "SAndRestriction": ("SAndRestriction", ["cRes", "lpRes"]),
    "SOrRestriction": ("SOrRestriction", ["cRes", "lpRes"]),
    "SNotRestriction": ("SNotRestriction", ["ulReserved", "lpRes"]),
    "SContentRestriction": ("SContentRestriction", ["ulFuzzyLevel", "ulPropTag", "lpProp"]),
    "SPropertyRestriction": ("SPropertyRestriction", ["relop", "ulPropTag", "lpProp"]),
    "SComparePropsRestriction": ("SComparePropsRestriction", ["relop", "ulPropTag1", "ulPropTag2"]),
    "SBitMaskRestriction": ("SBitMaskRestriction", ["relBMR", "ulPropTag", "ulMask"]),
    "SSizeRestriction": ("SSizeRestriction", ["relop", "ulPropTag", "cb"]),
    "SExistRestriction": ("SExistRestriction", ["ulReserved1", "ulPropTag", "ulReserved2"]),
    "SSubRestriction": ("SSubRestriction", ["ulSubObject", "lpRes"]),
    "SCommentRestriction": ("SCommentRestriction", ["cValues", "lpRes", "lpProp"]),
    # Microsoft's SCountRestriction (RES_COUNT), which MinGW lacks: the
    # layout of MinGW's SSubRestriction.
    "SCountRestriction": ("SSubRestriction", [("ulCount", "ulSubObject"), "lpRes"]),
    # MinGW's union is anonymous: its members are checked through res.
    "SRestriction_res": ("__typeof__(((SRestriction *)0)->res)", []),
    "SRestriction": ("SRestriction", ["rt", "res", "res.resCompareProps", "res.resAnd", "res.resOr",
                                      "res.resNot", "res.resContent", "res.resProperty",
                                      "res.resBitMask", "res.resSize", "res.resExist", "res.resSub",
                                      "res.resComment",
                                      # Microsoft's members (RES_ANNOTATION, RES_COUNT).
                                      ("res.resAnnotation", "res.resComment"),
                                      ("res.resCount", "res.resSub")]),
    # Notifications (mapidefs.h).
    "ERROR_NOTIFICATION": ("ERROR_NOTIFICATION", ["cbEntryID", "lpEntryID", "scode", "ulFlags",
                                                  "lpMAPIError"]),
    "NEWMAIL_NOTIFICATION": ("NEWMAIL_NOTIFICATION", ["cbEntryID", "lpEntryID", "cbParentID",
                                                      "lpParentID", "ulFlags", "lpszMessageClass",
                                                      "ulMessageFlags"]),
    "OBJECT_NOTIFICATION": ("OBJECT_NOTIFICATION", ["cbEntryID", "lpEntryID", "ulObjType",
                                                    "cbParentID", "lpParentID", "cbOldID", "lpOldID",
                                                    "cbOldParentID", "lpOldParentID",
                                                    "lpPropTagArray"]),
    "TABLE_NOTIFICATION": ("TABLE_NOTIFICATION", ["ulTableEvent", "hResult", "propIndex",
                                                  "propPrior", "row", "ulPad"]),
    "EXTENDED_NOTIFICATION": ("EXTENDED_NOTIFICATION", ["ulEvent", "cb", "pbEventParameters"]),
    "STATUS_OBJECT_NOTIFICATION": ("STATUS_OBJECT_NOTIFICATION", ["cbEntryID", "lpEntryID",
                                                                  "cValues", "lpPropVals"]),
    # MinGW's union is anonymous: its members are checked through info.
    "NOTIFICATION_info": ("__typeof__(((NOTIFICATION *)0)->info)", []),
    "NOTIFICATION": ("NOTIFICATION", ["ulEventType", "ulAlignPad", "info", "info.err",
                                      "info.newmail", "info.obj", "info.tab", "info.ext",
                                      "info.statobj"]),
}
SCALARS = {"ULONG": "ULONG", "HRESULT": "HRESULT", "SCODE": "SCODE", "BYTE": "BYTE",
           "LONG": "LONG", "DWORD": "DWORD", "WCHAR": "WCHAR", "IID": "IID",
           "ULONG_PTR": "ULONG_PTR", "CLSID": "CLSID"}
consts = re.findall(r"^#define MSLogon_(\w+) (?:\(\(|\d)", hdr, re.M)
consts += re.findall(r"^#define MSLogon_(\w+) MSLogon_\w+$", hdr, re.M)
consts = [c for c in consts if c not in OWN_CONSTANTS]
for c in list(MICROSOFT_ONLY) + list(POINTER_SIZED_CONSTANTS):
    assert c in consts, f"{c} is not in the header"

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
/* Field fa of ours (A), which MinGW lacks, where MinGW's (B) has fb, of the
 * same offset and size (a member of Microsoft's headers). */
#define SAME_FIELD_AS(A, B, fa, fb)                                           \\
  CHECK(offsetof(A, fa) == offsetof(B, fb), #A "." #fa " offset");            \\
  CHECK(FIELD_SIZE(A, fa) == FIELD_SIZE(B, fb), #A "." #fa " size")
/* Same size and alignment. */
#define SAME_TYPE(A, B)                                                       \\
  CHECK(sizeof(A) == sizeof(B), #A " size");                                  \\
  CHECK(_Alignof(A) == _Alignof(B), #A " alignment")
/* Same value and size as MinGW's macro. */
#define SAME_CONST(X)                                                         \\
  CHECK(MSLogon_##X == X, #X " value");                                       \\
  CHECK(sizeof(MSLogon_##X) == sizeof(X), #X " size")
/* Same value as MinGW's macro, pointer-sized (Microsoft's BOOKMARK). */
#define SAME_VALUE_POINTER_SIZED(X)                                           \\
  CHECK(MSLogon_##X == X, #X " value");                                       \\
  CHECK(sizeof(MSLogon_##X) == sizeof(ULONG_PTR), #X " size")
/* A constant MinGW lacks: Microsoft's documented value, 32 bits. */
#define MICROSOFT_VALUE(X, v)                                                 \\
  CHECK(MSLogon_##X == (v), #X " value");                                     \\
  CHECK(sizeof(MSLogon_##X) == sizeof(ULONG), #X " size")

"""
out = [PRE, "/* Scalar types. */\n"]
for ours, theirs in SCALARS.items():
    out.append(f"SAME_TYPE(MSLogon_{ours}, {theirs});\n")
out.append("SAME_TYPE(size_t, SIZE_T);\n")
out.append("/* BOOKMARK is ULONG_PTR (Microsoft's width), not MinGW's ULONG. */\n"
           "SAME_TYPE(MSLogon_BOOKMARK, ULONG_PTR);\n\n/* Structures. */\n")
for ours, (theirs, fields) in STRUCTS.items():
    a = f"MSLogon_{ours}"
    out.append(f"SAME_TYPE({a}, {theirs});\n")
    if ours == "GUID":
        continue
    for f in fields:
        if isinstance(f, tuple):
            out.append(f"SAME_FIELD_AS({a}, {theirs}, {f[0]}, {f[1]}); /* not in MinGW-w64 */\n")
        else:
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
    if c in MICROSOFT_ONLY:
        out.append(f"MICROSOFT_VALUE({c}, {MICROSOFT_ONLY[c]}); /* not in MinGW-w64 */\n")
    elif c in POINTER_SIZED_CONSTANTS:
        out.append(f"SAME_VALUE_POINTER_SIZED({c});\n")
    else:
        out.append(f"SAME_CONST({c});\n")
open(os.path.join(out_dir, "layout_check.c"), "w").write("".join(out))

# C++: parameter-by-parameter signature check.
SIG = """// layout_check_sig.cpp: every vtable slot of include/mslogon.h has the same
// arity, and each parameter (and the return value) the same size and kind
// (pointer/reference, signed or unsigned integer, floating, void), as
// MinGW-w64's C vtable (CINTERFACE); a pointer to an integer must point to
// one of the same size and kind. The exceptions are the pointer-sized
// parameters of gen.py's WIDTH_EXCEPTIONS (SPEC-objects.md, "Widths"). Same header requirement as
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
// Pointers: when both point to integers (or to pointers to integers...),
// the pointees must have the same size and kind too, so that an
// out-parameter ULONG * never stands where MAPI passes a ULONG_PTR *.
template <typename A, typename B,
          bool = std::is_pointer<A>::value && std::is_pointer<B>::value>
struct SamePointeeCv {  // both pointers: compare what they point to
  static constexpr bool value =
      SamePointeeCv<typename std::remove_cv<typename std::remove_pointer<A>::type>::type,
                    typename std::remove_cv<typename std::remove_pointer<B>::type>::type>::value;
};
template <typename A, typename B,
          bool = std::is_integral<A>::value && std::is_integral<B>::value>
struct SameInteger {  // both integers
  static constexpr bool value = sizeof(A) == sizeof(B) && kind<A>() == kind<B>();
};
template <typename A, typename B> struct SameInteger<A, B, false> {
  static constexpr bool value = true;
};
template <typename A, typename B> struct SamePointeeCv<A, B, false> {
  static constexpr bool value = SameInteger<A, B>::value;
};
template <typename A, typename B> struct SamePointee {
  static constexpr bool value =
      SamePointeeCv<typename std::remove_cv<A>::type, typename std::remove_cv<B>::type>::value;
};
template <typename A, typename B> constexpr bool same_param() {
  return size_of<A>() == size_of<B>() && kind<A>() == kind<B>() &&
         (!std::is_pointer<A>::value || !std::is_pointer<B>::value ||
          SamePointee<typename std::remove_pointer<A>::type,
                      typename std::remove_pointer<B>::type>::value);
}
template <typename A, typename... As, typename B, typename... Bs>
struct Same<List<A, As...>, List<B, Bs...>> {
  static constexpr bool value = same_param<A, B>() && Same<List<As...>, List<Bs...>>::value;
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

// Widths (SPEC-objects.md): Widen<F, I, T>::type is F with its I-th
// parameter (This is 0) replaced by T, for the parameters that Microsoft's
// headers declare ULONG_PTR / BOOKMARK where MinGW-w64's say ULONG
// (gen.py's WIDTH_EXCEPTIONS); Arg<F, I>::type is F's I-th parameter.
template <typename A, typename L> struct Cons;
template <typename A, typename... B> struct Cons<A, List<B...>> { typedef List<A, B...> type; };
template <typename L, std::size_t I, typename T> struct ReplaceIn;
template <typename A, typename... As, typename T> struct ReplaceIn<List<A, As...>, 0, T> {
  typedef List<T, As...> type;
};
template <typename A, typename... As, std::size_t I, typename T> struct ReplaceIn<List<A, As...>, I, T> {
  typedef typename Cons<A, typename ReplaceIn<List<As...>, I - 1, T>::type>::type type;
};
template <typename L, std::size_t I> struct At;
template <typename A, typename... As> struct At<List<A, As...>, 0> { typedef A type; };
template <typename A, typename... As, std::size_t I> struct At<List<A, As...>, I> {
  typedef typename At<List<As...>, I - 1>::type type;
};
template <typename R, typename L> struct MakeFn;
template <typename R, typename... A> struct MakeFn<R, List<A...>> { typedef R(__stdcall *type)(A...); };
template <typename F, std::size_t I, typename T> struct Widen {
  typedef typename MakeFn<typename Sig<F>::Ret,
                          typename ReplaceIn<typename Sig<F>::Args, I, T>::type>::type type;
};
template <typename F, std::size_t I> struct Arg { typedef typename At<typename Sig<F>::Args, I>::type type; };

// MinGW's parameter I of V::m is `Narrow` and ours is pointer-sized.
#define WIDENED_ARG(V, m, I, Narrow)                                                \\
  static_assert(std::is_same<Arg<decltype(V::m), I>::type, Narrow>::value,           \\
                #V "." #m " parameter " #I " is " #Narrow " in MinGW");               \\
  static_assert(sizeof(std::remove_pointer<Arg<decltype(MSLogon_##V::m), I>::type>::type) == \\
                    sizeof(void *),                                                  \\
                #V "." #m " parameter " #I " is pointer-sized here")

"""
out = [SIG]
used = set()
for vt in VTBLS:
    for n in slots(vt):
        wide = WIDTH_EXCEPTIONS.get((vt, n))
        if not wide:
            out.append(f"SAME_SIG({vt}, {n});\n")
            continue
        used.add((vt, n))
        ps = params(vt, n)
        names = [name for _, name in ps]
        theirs = f"decltype({vt}::{n})"
        notes = []
        for w in wide:
            i = names.index(w)
            ty = ps[i][0]
            assert ty in ("MSLogon_ULONG_PTR", "MSLogon_BOOKMARK", "MSLogon_ULONG_PTR *",
                          "MSLogon_BOOKMARK *"), f"{vt}.{n}.{w} is {ty}"
            ptr = " *" if ty.endswith("*") else ""
            out.append(f"WIDENED_ARG({vt}, {n}, {i}, ULONG{ptr});\n")
            theirs = f"Widen<{theirs}, {i}, ULONG_PTR{ptr}>::type"
            notes.append(f"{w} is ULONG_PTR{ptr}, not ULONG{ptr}")
        out.append(f"// {vt}.{n}: {', '.join(notes)} (Microsoft's width, not MinGW's).\n")
        out.append(f"static_assert(same_sig<decltype(MSLogon_{vt}::{n}), {theirs}>(),\n"
                   f"              \"{vt}.{n} signature (widened)\");\n")
    out.append("\n")
# Entry-point function types (not vtable slots): (ours, MinGW's pointer type,
# the parameters that are ULONG_PTR here and ULONG in MinGW).
FUNCTION_TYPES = [("MSGSERVICEENTRY", "LPMSGSERVICEENTRY", ["ulUIParam"])]
out.append("// Entry-point function types.\n")
for ours, theirs, wide in FUNCTION_TYPES:
    m = re.search(r"\(MSLOGON_STDMETHODCALLTYPE \*MSLogon_" + ours + r"\)\((.*?)\);", hdr, re.S)
    assert m, f"{ours} is not in the header"
    names = [re.search(r"(\w+)$", " ".join(p.split())).group(1) for p in m.group(1).split(",")]
    t = theirs
    for w in wide:
        i = names.index(w)
        out.append(f"static_assert(std::is_same<Arg<{theirs}, {i}>::type, ULONG>::value,\n"
                   f"              \"{ours} parameter {i} is ULONG in MinGW\");\n")
        out.append(f"static_assert(sizeof(Arg<MSLogon_{ours}, {i}>::type) == sizeof(void *),\n"
                   f"              \"{ours} parameter {i} is pointer-sized here\");\n")
        t = f"Widen<{t}, {i}, ULONG_PTR>::type"
    out.append(f"static_assert(same_sig<MSLogon_{ours}, {t}>(), \"{ours} signature\");\n")
unused = set(WIDTH_EXCEPTIONS) - used
assert not unused, f"WIDTH_EXCEPTIONS names slots the header lacks: {sorted(unused)}"
open(os.path.join(out_dir, "layout_check_sig.cpp"), "w").write("".join(out))
print(len(consts), "constants;", {vt: len(slots(vt)) for vt in VTBLS})
