// libFuzzer's entry for programs that keep their own `main` (compiler-rt FuzzerInterface.h /
// FuzzerDriver.cpp). Linked only in builds with `-sanitize=fuzzer`; nothing here links otherwise.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
