// The generator: deterministic from the seed, and its ground truth agrees with its own samples.

#include "core/synth/generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numbers>
#include <set>

namespace r3::core::synth {
namespace {

constexpr double kPi = std::numbers::pi;

SessionSpec spec_for(const char* name, std::uint64_t seed) {
  SessionSpec s;
  EXPECT_TRUE(preset(name, seed, s)) << name;
  return s;
}

// Sensor errors off: what the samples show is the truth (quantised unless told otherwise).
SessionSpec noise_free(std::uint64_t seed, bool quantise = true) {
  SessionSpec s = spec_for("distractors", seed);
  s.sensor.noise_scale = 0.0;
  s.sensor.quantise = quantise;
  return s;
}

bool same_samples(const std::vector<Sample>& a, const std::vector<Sample>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].t_s != b[i].t_s || a[i].force_n != b[i].force_n || a[i].acc_g != b[i].acc_g ||
        a[i].gyro_dps != b[i].gyro_dps) {
      return false;
    }
  }
  return true;
}

// Samples with t in [start, end].
template <typename F>
void for_range(const Session& s, double start, double end, F&& f) {
  for (const Sample& x : s.samples) {
    if (x.t_s >= start - 1e-9 && x.t_s <= end + 1e-9) f(x);
  }
}

TEST(Generator, SameSeedSameSession) {
  for (const char* name : {"clean", "hard"}) {
    const Session a = generate_session(spec_for(name, 42));
    const Session b = generate_session(spec_for(name, 42));
    ASSERT_FALSE(a.samples.empty());
    EXPECT_TRUE(same_samples(a.samples, b.samples)) << name;
    ASSERT_EQ(a.truth.reps.size(), b.truth.reps.size());
    for (std::size_t i = 0; i < a.truth.reps.size(); ++i) {
      EXPECT_EQ(a.truth.reps[i].start_s, b.truth.reps[i].start_s);
      EXPECT_EQ(a.truth.reps[i].rom_deg, b.truth.reps[i].rom_deg);
      EXPECT_EQ(a.truth.reps[i].sparc, b.truth.reps[i].sparc);
    }
    EXPECT_EQ(a.truth.distractors.size(), b.truth.distractors.size());
  }
}

TEST(Generator, DifferentSeedDifferentSession) {
  const Session a = generate_session(spec_for("clean", 1));
  const Session b = generate_session(spec_for("clean", 2));
  EXPECT_FALSE(same_samples(a.samples, b.samples));
  ASSERT_FALSE(a.truth.reps.empty());
  ASSERT_FALSE(b.truth.reps.empty());
  EXPECT_NE(a.truth.reps[0].rom_deg, b.truth.reps[0].rom_deg);
}

TEST(Generator, SamplesAreUniformInTime) {
  SessionSpec spec = spec_for("clean", 3);
  spec.rate_hz = 50.0;
  const Session s = generate_session(spec);
  ASSERT_GT(s.samples.size(), 100U);
  EXPECT_EQ(s.rate_hz, 50.0);
  for (std::size_t i = 1; i < s.samples.size(); ++i) {
    ASSERT_NEAR(s.samples[i].t_s - s.samples[i - 1].t_s, 0.02, 1e-9);
  }
}

TEST(Generator, RepsLieInsideLoadedPlacements) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const SessionSpec spec = noise_free(seed);
    const Session s = generate_session(spec);
    ASSERT_FALSE(s.truth.reps.empty());
    for (const TruthRep& r : s.truth.reps) {
      EXPECT_LT(r.start_s, r.end_s);
      for_range(s, r.start_s, r.end_s, [&](const Sample& x) {
        // Plateau minus fluctuation, dips and creep: never near the release threshold.
        EXPECT_GT(x.force_n, 0.6 * spec.behaviour.force_min_n) << "seed " << seed << " t " << x.t_s;
      });
    }
  }
}

TEST(Generator, RomAndDurationWithinSpec) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const SessionSpec spec = spec_for("noisy", seed);
    const Session s = generate_session(spec);
    for (const TruthRep& r : s.truth.reps) {
      EXPECT_GE(r.rom_deg, spec.behaviour.rom_min_deg - 0.05);
      EXPECT_LE(r.rom_deg, spec.behaviour.rom_max_deg + 0.05);
      EXPECT_GE(r.end_s - r.start_s, spec.behaviour.rep_duration_min_s - 1e-9);
      EXPECT_LE(r.end_s - r.start_s, spec.behaviour.rep_duration_max_s + 1e-9);
      EXPECT_GT(r.peak_speed_dps, 0.0);
      EXPECT_LT(r.sparc, -1.0);  // every rep moves; a single bell is about -1.4
    }
  }
}

