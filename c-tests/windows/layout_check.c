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
/* Field fa of ours (A), which MinGW lacks, where MinGW's (B) has fb, of the
 * same offset and size (a member of Microsoft's headers). */
#define SAME_FIELD_AS(A, B, fa, fb)                                           \
  CHECK(offsetof(A, fa) == offsetof(B, fb), #A "." #fa " offset");            \
  CHECK(FIELD_SIZE(A, fa) == FIELD_SIZE(B, fb), #A "." #fa " size")
/* Same size and alignment. */
#define SAME_TYPE(A, B)                                                       \
  CHECK(sizeof(A) == sizeof(B), #A " size");                                  \
  CHECK(_Alignof(A) == _Alignof(B), #A " alignment")
/* Same value and size as MinGW's macro. */
#define SAME_CONST(X)                                                         \
  CHECK(MSLogon_##X == X, #X " value");                                       \
  CHECK(sizeof(MSLogon_##X) == sizeof(X), #X " size")
/* Same value as MinGW's macro, pointer-sized (Microsoft's BOOKMARK). */
#define SAME_VALUE_POINTER_SIZED(X)                                           \
  CHECK(MSLogon_##X == X, #X " value");                                       \
  CHECK(sizeof(MSLogon_##X) == sizeof(ULONG_PTR), #X " size")
/* A constant MinGW lacks: Microsoft's documented value, 32 bits. */
#define MICROSOFT_VALUE(X, v)                                                 \
  CHECK(MSLogon_##X == (v), #X " value");                                     \
  CHECK(sizeof(MSLogon_##X) == sizeof(ULONG), #X " size")

/* Scalar types. */
SAME_TYPE(MSLogon_ULONG, ULONG);
SAME_TYPE(MSLogon_HRESULT, HRESULT);
SAME_TYPE(MSLogon_SCODE, SCODE);
SAME_TYPE(MSLogon_BYTE, BYTE);
SAME_TYPE(MSLogon_LONG, LONG);
SAME_TYPE(MSLogon_DWORD, DWORD);
SAME_TYPE(MSLogon_WCHAR, WCHAR);
SAME_TYPE(MSLogon_IID, IID);
SAME_TYPE(MSLogon_ULONG_PTR, ULONG_PTR);
SAME_TYPE(MSLogon_CLSID, CLSID);
SAME_TYPE(size_t, SIZE_T);
/* BOOKMARK is ULONG_PTR (Microsoft's width), not MinGW's ULONG. */
SAME_TYPE(MSLogon_BOOKMARK, ULONG_PTR);

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

SAME_TYPE(MSLogon_ULARGE_INTEGER, ULARGE_INTEGER);
SAME_FIELD(MSLogon_ULARGE_INTEGER, ULARGE_INTEGER, QuadPart);

SAME_TYPE(MSLogon_SRow, SRow);
SAME_FIELD(MSLogon_SRow, SRow, ulAdrEntryPad);
SAME_FIELD(MSLogon_SRow, SRow, cValues);
SAME_FIELD(MSLogon_SRow, SRow, lpProps);

SAME_TYPE(MSLogon_SRowSet, SRowSet);
SAME_FIELD(MSLogon_SRowSet, SRowSet, cRows);
SAME_FIELD(MSLogon_SRowSet, SRowSet, aRow);

SAME_TYPE(MSLogon_ADRENTRY, ADRENTRY);
SAME_FIELD(MSLogon_ADRENTRY, ADRENTRY, ulReserved1);
SAME_FIELD(MSLogon_ADRENTRY, ADRENTRY, cValues);
SAME_FIELD(MSLogon_ADRENTRY, ADRENTRY, rgPropVals);

SAME_TYPE(MSLogon_ADRLIST, ADRLIST);
SAME_FIELD(MSLogon_ADRLIST, ADRLIST, cEntries);
SAME_FIELD(MSLogon_ADRLIST, ADRLIST, aEntries);

SAME_TYPE(MSLogon_MAPINAMEID_Kind, __typeof__(((MAPINAMEID *)0)->Kind));

SAME_TYPE(MSLogon_MAPINAMEID, MAPINAMEID);
SAME_FIELD(MSLogon_MAPINAMEID, MAPINAMEID, lpguid);
SAME_FIELD(MSLogon_MAPINAMEID, MAPINAMEID, ulKind);
SAME_FIELD(MSLogon_MAPINAMEID, MAPINAMEID, Kind);
SAME_FIELD(MSLogon_MAPINAMEID, MAPINAMEID, Kind.lID);
SAME_FIELD(MSLogon_MAPINAMEID, MAPINAMEID, Kind.lpwstrName);

SAME_TYPE(MSLogon_ENTRYLIST, ENTRYLIST);
SAME_FIELD(MSLogon_ENTRYLIST, ENTRYLIST, cValues);
SAME_FIELD(MSLogon_ENTRYLIST, ENTRYLIST, lpbin);

SAME_TYPE(MSLogon_SSortOrder, SSortOrder);
SAME_FIELD(MSLogon_SSortOrder, SSortOrder, ulPropTag);
SAME_FIELD(MSLogon_SSortOrder, SSortOrder, ulOrder);

SAME_TYPE(MSLogon_SSortOrderSet, SSortOrderSet);
SAME_FIELD(MSLogon_SSortOrderSet, SSortOrderSet, cSorts);
SAME_FIELD(MSLogon_SSortOrderSet, SSortOrderSet, cCategories);
SAME_FIELD(MSLogon_SSortOrderSet, SSortOrderSet, cExpanded);
SAME_FIELD(MSLogon_SSortOrderSet, SSortOrderSet, aSort);

SAME_TYPE(MSLogon_STATSTG, STATSTG);
SAME_FIELD(MSLogon_STATSTG, STATSTG, pwcsName);
SAME_FIELD(MSLogon_STATSTG, STATSTG, type);
SAME_FIELD(MSLogon_STATSTG, STATSTG, cbSize);
SAME_FIELD(MSLogon_STATSTG, STATSTG, mtime);
SAME_FIELD(MSLogon_STATSTG, STATSTG, ctime);
SAME_FIELD(MSLogon_STATSTG, STATSTG, atime);
SAME_FIELD(MSLogon_STATSTG, STATSTG, grfMode);
SAME_FIELD(MSLogon_STATSTG, STATSTG, grfLocksSupported);
SAME_FIELD(MSLogon_STATSTG, STATSTG, clsid);
SAME_FIELD(MSLogon_STATSTG, STATSTG, grfStateBits);
SAME_FIELD(MSLogon_STATSTG, STATSTG, reserved);

SAME_TYPE(MSLogon_IMAPIProp, IMAPIProp);
SAME_FIELD(MSLogon_IMAPIProp, IMAPIProp, lpVtbl);

SAME_TYPE(MSLogon_IMAPIContainer, IMAPIContainer);
SAME_FIELD(MSLogon_IMAPIContainer, IMAPIContainer, lpVtbl);

SAME_TYPE(MSLogon_IMAPIFolder, IMAPIFolder);
SAME_FIELD(MSLogon_IMAPIFolder, IMAPIFolder, lpVtbl);

SAME_TYPE(MSLogon_IMessage, IMessage);
SAME_FIELD(MSLogon_IMessage, IMessage, lpVtbl);

SAME_TYPE(MSLogon_IAttach, IAttach);
SAME_FIELD(MSLogon_IAttach, IAttach, lpVtbl);

SAME_TYPE(MSLogon_IMAPIStatus, IMAPIStatus);
SAME_FIELD(MSLogon_IMAPIStatus, IMAPIStatus, lpVtbl);

SAME_TYPE(MSLogon_IMAPITable, IMAPITable);
SAME_FIELD(MSLogon_IMAPITable, IMAPITable, lpVtbl);

SAME_TYPE(MSLogon_IStream, IStream);
SAME_FIELD(MSLogon_IStream, IStream, lpVtbl);

SAME_TYPE(MSLogon_IProfSect, IProfSect);
SAME_FIELD(MSLogon_IProfSect, IProfSect, lpVtbl);

SAME_TYPE(MSLogon_IProviderAdmin, IProviderAdmin);
SAME_FIELD(MSLogon_IProviderAdmin, IProviderAdmin, lpVtbl);

SAME_TYPE(MSLogon_SAndRestriction, SAndRestriction);
SAME_FIELD(MSLogon_SAndRestriction, SAndRestriction, cRes);
SAME_FIELD(MSLogon_SAndRestriction, SAndRestriction, lpRes);

SAME_TYPE(MSLogon_SOrRestriction, SOrRestriction);
SAME_FIELD(MSLogon_SOrRestriction, SOrRestriction, cRes);
SAME_FIELD(MSLogon_SOrRestriction, SOrRestriction, lpRes);

SAME_TYPE(MSLogon_SNotRestriction, SNotRestriction);
SAME_FIELD(MSLogon_SNotRestriction, SNotRestriction, ulReserved);
SAME_FIELD(MSLogon_SNotRestriction, SNotRestriction, lpRes);

SAME_TYPE(MSLogon_SContentRestriction, SContentRestriction);
SAME_FIELD(MSLogon_SContentRestriction, SContentRestriction, ulFuzzyLevel);
SAME_FIELD(MSLogon_SContentRestriction, SContentRestriction, ulPropTag);
SAME_FIELD(MSLogon_SContentRestriction, SContentRestriction, lpProp);

SAME_TYPE(MSLogon_SPropertyRestriction, SPropertyRestriction);
SAME_FIELD(MSLogon_SPropertyRestriction, SPropertyRestriction, relop);
SAME_FIELD(MSLogon_SPropertyRestriction, SPropertyRestriction, ulPropTag);
SAME_FIELD(MSLogon_SPropertyRestriction, SPropertyRestriction, lpProp);

SAME_TYPE(MSLogon_SComparePropsRestriction, SComparePropsRestriction);
SAME_FIELD(MSLogon_SComparePropsRestriction, SComparePropsRestriction, relop);
SAME_FIELD(MSLogon_SComparePropsRestriction, SComparePropsRestriction, ulPropTag1);
SAME_FIELD(MSLogon_SComparePropsRestriction, SComparePropsRestriction, ulPropTag2);

SAME_TYPE(MSLogon_SBitMaskRestriction, SBitMaskRestriction);
SAME_FIELD(MSLogon_SBitMaskRestriction, SBitMaskRestriction, relBMR);
SAME_FIELD(MSLogon_SBitMaskRestriction, SBitMaskRestriction, ulPropTag);
SAME_FIELD(MSLogon_SBitMaskRestriction, SBitMaskRestriction, ulMask);

SAME_TYPE(MSLogon_SSizeRestriction, SSizeRestriction);
SAME_FIELD(MSLogon_SSizeRestriction, SSizeRestriction, relop);
SAME_FIELD(MSLogon_SSizeRestriction, SSizeRestriction, ulPropTag);
SAME_FIELD(MSLogon_SSizeRestriction, SSizeRestriction, cb);

SAME_TYPE(MSLogon_SExistRestriction, SExistRestriction);
SAME_FIELD(MSLogon_SExistRestriction, SExistRestriction, ulReserved1);
SAME_FIELD(MSLogon_SExistRestriction, SExistRestriction, ulPropTag);
SAME_FIELD(MSLogon_SExistRestriction, SExistRestriction, ulReserved2);

SAME_TYPE(MSLogon_SSubRestriction, SSubRestriction);
SAME_FIELD(MSLogon_SSubRestriction, SSubRestriction, ulSubObject);
SAME_FIELD(MSLogon_SSubRestriction, SSubRestriction, lpRes);

SAME_TYPE(MSLogon_SCommentRestriction, SCommentRestriction);
SAME_FIELD(MSLogon_SCommentRestriction, SCommentRestriction, cValues);
SAME_FIELD(MSLogon_SCommentRestriction, SCommentRestriction, lpRes);
SAME_FIELD(MSLogon_SCommentRestriction, SCommentRestriction, lpProp);

SAME_TYPE(MSLogon_SCountRestriction, SSubRestriction);
SAME_FIELD_AS(MSLogon_SCountRestriction, SSubRestriction, ulCount, ulSubObject); /* not in MinGW-w64 */
SAME_FIELD(MSLogon_SCountRestriction, SSubRestriction, lpRes);

SAME_TYPE(MSLogon_SRestriction_res, __typeof__(((SRestriction *)0)->res));

SAME_TYPE(MSLogon_SRestriction, SRestriction);
SAME_FIELD(MSLogon_SRestriction, SRestriction, rt);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resCompareProps);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resAnd);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resOr);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resNot);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resContent);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resProperty);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resBitMask);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resSize);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resExist);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resSub);
SAME_FIELD(MSLogon_SRestriction, SRestriction, res.resComment);
SAME_FIELD_AS(MSLogon_SRestriction, SRestriction, res.resAnnotation, res.resComment); /* not in MinGW-w64 */
SAME_FIELD_AS(MSLogon_SRestriction, SRestriction, res.resCount, res.resSub); /* not in MinGW-w64 */

SAME_TYPE(MSLogon_ERROR_NOTIFICATION, ERROR_NOTIFICATION);
SAME_FIELD(MSLogon_ERROR_NOTIFICATION, ERROR_NOTIFICATION, cbEntryID);
SAME_FIELD(MSLogon_ERROR_NOTIFICATION, ERROR_NOTIFICATION, lpEntryID);
SAME_FIELD(MSLogon_ERROR_NOTIFICATION, ERROR_NOTIFICATION, scode);
SAME_FIELD(MSLogon_ERROR_NOTIFICATION, ERROR_NOTIFICATION, ulFlags);
SAME_FIELD(MSLogon_ERROR_NOTIFICATION, ERROR_NOTIFICATION, lpMAPIError);

SAME_TYPE(MSLogon_NEWMAIL_NOTIFICATION, NEWMAIL_NOTIFICATION);
SAME_FIELD(MSLogon_NEWMAIL_NOTIFICATION, NEWMAIL_NOTIFICATION, cbEntryID);
SAME_FIELD(MSLogon_NEWMAIL_NOTIFICATION, NEWMAIL_NOTIFICATION, lpEntryID);
SAME_FIELD(MSLogon_NEWMAIL_NOTIFICATION, NEWMAIL_NOTIFICATION, cbParentID);
SAME_FIELD(MSLogon_NEWMAIL_NOTIFICATION, NEWMAIL_NOTIFICATION, lpParentID);
SAME_FIELD(MSLogon_NEWMAIL_NOTIFICATION, NEWMAIL_NOTIFICATION, ulFlags);
SAME_FIELD(MSLogon_NEWMAIL_NOTIFICATION, NEWMAIL_NOTIFICATION, lpszMessageClass);
SAME_FIELD(MSLogon_NEWMAIL_NOTIFICATION, NEWMAIL_NOTIFICATION, ulMessageFlags);

SAME_TYPE(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, cbEntryID);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, lpEntryID);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, ulObjType);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, cbParentID);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, lpParentID);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, cbOldID);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, lpOldID);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, cbOldParentID);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, lpOldParentID);
SAME_FIELD(MSLogon_OBJECT_NOTIFICATION, OBJECT_NOTIFICATION, lpPropTagArray);

