#ifndef LOTSE_CLIBEDIT_SHIM_H
#define LOTSE_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

/* el_set and history are variadic; Swift cannot call variadic C functions, so these
   wrappers fix the argument lists Lotse uses. */

typedef char *(*lotse_prompt_fn)(EditLine *);
typedef int (*lotse_getc_fn)(EditLine *, wchar_t *);
typedef unsigned char (*lotse_command_fn)(EditLine *, int);

/// An editor on the given streams: emacs keys, no signal handling of its own (the shell
/// installs its own SIGINT handler), characters read through `getc`, Tab bound to `complete`.
/// On the process's standard input, output and error.
static inline EditLine *lotse_el_open(const char *program,
                                      lotse_prompt_fn prompt, lotse_getc_fn getc_fn, lotse_command_fn complete) {
    EditLine *el = el_init(program, stdin, stdout, stderr);
    if (!el) return NULL;
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 0);
    el_set(el, EL_PROMPT, prompt);
    el_set(el, EL_GETCFN, getc_fn);
    el_set(el, EL_ADDFN, "lotse-complete", "complete the word at the cursor", complete);
    el_set(el, EL_BIND, "^I", "lotse-complete", NULL);
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    el_set(el, EL_BIND, "^W", "ed-delete-prev-word", NULL);
    el_set(el, EL_BIND, "^U", "vi-kill-line-prev", NULL);
    el_set(el, EL_BIND, "^L", "ed-clear-screen", NULL);
    return el;
}

/// Makes `history` the one ↑/↓ and Ctrl-R search.
static inline void lotse_el_use_history(EditLine *el, History *lines) {
    el_set(el, EL_HIST, history, lines);
}

/// A history of at most `size` lines that drops a line equal to the one before.
static inline History *lotse_history_open(int size) {
    History *h = history_init();
    if (!h) return NULL;
    HistEvent ev;
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
    return h;
}

static inline int lotse_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

static inline int lotse_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

static inline int lotse_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

#endif
