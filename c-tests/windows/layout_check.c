/* layout_check.c: include/mslogon.h against the genuine MinGW-w64 MAPI
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
#define SAME_FIELD(A, B, f)                                                   \
  CHECK(offsetof(A, f) == offsetof(B, f), #A "." #f " offset");               \
  CHECK(FIELD_SIZE(A, f) == FIELD_SIZE(B, f), #A "." #f " size")
/* Same size and alignment. */
#define SAME_TYPE(A, B)                                                       \
  CHECK(sizeof(A) == sizeof(B), #A " size");                                  \
  CHECK(_Alignof(A) == _Alignof(B), #A " alignment")
/* Same value and size as MinGW's macro. */
#define SAME_CONST(X)                                                         \
  CHECK(MSLogon_##X == X, #X " value");                                       \
  CHECK(sizeof(MSLogon_##X) == sizeof(X), #X " size")

/* Scalar types. */
SAME_TYPE(MSLogon_ULONG, ULONG);
SAME_TYPE(MSLogon_HRESULT, HRESULT);
SAME_TYPE(MSLogon_SCODE, SCODE);
SAME_TYPE(MSLogon_BYTE, BYTE);
SAME_TYPE(MSLogon_LONG, LONG);
SAME_TYPE(MSLogon_DWORD, DWORD);
SAME_TYPE(MSLogon_WCHAR, WCHAR);
SAME_TYPE(MSLogon_IID, IID);
SAME_TYPE(size_t, SIZE_T);

/* Structures. */
SAME_TYPE(MSLogon_GUID, GUID);
SAME_TYPE(MSLogon_ENTRYID, ENTRYID);
SAME_FIELD(MSLogon_ENTRYID, ENTRYID, abFlags);
SAME_FIELD(MSLogon_ENTRYID, ENTRYID, ab);

SAME_TYPE(MSLogon_MAPIERROR, MAPIERROR);
SAME_FIELD(MSLogon_MAPIERROR, MAPIERROR, ulVersion);
SAME_FIELD(MSLogon_MAPIERROR, MAPIERROR, lpszError);
SAME_FIELD(MSLogon_MAPIERROR, MAPIERROR, lpszComponent);
SAME_FIELD(MSLogon_MAPIERROR, MAPIERROR, ulLowLevelError);
SAME_FIELD(MSLogon_MAPIERROR, MAPIERROR, ulContext);

SAME_TYPE(MSLogon_FILETIME, FILETIME);
SAME_FIELD(MSLogon_FILETIME, FILETIME, dwLowDateTime);
SAME_FIELD(MSLogon_FILETIME, FILETIME, dwHighDateTime);

SAME_TYPE(MSLogon_CURRENCY, CURRENCY);
SAME_FIELD(MSLogon_CURRENCY, CURRENCY, int64);

SAME_TYPE(MSLogon_LARGE_INTEGER, LARGE_INTEGER);
SAME_FIELD(MSLogon_LARGE_INTEGER, LARGE_INTEGER, QuadPart);

SAME_TYPE(MSLogon_MAPIUID, MAPIUID);
SAME_FIELD(MSLogon_MAPIUID, MAPIUID, ab);

SAME_TYPE(MSLogon_SBinary, SBinary);
SAME_FIELD(MSLogon_SBinary, SBinary, cb);
SAME_FIELD(MSLogon_SBinary, SBinary, lpb);

SAME_TYPE(MSLogon_SShortArray, SShortArray);
SAME_FIELD(MSLogon_SShortArray, SShortArray, cValues);
SAME_FIELD(MSLogon_SShortArray, SShortArray, lpi);

SAME_TYPE(MSLogon_SLongArray, SLongArray);
SAME_FIELD(MSLogon_SLongArray, SLongArray, cValues);
SAME_FIELD(MSLogon_SLongArray, SLongArray, lpl);

SAME_TYPE(MSLogon_SRealArray, SRealArray);
SAME_FIELD(MSLogon_SRealArray, SRealArray, cValues);
SAME_FIELD(MSLogon_SRealArray, SRealArray, lpflt);

SAME_TYPE(MSLogon_SDoubleArray, SDoubleArray);
SAME_FIELD(MSLogon_SDoubleArray, SDoubleArray, cValues);
SAME_FIELD(MSLogon_SDoubleArray, SDoubleArray, lpdbl);

SAME_TYPE(MSLogon_SCurrencyArray, SCurrencyArray);
SAME_FIELD(MSLogon_SCurrencyArray, SCurrencyArray, cValues);
SAME_FIELD(MSLogon_SCurrencyArray, SCurrencyArray, lpcur);

SAME_TYPE(MSLogon_SAppTimeArray, SAppTimeArray);
SAME_FIELD(MSLogon_SAppTimeArray, SAppTimeArray, cValues);
SAME_FIELD(MSLogon_SAppTimeArray, SAppTimeArray, lpat);

SAME_TYPE(MSLogon_SDateTimeArray, SDateTimeArray);
SAME_FIELD(MSLogon_SDateTimeArray, SDateTimeArray, cValues);
SAME_FIELD(MSLogon_SDateTimeArray, SDateTimeArray, lpft);

SAME_TYPE(MSLogon_SBinaryArray, SBinaryArray);
SAME_FIELD(MSLogon_SBinaryArray, SBinaryArray, cValues);
SAME_FIELD(MSLogon_SBinaryArray, SBinaryArray, lpbin);

SAME_TYPE(MSLogon_SLPSTRArray, SLPSTRArray);
SAME_FIELD(MSLogon_SLPSTRArray, SLPSTRArray, cValues);
SAME_FIELD(MSLogon_SLPSTRArray, SLPSTRArray, lppszA);

SAME_TYPE(MSLogon_SWStringArray, SWStringArray);
SAME_FIELD(MSLogon_SWStringArray, SWStringArray, cValues);
SAME_FIELD(MSLogon_SWStringArray, SWStringArray, lppszW);

SAME_TYPE(MSLogon_SGuidArray, SGuidArray);
SAME_FIELD(MSLogon_SGuidArray, SGuidArray, cValues);
SAME_FIELD(MSLogon_SGuidArray, SGuidArray, lpguid);

SAME_TYPE(MSLogon_SLargeIntegerArray, SLargeIntegerArray);
SAME_FIELD(MSLogon_SLargeIntegerArray, SLargeIntegerArray, cValues);
SAME_FIELD(MSLogon_SLargeIntegerArray, SLargeIntegerArray, lpli);

SAME_TYPE(MSLogon_PV, union _PV);
SAME_FIELD(MSLogon_PV, union _PV, i);
SAME_FIELD(MSLogon_PV, union _PV, l);
SAME_FIELD(MSLogon_PV, union _PV, ul);
SAME_FIELD(MSLogon_PV, union _PV, flt);
SAME_FIELD(MSLogon_PV, union _PV, dbl);
SAME_FIELD(MSLogon_PV, union _PV, b);
SAME_FIELD(MSLogon_PV, union _PV, cur);
SAME_FIELD(MSLogon_PV, union _PV, at);
SAME_FIELD(MSLogon_PV, union _PV, ft);
SAME_FIELD(MSLogon_PV, union _PV, lpszA);
SAME_FIELD(MSLogon_PV, union _PV, bin);
SAME_FIELD(MSLogon_PV, union _PV, lpszW);
SAME_FIELD(MSLogon_PV, union _PV, lpguid);
SAME_FIELD(MSLogon_PV, union _PV, li);
SAME_FIELD(MSLogon_PV, union _PV, MVi);
SAME_FIELD(MSLogon_PV, union _PV, MVl);
SAME_FIELD(MSLogon_PV, union _PV, MVflt);
SAME_FIELD(MSLogon_PV, union _PV, MVdbl);
SAME_FIELD(MSLogon_PV, union _PV, MVcur);
SAME_FIELD(MSLogon_PV, union _PV, MVat);
SAME_FIELD(MSLogon_PV, union _PV, MVft);
SAME_FIELD(MSLogon_PV, union _PV, MVbin);
SAME_FIELD(MSLogon_PV, union _PV, MVszA);
SAME_FIELD(MSLogon_PV, union _PV, MVszW);
SAME_FIELD(MSLogon_PV, union _PV, MVguid);
SAME_FIELD(MSLogon_PV, union _PV, MVli);
SAME_FIELD(MSLogon_PV, union _PV, err);
SAME_FIELD(MSLogon_PV, union _PV, x);

SAME_TYPE(MSLogon_SPropValue, SPropValue);
SAME_FIELD(MSLogon_SPropValue, SPropValue, ulPropTag);
SAME_FIELD(MSLogon_SPropValue, SPropValue, dwAlignPad);
SAME_FIELD(MSLogon_SPropValue, SPropValue, Value);

SAME_TYPE(MSLogon_SPropTagArray, SPropTagArray);
SAME_FIELD(MSLogon_SPropTagArray, SPropTagArray, cValues);
SAME_FIELD(MSLogon_SPropTagArray, SPropTagArray, aulPropTag);

SAME_TYPE(MSLogon_SPropProblem, SPropProblem);
SAME_FIELD(MSLogon_SPropProblem, SPropProblem, ulIndex);
SAME_FIELD(MSLogon_SPropProblem, SPropProblem, ulPropTag);
SAME_FIELD(MSLogon_SPropProblem, SPropProblem, scode);

SAME_TYPE(MSLogon_SPropProblemArray, SPropProblemArray);
SAME_FIELD(MSLogon_SPropProblemArray, SPropProblemArray, cProblem);
SAME_FIELD(MSLogon_SPropProblemArray, SPropProblemArray, aProblem);

SAME_TYPE(MSLogon_IUnknown, IUnknown);
SAME_FIELD(MSLogon_IUnknown, IUnknown, lpVtbl);

SAME_TYPE(MSLogon_IMSLogon, IMSLogon);
SAME_FIELD(MSLogon_IMSLogon, IMSLogon, lpVtbl);

SAME_TYPE(MSLogon_IMAPISupport, IMAPISupport);
SAME_FIELD(MSLogon_IMAPISupport, IMAPISupport, lpVtbl);

SAME_TYPE(MSLogon_IMAPIAdviseSink, IMAPIAdviseSink);
SAME_FIELD(MSLogon_IMAPIAdviseSink, IMAPIAdviseSink, lpVtbl);

SAME_TYPE(MSLogon_IMSProvider, IMSProvider);
SAME_FIELD(MSLogon_IMSProvider, IMSProvider, lpVtbl);

SAME_TYPE(MSLogon_IMsgStore, IMsgStore);
SAME_FIELD(MSLogon_IMsgStore, IMsgStore, lpVtbl);

SAME_TYPE(MSLogon_IMalloc, IMalloc);
SAME_FIELD(MSLogon_IMalloc, IMalloc, lpVtbl);

/* Vtables: every slot at the same offset, same number of slots. */
/* IUnknownVtbl: 3 slots. */
SAME_TYPE(MSLogon_IUnknownVtbl, IUnknownVtbl);
CHECK(sizeof(MSLogon_IUnknownVtbl) == 3 * sizeof(void *), "IUnknownVtbl slot count");
SAME_FIELD(MSLogon_IUnknownVtbl, IUnknownVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IUnknownVtbl, QueryInterface) == 0 * sizeof(void *), "IUnknownVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IUnknownVtbl, IUnknownVtbl, AddRef);
CHECK(offsetof(MSLogon_IUnknownVtbl, AddRef) == 1 * sizeof(void *), "IUnknownVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IUnknownVtbl, IUnknownVtbl, Release);
CHECK(offsetof(MSLogon_IUnknownVtbl, Release) == 2 * sizeof(void *), "IUnknownVtbl.Release is slot 2");

/* IMSLogonVtbl: 10 slots. */
SAME_TYPE(MSLogon_IMSLogonVtbl, IMSLogonVtbl);
CHECK(sizeof(MSLogon_IMSLogonVtbl) == 10 * sizeof(void *), "IMSLogonVtbl slot count");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMSLogonVtbl, QueryInterface) == 0 * sizeof(void *), "IMSLogonVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, AddRef);
CHECK(offsetof(MSLogon_IMSLogonVtbl, AddRef) == 1 * sizeof(void *), "IMSLogonVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, Release);
CHECK(offsetof(MSLogon_IMSLogonVtbl, Release) == 2 * sizeof(void *), "IMSLogonVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMSLogonVtbl, GetLastError) == 3 * sizeof(void *), "IMSLogonVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, Logoff);
CHECK(offsetof(MSLogon_IMSLogonVtbl, Logoff) == 4 * sizeof(void *), "IMSLogonVtbl.Logoff is slot 4");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, OpenEntry);
CHECK(offsetof(MSLogon_IMSLogonVtbl, OpenEntry) == 5 * sizeof(void *), "IMSLogonVtbl.OpenEntry is slot 5");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, CompareEntryIDs);
CHECK(offsetof(MSLogon_IMSLogonVtbl, CompareEntryIDs) == 6 * sizeof(void *), "IMSLogonVtbl.CompareEntryIDs is slot 6");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, Advise);
CHECK(offsetof(MSLogon_IMSLogonVtbl, Advise) == 7 * sizeof(void *), "IMSLogonVtbl.Advise is slot 7");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, Unadvise);
CHECK(offsetof(MSLogon_IMSLogonVtbl, Unadvise) == 8 * sizeof(void *), "IMSLogonVtbl.Unadvise is slot 8");
SAME_FIELD(MSLogon_IMSLogonVtbl, IMSLogonVtbl, OpenStatusEntry);
CHECK(offsetof(MSLogon_IMSLogonVtbl, OpenStatusEntry) == 9 * sizeof(void *), "IMSLogonVtbl.OpenStatusEntry is slot 9");

/* IMAPISupportVtbl: 44 slots. */
SAME_TYPE(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl);
CHECK(sizeof(MSLogon_IMAPISupportVtbl) == 44 * sizeof(void *), "IMAPISupportVtbl slot count");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, QueryInterface) == 0 * sizeof(void *), "IMAPISupportVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, AddRef);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, AddRef) == 1 * sizeof(void *), "IMAPISupportVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, Release);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, Release) == 2 * sizeof(void *), "IMAPISupportVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, GetLastError) == 3 * sizeof(void *), "IMAPISupportVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, GetMemAllocRoutines);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, GetMemAllocRoutines) == 4 * sizeof(void *), "IMAPISupportVtbl.GetMemAllocRoutines is slot 4");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, Subscribe);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, Subscribe) == 5 * sizeof(void *), "IMAPISupportVtbl.Subscribe is slot 5");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, Unsubscribe);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, Unsubscribe) == 6 * sizeof(void *), "IMAPISupportVtbl.Unsubscribe is slot 6");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, Notify);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, Notify) == 7 * sizeof(void *), "IMAPISupportVtbl.Notify is slot 7");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, ModifyStatusRow);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, ModifyStatusRow) == 8 * sizeof(void *), "IMAPISupportVtbl.ModifyStatusRow is slot 8");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, OpenProfileSection);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, OpenProfileSection) == 9 * sizeof(void *), "IMAPISupportVtbl.OpenProfileSection is slot 9");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, RegisterPreprocessor);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, RegisterPreprocessor) == 10 * sizeof(void *), "IMAPISupportVtbl.RegisterPreprocessor is slot 10");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, NewUID);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, NewUID) == 11 * sizeof(void *), "IMAPISupportVtbl.NewUID is slot 11");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, MakeInvalid);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, MakeInvalid) == 12 * sizeof(void *), "IMAPISupportVtbl.MakeInvalid is slot 12");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, SpoolerYield);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, SpoolerYield) == 13 * sizeof(void *), "IMAPISupportVtbl.SpoolerYield is slot 13");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, SpoolerNotify);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, SpoolerNotify) == 14 * sizeof(void *), "IMAPISupportVtbl.SpoolerNotify is slot 14");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, CreateOneOff);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, CreateOneOff) == 15 * sizeof(void *), "IMAPISupportVtbl.CreateOneOff is slot 15");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, SetProviderUID);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, SetProviderUID) == 16 * sizeof(void *), "IMAPISupportVtbl.SetProviderUID is slot 16");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, CompareEntryIDs);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, CompareEntryIDs) == 17 * sizeof(void *), "IMAPISupportVtbl.CompareEntryIDs is slot 17");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, OpenTemplateID);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, OpenTemplateID) == 18 * sizeof(void *), "IMAPISupportVtbl.OpenTemplateID is slot 18");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, OpenEntry);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, OpenEntry) == 19 * sizeof(void *), "IMAPISupportVtbl.OpenEntry is slot 19");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, GetOneOffTable);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, GetOneOffTable) == 20 * sizeof(void *), "IMAPISupportVtbl.GetOneOffTable is slot 20");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, Address);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, Address) == 21 * sizeof(void *), "IMAPISupportVtbl.Address is slot 21");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, Details);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, Details) == 22 * sizeof(void *), "IMAPISupportVtbl.Details is slot 22");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, NewEntry);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, NewEntry) == 23 * sizeof(void *), "IMAPISupportVtbl.NewEntry is slot 23");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, DoConfigPropsheet);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, DoConfigPropsheet) == 24 * sizeof(void *), "IMAPISupportVtbl.DoConfigPropsheet is slot 24");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, CopyMessages);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, CopyMessages) == 25 * sizeof(void *), "IMAPISupportVtbl.CopyMessages is slot 25");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, CopyFolder);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, CopyFolder) == 26 * sizeof(void *), "IMAPISupportVtbl.CopyFolder is slot 26");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, DoCopyTo);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, DoCopyTo) == 27 * sizeof(void *), "IMAPISupportVtbl.DoCopyTo is slot 27");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, DoCopyProps);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, DoCopyProps) == 28 * sizeof(void *), "IMAPISupportVtbl.DoCopyProps is slot 28");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, DoProgressDialog);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, DoProgressDialog) == 29 * sizeof(void *), "IMAPISupportVtbl.DoProgressDialog is slot 29");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, ReadReceipt);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, ReadReceipt) == 30 * sizeof(void *), "IMAPISupportVtbl.ReadReceipt is slot 30");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, PrepareSubmit);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, PrepareSubmit) == 31 * sizeof(void *), "IMAPISupportVtbl.PrepareSubmit is slot 31");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, ExpandRecips);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, ExpandRecips) == 32 * sizeof(void *), "IMAPISupportVtbl.ExpandRecips is slot 32");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, UpdatePAB);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, UpdatePAB) == 33 * sizeof(void *), "IMAPISupportVtbl.UpdatePAB is slot 33");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, DoSentMail);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, DoSentMail) == 34 * sizeof(void *), "IMAPISupportVtbl.DoSentMail is slot 34");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, OpenAddressBook);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, OpenAddressBook) == 35 * sizeof(void *), "IMAPISupportVtbl.OpenAddressBook is slot 35");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, Preprocess);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, Preprocess) == 36 * sizeof(void *), "IMAPISupportVtbl.Preprocess is slot 36");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, CompleteMsg);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, CompleteMsg) == 37 * sizeof(void *), "IMAPISupportVtbl.CompleteMsg is slot 37");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, StoreLogoffTransports);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, StoreLogoffTransports) == 38 * sizeof(void *), "IMAPISupportVtbl.StoreLogoffTransports is slot 38");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, StatusRecips);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, StatusRecips) == 39 * sizeof(void *), "IMAPISupportVtbl.StatusRecips is slot 39");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, WrapStoreEntryID);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, WrapStoreEntryID) == 40 * sizeof(void *), "IMAPISupportVtbl.WrapStoreEntryID is slot 40");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, ModifyProfile);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, ModifyProfile) == 41 * sizeof(void *), "IMAPISupportVtbl.ModifyProfile is slot 41");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, IStorageFromStream);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, IStorageFromStream) == 42 * sizeof(void *), "IMAPISupportVtbl.IStorageFromStream is slot 42");
SAME_FIELD(MSLogon_IMAPISupportVtbl, IMAPISupportVtbl, GetSvcConfigSupportObj);
CHECK(offsetof(MSLogon_IMAPISupportVtbl, GetSvcConfigSupportObj) == 43 * sizeof(void *), "IMAPISupportVtbl.GetSvcConfigSupportObj is slot 43");

