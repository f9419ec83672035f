#include "daemon/app/ids.hpp"

#include "core/util/safe_id.hpp"

namespace r3::app {

bool is_valid_id(std::string_view id) {
  return util::is_safe_id(id);
}

}  // namespace r3::app
