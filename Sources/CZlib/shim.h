#ifndef PROVENANCE_CZLIB_SHIM_H
#define PROVENANCE_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a macro Swift cannot call; this is the same call.
static inline int provenance_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
