/*
 * driver.c: cost per call of the Rust library (libmslogon) against the
 * hand-written C reference (c_logon.c), through the same vtable types and
 * the same call sequences.
 *
 *   driver check             each sequence once per implementation, with
 *                            the results and the host's counts checked
 *   driver time [N]          wall time: ns/call, N iterations (default
 *                            1000000; the cycles that create objects N/10),
 *                            median of 11 interleaved runs
 *   driver callgrind [K]     K iterations (default 10000; cycles K/10) per
 *                            (operation, implementation), each bracketed by
 *                            callgrind client requests and dumped under its
 *                            own name: run it under
 *                            valgrind --tool=callgrind --collect-atstart=no
 *   driver allocs [N]        heap allocations per cycle (malloc & co. are
 *                            interposed below and counted), N cycles
 *   driver rss [N] [SECS]    N full Rust cycles (default 1000000, stopped
 *                            after SECS seconds, default 20): RSS before
 *                            and after
 *
 * Records are printed one per line, tab-separated, first field the mode
 * (bench/run turns them into a table); other lines start with '#'.
 *
 * Benchmarks are not tests: nothing here judges speed. `check` exits
 * non-zero if an implementation answers differently from the contract, the
 * other modes only report.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif
#ifndef HAVE_CALLGRIND
#define HAVE_CALLGRIND 0
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_TOGGLE_COLLECT
#define CALLGRIND_DUMP_STATS_AT(s) ((void)(s))
#define RUNNING_ON_VALGRIND 0
#endif

#include "c_logon.h"
#include "host.h"
#include "mslogon.h"

#define NOINLINE __attribute__((noinline))

/* ---- counting allocator ---------------------------------------------------
 * Defined in the executable, these take precedence over glibc's for every
 * caller in the process, including the Rust library's System allocator
 * (which calls malloc/free/realloc/posix_memalign). They forward to glibc's
 * own entry points and count while `counting` is set. */

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static int counting;
static long n_allocs, n_frees, n_reallocs;
#define MAX_SIZES 32
static size_t alloc_sizes[MAX_SIZES];
static int n_sizes, record_sizes;

static void count_alloc(size_t n) {
  if (!counting) return;
  n_allocs++;
  if (record_sizes && n_sizes < MAX_SIZES) alloc_sizes[n_sizes++] = n;
}

