#pragma once
// Helpers shared by the core tests: temporary rooms and deterministic entries.
#include "room/room.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace vigie::test {

inline Entry makeEntry(QString kind, qint64 eventMs, QJsonObject data, Geometry geo = {}, QString agency = {})
{
    Entry e;
    e.kind = std::move(kind);
    e.eventTime = Timestamp{eventMs};
    e.author = QStringLiteral("test");
    e.role = QStringLiteral("operator");
    e.agency = std::move(agency);
    e.data = std::move(data);
    e.geo = std::move(geo);
    return e;
}

inline Entry note(qint64 eventMs, const QString &text)
{
    return makeEntry(QStringLiteral("note"), eventMs, {{QStringLiteral("text"), text}});
}

/// A temporary folder holding a fresh room.
struct TempRoom
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}}; // 2026-07-14T19:00:00Z
    std::unique_ptr<Room> room;

    explicit TempRoom(RoomMode mode = RoomMode::Live)
    {
        auto created = Room::create(path(), QStringLiteral("test"), mode, clock);
        if (!created)
            throw std::runtime_error(created.error().message.toStdString());
        room = std::move(*created);
    }
    [[nodiscard]] QString path() const { return dir.filePath(QStringLiteral("room.vigie")); }
};

} // namespace vigie::test
