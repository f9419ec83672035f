#include "tools/r3-view/view_options.hpp"

#include <charconv>
#include <cmath>

#include "core/util/safe_id.hpp"

namespace r3::view {
namespace {

constexpr std::string_view kUsage = R"(Usage: r3-view [OPTIONS]
A live terminal view of a room, from the broker the gateway publishes to (docs/mqtt-api.md):
every bound user (the users whose retained r3/v1/<gw>/users/<id>/status is set), with state,
contact link, battery, packet loss, the reps the gateway counted today / this session / in the
open set, sets this session, the last set and a live force gauge. A contact with a problem
(never seen, over the link budget, backing off) gets a line saying why. Ctrl-C quits.

Broker (as the gateway's [mqtt] section):
  --host H               broker host (default localhost)
  --port P               broker port (default 1883; 8883 with TLS)
  --username U           user name; --password P or --password-file F (first line) with it
  --password P           visible to other users in `ps`: prefer --password-file
  --password-file F
  --tls                  TLS to the broker, server certificate and host name verified
  --ca-file F            CA bundle (implies --tls; default: the system's store)
  --cert-file F          client certificate for mutual TLS (implies --tls), with --key-file
  --key-file F           its private key
View:
  --gateway ID           only this gateway (default: every gateway on the broker, "+")
  --plain                no screen control: one frame per second, for logs and pipes
  --duration S           quit after S seconds
  --connect-timeout S    exit with status 1 if the broker cannot be reached within S seconds
                         (default 0: keep retrying, the reason at the top of the screen)
  -h, --help             this text

When the broker cannot be reached, the top of the screen says so, with host:port and the reason
(connection refused, unknown host, TLS handshake failed, ...), and r3-view retries every few
seconds until it can, since a coach may start it before the gateway's box is up. A broker that
refuses the user name or password is not retried: r3-view says so and exits with status 1.
Exit status: 0 ok, 1 broker unreachable within --connect-timeout or refused us, 2 usage error.
)";

bool parse_number(std::string_view text, double& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

}  // namespace

std::string_view view_usage() {
  return kUsage;
}

Result<ViewOptions, std::string> parse_view_options(std::span<const std::string_view> args) {
  ViewOptions o;
  o.broker.port = 0;  // 0 until given: the default depends on TLS
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto k = args[i];
    if (k == "-h" || k == "--help") {
      o.help = true;
      return o;
    }
    if (k == "--plain") {
      o.plain = true;
      continue;
    }
    if (k == "--tls") {
      o.broker.tls.enabled = true;
      continue;
    }
    const bool takes_value = k == "--host" || k == "--port" || k == "--gateway" ||
                             k == "--username" || k == "--password" || k == "--password-file" ||
                             k == "--ca-file" || k == "--cert-file" || k == "--key-file" ||
                             k == "--duration" || k == "--connect-timeout";
    if (!takes_value) return Err{std::string("unknown option '") + std::string(k) + "'"};
    if (i + 1 >= args.size()) return Err{std::string(k) + " needs a value"};
    const std::string v(args[++i]);
    double number = 0.0;
    const bool numeric = parse_number(v, number);
    if (k == "--host") {
      o.broker.host = v;
    } else if (k == "--port") {
      if (!numeric || number < 1 || number > 65535 || number != std::floor(number)) {
        return Err{"--port '" + v + "' is not a port (1-65535)"};
      }
      o.broker.port = static_cast<int>(number);
    } else if (k == "--gateway") {
      o.gateway = v;
    } else if (k == "--username") {
      o.broker.username = v;
    } else if (k == "--password") {
      o.broker.password = v;
    } else if (k == "--password-file") {
      o.password_file = v;
    } else if (k == "--ca-file") {
      o.broker.tls.ca_file = v;
    } else if (k == "--cert-file") {
      o.broker.tls.cert_file = v;
    } else if (k == "--key-file") {
      o.broker.tls.key_file = v;
    } else {  // --duration, --connect-timeout: seconds
      if (!numeric || number < 0) return Err{std::string(k) + " '" + v + "' is not seconds >= 0"};
      (k == "--duration" ? o.duration_s : o.connect_timeout_s) = number;
    }
  }
  auto& tls = o.broker.tls;
  tls.enabled =
      tls.enabled || !tls.ca_file.empty() || !tls.cert_file.empty() || !tls.key_file.empty();
  if (o.broker.port == 0) o.broker.port = tls.enabled ? 8883 : 1883;
  if (o.broker.host.empty()) return Err{std::string("--host is empty")};
  if (o.gateway != "+" && !util::is_safe_id(o.gateway)) {
    return Err{"--gateway '" + o.gateway + "' must be '+' or 1-64 characters of A-Z a-z 0-9 _ . -"};
  }
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return Err{std::string("--cert-file and --key-file go together")};
  }
  if (!o.broker.password.empty() && !o.password_file.empty()) {
    return Err{std::string("--password and --password-file: give one")};
  }
  if ((!o.broker.password.empty() || !o.password_file.empty()) && o.broker.username.empty()) {
    return Err{std::string("a password needs --username")};
  }
  return o;
}

}  // namespace r3::view
