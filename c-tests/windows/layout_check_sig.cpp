// layout_check_sig.cpp: every vtable slot of include/mslogon.h has the same
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

#define SAME_SIG(V, m)                                                              \
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
#define WIDENED_ARG(V, m, I, Narrow)                                                \
  static_assert(std::is_same<Arg<decltype(V::m), I>::type, Narrow>::value,           \
                #V "." #m " parameter " #I " is " #Narrow " in MinGW");               \
  static_assert(sizeof(std::remove_pointer<Arg<decltype(MSLogon_##V::m), I>::type>::type) == \
                    sizeof(void *),                                                  \
                #V "." #m " parameter " #I " is pointer-sized here")

SAME_SIG(IUnknownVtbl, QueryInterface);
SAME_SIG(IUnknownVtbl, AddRef);
SAME_SIG(IUnknownVtbl, Release);

SAME_SIG(IMSLogonVtbl, QueryInterface);
SAME_SIG(IMSLogonVtbl, AddRef);
SAME_SIG(IMSLogonVtbl, Release);
SAME_SIG(IMSLogonVtbl, GetLastError);
SAME_SIG(IMSLogonVtbl, Logoff);
SAME_SIG(IMSLogonVtbl, OpenEntry);
SAME_SIG(IMSLogonVtbl, CompareEntryIDs);
WIDENED_ARG(IMSLogonVtbl, Advise, 5, ULONG *);
// IMSLogonVtbl.Advise: lpulConnection is ULONG_PTR *, not ULONG * (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMSLogonVtbl::Advise), Widen<decltype(IMSLogonVtbl::Advise), 5, ULONG_PTR *>::type>(),
              "IMSLogonVtbl.Advise signature (widened)");
WIDENED_ARG(IMSLogonVtbl, Unadvise, 1, ULONG);
// IMSLogonVtbl.Unadvise: ulConnection is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMSLogonVtbl::Unadvise), Widen<decltype(IMSLogonVtbl::Unadvise), 1, ULONG_PTR>::type>(),
              "IMSLogonVtbl.Unadvise signature (widened)");
SAME_SIG(IMSLogonVtbl, OpenStatusEntry);

SAME_SIG(IMAPISupportVtbl, QueryInterface);
SAME_SIG(IMAPISupportVtbl, AddRef);
SAME_SIG(IMAPISupportVtbl, Release);
SAME_SIG(IMAPISupportVtbl, GetLastError);
SAME_SIG(IMAPISupportVtbl, GetMemAllocRoutines);
WIDENED_ARG(IMAPISupportVtbl, Subscribe, 5, ULONG *);
// IMAPISupportVtbl.Subscribe: lpulConnection is ULONG_PTR *, not ULONG * (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::Subscribe), Widen<decltype(IMAPISupportVtbl::Subscribe), 5, ULONG_PTR *>::type>(),
              "IMAPISupportVtbl.Subscribe signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, Unsubscribe, 1, ULONG);
// IMAPISupportVtbl.Unsubscribe: ulConnection is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::Unsubscribe), Widen<decltype(IMAPISupportVtbl::Unsubscribe), 1, ULONG_PTR>::type>(),
              "IMAPISupportVtbl.Unsubscribe signature (widened)");
SAME_SIG(IMAPISupportVtbl, Notify);
SAME_SIG(IMAPISupportVtbl, ModifyStatusRow);
SAME_SIG(IMAPISupportVtbl, OpenProfileSection);
SAME_SIG(IMAPISupportVtbl, RegisterPreprocessor);
SAME_SIG(IMAPISupportVtbl, NewUID);
SAME_SIG(IMAPISupportVtbl, MakeInvalid);
SAME_SIG(IMAPISupportVtbl, SpoolerYield);
SAME_SIG(IMAPISupportVtbl, SpoolerNotify);
SAME_SIG(IMAPISupportVtbl, CreateOneOff);
SAME_SIG(IMAPISupportVtbl, SetProviderUID);
SAME_SIG(IMAPISupportVtbl, CompareEntryIDs);
SAME_SIG(IMAPISupportVtbl, OpenTemplateID);
SAME_SIG(IMAPISupportVtbl, OpenEntry);
SAME_SIG(IMAPISupportVtbl, GetOneOffTable);
WIDENED_ARG(IMAPISupportVtbl, Address, 1, ULONG *);
// IMAPISupportVtbl.Address: lpulUIParam is ULONG_PTR *, not ULONG * (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::Address), Widen<decltype(IMAPISupportVtbl::Address), 1, ULONG_PTR *>::type>(),
              "IMAPISupportVtbl.Address signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, Details, 1, ULONG *);
// IMAPISupportVtbl.Details: lpulUIParam is ULONG_PTR *, not ULONG * (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::Details), Widen<decltype(IMAPISupportVtbl::Details), 1, ULONG_PTR *>::type>(),
              "IMAPISupportVtbl.Details signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, NewEntry, 1, ULONG);
// IMAPISupportVtbl.NewEntry: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::NewEntry), Widen<decltype(IMAPISupportVtbl::NewEntry), 1, ULONG_PTR>::type>(),
              "IMAPISupportVtbl.NewEntry signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, DoConfigPropsheet, 1, ULONG);
// IMAPISupportVtbl.DoConfigPropsheet: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::DoConfigPropsheet), Widen<decltype(IMAPISupportVtbl::DoConfigPropsheet), 1, ULONG_PTR>::type>(),
              "IMAPISupportVtbl.DoConfigPropsheet signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, CopyMessages, 6, ULONG);
// IMAPISupportVtbl.CopyMessages: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::CopyMessages), Widen<decltype(IMAPISupportVtbl::CopyMessages), 6, ULONG_PTR>::type>(),
              "IMAPISupportVtbl.CopyMessages signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, CopyFolder, 8, ULONG);
// IMAPISupportVtbl.CopyFolder: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::CopyFolder), Widen<decltype(IMAPISupportVtbl::CopyFolder), 8, ULONG_PTR>::type>(),
              "IMAPISupportVtbl.CopyFolder signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, DoCopyTo, 6, ULONG);
// IMAPISupportVtbl.DoCopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::DoCopyTo), Widen<decltype(IMAPISupportVtbl::DoCopyTo), 6, ULONG_PTR>::type>(),
              "IMAPISupportVtbl.DoCopyTo signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, DoCopyProps, 4, ULONG);
// IMAPISupportVtbl.DoCopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::DoCopyProps), Widen<decltype(IMAPISupportVtbl::DoCopyProps), 4, ULONG_PTR>::type>(),
              "IMAPISupportVtbl.DoCopyProps signature (widened)");
