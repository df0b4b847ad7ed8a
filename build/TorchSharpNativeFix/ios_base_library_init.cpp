// Mentor's libstdc++ shim for TorchSharp's native library (see ../TorchSharpNativeFix.targets).
//
// libLibTorchSharp.so is built with GCC 13, whose <iostream> references
// std::ios_base_library_init() (GLIBCXX_3.4.32) and leaves the initialisation of
// the standard streams to libstdc++ itself. Older libstdc++ (Debian 12: up to
// GLIBCXX_3.4.30) lacks both. This library is added as a needed library of the
// patched copy: it defines the symbol and initialises the standard streams when it
// is loaded, which is before libLibTorchSharp.so's own constructors run.
//
// Built by the build with: g++ -shared -fPIC -O2 -fvisibility=hidden
#include <ios>

namespace
{
    // Constructed when this library is loaded; keeps std::cout and friends usable.
    std::ios_base::Init streams_init;
}

namespace std
{
    __attribute__((visibility("default"))) void ios_base_library_init()
    {
        static ios_base::Init init;
    }
}
