#ifndef PROVENANCE_CLIBXML2_SHIM_H
#define PROVENANCE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU support and its headers then pull in ICU
// types that clash with the copy of ICU inside Foundation. We never use the
// ICU-facing part of libxml2, so switch it off before the other headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/parserInternals.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared
/// mutable state; call it through this function instead.
static inline void provenance_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
