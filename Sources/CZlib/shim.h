#ifndef PROVENANCE_CZLIB_SHIM_H
#define PROVENANCE_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a macro Swift cannot call; this is the same call.
static inline int provenance_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// `deflateInit2` is a macro too; the benchmark writes gzipped web archives with it.
static inline int provenance_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

#endif