WIDENED_ARG(IMAPISupportVtbl, DoProgressDialog, 1, ULONG);
// IMAPISupportVtbl.DoProgressDialog: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPISupportVtbl::DoProgressDialog), Widen<decltype(IMAPISupportVtbl::DoProgressDialog), 1, ULONG_PTR>::type>(),
              "IMAPISupportVtbl.DoProgressDialog signature (widened)");
SAME_SIG(IMAPISupportVtbl, ReadReceipt);
SAME_SIG(IMAPISupportVtbl, PrepareSubmit);
SAME_SIG(IMAPISupportVtbl, ExpandRecips);
SAME_SIG(IMAPISupportVtbl, UpdatePAB);
SAME_SIG(IMAPISupportVtbl, DoSentMail);
SAME_SIG(IMAPISupportVtbl, OpenAddressBook);
SAME_SIG(IMAPISupportVtbl, Preprocess);
SAME_SIG(IMAPISupportVtbl, CompleteMsg);
SAME_SIG(IMAPISupportVtbl, StoreLogoffTransports);
SAME_SIG(IMAPISupportVtbl, StatusRecips);
SAME_SIG(IMAPISupportVtbl, WrapStoreEntryID);
SAME_SIG(IMAPISupportVtbl, ModifyProfile);
SAME_SIG(IMAPISupportVtbl, IStorageFromStream);
SAME_SIG(IMAPISupportVtbl, GetSvcConfigSupportObj);

SAME_SIG(IMAPIAdviseSinkVtbl, QueryInterface);
SAME_SIG(IMAPIAdviseSinkVtbl, AddRef);
SAME_SIG(IMAPIAdviseSinkVtbl, Release);
SAME_SIG(IMAPIAdviseSinkVtbl, OnNotify);

SAME_SIG(IMSProviderVtbl, QueryInterface);
SAME_SIG(IMSProviderVtbl, AddRef);
SAME_SIG(IMSProviderVtbl, Release);
SAME_SIG(IMSProviderVtbl, Shutdown);
WIDENED_ARG(IMSProviderVtbl, Logon, 2, ULONG);
// IMSProviderVtbl.Logon: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMSProviderVtbl::Logon), Widen<decltype(IMSProviderVtbl::Logon), 2, ULONG_PTR>::type>(),
              "IMSProviderVtbl.Logon signature (widened)");
