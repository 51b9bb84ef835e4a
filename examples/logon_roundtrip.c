/*
 * logon_roundtrip.c: the smallest MAPI host of libmslogon (C99).
 *
 * It plays MAPI's part: loads the provider (mslogon_provider_init, the
 * linkable name of MSProviderInit), logs on to the default store with its
 * own IMAPISupport, logs off the way a MAPI session does (IMSLogon::Logoff),
 * and checks that the provider released the support object exactly once and
 * left no object behind. Exit code 0 when everything held.
 *
 * The same file is built by examples/add_subdirectory, examples/find_package
 * and examples/pkg-config.sh (see README.md, "Using from CMake").
 */
#include <stdio.h>
#include <stdlib.h>

#include "mslogon.h"

/* ---- The host's IMAPISupport ------------------------------------------ */

/* Only AddRef and Release are implemented: the library answers
 * MAPI_E_NO_SUPPORT for itself when a host leaves a slot NULL. */
typedef struct Support {
  MSLogon_IMAPISupport iface; /* first member: &support.iface is the object */
  long refs;                  /* starts at 1, the host's own reference */
  long releases;
} Support;

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE support_add_ref(MSLogon_IMAPISupport *This) {
  Support *support = (Support *)This;
  return (MSLogon_ULONG)++support->refs;
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE support_release(MSLogon_IMAPISupport *This) {
  Support *support = (Support *)This;
  support->releases++;
  return (MSLogon_ULONG)--support->refs;
}

static const MSLogon_IMAPISupportVtbl support_vtbl = {
    .AddRef = support_add_ref,
    .Release = support_release,
};

/* ---- MAPIAllocateBuffer, MAPIAllocateMore, MAPIFreeBuffer ------------- */

/* On malloc. Each buffer starts with a header that chains the buffers
 * allocated "more" onto it: MAPIFreeBuffer frees the whole chain. */
typedef union Block {
  union Block *more;
  long double align; /* keeps the caller's part aligned for any type */
} Block;

static MSLogon_SCODE MSLOGON_STDMETHODCALLTYPE allocate_buffer(MSLogon_ULONG cb, void **out) {
  Block *block = malloc(sizeof(Block) + cb);
  *out = NULL;
  if (block == NULL) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  block->more = NULL;
  *out = block + 1;
  return MSLogon_S_OK;
}

static MSLogon_SCODE MSLOGON_STDMETHODCALLTYPE allocate_more(MSLogon_ULONG cb, void *parent,
                                                             void **out) {
  Block *head = (Block *)parent - 1;
  Block *block = malloc(sizeof(Block) + cb);
  *out = NULL;
  if (block == NULL) return MSLogon_MAPI_E_NOT_ENOUGH_MEMORY;
  block->more = head->more;
  head->more = block;
  *out = block + 1;
  return MSLogon_S_OK;
}

static MSLogon_ULONG MSLOGON_STDMETHODCALLTYPE free_buffer(void *buffer) {
  Block *block = buffer ? (Block *)buffer - 1 : NULL;
  while (block != NULL) {
    Block *more = block->more;
    free(block);
    block = more;
  }
  return 0;
}

/* ---- The round trip --------------------------------------------------- */

static void expect(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "logon_roundtrip: FAILED: %s\n", what);
    exit(1);
  }
}

static void expect_ok(MSLogon_HRESULT hr, const char *call) {
  if (hr != MSLogon_S_OK) {
    fprintf(stderr, "logon_roundtrip: FAILED: %s: %s\n", call, mslogon_hresult_name(hr));
    exit(1);
  }
}

int main(void) {
  Support support = {{&support_vtbl}, 1, 0};
  MSLogon_IMSProvider *provider = NULL;
  MSLogon_IMSLogon *logon = NULL;
  MSLogon_IMsgStore *store = NULL;
  MSLogon_MAPIERROR *error = NULL;
  MSLogon_ULONG provider_version = 0;
  MSLogon_ULONG flags = 0;

  /* What MAPI does when it loads the provider's DLL. */
  expect_ok(mslogon_provider_init(NULL, NULL, allocate_buffer, allocate_more, free_buffer, 0,
                                  MSLogon_CURRENT_SPI_VERSION, &provider_version, &provider),
            "MSProviderInit");

  /* Log on to the default store (no entry ID): a logon and a store object,
   * one reference each; the provider AddRefs the support object. */
  expect_ok(MSLogon_IMSProvider_Logon(provider, &support.iface, 0, NULL, 0, NULL,
                                      MSLogon_MDB_NO_DIALOG, NULL, NULL, NULL, &error, &logon,
                                      &store),
            "IMSProvider::Logon");
  free_buffer(error); /* set only when a logon fails; NULL here */
  expect(support.refs == 2, "Logon holds one reference to the support object");

  /* A MAPI session logoff: the provider releases the support object. */
  expect_ok(MSLogon_IMSLogon_Logoff(logon, &flags), "IMSLogon::Logoff(&0)");
  expect(support.releases == 1 && support.refs == 1, "the support object was released once");

  /* The host drops its references and shuts the provider down. */
  MSLogon_IMsgStore_Release(store);
  MSLogon_IMSLogon_Release(logon);
  flags = 0;
  expect_ok(MSLogon_IMSProvider_Shutdown(provider, &flags), "IMSProvider::Shutdown");
  expect(MSLogon_IMSProvider_Release(provider) == 0, "the provider's last Release returns 0");

  expect(support.releases == 1, "the support object was released exactly once");
  expect(mslogon_live_objects() == 0, "mslogon_live_objects() == 0");
  printf("logon_roundtrip: mslogon %s: Logon, Logoff(&0) S_OK, support released once, "
         "no live objects\n",
         mslogon_version());
  return 0;
}
