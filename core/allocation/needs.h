#pragma once
// Default needs by incident type and agency (data/allocation/needs.json, documented in its README).
#include "allocation/allocator.h"
#include "picture/picture.h"

#include <map>

namespace vigie::allocation {

struct NeedsTable
{
    std::map<QString, std::vector<Need>> byType;
};

/// Parses a needs table; errors name the source and the type or need at fault.
[[nodiscard]] Result<NeedsTable> parseNeedsTable(const QByteArray &json, const QString &source);
/// The table compiled into the program (data/allocation/needs.json).
[[nodiscard]] Result<NeedsTable> defaultNeedsTable();
/// Needs of an incident: its own `needs` if its log gave some, else its type's, else "other"'s.
[[nodiscard]] std::vector<Need> needsFor(const NeedsTable &table, const QString &incidentType);

} // namespace vigie::allocation