WIDENED_ARG(IMSProviderVtbl, SpoolerLogon, 2, ULONG);
// IMSProviderVtbl.SpoolerLogon: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMSProviderVtbl::SpoolerLogon), Widen<decltype(IMSProviderVtbl::SpoolerLogon), 2, ULONG_PTR>::type>(),
              "IMSProviderVtbl.SpoolerLogon signature (widened)");
SAME_SIG(IMSProviderVtbl, CompareStoreIDs);

SAME_SIG(IMsgStoreVtbl, QueryInterface);
SAME_SIG(IMsgStoreVtbl, AddRef);
SAME_SIG(IMsgStoreVtbl, Release);
SAME_SIG(IMsgStoreVtbl, GetLastError);
SAME_SIG(IMsgStoreVtbl, SaveChanges);
SAME_SIG(IMsgStoreVtbl, GetProps);
SAME_SIG(IMsgStoreVtbl, GetPropList);
SAME_SIG(IMsgStoreVtbl, OpenProperty);
SAME_SIG(IMsgStoreVtbl, SetProps);
SAME_SIG(IMsgStoreVtbl, DeleteProps);
WIDENED_ARG(IMsgStoreVtbl, CopyTo, 4, ULONG);
// IMsgStoreVtbl.CopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMsgStoreVtbl::CopyTo), Widen<decltype(IMsgStoreVtbl::CopyTo), 4, ULONG_PTR>::type>(),
              "IMsgStoreVtbl.CopyTo signature (widened)");
WIDENED_ARG(IMsgStoreVtbl, CopyProps, 2, ULONG);
// IMsgStoreVtbl.CopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMsgStoreVtbl::CopyProps), Widen<decltype(IMsgStoreVtbl::CopyProps), 2, ULONG_PTR>::type>(),
              "IMsgStoreVtbl.CopyProps signature (widened)");
SAME_SIG(IMsgStoreVtbl, GetNamesFromIDs);
SAME_SIG(IMsgStoreVtbl, GetIDsFromNames);
WIDENED_ARG(IMsgStoreVtbl, Advise, 5, ULONG *);
// IMsgStoreVtbl.Advise: lpulConnection is ULONG_PTR *, not ULONG * (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMsgStoreVtbl::Advise), Widen<decltype(IMsgStoreVtbl::Advise), 5, ULONG_PTR *>::type>(),
              "IMsgStoreVtbl.Advise signature (widened)");
WIDENED_ARG(IMsgStoreVtbl, Unadvise, 1, ULONG);
// IMsgStoreVtbl.Unadvise: ulConnection is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMsgStoreVtbl::Unadvise), Widen<decltype(IMsgStoreVtbl::Unadvise), 1, ULONG_PTR>::type>(),
              "IMsgStoreVtbl.Unadvise signature (widened)");
SAME_SIG(IMsgStoreVtbl, CompareEntryIDs);
SAME_SIG(IMsgStoreVtbl, OpenEntry);
SAME_SIG(IMsgStoreVtbl, SetReceiveFolder);
SAME_SIG(IMsgStoreVtbl, GetReceiveFolder);
SAME_SIG(IMsgStoreVtbl, GetReceiveFolderTable);
SAME_SIG(IMsgStoreVtbl, StoreLogoff);
SAME_SIG(IMsgStoreVtbl, AbortSubmit);
SAME_SIG(IMsgStoreVtbl, GetOutgoingQueue);
SAME_SIG(IMsgStoreVtbl, SetLockState);
SAME_SIG(IMsgStoreVtbl, FinishedMsg);
SAME_SIG(IMsgStoreVtbl, NotifyNewMail);

SAME_SIG(IMallocVtbl, QueryInterface);
SAME_SIG(IMallocVtbl, AddRef);
SAME_SIG(IMallocVtbl, Release);
SAME_SIG(IMallocVtbl, Alloc);
SAME_SIG(IMallocVtbl, Realloc);
SAME_SIG(IMallocVtbl, Free);
SAME_SIG(IMallocVtbl, GetSize);
SAME_SIG(IMallocVtbl, DidAlloc);
SAME_SIG(IMallocVtbl, HeapMinimize);

