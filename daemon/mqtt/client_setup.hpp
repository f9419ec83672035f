#pragma once
// Paho client and connect options from Options: the zero-loss settings live here, in one
// place (see ../shared toolchain notes: all of them are needed, none is the default).

#include <mqtt/connect_options.h>
#include <mqtt/create_options.h>

#include <string>

#include "daemon/mqtt/options.hpp"

namespace r3::mqtt {

// Empty when usable; else what is wrong (bad gateway id, missing TLS file, ...).
std::string check_options(const Options& o);
::mqtt::create_options make_create_options(const Options& o);
// `will_payload`: the retained offline status the broker publishes if we vanish.
::mqtt::connect_options make_connect_options(const Options& o, const std::string& will_topic,
                                             const std::string& will_payload);
// Where Paho keeps unacknowledged messages: "<state_dir>/queue"; empty: memory only.
std::string persistence_dir(const Options& o);

}  // namespace r3::mqtt
