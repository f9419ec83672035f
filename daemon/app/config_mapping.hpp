#pragma once
// The daemon's config mapped onto what each adapter library takes.

#include "core/pipeline/pipeline_config.hpp"
#include "daemon/app/config.hpp"
#include "daemon/bluez/contact_links.hpp"
#include "daemon/mqtt/options.hpp"

namespace r3::app {

[[nodiscard]] mqtt::Options mqtt_options(const Config& config);
[[nodiscard]] bluez::LinkConfig link_config(const Config& config);
[[nodiscard]] core::PipelineConfig pipeline_config(const Config& config,
                                                   const core::Thresholds& thresholds);

}  // namespace r3::app
