#include "picture/picture_seeker.h"

#include <QJsonDocument>

namespace vigie {

QByteArray serialisePicture(const Picture &picture)
{
    return picture.toJsonText();
}

Result<Picture> deserialisePicture(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QStringLiteral("damaged snapshot: %1").arg(error.errorString())};
    return Picture::fromJson(doc.object());
}

Result<Picture> foldFromScratch(const LogStore &store, std::optional<Timestamp> until)
{
    Picture picture;
    EntryQuery query;
    query.until = until;
    auto r = store.read(query, [&picture](const Entry &e) {
        picture.apply(e);
        return true;
    });
    if (!r)
        return r.error();
    return picture;
}

Result<Picture> pictureAt(const LogStore &store, Timestamp t)
{
    Picture picture;
    auto snapshot = store.snapshotFor(t);
    if (!snapshot)
        return snapshot.error();
    if (snapshot->has_value()) {
        auto restored = deserialisePicture((*snapshot)->picture);
        if (!restored)
            return restored.error();
        picture = std::move(*restored);
    }
    EntryQuery query;
    query.afterSeq = picture.lastSeq;
    query.until = t;
    auto r = store.read(query, [&picture](const Entry &e) {
        picture.apply(e);
        return true;
    });
    if (!r)
        return r.error();
    return picture;
}

Result<Picture> latestPicture(const LogStore &store)
{
    return pictureAt(store, Timestamp{std::numeric_limits<qint64>::max()});
}

Result<void> SnapshotKeeper::snapshotIfDue(LogStore &store)
{
    if (!m_head)
        return {};
    const qint64 since = m_head->lastSeq - m_lastSnapshotSeq;
    if (since < m_every || (m_bytesPerEntry > 0 && since < m_lastSnapshotBytes / m_bytesPerEntry))
        return {};
    QByteArray bytes = serialisePicture(*m_head);
    const qint64 size = bytes.size();
    if (auto r = store.saveSnapshot({m_head->lastSeq, m_head->maxEventTime, std::move(bytes)}); !r)
        return r;
    m_lastSnapshotSeq = m_head->lastSeq;
    m_lastSnapshotBytes = size;
    return {};
}

Result<void> SnapshotKeeper::catchUp(LogStore &store)
{
    if (!m_head) {
        auto last = store.lastSnapshotSeq();
        if (!last)
            return last.error();
        auto pic = latestPicture(store);
        if (!pic)
            return pic.error();
        m_lastSnapshotSeq = *last;
        // If entries since the last snapshot are many, re-fold in steps so snapshots land every m_every.
        if (pic->lastSeq - m_lastSnapshotSeq < m_every) {
            m_head = std::move(*pic);
            return {};
        }
        m_head = Picture{};
        if (m_lastSnapshotSeq > 0) {
            auto snap = store.snapshotFor(Timestamp{std::numeric_limits<qint64>::max()});
            if (!snap)
                return snap.error();
            if (snap->has_value()) {
                auto restored = deserialisePicture((*snap)->picture);
                if (!restored)
                    return restored.error();
                m_head = std::move(*restored);
            }
        }
    }
    EntryQuery query;
    query.afterSeq = m_head->lastSeq;
    Result<void> snapshotResult;
    auto r = store.read(query, [this, &store, &snapshotResult](const Entry &e) {
        m_head->apply(e);
        snapshotResult = snapshotIfDue(store);
        return snapshotResult.ok();
    });
    if (!r)
        return r;
    return snapshotResult;
}

Result<void> SnapshotKeeper::applyAppended(LogStore &store, const std::vector<Entry> &entries)
{
    // The first entries of a log: the picture before them is the empty one, no need to read them back.
    if (!m_head && !entries.empty() && entries.front().seq == 1) {
        m_head = Picture{};
        m_lastSnapshotSeq = 0;
    }
    if (!m_head || (!entries.empty() && entries.front().seq != m_head->lastSeq + 1))
        return catchUp(store);
    for (const Entry &e : entries) {
        m_head->apply(e);
        if (auto r = snapshotIfDue(store); !r)
            return r;
    }
    return {};
}

} // namespace vigie
