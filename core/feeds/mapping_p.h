#pragma once
// Shared by the standard mappings (private to core/feeds).
#include "feeds/documents.h"

#include <QHash>
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

void mapEmsi(const QJsonObject &emsi, const QByteArray &raw, const QString &position,
             const FeedContext &context, const Envelope &envelope, FeedBatch &out);
void mapGeoPositions(const QJsonObject &update, const QByteArray &raw, const QString &position,
                     const FeedContext &context, const Envelope &envelope, FeedBatch &out);

/// True for the roots of Hub Santé messages: the "message" wrapper and the use cases (createCase…).
[[nodiscard]] bool isHubSanteRoot(QStringView root);
/// Maps one Hub Santé use-case message by its root, or refuses it naming its type and why; false when
/// `root` is not a Hub Santé use case. `messageId` and `sender` come from a "message" wrapper.
bool mapHubSanteUseCase(const QString &root, const QJsonObject &body, const QByteArray &raw,
                        const QString &position, const FeedContext &context, const Envelope &envelope,
                        FeedBatch &out, const QString &messageId = {}, const QString &sender = {});
/// The refusal of a Hub Santé TECHNICAL test message given as JSON without a root; empty when `tree` is not
/// one.
[[nodiscard]] QString technicalTestRefusal(const QJsonObject &tree);

/// Hub Santé use cases carry their status in their "message" wrapper (status) or their EDXL envelope
/// (distributionStatus), both checked where they are read. One that arrives with neither is unmarked:
/// presumed real traffic, which never enters an exercise room (a live room takes it, as before). nullopt when
/// it may enter.
inline std::optional<QString> unmarkedRefusal(const Envelope &envelope, RoomMode mode)
{
    if (!envelope.status.isEmpty() || mode != RoomMode::Exercise)
        return std::nullopt;
    return QStringLiteral("Hub Santé message without status (no message/status, no EDXL distributionStatus): "
                          "taken as Actual traffic, which never enters an exercise room");
}

/// Message key: the distribution id (when enveloped) plus the message's own id.
inline QString messageKey(const QString &format, const Envelope &envelope, const QString &id)
{
    return format + u':' + (envelope.distributionId.isEmpty() ? QString() : envelope.distributionId + u'/') +
           id;
}

} // namespace vigie::feeds
