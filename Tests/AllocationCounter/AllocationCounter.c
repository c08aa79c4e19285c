// The one file that touches the C allocator, for the growth tests: malloc,
// calloc and realloc of the test process are defined here and hand every
// call to glibc's own (__libc_malloc…), counting — on the calling thread
// only, so that tests running at the same time on other threads do not
// count — the calls and the bytes asked for while a count is open. free and
// the aligned allocations go to glibc untouched: the memory is glibc's
// either way.
#include <stddef.h>
#include "AllocationCounter.h"

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);

static __thread int counting;
static __thread unsigned long long counted_calls;
static __thread unsigned long long counted_bytes;

void *malloc(size_t size) {
    if (counting) { counted_calls += 1; counted_bytes += size; }
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    if (counting) { counted_calls += 1; counted_bytes += count * size; }
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    if (counting) { counted_calls += 1; counted_bytes += size; }
    return __libc_realloc(pointer, size);
}

void allocation_counter_start(void) {
    counted_calls = 0;
    counted_bytes = 0;
    counting = 1;
}

void allocation_counter_stop(unsigned long long *calls, unsigned long long *bytes) {
    counting = 0;
    *calls = counted_calls;
    *bytes = counted_bytes;
}
