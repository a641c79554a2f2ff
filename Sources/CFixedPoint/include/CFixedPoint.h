#ifndef KGSH_CFIXEDPOINT_H
#define KGSH_CFIXEDPOINT_H

#include <stddef.h>

/// Writes `value` with `places` digits after the point into `out` (at most `size` bytes,
/// NUL included), exactly as printf's "%.*f" does; returns the length printf reports.
/// Called from Swift without C varargs: Swift's `CVarArg` path looks up a protocol
/// conformance at run time, which costs a new process ~1.4M instructions on first use.
int kgsh_format_fixed(char *out, size_t size, double value, int places);

#endif
