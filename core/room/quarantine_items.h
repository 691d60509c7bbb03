#pragma once
// Refused input made into quarantine rows, scrubbed of personal data with the room's key: what a room file
// stores with a batch (Room::append), and what a desk's link queues to send to its server (DeskLink).
#include "room/room.h"

namespace vigie {

/// The rows for `refused`, received at `now`: source and reason scrubbed as text, the input as bytes.
[[nodiscard]] std::vector<QuarantineItem>
scrubbedQuarantine(const Anonymiser &anonymiser, const std::vector<Refused> &refused, Timestamp now);

} // namespace vigie