SAME_SIG(IMAPIPropVtbl, QueryInterface);
SAME_SIG(IMAPIPropVtbl, AddRef);
SAME_SIG(IMAPIPropVtbl, Release);
SAME_SIG(IMAPIPropVtbl, GetLastError);
SAME_SIG(IMAPIPropVtbl, SaveChanges);
SAME_SIG(IMAPIPropVtbl, GetProps);
SAME_SIG(IMAPIPropVtbl, GetPropList);
SAME_SIG(IMAPIPropVtbl, OpenProperty);
SAME_SIG(IMAPIPropVtbl, SetProps);
SAME_SIG(IMAPIPropVtbl, DeleteProps);
WIDENED_ARG(IMAPIPropVtbl, CopyTo, 4, ULONG);
// IMAPIPropVtbl.CopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIPropVtbl::CopyTo), Widen<decltype(IMAPIPropVtbl::CopyTo), 4, ULONG_PTR>::type>(),
              "IMAPIPropVtbl.CopyTo signature (widened)");
WIDENED_ARG(IMAPIPropVtbl, CopyProps, 2, ULONG);
// IMAPIPropVtbl.CopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIPropVtbl::CopyProps), Widen<decltype(IMAPIPropVtbl::CopyProps), 2, ULONG_PTR>::type>(),
              "IMAPIPropVtbl.CopyProps signature (widened)");
SAME_SIG(IMAPIPropVtbl, GetNamesFromIDs);
SAME_SIG(IMAPIPropVtbl, GetIDsFromNames);

SAME_SIG(IMAPIContainerVtbl, QueryInterface);
SAME_SIG(IMAPIContainerVtbl, AddRef);
SAME_SIG(IMAPIContainerVtbl, Release);
SAME_SIG(IMAPIContainerVtbl, GetLastError);
SAME_SIG(IMAPIContainerVtbl, SaveChanges);
SAME_SIG(IMAPIContainerVtbl, GetProps);
SAME_SIG(IMAPIContainerVtbl, GetPropList);
SAME_SIG(IMAPIContainerVtbl, OpenProperty);
SAME_SIG(IMAPIContainerVtbl, SetProps);
SAME_SIG(IMAPIContainerVtbl, DeleteProps);
WIDENED_ARG(IMAPIContainerVtbl, CopyTo, 4, ULONG);
// IMAPIContainerVtbl.CopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIContainerVtbl::CopyTo), Widen<decltype(IMAPIContainerVtbl::CopyTo), 4, ULONG_PTR>::type>(),
              "IMAPIContainerVtbl.CopyTo signature (widened)");
WIDENED_ARG(IMAPIContainerVtbl, CopyProps, 2, ULONG);
// IMAPIContainerVtbl.CopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIContainerVtbl::CopyProps), Widen<decltype(IMAPIContainerVtbl::CopyProps), 2, ULONG_PTR>::type>(),
              "IMAPIContainerVtbl.CopyProps signature (widened)");
SAME_SIG(IMAPIContainerVtbl, GetNamesFromIDs);
SAME_SIG(IMAPIContainerVtbl, GetIDsFromNames);
SAME_SIG(IMAPIContainerVtbl, GetContentsTable);
SAME_SIG(IMAPIContainerVtbl, GetHierarchyTable);
SAME_SIG(IMAPIContainerVtbl, OpenEntry);
SAME_SIG(IMAPIContainerVtbl, SetSearchCriteria);
SAME_SIG(IMAPIContainerVtbl, GetSearchCriteria);

SAME_SIG(IMAPIFolderVtbl, QueryInterface);
SAME_SIG(IMAPIFolderVtbl, AddRef);
SAME_SIG(IMAPIFolderVtbl, Release);
SAME_SIG(IMAPIFolderVtbl, GetLastError);
SAME_SIG(IMAPIFolderVtbl, SaveChanges);
SAME_SIG(IMAPIFolderVtbl, GetProps);
SAME_SIG(IMAPIFolderVtbl, GetPropList);
SAME_SIG(IMAPIFolderVtbl, OpenProperty);
SAME_SIG(IMAPIFolderVtbl, SetProps);
SAME_SIG(IMAPIFolderVtbl, DeleteProps);
WIDENED_ARG(IMAPIFolderVtbl, CopyTo, 4, ULONG);
// IMAPIFolderVtbl.CopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIFolderVtbl::CopyTo), Widen<decltype(IMAPIFolderVtbl::CopyTo), 4, ULONG_PTR>::type>(),
              "IMAPIFolderVtbl.CopyTo signature (widened)");
