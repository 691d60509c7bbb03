#include "room/head_anchor.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace vigie {

namespace {

/// An exclusive advisory lock on an open file, for the lifetime of the object.
class FileLock
{
public:
    explicit FileLock(int fd) : m_fd(fd >= 0 && ::flock(fd, LOCK_EX) == 0 ? fd : -1) {}
    ~FileLock()
    {
        if (m_fd >= 0)
            ::flock(m_fd, LOCK_UN);
    }
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    [[nodiscard]] bool held() const { return m_fd >= 0; }

private:
    int m_fd;
};

/// The record's two slots: a write goes to the slot that does not hold the latest record, so that a write
/// cut short by a crash can only damage the older one.
constexpr qint64 slotBytes = 512;

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

HeadAnchor::HeadAnchor(QString path, QByteArray key, QString roomId)
    : m_path(std::move(path)), m_key(std::move(key)), m_room(std::move(roomId))
{}

HeadAnchor::~HeadAnchor()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<int> HeadAnchor::file(bool create) const
{
    // Opened once and kept: a commit pays a lock, two reads and a write, not an open and a close.
    if (m_fd < 0)
        m_fd =
            ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
    if (m_fd < 0)
        return Error{QStringLiteral("cannot open the head record %1: %2")
                         .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
    return m_fd;
}

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

std::array<std::optional<HeadRecord>, 2> HeadAnchor::readSlots(int fd) const
{
    std::array<std::optional<HeadRecord>, 2> out;
    for (std::size_t index = 0; index < 2; ++index) {
        QByteArray bytes(slotBytes, Qt::Uninitialized);
        const ssize_t n = ::pread(fd, bytes.data(), size_t(slotBytes), off_t(index * slotBytes));
        bytes.truncate(std::max<ssize_t>(n, 0));
        if (bytes.trimmed().isEmpty())
            continue; // never written
        // A slot as this object last read or wrote it needs no parsing and no signature check again: two
        // checks of HMAC-SHA-256 per slot were most of a commit's cost of the record.
        if (bytes == m_seen[index].bytes) {
            out[index] = m_seen[index].record;
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(bytes.trimmed()).object();
        HeadRecord record;
        record.room = o.value(QStringLiteral("room")).toString();
        record.seq = o.value(QStringLiteral("seq")).toInteger(-1);
        record.hash = QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1());
        record.recorded = Timestamp{o.value(QStringLiteral("recorded")).toInteger()};
        const QByteArray signature =
            QByteArray::fromHex(o.value(QStringLiteral("mac")).toString().toLatin1());
        if (record.seq < 0 || record.room != m_room || signature.isEmpty() || signature != mac(record))
            return {}; // a slot written but not signed by this room: the whole record is suspect
        m_seen[index] = {bytes, record};
        out[index] = std::move(record);
    }
    return out;
}

namespace {
/// The latest of the two slots' records; which slot holds it (-1: none).
std::pair<const HeadRecord *, int> latest(const std::array<std::optional<HeadRecord>, 2> &slots)
{
    if (slots[0] && (!slots[1] || slots[0]->seq >= slots[1]->seq))
        return {&*slots[0], 0};
    if (slots[1])
        return {&*slots[1], 1};
    return {nullptr, -1};
}
} // namespace

Result<std::optional<HeadRecord>> HeadAnchor::read() const
{
    if (m_fd < 0 && !QFile::exists(m_path))
        return std::optional<HeadRecord>();
    auto fd = file(false);
    if (!fd)
        return fd.error();
    const auto slots = readSlots(*fd);
    const auto [record, index] = latest(slots);
    if (!record) {
        if (::lseek(*fd, 0, SEEK_END) == 0)
            return std::optional<HeadRecord>(); // created, never written
        return Error{QStringLiteral("the head record %1 is damaged or not signed with this room's secret "
                                    "(altered, or copied from another room)")
                         .arg(m_path)};
    }
    return std::optional<HeadRecord>(*record);
}

Result<void> HeadAnchor::write(const HeadRecord &record, int fd, int slot) const
{
    const QJsonObject o{{QStringLiteral("room"), record.room},
                        {QStringLiteral("seq"), record.seq},
                        {QStringLiteral("hash"), QString::fromLatin1(record.hash.toHex())},
                        {QStringLiteral("recorded"), record.recorded.msecs},
                        {QStringLiteral("mac"), QString::fromLatin1(mac(record).toHex())}};
    const QByteArray text =
        QJsonDocument(o).toJson(QJsonDocument::Compact).leftJustified(slotBytes - 1, ' ') + '\n';
    // In place, not synced: see the header.
    if (::pwrite(fd, text.constData(), size_t(text.size()), off_t(slot * slotBytes)) != text.size())
        return Error{QStringLiteral("cannot write the head record %1: %2")
                         .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
    m_seen[std::size_t(slot)] = {text, record};
    return {};
}

Result<void> HeadAnchor::advance(const LogStore &store, const std::vector<Entry> &appended,
                                 Timestamp now) const
{
    if (appended.empty())
        return {};
    const Entry &first = appended.front();
    const Entry &last = appended.back();
    auto fd = file(true);
    if (!fd)
        return fd.error();
    const FileLock lock(*fd);
    if (!lock.held())
        return lockError();
    const auto slots = readSlots(*fd);
    const auto [recorded, index] = latest(slots);
    if (!recorded && ::lseek(*fd, 0, SEEK_END) > 0)
        return Error{QStringLiteral("the head record %1 is damaged; it is kept as evidence: run `vigie-cli "
                                    "verify`")
                         .arg(m_path)};
    if (recorded) {
        if (recorded->seq >= last.seq)
            return {}; // another writer recorded a later head
        const bool chainedOnto = recorded->seq == first.seq - 1 && recorded->hash == first.prevHash;
        if (recorded->seq > 0 && !chainedOnto) {
            auto held = hashAt(store, recorded->seq);
            if (!held)
                return held.error();
            if (!*held || **held != recorded->hash)
                return Error{
                    QStringLiteral("the log no longer holds the head recorded at seq %1; the record is "
                                   "kept as evidence: run `vigie-cli verify`")
                        .arg(recorded->seq)};
        }
    }
    // Over the other slot than the latest record's.
    return write({m_room, last.seq, last.hash, now}, *fd, index == 0 ? 1 : 0);
}

Error HeadAnchor::lockError() const
{
    return Error{QStringLiteral("cannot lock %1 to record the head of the log: %2")
                     .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)))};
}

Result<void> HeadAnchor::reset(const LogStore &store, Timestamp now) const
{
    auto fd = file(true);
    if (!fd)
        return fd.error();
    const FileLock lock(*fd);
    if (!lock.held())
        return lockError();
    const HeadRecord record = store.lastSeq() == 0
                                  ? HeadRecord{m_room, 0, {}, now}
                                  : HeadRecord{m_room, store.lastSeq(), store.lastHash(), now};
    // Both slots: the record of a lost head must not outlive its acceptance in the other one.
    for (int slot : {0, 1})
        if (auto r = write(record, *fd, slot); !r)
            return r;
    return {};
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
