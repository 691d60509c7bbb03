#pragma once
// XML messages (CAP, EDXL, EMSI, HAVE) read into the same JSON tree shape their JSON encodings use, so each
// standard is mapped once: an element with only text becomes a string, an element with children an object,
// repeated children an array. Namespace prefixes are dropped (the standards do not reuse local names).
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace vigie::feeds {

/// {"<root local name>": tree}. Refuses DOCTYPE declarations (entity expansion, external entities), more
/// than `maxDepth` levels and malformed or truncated XML, naming the line and column.
[[nodiscard]] Result<QJsonObject> xmlToJson(const QByteArray &bytes, int maxDepth = 48);

} // namespace vigie::feeds
