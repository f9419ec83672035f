# R3_SANITIZE: build everything with sanitizers (scripts/test and scripts/fuzz use it).
#   address,undefined   ASan + UBSan, any report fatal (-fno-sanitize-recover)
#   thread              TSan
#   fuzzer              clang only: ASan + UBSan with libFuzzer's coverage (tests/fuzz)
set(R3_SANITIZE "" CACHE STRING "Sanitizers for every target: address,undefined | thread | fuzzer")
if(R3_SANITIZE STREQUAL "fuzzer")
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(R3_SANITIZE)
  add_compile_options(-fsanitize=${R3_SANITIZE} -fno-omit-frame-pointer)
  if(R3_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=all)
  endif()
  # GCC warns that TSan does not model atomic_thread_fence, which Asio's handler completion uses;
  # the handoff it guards also goes through the scheduler's mutex, which TSan does see.
  if(R3_SANITIZE MATCHES "thread" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-tsan)
  endif()
  add_link_options(-fsanitize=${R3_SANITIZE})
endif()
