// docs/asyncapi.yaml and docs/schemas agree: every schema the AsyncAPI document references
// exists (with its $defs entry), every schema file is referenced, and every channel address of
// the topic tree is there.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "tests/daemon/mqtt/support/process.hpp"

namespace {

const std::string kDocs = std::string(R3_SOURCE_DIR) + "/docs/";

TEST(TheAsyncApiDocument, ReferencesOnlySchemasThatExist) {
  const auto doc = r3::test::read_file(kDocs + "asyncapi.yaml");
  ASSERT_NE(doc.find("asyncapi: 3.0.0"), std::string::npos);
  const std::regex ref(R"(schemas/([a-z-]+\.schema\.json)(#/\$defs/([a-z_]+))?)");
  std::set<std::string> referenced;
  for (std::sregex_iterator it(doc.begin(), doc.end(), ref), end; it != end; ++it) {
    const auto file = (*it)[1].str();
    referenced.insert(file);
    std::ifstream in(std::filesystem::path(kDocs) / "schemas" / file);
    ASSERT_TRUE(in) << file;
    const auto schema = nlohmann::json::parse(in);
    if ((*it)[3].matched) {
      EXPECT_TRUE(schema["$defs"].contains((*it)[3].str())) << it->str();
    }
  }
  // Every top-level payload schema is used (the event and common ones are reached by $ref).
  for (const auto& e : std::filesystem::directory_iterator(kDocs + "schemas")) {
    const auto name = e.path().filename().string();
    const bool building_block = name == "common.schema.json" || name == "rep.schema.json" ||
                                name == "hold.schema.json" || name == "set.schema.json" ||
                                name == "live.schema.json" || name == "quality.schema.json";
    if (!building_block) {
      EXPECT_TRUE(referenced.count(name)) << name << " not in asyncapi.yaml";
    }
  }
}

TEST(TheAsyncApiDocument, HasAChannelForEveryTopicOfTheTree) {
  const auto doc = r3::test::read_file(kDocs + "asyncapi.yaml");
  for (const char* address :
       {"r3/v1/{gatewayId}/status", "r3/v1/{gatewayId}/devices/{deviceId}",
        "r3/v1/{gatewayId}/users/{userId}/rep", "r3/v1/{gatewayId}/users/{userId}/hold",
        "r3/v1/{gatewayId}/users/{userId}/set", "r3/v1/{gatewayId}/users/{userId}/live",
        "r3/v1/{gatewayId}/users/{userId}/status", "r3/v1/{gatewayId}/sessions/{sessionId}",
        "r3/v1/{gatewayId}/cmd/{verb}", "r3/v1/{gatewayId}/reply/{requestId}"}) {
    EXPECT_NE(doc.find(std::string("address: '") + address + "'"), std::string::npos) << address;
  }
}

}  // namespace
