// The per-contact pipeline's cost: ns per sample in steady state (samples and packets), the time
// to complete a rep (metrics + SPARC), and the memory one contact holds.
#include <benchmark/benchmark.h>

#include <vector>

#include "core/pipeline/device_pipeline.hpp"
#include "core/reps/rep_metrics.hpp"
#include "core/synth/generator.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/counting_sink.hpp"

namespace r3::core {
namespace {

const synth::Session& noisy_session(double rate_hz) {
  static synth::Session s100, s200;
  synth::Session& s = rate_hz > 150.0 ? s200 : s100;
  if (s.samples.empty()) {
    synth::SessionSpec spec;
    synth::preset("noisy", 7, spec);
    spec.rate_hz = rate_hz;
    s = synth::generate_session(spec);
  }
  return s;
}

// Every sample of a whole session (reps, holds, rests; rep completions included) per iteration.
void BM_PipelinePerSample(benchmark::State& state) {
  const double rate = static_cast<double>(state.range(0));
  const auto& session = noisy_session(rate);
  r3::testing::CountingSink sink;
  PipelineConfig config;
  config.nominal_rate_hz = rate;
  for (auto _ : state) {
    DevicePipeline pipeline(config, sink);
    for (const auto& s : session.samples) pipeline.push_sample(s);
    pipeline.flush(session.samples.back().t_s);
    benchmark::DoNotOptimize(sink.events);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long>(session.samples.size()));
  state.counters["ns_per_sample"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(session.samples.size()),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_PipelinePerSample)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);

// The daemon's path: decode, sequence tracking, then the pipeline (5 samples per packet).
void BM_PipelinePerSampleFromPackets(benchmark::State& state) {
  const auto& session = noisy_session(100.0);
  synth::SessionSpec spec;
  synth::preset("noisy", 7, spec);
  const auto packets = synth::packetize(session, spec);
  r3::testing::CountingSink sink;
  for (auto _ : state) {
    DevicePipeline pipeline(PipelineConfig{}, sink);
    for (const auto& p : packets) pipeline.push_packet(p.bytes, p.rx_time_s);
    benchmark::DoNotOptimize(sink.events);
  }
  state.counters["ns_per_sample"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(session.samples.size()),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_PipelinePerSampleFromPackets)->Unit(benchmark::kMillisecond);

// Completing one rep: every metric over its samples, SPARC included.
void BM_RepCompletion(benchmark::State& state) {
  const double rate = static_cast<double>(state.range(0));
  const double seconds = static_cast<double>(state.range(1));
  const auto n = static_cast<std::size_t>(rate * seconds);
  std::vector<float> force(n, 120.0F), speed(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double s = static_cast<double>(i) / static_cast<double>(n);
    speed[i] = static_cast<float>(60.0 * 30.0 * s * s * (1 - s) * (1 - s));
  }
  SparcWorkspace workspace;
  RepEvent rep;
  for (auto _ : state) {
    compute_rep_metrics(force, speed, rate, 0.0, seconds, Thresholds{}, workspace, rep);
    benchmark::DoNotOptimize(rep.sparc);
  }
}
BENCHMARK(BM_RepCompletion)
    ->Args({100, 2})
    ->Args({100, 8})
    ->Args({200, 8})
    ->Args({200, 20})
    ->Unit(benchmark::kMicrosecond);

// What one contact's pipeline holds on the heap (the per-thread rep scratch is shared).
void BM_MemoryPerContact(benchmark::State& state) {
  r3::testing::CountingSink sink;
  PipelineConfig config;
  config.nominal_rate_hz = static_cast<double>(state.range(0));
  long bytes = 0;
  for (auto _ : state) {
    const long before = r3::testing::g_allocated_bytes.load();
    auto pipeline = std::make_unique<DevicePipeline>(config, sink);
    bytes = r3::testing::g_allocated_bytes.load() - before;
    benchmark::DoNotOptimize(pipeline);
  }
  state.counters["bytes_per_contact"] = static_cast<double>(bytes);
}
BENCHMARK(BM_MemoryPerContact)->Arg(100)->Arg(200);

}  // namespace
}  // namespace r3::core
