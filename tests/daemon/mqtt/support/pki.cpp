#include "tests/daemon/mqtt/support/pki.hpp"

#include <cstdlib>

namespace r3::test {

bool make_test_pki(const std::string& dir, TestPki& out) {
  const std::string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
  const std::string script =
      "(cd " + dir + " && set -e && " + "openssl req -x509 " + key +
      " -keyout ca.key -out ca.crt -days 2 -subj /CN=r3-test-ca && " + "openssl req " + key +
      " -keyout server.key -out server.csr -subj /CN=localhost && " +
      "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.ext && " +
      "openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial " +
      "-out server.crt -days 2 -extfile san.ext && " + "openssl req " + key +
      " -keyout client.key -out client.csr -subj /CN=gw1 && " +
      "openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial " +
      "-out client.crt -days 2)";
  if (std::system((script + " >> " + dir + "/openssl.log 2>&1").c_str()) != 0) return false;
  out = {dir + "/ca.crt", dir + "/server.crt", dir + "/server.key", dir + "/client.crt",
         dir + "/client.key"};
  return true;
}

}  // namespace r3::test
