// docs/trace-format.md is a contract: its example must read cleanly and its error messages must
// be the reader's.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/trace/trace_csv.hpp"

namespace r3::core {
namespace {

std::string doc() {
  std::string path;
  if (const char* root = std::getenv("R3_SOURCE_DIR")) {
    path = std::string(root) + "/docs/trace-format.md";
  } else {
    const std::string here = __FILE__;
    path = here.substr(0, here.rfind("tests/core/trace/")) + "docs/trace-format.md";
  }
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> example_lines(const std::string& text) {
  const std::size_t begin = text.find("```csv\n");
  if (begin == std::string::npos) return {};
  const std::size_t end = text.find("```", begin + 7);
  std::istringstream block(text.substr(begin + 7, end - begin - 7));
  std::vector<std::string> lines;
  for (std::string line; std::getline(block, line);) lines.push_back(line);
  return lines;
}

TEST(TheTraceFormatDocument, HasAnExampleThatReadsWithoutError) {
  const auto lines = example_lines(doc());
  ASSERT_GE(lines.size(), 2U);
  EXPECT_EQ(lines[0], trace_csv_header());
  const auto reader = TraceCsvReader::from_header(lines[0]);
  ASSERT_TRUE(reader.ok()) << reader.error();
  double last_t = -1.0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto row = reader->parse_row(lines[i]);
    ASSERT_TRUE(row.ok()) << lines[i] << ": " << row.error();
    EXPECT_GT(row->t_s, last_t);
    EXPECT_NEAR(row->acc_g[2], 1.0F, 0.01F);  // lying flat, z up
    last_t = row->t_s;
  }
}

TEST(TheTraceFormatDocument, QuotesTheReadersOwnErrorMessages) {
  const std::string text = doc();
  const std::string h = trace_csv_header();
  const std::vector<std::pair<std::string, std::string>> header_cases = {
      {"t_s,force_n,ax_g,ay_g,az_g,gy_dps,gz_dps", "missing column 'gx_dps'"},
      {h + ",force_n", "duplicate column 'force_n'"},
      {"", "empty header line"},
  };
  for (const auto& [header, message] : header_cases) {
    const auto r = TraceCsvReader::from_header(header);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), message);
    EXPECT_NE(text.find("`" + message + "`"), std::string::npos) << message;
  }
  const std::vector<std::pair<std::string, std::string>> row_cases = {
      {"1,2,3,4", "expected 9 fields, got 4"},
      {"0,1,0,0,1,abc,0,0,x", "column 'gx_dps': not a number: 'abc'"},
      {"0,1,0,,1,0,0,0,x", "column 'ay_g': empty"},
      {"nan,1,0,0,1,0,0,0,x", "column 't_s': not finite: 'nan'"},
      {"0,1,0,0,1e999,0,0,0,x", "column 'az_g': out of range: '1e999'"},
  };
  const auto reader = TraceCsvReader::from_header(h + ",note");
  ASSERT_TRUE(reader.ok());
  for (const auto& [line, message] : row_cases) {
    const auto r = reader->parse_row(line);
    ASSERT_FALSE(r.ok()) << line;
    EXPECT_EQ(r.error(), message);
    EXPECT_NE(text.find("`" + message + "`"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace r3::core
