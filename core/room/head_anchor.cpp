#include "room/head_anchor.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace vigie {

namespace {

/// An exclusive advisory lock on a file for the lifetime of the object.
class FileLock
{
public:
    explicit FileLock(const QString &path)
    {
        m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (m_fd >= 0 && ::flock(m_fd, LOCK_EX) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~FileLock()
    {
        if (m_fd >= 0)
            ::close(m_fd); // releases the lock
    }
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    [[nodiscard]] bool held() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

/// The hash of the entry at `seq`, nothing if the log does not reach it.
Result<std::optional<QByteArray>> hashAt(const LogStore &store, qint64 seq)
{
    EntryQuery query;
    query.afterSeq = seq - 1;
    query.limit = 1;
    std::optional<QByteArray> hash;
    auto r = store.read(query, [&](const Entry &e) {
        if (e.seq == seq)
            hash = e.hash;
        return false;
    });
    if (!r)
        return r.error();
    return hash;
}

} // namespace

HeadAnchor::HeadAnchor(QString path, QString lockPath, QByteArray key, QString roomId)
    : m_path(std::move(path)), m_lockPath(std::move(lockPath)), m_key(std::move(key)),
      m_room(std::move(roomId))
{}

QByteArray HeadAnchor::mac(const HeadRecord &record) const
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, m_key);
    code.addData("vigie-head\n");
    code.addData(record.room.toUtf8() + '\n');
    code.addData(QByteArray::number(record.seq) + '\n');
    code.addData(record.hash.toHex() + '\n');
    code.addData(QByteArray::number(record.recorded.msecs));
    return code.result();
}

Result<std::optional<HeadRecord>> HeadAnchor::read() const
{
    QFile file(m_path);
    if (!file.exists())
        return std::optional<HeadRecord>();
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read the head record %1: %2").arg(m_path, file.errorString())};
    const QByteArray bytes = file.read(4096);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(bytes, &error).object();
    HeadRecord record;
    record.room = o.value(QStringLiteral("room")).toString();
    record.seq = o.value(QStringLiteral("seq")).toInteger(-1);
    record.hash = QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1());
    record.recorded = Timestamp{o.value(QStringLiteral("recorded")).toInteger()};
    const QByteArray signature = QByteArray::fromHex(o.value(QStringLiteral("mac")).toString().toLatin1());
    if (error.error != QJsonParseError::NoError || record.seq < 0 || signature.isEmpty())
        return Error{QStringLiteral("the head record %1 is damaged; the end of the log cannot be checked "
                                    "against it")
                         .arg(m_path)};
    if (record.room != m_room || signature != mac(record))
        return Error{QStringLiteral("the head record %1 is not signed with this room's secret (altered, or "
                                    "copied from another room)")
                         .arg(m_path)};
    return std::optional<HeadRecord>(std::move(record));
}

Result<void> HeadAnchor::write(const HeadRecord &record) const
{
    const QJsonObject o{{QStringLiteral("room"), record.room},
                        {QStringLiteral("seq"), record.seq},
                        {QStringLiteral("hash"), QString::fromLatin1(record.hash.toHex())},
                        {QStringLiteral("recorded"), record.recorded.msecs},
                        {QStringLiteral("mac"), QString::fromLatin1(mac(record).toHex())}};
    // Written whole under another name and renamed over the record: a reader sees the old or the new one.
    // Not synced (QSaveFile would sync, doubling the cost of a commit): see the header.
    const QString temporary = m_path + QStringLiteral(".new");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{
            QStringLiteral("cannot write the head record %1: %2").arg(temporary, file.errorString())};
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(text) != text.size() || !file.flush())
        return Error{
            QStringLiteral("cannot write the head record %1: %2").arg(temporary, file.errorString())};
    file.close();
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(m_path).constData()) != 0)
        return Error{QStringLiteral("cannot replace the head record %1: %2")
                         .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
    return {};
}

Result<void> HeadAnchor::advance(const LogStore &store, qint64 seq, const QByteArray &hash,
                                 Timestamp now) const
{
    const FileLock lock(m_lockPath);
    if (!lock.held())
        return Error{QStringLiteral("cannot lock %1 to record the head of the log").arg(m_lockPath)};
    auto current = read();
    if (!current)
        return current.error();
    if (*current) {
        const HeadRecord &recorded = **current;
        if (recorded.seq >= seq)
            return {}; // another writer recorded a later head
        if (recorded.seq == 0)
            return write({m_room, seq, hash, now}); // the record of a new room: nothing to check
        auto held = hashAt(store, recorded.seq);
        if (!held)
            return held.error();
        if (!*held || **held != recorded.hash)
            return Error{QStringLiteral("the log no longer holds the head recorded at seq %1; the record is "
                                        "kept as evidence: run `vigie-cli verify`")
                             .arg(recorded.seq)};
    }
    return write({m_room, seq, hash, now});
}

Result<void> HeadAnchor::reset(const LogStore &store, Timestamp now) const
{
    const FileLock lock(m_lockPath);
    if (!lock.held())
        return Error{QStringLiteral("cannot lock %1 to record the head of the log").arg(m_lockPath)};
    if (store.lastSeq() == 0)
        return write({m_room, 0, {}, now});
    return write({m_room, store.lastSeq(), store.lastHash(), now});
}

Result<HeadCheck> HeadAnchor::check(const LogStore &store) const
{
    HeadCheck out;
    auto current = read();
    if (!current) {
        out.problem = current.error().message;
        return out;
    }
    out.record = *current;
    if (!out.record || out.record->seq == 0)
        return out;
    const HeadRecord &recorded = *out.record;
    auto held = hashAt(store, recorded.seq);
    if (!held)
        return held.error();
    if (!*held) {
        const qint64 last = store.lastSeq();
        out.firstMissingSeq = last + 1;
        out.problem = QStringLiteral("the log ends at seq %1 but its head was recorded at seq %2 on %3: %4 "
                                     "entr%5 missing at the end (the file was cut or restored from an older "
                                     "copy)")
                          .arg(last)
                          .arg(recorded.seq)
                          .arg(recorded.recorded.toIso())
                          .arg(recorded.seq - last)
                          .arg(recorded.seq - last == 1 ? QStringLiteral("y is") : QStringLiteral("ies are"));
    } else if (**held != recorded.hash) {
        out.firstMissingSeq = recorded.seq;
        out.problem =
            QStringLiteral("the entry at seq %1 is not the one recorded as the head on %2: the end of "
                           "the log was replaced")
                .arg(recorded.seq)
                .arg(recorded.recorded.toIso());
    }
    return out;
}

} // namespace vigie
