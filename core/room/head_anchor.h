#pragma once
// The head of a room's log recorded outside the log. The hash chain proves that no entry inside the log was
// altered or removed, but a log whose last entries were cut off (a file restored from an older copy, rows
// deleted by hand) is a shorter chain that still verifies. So every writer also records, after each commit,
// the last seq and hash it committed in `ROOM.head` beside the room file, signed with the room's secret
// (HMAC-SHA-256): `verify` compares the log with it and reports an end that went missing.
//
// The record only moves forward, and only past a head the log still holds: a writer that finds the recorded
// entry gone or replaced leaves the record as it is (the evidence of the cut) until a person accepts the loss
// (`vigie-cli verify ROOM --accept-loss`, which logs it). Writers of several processes take turns through an
// advisory lock (flock) on the record. The record has two slots of 512 bytes and a write goes over the older
// one, in place (a 512-byte aligned write, which disks write whole): the latest record survives any write
// cut short, and a slot that is not signed with the room's secret makes the record suspect as a whole. It is
// not synced after each commit: after a power loss it may lag the log, which weakens the check but never
// raises a false alarm, since the log itself is synced before the record is written.
#include "model/time.h"
#include "store/log_store.h"

#include <array>

namespace vigie {

struct HeadRecord
{
    QString room; ///< room id
    qint64 seq = 0;
    QByteArray hash;
    Timestamp recorded; ///< when the writer recorded it (record time of the room's clock)
};

/// What the log says against the record.
struct HeadCheck
{
    std::optional<HeadRecord> record; ///< nothing if no record was written yet (a room of an older version)
    std::optional<qint64> firstMissingSeq; ///< set when the log lost entries the record saw
    QString problem;                       ///< what is wrong, in words (empty if consistent)
};

class HeadAnchor
{
public:
    /// `path` is the record's file (HeadAnchor::pathFor the room file).
    HeadAnchor(QString path, QByteArray key, QString roomId);
    ~HeadAnchor();
    HeadAnchor(const HeadAnchor &) = delete;
    HeadAnchor &operator=(const HeadAnchor &) = delete;
    [[nodiscard]] static QString pathFor(const QString &roomPath)
    {
        return roomPath + QStringLiteral(".head");
    }

    /// Records the last of `appended` (entries just committed, in seq order) as the head if it lies beyond
    /// the recorded head and the log still holds that one: when the batch was chained right onto the recorded
    /// head (one writer, the common case) its first link says so; otherwise the log is read. An error says
    /// why the record was left as it is; the log itself is never touched.
    [[nodiscard]] Result<void> advance(const LogStore &store, const std::vector<Entry> &appended,
                                       Timestamp now) const;
    /// Records the log's current head whatever the record says (after a person accepted a loss).
    [[nodiscard]] Result<void> reset(const LogStore &store, Timestamp now) const;
    /// The record; nothing if none was written yet; an error if unreadable or not signed with this room's
    /// secret.
    [[nodiscard]] Result<std::optional<HeadRecord>> read() const;
    /// Compares the log with the record.
    [[nodiscard]] Result<HeadCheck> check(const LogStore &store) const;

private:
    [[nodiscard]] QByteArray mac(const HeadRecord &record) const;
    /// The record file, opened at the first use and kept open.
    [[nodiscard]] Result<int> file(bool create) const;
    /// Both slots (nothing where a slot was never written); both nothing if a slot is not signed with this
    /// room's secret.
    [[nodiscard]] std::array<std::optional<HeadRecord>, 2> readSlots(int fd) const;
    [[nodiscard]] Result<void> write(const HeadRecord &record, int fd, int slot) const;
    [[nodiscard]] Error lockError() const;
    QString m_path;
    QByteArray m_key;
    QString m_room;
    mutable int m_fd = -1;
    /// Each slot's bytes as this object last read or wrote them, with the record they hold.
    struct Seen
    {
        QByteArray bytes;
        HeadRecord record;
    };
    mutable std::array<Seen, 2> m_seen;
};

} // namespace vigie