// Integrates body-frame gyro samples (midpoint rule) from a rep's start: the largest angle
// reached must be the truth's ROM.
double integrated_rom_deg(const Session& s, const TruthRep& r) {
  double w = 1.0, x = 0.0, y = 0.0, z = 0.0;
  double best = 0.0;
  const Sample* prev = nullptr;
  for_range(s, r.start_s, r.end_s, [&](const Sample& cur) {
    if (prev != nullptr) {
      const double dt = cur.t_s - prev->t_s;
      std::array<double, 3> om{};
      for (std::size_t a = 0; a < 3; ++a) {
        om[a] = 0.5 * (double{prev->gyro_dps[a]} + double{cur.gyro_dps[a]}) * kPi / 180.0;
      }
      const double n = std::sqrt(om[0] * om[0] + om[1] * om[1] + om[2] * om[2]);
      if (n > 0.0) {
        const double h = 0.5 * n * dt;
        const double s_h = std::sin(h) / n;
        const double dw = std::cos(h), dx = om[0] * s_h, dy = om[1] * s_h, dz = om[2] * s_h;
        const double nw = w * dw - x * dx - y * dy - z * dz;
        const double nx = w * dx + x * dw + y * dz - z * dy;
        const double ny = w * dy - x * dz + y * dw + z * dx;
        const double nz = w * dz + x * dy - y * dx + z * dw;
        w = nw, x = nx, y = ny, z = nz;
      }
      best = std::max(best, 2.0 * std::atan2(std::sqrt(x * x + y * y + z * z), std::abs(w)));
    }
    prev = &cur;
  });
  return best * 180.0 / kPi;
}

TEST(Generator, IntegratedGyroReproducesRom) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Session s = generate_session(noise_free(seed, false));
    for (const TruthRep& r : s.truth.reps) {
      EXPECT_NEAR(integrated_rom_deg(s, r), r.rom_deg, 0.5)
          << "seed " << seed << " at " << r.start_s;
    }
  }
}

TEST(Generator, MeasuredForceMeanMatchesTruth) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Session s = generate_session(noise_free(seed));
    for (const TruthRep& r : s.truth.reps) {
      double sum = 0.0;
      int n = 0;
      for_range(s, r.start_s, r.end_s, [&](const Sample& x) {
        sum += double{x.force_n};
        ++n;
      });
      ASSERT_GT(n, 0);
      EXPECT_NEAR(sum / n, r.force_mean_n, 0.01 * r.force_mean_n);
    }
  }
}

TEST(Generator, StillMeansOneGAndNoRotation) {
  const Session s = generate_session(noise_free(5, false));
  int still = 0;
  for (const Sample& x : s.samples) {
    if (x.gyro_dps == std::array<float, 3>{}) {
      const double g = std::hypot(double{x.acc_g[0]}, double{x.acc_g[1]}, double{x.acc_g[2]});
      ASSERT_NEAR(g, 1.0, 1e-5) << x.t_s;
      ++still;
    }
  }
  EXPECT_GT(still, static_cast<int>(s.samples.size() / 2));
  // Between reps nothing moves: just before each rep starts the gyro reads zero.
  for (const TruthRep& r : s.truth.reps) {
    for_range(s, r.start_s - 0.5, r.start_s - 0.01,
              [&](const Sample& x) { EXPECT_EQ(x.gyro_dps, (std::array<float, 3>{})) << x.t_s; });
  }
}

TEST(Generator, PlacementTiltIsWhatTheAccelerometerSees) {
  const Session s = generate_session(noise_free(6, false));
  int previous_placement = 0;
  int checked = 0;
  for (const TruthRep& r : s.truth.reps) {
    if (r.placement_index == previous_placement) continue;  // later reps may start elsewhere
    previous_placement = r.placement_index;
    for_range(s, r.start_s - 0.1, r.start_s - 0.05, [&](const Sample& x) {
      const double g = std::hypot(double{x.acc_g[0]}, double{x.acc_g[1]}, double{x.acc_g[2]});
      EXPECT_NEAR(std::acos(double{x.acc_g[2]} / g) * 180.0 / kPi, r.placement_tilt_deg, 0.05);
      ++checked;
    });
  }
  EXPECT_GT(checked, 10);
}

