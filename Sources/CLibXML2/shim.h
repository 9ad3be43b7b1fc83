#ifndef LOTSE_CLIBXML2_SHIM_H
#define LOTSE_CLIBXML2_SHIM_H

/* Debian's libxml2 defines LIBXML_ICU_ENABLED, which pulls the system ICU headers
   into every importer and clashes with Foundation's ICU ("UErrorCode has different
   definitions"). Lotse uses no ICU feature of libxml2, so switch it off first. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>

#endif