/* IMAPIAdviseSinkVtbl: 4 slots. */
SAME_TYPE(MSLogon_IMAPIAdviseSinkVtbl, IMAPIAdviseSinkVtbl);
CHECK(sizeof(MSLogon_IMAPIAdviseSinkVtbl) == 4 * sizeof(void *), "IMAPIAdviseSinkVtbl slot count");
SAME_FIELD(MSLogon_IMAPIAdviseSinkVtbl, IMAPIAdviseSinkVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMAPIAdviseSinkVtbl, QueryInterface) == 0 * sizeof(void *), "IMAPIAdviseSinkVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMAPIAdviseSinkVtbl, IMAPIAdviseSinkVtbl, AddRef);
CHECK(offsetof(MSLogon_IMAPIAdviseSinkVtbl, AddRef) == 1 * sizeof(void *), "IMAPIAdviseSinkVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMAPIAdviseSinkVtbl, IMAPIAdviseSinkVtbl, Release);
CHECK(offsetof(MSLogon_IMAPIAdviseSinkVtbl, Release) == 2 * sizeof(void *), "IMAPIAdviseSinkVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMAPIAdviseSinkVtbl, IMAPIAdviseSinkVtbl, OnNotify);
CHECK(offsetof(MSLogon_IMAPIAdviseSinkVtbl, OnNotify) == 3 * sizeof(void *), "IMAPIAdviseSinkVtbl.OnNotify is slot 3");

/* IMSProviderVtbl: 7 slots. */
SAME_TYPE(MSLogon_IMSProviderVtbl, IMSProviderVtbl);
CHECK(sizeof(MSLogon_IMSProviderVtbl) == 7 * sizeof(void *), "IMSProviderVtbl slot count");
SAME_FIELD(MSLogon_IMSProviderVtbl, IMSProviderVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMSProviderVtbl, QueryInterface) == 0 * sizeof(void *), "IMSProviderVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMSProviderVtbl, IMSProviderVtbl, AddRef);
CHECK(offsetof(MSLogon_IMSProviderVtbl, AddRef) == 1 * sizeof(void *), "IMSProviderVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMSProviderVtbl, IMSProviderVtbl, Release);
CHECK(offsetof(MSLogon_IMSProviderVtbl, Release) == 2 * sizeof(void *), "IMSProviderVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMSProviderVtbl, IMSProviderVtbl, Shutdown);
CHECK(offsetof(MSLogon_IMSProviderVtbl, Shutdown) == 3 * sizeof(void *), "IMSProviderVtbl.Shutdown is slot 3");
SAME_FIELD(MSLogon_IMSProviderVtbl, IMSProviderVtbl, Logon);
CHECK(offsetof(MSLogon_IMSProviderVtbl, Logon) == 4 * sizeof(void *), "IMSProviderVtbl.Logon is slot 4");
SAME_FIELD(MSLogon_IMSProviderVtbl, IMSProviderVtbl, SpoolerLogon);
CHECK(offsetof(MSLogon_IMSProviderVtbl, SpoolerLogon) == 5 * sizeof(void *), "IMSProviderVtbl.SpoolerLogon is slot 5");
SAME_FIELD(MSLogon_IMSProviderVtbl, IMSProviderVtbl, CompareStoreIDs);
CHECK(offsetof(MSLogon_IMSProviderVtbl, CompareStoreIDs) == 6 * sizeof(void *), "IMSProviderVtbl.CompareStoreIDs is slot 6");

/* IMsgStoreVtbl: 27 slots. */
SAME_TYPE(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl);
CHECK(sizeof(MSLogon_IMsgStoreVtbl) == 27 * sizeof(void *), "IMsgStoreVtbl slot count");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, QueryInterface) == 0 * sizeof(void *), "IMsgStoreVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, AddRef);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, AddRef) == 1 * sizeof(void *), "IMsgStoreVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, Release);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, Release) == 2 * sizeof(void *), "IMsgStoreVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, GetLastError) == 3 * sizeof(void *), "IMsgStoreVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, SaveChanges);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, SaveChanges) == 4 * sizeof(void *), "IMsgStoreVtbl.SaveChanges is slot 4");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, GetProps);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, GetProps) == 5 * sizeof(void *), "IMsgStoreVtbl.GetProps is slot 5");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, GetPropList);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, GetPropList) == 6 * sizeof(void *), "IMsgStoreVtbl.GetPropList is slot 6");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, OpenProperty);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, OpenProperty) == 7 * sizeof(void *), "IMsgStoreVtbl.OpenProperty is slot 7");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, SetProps);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, SetProps) == 8 * sizeof(void *), "IMsgStoreVtbl.SetProps is slot 8");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, DeleteProps);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, DeleteProps) == 9 * sizeof(void *), "IMsgStoreVtbl.DeleteProps is slot 9");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, CopyTo);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, CopyTo) == 10 * sizeof(void *), "IMsgStoreVtbl.CopyTo is slot 10");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, CopyProps);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, CopyProps) == 11 * sizeof(void *), "IMsgStoreVtbl.CopyProps is slot 11");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, GetNamesFromIDs);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, GetNamesFromIDs) == 12 * sizeof(void *), "IMsgStoreVtbl.GetNamesFromIDs is slot 12");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, GetIDsFromNames);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, GetIDsFromNames) == 13 * sizeof(void *), "IMsgStoreVtbl.GetIDsFromNames is slot 13");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, Advise);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, Advise) == 14 * sizeof(void *), "IMsgStoreVtbl.Advise is slot 14");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, Unadvise);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, Unadvise) == 15 * sizeof(void *), "IMsgStoreVtbl.Unadvise is slot 15");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, CompareEntryIDs);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, CompareEntryIDs) == 16 * sizeof(void *), "IMsgStoreVtbl.CompareEntryIDs is slot 16");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, OpenEntry);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, OpenEntry) == 17 * sizeof(void *), "IMsgStoreVtbl.OpenEntry is slot 17");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, SetReceiveFolder);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, SetReceiveFolder) == 18 * sizeof(void *), "IMsgStoreVtbl.SetReceiveFolder is slot 18");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, GetReceiveFolder);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, GetReceiveFolder) == 19 * sizeof(void *), "IMsgStoreVtbl.GetReceiveFolder is slot 19");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, GetReceiveFolderTable);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, GetReceiveFolderTable) == 20 * sizeof(void *), "IMsgStoreVtbl.GetReceiveFolderTable is slot 20");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, StoreLogoff);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, StoreLogoff) == 21 * sizeof(void *), "IMsgStoreVtbl.StoreLogoff is slot 21");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, AbortSubmit);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, AbortSubmit) == 22 * sizeof(void *), "IMsgStoreVtbl.AbortSubmit is slot 22");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, GetOutgoingQueue);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, GetOutgoingQueue) == 23 * sizeof(void *), "IMsgStoreVtbl.GetOutgoingQueue is slot 23");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, SetLockState);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, SetLockState) == 24 * sizeof(void *), "IMsgStoreVtbl.SetLockState is slot 24");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, FinishedMsg);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, FinishedMsg) == 25 * sizeof(void *), "IMsgStoreVtbl.FinishedMsg is slot 25");
SAME_FIELD(MSLogon_IMsgStoreVtbl, IMsgStoreVtbl, NotifyNewMail);
CHECK(offsetof(MSLogon_IMsgStoreVtbl, NotifyNewMail) == 26 * sizeof(void *), "IMsgStoreVtbl.NotifyNewMail is slot 26");

