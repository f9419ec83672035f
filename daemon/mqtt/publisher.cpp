#include "daemon/mqtt/publisher.hpp"

#include "daemon/mqtt/payloads.hpp"
#include "daemon/mqtt/publisher_impl.hpp"

namespace r3::mqtt {

Publisher::Publisher(boost::asio::io_context& io, Options options, CommandTarget* target, LogFn log)
    : impl_(std::make_shared<Impl>(io, std::move(options), target, std::move(log))) {}

Publisher::~Publisher() = default;

bool Publisher::start() {
  return impl_->start();
}
void Publisher::stop(std::function<void()> done, int timeout_ms) {
  impl_->stop(std::move(done), timeout_ms);
}

void Publisher::publish_rep(const EventContext& ctx, const core::RepEvent& e) {
  if (!impl_->ids_ok(ctx)) return;
  const auto seq = impl_->next_seq(ctx.user_id);
  impl_->send(impl_->topics_.user(ctx.user_id, "rep"),
              event_payload(impl_->opt_.gateway_id, ctx, seq, now_unix_ms(), e), 1, false,
              Kind::kEvent);
}

void Publisher::publish_hold(const EventContext& ctx, const core::HoldEvent& e) {
  if (!impl_->ids_ok(ctx)) return;
  const auto seq = impl_->next_seq(ctx.user_id);
  impl_->send(impl_->topics_.user(ctx.user_id, "hold"),
              event_payload(impl_->opt_.gateway_id, ctx, seq, now_unix_ms(), e), 1, false,
              Kind::kEvent);
}

void Publisher::publish_set(const EventContext& ctx, const core::SetSummary& e) {
  if (!impl_->ids_ok(ctx)) return;
  const auto seq = impl_->next_seq(ctx.user_id);
  impl_->send(impl_->topics_.user(ctx.user_id, "set"),
              event_payload(impl_->opt_.gateway_id, ctx, seq, now_unix_ms(), e), 1, false,
              Kind::kEvent);
}

void Publisher::publish_live(const EventContext& ctx, const core::LiveSample& e) {
  impl_->live(ctx, e);
}

void Publisher::publish_device(const DeviceStatus& s) {
  if (!is_safe_device_id(s.device_id) || (!s.user_id.empty() && !is_safe_id(s.user_id))) {
    ++impl_->stats_.invalid_ids;
    return;
  }
  impl_->send(impl_->topics_.device(s.device_id),
              device_payload(impl_->opt_.gateway_id, s, now_unix_ms()), 1, true, Kind::kControl);
}

void Publisher::publish_user_status(const UserStatus& s) {
  if (!is_safe_id(s.user_id) || (!s.device_id.empty() && !is_safe_device_id(s.device_id)) ||
      (!s.session_id.empty() && !is_safe_id(s.session_id))) {
    ++impl_->stats_.invalid_ids;
    return;
  }
  impl_->send(impl_->topics_.user(s.user_id, "status"),
              user_status_payload(impl_->opt_.gateway_id, s, now_unix_ms()), 1, true,
              Kind::kControl);
}

void Publisher::clear_user_status(const std::string& user_id) {
  if (!is_safe_id(user_id)) {
    ++impl_->stats_.invalid_ids;
    return;
  }
  impl_->send(impl_->topics_.user(user_id, "status"), std::string(), 1, true, Kind::kControl);
}

void Publisher::publish_session(const SessionSummary& s) {
  if (!is_safe_id(s.session_id)) {
    ++impl_->stats_.invalid_ids;
    return;
  }
  impl_->send(impl_->topics_.session(s.session_id),
              session_payload(impl_->opt_.gateway_id, s, now_unix_ms()), 1, false, Kind::kEvent);
}

PublisherStats Publisher::stats() const {
  return impl_->stats_;
}
const Options& Publisher::options() const {
  return impl_->opt_;
}

}  // namespace r3::mqtt
