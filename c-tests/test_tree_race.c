/* test_tree_race: 8 threads calling open subobjects (a folder, a message,
 * the status object) while another thread logs the logon off, many rounds.
 * Every call either completes before the teardown or answers
 * MAPI_E_INVALID_OBJECT; exactly one teardown (the support object released
 * once); no crash, no deadlock; everything freed at the end. Run by CTest
 * natively, under ASan+UBSan (the asan build) and under valgrind
 * (scripts/valgrind.sh), like the other host tests. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "host.h"
#include "mslogon.h"

/* The library's MSProviderInit (mapispi.h declares it with MAPI's types);
 * the header offers mslogon_provider_init, the same function. */
#define MSProviderInit mslogon_provider_init

#define THREADS 8
#define ROUNDS 24
#define CALLS 200

typedef struct Worker {
  void *object; /* IMAPIProp-compatible */
  int writes;
  int unexpected; /* an answer outside the contract */
  MSLogon_HRESULT last;
} Worker;

static MSLogon_HRESULT get_subject(void *obj) {
  MSLogon_IMAPIProp *p = (MSLogon_IMAPIProp *)obj;
  struct {
    MSLogon_ULONG cValues;
    MSLogon_ULONG aulPropTag[1];
  } tags = {1, {MSLogon_PR_SUBJECT_W}};
  MSLogon_ULONG n = 0;
  MSLogon_SPropValue *v = NULL;
  MSLogon_HRESULT hr = MSLogon_IMAPIProp_GetProps(p, (MSLogon_SPropTagArray *)(void *)&tags, 0,
                                                  &n, &v);
  host_free_buffer(v);
  return hr;
}

static MSLogon_HRESULT set_subject(void *obj) {
  MSLogon_IMAPIProp *p = (MSLogon_IMAPIProp *)obj;
  MSLogon_WCHAR text[] = {'r', 'a', 'c', 'e', 0};
  MSLogon_SPropValue v;
  memset(&v, 0, sizeof v);
  v.ulPropTag = MSLogon_PR_SUBJECT_W;
  v.Value.lpszW = text;
  return MSLogon_IMAPIProp_SetProps(p, 1, &v, NULL);
}

static void *work(void *arg) {
  Worker *w = (Worker *)arg;
  int i;
  for (i = 0; i < CALLS; i++) {
    MSLogon_HRESULT hr = w->writes ? set_subject(w->object) : get_subject(w->object);
    if (hr != MSLogon_S_OK && hr != MSLogon_MAPI_W_ERRORS_RETURNED &&
        hr != MSLogon_MAPI_E_NO_SUPPORT && hr != MSLogon_MAPI_E_INVALID_OBJECT) {
      w->unexpected++;
      w->last = hr;
    }
  }
  return NULL;
}

int main(void) {
  int round;
  size_t baseline = mslogon_live_objects();
  for (round = 0; round < ROUNDS; round++) {
    HostSupport support;
    MSLogon_IMSProvider *provider = NULL;
    MSLogon_IMSLogon *logon = NULL;
    MSLogon_IMsgStore *store = NULL;
    MSLogon_MAPIERROR *error = NULL;
    MSLogon_ULONG version = 0, type = 0, flags = 0, cb_spool = 0;
    MSLogon_BYTE *spool = NULL;
    MSLogon_IUnknown *root = NULL;
    MSLogon_IMessage *message = NULL;
    void *status = NULL;
    void *objects[3];
    pthread_t threads[THREADS];
    Worker workers[THREADS];
    int i;

    host_support_init(&support);
    CHECK_HR(MSProviderInit(NULL, NULL, host_allocate_buffer, host_allocate_more,
                            host_free_buffer, 0, MSLogon_CURRENT_SPI_VERSION, &version, &provider),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMSProvider_Logon(provider, &support.iface, 0, NULL, 0, NULL,
                                       MSLogon_MDB_WRITE, NULL, &cb_spool, &spool, &error, &logon,
                                       &store),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMsgStore_OpenEntry(store, 0, NULL, NULL, MSLogon_MAPI_MODIFY, &type, &root),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMAPIFolder_CreateMessage((MSLogon_IMAPIFolder *)root, NULL, 0, &message),
             MSLogon_S_OK);
    CHECK_HR(MSLogon_IMSLogon_OpenStatusEntry(logon, NULL, 0, &type, &status), MSLogon_S_OK);
    if (!root || !message || !status) return host_finish("test_tree_race");
    objects[0] = root;
    objects[1] = message;
    objects[2] = status;

    for (i = 0; i < THREADS; i++) {
      workers[i].object = objects[i % 3];
      workers[i].writes = i % 2;
      workers[i].unexpected = 0;
      workers[i].last = 0;
      CHECK_EQ(pthread_create(&threads[i], NULL, work, &workers[i]), 0);
    }
    /* The teardown races the calls: the session logoff or the store's. */
    if (round % 2 == 0) {
      CHECK_HR(MSLogon_IMSLogon_Logoff(logon, &flags), MSLogon_S_OK);
    } else {
      flags = MSLogon_LOGOFF_ORDERLY;
      CHECK_HR(MSLogon_IMsgStore_StoreLogoff(store, &flags), MSLogon_S_OK);
    }
    for (i = 0; i < THREADS; i++) {
      CHECK_EQ(pthread_join(threads[i], NULL), 0);
      if (workers[i].unexpected) fprintf(stderr, "worker %d: unexpected 0x%08lX\n", i,
                                         (unsigned long)(MSLogon_ULONG)workers[i].last);
      CHECK_EQ(workers[i].unexpected, 0);
    }
    CHECK_EQ(support.releases, 1);
    for (i = 0; i < 3; i++) {
      CHECK_HR(get_subject(objects[i]), MSLogon_MAPI_E_INVALID_OBJECT);
      CHECK_EQ(MSLogon_IUnknown_Release((MSLogon_IUnknown *)objects[i]), 0);
    }
    CHECK_EQ(MSLogon_IMSLogon_Release(logon), 0);
    CHECK_EQ(MSLogon_IMsgStore_Release(store), 0);
    flags = 0;
    CHECK_HR(MSLogon_IMSProvider_Shutdown(provider, &flags), MSLogon_S_OK);
    CHECK_EQ(MSLogon_IMSProvider_Release(provider), 0);
    CHECK_EQ(support.releases, 1);
  }
  CHECK_EQ(mslogon_live_objects(), baseline);
  CHECK_EQ(host_live_buffers(), 0);
  return host_finish("test_tree_race");
}
