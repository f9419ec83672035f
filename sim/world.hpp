#pragma once
// State shared by the simulated adapters: the contacts and which adapter each is connected on.

#include <memory>
#include <random>
#include <vector>

#include "sim/contact_model.hpp"
#include "sim/scenario.hpp"

namespace r3::sim {

struct World {
  Scenario scenario;
  std::vector<std::unique_ptr<ContactModel>> contacts;
  std::vector<int> connected_on;  // per contact: adapter index, or -1
  std::mt19937_64 rng;
  double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); }
};

}  // namespace r3::sim