WIDENED_ARG(IMAPIFolderVtbl, CopyProps, 2, ULONG);
// IMAPIFolderVtbl.CopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIFolderVtbl::CopyProps), Widen<decltype(IMAPIFolderVtbl::CopyProps), 2, ULONG_PTR>::type>(),
              "IMAPIFolderVtbl.CopyProps signature (widened)");
SAME_SIG(IMAPIFolderVtbl, GetNamesFromIDs);
SAME_SIG(IMAPIFolderVtbl, GetIDsFromNames);
SAME_SIG(IMAPIFolderVtbl, GetContentsTable);
SAME_SIG(IMAPIFolderVtbl, GetHierarchyTable);
SAME_SIG(IMAPIFolderVtbl, OpenEntry);
SAME_SIG(IMAPIFolderVtbl, SetSearchCriteria);
SAME_SIG(IMAPIFolderVtbl, GetSearchCriteria);
SAME_SIG(IMAPIFolderVtbl, CreateMessage);
WIDENED_ARG(IMAPIFolderVtbl, CopyMessages, 4, ULONG);
// IMAPIFolderVtbl.CopyMessages: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIFolderVtbl::CopyMessages), Widen<decltype(IMAPIFolderVtbl::CopyMessages), 4, ULONG_PTR>::type>(),
              "IMAPIFolderVtbl.CopyMessages signature (widened)");
WIDENED_ARG(IMAPIFolderVtbl, DeleteMessages, 2, ULONG);
// IMAPIFolderVtbl.DeleteMessages: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIFolderVtbl::DeleteMessages), Widen<decltype(IMAPIFolderVtbl::DeleteMessages), 2, ULONG_PTR>::type>(),
              "IMAPIFolderVtbl.DeleteMessages signature (widened)");
SAME_SIG(IMAPIFolderVtbl, CreateFolder);
WIDENED_ARG(IMAPIFolderVtbl, CopyFolder, 6, ULONG);
// IMAPIFolderVtbl.CopyFolder: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIFolderVtbl::CopyFolder), Widen<decltype(IMAPIFolderVtbl::CopyFolder), 6, ULONG_PTR>::type>(),
              "IMAPIFolderVtbl.CopyFolder signature (widened)");
WIDENED_ARG(IMAPIFolderVtbl, DeleteFolder, 3, ULONG);
// IMAPIFolderVtbl.DeleteFolder: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIFolderVtbl::DeleteFolder), Widen<decltype(IMAPIFolderVtbl::DeleteFolder), 3, ULONG_PTR>::type>(),
              "IMAPIFolderVtbl.DeleteFolder signature (widened)");
WIDENED_ARG(IMAPIFolderVtbl, SetReadFlags, 2, ULONG);
// IMAPIFolderVtbl.SetReadFlags: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIFolderVtbl::SetReadFlags), Widen<decltype(IMAPIFolderVtbl::SetReadFlags), 2, ULONG_PTR>::type>(),
              "IMAPIFolderVtbl.SetReadFlags signature (widened)");
SAME_SIG(IMAPIFolderVtbl, GetMessageStatus);
SAME_SIG(IMAPIFolderVtbl, SetMessageStatus);
SAME_SIG(IMAPIFolderVtbl, SaveContentsSort);
WIDENED_ARG(IMAPIFolderVtbl, EmptyFolder, 1, ULONG);
// IMAPIFolderVtbl.EmptyFolder: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIFolderVtbl::EmptyFolder), Widen<decltype(IMAPIFolderVtbl::EmptyFolder), 1, ULONG_PTR>::type>(),
              "IMAPIFolderVtbl.EmptyFolder signature (widened)");

SAME_SIG(IMessageVtbl, QueryInterface);
SAME_SIG(IMessageVtbl, AddRef);
SAME_SIG(IMessageVtbl, Release);
SAME_SIG(IMessageVtbl, GetLastError);
SAME_SIG(IMessageVtbl, SaveChanges);
SAME_SIG(IMessageVtbl, GetProps);
SAME_SIG(IMessageVtbl, GetPropList);
SAME_SIG(IMessageVtbl, OpenProperty);
SAME_SIG(IMessageVtbl, SetProps);
SAME_SIG(IMessageVtbl, DeleteProps);
WIDENED_ARG(IMessageVtbl, CopyTo, 4, ULONG);
// IMessageVtbl.CopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMessageVtbl::CopyTo), Widen<decltype(IMessageVtbl::CopyTo), 4, ULONG_PTR>::type>(),
              "IMessageVtbl.CopyTo signature (widened)");