void *malloc(size_t n) {
  count_alloc(n);
  return __libc_malloc(n);
}
void *calloc(size_t a, size_t b) {
  count_alloc(a * b);
  return __libc_calloc(a, b);
}
void *realloc(void *p, size_t n) {
  if (counting) {
    if (!p) count_alloc(n);
    else n_reallocs++;
  }
  return __libc_realloc(p, n);
}
void free(void *p) {
  if (counting && p) n_frees++;
  __libc_free(p);
}
void *memalign(size_t align, size_t n) {
  count_alloc(n);
  return __libc_memalign(align, n);
}
void *aligned_alloc(size_t align, size_t n) {
  count_alloc(n);
  return __libc_memalign(align, n);
}
int posix_memalign(void **out, size_t align, size_t n) {
  void *p;
  count_alloc(n);
  p = __libc_memalign(align, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}

/* ---- the two implementations -------------------------------------------- */

typedef struct Impl {
  const char *name;
  MSLogon_HRESULT (*create_logon)(MSLogon_IMAPISupport *, MSLogon_IMSLogon **);
  MSLogon_MSPROVIDERINIT provider_init;
} Impl;

static const Impl impl_rust = {"rust", mslogon_create_logon, mslogon_provider_init};
static const Impl impl_c = {"c", c_create_logon, c_provider_init};
static const Impl *const impls[2] = {&impl_rust, &impl_c};

/* The host's own IID (the driver passes the same one to both). */
static const MSLogon_IID bench_IID_IMSLogon = HOST_MAPI_IID(0x00020313);

/* Per implementation: a host support object and IMalloc, a live logon, a
 * logged-off one, and a provider kept across cycles. */
typedef struct Fixture {
  const Impl *impl;
  HostSupport support;
  HostMalloc malloc;
  MSLogon_IMSLogon *live;    /* never fails a call: nothing recorded for GetLastError */
  MSLogon_IMSLogon *errored; /* its calls fail (E_NOINTERFACE): a failure is recorded */
  MSLogon_IMSLogon *off;
  MSLogon_IMSProvider *provider;
  long bad; /* calls that did not answer what the contract says */
} Fixture;

static void fixture_open(Fixture *f, const Impl *impl) {
  MSLogon_ULONG flags = 0, ver = 0;
  memset(f, 0, sizeof *f);
  f->impl = impl;
  host_support_init(&f->support);
  host_malloc_init(&f->malloc);
  if (impl->create_logon(&f->support.iface, &f->live) != MSLogon_S_OK ||
      impl->create_logon(&f->support.iface, &f->errored) != MSLogon_S_OK ||
      impl->create_logon(&f->support.iface, &f->off) != MSLogon_S_OK ||
      MSLogon_IMSLogon_Logoff(f->off, &flags) != MSLogon_S_OK ||
      impl->provider_init(NULL, &f->malloc.iface, host_allocate_buffer, host_allocate_more,
                          host_free_buffer, 0, MSLogon_CURRENT_SPI_VERSION, &ver,
                          &f->provider) != MSLogon_S_OK) {
    fprintf(stderr, "driver: cannot set up the %s implementation\n", impl->name);
    exit(2);
  }
}

static void fixture_close(Fixture *f) {
  MSLogon_ULONG flags = 0;
  MSLogon_IMSLogon_Release(f->live);
  MSLogon_IMSLogon_Release(f->errored);
  MSLogon_IMSLogon_Release(f->off);
  MSLogon_IMSProvider_Shutdown(f->provider, &flags);
  MSLogon_IMSProvider_Release(f->provider);
}

/* ---- the operations --------------------------------------------------------
 * One noinline function per operation, the same code for both
 * implementations (the vtable decides): callgrind attributes the
 * instructions of each to the library functions it calls. */

typedef void (*OpFn)(Fixture *, long);

#define COUNT_BAD(cond) (f->bad += !!(cond))

/* The loop alone, to subtract its instructions. */
static NOINLINE void op_empty(Fixture *f, long n) {
  long i;
  (void)f;
  for (i = 0; i < n; i++) __asm__ volatile("" ::: "memory");
}

static NOINLINE void op_qi_release(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    void *p = NULL;
    COUNT_BAD(MSLogon_IMSLogon_QueryInterface(f->live, &bench_IID_IMSLogon, &p) != MSLogon_S_OK);
    MSLogon_IMSLogon_Release((MSLogon_IMSLogon *)p);
  }
}

/* COM hosts probe interfaces: the failing QueryInterface is common too. */
static NOINLINE void op_qi_unsupported(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    void *p = NULL;
    COUNT_BAD(MSLogon_IMSLogon_QueryInterface(f->errored, &host_IID_IMAPIAdviseSink, &p) !=
                  MSLogon_MAPI_E_INTERFACE_NOT_SUPPORTED ||
              p != NULL);
  }
}

static NOINLINE void op_addref_release(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_IMSLogon_AddRef(f->live);
    COUNT_BAD(MSLogon_IMSLogon_Release(f->live) != 1);
  }
}

static NOINLINE void op_logoff_noop(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_ULONG flags = 0;
    COUNT_BAD(MSLogon_IMSLogon_Logoff(f->off, &flags) != MSLogon_S_OK);
  }
}

static NOINLINE void op_get_last_error(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_MAPIERROR *err = NULL;
    COUNT_BAD(MSLogon_IMSLogon_GetLastError(f->live, MSLogon_S_OK, 0, &err) != MSLogon_S_OK ||
              err != NULL);
  }
}

/* The same on a logon whose last failure (E_NOINTERFACE) is recorded:
 * S_OK asks for nothing, so S_OK and NULL again. */
static NOINLINE void op_get_last_error_other(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_MAPIERROR *err = NULL;
    COUNT_BAD(MSLogon_IMSLogon_GetLastError(f->errored, MSLogon_S_OK, 0, &err) != MSLogon_S_OK ||
              err != NULL);
  }
}

/* A lone logon's life: create (AddRef support) → Logoff (support
 * released) → Release (freed). */
