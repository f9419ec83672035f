// r3-gatewayd: placeholder until the app wiring lands.
#include "daemon/app/log.hpp"
int main() {
  r3::app::log_info("r3-gatewayd");
}