SAME_TYPE(MSLogon_TABLE_NOTIFICATION, TABLE_NOTIFICATION);
SAME_FIELD(MSLogon_TABLE_NOTIFICATION, TABLE_NOTIFICATION, ulTableEvent);
SAME_FIELD(MSLogon_TABLE_NOTIFICATION, TABLE_NOTIFICATION, hResult);
SAME_FIELD(MSLogon_TABLE_NOTIFICATION, TABLE_NOTIFICATION, propIndex);
SAME_FIELD(MSLogon_TABLE_NOTIFICATION, TABLE_NOTIFICATION, propPrior);
SAME_FIELD(MSLogon_TABLE_NOTIFICATION, TABLE_NOTIFICATION, row);
SAME_FIELD(MSLogon_TABLE_NOTIFICATION, TABLE_NOTIFICATION, ulPad);

SAME_TYPE(MSLogon_EXTENDED_NOTIFICATION, EXTENDED_NOTIFICATION);
SAME_FIELD(MSLogon_EXTENDED_NOTIFICATION, EXTENDED_NOTIFICATION, ulEvent);
SAME_FIELD(MSLogon_EXTENDED_NOTIFICATION, EXTENDED_NOTIFICATION, cb);
SAME_FIELD(MSLogon_EXTENDED_NOTIFICATION, EXTENDED_NOTIFICATION, pbEventParameters);

SAME_TYPE(MSLogon_STATUS_OBJECT_NOTIFICATION, STATUS_OBJECT_NOTIFICATION);
SAME_FIELD(MSLogon_STATUS_OBJECT_NOTIFICATION, STATUS_OBJECT_NOTIFICATION, cbEntryID);
SAME_FIELD(MSLogon_STATUS_OBJECT_NOTIFICATION, STATUS_OBJECT_NOTIFICATION, lpEntryID);
SAME_FIELD(MSLogon_STATUS_OBJECT_NOTIFICATION, STATUS_OBJECT_NOTIFICATION, cValues);
SAME_FIELD(MSLogon_STATUS_OBJECT_NOTIFICATION, STATUS_OBJECT_NOTIFICATION, lpPropVals);

SAME_TYPE(MSLogon_NOTIFICATION_info, __typeof__(((NOTIFICATION *)0)->info));

SAME_TYPE(MSLogon_NOTIFICATION, NOTIFICATION);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, ulEventType);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, ulAlignPad);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, info);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, info.err);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, info.newmail);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, info.obj);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, info.tab);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, info.ext);
SAME_FIELD(MSLogon_NOTIFICATION, NOTIFICATION, info.statobj);

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

