#pragma once
// Our incident types and the families fusion compares. Each standard's codes map here (documented in
// data/feeds/taxonomy.md): two reports can be one incident only if their families are compatible.
#include <QString>

namespace vigie::feeds {

/// Our type for a code of a format ("cap" category/event, "emsi" ETYPE category, "hubsante" whatsHappen
/// code, "csv"/"geojson" free labels). Unknown codes give "other".
[[nodiscard]] QString typeFromCode(const QString &format, const QString &code);
/// The family of one of our types: "fire", "medical", "traffic", "hazmat", "weather", "crowd", "security",
/// "other".
[[nodiscard]] QString familyOf(const QString &type);
/// True when reports of these two types may describe the same incident ("other" is compatible with all).
[[nodiscard]] bool compatibleTypes(const QString &a, const QString &b);

} // namespace vigie::feeds
