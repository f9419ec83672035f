// End to end through D-Bus: what r3-sim's users did, as the daemon's pipeline sees it.
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/pipeline/device_pipeline.hpp"
#include "tests/daemon/bluez/room_fixture.hpp"

namespace r3::bluez::test {
namespace {

using std::chrono::seconds;

struct RepCounter : core::EventSink {
  int reps = 0;
  void on_rep(const core::RepEvent&) override { ++reps; }
  void on_hold(const core::HoldEvent&) override {}
  void on_set(const core::SetSummary&) override {}
  void on_live(const core::LiveSample&) override {}
  void on_quality(const core::QualityStats&) override {}
};

struct Truth {
  int reps = 0;
  std::uint64_t packets = 0;
  std::uint16_t first_sequence = 0;
  std::uint32_t sequences = 0;  // sequence numbers the session spans
  // Position of a sequence number in the session; >= sequences: after it (the rest stream).
  [[nodiscard]] std::uint32_t offset(std::uint16_t s) const {
    return static_cast<std::uint16_t>(s - first_sequence);
  }
};

std::map<ContactId, Truth> read_truth(const std::string& path) {
  std::map<ContactId, Truth> out;
  std::istringstream in(r3::test::read_file(path));
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    if (j["type"] != "contact") continue;
    auto& t = out[contact_id_for_address(j["address"].get<std::string>())];
    t.reps = j["reps"].get<int>();
    t.packets = j["packets"].get<std::uint64_t>();
    t.first_sequence = j["first_sequence"].get<std::uint16_t>();
    t.sequences = j["sequences"].get<std::uint32_t>();
  }
  return out;
}

// Feeds every contact's packets into its own pipeline, as the daemon does.
struct PipelineRecorder : Recorder {
  std::map<ContactId, std::unique_ptr<RepCounter>> sinks;
  std::map<ContactId, std::unique_ptr<core::DevicePipeline>> pipelines;
  void on_packet(const ContactId& id, std::span<const std::uint8_t> bytes, double rx) override {
    Recorder::on_packet(id, bytes, rx);
    auto& p = pipelines[id];
    if (!p) {
      sinks[id] = std::make_unique<RepCounter>();
      p = std::make_unique<core::DevicePipeline>(core::PipelineConfig{}, *sinks[id]);
    }
    p->push_packet(bytes, rx);
  }
};

class GroundTruthTest : public RoomTest {
 protected:
  PipelineRecorder pipes_;
};

TEST_F(GroundTruthTest, RepsCountedPerContactEqualTheSimulatorsGroundTruth) {
  start_sim({"--contacts", "16", "--adapters", "3", "--time-scale", "10", "--preset", "clean",
             "--sets", "1", "--seed", "3"});
  pipes_.keep_sequences = true;
  links_ = std::make_unique<ContactLinks>(io_, LinkConfig{}, pipes_);
  ASSERT_TRUE(links_->start());
  const auto truth = read_truth(truth_path_);
  ASSERT_EQ(truth.size(), 16U);
  // The whole session has been sent once a rest packet past its end arrived.
  auto done = [&](const ContactId& id) {
    auto it = pipes_.contacts.find(id);
    if (it == pipes_.contacts.end()) return false;
    for (const auto s : it->second.sequences)
      if (truth.at(id).offset(s) >= truth.at(id).sequences) return true;
    return false;
  };
  ASSERT_TRUE(run_until(
      [&] {
        for (const auto& [id, t] : truth)
          if (!done(id)) return false;
        return true;
      },
      seconds(120)));
  for (const auto& [id, t] : truth) {
    const auto& seqs = pipes_.contacts[id].sequences;
    const auto session = std::count_if(seqs.begin(), seqs.end(),
                                       [&](std::uint16_t s) { return t.offset(s) < t.sequences; });
    EXPECT_EQ(static_cast<std::uint64_t>(session), t.packets) << id << ": packets lost";
    pipes_.pipelines[id]->flush(1e9);
    EXPECT_EQ(pipes_.sinks[id]->reps, t.reps) << id;
    EXPECT_GT(t.reps, 0) << id;
  }
}

}  // namespace
}  // namespace r3::bluez::test
