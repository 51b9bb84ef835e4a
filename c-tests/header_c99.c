/* header_c99.c: include/mslogon.h compiles standalone as C99 with
 * -Wall -Wextra -Werror -pedantic, and its types have MAPI's sizes. */
#include "mslogon.h"

typedef char ulong_is_32_bits[sizeof(MSLogon_ULONG) == 4 ? 1 : -1];
typedef char hresult_is_32_bits[sizeof(MSLogon_HRESULT) == 4 ? 1 : -1];
typedef char guid_is_16_bytes[sizeof(MSLogon_GUID) == 16 ? 1 : -1];
typedef char imslogon_has_10_slots[sizeof(MSLogon_IMSLogonVtbl) == 10 * sizeof(void (*)(void)) ? 1 : -1];
typedef char imapisupport_has_44_slots[sizeof(MSLogon_IMAPISupportVtbl) == 44 * sizeof(void (*)(void)) ? 1 : -1];
/* Microsoft's widths (SPEC-objects.md): ULONG_PTR and BOOKMARK are pointer-sized. */
typedef char ulong_ptr_is_pointer_sized[sizeof(MSLogon_ULONG_PTR) == sizeof(void *) ? 1 : -1];
typedef char bookmark_is_pointer_sized[sizeof(MSLogon_BOOKMARK) == sizeof(void *) ? 1 : -1];
typedef char imapitable_has_26_slots[sizeof(MSLogon_IMAPITableVtbl) == 26 * sizeof(void (*)(void)) ? 1 : -1];
typedef char imapifolder_has_30_slots[sizeof(MSLogon_IMAPIFolderVtbl) == 30 * sizeof(void (*)(void)) ? 1 : -1];

int main(void) {
  ulong_is_32_bits a;
  hresult_is_32_bits b;
  guid_is_16_bytes c;
  imslogon_has_10_slots d;
  imapisupport_has_44_slots e;
  ulong_ptr_is_pointer_sized f;
  bookmark_is_pointer_sized g;
  imapitable_has_26_slots h;
  imapifolder_has_30_slots i;
  (void)a;
  (void)b;
  (void)c;
  (void)d;
  (void)e;
  (void)f;
  (void)g;
  (void)h;
  (void)i;
  return MSLogon_MAPI_E_END_OF_SESSION == (MSLogon_HRESULT)0x80040200u ? 0 : 1;
}
