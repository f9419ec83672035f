#pragma once
// Publisher::Impl: the state behind the Publisher facade, all on the loop thread. Private to
// r3_mqtt (publisher_impl.cpp: connection, queue bound, status, commands; publisher.cpp: the
// event methods).

#include <mqtt/async_client.h>

#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <memory>
#include <unordered_map>

#include "daemon/mqtt/client_setup.hpp"
#include "daemon/mqtt/command_handler.hpp"
#include "daemon/mqtt/paho_bridge.hpp"
#include "daemon/mqtt/publisher.hpp"
#include "daemon/mqtt/queue_sync.hpp"
#include "daemon/mqtt/seq_store.hpp"
#include "daemon/mqtt/topics.hpp"

namespace r3::mqtt {

using Clock = std::chrono::steady_clock;
enum class Kind { kEvent, kLive, kControl };  // control: status, device, reply (few, small)
enum Level { kError = 0, kWarn = 1, kInfo = 2 };

std::int64_t now_unix_ms();

class Publisher::Impl : public LoopEvents, public std::enable_shared_from_this<Impl> {
 public:
  Impl(boost::asio::io_context& io, Options o, CommandTarget* target, LogFn log)
      : io_(io),
        opt_(std::move(o)),
        log_(std::move(log)),
        topics_(opt_.gateway_id),
        seq_(opt_.state_dir.empty() ? std::string() : opt_.state_dir + "/seq.txt"),
        commands_(target),
        queue_sync_(persistence_dir(opt_), std::chrono::milliseconds(opt_.queue_sync_ms),
                    [this](const std::string& m) { this->log(kError, m); }),
        status_timer_(io),
        retry_timer_(io),
        started_(Clock::now()) {}

  ~Impl() override {
    if (!client_) return;
    try {
      client_->disable_callbacks();
    } catch (...) {  // a destructor must not throw; the client goes anyway
    }
  }

  bool start();
  void stop(std::function<void()> done, int timeout_ms);
  void finish_when_drained(Clock::time_point deadline, std::function<void()> done);
  bool send(const std::string& topic, const std::string& payload, int qos, bool retained, Kind kind,
            const ::mqtt::properties* props = nullptr);
  bool ids_ok(const EventContext& ctx);
  std::uint64_t next_seq(const std::string& user);
  void publish_status(bool online, const char* reason);
  void arm_status_timer();
  void live(const EventContext& ctx, const core::LiveSample& e);
  void log(int level, const std::string& m) const {
    if (log_) log_(level, m);
  }

  void on_connected() override;
  void on_connection_lost(const std::string& cause) override;
  void on_message(const IncomingMessage& m) override;
  void on_publish_done(bool ok) override;
  void on_connect_failed(const std::string& why) override;

  boost::asio::io_context& io_;
  Options opt_;
  LogFn log_;
  Topics topics_;
  SeqStore seq_;
  CommandHandler commands_;
  QueueSync queue_sync_;  // the durability window of the on-disk QoS 1 queue
  PublisherStats stats_;
  boost::asio::steady_timer status_timer_;
  boost::asio::steady_timer retry_timer_;
  Clock::time_point started_;
  std::unordered_map<std::string, Clock::time_point> last_live_;
  ::mqtt::connect_options connect_options_;
  std::shared_ptr<PahoBridge> bridge_;  // declared before client_: outlives it
  std::unique_ptr<::mqtt::async_client> client_;
  bool stopping_ = false;
  int connect_failures_ = 0;  // of the first connection (later ones are Paho's business)
};

}  // namespace r3::mqtt