WIDENED_ARG(IMessageVtbl, CopyProps, 2, ULONG);
// IMessageVtbl.CopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMessageVtbl::CopyProps), Widen<decltype(IMessageVtbl::CopyProps), 2, ULONG_PTR>::type>(),
              "IMessageVtbl.CopyProps signature (widened)");
SAME_SIG(IMessageVtbl, GetNamesFromIDs);
SAME_SIG(IMessageVtbl, GetIDsFromNames);
SAME_SIG(IMessageVtbl, GetAttachmentTable);
SAME_SIG(IMessageVtbl, OpenAttach);
SAME_SIG(IMessageVtbl, CreateAttach);
WIDENED_ARG(IMessageVtbl, DeleteAttach, 2, ULONG);
// IMessageVtbl.DeleteAttach: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMessageVtbl::DeleteAttach), Widen<decltype(IMessageVtbl::DeleteAttach), 2, ULONG_PTR>::type>(),
              "IMessageVtbl.DeleteAttach signature (widened)");
SAME_SIG(IMessageVtbl, GetRecipientTable);
SAME_SIG(IMessageVtbl, ModifyRecipients);
SAME_SIG(IMessageVtbl, SubmitMessage);
SAME_SIG(IMessageVtbl, SetReadFlag);

SAME_SIG(IAttachVtbl, QueryInterface);
SAME_SIG(IAttachVtbl, AddRef);
SAME_SIG(IAttachVtbl, Release);
SAME_SIG(IAttachVtbl, GetLastError);
SAME_SIG(IAttachVtbl, SaveChanges);
SAME_SIG(IAttachVtbl, GetProps);
SAME_SIG(IAttachVtbl, GetPropList);
SAME_SIG(IAttachVtbl, OpenProperty);
SAME_SIG(IAttachVtbl, SetProps);
SAME_SIG(IAttachVtbl, DeleteProps);
WIDENED_ARG(IAttachVtbl, CopyTo, 4, ULONG);
// IAttachVtbl.CopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IAttachVtbl::CopyTo), Widen<decltype(IAttachVtbl::CopyTo), 4, ULONG_PTR>::type>(),
              "IAttachVtbl.CopyTo signature (widened)");
WIDENED_ARG(IAttachVtbl, CopyProps, 2, ULONG);
// IAttachVtbl.CopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IAttachVtbl::CopyProps), Widen<decltype(IAttachVtbl::CopyProps), 2, ULONG_PTR>::type>(),
              "IAttachVtbl.CopyProps signature (widened)");
SAME_SIG(IAttachVtbl, GetNamesFromIDs);
SAME_SIG(IAttachVtbl, GetIDsFromNames);

SAME_SIG(IMAPIStatusVtbl, QueryInterface);
SAME_SIG(IMAPIStatusVtbl, AddRef);
SAME_SIG(IMAPIStatusVtbl, Release);
SAME_SIG(IMAPIStatusVtbl, GetLastError);
SAME_SIG(IMAPIStatusVtbl, SaveChanges);
SAME_SIG(IMAPIStatusVtbl, GetProps);
SAME_SIG(IMAPIStatusVtbl, GetPropList);
SAME_SIG(IMAPIStatusVtbl, OpenProperty);
SAME_SIG(IMAPIStatusVtbl, SetProps);
SAME_SIG(IMAPIStatusVtbl, DeleteProps);
WIDENED_ARG(IMAPIStatusVtbl, CopyTo, 4, ULONG);
// IMAPIStatusVtbl.CopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIStatusVtbl::CopyTo), Widen<decltype(IMAPIStatusVtbl::CopyTo), 4, ULONG_PTR>::type>(),
              "IMAPIStatusVtbl.CopyTo signature (widened)");
WIDENED_ARG(IMAPIStatusVtbl, CopyProps, 2, ULONG);
// IMAPIStatusVtbl.CopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIStatusVtbl::CopyProps), Widen<decltype(IMAPIStatusVtbl::CopyProps), 2, ULONG_PTR>::type>(),
              "IMAPIStatusVtbl.CopyProps signature (widened)");
SAME_SIG(IMAPIStatusVtbl, GetNamesFromIDs);
SAME_SIG(IMAPIStatusVtbl, GetIDsFromNames);
WIDENED_ARG(IMAPIStatusVtbl, ValidateState, 1, ULONG);
// IMAPIStatusVtbl.ValidateState: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIStatusVtbl::ValidateState), Widen<decltype(IMAPIStatusVtbl::ValidateState), 1, ULONG_PTR>::type>(),
              "IMAPIStatusVtbl.ValidateState signature (widened)");
