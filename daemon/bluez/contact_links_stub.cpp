// Placeholder until the links land: start() reports that they are not implemented yet.
#include "daemon/bluez/contact_links.hpp"

namespace r3::bluez {

struct ContactLinks::Impl {};

ContactLinks::ContactLinks(boost::asio::io_context& /*io*/, LinkConfig /*config*/,
                           ContactListener& /*listener*/)
    : impl_(std::make_unique<Impl>()) {}
ContactLinks::~ContactLinks() = default;

bool ContactLinks::start(std::string* error) {
  if (error != nullptr) *error = "BlueZ links not implemented yet";
  return false;
}
void ContactLinks::stop() {}
bool ContactLinks::tare(const ContactId& /*id*/) {
  return false;
}
bool ContactLinks::identify(const ContactId& /*id*/, std::uint8_t /*seconds*/) {
  return false;
}
std::vector<ContactInfo> ContactLinks::contacts() const {
  return {};
}
std::optional<ContactInfo> ContactLinks::contact(const ContactId& /*id*/) const {
  return std::nullopt;
}

}  // namespace r3::bluez
