#pragma once
// Mapping of the XML/JSON standards (CAP 1.2, EDXL-DE 1.0/2.0, EDXL-HAVE, EDXL-RM, EMSI, Hub Santé
// messages) from their tree (see xml_tree.h) onto draft entries. EDXL-DE envelopes are unwrapped here and
// their content mapped by the same functions, keeping the sender and distribution id.
#include "feeds/feed_adapter.h"

namespace vigie::feeds {

/// What an enclosing EDXL-DE envelope says about its content.
struct Envelope
{
    QString distributionId;
    QString sender;
    QString status; ///< distributionStatus
    QString sent;   ///< dateTimeSent (dates the contents that carry no time of their own)
};

/// True when a JSON object is an EDXL-DE envelope (JSON encodings have no root name: one header field
/// is enough).
[[nodiscard]] bool isJsonEdxl(const QJsonObject &tree);

/// Maps one document tree {"<root>": …}; `raw` is kept for refusals, `position` names it in the source.
void mapDocument(const QJsonObject &tree, const QByteArray &raw, const QString &position,
                 const FeedContext &context, const Envelope &envelope, FeedBatch &out);

/// Parses XML or JSON bytes into a tree and maps it (refusing malformed input with line/column).
void mapBytes(const QByteArray &bytes, const QString &format, const FeedContext &context, FeedBatch &out);

} // namespace vigie::feeds
