# r3_warnings: the warning set every target of the project compiles with.
add_library(r3_warnings INTERFACE)
target_compile_options(r3_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
option(R3_WERROR "Treat warnings as errors" ON)
if(R3_WERROR)
  target_compile_options(r3_warnings INTERFACE -Werror)
  # GCC 12 reports false -Wrestrict hits inside std::string at -O3 (GCC bug 105329): keep the
  # warning visible, but do not fail the build on it.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(r3_warnings INTERFACE -Wno-error=restrict)
  endif()
endif()
