/* The second source file of the DWARF guest. */
#ifndef HELPER_H
#define HELPER_H
int helper_mix(int a, int b);
#endif
