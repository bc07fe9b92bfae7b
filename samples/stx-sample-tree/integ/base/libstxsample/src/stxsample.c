#include "stxsample.h"
const char *stxsample_greeting(void) { return "hello from libstxsample"; }
int stxsample_version(void) { return 21; }
