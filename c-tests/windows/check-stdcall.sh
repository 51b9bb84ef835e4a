#!/bin/sh
# Checks the 32-bit calling conventions of mslogon.dll by disassembly (CTest
# windows_stdcall_i686). On i686 Windows the two conventions differ in who
# pops the arguments:
#   __stdcall (STDMETHODCALLTYPE, every vtable method): the callee, with
#             `ret $N`, N = 4 x the number of 32-bit arguments (this included);
#   __cdecl   (MSProviderInit, STDMAPIINITCALLTYPE, and the mslogon_*
#             functions): the caller; the function ends with a plain `ret`.
# ServiceEntry (MSGSERVICEENTRY) is WINAPI, __stdcall: `ret $0x28`.
# A mismatch corrupts the host's stack on the first call, so for each row of
# the table below at least one function whose demangled name matches the
# pattern must exist, and each of them must return the expected way:
#   N > 0: at least one `ret $N` and no `ret $M` with M != N;
#   N = 0: at least one plain `ret` and no `ret $M`.
# In addition every other function of the crate that Rust decorated as
# stdcall (name@N) must return the same way with its N.
# A plain `ret` in a function expected to pop N > 0 bytes is reported but not
# counted: objdump disassembles linearly, and LLVM puts switch jump tables in
# .text right after the function, where a table byte 0xc3 reads as `ret`
# (seen in get_last_error in release builds). A function has one calling
# convention, so all its real returns are the same kind: a __cdecl thunk
# would have no `ret $N` at all, and a wrong argument count a `ret $M`.
#
#   check-stdcall.sh <objdump> <mslogon.dll>
# <objdump> is i686-w64-mingw32-objdump. Needs the DLL's symbol table (cargo
# keeps it in both profiles; a stripped DLL fails this check).
set -eu

if [ "$#" -ne 2 ]; then
  echo "usage: $0 <objdump> <mslogon.dll>" >&2
  exit 2
