#include "room/room.h"

#include "store/pg_log_store.h"
#include "store/sqlite_log_store.h"

#include <QDebug>
#include <QFile>
#include <QFileInfo>

namespace vigie {

namespace {

Result<QByteArray> readKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read the room secret %1: %2. Without it personal data cannot be "
                                    "linked across messages; restore it from the room's backup")
                         .arg(path, file.errorString())};
    const QByteArray key = QByteArray::fromHex(file.readAll().trimmed());
    if (key.size() < 16)
        return Error{QStringLiteral("the room secret %1 is damaged (expected 32 bytes in hex)").arg(path)};
    return key;
}

Result<void> writeKey(const QString &path, const QByteArray &key)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error{QStringLiteral("cannot create the room secret %1: %2").arg(path, file.errorString())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(key.toHex() + '\n');
    if (!file.flush())
        return Error{QStringLiteral("cannot write the room secret %1: %2").arg(path, file.errorString())};
    return {};
}

} // namespace

Room::Room(std::unique_ptr<LogStore> store, QByteArray key, const Clock &clock, QString path)
    : m_store(std::move(store)), m_anonymiser(std::move(key)), m_clock(clock), m_path(std::move(path))
{}

Room::~Room() = default;

Result<std::unique_ptr<Room>> Room::create(const QString &path, const QString &name, RoomMode mode,
                                           const Clock &clock)
{
    RoomInfo info;
    info.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    info.name = name;
    info.mode = mode;
    info.created = clock.now();
    const QByteArray key = Anonymiser::generateKey();
    if (isPgUrl(path)) {
        // A shared room: its secret lives on the server beside it, for every desk to use the same.
        auto where = parsePgUrl(path);
        if (!where)
            return where.error();
        auto store = PgLogStore::create(*where, info, key);
        if (!store)
            return store.error();
        return std::unique_ptr<Room>(new Room(std::move(*store), key, clock, path));
    }
    const QString keyFile = keyPath(path);
    if (QFileInfo::exists(keyFile))
        return Error{QStringLiteral("%1 already exists; remove it or choose another room file").arg(keyFile)};
    if (info.name.isEmpty())
        info.name = QFileInfo(path).completeBaseName();
    auto store = SqliteLogStore::create(path, info);
    if (!store)
        return store.error();
    if (auto r = writeKey(keyFile, key); !r)
        return r.error();
    return std::unique_ptr<Room>(new Room(std::move(*store), key, clock, path));
}

Result<std::unique_ptr<Room>> Room::open(const QString &path, const Clock &clock)
{
    if (isPgUrl(path)) {
        auto where = parsePgUrl(path);
        if (!where)
            return where.error();
        auto store = PgLogStore::open(*where);
        if (!store)
            return store.error();
        auto key = (*store)->secret();
        if (!key)
            return key.error();
        return std::unique_ptr<Room>(new Room(std::move(*store), *key, clock, path));
    }
    auto store = SqliteLogStore::open(path);
    if (!store)
        return store.error();
    auto key = readKey(keyPath(path));
    if (!key)
        return key.error();
    return std::unique_ptr<Room>(new Room(std::move(*store), *key, clock, path));
}

void Room::keepSnapshots(const std::vector<Entry> &appended)
{
    // The entries are committed: whatever happens to the snapshot cache now, the append succeeded and must
    // be reported as such (a caller told otherwise would append the batch again).
    if (auto r = m_snapshots.applyAppended(*m_store, appended); !r)
        qWarning().noquote() << QStringLiteral("%1: snapshot not written (the log is intact): %2")
                                    .arg(m_path, r.error().message);
}

std::vector<QuarantineItem> Room::quarantineItems(const std::vector<Refused> &refused, Timestamp now) const
{
    std::vector<QuarantineItem> items;
    for (const Refused &from : refused) {
        const QString source = m_anonymiser.scrubText(from.source);
        for (const Rejected &item : from.items) {
            QuarantineItem q;
            q.received = now;
            q.source = source;
            q.position = item.position;
            q.reason = m_anonymiser.scrubText(item.reason);
            q.input = m_anonymiser.scrubBytes(item.input);
            items.push_back(std::move(q));
        }
    }
    return items;
}

Result<std::vector<Entry>> Room::append(std::vector<Entry> drafts, const std::vector<Refused> &refused)
{
    const Timestamp now = m_clock.now();
    for (Entry &e : drafts) {
        if (auto valid = validateDraft(e); !valid)
            return Error{QStringLiteral("entry %1 of the batch: %2")
                             .arg(&e - drafts.data() + 1)
                             .arg(valid.error().message)};
        e.author = m_anonymiser.scrubText(e.author);
        e.role = m_anonymiser.scrubText(e.role);
        e.data = m_anonymiser.scrubJson(e.data);
        e.recordTime = now;
    }
    auto appended = m_store->append(std::move(drafts), quarantineItems(refused, now));
    if (!appended)
        return appended;
    keepSnapshots(*appended);
    return appended;
}

Result<FeedAppend> Room::appendFeed(std::vector<FeedArrival> arrivals, const std::vector<Refused> &refused)
{
    const Timestamp now = m_clock.now();
    for (FeedArrival &a : arrivals)
        for (Entry &e : a.drafts) {
            if (auto valid = validateDraft(e); !valid)
                return Error{QStringLiteral("%1: %2").arg(a.source, valid.error().message)};
            e.author = m_anonymiser.scrubText(e.author);
            e.role = m_anonymiser.scrubText(e.role);
            e.data = m_anonymiser.scrubJson(e.data);
            e.recordTime = now;
        }
    auto appended = m_store->appendFeed(std::move(arrivals), now, quarantineItems(refused, now));
    if (!appended)
        return appended;
    keepSnapshots(appended->appended);
    return appended;
}

Result<void> Room::quarantine(const QString &source, const std::vector<Rejected> &items)
{
    if (items.empty())
        return {};
    auto r = m_store->append({}, quarantineItems({{source, items}}, m_clock.now()));
    if (!r)
        return r.error();
    return {};
}

} // namespace vigie
