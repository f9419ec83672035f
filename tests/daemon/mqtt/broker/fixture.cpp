#include "tests/daemon/mqtt/broker/fixture.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace r3::test {

void BrokerTest::SetUp() {
  dir_ = make_temp_dir();
  std::filesystem::create_directories(dir_ + "/state");
  broker_ = std::make_unique<Broker>(dir_);
  ASSERT_TRUE(broker_->start()) << read_file(broker_->log_file());
}

void BrokerTest::TearDown() {
  broker_.reset();  // kills it
  if (HasFailure()) {
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      if (e.path().extension() == ".log") {
        std::cerr << "---- " << e.path() << "\n" << read_file(e.path()) << "\n";
      }
    }
  }
  std::filesystem::remove_all(dir_);
}

Process BrokerTest::start_publisher(const std::vector<std::string>& extra, const std::string& log) {
  std::vector<std::string> argv{
      R3_TEST_PUBLISHER, "--port",      std::to_string(broker_->port()),
      "--gateway",       "gw1",         "--state",
      dir_ + "/state",   "--client-id", "gw1-" + std::filesystem::path(dir_).filename().string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return Process(argv, dir_ + "/" + log + ".log");
}

std::unique_ptr<Collector> BrokerTest::collector(const std::string& filter, bool v5) {
  auto c = std::make_unique<Collector>(
      broker_->port(),
      "col" + std::to_string(++collectors_) + "-" + std::filesystem::path(dir_).filename().string(),
      filter, v5);
  EXPECT_TRUE(c->connect());
  return c;
}

std::string BrokerTest::log_of(const std::string& name) const {
  return read_file(dir_ + "/" + name + ".log");
}

std::vector<std::uint64_t> seqs_of(const std::vector<Received>& messages) {
  std::vector<std::uint64_t> out;
  for (const auto& m : messages) {
    const auto j = nlohmann::json::parse(m.payload, nullptr, false);
    if (j.is_object() && j.contains("seq")) out.push_back(j["seq"].get<std::uint64_t>());
  }
  return out;
}

std::string field(const Received& m, const std::string& key) {
  const auto j = nlohmann::json::parse(m.payload, nullptr, false);
  if (!j.is_object() || !j.contains(key)) return {};
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

bool has_status(const std::vector<Received>& messages, const std::string& state,
                const std::string& reason) {
  for (const auto& m : messages) {
    if (field(m, "state") == state && field(m, "reason") == reason) return true;
  }
  return false;
}

}  // namespace r3::test
