#include "CFixedPoint.h"

#include <stdio.h>

int kgsh_format_fixed(char *out, size_t size, double value, int places) {
  return snprintf(out, size, "%.*f", places, value);
}
