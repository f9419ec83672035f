#pragma once
// How a client checks the broker and proves who it is: TLS files, username and password. Its own
// small library (Paho only), so r3-view connects exactly as r3-gatewayd does without linking the
// daemon.

#include <mqtt/connect_options.h>

#include <string>

#include "daemon/mqtt/options.hpp"

namespace r3::mqtt {

// Empty when usable; else what is wrong (an unreadable file, a certificate without its key).
std::string check_tls(const TlsOptions& tls);

// Sets o's credentials (when it has a username) and, when enabled, its TLS options.
void apply_auth(::mqtt::connect_options& c, const Options& o);

}  // namespace r3::mqtt
