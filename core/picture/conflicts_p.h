#pragma once
// The fold's side of conflicts (picture.cpp): which contending entries take effect, and the snapshot text of
// what the picture keeps for that (decisions on suggestions, conflicts found).
#include "picture/picture.h"

#include <optional>

namespace vigie {

class JsonWriter;

namespace conflicts {

/// Whether an accept may engage `unit`: the units a suggestion may propose (available, or returning).
[[nodiscard]] bool isFree(const Unit &unit);
/// A `suggestion.accept` or `suggestion.reject`: becomes the suggestion's decision, or a conflict when the
/// suggestion was decided already or, for an accept, when its unit is not free.
void applyDecision(Picture &picture, const Entry &entry);
/// Whether a `unit.status` takes effect: one written with an accept (data.accept) only if that accept did.
/// Returns the entry the unit's status is then owed to (that accept, else the status itself).
[[nodiscard]] std::optional<EntryRef> statusSource(const Picture &picture, const Entry &entry);
/// Whether a `fusion.join` contends with a join in force (its incident joined already, or its target joined
/// into it); if so, records the conflict.
[[nodiscard]] bool joinContends(Picture &picture, const Entry &entry);
/// A `conflict` entry: the conflict it reports is marked reported.
void applyReport(Picture &picture, const Entry &entry);

void writeRef(JsonWriter &json, QStringView name, const EntryRef &ref);
[[nodiscard]] EntryRef readRef(const QJsonValue &value);
/// The picture's decisions and conflicts, as fields of its snapshot object (none when empty).
void writeState(JsonWriter &json, const Picture &picture);
void readState(const QJsonObject &json, Picture &picture);

} // namespace conflicts
} // namespace vigie