static NOINLINE void op_logon_cycle(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_IMSLogon *l = NULL;
    MSLogon_ULONG flags = 0;
    COUNT_BAD(f->impl->create_logon(&f->support.iface, &l) != MSLogon_S_OK);
    COUNT_BAD(MSLogon_IMSLogon_Logoff(l, &flags) != MSLogon_S_OK);
    MSLogon_IMSLogon_Release(l);
  }
}

/* One logon through a live provider, as MAPI does it (session logoff):
 * Logon → Logoff → Release logon, store. */
static void provider_logon_once(Fixture *f, MSLogon_IMSProvider *p) {
  MSLogon_IMSLogon *l = NULL;
  MSLogon_IMsgStore *s = NULL;
  MSLogon_MAPIERROR *err = NULL;
  MSLogon_ULONG cb = 0, flags = 0;
  MSLogon_BYTE *pb = NULL;
  COUNT_BAD(MSLogon_IMSProvider_Logon(p, &f->support.iface, 0, NULL, 0, NULL, 0, NULL, &cb, &pb,
                                      &err, &l, &s) != MSLogon_S_OK);
  COUNT_BAD(MSLogon_IMSLogon_Logoff(l, &flags) != MSLogon_S_OK);
  MSLogon_IMSLogon_Release(l);
  MSLogon_IMsgStore_Release(s);
}

static NOINLINE void op_provider_logon(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) provider_logon_once(f, f->provider);
}

/* MSProviderInit → Logon → Logoff → Release logon, store → Shutdown →
 * Release provider. */
static NOINLINE void op_full_cycle(Fixture *f, long n) {
  long i;
  for (i = 0; i < n; i++) {
    MSLogon_IMSProvider *p = NULL;
    MSLogon_ULONG ver = 0, flags = 0;
    COUNT_BAD(f->impl->provider_init(NULL, &f->malloc.iface, host_allocate_buffer,
                                     host_allocate_more, host_free_buffer, 0,
                                     MSLogon_CURRENT_SPI_VERSION, &ver, &p) != MSLogon_S_OK);
    provider_logon_once(f, p);
    COUNT_BAD(MSLogon_IMSProvider_Shutdown(p, &flags) != MSLogon_S_OK);
    MSLogon_IMSProvider_Release(p);
  }
}

typedef struct Op {
  const char *name;
  OpFn fn;
  int divisor; /* iterations: N / divisor */
  const char *what;
} Op;

static const Op ops[] = {
    {"qi_release", op_qi_release, 1, "QueryInterface(IID_IMSLogon) + Release"},
    {"qi_unsupported", op_qi_unsupported, 1,
     "QueryInterface(IID_IMAPIAdviseSink) -> E_NOINTERFACE (failure recorded)"},
    {"addref_release", op_addref_release, 1, "AddRef + Release"},
    {"logoff_noop", op_logoff_noop, 1, "Logoff(&0) on a logged-off logon"},
    {"get_last_error", op_get_last_error, 1, "GetLastError(S_OK, 0) -> S_OK, NULL (nothing recorded)"},
    {"get_last_error_other", op_get_last_error_other, 1,
     "GetLastError(S_OK, 0) -> S_OK, NULL (another failure recorded)"},
    {"logon_cycle", op_logon_cycle, 10, "create logon -> Logoff -> Release"},
    {"provider_logon", op_provider_logon, 10,
     "IMSProvider::Logon -> Logoff -> Release logon, store (provider kept)"},
    {"full_cycle", op_full_cycle, 10,
     "MSProviderInit -> Logon -> Logoff -> Release x2 -> Shutdown -> Release"},
};
#define N_OPS (sizeof ops / sizeof ops[0])

/* ---- check: every sequence once, results and host counts checked -------- */

static int check_impl(const Impl *impl) {
  Fixture f;
  size_t i;
  int failures = 0;
  fixture_open(&f, impl);
  for (i = 0; i < N_OPS; i++) {
    long refs_before = host_refs(&f.support);
    long releases_before = f.support.releases;
    long add_refs_before = f.support.add_refs;
    ops[i].fn(&f, 3);
    if (f.bad || host_refs(&f.support) != refs_before ||
        f.support.add_refs - add_refs_before != f.support.releases - releases_before) {
      fprintf(stderr, "driver check: %s %s: %ld bad answers, support refs %ld (was %ld)\n",
              impl->name, ops[i].name, f.bad, host_refs(&f.support), refs_before);
      failures++;
      f.bad = 0;
    }
  }
  fixture_close(&f);
  /* Everything the host gave back: the support object down to the
   * host's own reference, the IMalloc released by every Shutdown. */
  if (host_refs(&f.support) != 1 || host_malloc_refs(&f.malloc) != 1) {
    fprintf(stderr, "driver check: %s: support refs %ld, IMalloc refs %ld after the last release\n",
            impl->name, host_refs(&f.support), host_malloc_refs(&f.malloc));
    failures++;
  }
  printf("check\t%s\t%s\n", impl->name, failures ? "FAILED" : "ok");
  return failures;
}

