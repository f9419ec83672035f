// Scoring on hand-made truth and detections.

#include "core/synth/scoring.hpp"

#include <gtest/gtest.h>

namespace r3::core::synth {
namespace {

TruthRep truth_rep(int set, double start, double end, double rom = 30.0, double force = 100.0) {
  TruthRep r;
  r.set_index = set;
  r.start_s = start;
  r.end_s = end;
  r.rom_deg = rom;
  r.force_mean_n = force;
  r.sparc = -1.5;
  return r;
}

RepEvent detected_rep(double start, double end, double rom = 30.0, double force = 100.0) {
  RepEvent e;
  e.start_s = start;
  e.end_s = end;
  e.duration_s = end - start;
  e.rom_deg = rom;
  e.force_mean_n = force;
  e.sparc = -1.5;
  return e;
}

// Two sets: reps at 10-15, 20-26 (set 1, 8..30 s) and 70-74 (set 2, 65..80 s).
GroundTruth three_reps() {
  GroundTruth t;
  t.reps = {truth_rep(1, 10, 15), truth_rep(1, 20, 26), truth_rep(2, 70, 74)};
  t.sets = {{1, 8.0, 30.0, 2}, {2, 65.0, 80.0, 1}};
  return t;
}

TEST(Scoring, PerfectDetectionScoresOne) {
  const GroundTruth t = three_reps();
  const std::vector<RepEvent> d = {detected_rep(10, 15), detected_rep(20, 26),
                                   detected_rep(70, 74)};
  const SessionScore s = score_session(t, d);
  EXPECT_EQ(s.tp, 3);
  EXPECT_EQ(s.fp, 0);
  EXPECT_EQ(s.fn, 0);
  EXPECT_DOUBLE_EQ(s.f1(), 1.0);
  ASSERT_EQ(s.sets.size(), 2U);
  EXPECT_EQ(s.sets[0].detected, 2);
  EXPECT_EQ(s.sets[1].detected, 1);
  ASSERT_EQ(s.rom_err_deg.size(), 3U);
  for (double e : s.start_err_s) EXPECT_EQ(e, 0.0);
}

TEST(Scoring, MissedRep) {
  const GroundTruth t = three_reps();
  const std::vector<RepEvent> d = {detected_rep(10.2, 15.3), detected_rep(70, 74)};
  const SessionScore s = score_session(t, d);
  EXPECT_EQ(s.tp, 2);
  EXPECT_EQ(s.fp, 0);
  EXPECT_EQ(s.fn, 1);
  EXPECT_DOUBLE_EQ(s.precision(), 1.0);
  EXPECT_NEAR(s.recall(), 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(s.f1(), 0.8, 1e-12);
  EXPECT_EQ(s.sets[0].detected, 1);
  EXPECT_EQ(s.sets[0].truth, 2);
  ASSERT_EQ(s.start_err_s.size(), 2U);
  EXPECT_NEAR(s.start_err_s[0] + s.start_err_s[1], 0.2, 1e-9);
}

TEST(Scoring, SplitRepIsOneHitAndOneFalsePositive) {
  GroundTruth t;
  t.reps = {truth_rep(1, 10, 16)};
  t.sets = {{1, 5.0, 20.0, 1}};
  // Split at the turnaround: the longer half wins the match.
  const std::vector<RepEvent> d = {detected_rep(10.0, 12.5), detected_rep(12.9, 16.0)};
  const SessionScore s = score_session(t, d);
  EXPECT_EQ(s.tp, 1);
  EXPECT_EQ(s.fp, 1);
  EXPECT_EQ(s.fn, 0);
  ASSERT_EQ(s.matches.size(), 1U);
  EXPECT_EQ(s.matches[0].detected, 1U);
  EXPECT_EQ(s.sets[0].detected, 2);  // counted as two: the set's count is wrong
}

TEST(Scoring, FalsePositiveOutsideAnyRep) {
  const GroundTruth t = three_reps();
  const std::vector<RepEvent> d = {detected_rep(10, 15), detected_rep(20, 26), detected_rep(70, 74),
                                   detected_rep(16.0, 19.0)};
  const SessionScore s = score_session(t, d);
  EXPECT_EQ(s.tp, 3);
  EXPECT_EQ(s.fp, 1);
  EXPECT_EQ(s.fn, 0);
  EXPECT_NEAR(s.precision(), 0.75, 1e-12);
  EXPECT_EQ(s.sets[0].detected, 3);
}

TEST(Scoring, FalsePositivesOnDistractorsAreCounted) {
  GroundTruth t = three_reps();
  t.distractors = {{DistractorKind::kPartialRep, 16.5, 18.0}, {DistractorKind::kTap, 40.0, 40.5}};
  const std::vector<RepEvent> d = {detected_rep(10, 15), detected_rep(20, 26), detected_rep(70, 74),
                                   detected_rep(16.4, 18.2), detected_rep(50.0, 52.0)};
  const SessionScore s = score_session(t, d);
  EXPECT_EQ(s.fp, 2);
  EXPECT_EQ(s.fp_on_distractors, 1);
}

TEST(Scoring, SmallOverlapIsNoMatch) {
  GroundTruth t;
  t.reps = {truth_rep(1, 10, 16)};
  // Overlap 1 s: IoU 1/9 and 1/4 of the shorter (4 s): below both bars.
  const std::vector<RepEvent> d = {detected_rep(15.0, 19.0)};
  const SessionScore s = score_session(t, d);
  EXPECT_EQ(s.tp, 0);
  EXPECT_EQ(s.fp, 1);
  EXPECT_EQ(s.fn, 1);
  EXPECT_EQ(s.f1(), 0.0);
  // A short detection wholly inside a long rep still matches (overlap = all of the shorter).
  const std::vector<RepEvent> inside = {detected_rep(11.0, 12.0)};
  EXPECT_EQ(score_session(t, inside).tp, 1);
}

TEST(Scoring, MetricErrors) {
  GroundTruth t;
  t.reps = {truth_rep(1, 10, 16, 40.0, 200.0)};
  std::vector<RepEvent> d = {detected_rep(10.5, 15.0, 37.0, 210.0)};
  d[0].sparc = -1.7;
  const SessionScore s = score_session(t, d);
  ASSERT_EQ(s.tp, 1);
  EXPECT_NEAR(s.rom_err_deg[0], 3.0, 1e-12);
  EXPECT_NEAR(s.force_err_pct[0], 5.0, 1e-12);
  EXPECT_NEAR(s.sparc_err[0], 0.2, 1e-12);
  EXPECT_NEAR(s.start_err_s[0], 0.5, 1e-12);
  EXPECT_NEAR(s.end_err_s[0], 1.0, 1e-12);
}

TEST(Scoring, RepsCutByTheLinkAreExcused) {
  const GroundTruth t = three_reps();
  const std::vector<RepEvent> d = {detected_rep(10, 15), detected_rep(70, 74)};
  const std::vector<Interval> gaps = {{21.0, 23.0}};
  const SessionScore s = score_session(t, d, gaps);
  EXPECT_EQ(s.fn, 0);
  EXPECT_EQ(s.excused, 1);
  EXPECT_DOUBLE_EQ(s.f1(), 1.0);
  // The set is not expected to count the rep the link cut.
  EXPECT_EQ(s.sets[0].excused, 1);
  EXPECT_EQ(s.sets[0].expected(), 1);
  EXPECT_EQ(aggregate(std::vector<SessionScore>{s}).sets_exact, 2);
}

TEST(Scoring, NothingToFindNothingFound) {
  const SessionScore s = score_session(GroundTruth{}, {});
  EXPECT_DOUBLE_EQ(s.f1(), 1.0);
}

TEST(Scoring, ErrorStatsNearestRank) {
  std::vector<double> v;
  for (int i = 20; i >= 1; --i) v.push_back(i);
  const ErrorStats s = error_stats(v);
  EXPECT_EQ(s.n, 20U);
  EXPECT_DOUBLE_EQ(s.median, 10.5);
  EXPECT_DOUBLE_EQ(s.p95, 19.0);
  EXPECT_EQ(error_stats({}).n, 0U);
  EXPECT_DOUBLE_EQ(error_stats({3.0}).p95, 3.0);
}

TEST(Scoring, AggregateSumsCountsAndSets) {
  const GroundTruth t = three_reps();
  const std::vector<RepEvent> all = {detected_rep(10, 15), detected_rep(20, 26),
                                     detected_rep(70, 74)};
  const std::vector<RepEvent> one = {detected_rep(10, 15)};
  const std::vector<SessionScore> scores = {score_session(t, all), score_session(t, one)};
  const AccuracySummary a = aggregate(scores);
  EXPECT_EQ(a.sessions, 2U);
  EXPECT_EQ(a.truth_reps, 6);
  EXPECT_EQ(a.tp, 4);
  EXPECT_EQ(a.fn, 2);
  EXPECT_EQ(a.fp, 0);
  EXPECT_NEAR(a.recall, 4.0 / 6.0, 1e-12);
  EXPECT_EQ(a.sets, 4);
  EXPECT_EQ(a.sets_exact, 2);
  EXPECT_DOUBLE_EQ(a.sets_exact_pct, 50.0);
  EXPECT_DOUBLE_EQ(a.count_abs_err_mean, 0.5);  // off by 1 in two of four sets
  EXPECT_EQ(a.rom_err_deg.n, 4U);
}

}  // namespace
}  // namespace r3::core::synth