WIDENED_ARG(IMAPIStatusVtbl, SettingsDialog, 1, ULONG);
// IMAPIStatusVtbl.SettingsDialog: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIStatusVtbl::SettingsDialog), Widen<decltype(IMAPIStatusVtbl::SettingsDialog), 1, ULONG_PTR>::type>(),
              "IMAPIStatusVtbl.SettingsDialog signature (widened)");
SAME_SIG(IMAPIStatusVtbl, ChangePassword);
WIDENED_ARG(IMAPIStatusVtbl, FlushQueues, 1, ULONG);
// IMAPIStatusVtbl.FlushQueues: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPIStatusVtbl::FlushQueues), Widen<decltype(IMAPIStatusVtbl::FlushQueues), 1, ULONG_PTR>::type>(),
              "IMAPIStatusVtbl.FlushQueues signature (widened)");

SAME_SIG(IMAPITableVtbl, QueryInterface);
SAME_SIG(IMAPITableVtbl, AddRef);
SAME_SIG(IMAPITableVtbl, Release);
SAME_SIG(IMAPITableVtbl, GetLastError);
WIDENED_ARG(IMAPITableVtbl, Advise, 3, ULONG *);
// IMAPITableVtbl.Advise: lpulConnection is ULONG_PTR *, not ULONG * (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPITableVtbl::Advise), Widen<decltype(IMAPITableVtbl::Advise), 3, ULONG_PTR *>::type>(),
              "IMAPITableVtbl.Advise signature (widened)");
WIDENED_ARG(IMAPITableVtbl, Unadvise, 1, ULONG);
// IMAPITableVtbl.Unadvise: ulConnection is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPITableVtbl::Unadvise), Widen<decltype(IMAPITableVtbl::Unadvise), 1, ULONG_PTR>::type>(),
              "IMAPITableVtbl.Unadvise signature (widened)");
SAME_SIG(IMAPITableVtbl, GetStatus);
SAME_SIG(IMAPITableVtbl, SetColumns);
SAME_SIG(IMAPITableVtbl, QueryColumns);
SAME_SIG(IMAPITableVtbl, GetRowCount);
WIDENED_ARG(IMAPITableVtbl, SeekRow, 1, ULONG);
// IMAPITableVtbl.SeekRow: bkOrigin is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPITableVtbl::SeekRow), Widen<decltype(IMAPITableVtbl::SeekRow), 1, ULONG_PTR>::type>(),
              "IMAPITableVtbl.SeekRow signature (widened)");
SAME_SIG(IMAPITableVtbl, SeekRowApprox);
SAME_SIG(IMAPITableVtbl, QueryPosition);
WIDENED_ARG(IMAPITableVtbl, FindRow, 2, ULONG);
// IMAPITableVtbl.FindRow: bkOrigin is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPITableVtbl::FindRow), Widen<decltype(IMAPITableVtbl::FindRow), 2, ULONG_PTR>::type>(),
              "IMAPITableVtbl.FindRow signature (widened)");
SAME_SIG(IMAPITableVtbl, Restrict);
WIDENED_ARG(IMAPITableVtbl, CreateBookmark, 1, ULONG *);
// IMAPITableVtbl.CreateBookmark: lpbkPosition is ULONG_PTR *, not ULONG * (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPITableVtbl::CreateBookmark), Widen<decltype(IMAPITableVtbl::CreateBookmark), 1, ULONG_PTR *>::type>(),
              "IMAPITableVtbl.CreateBookmark signature (widened)");
WIDENED_ARG(IMAPITableVtbl, FreeBookmark, 1, ULONG);
// IMAPITableVtbl.FreeBookmark: bkPosition is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPITableVtbl::FreeBookmark), Widen<decltype(IMAPITableVtbl::FreeBookmark), 1, ULONG_PTR>::type>(),
              "IMAPITableVtbl.FreeBookmark signature (widened)");