static int mode_check(void) {
  int failures = check_impl(&impl_rust) + check_impl(&impl_c);
  if (mslogon_live_objects() != 0) {
    fprintf(stderr, "driver check: %u Rust objects still alive\n", mslogon_live_objects());
    failures++;
  }
  return failures ? 1 : 0;
}

/* ---- wall time --------------------------------------------------------------- */

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#define REPS 11

static void mode_time(long n) {
  Fixture fx[2];
  size_t o;
  int k, r;
  for (k = 0; k < 2; k++) fixture_open(&fx[k], impls[k]);
  printf("# wall time: median of %d runs, Rust and C interleaved; N=%ld\n", REPS, n);
  for (o = 0; o < N_OPS; o++) printf("op\t%s\t%s\n", ops[o].name, ops[o].what);
  for (o = 0; o < N_OPS; o++) {
    long iters = n / ops[o].divisor;
    double samples[2][REPS];
    if (iters < 1) iters = 1;
    for (k = 0; k < 2; k++) ops[o].fn(&fx[k], iters / 10 + 1); /* warm-up */
    for (r = 0; r < REPS; r++) {
      for (k = 0; k < 2; k++) {
        int which = (r & 1) ? 1 - k : k; /* alternate who goes first */
        double t0 = now_ns();
        ops[o].fn(&fx[which], iters);
        samples[which][r] = (now_ns() - t0) / (double)iters;
      }
    }
    for (k = 0; k < 2; k++) {
      qsort(samples[k], REPS, sizeof(double), cmp_double);
      /* median, iterations per run, fastest run */
      printf("time\t%s\t%s\t%.2f\t%ld\t%.2f\n", ops[o].name, impls[k]->name, samples[k][REPS / 2],
             iters, samples[k][0]);
    }
    fflush(stdout);
  }
  for (k = 0; k < 2; k++) {
    if (fx[k].bad) fprintf(stderr, "driver: %s: %ld unexpected answers\n", impls[k]->name, fx[k].bad);
    fixture_close(&fx[k]);
  }
}

/* ---- instructions (callgrind) ------------------------------------------------ */

static void mode_callgrind(long n) {
  Fixture fx[2];
  size_t o;
  int k;
  char label[128];
  if (!HAVE_CALLGRIND) {
    fprintf(stderr, "driver: built without <valgrind/callgrind.h>\n");
    exit(2);
  }
  if (!RUNNING_ON_VALGRIND)
    fprintf(stderr, "driver: not running under valgrind: nothing will be measured\n");
  for (k = 0; k < 2; k++) fixture_open(&fx[k], impls[k]);
  /* The loop alone. */
  op_empty(&fx[0], 100);
  CALLGRIND_ZERO_STATS;
  CALLGRIND_TOGGLE_COLLECT;
  op_empty(&fx[0], n);
  CALLGRIND_TOGGLE_COLLECT;
  snprintf(label, sizeof label, "bench empty - %ld", n);
  CALLGRIND_DUMP_STATS_AT(label);
  for (o = 0; o < N_OPS; o++) {
    long iters = n / ops[o].divisor;
    if (iters < 1) iters = 1;
    for (k = 0; k < 2; k++) {
      ops[o].fn(&fx[k], 100); /* warm-up, not collected (lazy binding, first-use setup) */
      CALLGRIND_ZERO_STATS;
      CALLGRIND_TOGGLE_COLLECT;
      ops[o].fn(&fx[k], iters);
      CALLGRIND_TOGGLE_COLLECT;
      snprintf(label, sizeof label, "bench %s %s %ld", ops[o].name, impls[k]->name, iters);
      CALLGRIND_DUMP_STATS_AT(label);
    }
  }
  for (k = 0; k < 2; k++) fixture_close(&fx[k]);
  printf("# callgrind: one dump per (operation, implementation); bench/run reads them\n");
}

