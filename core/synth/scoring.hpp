#pragma once
// Scoring rep detection against the ground truth: match detected reps to true ones by interval
// overlap, count errors per set, then errors of each metric over the matched pairs.

#include <cstddef>
#include <span>
#include <vector>

#include "core/events/events.hpp"
#include "core/synth/generator.hpp"

namespace r3::core::synth {

constexpr double kTremorScoredDps = 0.3;  // RMS; below it a tremor is not scored

struct ScoreParams {
  double min_iou = 0.3;            // a match needs IoU >= this ...
  double min_shorter_share = 0.5;  // ... or an overlap >= this share of the shorter interval
};

struct Interval {
  double start_s = 0.0, end_s = 0.0;
};

struct RepMatch {
  std::size_t truth = 0;     // index into GroundTruth::reps
  std::size_t detected = 0;  // index into the detected reps
  double overlap_s = 0.0;
  double iou = 0.0;
};

struct SetCount {
  int set_index = 0;
  int truth = 0;
  int excused = 0;   // of truth, cut by a link gap: not expected to be counted
  int detected = 0;  // detected reps whose midpoint lies in the truth set's span
  [[nodiscard]] int expected() const { return truth - excused; }
};

struct SessionScore {
  int tp = 0, fp = 0, fn = 0;
  int excused = 0;            // true reps missed while the link was down (see score_session)
  int fp_on_distractors = 0;  // false positives overlapping a distractor: fooled by it
  std::vector<RepMatch> matches;
  std::vector<SetCount> sets;
  // Per matched rep: |detected - truth|, except force, relative to the truth in %.
  std::vector<double> rom_err_deg, force_err_pct, sparc_err, start_err_s, end_err_s;
  // Reps with a true tremor of kTremorScoredDps or more: |amplitude error| relative to the
  // truth (%), |frequency error| (Hz, a missing frequency counts as the whole truth).
  std::vector<double> tremor_err_pct, tremor_hz_err;

  [[nodiscard]] double precision() const;  // 1 when nothing was detected
  [[nodiscard]] double recall() const;     // 1 when there was nothing to find
  [[nodiscard]] double f1() const;
};

// Greedy matching: the pair with the largest overlap first, each rep used once. A true rep that
// overlaps one of link_gaps and is not detected counts as excused rather than missed: the
// pipeline discards a rep cut by a lost link by design.
SessionScore score_session(const GroundTruth& truth, std::span<const RepEvent> detected,
                           std::span<const Interval> link_gaps = {},
                           const ScoreParams& params = {});

struct ErrorStats {
  std::size_t n = 0;
  double median = 0.0;
  double p95 = 0.0;
};
ErrorStats error_stats(std::vector<double> values);  // nearest-rank percentiles

struct AccuracySummary {
  std::size_t sessions = 0;
  int truth_reps = 0;
  int tp = 0, fp = 0, fn = 0, excused = 0, fp_on_distractors = 0;
  double precision = 1.0, recall = 1.0, f1 = 1.0;  // from the summed counts
  int sets = 0, sets_exact = 0;
  double sets_exact_pct = 100.0;
  double count_abs_err_mean = 0.0;  // mean |detected - true| reps per set
  ErrorStats rom_err_deg, force_err_pct, sparc_err, start_err_s, end_err_s;
  ErrorStats tremor_err_pct, tremor_hz_err;
};
AccuracySummary aggregate(std::span<const SessionScore> scores);

}  // namespace r3::core::synth