/* IMAPIPropVtbl: 14 slots. */
SAME_TYPE(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl);
CHECK(sizeof(MSLogon_IMAPIPropVtbl) == 14 * sizeof(void *), "IMAPIPropVtbl slot count");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, QueryInterface) == 0 * sizeof(void *), "IMAPIPropVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, AddRef);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, AddRef) == 1 * sizeof(void *), "IMAPIPropVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, Release);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, Release) == 2 * sizeof(void *), "IMAPIPropVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, GetLastError) == 3 * sizeof(void *), "IMAPIPropVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, SaveChanges);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, SaveChanges) == 4 * sizeof(void *), "IMAPIPropVtbl.SaveChanges is slot 4");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, GetProps);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, GetProps) == 5 * sizeof(void *), "IMAPIPropVtbl.GetProps is slot 5");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, GetPropList);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, GetPropList) == 6 * sizeof(void *), "IMAPIPropVtbl.GetPropList is slot 6");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, OpenProperty);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, OpenProperty) == 7 * sizeof(void *), "IMAPIPropVtbl.OpenProperty is slot 7");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, SetProps);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, SetProps) == 8 * sizeof(void *), "IMAPIPropVtbl.SetProps is slot 8");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, DeleteProps);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, DeleteProps) == 9 * sizeof(void *), "IMAPIPropVtbl.DeleteProps is slot 9");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, CopyTo);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, CopyTo) == 10 * sizeof(void *), "IMAPIPropVtbl.CopyTo is slot 10");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, CopyProps);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, CopyProps) == 11 * sizeof(void *), "IMAPIPropVtbl.CopyProps is slot 11");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, GetNamesFromIDs);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, GetNamesFromIDs) == 12 * sizeof(void *), "IMAPIPropVtbl.GetNamesFromIDs is slot 12");
SAME_FIELD(MSLogon_IMAPIPropVtbl, IMAPIPropVtbl, GetIDsFromNames);
CHECK(offsetof(MSLogon_IMAPIPropVtbl, GetIDsFromNames) == 13 * sizeof(void *), "IMAPIPropVtbl.GetIDsFromNames is slot 13");

/* IMAPIContainerVtbl: 19 slots. */
SAME_TYPE(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl);
CHECK(sizeof(MSLogon_IMAPIContainerVtbl) == 19 * sizeof(void *), "IMAPIContainerVtbl slot count");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, QueryInterface) == 0 * sizeof(void *), "IMAPIContainerVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, AddRef);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, AddRef) == 1 * sizeof(void *), "IMAPIContainerVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, Release);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, Release) == 2 * sizeof(void *), "IMAPIContainerVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, GetLastError) == 3 * sizeof(void *), "IMAPIContainerVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, SaveChanges);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, SaveChanges) == 4 * sizeof(void *), "IMAPIContainerVtbl.SaveChanges is slot 4");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, GetProps);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, GetProps) == 5 * sizeof(void *), "IMAPIContainerVtbl.GetProps is slot 5");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, GetPropList);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, GetPropList) == 6 * sizeof(void *), "IMAPIContainerVtbl.GetPropList is slot 6");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, OpenProperty);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, OpenProperty) == 7 * sizeof(void *), "IMAPIContainerVtbl.OpenProperty is slot 7");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, SetProps);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, SetProps) == 8 * sizeof(void *), "IMAPIContainerVtbl.SetProps is slot 8");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, DeleteProps);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, DeleteProps) == 9 * sizeof(void *), "IMAPIContainerVtbl.DeleteProps is slot 9");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, CopyTo);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, CopyTo) == 10 * sizeof(void *), "IMAPIContainerVtbl.CopyTo is slot 10");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, CopyProps);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, CopyProps) == 11 * sizeof(void *), "IMAPIContainerVtbl.CopyProps is slot 11");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, GetNamesFromIDs);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, GetNamesFromIDs) == 12 * sizeof(void *), "IMAPIContainerVtbl.GetNamesFromIDs is slot 12");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, GetIDsFromNames);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, GetIDsFromNames) == 13 * sizeof(void *), "IMAPIContainerVtbl.GetIDsFromNames is slot 13");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, GetContentsTable);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, GetContentsTable) == 14 * sizeof(void *), "IMAPIContainerVtbl.GetContentsTable is slot 14");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, GetHierarchyTable);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, GetHierarchyTable) == 15 * sizeof(void *), "IMAPIContainerVtbl.GetHierarchyTable is slot 15");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, OpenEntry);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, OpenEntry) == 16 * sizeof(void *), "IMAPIContainerVtbl.OpenEntry is slot 16");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, SetSearchCriteria);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, SetSearchCriteria) == 17 * sizeof(void *), "IMAPIContainerVtbl.SetSearchCriteria is slot 17");
SAME_FIELD(MSLogon_IMAPIContainerVtbl, IMAPIContainerVtbl, GetSearchCriteria);
CHECK(offsetof(MSLogon_IMAPIContainerVtbl, GetSearchCriteria) == 18 * sizeof(void *), "IMAPIContainerVtbl.GetSearchCriteria is slot 18");

/* IMAPIFolderVtbl: 30 slots. */
SAME_TYPE(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl);
CHECK(sizeof(MSLogon_IMAPIFolderVtbl) == 30 * sizeof(void *), "IMAPIFolderVtbl slot count");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, QueryInterface) == 0 * sizeof(void *), "IMAPIFolderVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, AddRef);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, AddRef) == 1 * sizeof(void *), "IMAPIFolderVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, Release);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, Release) == 2 * sizeof(void *), "IMAPIFolderVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetLastError) == 3 * sizeof(void *), "IMAPIFolderVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, SaveChanges);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, SaveChanges) == 4 * sizeof(void *), "IMAPIFolderVtbl.SaveChanges is slot 4");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetProps);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetProps) == 5 * sizeof(void *), "IMAPIFolderVtbl.GetProps is slot 5");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetPropList);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetPropList) == 6 * sizeof(void *), "IMAPIFolderVtbl.GetPropList is slot 6");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, OpenProperty);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, OpenProperty) == 7 * sizeof(void *), "IMAPIFolderVtbl.OpenProperty is slot 7");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, SetProps);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, SetProps) == 8 * sizeof(void *), "IMAPIFolderVtbl.SetProps is slot 8");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, DeleteProps);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, DeleteProps) == 9 * sizeof(void *), "IMAPIFolderVtbl.DeleteProps is slot 9");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, CopyTo);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, CopyTo) == 10 * sizeof(void *), "IMAPIFolderVtbl.CopyTo is slot 10");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, CopyProps);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, CopyProps) == 11 * sizeof(void *), "IMAPIFolderVtbl.CopyProps is slot 11");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetNamesFromIDs);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetNamesFromIDs) == 12 * sizeof(void *), "IMAPIFolderVtbl.GetNamesFromIDs is slot 12");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetIDsFromNames);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetIDsFromNames) == 13 * sizeof(void *), "IMAPIFolderVtbl.GetIDsFromNames is slot 13");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetContentsTable);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetContentsTable) == 14 * sizeof(void *), "IMAPIFolderVtbl.GetContentsTable is slot 14");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetHierarchyTable);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetHierarchyTable) == 15 * sizeof(void *), "IMAPIFolderVtbl.GetHierarchyTable is slot 15");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, OpenEntry);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, OpenEntry) == 16 * sizeof(void *), "IMAPIFolderVtbl.OpenEntry is slot 16");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, SetSearchCriteria);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, SetSearchCriteria) == 17 * sizeof(void *), "IMAPIFolderVtbl.SetSearchCriteria is slot 17");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetSearchCriteria);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetSearchCriteria) == 18 * sizeof(void *), "IMAPIFolderVtbl.GetSearchCriteria is slot 18");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, CreateMessage);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, CreateMessage) == 19 * sizeof(void *), "IMAPIFolderVtbl.CreateMessage is slot 19");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, CopyMessages);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, CopyMessages) == 20 * sizeof(void *), "IMAPIFolderVtbl.CopyMessages is slot 20");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, DeleteMessages);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, DeleteMessages) == 21 * sizeof(void *), "IMAPIFolderVtbl.DeleteMessages is slot 21");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, CreateFolder);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, CreateFolder) == 22 * sizeof(void *), "IMAPIFolderVtbl.CreateFolder is slot 22");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, CopyFolder);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, CopyFolder) == 23 * sizeof(void *), "IMAPIFolderVtbl.CopyFolder is slot 23");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, DeleteFolder);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, DeleteFolder) == 24 * sizeof(void *), "IMAPIFolderVtbl.DeleteFolder is slot 24");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, SetReadFlags);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, SetReadFlags) == 25 * sizeof(void *), "IMAPIFolderVtbl.SetReadFlags is slot 25");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, GetMessageStatus);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, GetMessageStatus) == 26 * sizeof(void *), "IMAPIFolderVtbl.GetMessageStatus is slot 26");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, SetMessageStatus);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, SetMessageStatus) == 27 * sizeof(void *), "IMAPIFolderVtbl.SetMessageStatus is slot 27");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, SaveContentsSort);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, SaveContentsSort) == 28 * sizeof(void *), "IMAPIFolderVtbl.SaveContentsSort is slot 28");
SAME_FIELD(MSLogon_IMAPIFolderVtbl, IMAPIFolderVtbl, EmptyFolder);
CHECK(offsetof(MSLogon_IMAPIFolderVtbl, EmptyFolder) == 29 * sizeof(void *), "IMAPIFolderVtbl.EmptyFolder is slot 29");

