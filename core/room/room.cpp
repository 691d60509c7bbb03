#include "room/room.h"

#include "log/entry_kinds.h"
#include "room/quarantine_items.h"
#include "store/pg_log_store.h"
#include "store/sqlite_log_store.h"

#include <QCoreApplication>
#include <QDebug>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <utility>

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

/// A desk's replica holds the server's chain, copied by its link only (Room::replicate): it refuses every
/// other write. An entry stored there behind the link would sit where the server's next entry goes: the link
/// would take the replica for one whose server lost its end, set the entry aside in a .lost file and send it
/// again.
Result<void> writable(const RoomInfo &info, const QString &path)
{
    if (!info.replicaOf.isEmpty())
        return Error{QCoreApplication::translate(
                         "vigie::room",
                         "%1 is a desk's replica of the shared room on %2: only the desk's link "
                         "writes to it. Write to the shared room (its postgresql:// URL) or from "
                         "the desk's console")
                         .arg(path, info.replicaOf)};
    return {};
}

} // namespace

Room::Room(std::unique_ptr<LogStore> store, QByteArray key, const Clock &clock, QString path)
    : m_store(std::move(store)), m_anonymiser(key), m_clock(clock), m_path(std::move(path)),
      m_snapshots(std::in_place)
{
    // A room file's head is recorded beside it. A shared room's head is the server's own (rooms.last_seq and
    // last_hash, which its verify checks); each desk's view of it comes with the desk's replica.
    if (!isPgUrl(m_path))
        m_anchor.emplace(HeadAnchor::pathFor(m_path), std::move(key), m_store->room().id);
}

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
    std::unique_ptr<Room> room(new Room(std::move(*store), key, clock, path));
    // From the first moment on, a log cut back to nothing is told from a new room.
    if (auto r = room->m_anchor->reset(*room->m_store, clock.now()); !r)
        return r.error();
    return room;
}

Result<std::unique_ptr<Room>> Room::createReplica(const QString &path, const RoomInfo &info,
                                                  const QByteArray &secret, const Clock &clock,
                                                  SnapshotKeeping snapshots)
{
    const QString keyFile = keyPath(path);
    if (QFileInfo::exists(path) || QFileInfo::exists(keyFile))
        return Error{QStringLiteral("%1 already exists; a replica is created only once").arg(path)};
    auto store = SqliteLogStore::create(path, info);
    if (!store)
        return store.error();
    if (auto r = writeKey(keyFile, secret); !r)
        return r.error();
    std::unique_ptr<Room> room(new Room(std::move(*store), secret, clock, path));
    if (snapshots == SnapshotKeeping::ByCaller)
        room->m_snapshots.reset();
    if (auto r = room->m_anchor->reset(*room->m_store, clock.now()); !r)
        return r.error();
    return room;
}

Result<std::unique_ptr<Room>> Room::open(const QString &path, const Clock &clock, SnapshotKeeping snapshots)
{
    auto room = openWithKeeper(path, clock);
    if (room && snapshots == SnapshotKeeping::ByCaller)
        (*room)->m_snapshots.reset();
    return room;
}

Result<std::unique_ptr<Room>> Room::openWithKeeper(const QString &path, const Clock &clock)
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
    if (!m_snapshots)
        return;
    if (auto r = m_snapshots->applyAppended(*m_store, appended); !r)
        qWarning().noquote() << QStringLiteral("%1: snapshot not written (the entries are committed): %2")
                                    .arg(m_path, r.error().message);
}

void Room::recordHead(const std::vector<Entry> &appended)
{
    if (appended.empty() || !m_anchor || !m_recordHeads)
        return;
    if (auto r = m_anchor->advance(*m_store, appended, m_clock.now()); !r)
        qWarning().noquote()
            << QStringLiteral("%1: head of the log not recorded: %2").arg(m_path, r.error().message);
}

Result<VerifyReport> Room::verify(const LogStore::Progress &progress) const
{
    auto report = m_store->verify(progress);
    if (!report || !report->intact() || !m_anchor)
        return report;
    auto head = m_anchor->check(*m_store);
    if (!head)
        return head.error();
    if (!head->problem.isEmpty()) {
        report->firstBadSeq = head->firstMissingSeq.value_or(m_store->lastSeq() + 1);
        report->problem = head->problem;
    }
    return report;
}