/* IMallocVtbl: 9 slots. */
SAME_TYPE(MSLogon_IMallocVtbl, IMallocVtbl);
CHECK(sizeof(MSLogon_IMallocVtbl) == 9 * sizeof(void *), "IMallocVtbl slot count");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMallocVtbl, QueryInterface) == 0 * sizeof(void *), "IMallocVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, AddRef);
CHECK(offsetof(MSLogon_IMallocVtbl, AddRef) == 1 * sizeof(void *), "IMallocVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, Release);
CHECK(offsetof(MSLogon_IMallocVtbl, Release) == 2 * sizeof(void *), "IMallocVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, Alloc);
CHECK(offsetof(MSLogon_IMallocVtbl, Alloc) == 3 * sizeof(void *), "IMallocVtbl.Alloc is slot 3");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, Realloc);
CHECK(offsetof(MSLogon_IMallocVtbl, Realloc) == 4 * sizeof(void *), "IMallocVtbl.Realloc is slot 4");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, Free);
CHECK(offsetof(MSLogon_IMallocVtbl, Free) == 5 * sizeof(void *), "IMallocVtbl.Free is slot 5");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, GetSize);
CHECK(offsetof(MSLogon_IMallocVtbl, GetSize) == 6 * sizeof(void *), "IMallocVtbl.GetSize is slot 6");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, DidAlloc);
CHECK(offsetof(MSLogon_IMallocVtbl, DidAlloc) == 7 * sizeof(void *), "IMallocVtbl.DidAlloc is slot 7");
SAME_FIELD(MSLogon_IMallocVtbl, IMallocVtbl, HeapMinimize);
CHECK(offsetof(MSLogon_IMallocVtbl, HeapMinimize) == 8 * sizeof(void *), "IMallocVtbl.HeapMinimize is slot 8");