/* IMessageVtbl: 22 slots. */
SAME_TYPE(MSLogon_IMessageVtbl, IMessageVtbl);
CHECK(sizeof(MSLogon_IMessageVtbl) == 22 * sizeof(void *), "IMessageVtbl slot count");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMessageVtbl, QueryInterface) == 0 * sizeof(void *), "IMessageVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, AddRef);
CHECK(offsetof(MSLogon_IMessageVtbl, AddRef) == 1 * sizeof(void *), "IMessageVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, Release);
CHECK(offsetof(MSLogon_IMessageVtbl, Release) == 2 * sizeof(void *), "IMessageVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMessageVtbl, GetLastError) == 3 * sizeof(void *), "IMessageVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, SaveChanges);
CHECK(offsetof(MSLogon_IMessageVtbl, SaveChanges) == 4 * sizeof(void *), "IMessageVtbl.SaveChanges is slot 4");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, GetProps);
CHECK(offsetof(MSLogon_IMessageVtbl, GetProps) == 5 * sizeof(void *), "IMessageVtbl.GetProps is slot 5");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, GetPropList);
CHECK(offsetof(MSLogon_IMessageVtbl, GetPropList) == 6 * sizeof(void *), "IMessageVtbl.GetPropList is slot 6");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, OpenProperty);
CHECK(offsetof(MSLogon_IMessageVtbl, OpenProperty) == 7 * sizeof(void *), "IMessageVtbl.OpenProperty is slot 7");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, SetProps);
CHECK(offsetof(MSLogon_IMessageVtbl, SetProps) == 8 * sizeof(void *), "IMessageVtbl.SetProps is slot 8");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, DeleteProps);
CHECK(offsetof(MSLogon_IMessageVtbl, DeleteProps) == 9 * sizeof(void *), "IMessageVtbl.DeleteProps is slot 9");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, CopyTo);
CHECK(offsetof(MSLogon_IMessageVtbl, CopyTo) == 10 * sizeof(void *), "IMessageVtbl.CopyTo is slot 10");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, CopyProps);
CHECK(offsetof(MSLogon_IMessageVtbl, CopyProps) == 11 * sizeof(void *), "IMessageVtbl.CopyProps is slot 11");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, GetNamesFromIDs);
CHECK(offsetof(MSLogon_IMessageVtbl, GetNamesFromIDs) == 12 * sizeof(void *), "IMessageVtbl.GetNamesFromIDs is slot 12");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, GetIDsFromNames);
CHECK(offsetof(MSLogon_IMessageVtbl, GetIDsFromNames) == 13 * sizeof(void *), "IMessageVtbl.GetIDsFromNames is slot 13");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, GetAttachmentTable);
CHECK(offsetof(MSLogon_IMessageVtbl, GetAttachmentTable) == 14 * sizeof(void *), "IMessageVtbl.GetAttachmentTable is slot 14");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, OpenAttach);
CHECK(offsetof(MSLogon_IMessageVtbl, OpenAttach) == 15 * sizeof(void *), "IMessageVtbl.OpenAttach is slot 15");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, CreateAttach);
CHECK(offsetof(MSLogon_IMessageVtbl, CreateAttach) == 16 * sizeof(void *), "IMessageVtbl.CreateAttach is slot 16");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, DeleteAttach);
CHECK(offsetof(MSLogon_IMessageVtbl, DeleteAttach) == 17 * sizeof(void *), "IMessageVtbl.DeleteAttach is slot 17");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, GetRecipientTable);
CHECK(offsetof(MSLogon_IMessageVtbl, GetRecipientTable) == 18 * sizeof(void *), "IMessageVtbl.GetRecipientTable is slot 18");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, ModifyRecipients);
CHECK(offsetof(MSLogon_IMessageVtbl, ModifyRecipients) == 19 * sizeof(void *), "IMessageVtbl.ModifyRecipients is slot 19");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, SubmitMessage);
CHECK(offsetof(MSLogon_IMessageVtbl, SubmitMessage) == 20 * sizeof(void *), "IMessageVtbl.SubmitMessage is slot 20");
SAME_FIELD(MSLogon_IMessageVtbl, IMessageVtbl, SetReadFlag);
CHECK(offsetof(MSLogon_IMessageVtbl, SetReadFlag) == 21 * sizeof(void *), "IMessageVtbl.SetReadFlag is slot 21");

/* IAttachVtbl: 14 slots. */
SAME_TYPE(MSLogon_IAttachVtbl, IAttachVtbl);
CHECK(sizeof(MSLogon_IAttachVtbl) == 14 * sizeof(void *), "IAttachVtbl slot count");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IAttachVtbl, QueryInterface) == 0 * sizeof(void *), "IAttachVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, AddRef);
CHECK(offsetof(MSLogon_IAttachVtbl, AddRef) == 1 * sizeof(void *), "IAttachVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, Release);
CHECK(offsetof(MSLogon_IAttachVtbl, Release) == 2 * sizeof(void *), "IAttachVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, GetLastError);
CHECK(offsetof(MSLogon_IAttachVtbl, GetLastError) == 3 * sizeof(void *), "IAttachVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, SaveChanges);
CHECK(offsetof(MSLogon_IAttachVtbl, SaveChanges) == 4 * sizeof(void *), "IAttachVtbl.SaveChanges is slot 4");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, GetProps);
CHECK(offsetof(MSLogon_IAttachVtbl, GetProps) == 5 * sizeof(void *), "IAttachVtbl.GetProps is slot 5");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, GetPropList);
CHECK(offsetof(MSLogon_IAttachVtbl, GetPropList) == 6 * sizeof(void *), "IAttachVtbl.GetPropList is slot 6");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, OpenProperty);
CHECK(offsetof(MSLogon_IAttachVtbl, OpenProperty) == 7 * sizeof(void *), "IAttachVtbl.OpenProperty is slot 7");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, SetProps);
CHECK(offsetof(MSLogon_IAttachVtbl, SetProps) == 8 * sizeof(void *), "IAttachVtbl.SetProps is slot 8");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, DeleteProps);
CHECK(offsetof(MSLogon_IAttachVtbl, DeleteProps) == 9 * sizeof(void *), "IAttachVtbl.DeleteProps is slot 9");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, CopyTo);
CHECK(offsetof(MSLogon_IAttachVtbl, CopyTo) == 10 * sizeof(void *), "IAttachVtbl.CopyTo is slot 10");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, CopyProps);
CHECK(offsetof(MSLogon_IAttachVtbl, CopyProps) == 11 * sizeof(void *), "IAttachVtbl.CopyProps is slot 11");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, GetNamesFromIDs);
CHECK(offsetof(MSLogon_IAttachVtbl, GetNamesFromIDs) == 12 * sizeof(void *), "IAttachVtbl.GetNamesFromIDs is slot 12");
SAME_FIELD(MSLogon_IAttachVtbl, IAttachVtbl, GetIDsFromNames);
CHECK(offsetof(MSLogon_IAttachVtbl, GetIDsFromNames) == 13 * sizeof(void *), "IAttachVtbl.GetIDsFromNames is slot 13");

/* IMAPIStatusVtbl: 18 slots. */
SAME_TYPE(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl);
CHECK(sizeof(MSLogon_IMAPIStatusVtbl) == 18 * sizeof(void *), "IMAPIStatusVtbl slot count");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, QueryInterface) == 0 * sizeof(void *), "IMAPIStatusVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, AddRef);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, AddRef) == 1 * sizeof(void *), "IMAPIStatusVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, Release);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, Release) == 2 * sizeof(void *), "IMAPIStatusVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, GetLastError) == 3 * sizeof(void *), "IMAPIStatusVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, SaveChanges);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, SaveChanges) == 4 * sizeof(void *), "IMAPIStatusVtbl.SaveChanges is slot 4");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, GetProps);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, GetProps) == 5 * sizeof(void *), "IMAPIStatusVtbl.GetProps is slot 5");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, GetPropList);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, GetPropList) == 6 * sizeof(void *), "IMAPIStatusVtbl.GetPropList is slot 6");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, OpenProperty);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, OpenProperty) == 7 * sizeof(void *), "IMAPIStatusVtbl.OpenProperty is slot 7");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, SetProps);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, SetProps) == 8 * sizeof(void *), "IMAPIStatusVtbl.SetProps is slot 8");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, DeleteProps);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, DeleteProps) == 9 * sizeof(void *), "IMAPIStatusVtbl.DeleteProps is slot 9");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, CopyTo);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, CopyTo) == 10 * sizeof(void *), "IMAPIStatusVtbl.CopyTo is slot 10");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, CopyProps);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, CopyProps) == 11 * sizeof(void *), "IMAPIStatusVtbl.CopyProps is slot 11");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, GetNamesFromIDs);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, GetNamesFromIDs) == 12 * sizeof(void *), "IMAPIStatusVtbl.GetNamesFromIDs is slot 12");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, GetIDsFromNames);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, GetIDsFromNames) == 13 * sizeof(void *), "IMAPIStatusVtbl.GetIDsFromNames is slot 13");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, ValidateState);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, ValidateState) == 14 * sizeof(void *), "IMAPIStatusVtbl.ValidateState is slot 14");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, SettingsDialog);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, SettingsDialog) == 15 * sizeof(void *), "IMAPIStatusVtbl.SettingsDialog is slot 15");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, ChangePassword);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, ChangePassword) == 16 * sizeof(void *), "IMAPIStatusVtbl.ChangePassword is slot 16");
SAME_FIELD(MSLogon_IMAPIStatusVtbl, IMAPIStatusVtbl, FlushQueues);
CHECK(offsetof(MSLogon_IMAPIStatusVtbl, FlushQueues) == 17 * sizeof(void *), "IMAPIStatusVtbl.FlushQueues is slot 17");