SAME_SIG(IMAPITableVtbl, SortTable);
SAME_SIG(IMAPITableVtbl, QuerySortOrder);
SAME_SIG(IMAPITableVtbl, QueryRows);
SAME_SIG(IMAPITableVtbl, Abort);
SAME_SIG(IMAPITableVtbl, ExpandRow);
SAME_SIG(IMAPITableVtbl, CollapseRow);
SAME_SIG(IMAPITableVtbl, WaitForCompletion);
SAME_SIG(IMAPITableVtbl, GetCollapseState);
WIDENED_ARG(IMAPITableVtbl, SetCollapseState, 4, ULONG *);
// IMAPITableVtbl.SetCollapseState: lpbkLocation is ULONG_PTR *, not ULONG * (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IMAPITableVtbl::SetCollapseState), Widen<decltype(IMAPITableVtbl::SetCollapseState), 4, ULONG_PTR *>::type>(),
              "IMAPITableVtbl.SetCollapseState signature (widened)");

SAME_SIG(IStreamVtbl, QueryInterface);
SAME_SIG(IStreamVtbl, AddRef);
SAME_SIG(IStreamVtbl, Release);
SAME_SIG(IStreamVtbl, Read);
SAME_SIG(IStreamVtbl, Write);
SAME_SIG(IStreamVtbl, Seek);
SAME_SIG(IStreamVtbl, SetSize);
SAME_SIG(IStreamVtbl, CopyTo);
SAME_SIG(IStreamVtbl, Commit);
SAME_SIG(IStreamVtbl, Revert);
SAME_SIG(IStreamVtbl, LockRegion);
SAME_SIG(IStreamVtbl, UnlockRegion);
SAME_SIG(IStreamVtbl, Stat);
SAME_SIG(IStreamVtbl, Clone);

SAME_SIG(IProfSectVtbl, QueryInterface);
SAME_SIG(IProfSectVtbl, AddRef);
SAME_SIG(IProfSectVtbl, Release);
SAME_SIG(IProfSectVtbl, GetLastError);
SAME_SIG(IProfSectVtbl, SaveChanges);
SAME_SIG(IProfSectVtbl, GetProps);
SAME_SIG(IProfSectVtbl, GetPropList);
SAME_SIG(IProfSectVtbl, OpenProperty);
SAME_SIG(IProfSectVtbl, SetProps);
SAME_SIG(IProfSectVtbl, DeleteProps);
WIDENED_ARG(IProfSectVtbl, CopyTo, 4, ULONG);
// IProfSectVtbl.CopyTo: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IProfSectVtbl::CopyTo), Widen<decltype(IProfSectVtbl::CopyTo), 4, ULONG_PTR>::type>(),
              "IProfSectVtbl.CopyTo signature (widened)");
WIDENED_ARG(IProfSectVtbl, CopyProps, 2, ULONG);
// IProfSectVtbl.CopyProps: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IProfSectVtbl::CopyProps), Widen<decltype(IProfSectVtbl::CopyProps), 2, ULONG_PTR>::type>(),
              "IProfSectVtbl.CopyProps signature (widened)");
SAME_SIG(IProfSectVtbl, GetNamesFromIDs);
SAME_SIG(IProfSectVtbl, GetIDsFromNames);

SAME_SIG(IProviderAdminVtbl, QueryInterface);
SAME_SIG(IProviderAdminVtbl, AddRef);
SAME_SIG(IProviderAdminVtbl, Release);
SAME_SIG(IProviderAdminVtbl, GetLastError);
SAME_SIG(IProviderAdminVtbl, GetProviderTable);
WIDENED_ARG(IProviderAdminVtbl, CreateProvider, 4, ULONG);
// IProviderAdminVtbl.CreateProvider: ulUIParam is ULONG_PTR, not ULONG (Microsoft's width, not MinGW's).
static_assert(same_sig<decltype(MSLogon_IProviderAdminVtbl::CreateProvider), Widen<decltype(IProviderAdminVtbl::CreateProvider), 4, ULONG_PTR>::type>(),
              "IProviderAdminVtbl.CreateProvider signature (widened)");
SAME_SIG(IProviderAdminVtbl, DeleteProvider);
SAME_SIG(IProviderAdminVtbl, OpenProfileSection);

// Entry-point function types.
static_assert(std::is_same<Arg<LPMSGSERVICEENTRY, 3>::type, ULONG>::value,
              "MSGSERVICEENTRY parameter 3 is ULONG in MinGW");
static_assert(sizeof(Arg<MSLogon_MSGSERVICEENTRY, 3>::type) == sizeof(void *),
              "MSGSERVICEENTRY parameter 3 is pointer-sized here");
static_assert(same_sig<MSLogon_MSGSERVICEENTRY, Widen<LPMSGSERVICEENTRY, 3, ULONG_PTR>::type>(), "MSGSERVICEENTRY signature");
