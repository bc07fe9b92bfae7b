#ifndef STXSAMPLE_H
#define STXSAMPLE_H
const char *stxsample_greeting(void);
int stxsample_version(void);
#endif
