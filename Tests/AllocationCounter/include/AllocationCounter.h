#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H

/// Counts the calls to malloc, calloc and realloc made on the calling thread
/// between start and stop, and the bytes they asked for (tests only: see
/// AllocationCounter.c).
void allocation_counter_start(void);
void allocation_counter_stop(unsigned long long *calls, unsigned long long *bytes);

#endif