/* Constants. */
SAME_CONST(S_OK);
SAME_CONST(MAPI_E_CALL_FAILED);
SAME_CONST(MAPI_E_INTERFACE_NOT_SUPPORTED);
SAME_CONST(MAPI_E_NOT_ENOUGH_MEMORY);
SAME_CONST(MAPI_E_INVALID_PARAMETER);
SAME_CONST(MAPI_E_NO_SUPPORT);
SAME_CONST(MAPI_E_BAD_CHARWIDTH);
SAME_CONST(MAPI_E_UNKNOWN_FLAGS);
SAME_CONST(MAPI_E_INVALID_ENTRYID);
SAME_CONST(MAPI_E_INVALID_OBJECT);
SAME_CONST(MAPI_E_NOT_FOUND);
SAME_CONST(MAPI_E_VERSION);
SAME_CONST(MAPI_E_LOGON_FAILED);
SAME_CONST(MAPI_E_END_OF_SESSION);
SAME_CONST(MAPI_UNICODE);
SAME_CONST(MAPI_ERROR_VERSION);
SAME_CONST(MAPI_STORE);
SAME_CONST(MAPI_FOLDER);
SAME_CONST(MAPI_MESSAGE);
SAME_CONST(MAPI_STATUS);
SAME_CONST(LOGOFF_NO_WAIT);
SAME_CONST(LOGOFF_ORDERLY);
SAME_CONST(LOGOFF_PURGE);
SAME_CONST(LOGOFF_ABORT);
SAME_CONST(LOGOFF_QUIET);
SAME_CONST(LOGOFF_COMPLETE);
SAME_CONST(LOGOFF_INBOUND);
SAME_CONST(LOGOFF_OUTBOUND);
SAME_CONST(LOGOFF_OUTBOUND_QUEUE);
SAME_CONST(MAPI_E_NO_ACCESS);
SAME_CONST(MAPI_E_BUSY);
SAME_CONST(MAPI_E_COMPUTED);
SAME_CONST(MAPI_E_BAD_VALUE);
SAME_CONST(MAPI_E_INVALID_TYPE);
SAME_CONST(MAPI_E_TYPE_NO_SUPPORT);
SAME_CONST(MAPI_E_UNEXPECTED_TYPE);
SAME_CONST(MAPI_E_NOT_INITIALIZED);
SAME_CONST(MAPI_W_ERRORS_RETURNED);
SAME_CONST(CURRENT_SPI_VERSION);
SAME_CONST(PDK1_SPI_VERSION);
SAME_CONST(PDK2_SPI_VERSION);
SAME_CONST(PDK3_SPI_VERSION);
SAME_CONST(MAPI_NT_SERVICE);
SAME_CONST(MAPI_MODIFY);
SAME_CONST(MAPI_DEFERRED_ERRORS);
SAME_CONST(MAPI_BEST_ACCESS);
SAME_CONST(MDB_NO_DIALOG);
SAME_CONST(MDB_WRITE);
SAME_CONST(MDB_TEMPORARY);
SAME_CONST(MDB_NO_MAIL);
SAME_CONST(STORE_ENTRYID_UNIQUE);
SAME_CONST(STORE_READONLY);
SAME_CONST(STORE_SEARCH_OK);
SAME_CONST(STORE_MODIFY_OK);
SAME_CONST(STORE_CREATE_OK);
SAME_CONST(STORE_ATTACH_OK);
SAME_CONST(STORE_OLE_OK);
SAME_CONST(STORE_SUBMIT_OK);
SAME_CONST(STORE_NOTIFY_OK);
SAME_CONST(STORE_MV_PROPS_OK);
SAME_CONST(STORE_CATEGORIZE_OK);
SAME_CONST(STORE_RTF_OK);
SAME_CONST(STORE_RESTRICTION_OK);
SAME_CONST(STORE_SORT_OK);
SAME_CONST(STORE_PUBLIC_FOLDERS);
SAME_CONST(STORE_UNCOMPRESSED_RTF);
SAME_CONST(STORE_HAS_SEARCHES);
SAME_CONST(fnevCriticalError);
SAME_CONST(fnevNewMail);
SAME_CONST(fnevObjectCreated);
SAME_CONST(fnevObjectDeleted);
SAME_CONST(fnevObjectModified);
SAME_CONST(fnevObjectMoved);
SAME_CONST(fnevObjectCopied);
SAME_CONST(fnevSearchComplete);
SAME_CONST(fnevTableModified);
SAME_CONST(fnevStatusObjectModified);
SAME_CONST(fnevReservedForMapi);
SAME_CONST(fnevExtended);
SAME_CONST(STATUS_DEFAULT_OUTBOUND);
SAME_CONST(STATUS_DEFAULT_STORE);
SAME_CONST(STATUS_PRIMARY_IDENTITY);
SAME_CONST(STATUS_SIMPLE_STORE);
SAME_CONST(STATUS_XP_PREFER_LAST);
SAME_CONST(STATUS_NO_PRIMARY_IDENTITY);
SAME_CONST(STATUS_NO_DEFAULT_STORE);
SAME_CONST(STATUS_TEMP_SECTION);
SAME_CONST(STATUS_OWN_STORE);
SAME_CONST(STATUS_NEED_IPM_TREE);
SAME_CONST(STATUS_PRIMARY_STORE);
SAME_CONST(PT_UNSPECIFIED);
SAME_CONST(PT_NULL);
SAME_CONST(PT_I2);
SAME_CONST(PT_LONG);
SAME_CONST(PT_R4);
SAME_CONST(PT_DOUBLE);
SAME_CONST(PT_CURRENCY);
SAME_CONST(PT_APPTIME);
SAME_CONST(PT_ERROR);
SAME_CONST(PT_BOOLEAN);
SAME_CONST(PT_OBJECT);
SAME_CONST(PT_I8);
SAME_CONST(PT_STRING8);
SAME_CONST(PT_UNICODE);
SAME_CONST(PT_SYSTIME);
SAME_CONST(PT_CLSID);
SAME_CONST(PT_BINARY);
SAME_CONST(MV_FLAG);
SAME_CONST(PT_MV_I2);
SAME_CONST(PT_MV_LONG);
SAME_CONST(PT_MV_R4);
SAME_CONST(PT_MV_DOUBLE);
SAME_CONST(PT_MV_CURRENCY);
SAME_CONST(PT_MV_APPTIME);
SAME_CONST(PT_MV_I8);
SAME_CONST(PT_MV_STRING8);
SAME_CONST(PT_MV_UNICODE);
SAME_CONST(PT_MV_SYSTIME);
SAME_CONST(PT_MV_CLSID);
SAME_CONST(PT_MV_BINARY);
SAME_CONST(PROP_TYPE_MASK);
SAME_CONST(PROP_ID_NULL);
SAME_CONST(PROP_ID_INVALID);
SAME_CONST(PR_NULL);
SAME_CONST(PR_ENTRYID);
SAME_CONST(PR_OBJECT_TYPE);
SAME_CONST(PR_STORE_ENTRYID);
SAME_CONST(PR_STORE_RECORD_KEY);
SAME_CONST(PR_RECORD_KEY);
SAME_CONST(PR_DISPLAY_NAME_W);
SAME_CONST(PR_DISPLAY_NAME_A);
SAME_CONST(PR_PROVIDER_DISPLAY_W);
SAME_CONST(PR_PROVIDER_DISPLAY_A);
SAME_CONST(PR_RESOURCE_FLAGS);
SAME_CONST(PR_STORE_SUPPORT_MASK);
SAME_CONST(PR_MDB_PROVIDER);
SAME_CONST(E_NOINTERFACE);
