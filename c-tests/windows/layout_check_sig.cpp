// layout_check_sig.cpp: every vtable slot of include/mslogon.h has the same
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

#define SAME_SIG(V, m)                                                              \
  static_assert(same_sig<decltype(MSLogon_##V::m), decltype(V::m)>(), #V "." #m " signature")

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
SAME_SIG(IMSLogonVtbl, Advise);
SAME_SIG(IMSLogonVtbl, Unadvise);
SAME_SIG(IMSLogonVtbl, OpenStatusEntry);

SAME_SIG(IMAPISupportVtbl, QueryInterface);
SAME_SIG(IMAPISupportVtbl, AddRef);
SAME_SIG(IMAPISupportVtbl, Release);
SAME_SIG(IMAPISupportVtbl, GetLastError);
SAME_SIG(IMAPISupportVtbl, GetMemAllocRoutines);
SAME_SIG(IMAPISupportVtbl, Subscribe);
SAME_SIG(IMAPISupportVtbl, Unsubscribe);
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
SAME_SIG(IMAPISupportVtbl, Address);
SAME_SIG(IMAPISupportVtbl, Details);
SAME_SIG(IMAPISupportVtbl, NewEntry);
SAME_SIG(IMAPISupportVtbl, DoConfigPropsheet);
SAME_SIG(IMAPISupportVtbl, CopyMessages);
SAME_SIG(IMAPISupportVtbl, CopyFolder);
SAME_SIG(IMAPISupportVtbl, DoCopyTo);
SAME_SIG(IMAPISupportVtbl, DoCopyProps);
SAME_SIG(IMAPISupportVtbl, DoProgressDialog);
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
SAME_SIG(IMSProviderVtbl, Logon);
SAME_SIG(IMSProviderVtbl, SpoolerLogon);
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
SAME_SIG(IMsgStoreVtbl, CopyTo);
SAME_SIG(IMsgStoreVtbl, CopyProps);
SAME_SIG(IMsgStoreVtbl, GetNamesFromIDs);
SAME_SIG(IMsgStoreVtbl, GetIDsFromNames);
SAME_SIG(IMsgStoreVtbl, Advise);
SAME_SIG(IMsgStoreVtbl, Unadvise);
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

