#include <stdio.h>
#include "stxsample.h"
int main(void) { printf("rt module helper, lib %d\n", stxsample_version()); return 0; }