TEST(Generator, SetCountsMatchTheRepList) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const Session s = generate_session(spec_for("distractors", seed));
    ASSERT_EQ(s.truth.sets.size(), 3U);
    for (const TruthSet& set : s.truth.sets) {
      const auto n = std::count_if(s.truth.reps.begin(), s.truth.reps.end(),
                                   [&](const TruthRep& r) { return r.set_index == set.set_index; });
      EXPECT_EQ(set.rep_count, n);
      EXPECT_GT(set.rep_count, 0);
      for (const TruthRep& r : s.truth.reps) {
        if (r.set_index != set.set_index) continue;
        EXPECT_GE(r.start_s, set.start_s);
        EXPECT_LE(r.end_s, set.end_s);
      }
    }
    for (std::size_t i = 1; i < s.truth.sets.size(); ++i) {
      // Longer than the 30 s set gap, unloaded: sets are separable.
      EXPECT_GT(s.truth.sets[i].start_s - s.truth.sets[i - 1].end_s, 30.0);
    }
  }
}

TEST(Generator, HoldsAreLoadedAndStill) {
  int holds = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const Session s = generate_session(noise_free(seed, false));
    for (const TruthHold& h : s.truth.holds) {
      ++holds;
      EXPECT_GE(h.end_s - h.start_s, 6.0 - 1e-9);
      EXPECT_GT(h.force_mean_n, 0.5 * 20.0);
      for_range(s, h.start_s, h.end_s,
                [&](const Sample& x) { EXPECT_EQ(x.gyro_dps, (std::array<float, 3>{})) << x.t_s; });
    }
  }
  EXPECT_GT(holds, 0);
}

TEST(Generator, DistractorsOnlyWhenEnabled) {
  std::set<DistractorKind> kinds;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    EXPECT_TRUE(generate_session(spec_for("noisy", seed)).truth.distractors.empty());
    const Session s = generate_session(noise_free(seed, false));
    for (const TruthDistractor& d : s.truth.distractors) {
      kinds.insert(d.kind);
      EXPECT_LT(d.start_s, d.end_s);
      if (d.kind == DistractorKind::kUnloadedMove) {
        double peak = 0.0;
        for_range(s, d.start_s, d.end_s, [&](const Sample& x) {
          EXPECT_EQ(x.force_n, 0.0F) << x.t_s;
          const double g =
              std::hypot(double{x.gyro_dps[0]}, double{x.gyro_dps[1]}, double{x.gyro_dps[2]});
          peak = std::max(peak, g);
        });
        EXPECT_GT(peak, 10.0);
      }
      if (d.kind == DistractorKind::kTap) {
        EXPECT_LT(d.end_s - d.start_s, 0.8);
      }
    }
  }
  EXPECT_EQ(kinds.size(), 6U);  // every kind shows up across 20 sessions
}

TEST(Generator, BadSpecStillGenerates) {
  SessionSpec spec;
  spec.rate_hz = -5.0;
  spec.behaviour.rom_min_deg = 80.0;
  spec.behaviour.rom_max_deg = 20.0;
  spec.behaviour.reps_per_placement_min = 0;
  spec.sensor.noise_scale = std::nan("");
  const Session s = generate_session(spec);
  EXPECT_GT(s.rate_hz, 0.0);
  EXPECT_FALSE(s.samples.empty());
  for (const TruthRep& r : s.truth.reps) {
    EXPECT_GE(r.rom_deg, 20.0 - 0.05);
    EXPECT_LE(r.rom_deg, 80.0 + 0.05);
  }
}

TEST(Presets, KnownNamesOnly) {
  SessionSpec s;
  for (const char* name : {"clean", "noisy", "lossy", "distractors", "hard"}) {
    EXPECT_TRUE(preset(name, 9, s)) << name;
    EXPECT_EQ(s.seed, 9U);
  }
  EXPECT_FALSE(preset("nope", 1, s));
  EXPECT_TRUE(preset("hard", 1, s));
  EXPECT_TRUE(s.behaviour.distractors);
  EXPECT_GT(s.transport.loss_rate, 0.0);
  EXPECT_TRUE(preset("clean", 1, s));
  EXPECT_FALSE(s.behaviour.distractors);
  EXPECT_EQ(s.transport.loss_rate, 0.0);
}

}  // namespace
}  // namespace r3::core::synth
