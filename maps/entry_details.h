#pragma once
// The log entries behind a map object, as HTML for the details panel: what a desk reads to know where a
// piece of the picture came from (who reported it, when, in which words).
#include "store/log_store.h"

#include <QString>

#include <vector>

namespace vigie::maps {

/// The entries with the given seqs, newest first, at most `limit` of them (the count of the others is
/// said, never hidden). A seq the store cannot read is named in the text.
[[nodiscard]] QString entriesHtml(const LogStore &store, const std::vector<qint64> &seqs, int limit = 25);

} // namespace vigie::maps
