#pragma once
// Owns the live picture of a room and keeps it current: polls the log for entries appended by anyone (this
// console, vigie-cli, a feed process) and applies them in batches, at most `rate` times a second.
#include "picture/picture.h"

#include <QObject>
#include <QTimer>

namespace vigie {

class Room;

class PictureManager : public QObject
{
    Q_OBJECT
public:
    explicit PictureManager(Room &room, QObject *parent = nullptr);

    [[nodiscard]] const Picture &picture() const { return m_picture; }
    [[nodiscard]] Room &room() { return m_room; }
    /// Loads the latest picture; call once before use.
    [[nodiscard]] Result<void> load();
    /// Polls the log every `intervalMs` (default 100 ms: at most 10 batches a second).
    void startWatching(int intervalMs = 100);
    /// Reads and applies entries appended since the last poll; returns how many.
    qint64 poll();

Q_SIGNALS:
    /// New entries, in seq order, already applied to the picture.
    void entriesAppended(const std::vector<vigie::Entry> &entries);
    void pictureChanged();
    void errorOccurred(const QString &message);

private:
    Room &m_room;
    Picture m_picture;
    QTimer m_timer;
};

} // namespace vigie
