#ifndef LOTSE_CLIBXML2_SHIM_H
#define LOTSE_CLIBXML2_SHIM_H

/* Debian's libxml2 defines LIBXML_ICU_ENABLED, which pulls the system ICU headers
   into every importer and clashes with Foundation's ICU ("UErrorCode has different
   definitions"). Lotse uses no ICU feature of libxml2, so switch it off first.
   The only layout this changes is two trailing pointer fields of
   xmlCharEncodingHandler, a struct Lotse never allocates, embeds or reads. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/globals.h>

/* libxml2's generic error channel is variadic (printf-like), which Swift cannot
   implement. This handler drops every message; all diagnostics Lotse reports come
   through the structured error handler instead. */
static void lotse_xml_silent_generic_error(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

/* Silences the generic error channel for the calling thread. libxml2 keeps this
   handler per thread, so LotseXML calls this at the start of every libxml2 scope. */
static inline void lotse_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, lotse_xml_silent_generic_error);
}

/* Makes silence the generic error handler of threads libxml2 has not seen yet. */
static inline void lotse_xml_silence_generic_errors_by_default(void) {
    xmlThrDefSetGenericErrorFunc(NULL, lotse_xml_silent_generic_error);
}

/* xmlFree is a C global function pointer, which Swift 6 refuses to read. */
static inline void lotse_xml_free(void *pointer) {
    xmlFree(pointer);
}

/* The calling thread's structured error handler and its context (macros in C),
   so a scope can restore what it found. */
static inline xmlStructuredErrorFunc lotse_xml_structured_error_handler(void) {
    return xmlStructuredError;
}

static inline void *lotse_xml_structured_error_context(void) {
    return xmlStructuredErrorContext;
}

/// The run-time libxml2 version as digits (`20914`); a macro in some versions.
static inline const char *lotse_xml_parser_version(void) {
    return xmlParserVersion;
}

#endif
