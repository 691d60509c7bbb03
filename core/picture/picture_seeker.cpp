#include "picture/picture_seeker.h"

#include <QCoreApplication>
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

Result<Picture> pictureAt(const LogStore &store, Timestamp t, qint64 lastSeq)
{
    Picture picture;
    auto snapshot = store.snapshotFor(t);
    if (!snapshot)
        return snapshot.error();
    // A snapshot of an earlier format lacks what the fold keeps now: the picture is folded from the start.
    if (snapshot->has_value() && (*snapshot)->seq <= lastSeq &&
        Picture::isCurrentSnapshot((*snapshot)->picture)) {
        auto restored = deserialisePicture((*snapshot)->picture);
        if (!restored)
            return restored.error();
        picture = std::move(*restored);
    }
    if (picture.lastSeq >= lastSeq)
        return picture;
    EntryQuery query;
    query.afterSeq = picture.lastSeq;
    query.until = t;
    // Never a row past lastSeq: the read stops before stepping onto it (it may sit on a damaged page).
    if (lastSeq < std::numeric_limits<qint64>::max())
        query.limit = lastSeq - picture.lastSeq;
    auto r = store.read(query, [&picture, lastSeq](const Entry &e) {
        if (e.seq > lastSeq)
            return false;
        picture.apply(e);
        return true;
    });
    if (!r)
        return r.error();
    return picture;
}

Result<CheckedPicture> checkedPictureAt(const LogStore &store, std::optional<Timestamp> t)
{
    const Timestamp at = t.value_or(Timestamp{std::numeric_limits<qint64>::max()});
    auto snapshot = store.snapshotFor(at);
    if (!snapshot)
        return snapshot.error();
    const qint64 from =
        snapshot->has_value() && Picture::isCurrentSnapshot((*snapshot)->picture) ? (*snapshot)->seq : 0;
    auto report = store.verifyAfter(from);
    if (!report)
        return report.error();
    CheckedPicture out;
    qint64 lastSeq = std::numeric_limits<qint64>::max();
    if (!report->intact()) {
        out.damage = LogDamage{*report->firstBadSeq, report->problem};
        lastSeq = *report->firstBadSeq - 1;
    }
    auto picture = pictureAt(store, at, lastSeq);
    if (!picture)
        return picture.error();
    out.picture = std::move(*picture);
    return out;
}

Result<Picture> latestPicture(const LogStore &store)
{
    return pictureAt(store, Timestamp{std::numeric_limits<qint64>::max()});
}

Result<void> restoreFusionTrail(const LogStore &store, Picture &picture)
{
    picture.fusionTrail.clear();
    picture.fusionTrailBase = 0;
    picture.fusionTrailClock = Picture{}.fusionTrailClock;
    picture.keepsFusionTrail = true;
    if (picture.lastSeq == 0)
        return {};
    EntryQuery query;
    query.kinds = Picture::fusionKinds();
    const qint64 last = picture.lastSeq;
    return store.read(query, [&picture, last](const Entry &e) {
        if (e.seq > last)
            return false;
        picture.keepForFusion(e);
        return true;
    });
}

Result<void> SnapshotKeeper::keepFusionTrail(const LogStore &store)
{
    m_keepTrail = true;
    if (!m_head || m_head->keepsFusionTrail)
        return {};
    return restoreFusionTrail(store, *m_head);
}

Result<void> SnapshotKeeper::headTaken(const LogStore &store)
{
    if (!m_keepTrail)
        return {};
    return restoreFusionTrail(store, *m_head);
}

Snapshot snapshotOf(const Picture &picture)
{
    return {picture.lastSeq, picture.maxEventTime, serialisePicture(picture)};
}

Result<void> SnapshotKeeper::snapshotIfDue(LogStore &store)
{
    if (!m_head || !m_policy.due(m_head->lastSeq))
        return {};
    Snapshot snapshot = snapshotOf(*m_head);
    // A snapshot is a cache: one that cannot be written now (the disk full, another writer holding the
    // lock past the busy timeout) is skipped, and the next falls due as if it had been written.
    m_policy.taken(snapshot.seq, snapshot.picture.size());
    return store.saveSnapshot(snapshot);
}

