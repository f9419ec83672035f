#include "daemon/mqtt/broker_auth.hpp"

#include <mqtt/ssl_options.h>
#include <unistd.h>

namespace r3::mqtt {
namespace {

std::string readable(const std::string& path, const char* what) {
  if (path.empty() || ::access(path.c_str(), R_OK) == 0) return {};
  return std::string(what) + " '" + path + "' is not readable";
}

}  // namespace

std::string check_tls(const TlsOptions& tls) {
  if (!tls.enabled) return {};
  for (const auto& err :
       {readable(tls.ca_file, "TLS CA file"), readable(tls.cert_file, "TLS certificate"),
        readable(tls.key_file, "TLS key")}) {
    if (!err.empty()) return err;
  }
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return "TLS client certificate and key go together";
  }
  return {};
}

void apply_auth(::mqtt::connect_options& c, const Options& o) {
  if (!o.username.empty()) {
    c.set_user_name(o.username);
    c.set_password(o.password);
  }
  const auto& tls = o.tls;
  if (tls.enabled) {
    ::mqtt::ssl_options ssl;
    if (!tls.ca_file.empty()) ssl.set_trust_store(tls.ca_file);
    if (!tls.cert_file.empty()) ssl.set_key_store(tls.cert_file);
    if (!tls.key_file.empty()) ssl.set_private_key(tls.key_file);
    ssl.set_enable_server_cert_auth(tls.verify_server);
    ssl.set_verify(tls.verify_server);
    c.set_ssl(std::move(ssl));
  }
}

}  // namespace r3::mqtt
