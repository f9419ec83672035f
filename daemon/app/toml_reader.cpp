#include "daemon/app/toml_reader.hpp"

#include <algorithm>
#include <limits>
#include <sstream>

namespace r3::app {

SourcePos position_of(const toml::node& node) {
  const auto& begin = node.source().begin;
  return {begin.line, begin.column};
}

TomlTableReader::TomlTableReader(const toml::table& table, std::string path, SourceMap& sources,
                                 ConfigErrors& errors)
    : table_(table), path_(std::move(path)), sources_(sources), errors_(errors) {
  if (!path_.empty()) sources_.positions[path_] = position_of(table_);
}

std::string TomlTableReader::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const toml::node* TomlTableReader::find(std::string_view key) {
  known_.emplace_back(key);
  const toml::node* node = table_.get(key);
  if (node != nullptr) sources_.positions[path_of(key)] = position_of(*node);
  return node;
}

void TomlTableReader::type_error(std::string_view key, const toml::node& node,
                                 std::string_view expected) {
  std::ostringstream got;
  got << node.type();
  errors_.push_back(sources_.error(
      path_of(key), path_of(key) + ": expected " + std::string(expected) + ", got " + got.str()));
}

void TomlTableReader::read(std::string_view key, std::string& out) {
  const auto* node = find(key);
  if (node == nullptr) return;
  if (const auto* v = node->as_string()) {
    out = v->get();
  } else {
    type_error(key, *node, "a string");
  }
}

void TomlTableReader::read(std::string_view key, bool& out) {
  const auto* node = find(key);
  if (node == nullptr) return;
  if (const auto* v = node->as_boolean()) {
    out = v->get();
  } else {
    type_error(key, *node, "true or false");
  }
}

void TomlTableReader::read(std::string_view key, std::int64_t& out) {
  const auto* node = find(key);
  if (node == nullptr) return;
  if (const auto* v = node->as_integer()) {
    out = v->get();
  } else {
    type_error(key, *node, "an integer");
  }
}

void TomlTableReader::read(std::string_view key, int& out) {
  std::int64_t wide = out;
  read(key, wide);
  // Out-of-int values are clamped so validation reports them as out of range.
  wide = std::clamp<std::int64_t>(wide, std::numeric_limits<int>::min(),
                                  std::numeric_limits<int>::max());
  out = static_cast<int>(wide);
}

void TomlTableReader::read(std::string_view key, double& out) {
  const auto* node = find(key);
  if (node == nullptr) return;
  if (const auto* f = node->as_floating_point()) {
    out = f->get();
  } else if (const auto* i = node->as_integer()) {
    out = static_cast<double>(i->get());
  } else {
    type_error(key, *node, "a number");
  }
}

void TomlTableReader::read(std::string_view key, std::optional<double>& out) {
  if (table_.get(key) == nullptr) {
    known_.emplace_back(key);
    return;
  }
  double value = 0.0;
  const auto before = errors_.size();
  read(key, value);
  if (errors_.size() == before) out = value;
}

void TomlTableReader::read(std::string_view key, std::vector<std::string>& out) {
  const auto* arr = array(key);
  if (arr == nullptr) return;
  out.clear();
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const toml::node& item = (*arr)[i];
    const auto item_path = path_of(key) + "[" + std::to_string(i) + "]";
    sources_.positions[item_path] = position_of(item);
    if (const auto* s = item.as_string()) {
      out.push_back(s->get());
    } else {
      std::ostringstream got;
      got << item.type();
      errors_.push_back(
          sources_.error(item_path, item_path + ": expected a string, got " + got.str()));
    }
  }
}

const toml::table* TomlTableReader::table(std::string_view key) {
  const auto* node = find(key);
  if (node == nullptr) return nullptr;
  const auto* t = node->as_table();
  if (t == nullptr) type_error(key, *node, "a table");
  return t;
}

const toml::array* TomlTableReader::array(std::string_view key) {
  const auto* node = find(key);
  if (node == nullptr) return nullptr;
  const auto* a = node->as_array();
  if (a == nullptr) type_error(key, *node, "an array");
  return a;
}

void TomlTableReader::report_unknown_keys() {
  for (const auto& [key, node] : table_) {
    const auto name = std::string(key.str());
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    const auto& begin = key.source().begin;
    errors_.push_back({sources_.file, {begin.line, begin.column}, "unknown key " + path_of(name)});
  }
}

}  // namespace r3::app