Result<void> SnapshotKeeper::catchUp(LogStore &store)
{
    // Damage found once is not looked for again at every batch (each look checks the whole tail): this
    // keeper writes no more snapshots, and the error was returned once.
    if (m_damaged)
        return {};
    if (!m_head) {
        auto last = store.lastSnapshotSeq();
        if (!last)
            return last.error();
        // Snapshots are folded only from entries that verify: a snapshot written past damage would hide it
        // from every later check of the tail.
        auto checked = checkedPictureAt(store);
        if (!checked)
            return checked.error();
        if (checked->damage) {
            m_damaged = true;
            return Error{QCoreApplication::translate(
                             "vigie::picture",
                             "the log does not verify at seq %1 (%2): no snapshot is written past "
                             "it; run `vigie-cli verify`")
                             .arg(checked->damage->seq)
                             .arg(checked->damage->problem)};
        }
        std::optional<Picture> pic = std::move(checked->picture);
        qint64 lastCurrent = *last;
        if (*last > 0) {
            // Snapshots of an earlier format are not restored (Picture::isCurrentSnapshot): fold the log
            // again in steps, as if there were none, so that seeking finds current ones all along it.
            auto latest = store.snapshotFor(Timestamp{std::numeric_limits<qint64>::max()});
            if (!latest)
                return latest.error();
            if (latest->has_value() && !Picture::isCurrentSnapshot((*latest)->picture))
                lastCurrent = 0;
        }
        m_policy.taken(lastCurrent, 0);
        // If entries since the last snapshot are many, re-fold in steps so snapshots land as they fall due.
        if (!m_policy.due(pic->lastSeq)) {
            m_head = std::move(*pic);
            return headTaken(store);
        }
        m_head = Picture{};
        if (lastCurrent > 0) { // a current one (above)
            auto snap = store.snapshotFor(Timestamp{std::numeric_limits<qint64>::max()});
            if (!snap)
                return snap.error();
            if (snap->has_value() && Picture::isCurrentSnapshot((*snap)->picture)) {
                auto restored = deserialisePicture((*snap)->picture);
                if (!restored)
                    return restored.error();
                m_head = std::move(*restored);
            }
        }
        if (auto r = headTaken(store); !r)
            return r;
    }
    // Read in runs that end where a snapshot falls due, and write it between two reads, never from inside
    // one: a write inside a read must upgrade SQLite's read transaction, which fails at once, without
    // waiting, when another connection has committed since the read began ("database is locked").
    Result<void> saved;
    for (;;) {
        EntryQuery query;
        query.afterSeq = m_head->lastSeq;
        query.limit = m_policy.entriesUntilDue(m_head->lastSeq);
        qint64 read = 0;
        auto r = store.read(query, [this, &read](const Entry &e) {
            m_head->apply(e);
            ++read;
            return true;
        });
        if (!r)
            return r;
        if (auto s = snapshotIfDue(store); !s)
            saved = s;
        if (read < query.limit)
            break;
    }
    return saved;
}

Result<void> SnapshotKeeper::applyAppended(LogStore &store, const std::vector<Entry> &entries)
{
    if (entries.empty())
        return {};
    // The first entries of a log: the picture before them is the empty one, no need to read them back.
    if (!m_head && entries.front().seq == 1) {
        m_head = Picture{};
        m_head->keepsFusionTrail = m_keepTrail;
        m_policy.taken(0, 0);
    }
    if (!m_head || entries.front().seq != m_head->lastSeq + 1)
        return catchUp(store);
    Result<void> saved;
    for (const Entry &e : entries) {
        m_head->apply(e);
        if (auto r = snapshotIfDue(store); !r)
            saved = r;
    }
    return saved;
}

} // namespace vigie