/* IMAPITableVtbl: 26 slots. */
SAME_TYPE(MSLogon_IMAPITableVtbl, IMAPITableVtbl);
CHECK(sizeof(MSLogon_IMAPITableVtbl) == 26 * sizeof(void *), "IMAPITableVtbl slot count");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IMAPITableVtbl, QueryInterface) == 0 * sizeof(void *), "IMAPITableVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, AddRef);
CHECK(offsetof(MSLogon_IMAPITableVtbl, AddRef) == 1 * sizeof(void *), "IMAPITableVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, Release);
CHECK(offsetof(MSLogon_IMAPITableVtbl, Release) == 2 * sizeof(void *), "IMAPITableVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, GetLastError);
CHECK(offsetof(MSLogon_IMAPITableVtbl, GetLastError) == 3 * sizeof(void *), "IMAPITableVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, Advise);
CHECK(offsetof(MSLogon_IMAPITableVtbl, Advise) == 4 * sizeof(void *), "IMAPITableVtbl.Advise is slot 4");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, Unadvise);
CHECK(offsetof(MSLogon_IMAPITableVtbl, Unadvise) == 5 * sizeof(void *), "IMAPITableVtbl.Unadvise is slot 5");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, GetStatus);
CHECK(offsetof(MSLogon_IMAPITableVtbl, GetStatus) == 6 * sizeof(void *), "IMAPITableVtbl.GetStatus is slot 6");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, SetColumns);
CHECK(offsetof(MSLogon_IMAPITableVtbl, SetColumns) == 7 * sizeof(void *), "IMAPITableVtbl.SetColumns is slot 7");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, QueryColumns);
CHECK(offsetof(MSLogon_IMAPITableVtbl, QueryColumns) == 8 * sizeof(void *), "IMAPITableVtbl.QueryColumns is slot 8");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, GetRowCount);
CHECK(offsetof(MSLogon_IMAPITableVtbl, GetRowCount) == 9 * sizeof(void *), "IMAPITableVtbl.GetRowCount is slot 9");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, SeekRow);
CHECK(offsetof(MSLogon_IMAPITableVtbl, SeekRow) == 10 * sizeof(void *), "IMAPITableVtbl.SeekRow is slot 10");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, SeekRowApprox);
CHECK(offsetof(MSLogon_IMAPITableVtbl, SeekRowApprox) == 11 * sizeof(void *), "IMAPITableVtbl.SeekRowApprox is slot 11");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, QueryPosition);
CHECK(offsetof(MSLogon_IMAPITableVtbl, QueryPosition) == 12 * sizeof(void *), "IMAPITableVtbl.QueryPosition is slot 12");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, FindRow);
CHECK(offsetof(MSLogon_IMAPITableVtbl, FindRow) == 13 * sizeof(void *), "IMAPITableVtbl.FindRow is slot 13");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, Restrict);
CHECK(offsetof(MSLogon_IMAPITableVtbl, Restrict) == 14 * sizeof(void *), "IMAPITableVtbl.Restrict is slot 14");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, CreateBookmark);
CHECK(offsetof(MSLogon_IMAPITableVtbl, CreateBookmark) == 15 * sizeof(void *), "IMAPITableVtbl.CreateBookmark is slot 15");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, FreeBookmark);
CHECK(offsetof(MSLogon_IMAPITableVtbl, FreeBookmark) == 16 * sizeof(void *), "IMAPITableVtbl.FreeBookmark is slot 16");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, SortTable);
CHECK(offsetof(MSLogon_IMAPITableVtbl, SortTable) == 17 * sizeof(void *), "IMAPITableVtbl.SortTable is slot 17");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, QuerySortOrder);
CHECK(offsetof(MSLogon_IMAPITableVtbl, QuerySortOrder) == 18 * sizeof(void *), "IMAPITableVtbl.QuerySortOrder is slot 18");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, QueryRows);
CHECK(offsetof(MSLogon_IMAPITableVtbl, QueryRows) == 19 * sizeof(void *), "IMAPITableVtbl.QueryRows is slot 19");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, Abort);
CHECK(offsetof(MSLogon_IMAPITableVtbl, Abort) == 20 * sizeof(void *), "IMAPITableVtbl.Abort is slot 20");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, ExpandRow);
CHECK(offsetof(MSLogon_IMAPITableVtbl, ExpandRow) == 21 * sizeof(void *), "IMAPITableVtbl.ExpandRow is slot 21");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, CollapseRow);
CHECK(offsetof(MSLogon_IMAPITableVtbl, CollapseRow) == 22 * sizeof(void *), "IMAPITableVtbl.CollapseRow is slot 22");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, WaitForCompletion);
CHECK(offsetof(MSLogon_IMAPITableVtbl, WaitForCompletion) == 23 * sizeof(void *), "IMAPITableVtbl.WaitForCompletion is slot 23");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, GetCollapseState);
CHECK(offsetof(MSLogon_IMAPITableVtbl, GetCollapseState) == 24 * sizeof(void *), "IMAPITableVtbl.GetCollapseState is slot 24");
SAME_FIELD(MSLogon_IMAPITableVtbl, IMAPITableVtbl, SetCollapseState);
CHECK(offsetof(MSLogon_IMAPITableVtbl, SetCollapseState) == 25 * sizeof(void *), "IMAPITableVtbl.SetCollapseState is slot 25");

/* IStreamVtbl: 14 slots. */
SAME_TYPE(MSLogon_IStreamVtbl, IStreamVtbl);
CHECK(sizeof(MSLogon_IStreamVtbl) == 14 * sizeof(void *), "IStreamVtbl slot count");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IStreamVtbl, QueryInterface) == 0 * sizeof(void *), "IStreamVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, AddRef);
CHECK(offsetof(MSLogon_IStreamVtbl, AddRef) == 1 * sizeof(void *), "IStreamVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, Release);
CHECK(offsetof(MSLogon_IStreamVtbl, Release) == 2 * sizeof(void *), "IStreamVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, Read);
CHECK(offsetof(MSLogon_IStreamVtbl, Read) == 3 * sizeof(void *), "IStreamVtbl.Read is slot 3");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, Write);
CHECK(offsetof(MSLogon_IStreamVtbl, Write) == 4 * sizeof(void *), "IStreamVtbl.Write is slot 4");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, Seek);
CHECK(offsetof(MSLogon_IStreamVtbl, Seek) == 5 * sizeof(void *), "IStreamVtbl.Seek is slot 5");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, SetSize);
CHECK(offsetof(MSLogon_IStreamVtbl, SetSize) == 6 * sizeof(void *), "IStreamVtbl.SetSize is slot 6");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, CopyTo);
CHECK(offsetof(MSLogon_IStreamVtbl, CopyTo) == 7 * sizeof(void *), "IStreamVtbl.CopyTo is slot 7");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, Commit);
CHECK(offsetof(MSLogon_IStreamVtbl, Commit) == 8 * sizeof(void *), "IStreamVtbl.Commit is slot 8");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, Revert);
CHECK(offsetof(MSLogon_IStreamVtbl, Revert) == 9 * sizeof(void *), "IStreamVtbl.Revert is slot 9");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, LockRegion);
CHECK(offsetof(MSLogon_IStreamVtbl, LockRegion) == 10 * sizeof(void *), "IStreamVtbl.LockRegion is slot 10");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, UnlockRegion);
CHECK(offsetof(MSLogon_IStreamVtbl, UnlockRegion) == 11 * sizeof(void *), "IStreamVtbl.UnlockRegion is slot 11");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, Stat);
CHECK(offsetof(MSLogon_IStreamVtbl, Stat) == 12 * sizeof(void *), "IStreamVtbl.Stat is slot 12");
SAME_FIELD(MSLogon_IStreamVtbl, IStreamVtbl, Clone);
CHECK(offsetof(MSLogon_IStreamVtbl, Clone) == 13 * sizeof(void *), "IStreamVtbl.Clone is slot 13");

