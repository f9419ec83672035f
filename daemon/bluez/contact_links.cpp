// The public face of the links: everything happens in Impl, on the loop thread.
#include "daemon/bluez/contact_links.hpp"

#include "core/protocol/control_command.hpp"
#include "daemon/bluez/links_impl.hpp"

namespace r3::bluez {

ContactLinks::ContactLinks(boost::asio::io_context& io, LinkConfig config,
                           ContactListener& listener)
    : impl_(std::make_unique<Impl>(io, std::move(config), listener)) {}

ContactLinks::~ContactLinks() {
  stop();
}

bool ContactLinks::start(std::string* error) {
  if (impl_->bus) return true;
  return impl_->open(error);
}

void ContactLinks::stop() {
  if (!impl_->bus) return;
  // Best effort: hang up every link so the contacts stop streaming into the air.
  for (auto& [id, c] : impl_->contacts) {
    if (c.device_path.empty()) continue;
    try {
      impl_->proxy(c.device_path)
          .callMethodAsync("Disconnect")
          .onInterface(kDeviceItf)
          .uponReplyInvoke([](const sdbus::Error*) {});
    } catch (const sdbus::Error&) {
    }
  }
  impl_->close();
}

bool ContactLinks::tare(const ContactId& id) {
  std::array<std::uint8_t, core::protocol::kMaxControlSize> buf{};
  core::protocol::ControlCommand cmd;
  cmd.opcode = core::protocol::Opcode::kTare;
  const auto n = core::protocol::encode_control(cmd, buf);
  return impl_->write_control(id, std::span<const std::uint8_t>(buf.data(), n));
}

bool ContactLinks::identify(const ContactId& id, std::uint8_t seconds) {
  std::array<std::uint8_t, core::protocol::kMaxControlSize> buf{};
  core::protocol::ControlCommand cmd;
  cmd.opcode = core::protocol::Opcode::kIdentify;
  cmd.identify_seconds = seconds;
  const auto n = core::protocol::encode_control(cmd, buf);
  return impl_->write_control(id, std::span<const std::uint8_t>(buf.data(), n));
}

namespace {
ContactInfo info_of(const Contact& c) {
  ContactInfo i;
  i.id = c.id;
  i.address = c.address;
  i.adapter = c.adapter_path.empty() ? "" : c.adapter_path.substr(c.adapter_path.rfind('/') + 1);
  i.state = c.state;
  i.path = c.path;
  i.stats = c.stats;
  return i;
}
}  // namespace

std::vector<ContactInfo> ContactLinks::contacts() const {
  std::vector<ContactInfo> out;
  for (const auto& [id, c] : impl_->contacts) out.push_back(info_of(c));
  return out;
}

std::optional<ContactInfo> ContactLinks::contact(const ContactId& id) const {
  auto it = impl_->contacts.find(id);
  if (it == impl_->contacts.end()) return std::nullopt;
  return info_of(it->second);
}

}  // namespace r3::bluez
