#pragma once
// A throw-away PKI made by the openssl CLI: a CA, a server certificate for 127.0.0.1 and
// localhost, and a client certificate (CN gw1), all signed by the CA, valid two days.

#include <string>

namespace r3::test {

struct TestPki {
  std::string ca_file, server_cert, server_key, client_cert, client_key;
};

// Writes the files into `dir` (which must exist) and their log into dir/openssl.log.
// False when openssl failed: the log says why.
bool make_test_pki(const std::string& dir, TestPki& out);

}  // namespace r3::test
