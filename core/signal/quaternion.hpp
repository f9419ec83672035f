#pragma once
// Unit quaternions for orientations (body -> world, Hamilton convention) and the angles the rep
// rule measures with them. Implemented in orientation.cpp.

namespace r3::core {

struct Quaternion {
  double w = 1.0, x = 0.0, y = 0.0, z = 0.0;
};
Quaternion multiply(const Quaternion& a, const Quaternion& b);
Quaternion conjugate(const Quaternion& q);
// The rotation angle between two orientations, degrees, 0..180.
double angle_between_deg(const Quaternion& a, const Quaternion& b);
// Angle of the body z axis from the world vertical, degrees (0 = lying flat, face up).
double tilt_deg(const Quaternion& q);

}  // namespace r3::core
