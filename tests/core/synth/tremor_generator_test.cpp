// The generator's hand tremor: only while loaded, of the amplitude and frequency asked for, on
// top of the same movements as without it, and known exactly in the ground truth.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/synth/generator.hpp"

namespace r3::core::synth {
namespace {

SessionSpec spec_for(const char* name, std::uint64_t seed) {
  SessionSpec s;
  EXPECT_TRUE(preset(name, seed, s)) << name;
  return s;
}

double gyro_norm(const Sample& x) {
  return std::hypot(double{x.gyro_dps[0]}, double{x.gyro_dps[1]}, double{x.gyro_dps[2]});
}

TEST(ATremorPreset, MovesLikeThePresetWithoutTremor) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const Session plain = generate_session(spec_for("rehab", seed));
    const Session shaky = generate_session(spec_for("rehab-pathological", seed));
    ASSERT_EQ(plain.truth.reps.size(), shaky.truth.reps.size());
    for (std::size_t i = 0; i < plain.truth.reps.size(); ++i) {
      EXPECT_EQ(plain.truth.reps[i].start_s, shaky.truth.reps[i].start_s);
      EXPECT_EQ(plain.truth.reps[i].end_s, shaky.truth.reps[i].end_s);
      EXPECT_NEAR(plain.truth.reps[i].rom_deg, shaky.truth.reps[i].rom_deg, 1e-9);
      EXPECT_EQ(plain.truth.reps[i].tremor_rms_dps, 0.0);
      EXPECT_GT(shaky.truth.reps[i].tremor_rms_dps, 0.0);
    }
  }
}

TEST(ATremorPreset, ShakesOnlyWhileLoaded) {
  SessionSpec spec = spec_for("rehab-pathological", 4);
  spec.sensor.noise_scale = 0.0;
  spec.sensor.quantise = false;
  const Session shaky = generate_session(spec);
  spec.behaviour.tremor.probability = 0.0;
  const Session plain = generate_session(spec);
  ASSERT_EQ(plain.samples.size(), shaky.samples.size());
  int unloaded = 0, loaded_and_shaking = 0;
  for (std::size_t i = 0; i < plain.samples.size(); ++i) {
    const Sample& a = plain.samples[i];
    const Sample& b = shaky.samples[i];
    if (a.force_n == 0.0F) {
      ++unloaded;
      EXPECT_EQ(a.gyro_dps, b.gyro_dps) << a.t_s;
    } else if (std::abs(gyro_norm(b) - gyro_norm(a)) > 0.5) {
      ++loaded_and_shaking;
    }
  }
  EXPECT_GT(unloaded, 1000);
  EXPECT_GT(loaded_and_shaking, 1000);
}

TEST(ATremorPreset, HasTheAmplitudeAndFrequencyOfItsKind) {
  // RMS of a sine of peak A is A / sqrt(2); the slow modulation is within +-25 %.
  const struct {
    const char* preset;
    double f_lo, f_hi, a_lo, a_hi;
  } kinds[] = {{"rehab-tremor", 8.0, 12.0, 0.5, 3.0}, {"rehab-pathological", 4.0, 6.0, 3.0, 15.0}};
  for (const auto& k : kinds) {
    const Session s = generate_session(spec_for(k.preset, 5));
    ASSERT_FALSE(s.truth.reps.empty());
    for (const TruthRep& r : s.truth.reps) {
      EXPECT_GE(r.tremor_hz, k.f_lo) << k.preset;
      EXPECT_LE(r.tremor_hz, k.f_hi) << k.preset;
      EXPECT_GE(r.tremor_rms_dps, 0.75 * k.a_lo / std::numbers::sqrt2) << k.preset;
      EXPECT_LE(r.tremor_rms_dps, 1.25 * k.a_hi / std::numbers::sqrt2) << k.preset;
    }
  }
}

TEST(ATremorPreset, TurnsTremorOnAndOffPerPlacement) {
  SessionSpec spec = spec_for("tremor", 6);
  spec.behaviour.tremor.probability = 0.5;
  spec.behaviour.sets = 6;
  const Session s = generate_session(spec);
  int with = 0, without = 0;
  int last_placement = 0;
  for (const TruthRep& r : s.truth.reps) {
    if (r.placement_index == last_placement) continue;
    last_placement = r.placement_index;
    (r.tremor_rms_dps > 0.0 ? with : without) += 1;
  }
  EXPECT_GT(with, 2);
  EXPECT_GT(without, 2);
}

TEST(ATremorPreset, IsKnownByName) {
  for (const char* name :
       {"tremor", "pathological", "rehab", "rehab-tremor", "rehab-pathological"}) {
    SessionSpec s;
    EXPECT_TRUE(preset(name, 3, s)) << name;
    EXPECT_NE(preset_names().find(name), std::string::npos) << name;
  }
  SessionSpec rehab;
  ASSERT_TRUE(preset("rehab", 1, rehab));
  EXPECT_EQ(rehab.behaviour.tremor.probability, 0.0);
  EXPECT_LE(rehab.behaviour.rom_max_deg, 20.0);
  EXPECT_LE(rehab.behaviour.force_max_n, 45.0);
  EXPECT_GE(rehab.behaviour.rep_duration_min_s, 5.0);
}

}  // namespace
}  // namespace r3::core::synth
