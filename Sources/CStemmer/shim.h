#ifndef PROVENANCE_CSTEMMER_SHIM_H
#define PROVENANCE_CSTEMMER_SHIM_H

// Snowball's stemmers (Debian's libstemmer-dev, which ships no pkg-config
// file): only Core/Matching/SnowballStemmer.swift imports this module.
#include <libstemmer.h>

#endif
