// Reading trace CSV: the header, rows, and the error messages a user sees.

#include <gtest/gtest.h>

#include <string>

#include "core/trace/trace_csv.hpp"

namespace r3::core {
namespace {

constexpr std::string_view kHeader = "t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps";

TraceCsvReader reader_for(std::string_view header) {
  auto r = TraceCsvReader::from_header(header);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
  return r.ok() ? *r : TraceCsvReader{};
}

std::string row_error(std::string_view header, std::string_view line) {
  const auto r = reader_for(header).parse_row(line);
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::string() : r.error();
}

std::string header_error(std::string_view header) {
  const auto r = TraceCsvReader::from_header(header);
  EXPECT_FALSE(r.ok());
  return r.ok() ? std::string() : r.error();
}

TEST(ATraceCsvReader, ReadsARowInTheStandardColumnOrder) {
  const auto s = reader_for(kHeader).parse_row("1.250000,12.5,0.01,-0.02,1.0,3.5,-4,0.0625");
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_DOUBLE_EQ(s->t_s, 1.25);
  EXPECT_FLOAT_EQ(s->force_n, 12.5F);
  EXPECT_FLOAT_EQ(s->acc_g[0], 0.01F);
  EXPECT_FLOAT_EQ(s->acc_g[1], -0.02F);
  EXPECT_FLOAT_EQ(s->acc_g[2], 1.0F);
  EXPECT_FLOAT_EQ(s->gyro_dps[0], 3.5F);
  EXPECT_FLOAT_EQ(s->gyro_dps[1], -4.0F);
  EXPECT_FLOAT_EQ(s->gyro_dps[2], 0.0625F);
}

TEST(ATraceCsvReader, FindsTheColumnsInAnyOrderAndIgnoresOthers) {
  const TraceCsvReader reader =
      reader_for("note,gz_dps,gy_dps,gx_dps,az_g,ay_g,ax_g,force_n,t_s,rep_truth");
  EXPECT_EQ(reader.column_count(), 10U);
  const auto s = reader.parse_row("warm-up,6,5,4,3,2,1,100,9.5,yes");
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_DOUBLE_EQ(s->t_s, 9.5);
  EXPECT_FLOAT_EQ(s->force_n, 100.0F);
  EXPECT_FLOAT_EQ(s->acc_g[0], 1.0F);
  EXPECT_FLOAT_EQ(s->acc_g[2], 3.0F);
  EXPECT_FLOAT_EQ(s->gyro_dps[0], 4.0F);
  EXPECT_FLOAT_EQ(s->gyro_dps[2], 6.0F);
}

TEST(ATraceCsvReader, ToleratesBlanksCarriageReturnsAByteOrderMarkAndPlusSigns) {
  const TraceCsvReader reader =
      reader_for("\xEF\xBB\xBF t_s , force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\r");
  const auto s = reader.parse_row(" 0.5 ,+2e1,0,0,1, -1.5e-1 ,0,0\r");
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_DOUBLE_EQ(s->t_s, 0.5);
  EXPECT_FLOAT_EQ(s->force_n, 20.0F);
  EXPECT_FLOAT_EQ(s->gyro_dps[0], -0.15F);
}

TEST(ATraceCsvReader, NamesAMissingColumn) {
  EXPECT_EQ(header_error("t_s,force_n,ax_g,ay_g,az_g,gy_dps,gz_dps"), "missing column 'gx_dps'");
}

TEST(ATraceCsvReader, NamesADuplicatedColumn) {
  EXPECT_EQ(header_error("t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps,force_n"),
            "duplicate column 'force_n'");
}

TEST(ATraceCsvReader, MatchesColumnNamesExactly) {
  EXPECT_EQ(header_error("T_S,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps"),
            "missing column 't_s'");
}

TEST(ATraceCsvReader, RejectsAnEmptyHeader) {
  EXPECT_EQ(header_error(""), "empty header line");
  EXPECT_EQ(header_error(" \r"), "empty header line");
}

TEST(ATraceCsvReader, SaysHowManyFieldsItExpected) {
  EXPECT_EQ(row_error(std::string(kHeader) + ",extra", "1,2,3,4"), "expected 9 fields, got 4");
  EXPECT_EQ(row_error(kHeader, "1,2,3,4,5,6,7,8,9"), "expected 8 fields, got 9");
}

TEST(ATraceCsvReader, NamesTheColumnAndTheTextThatIsNotANumber) {
  EXPECT_EQ(row_error(kHeader, "0,1,0,0,1,abc,0,0"), "column 'gx_dps': not a number: 'abc'");
  EXPECT_EQ(row_error(kHeader, "0,1.5N,0,0,1,0,0,0"), "column 'force_n': not a number: '1.5N'");
  EXPECT_EQ(row_error(kHeader, "0,0x10,0,0,1,0,0,0"), "column 'force_n': not a number: '0x10'");
  EXPECT_EQ(row_error(kHeader, "0,1,0,0,1,0,0,+-1"), "column 'gz_dps': not a number: '+-1'");
}

TEST(ATraceCsvReader, RejectsAnEmptyField) {
  EXPECT_EQ(row_error(kHeader, "0,1,0,,1,0,0,0"), "column 'ay_g': empty");
}

TEST(ATraceCsvReader, RejectsNonFiniteValues) {
  EXPECT_EQ(row_error(kHeader, "nan,1,0,0,1,0,0,0"), "column 't_s': not finite: 'nan'");
  EXPECT_EQ(row_error(kHeader, "0,inf,0,0,1,0,0,0"), "column 'force_n': not finite: 'inf'");
  EXPECT_EQ(row_error(kHeader, "0,1,0,0,-infinity,0,0,0"),
            "column 'az_g': not finite: '-infinity'");
}

TEST(ATraceCsvReader, RejectsValuesBeyondTheirType) {
  EXPECT_EQ(row_error(kHeader, "0,1,0,0,1e999,0,0,0"), "column 'az_g': out of range: '1e999'");
  EXPECT_EQ(row_error(kHeader, "0,1,0,0,1,0,1e39,0"), "column 'gy_dps': out of range");
}

TEST(ATraceCsvReader, ReportsTheFirstBadColumnOfARow) {
  EXPECT_EQ(row_error(kHeader, "x,y,0,0,1,0,0,0"), "column 't_s': not a number: 'x'");
}

TEST(ATraceCsvReader, IgnoresAnythingInTheOtherColumns) {
  const auto s = reader_for("t_s,force_n,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps,comment")
                     .parse_row("0,1,0,0,1,0,0,0,nan inf abc");
  EXPECT_TRUE(s.ok());
}

}  // namespace
}  // namespace r3::core
