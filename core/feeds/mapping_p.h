#pragma once
// Shared by the standard mappings (private to core/feeds).
#include "feeds/documents.h"

#include <QJsonArray>

namespace vigie::feeds {

inline Entry makeDraft(const QString &kind, Timestamp time, const QString &author, const QString &agency,
                       Geometry geo, QJsonObject data, const QString &format, const Envelope &envelope)
{
    Entry e;
    e.kind = kind;
    e.eventTime = time;
    e.author = author.isEmpty() ? format : author;
    e.role = QStringLiteral("feed");
    e.agency = agency;
    e.geo = std::move(geo);
    data.insert(QStringLiteral("feed"), format);
    if (!envelope.distributionId.isEmpty())
        data.insert(QStringLiteral("distribution_id"), envelope.distributionId);
    if (!envelope.sender.isEmpty())
        data.insert(QStringLiteral("distribution_sender"), envelope.sender);
    e.data = std::move(data);
    return e;
}

/// Message key: the distribution id (when enveloped) plus the message's own id.
inline QString messageKey(const QString &format, const Envelope &envelope, const QString &id)
{
    return format + u':' + (envelope.distributionId.isEmpty() ? QString() : envelope.distributionId + u'/') +
           id;
}

} // namespace vigie::feeds