Result<Entry> Room::acceptLoss(const QString &author)
{
    if (auto w = writable(info(), m_path); !w)
        return w.error();
    if (!m_anchor)
        return Error{QStringLiteral("%1 keeps no head record").arg(m_path)};
    auto head = m_anchor->check(*m_store);
    if (!head)
        return head.error();
    if (head->problem.isEmpty())
        return Error{
            QStringLiteral("%1: the end of the log matches its head record; nothing to accept").arg(m_path)};
    Entry draft;
    draft.kind = kinds::logTruncated;
    draft.author = author;
    draft.eventTime = m_clock.now();
    QJsonObject data{{QStringLiteral("found_seq"), m_store->lastSeq()},
                     {QStringLiteral("problem"), head->problem}};
    if (head->record) {
        data.insert(QStringLiteral("recorded_seq"), head->record->seq);
        data.insert(QStringLiteral("recorded_hash"), QString::fromLatin1(head->record->hash.toHex()));
        data.insert(QStringLiteral("recorded_at"), head->record->recorded.toIso());
    }
    draft.data = data;
    // Appended without moving the record (it would refuse: the recorded head is gone), then recorded.
    m_recordHeads = false;
    auto appended = append({std::move(draft)});
    m_recordHeads = true;
    if (!appended)
        return appended.error();
    if (auto r = m_anchor->reset(*m_store, m_clock.now()); !r)
        return r.error();
    return appended->front();
}

std::vector<QuarantineItem> Room::quarantineItems(const std::vector<Refused> &refused, Timestamp now) const
{
    return scrubbedQuarantine(m_anonymiser, refused, now);
}

Result<void> Room::allowedInMode(const Entry &draft) const
{
    // A draft does not know its room's mode: the room is where exercise traffic is kept out of a live log.
    if (info().mode != RoomMode::Exercise && draft.kind.startsWith(QLatin1String("exercise.")))
        return Error{
            QStringLiteral("%1 entries belong to exercise rooms; %2 is a live room").arg(draft.kind, m_path)};
    return {};
}

Result<std::vector<Entry>> Room::prepare(std::vector<Entry> drafts) const
{
    return prepareAt(std::move(drafts), m_clock.now());
}

Result<std::vector<Entry>> Room::prepareAt(std::vector<Entry> drafts, Timestamp now) const
{
    for (Entry &e : drafts) {
        if (auto valid = validateDraft(e); !valid)
            return Error{QStringLiteral("entry %1 of the batch: %2")
                             .arg(&e - drafts.data() + 1)
                             .arg(valid.error().message)};
        if (auto allowed = allowedInMode(e); !allowed)
            return Error{QStringLiteral("entry %1 of the batch: %2")
                             .arg(&e - drafts.data() + 1)
                             .arg(allowed.error().message)};
        // Who wrote is the audit trail: contacts in it are scrubbed, the name is kept.
        e.author = m_anonymiser.scrubText(e.author, Anonymiser::Names::Keep);
        e.role = m_anonymiser.scrubText(e.role, Anonymiser::Names::Keep);
        e.data = m_anonymiser.scrubJson(e.data);
        e.recordTime = now;
        if (e.id.isNull())
            e.id = newEntryId();
    }
    return drafts;
}

Result<std::vector<Entry>> Room::rewindReplica(qint64 keep, const QString &setAside)
{
    auto *file = dynamic_cast<SqliteLogStore *>(m_store.get());
    if (!file || !m_anchor || info().replicaOf.isEmpty())
        return Error{QStringLiteral("%1 is not a desk's replica: its log is never cut").arg(m_path)};
    EntryQuery q;
    q.afterSeq = keep;
    auto tail = m_store->read(q);
    if (!tail)
        return tail.error();
    // Kept before anything is dropped: what the lost server had chained stays readable beside the replica.
    QSaveFile out(setAside);
    if (!out.open(QIODevice::WriteOnly))
        return Error{
            QStringLiteral("%1: cannot write the entries set aside: %2").arg(setAside, out.errorString())};
    for (const Entry &e : *tail) {
        out.write(QJsonDocument(entryToJson(e)).toJson(QJsonDocument::Compact));
        out.write("\n");
    }
    if (!out.commit())
        return Error{
            QStringLiteral("%1: cannot write the entries set aside: %2").arg(setAside, out.errorString())};
    if (auto r = file->rewindReplica(keep); !r)
        return r.error();
    if (m_snapshots)
        m_snapshots.emplace(); // its head went with the tail: it folds again from the last snapshot kept
    if (auto r = m_anchor->reset(*m_store, m_clock.now()); !r)
        return r.error();
    return tail;
}

Result<const Picture *> Room::head()
{
    if (!m_snapshots)
        return Error{
            QStringLiteral("%1: this process's picture is kept by its console, not by the room").arg(m_path)};
    if (auto r = m_snapshots->catchUp(*m_store); !r)
        qWarning().noquote() << QStringLiteral("%1: %2").arg(m_path,
                                                             r.error().message); // a snapshot not written
    if (!m_snapshots->head())
        return Error{QStringLiteral("%1: the room's picture cannot be folded").arg(m_path)};
    return &*m_snapshots->head();
}

Result<const Picture *> Room::fusionHead()
{
    if (m_snapshots && !m_fusionTrail) {
        m_fusionTrail = true;
        if (auto r = m_snapshots->keepFusionTrail(*m_store); !r)
            return r.error();
    }
    return head();
}

