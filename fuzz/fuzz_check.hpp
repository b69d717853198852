// fuzz_check.hpp - FUZZ_CHECK(condition, detail): a property every input
// must keep.  On failure it prints what broke and aborts, which libFuzzer
// reports as a crash and saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(condition, detail)                                                                  \
    do {                                                                                               \
        if (!(condition)) {                                                                            \
            std::fprintf(stderr, "%s:%d: property broken: %s\n  %s\n", __FILE__, __LINE__, #condition, \
                         std::string(detail).c_str());                                                 \
            std::abort();                                                                              \
        }                                                                                              \
    } while (0)
