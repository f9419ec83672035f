#pragma once
// Events as JSON objects: the exact objects r3-analyze prints (one per line) and MQTT carries.
// Every object has a "type" ("rep", "hold", "set", "live", "quality") and every field of the
// struct under its own name (units in the names); see docs/events.md. Times are written with
// 3 decimals (ms), everything else with 6 significant digits; empty optionals and non-finite
// values are null.
//
// Two ways to use it:
//   to_json(rep)                        -> a complete object.
//   JsonObjectWriter w(buf); w.add("user_id", id); write_fields(w, rep); w.close();
//                                       -> the same object with the caller's own fields added.

#include <string>
#include <string_view>

#include "core/events/events.hpp"
#include "core/util/json_writer.hpp"

namespace r3::core {

// Appends "type" and every field of the event to an open object.
void write_fields(util::JsonObjectWriter& w, const RepEvent& e);
void write_fields(util::JsonObjectWriter& w, const HoldEvent& e);
void write_fields(util::JsonObjectWriter& w, const SetSummary& e);
void write_fields(util::JsonObjectWriter& w, const LiveSample& e);
void write_fields(util::JsonObjectWriter& w, const QualityStats& e);

std::string to_json(const RepEvent& e);
std::string to_json(const HoldEvent& e);
std::string to_json(const SetSummary& e);
std::string to_json(const LiveSample& e);
std::string to_json(const QualityStats& e);

// The "type" value of each event, and the names of the enums as they appear in JSON.
std::string_view event_type(const RepEvent&);
std::string_view event_type(const HoldEvent&);
std::string_view event_type(const SetSummary&);
std::string_view event_type(const LiveSample&);
std::string_view event_type(const QualityStats&);
std::string_view to_string(SetEndReason r);
std::string_view to_string(ContactState s);

}  // namespace r3::core