fi
objdump=$1
dll=$2
[ -f "$dll" ] || { echo "FAIL: $dll does not exist" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# <bytes popped by ret> <what> <demangled-name pattern (awk ERE)>
# A generic Rust function has one instance per type (query_interface: the
# logon, the store and the provider); Rust's legacy demangling prints
# `path@N`, v0 demangling `path::<T>@N`: the patterns accept both.
G='(::<.*>)?(@[0-9]+)?$'
cat >"$tmp/table" <<EOF
0   MSProviderInit(9_args,__cdecl)            ^MSProviderInit$
0   mslogon_provider_init(9_args,__cdecl)     ^mslogon_provider_init$
0   mslogon_create_logon(2_args,__cdecl)      ^mslogon_create_logon$
0   mslogon_live_objects(0_args,__cdecl)      ^mslogon_live_objects$
0   mslogon_service_entry(10_args,__cdecl)    ^mslogon_service_entry$
40  ServiceEntry(10_args,WINAPI)              ^ServiceEntry(@40)?$
12  IUnknown::QueryInterface(this,riid,ppv)   ^mslogon::com::object::query_interface$G
4   IUnknown::AddRef(this)                    ^mslogon::com::object::add_ref$G
4   IUnknown::Release(this)                   ^mslogon::com::object::release$G
8   IMSLogon::Logoff(this,lpulFlags)          ^mslogon::com::logon::logoff$G
16  IMSLogon::GetLastError(this,hr,fl,lpp)    ^mslogon::com::logon::get_last_error$G
52  IMSProvider::Logon(13_args)               ^mslogon::com::provider::logon$G
52  IMSProvider::SpoolerLogon(13_args)        ^mslogon::com::provider::spooler_logon$G
8   IMSProvider::Shutdown(this,lpulFlags)     ^mslogon::com::provider::shutdown$G
8   IMsgStore::StoreLogoff(this,lpulFlags)    ^mslogon::com::store::store_logoff$G
EOF

"$objdump" -d --demangle "$dll" >"$tmp/disasm"

awk -v table="$tmp/table" '
function imm(insn,   s) {
  # "ret" / "repz ret" -> 0, "ret    $0x34" -> 52
  if (insn !~ /\$0x/) return 0
  s = insn; sub(/.*\$0x/, "", s); sub(/[^0-9a-fA-F].*/, "", s)
  return hex(s)
}
function hex(s,   i, v, c) {
  v = 0; s = tolower(s)
  for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)) - 1; v = v * 16 + c }
  return v
}
BEGIN {
  while ((getline line < table) > 0) {
    n = split(line, f, /[ \t]+/)
    if (n < 3) continue
    rows++; want[rows] = f[1] + 0; what[rows] = f[2]; pat[rows] = f[3]
  }
  nfn = 0
}
# A function label: "1003db80 <mslogon::com::logon::logoff@8>:"
/^[0-9a-f]+ <.*>:$/ {
  name = $0; sub(/^[0-9a-f]+ </, "", name); sub(/>:$/, "", name)
  nfn++; fname[nfn] = name; nplain[nfn] = 0; nimm[nfn] = 0; rets[nfn] = ""
  next
}
# An instruction: "addr:<TAB>bytes<TAB>mnemonic operands"
nfn > 0 && /^ *[0-9a-f]+:\t/ {
  k = split($0, p, "\t")
  if (k < 3) next
  insn = p[3]
  if (insn ~ /^(repz? |bnd )?ret[lw]?( |$)/) {
    v = imm(insn)
    if (v == 0) nplain[nfn]++
    else { nimm[nfn]++; rets[nfn] = rets[nfn] " $" v }
  }
}
# Returns 1 when function i returns the way expected of a function popping
# n bytes (see the header).
function returns_ok(i, n,   m, j, v) {
  m = split(rets[i], v, " ")
  for (j = 1; j <= m; j++) if (substr(v[j], 2) + 0 != n) return 0
  return n == 0 ? (nplain[i] > 0 && m == 0) : (m > 0)
}
function found(i) {
  return sprintf("%d ret $imm%s, %d plain ret%s", nimm[i] + 0, (rets[i] == "" ? "" : " (" substr(rets[i], 2) ")"), nplain[i] + 0,
                 (nplain[i] > 0 && nimm[i] > 0) ? " (ignored: jump-table data)" : "")
}
END {
  status = 0
  if (nfn == 0) { print "FAIL: no function symbols in the disassembly (stripped DLL?)"; exit 1 }
  for (r = 1; r <= rows; r++) {
    matched = 0
    for (i = 1; i <= nfn; i++) {
      if (fname[i] !~ pat[r]) continue
      matched++
      ok = returns_ok(i, want[r])
      # Rust decorates extern "system" functions name@N: N must agree.
      if (match(fname[i], /@[0-9]+$/) && substr(fname[i], RSTART + 1) + 0 != want[r]) ok = 0
      printf "%s %-40s pops %2d: %s  [%s]\n", (ok ? "ok  " : "FAIL"), what[r], want[r], found(i), fname[i]
      if (!ok) status = 1
      checked[i] = 1
    }
    if (!matched) { printf "FAIL %-40s no function matches /%s/\n", what[r], pat[r]; status = 1 }
  }
  # Every other stdcall-decorated function of the crate.
  swept = 0; sweep_bad = 0
  for (i = 1; i <= nfn; i++) {
    if (checked[i] || fname[i] !~ /^(mslogon|<mslogon|MSLogon)/ || fname[i] !~ /@[0-9]+$/) continue
    n = substr(fname[i], match(fname[i], /@[0-9]+$/) + 1) + 0
    swept++
    if (!returns_ok(i, n)) { printf "FAIL %s: pops %d expected; %s\n", fname[i], n, found(i); status = 1; sweep_bad++ }
  }
  printf "%s %d more stdcall-decorated functions of the crate (name@N) all return with ret $N\n", (sweep_bad ? "FAIL" : "ok  "), swept
  if (status == 0) print "OK: __stdcall vtable methods pop their arguments, __cdecl entry points do not"
  exit status
}
' "$tmp/disasm"
