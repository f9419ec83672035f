#include "core/synth/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace r3::core::synth {
namespace {

double ratio_or(int num, int den, double fallback) {
  return den == 0 ? fallback : static_cast<double>(num) / static_cast<double>(den);
}

double f1_of(double p, double r) {
  return p + r <= 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

bool overlaps_any(std::span<const Interval> gaps, double start_s, double end_s) {
  return std::any_of(gaps.begin(), gaps.end(),
                     [&](const Interval& g) { return start_s < g.end_s && end_s > g.start_s; });
}

void append(std::vector<double>& to, const std::vector<double>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

double SessionScore::precision() const {
  return ratio_or(tp, tp + fp, 1.0);
}
double SessionScore::recall() const {
  return ratio_or(tp, tp + fn, 1.0);
}
double SessionScore::f1() const {
  return f1_of(precision(), recall());
}

SessionScore score_session(const GroundTruth& truth, std::span<const RepEvent> detected,
                           std::span<const Interval> link_gaps, const ScoreParams& params) {
  SessionScore score;
  std::vector<RepMatch> candidates;
  for (std::size_t t = 0; t < truth.reps.size(); ++t) {
    const TruthRep& tr = truth.reps[t];
    for (std::size_t d = 0; d < detected.size(); ++d) {
      const RepEvent& dr = detected[d];
      const double overlap = std::min(tr.end_s, dr.end_s) - std::max(tr.start_s, dr.start_s);
      if (!(overlap > 0.0)) continue;  // also drops NaN times
      const double uni = std::max(tr.end_s, dr.end_s) - std::min(tr.start_s, dr.start_s);
      const double shorter = std::min(tr.end_s - tr.start_s, dr.end_s - dr.start_s);
      const double iou = overlap / uni;
      if (iou >= params.min_iou || overlap >= params.min_shorter_share * shorter) {
        candidates.push_back({t, d, overlap, iou});
      }
    }
  }
  // Largest overlap first; ties broken by index so the result does not depend on sort details.
  std::sort(candidates.begin(), candidates.end(), [](const RepMatch& a, const RepMatch& b) {
    if (a.overlap_s != b.overlap_s) return a.overlap_s > b.overlap_s;
    if (a.truth != b.truth) return a.truth < b.truth;
    return a.detected < b.detected;
  });
  std::vector<bool> truth_used(truth.reps.size(), false);
  std::vector<bool> detected_used(detected.size(), false);
  for (const RepMatch& m : candidates) {
    if (truth_used[m.truth] || detected_used[m.detected]) continue;
    truth_used[m.truth] = true;
    detected_used[m.detected] = true;
    score.matches.push_back(m);
    const TruthRep& tr = truth.reps[m.truth];
    const RepEvent& dr = detected[m.detected];
    score.rom_err_deg.push_back(std::abs(dr.rom_deg - tr.rom_deg));
    if (tr.force_mean_n > 0.0) {
      score.force_err_pct.push_back(100.0 * std::abs(dr.force_mean_n - tr.force_mean_n) /
                                    tr.force_mean_n);
    }
    score.sparc_err.push_back(std::abs(dr.sparc - tr.sparc));
    score.start_err_s.push_back(std::abs(dr.start_s - tr.start_s));
    score.end_err_s.push_back(std::abs(dr.end_s - tr.end_s));
    if (tr.tremor_rms_dps >= kTremorScoredDps) {
      score.tremor_err_pct.push_back(100.0 * std::abs(dr.tremor_rms_dps - tr.tremor_rms_dps) /
                                     tr.tremor_rms_dps);
      score.tremor_hz_err.push_back(std::abs(dr.tremor_hz.value_or(0.0) - tr.tremor_hz));
    }
  }
  score.tp = static_cast<int>(score.matches.size());
  std::vector<bool> excused(truth.reps.size(), false);
  for (std::size_t t = 0; t < truth.reps.size(); ++t) {
    if (truth_used[t]) continue;
    if (overlaps_any(link_gaps, truth.reps[t].start_s, truth.reps[t].end_s)) {
      excused[t] = true;
      ++score.excused;
    } else {
      ++score.fn;
    }
  }
  score.fp = static_cast<int>(std::count(detected_used.begin(), detected_used.end(), false));
  for (std::size_t d = 0; d < detected.size(); ++d) {
    if (detected_used[d]) continue;
    const bool fooled = std::any_of(
        truth.distractors.begin(), truth.distractors.end(), [&](const TruthDistractor& x) {
          return detected[d].start_s < x.end_s && detected[d].end_s > x.start_s;
        });
    if (fooled) ++score.fp_on_distractors;
  }
  for (const TruthSet& set : truth.sets) {
    SetCount c{set.set_index, set.rep_count, 0, 0};
    for (std::size_t t = 0; t < truth.reps.size(); ++t) {
      if (excused[t] && truth.reps[t].set_index == set.set_index) ++c.excused;
    }
    for (const RepEvent& dr : detected) {
      const double mid = 0.5 * (dr.start_s + dr.end_s);
      if (mid >= set.start_s && mid <= set.end_s) ++c.detected;
    }
    score.sets.push_back(c);
  }
  return score;
}

ErrorStats error_stats(std::vector<double> values) {
  ErrorStats s;
  s.n = values.size();
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  const auto rank = [&](double q) {
    // Nearest rank: the smallest value with at least q of the data at or below it.
    const auto r = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(r, 1, values.size()) - 1];
  };
  s.median = values.size() % 2 == 1
                 ? values[values.size() / 2]
                 : 0.5 * (values[values.size() / 2 - 1] + values[values.size() / 2]);
  s.p95 = rank(0.95);
  return s;
}

AccuracySummary aggregate(std::span<const SessionScore> scores) {
  AccuracySummary a;
  int count_err_sum = 0;
  std::vector<double> rom, force, sparc_v, start, end, tremor, tremor_hz;
  for (const SessionScore& s : scores) {
    ++a.sessions;
    a.tp += s.tp;
    a.fp += s.fp;
    a.fn += s.fn;
    a.excused += s.excused;
    a.fp_on_distractors += s.fp_on_distractors;
    for (const SetCount& c : s.sets) {
      ++a.sets;
      count_err_sum += std::abs(c.detected - c.expected());
      if (c.detected == c.expected()) ++a.sets_exact;
    }
    append(rom, s.rom_err_deg);
    append(force, s.force_err_pct);
    append(sparc_v, s.sparc_err);
    append(start, s.start_err_s);
    append(end, s.end_err_s);
    append(tremor, s.tremor_err_pct);
    append(tremor_hz, s.tremor_hz_err);
  }
  a.truth_reps = a.tp + a.fn + a.excused;
  a.precision = ratio_or(a.tp, a.tp + a.fp, 1.0);
  a.recall = ratio_or(a.tp, a.tp + a.fn, 1.0);
  a.f1 = f1_of(a.precision, a.recall);
  a.sets_exact_pct = 100.0 * ratio_or(a.sets_exact, a.sets, 1.0);
  a.count_abs_err_mean = ratio_or(count_err_sum, a.sets, 0.0);
  a.rom_err_deg = error_stats(std::move(rom));
  a.force_err_pct = error_stats(std::move(force));
  a.sparc_err = error_stats(std::move(sparc_v));
  a.start_err_s = error_stats(std::move(start));
  a.end_err_s = error_stats(std::move(end));
  a.tremor_err_pct = error_stats(std::move(tremor));
  a.tremor_hz_err = error_stats(std::move(tremor_hz));
  return a;
}

}  // namespace r3::core::synth