/* ---- allocations ------------------------------------------------------------- */

static void mode_allocs(long n) {
  static const char *const counted[] = {"qi_unsupported", "get_last_error_other", "logon_cycle",
                                         "provider_logon", "full_cycle"};
  Fixture fx[2];
  size_t o, c;
  int k, i;
  for (k = 0; k < 2; k++) fixture_open(&fx[k], impls[k]);
  for (c = 0; c < sizeof counted / sizeof counted[0]; c++) {
    for (o = 0; o < N_OPS && strcmp(ops[o].name, counted[c]) != 0; o++) {
    }
    for (k = 0; k < 2; k++) {
      char sizes[256] = "";
      size_t len = 0;
      ops[o].fn(&fx[k], 10); /* warm-up: first-use allocations are not per cycle */
      /* The sizes of one cycle's allocations. */
      n_allocs = n_frees = n_reallocs = 0;
      n_sizes = 0;
      record_sizes = 1;
      counting = 1;
      ops[o].fn(&fx[k], 1);
      counting = 0;
      record_sizes = 0;
      for (i = 0; i < n_sizes && len + 16 < sizeof sizes; i++)
        len += (size_t)snprintf(sizes + len, sizeof sizes - len, "%s%zu", i ? "," : "",
                                alloc_sizes[i]);
      /* The average over n cycles. */
      n_allocs = n_frees = n_reallocs = 0;
      counting = 1;
      ops[o].fn(&fx[k], n);
      counting = 0;
      printf("allocs\t%s\t%s\t%.2f\t%.2f\t%.2f\t%s\n", counted[c], impls[k]->name,
             (double)n_allocs / (double)n, (double)n_frees / (double)n,
             (double)n_reallocs / (double)n, sizes[0] ? sizes : "-");
    }
  }
  for (k = 0; k < 2; k++) fixture_close(&fx[k]);
}

/* ---- resident set size ------------------------------------------------------- */

static long rss_kib(void) {
  long pages_total = 0, pages_resident = 0;
  FILE *fp = fopen("/proc/self/statm", "r");
  if (!fp) return -1;
  if (fscanf(fp, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = -1;
  fclose(fp);
  return pages_resident < 0 ? -1 : pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static void mode_rss(long n, double seconds) {
  Fixture f;
  long done = 0, start_kib, after_warmup_kib, end_kib;
  double t0, elapsed;
  const long chunk = 10000;
  start_kib = rss_kib();
  fixture_open(&f, &impl_rust);
  op_full_cycle(&f, 1000);
  after_warmup_kib = rss_kib();
  t0 = now_ns();
  while (done < n) {
    long k = n - done < chunk ? n - done : chunk;
    op_full_cycle(&f, k);
    done += k;
    if ((now_ns() - t0) / 1e9 > seconds) break;
  }
  elapsed = (now_ns() - t0) / 1e9;
  end_kib = rss_kib();
  fixture_close(&f);
  /* start, after warm-up, end (KiB); cycles; seconds; library objects
   * alive once everything is released; unexpected answers. */
  printf("rss\trust\t%ld\t%ld\t%ld\t%ld\t%.2f\t%u\t%ld\n", start_kib, after_warmup_kib, end_kib,
         done, elapsed, mslogon_live_objects(), f.bad);
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "time";
  long n = argc > 2 ? atol(argv[2]) : 0;
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (strcmp(mode, "check") == 0) return mode_check();
  if (strcmp(mode, "time") == 0) {
    mode_time(n > 0 ? n : 1000000);
    return 0;
  }
  if (strcmp(mode, "callgrind") == 0) {
    mode_callgrind(n > 0 ? n : 10000);
    return 0;
  }
  if (strcmp(mode, "allocs") == 0) {
    mode_allocs(n > 0 ? n : 10000);
    return 0;
  }
  if (strcmp(mode, "rss") == 0) {
    mode_rss(n > 0 ? n : 1000000, argc > 3 ? atof(argv[3]) : 20.0);
    return 0;
  }
  fprintf(stderr, "usage: %s check | time [N] | callgrind [K] | allocs [N] | rss [N] [SECS]\n",
          argv[0]);
  return 2;
}