/* IProfSectVtbl: 14 slots. */
SAME_TYPE(MSLogon_IProfSectVtbl, IProfSectVtbl);
CHECK(sizeof(MSLogon_IProfSectVtbl) == 14 * sizeof(void *), "IProfSectVtbl slot count");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IProfSectVtbl, QueryInterface) == 0 * sizeof(void *), "IProfSectVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, AddRef);
CHECK(offsetof(MSLogon_IProfSectVtbl, AddRef) == 1 * sizeof(void *), "IProfSectVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, Release);
CHECK(offsetof(MSLogon_IProfSectVtbl, Release) == 2 * sizeof(void *), "IProfSectVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, GetLastError);
CHECK(offsetof(MSLogon_IProfSectVtbl, GetLastError) == 3 * sizeof(void *), "IProfSectVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, SaveChanges);
CHECK(offsetof(MSLogon_IProfSectVtbl, SaveChanges) == 4 * sizeof(void *), "IProfSectVtbl.SaveChanges is slot 4");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, GetProps);
CHECK(offsetof(MSLogon_IProfSectVtbl, GetProps) == 5 * sizeof(void *), "IProfSectVtbl.GetProps is slot 5");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, GetPropList);
CHECK(offsetof(MSLogon_IProfSectVtbl, GetPropList) == 6 * sizeof(void *), "IProfSectVtbl.GetPropList is slot 6");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, OpenProperty);
CHECK(offsetof(MSLogon_IProfSectVtbl, OpenProperty) == 7 * sizeof(void *), "IProfSectVtbl.OpenProperty is slot 7");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, SetProps);
CHECK(offsetof(MSLogon_IProfSectVtbl, SetProps) == 8 * sizeof(void *), "IProfSectVtbl.SetProps is slot 8");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, DeleteProps);
CHECK(offsetof(MSLogon_IProfSectVtbl, DeleteProps) == 9 * sizeof(void *), "IProfSectVtbl.DeleteProps is slot 9");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, CopyTo);
CHECK(offsetof(MSLogon_IProfSectVtbl, CopyTo) == 10 * sizeof(void *), "IProfSectVtbl.CopyTo is slot 10");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, CopyProps);
CHECK(offsetof(MSLogon_IProfSectVtbl, CopyProps) == 11 * sizeof(void *), "IProfSectVtbl.CopyProps is slot 11");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, GetNamesFromIDs);
CHECK(offsetof(MSLogon_IProfSectVtbl, GetNamesFromIDs) == 12 * sizeof(void *), "IProfSectVtbl.GetNamesFromIDs is slot 12");
SAME_FIELD(MSLogon_IProfSectVtbl, IProfSectVtbl, GetIDsFromNames);
CHECK(offsetof(MSLogon_IProfSectVtbl, GetIDsFromNames) == 13 * sizeof(void *), "IProfSectVtbl.GetIDsFromNames is slot 13");