Result<void> Room::reloadHead()
{
    auto *file = dynamic_cast<SqliteLogStore *>(m_store.get());
    if (!file)
        return {};
    if (auto r = file->reloadHead(); !r)
        return r;
    if (m_snapshots) {
        m_snapshots.emplace();
        if (m_fusionTrail)
            return m_snapshots->keepFusionTrail(*m_store);
    }
    return {};
}

Result<void> Room::replicate(const std::vector<Entry> &chained)
{
    if (chained.empty())
        return {};
    if (!m_anchor)
        return Error{QStringLiteral("%1 is not a room file: only a room file can be a replica").arg(m_path)};
    // Check the server's chain before storing a byte of it: a copy that is not the server's would verify
    // here (the store chains it again) and hide the difference.
    qint64 seq = m_store->lastSeq();
    QByteArray prev = m_store->lastHash();
    QByteArray scratch;
    std::vector<Entry> drafts;
    drafts.reserve(chained.size());
    for (const Entry &e : chained) {
        Entry check = e;
        if (e.seq != seq + 1 || e.room != info().id || e.mode != info().mode)
            return Error{QStringLiteral("%1: the server sent seq %2 of room %3 after seq %4 of room %5; the "
                                        "replica keeps what it has")
                             .arg(m_path)
                             .arg(e.seq)
                             .arg(e.room)
                             .arg(seq)
                             .arg(info().id)};
        (void)chainEntry(check, prev, scratch);
        if (check.hash != e.hash || e.prevHash != prev)
            return Error{QStringLiteral("%1: seq %2 from the server does not link to this replica's chain or "
                                        "does not match its hash; the replica keeps what it has")
                             .arg(m_path)
                             .arg(e.seq)};
        prev = e.hash;
        ++seq;
        drafts.push_back(e);
    }
    auto stored = m_store->append(std::move(drafts));
    if (!stored)
        return stored.error();
    if (stored->size() != chained.size() || stored->back().seq != chained.back().seq ||
        stored->back().hash != chained.back().hash)
        return Error{
            QStringLiteral("%1: the replica stored the server's entries at other places (an entry id "
                           "it held already?); run `vigie-cli verify` on it")
                .arg(m_path)};
    keepSnapshots(*stored);
    recordHead(*stored);
    return {};
}

Result<std::vector<Entry>> Room::append(std::vector<Entry> drafts, const std::vector<Refused> &refused)
{
    if (auto w = writable(info(), m_path); !w)
        return w.error();
    const Timestamp now = m_clock.now();
    auto prepared = prepareAt(std::move(drafts), now);
    if (!prepared)
        return prepared.error();
    drafts = std::move(*prepared);
    auto appended = m_store->append(std::move(drafts), quarantineItems(refused, now));
    if (!appended)
        return appended;
    keepSnapshots(*appended);
    recordHead(*appended);
    return appended;
}

Result<FeedAppend> Room::appendFeed(std::vector<FeedArrival> arrivals, const std::vector<Refused> &refused)
{
    if (auto w = writable(info(), m_path); !w)
        return w.error();
    const Timestamp now = m_clock.now();
    for (FeedArrival &a : arrivals)
        for (Entry &e : a.drafts) {
            if (auto valid = validateDraft(e); !valid)
                return Error{QStringLiteral("%1: %2").arg(a.source, valid.error().message)};
            if (auto allowed = allowedInMode(e); !allowed)
                return Error{QStringLiteral("%1: %2").arg(a.source, allowed.error().message)};
            // Who wrote is the audit trail: contacts in it are scrubbed, the name is kept.
            e.author = m_anonymiser.scrubText(e.author, Anonymiser::Names::Keep);
            e.role = m_anonymiser.scrubText(e.role, Anonymiser::Names::Keep);
            e.data = m_anonymiser.scrubJson(e.data);
            e.recordTime = now;
        }
    auto appended = m_store->appendFeed(std::move(arrivals), now, quarantineItems(refused, now));
    if (!appended)
        return appended;
    keepSnapshots(appended->appended);
    recordHead(appended->appended);
    return appended;
}

Result<qint64> Room::storeSnapshot(const Picture &picture)
{
    Snapshot snapshot = snapshotOf(picture);
    const qint64 bytes = snapshot.picture.size();
    if (auto r = m_store->saveSnapshot(snapshot); !r)
        return r.error();
    return bytes;
}

Result<void> Room::quarantine(const QString &source, const std::vector<Rejected> &items)
{
    if (items.empty())
        return {};
    if (auto w = writable(info(), m_path); !w)
        return w.error();
    auto r = m_store->append({}, quarantineItems({{source, items}}, m_clock.now()));
    if (!r)
        return r.error();
    return {};
}

} // namespace vigie