/* IProviderAdminVtbl: 8 slots. */
SAME_TYPE(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl);
CHECK(sizeof(MSLogon_IProviderAdminVtbl) == 8 * sizeof(void *), "IProviderAdminVtbl slot count");
SAME_FIELD(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl, QueryInterface);
CHECK(offsetof(MSLogon_IProviderAdminVtbl, QueryInterface) == 0 * sizeof(void *), "IProviderAdminVtbl.QueryInterface is slot 0");
SAME_FIELD(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl, AddRef);
CHECK(offsetof(MSLogon_IProviderAdminVtbl, AddRef) == 1 * sizeof(void *), "IProviderAdminVtbl.AddRef is slot 1");
SAME_FIELD(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl, Release);
CHECK(offsetof(MSLogon_IProviderAdminVtbl, Release) == 2 * sizeof(void *), "IProviderAdminVtbl.Release is slot 2");
SAME_FIELD(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl, GetLastError);
CHECK(offsetof(MSLogon_IProviderAdminVtbl, GetLastError) == 3 * sizeof(void *), "IProviderAdminVtbl.GetLastError is slot 3");
SAME_FIELD(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl, GetProviderTable);
CHECK(offsetof(MSLogon_IProviderAdminVtbl, GetProviderTable) == 4 * sizeof(void *), "IProviderAdminVtbl.GetProviderTable is slot 4");
SAME_FIELD(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl, CreateProvider);
CHECK(offsetof(MSLogon_IProviderAdminVtbl, CreateProvider) == 5 * sizeof(void *), "IProviderAdminVtbl.CreateProvider is slot 5");
SAME_FIELD(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl, DeleteProvider);
CHECK(offsetof(MSLogon_IProviderAdminVtbl, DeleteProvider) == 6 * sizeof(void *), "IProviderAdminVtbl.DeleteProvider is slot 6");
SAME_FIELD(MSLogon_IProviderAdminVtbl, IProviderAdminVtbl, OpenProfileSection);
CHECK(offsetof(MSLogon_IProviderAdminVtbl, OpenProfileSection) == 7 * sizeof(void *), "IProviderAdminVtbl.OpenProfileSection is slot 7");

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
SAME_CONST(MSG_SERVICE_INSTALL);
SAME_CONST(MSG_SERVICE_CREATE);
SAME_CONST(MSG_SERVICE_CONFIGURE);
SAME_CONST(MSG_SERVICE_DELETE);
SAME_CONST(MSG_SERVICE_UNINSTALL);
SAME_CONST(MSG_SERVICE_PROVIDER_CREATE);
SAME_CONST(MSG_SERVICE_PROVIDER_DELETE);
SAME_CONST(SERVICE_UI_ALLOWED);
SAME_CONST(SERVICE_UI_ALWAYS);
SAME_CONST(MSG_SERVICE_UI_READ_ONLY);
SAME_CONST(UI_CURRENT_PROVIDER_FIRST);
SAME_CONST(SERVICE_LOGON_FAILED);
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
SAME_CONST(MAPI_E_STRING_TOO_LONG);
SAME_CONST(MAPI_E_OBJECT_CHANGED);
SAME_CONST(MAPI_E_OBJECT_DELETED);
SAME_CONST(MAPI_E_NOT_ENOUGH_DISK);
SAME_CONST(MAPI_E_NOT_ENOUGH_RESOURCES);
SAME_CONST(MAPI_E_SESSION_LIMIT);
SAME_CONST(MAPI_E_USER_CANCEL);
SAME_CONST(MAPI_E_UNABLE_TO_ABORT);
SAME_CONST(MAPI_E_NETWORK_ERROR);
SAME_CONST(MAPI_E_DISK_ERROR);
SAME_CONST(MAPI_E_TOO_COMPLEX);
SAME_CONST(MAPI_E_BAD_COLUMN);
SAME_CONST(MAPI_E_EXTENDED_ERROR);
SAME_CONST(MAPI_E_CORRUPT_DATA);
SAME_CONST(MAPI_E_UNCONFIGURED);
SAME_CONST(MAPI_E_FAILONEPROVIDER);
SAME_CONST(MAPI_E_UNKNOWN_CPID);
SAME_CONST(MAPI_E_UNKNOWN_LCID);
SAME_CONST(MAPI_E_PASSWORD_CHANGE_REQUIRED);
SAME_CONST(MAPI_E_PASSWORD_EXPIRED);
SAME_CONST(MAPI_E_INVALID_WORKSTATION_ACCOUNT);
SAME_CONST(MAPI_E_INVALID_ACCESS_TIME);
SAME_CONST(MAPI_E_ACCOUNT_DISABLED);
SAME_CONST(MAPI_E_UNKNOWN_ENTRYID);
SAME_CONST(MAPI_E_MISSING_REQUIRED_COLUMN);
SAME_CONST(MAPI_E_TOO_BIG);
SAME_CONST(MAPI_E_DECLINE_COPY);
SAME_CONST(MAPI_E_UNEXPECTED_ID);
SAME_CONST(MAPI_E_UNABLE_TO_COMPLETE);
SAME_CONST(MAPI_E_TIMEOUT);
SAME_CONST(MAPI_E_TABLE_EMPTY);
SAME_CONST(MAPI_E_TABLE_TOO_BIG);
SAME_CONST(MAPI_E_INVALID_BOOKMARK);
SAME_CONST(MAPI_E_WAIT);
SAME_CONST(MAPI_E_CANCEL);
SAME_CONST(MAPI_E_NOT_ME);
SAME_CONST(MAPI_E_CORRUPT_STORE);
SAME_CONST(MAPI_E_NOT_IN_QUEUE);
SAME_CONST(MAPI_E_NO_SUPPRESS);
SAME_CONST(MAPI_E_COLLISION);
SAME_CONST(MAPI_E_NON_STANDARD);
SAME_CONST(MAPI_E_NO_RECIPIENTS);
SAME_CONST(MAPI_E_SUBMITTED);
SAME_CONST(MAPI_E_HAS_FOLDERS);
SAME_CONST(MAPI_E_HAS_MESSAGES);
SAME_CONST(MAPI_E_FOLDER_CYCLE);
SAME_CONST(MAPI_E_AMBIGUOUS_RECIP);
SAME_CONST(MAPI_W_NO_SERVICE);
SAME_CONST(MAPI_W_POSITION_CHANGED);
SAME_CONST(MAPI_W_APPROX_COUNT);
SAME_CONST(MAPI_W_CANCEL_MESSAGE);
SAME_CONST(MAPI_W_PARTIAL_COMPLETION);
SAME_CONST(E_NOTIMPL);
SAME_CONST(E_POINTER);
SAME_CONST(E_UNEXPECTED);
SAME_CONST(STG_E_INVALIDFUNCTION);
SAME_CONST(STG_E_ACCESSDENIED);
SAME_CONST(STG_E_INVALIDPOINTER);
SAME_CONST(STG_E_MEDIUMFULL);
SAME_CONST(STG_E_INVALIDPARAMETER);
SAME_CONST(STG_E_REVERTED);
SAME_CONST(STG_E_INVALIDFLAG);
SAME_CONST(KEEP_OPEN_READONLY);
SAME_CONST(KEEP_OPEN_READWRITE);
SAME_CONST(FORCE_SAVE);
SAME_CONST(MAPI_CREATE);
SAME_CONST(MAPI_NO_STRINGS);
SAME_CONST(MAPI_NO_IDS);
SAME_CONST(MNID_ID);
SAME_CONST(MNID_STRING);
SAME_CONST(MAPI_ASSOCIATED);
SAME_CONST(OPEN_IF_EXISTS);
SAME_CONST(FOLDER_ROOT);
SAME_CONST(FOLDER_GENERIC);
SAME_CONST(FOLDER_SEARCH);
SAME_CONST(DEL_MESSAGES);
SAME_CONST(DEL_FOLDERS);
SAME_CONST(DEL_ASSOCIATED);
SAME_CONST(FOLDER_MOVE);
SAME_CONST(FOLDER_DIALOG);
SAME_CONST(COPY_SUBFOLDERS);
SAME_CONST(MESSAGE_MOVE);
SAME_CONST(MESSAGE_DIALOG);
SAME_CONST(MAPI_MOVE);
SAME_CONST(MAPI_NOREPLACE);
SAME_CONST(MAPI_DECLINE_OK);
SAME_CONST(MAPI_DIALOG);
SAME_CONST(MODRECIP_ADD);
SAME_CONST(MODRECIP_MODIFY);
SAME_CONST(MODRECIP_REMOVE);
SAME_CONST(SUPPRESS_RECEIPT);
SAME_CONST(CLEAR_READ_FLAG);
SAME_CONST(GENERATE_RECEIPT_ONLY);
SAME_CONST(CLEAR_RN_PENDING);
SAME_CONST(CLEAR_NRN_PENDING);
SAME_CONST(MSGFLAG_READ);
SAME_CONST(MSGFLAG_UNMODIFIED);
SAME_CONST(MSGFLAG_SUBMIT);
SAME_CONST(MSGFLAG_UNSENT);
SAME_CONST(MSGFLAG_HASATTACH);
SAME_CONST(MSGFLAG_FROMME);
SAME_CONST(MSGFLAG_ASSOCIATED);
SAME_CONST(MSGFLAG_RESEND);
SAME_CONST(MSGFLAG_RN_PENDING);
SAME_CONST(MSGFLAG_NRN_PENDING);
MICROSOFT_VALUE(MSGFLAG_ORIGIN_X400, 0x00001000); /* not in MinGW-w64 */
MICROSOFT_VALUE(MSGFLAG_ORIGIN_INTERNET, 0x00002000); /* not in MinGW-w64 */
MICROSOFT_VALUE(MSGFLAG_ORIGIN_MISC_EXT, 0x00008000); /* not in MinGW-w64 */
SAME_CONST(MSGSTATUS_HIGHLIGHTED);
SAME_CONST(MSGSTATUS_TAGGED);
SAME_CONST(MSGSTATUS_HIDDEN);
SAME_CONST(MSGSTATUS_DELMARKED);
SAME_CONST(MSGSTATUS_REMOTE_DOWNLOAD);
SAME_CONST(MSGSTATUS_REMOTE_DELETE);
SAME_CONST(MAPI_ADDRBOOK);
SAME_CONST(MAPI_ABCONT);
SAME_CONST(MAPI_MAILUSER);
SAME_CONST(MAPI_ATTACH);
SAME_CONST(MAPI_DISTLIST);
SAME_CONST(MAPI_PROFSECT);
SAME_CONST(MAPI_SESSION);
SAME_CONST(MAPI_FORMINFO);
SAME_CONST(MAPI_TO);
SAME_CONST(MAPI_CC);
SAME_CONST(MAPI_BCC);
SAME_CONST(MAPI_P1);
SAME_CONST(MAPI_SUBMITTED);
SAME_CONST(NO_ATTACHMENT);
SAME_CONST(ATTACH_BY_VALUE);
SAME_CONST(ATTACH_BY_REFERENCE);
SAME_CONST(ATTACH_BY_REF_RESOLVE);
SAME_CONST(ATTACH_BY_REF_ONLY);
SAME_CONST(ATTACH_EMBEDDED_MSG);
SAME_CONST(ATTACH_OLE);
SAME_CONST(MAPI_STORE_PROVIDER);
SAME_CONST(STATUS_AVAILABLE);
SAME_CONST(STATUS_OFFLINE);
SAME_CONST(STATUS_FAILURE);
SAME_CONST(STATUS_VALIDATE_STATE);
SAME_CONST(STATUS_SETTINGS_DIALOG);
SAME_CONST(STATUS_CHANGE_PASSWORD);
SAME_CONST(STATUS_FLUSH_QUEUES);
SAME_CONST(SUPPRESS_UI);
SAME_CONST(REFRESH_XP_HEADER_CACHE);
SAME_CONST(PROCESS_XP_HEADER_CACHE);
SAME_CONST(FORCE_XP_CONNECT);
SAME_CONST(FORCE_XP_DISCONNECT);
SAME_CONST(CONFIG_CHANGED);
SAME_CONST(ABORT_XP_HEADER_OPERATION);
SAME_CONST(SHOW_XP_SESSION_UI);
SAME_CONST(FOLDER_IPM_SUBTREE_VALID);
SAME_CONST(FOLDER_IPM_INBOX_VALID);
SAME_CONST(FOLDER_IPM_OUTBOX_VALID);
SAME_CONST(FOLDER_IPM_WASTEBASKET_VALID);
SAME_CONST(FOLDER_IPM_SENTMAIL_VALID);
SAME_CONST(FOLDER_VIEWS_VALID);
SAME_CONST(FOLDER_COMMON_VIEWS_VALID);
SAME_CONST(FOLDER_FINDER_VALID);
SAME_CONST(MAPI_ACCESS_MODIFY);
SAME_CONST(MAPI_ACCESS_READ);
SAME_CONST(MAPI_ACCESS_DELETE);
SAME_CONST(MAPI_ACCESS_CREATE_HIERARCHY);
SAME_CONST(MAPI_ACCESS_CREATE_CONTENTS);
SAME_CONST(MAPI_ACCESS_CREATE_ASSOCIATED);
SAME_CONST(CONVENIENT_DEPTH);
MICROSOFT_VALUE(SHOW_SOFT_DELETES, 0x00000002); /* not in MinGW-w64 */
SAME_CONST(TABLE_SORT_ASCEND);
SAME_CONST(TABLE_SORT_DESCEND);
SAME_CONST(TABLE_SORT_COMBINE);
SAME_CONST(TBL_ALL_COLUMNS);
SAME_CONST(TBL_NOWAIT);
SAME_CONST(TBL_ASYNC);
SAME_CONST(TBL_BATCH);
SAME_CONST(TBL_NOADVANCE);
SAME_CONST(DIR_BACKWARD);
SAME_CONST(TBL_LEAF_ROW);
SAME_CONST(TBL_EMPTY_CATEGORY);
SAME_CONST(TBL_EXPANDED_CATEGORY);
SAME_CONST(TBL_COLLAPSED_CATEGORY);
SAME_CONST(TBLSTAT_COMPLETE);
SAME_CONST(TBLSTAT_QCHANGED);
SAME_CONST(TBLSTAT_SORTING);
SAME_CONST(TBLSTAT_SORT_ERROR);
SAME_CONST(TBLSTAT_SETTING_COLS);
SAME_CONST(TBLSTAT_SETCOL_ERROR);
SAME_CONST(TBLSTAT_RESTRICTING);
SAME_CONST(TBLSTAT_RESTRICT_ERROR);
SAME_CONST(TBLTYPE_SNAPSHOT);
SAME_CONST(TBLTYPE_KEYSET);
SAME_CONST(TBLTYPE_DYNAMIC);
SAME_CONST(TABLE_CHANGED);
SAME_CONST(TABLE_ERROR);
SAME_CONST(TABLE_ROW_ADDED);
SAME_CONST(TABLE_ROW_DELETED);
SAME_CONST(TABLE_ROW_MODIFIED);
SAME_CONST(TABLE_SORT_DONE);
SAME_CONST(TABLE_RESTRICT_DONE);
SAME_CONST(TABLE_SETCOL_DONE);
SAME_CONST(TABLE_RELOAD);
SAME_CONST(SEARCH_RUNNING);
SAME_CONST(SEARCH_REBUILD);
SAME_CONST(SEARCH_RECURSIVE);
SAME_CONST(SEARCH_FOREGROUND);
SAME_CONST(STOP_SEARCH);
SAME_CONST(RESTART_SEARCH);
SAME_CONST(RECURSIVE_SEARCH);
SAME_CONST(SHALLOW_SEARCH);
SAME_CONST(FOREGROUND_SEARCH);
SAME_CONST(BACKGROUND_SEARCH);
SAME_VALUE_POINTER_SIZED(BOOKMARK_BEGINNING);
SAME_VALUE_POINTER_SIZED(BOOKMARK_CURRENT);
SAME_VALUE_POINTER_SIZED(BOOKMARK_END);
SAME_CONST(RES_AND);
SAME_CONST(RES_OR);
SAME_CONST(RES_NOT);
SAME_CONST(RES_CONTENT);
SAME_CONST(RES_PROPERTY);
SAME_CONST(RES_COMPAREPROPS);
SAME_CONST(RES_BITMASK);
SAME_CONST(RES_SIZE);
SAME_CONST(RES_EXIST);
SAME_CONST(RES_SUBRESTRICTION);
SAME_CONST(RES_COMMENT);
MICROSOFT_VALUE(RES_COUNT, 0x0000000B); /* not in MinGW-w64 */
MICROSOFT_VALUE(RES_ANNOTATION, 0x0000000C); /* not in MinGW-w64 */
SAME_CONST(RELOP_LT);
SAME_CONST(RELOP_LE);
SAME_CONST(RELOP_GT);
SAME_CONST(RELOP_GE);
SAME_CONST(RELOP_EQ);
SAME_CONST(RELOP_NE);
SAME_CONST(RELOP_RE);
SAME_CONST(FL_FULLSTRING);
SAME_CONST(FL_SUBSTRING);
SAME_CONST(FL_PREFIX);
SAME_CONST(FL_IGNORECASE);
SAME_CONST(FL_IGNORENONSPACE);
SAME_CONST(FL_LOOSE);
SAME_CONST(BMR_EQZ);
SAME_CONST(BMR_NEZ);
SAME_CONST(STGM_DIRECT);
SAME_CONST(STGM_TRANSACTED);
SAME_CONST(STGM_READ);
SAME_CONST(STGM_WRITE);
SAME_CONST(STGM_READWRITE);
SAME_CONST(STGM_SHARE_EXCLUSIVE);
SAME_CONST(STGM_CREATE);
SAME_CONST(STREAM_SEEK_SET);
SAME_CONST(STREAM_SEEK_CUR);
SAME_CONST(STREAM_SEEK_END);
SAME_CONST(STATFLAG_DEFAULT);
SAME_CONST(STATFLAG_NONAME);
SAME_CONST(STGTY_STREAM);
SAME_CONST(STGC_DEFAULT);
MICROSOFT_VALUE(STORE_UNICODE_OK, 0x00040000); /* not in MinGW-w64 */
SAME_CONST(ATTACH_DIALOG);
MICROSOFT_VALUE(MAPI_NO_CACHE, 0x00000200); /* not in MinGW-w64 */
MICROSOFT_VALUE(MAPI_CACHE_ONLY, 0x00004000); /* not in MinGW-w64 */
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
SAME_CONST(PR_SERVICE_UID);
SAME_CONST(PR_MDB_PROVIDER);
SAME_CONST(PR_PARENT_ENTRYID);
SAME_CONST(PR_CONTENT_COUNT);
SAME_CONST(PR_CONTENT_UNREAD);
SAME_CONST(PR_ASSOC_CONTENT_COUNT);
SAME_CONST(PR_SUBFOLDERS);
SAME_CONST(PR_FOLDER_TYPE);
SAME_CONST(PR_CONTAINER_CLASS_W);
SAME_CONST(PR_CONTAINER_CLASS_A);
SAME_CONST(PR_CONTAINER_FLAGS);
SAME_CONST(PR_CONTAINER_HIERARCHY);
SAME_CONST(PR_CONTAINER_CONTENTS);
SAME_CONST(PR_FOLDER_ASSOCIATED_CONTENTS);
SAME_CONST(PR_MESSAGE_CLASS_W);
SAME_CONST(PR_MESSAGE_CLASS_A);
SAME_CONST(PR_SUBJECT_W);
SAME_CONST(PR_SUBJECT_A);
SAME_CONST(PR_NORMALIZED_SUBJECT_W);
SAME_CONST(PR_NORMALIZED_SUBJECT_A);
SAME_CONST(PR_SUBJECT_PREFIX_W);
SAME_CONST(PR_SUBJECT_PREFIX_A);
SAME_CONST(PR_BODY_W);
SAME_CONST(PR_BODY_A);
SAME_CONST(PR_RTF_COMPRESSED);
MICROSOFT_VALUE(PR_HTML, 0x10130102); /* not in MinGW-w64 */
SAME_CONST(PR_MESSAGE_FLAGS);
SAME_CONST(PR_MESSAGE_SIZE);
SAME_CONST(PR_MSG_STATUS);
SAME_CONST(PR_HASATTACH);
SAME_CONST(PR_DISPLAY_TO_W);
SAME_CONST(PR_DISPLAY_TO_A);
SAME_CONST(PR_DISPLAY_CC_W);
SAME_CONST(PR_DISPLAY_CC_A);
SAME_CONST(PR_DISPLAY_BCC_W);
SAME_CONST(PR_DISPLAY_BCC_A);
SAME_CONST(PR_MESSAGE_RECIPIENTS);
SAME_CONST(PR_MESSAGE_ATTACHMENTS);
SAME_CONST(PR_ROWID);
SAME_CONST(PR_RECIPIENT_TYPE);
SAME_CONST(PR_EMAIL_ADDRESS_W);
SAME_CONST(PR_EMAIL_ADDRESS_A);
SAME_CONST(PR_ADDRTYPE_W);
SAME_CONST(PR_ADDRTYPE_A);
SAME_CONST(PR_ATTACH_NUM);
SAME_CONST(PR_ATTACH_DATA_BIN);
SAME_CONST(PR_ATTACH_DATA_OBJ);
SAME_CONST(PR_ATTACH_FILENAME_W);
SAME_CONST(PR_ATTACH_FILENAME_A);
SAME_CONST(PR_ATTACH_LONG_FILENAME_W);
SAME_CONST(PR_ATTACH_LONG_FILENAME_A);
SAME_CONST(PR_ATTACH_METHOD);
SAME_CONST(PR_ATTACH_SIZE);
SAME_CONST(PR_RENDERING_POSITION);
SAME_CONST(PR_SEARCH_KEY);
SAME_CONST(PR_INSTANCE_KEY);
SAME_CONST(PR_CREATION_TIME);
SAME_CONST(PR_LAST_MODIFICATION_TIME);
SAME_CONST(PR_MESSAGE_DELIVERY_TIME);
SAME_CONST(PR_CLIENT_SUBMIT_TIME);
SAME_CONST(PR_IMPORTANCE);
SAME_CONST(PR_PRIORITY);
SAME_CONST(PR_SENSITIVITY);
SAME_CONST(PR_SENDER_NAME_W);
SAME_CONST(PR_SENDER_NAME_A);
SAME_CONST(PR_SENT_REPRESENTING_NAME_W);
SAME_CONST(PR_SENT_REPRESENTING_NAME_A);
SAME_CONST(PR_IPM_SUBTREE_ENTRYID);
SAME_CONST(PR_IPM_OUTBOX_ENTRYID);
SAME_CONST(PR_IPM_WASTEBASKET_ENTRYID);
SAME_CONST(PR_IPM_SENTMAIL_ENTRYID);
SAME_CONST(PR_VIEWS_ENTRYID);
SAME_CONST(PR_COMMON_VIEWS_ENTRYID);
SAME_CONST(PR_FINDER_ENTRYID);
SAME_CONST(PR_VALID_FOLDER_MASK);
SAME_CONST(PR_PROVIDER_DLL_NAME_W);
SAME_CONST(PR_PROVIDER_DLL_NAME_A);
SAME_CONST(PR_RESOURCE_TYPE);
SAME_CONST(PR_RESOURCE_METHODS);
SAME_CONST(PR_STATUS_CODE);
SAME_CONST(PR_STATUS_STRING_W);
SAME_CONST(PR_STATUS_STRING_A);
SAME_CONST(PR_IDENTITY_DISPLAY_W);
SAME_CONST(PR_IDENTITY_DISPLAY_A);
SAME_CONST(PR_COMMENT_W);
SAME_CONST(PR_COMMENT_A);
SAME_CONST(PR_ACCESS);
SAME_CONST(PR_ACCESS_LEVEL);
SAME_CONST(PR_DEPTH);
SAME_CONST(PR_STORE_STATE);
SAME_CONST(PR_RECEIVE_FOLDER_SETTINGS);
SAME_CONST(E_NOINTERFACE);
SAME_CONST(E_FAIL);
SAME_CONST(E_OUTOFMEMORY);
SAME_CONST(E_INVALIDARG);
SAME_CONST(E_ACCESSDENIED);
