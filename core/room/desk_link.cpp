#include "room/desk_link.h"

#include "room/desk_queue_p.h"
#include "room/quarantine_items.h"
#include "store/pg_log_store.h"
#include "store/pg_url.h"
#include "store/sqlite_db.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QStandardPaths>

#include <fcntl.h>
#include <poll.h>

#include <future>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <unistd.h>

namespace vigie {

namespace {

qint64 monotonicMs()
{
    static const QElapsedTimer started = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return started.elapsed();
}

/// A desk must notice a dead link within seconds, not the system's TCP timeouts (minutes): libpq's own
/// settings, unless the URL sets them.
QString withDeskTimeouts(QString conninfo)
{
    const std::pair<const char *, const char *> defaults[] = {
        {"connect_timeout", "10"},    {"tcp_user_timeout", "6000"}, {"keepalives_idle", "5"},
        {"keepalives_interval", "2"}, {"keepalives_count", "2"},
    };
    for (const auto &[key, value] : defaults) {
        if (conninfo.contains(QLatin1String(key) + QLatin1Char('=')))
            continue;
        conninfo += conninfo.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
        conninfo += QLatin1String(key) + QLatin1Char('=') + QLatin1String(value);
    }
    return conninfo;
}

} // namespace

// The server side of the link: the room on the server, reconnected by replacing it.
class DeskLink::Server
{
public:
    PgLocation where;
    std::unique_ptr<PgLogStore> store;
    std::optional<PgLocation> readWhere; ///< a standby, when the URL names several hosts
    std::unique_ptr<PgLogStore> reader;
};

QString DeskLink::defaultReplicaPath(const QString &url, const QString &desk)
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/replicas");
    auto where = parsePgUrl(url);
    const QString room = where ? where->room : QStringLiteral("room");
    QString safe;
    for (const QChar c : QString(room + QLatin1Char('-') + desk))
        safe += c.isLetterOrNumber() || c == QLatin1Char('-') ? c : QLatin1Char('_');
    // One file per server, database and room: the room's name alone may exist on several servers.
    const QByteArray server = where ? where->server.toUtf8() : url.toUtf8();
    const QString tag =
        QString::fromLatin1(QCryptographicHash::hash(server, QCryptographicHash::Sha256).toHex().left(12));
    return dir + QLatin1Char('/') + safe + QLatin1Char('-') + tag + QStringLiteral(".vigie");
}

DeskLink::DeskLink(DeskLinkOptions options, const Clock &clock)
    : m_options(std::move(options)), m_clock(clock)
{}

Result<std::unique_ptr<DeskLink>> DeskLink::start(const DeskLinkOptions &options, const Clock &clock,
                                                  const Progress &progress)
{
    DeskLinkOptions o = options;
    if (o.replicaPath.isEmpty())
        o.replicaPath = defaultReplicaPath(o.url, o.desk);
    auto where = parsePgUrl(o.url);
    if (!where)
        return where.error();
    where->conninfo = withDeskTimeouts(where->conninfo);
    std::unique_ptr<DeskLink> link(new DeskLink(o, clock));
    QDir().mkpath(QFileInfo(o.replicaPath).absolutePath());
    // One link per replica: a second console of the same desk would send the same queue twice over.
    link->m_lockFd = ::open(QFile::encodeName(o.replicaPath + QStringLiteral(".lock")).constData(),
                            O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (link->m_lockFd < 0 || ::flock(link->m_lockFd, LOCK_EX | LOCK_NB) != 0)
        return Error{QStringLiteral("%1 is in use by another console or desk of this machine; give this one "
                                    "another desk name (--desk) or replica (--replica)")
                         .arg(o.replicaPath)};
    link->m_server = std::make_unique<Server>();
    link->m_server->where = *where;
    const PgLocation location = *where;
    if (o.readFromStandby && location.server.section(QLatin1Char('/'), 0, 0).contains(QLatin1Char(','))) {
        PgLocation standby = location;
        QString &c = standby.conninfo;
        const qsizetype at = c.indexOf(QLatin1String("target_session_attrs="));
        if (at >= 0) {
            const qsizetype end = c.indexOf(QLatin1Char('&'), at);
            c.remove(at, (end < 0 ? c.size() : end + 1) - at);
            if (c.endsWith(QLatin1Char('&')) || c.endsWith(QLatin1Char('?')))
                c.chop(1);
        }
        c += c.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
        c += QStringLiteral("target_session_attrs=prefer-standby");
        link->m_server->readWhere = standby;
    }

    if (QFileInfo::exists(o.replicaPath)) {
        auto replica = Room::open(o.replicaPath, clock, o.snapshots);
        if (!replica)
            return replica.error();
        link->m_replica = std::move(*replica);
        auto server = PgLogStore::open(location);
        if (server) {
            if ((*server)->room().id != link->m_replica->info().id)
                return Error{QStringLiteral("%1 is the replica of another room (%2) than %3 (%4); give the "
                                            "desk another replica file")
                                 .arg(o.replicaPath, link->m_replica->info().id, location.server,
                                      (*server)->room().id)};
            link->m_server->store = std::move(*server);
        } else {
            link->m_status.problem = server.error().message;
        }
    } else {
        // The first time: the room's identity and secret come from the server, which must answer.
        auto server = PgLogStore::open(location);
        if (!server)
            return Error{
                QStringLiteral("%1; this desk has no copy of the room yet, so it needs the server once")
                    .arg(server.error().message)};
        auto secret = (*server)->secret();
        if (!secret)
            return secret.error();
        RoomInfo info = (*server)->room();
        info.replicaOf = location.server;
        auto replica = Room::createReplica(o.replicaPath, info, *secret, clock, o.snapshots);
        if (!replica)
            return replica.error();
        link->m_replica = std::move(*replica);
        link->m_server->store = std::move(*server);
    }
    link->m_info = link->m_replica->info();
    auto queue = Queue::open(queuePath(o.replicaPath));
    if (!queue)
        return queue.error();
    link->m_queue = std::move(*queue);
    auto queued = link->m_queue->front(-1);
    if (!queued)
        return queued.error();
    for (auto &row : *queued)
        link->m_pending.push_back(std::move(row.draft));

    link->m_status.replicaSeq = link->m_replica->store().lastSeq();
    link->m_status.pending = qint64(link->m_pending.size());
    if (link->m_server->store) {
        QString problem;
        if (auto rejoined = link->rejoinIfDiverged(); !rejoined)
            problem = rejoined.error().message;
        else if (auto caught = link->catchUp(progress); !caught)
            problem = caught.error().message;
        if (!problem.isEmpty()) {
            link->m_server->store.reset();
            link->m_status.problem = problem;
        }
    }
    link->m_status.online = link->m_server->store != nullptr;
    if (link->m_status.online)
        link->openReader();
    if (!link->m_status.online)
        link->m_status.offlineSince = clock.now();

    link->m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (link->m_wakeFd < 0)
        return Error{QStringLiteral("cannot create the desk link's wake-up descriptor")};
    DeskLink *raw = link.get();
    link->m_thread = std::thread([raw] { raw->run(); });
    return link;
}

DeskLink::~DeskLink()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    wake();
    if (m_thread.joinable())
        m_thread.join();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

void DeskLink::wake()
{
    if (m_wakeFd >= 0) {
        const quint64 one = 1;
        [[maybe_unused]] const auto n = ::write(m_wakeFd, &one, sizeof one);
    }
}

void DeskLink::append(std::vector<Entry> drafts, std::vector<Refused> refused, QObject *context, Done done)
{
    QPointer<QObject> answerTo(context);
    Request r{std::move(drafts), std::move(refused),
              [answerTo, done = std::move(done)](const Result<std::vector<Entry>> &queued) {
                  if (!answerTo || !done)
                      return;
                  QMetaObject::invokeMethod(
                      answerTo.data(), [done, queued] { done(queued); }, Qt::QueuedConnection);
              }};
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(std::move(r));
    }
    wake();
}

void DeskLink::keepSnapshot(std::shared_ptr<const Picture> picture, QObject *context, SnapshotDone done)
{
    QPointer<QObject> answerTo(context);
    {
        std::lock_guard lock(m_mutex);
        m_snapshotRequests.push_back([this, picture = std::move(picture), answerTo, done = std::move(done)] {
            auto stored = m_replica->storeSnapshot(*picture);
            if (!answerTo || !done)
                return;
            QMetaObject::invokeMethod(
                answerTo.data(), [done, stored] { done(stored); }, Qt::QueuedConnection);
        });
    }
    wake();
}

Result<std::vector<Entry>> DeskLink::enqueue(std::vector<Entry> drafts)
{
    std::mutex m;
    std::condition_variable cv;
    std::optional<Result<std::vector<Entry>>> answer;
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back({std::move(drafts), {}, [&](const Result<std::vector<Entry>> &queued) {
                                  std::lock_guard l(m);
                                  answer = queued;
                                  cv.notify_one();
                              }});
    }
    wake();
    std::unique_lock l(m);
    cv.wait(l, [&] { return answer.has_value(); });
    return std::move(*answer);
}

std::vector<Entry> DeskLink::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_pending;
}

DeskStatus DeskLink::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

void DeskLink::setObserver(std::function<void()> observer)
{
    std::lock_guard lock(m_mutex);
    m_observer = std::move(observer);
}

bool DeskLink::readsFromStandby() const
{
    std::lock_guard lock(m_mutex);
    return m_readsFromStandby;
}

void DeskLink::openReader()
{
    if (!m_server->readWhere || m_server->reader || monotonicMs() < m_nextReaderTryMs)
        return;
    m_nextReaderTryMs = monotonicMs() + 10000;
    auto reader = PgLogStore::open(*m_server->readWhere);
    // No standby answering (prefer-standby then lands on the primary), or one of another room, only means
    // reading from the primary.
    if (reader && (*reader)->onStandby() && (*reader)->room().id == m_info.id)
        m_server->reader = std::move(*reader);
}

bool DeskLink::waitForSync(int timeoutMs)
{
    // Two rounds: the one under way may have started before the caller's last entries were queued. The
    // thread is woken for each, rather than left to its next head read.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    std::unique_lock lock(m_mutex);
    const qint64 target = m_rounds + 2;
    for (qint64 next = m_rounds + 1; next <= target; ++next) {
        lock.unlock();
        wake();
        lock.lock();
        if (!m_changed.wait_until(lock, deadline, [&] { return m_rounds >= next; }))
            return false;
    }
    return true;
}

void DeskLink::publish()
{
    std::function<void()> observer;
    {
        std::lock_guard lock(m_mutex);
        m_status.replicaSeq = m_replica->store().lastSeq();
        m_status.pending = qint64(m_pending.size());
        observer = m_observer;
    }
    m_changed.notify_all();
    if (observer)
        observer();
}

void DeskLink::serveRequests()
{
    std::deque<Request> requests;
    std::deque<std::function<void()>> snapshots;
    {
        std::lock_guard lock(m_mutex);
        requests.swap(m_requests);
        snapshots.swap(m_snapshotRequests);
    }
    for (auto &store : snapshots)
        store();
    if (requests.empty())
        return;
    for (Request &r : requests) {
        auto prepared = m_replica->prepare(std::move(r.drafts));
        if (prepared) {
            const auto refused = scrubbedQuarantine(m_replica->anonymiser(), r.refused, m_clock.now());
            if (auto stored = m_queue->push(*prepared, refused); !stored)
                prepared = stored.error();
        }
        if (prepared) {
            std::lock_guard lock(m_mutex);
            m_pending.insert(m_pending.end(), prepared->begin(), prepared->end());
            m_status.pending = qint64(m_pending.size());
        }
        // Acknowledged once in the queue file: stored at this desk, to be chained by the server.
        r.answer(prepared);
    }
    publish();
}

Result<qint64> DeskLink::catchUp(const Progress &progress, bool fromStandby)
{
    PgLogStore &server = fromStandby && m_server->reader ? *m_server->reader : *m_server->store;
    auto fetch = [&server, page = m_options.page](qint64 after) {
        EntryQuery q;
        q.afterSeq = after;
        q.limit = page;
        return server.read(q);
    };
    // Reading the next page from the server overlaps storing this one in the replica: a desk back from a
    // long absence waits for the slower of the two, not for their sum. The server's connection is used by
    // one thread at a time (the fetch under way), the replica's by this one.
    auto next = std::async(std::launch::async, fetch, m_replica->store().lastSeq());
    qint64 total = 0;
    for (;;) {
        auto page = next.get();
        if (!page)
            return page.error();
        if (page->empty())
            return total;
        const bool more = qint64(page->size()) >= m_options.page;
        if (more)
            next = std::async(std::launch::async, fetch, page->back().seq);
        if (auto r = m_replica->replicate(*page); !r)
            return r.error(); // the fetch under way ends before `next` goes
        total += qint64(page->size());
        if (progress)
            progress(m_replica->store().lastSeq(), 0);
        if (!more)
            return total;
    }
}

Result<void> DeskLink::copyQuarantine()
{
    // Refused input stays on the server, where it was refused; the desk's Feeds dock reads a copy. The rows
    // are copied after the last one copied (its server id kept in the queue file), already scrubbed.
    auto after = m_queue->state("quarantine_copied");
    if (!after)
        return after.error();
    for (;;) {
        auto rows = m_server->store->quarantinedAfter(*after, 1000);
        if (!rows)
            return rows.error();
        if (rows->empty())
            return {};
        for (const QuarantineItem &item : *rows)
            if (auto r = m_replica->store().quarantine(item); !r)
                return r.error();
        *after = rows->back().id;
        if (auto r = m_queue->setState("quarantine_copied", *after); !r)
            return r;
    }
}

Result<void> DeskLink::sendRefused()
{
    auto rows = m_queue->refused();
    if (!rows)
        return rows.error();
    if (rows->empty())
        return {};
    std::vector<QuarantineItem> items;
    items.reserve(rows->size());
    for (const auto &row : *rows)
        items.push_back(row.item);
    if (auto sent = m_server->store->append({}, std::move(items)); !sent)
        return sent.error();
    // The server's rows come back to the replica with the others' (copyQuarantine).
    m_nextHeartbeatMs = 0;
    return m_queue->removeRefusedThrough(rows->back().pos);
}

Result<void> DeskLink::sendQueue()
{
    // What a batch refused goes first: the entries written with it are then never in the room without it.
    if (auto r = sendRefused(); !r)
        return r;
    for (;;) {
        auto rows = m_queue->front(m_options.batch);
        if (!rows)
            return rows.error();
        if (rows->empty())
            return {};
        std::vector<Entry> drafts;
        drafts.reserve(rows->size());
        for (const auto &row : *rows)
            drafts.push_back(row.draft);
        // Sent as prepared at the desk: same ids (a batch sent again after a lost reply is stored once), same
        // event and record times.
        auto sent = m_server->store->append(std::move(drafts));
        if (!sent)
            return sent.error();
        // The batch leaves the queue only once the replica holds it, as the server stored it.
        if (auto caught = catchUp(); !caught)
            return caught.error();
        if (!sent->empty()) {
            EntryQuery q;
            q.afterSeq = sent->back().seq - 1;
            q.limit = 1;
            auto held = m_replica->store().read(q);
            if (!held)
                return held.error();
            if (held->empty() || held->front().id != sent->back().id)
                return Error{
                    QStringLiteral("%1: the server stored entry %2 at seq %3, which this desk's replica "
                                   "does not hold there: the server's chain and the replica's part "
                                   "(the server lost commits?); the desk reconnects to compare them")
                        .arg(m_options.replicaPath, sent->back().id.toString(QUuid::WithoutBraces))
                        .arg(sent->back().seq)};
        }
        if (auto r = m_queue->removeThrough(rows->back().pos); !r)
            return r;
        {
            std::lock_guard lock(m_mutex);
            m_pending.erase(m_pending.begin(),
                            m_pending.begin() + std::min<std::ptrdiff_t>(std::ptrdiff_t(rows->size()),
                                                                         std::ptrdiff_t(m_pending.size())));
            m_status.pending = qint64(m_pending.size());
        }
        publish();
    }
}

Result<void> DeskLink::rejoinIfDiverged()
{
    const qint64 mine = m_replica->store().lastSeq();
    if (mine == 0)
        return {};
    PgLogStore &server = *m_server->store;
    // A hot standby may simply not have replayed the end yet: only a primary's chain can be said to have
    // lost it (a URL whose hosts are not told apart by target_session_attrs=read-write can land here).
    if (server.onStandby())
        return {};
    auto hashAt = [](const LogStore &store, qint64 seq) -> Result<QByteArray> {
        EntryQuery q;
        q.afterSeq = seq - 1;
        q.limit = 1;
        auto e = store.read(q);
        if (!e)
            return e.error();
        return e->empty() || e->front().seq != seq ? QByteArray() : e->front().hash;
    };
    auto theirs = hashAt(server, mine);
    if (!theirs)
        return theirs.error();
    if (*theirs == m_replica->store().lastHash())
        return {};
    // The chains agree up to some seq and differ after it (hashes chain: equal at a seq, equal before it).
    qint64 agreed = 0, differs = mine;
    while (differs - agreed > 1) {
        const qint64 mid = agreed + (differs - agreed) / 2;
        auto a = hashAt(server, mid);
        if (!a)
            return a.error();
        auto b = hashAt(m_replica->store(), mid);
        if (!b)
            return b.error();
        (!a->isEmpty() && *a == *b ? agreed : differs) = mid;
    }
    const QString aside =
        QStringLiteral("%1.lost-%2.jsonl")
            .arg(m_options.replicaPath,
                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    // Written aside first, then queued again, then dropped: a crash between two steps leaves either the
    // replica as it was (found again at the next start) or the entries queued (each id stored once).
    EntryQuery q;
    q.afterSeq = agreed;
    auto tail = m_replica->store().read(q);
    if (!tail)
        return tail.error();
    if (!tail->empty() && m_clock.now().msecs - tail->front().recordTime.msecs > m_options.maxRewindAgeMs)
        return Error{QStringLiteral("%1: the server's chain parts from this replica's after seq %2, and the "
                                    "entries it lacks were recorded %3 min ago: not a failover's last "
                                    "seconds but a history rewritten. The replica keeps what it has and the "
                                    "desk stays offline; compare the two chains (`vigie-cli log`) before "
                                    "moving the replica aside (the desk's queue is kept)")
                         .arg(m_options.replicaPath)
                         .arg(agreed)
                         .arg((m_clock.now().msecs - tail->front().recordTime.msecs) / 60000)};
    if (auto r = m_queue->pushFront(*tail); !r)
        return r;
    auto dropped = m_replica->rewindReplica(agreed, aside);
    if (!dropped)
        return dropped.error();
    auto queued = m_queue->front(-1);
    if (!queued)
        return queued.error();
    qWarning().noquote() << QStringLiteral(
                                "%1: the server had lost the room's entries after seq %2 that this "
                                "desk had copied (a failover?); %3 entr(ies) are sent again, and "
                                "kept as the lost server chained them in %4")
                                .arg(m_options.replicaPath)
                                .arg(agreed)
                                .arg(dropped->size())
                                .arg(aside);
    {
        std::lock_guard lock(m_mutex);
        m_pending.clear();
        for (auto &row : *queued)
            m_pending.push_back(std::move(row.draft));
        ++m_status.rewinds;
        m_status.lastRewindSeq = agreed;
        m_status.lastRewindResent = qint64(dropped->size());
        m_status.lastRewindFile = aside;
    }
    publish();
    return {};
}

void DeskLink::goOffline(const QString &why)
{
    m_server->store.reset();
    m_server->reader.reset();
    m_retryMs = m_options.retryMs;
    m_nextTryMs = monotonicMs() + m_retryMs;
    {
        std::lock_guard lock(m_mutex);
        if (m_status.online) {
            m_status.online = false;
            m_status.offlineSince = m_clock.now();
        }
        m_status.problem = why;
        for (DeskPresence &p : m_status.presence)
            if (p.desk == m_options.desk)
                p.online = false;
    }
    publish();
}

void DeskLink::tryConnect()
{
    if (monotonicMs() < m_nextTryMs)
        return;
    auto server = PgLogStore::open(m_server->where);
    if (server && (*server)->room().id != m_info.id)
        server =
            Error{QStringLiteral("%1 now holds another room (%2) under this name than this desk's replica "
                                 "(%3); the desk stays offline")
                      .arg(m_server->where.server, (*server)->room().id, m_info.id)};
    if (!server) {
        m_retryMs = std::min(std::max(m_retryMs * 2, m_options.retryMs), m_options.maxRetryMs);
        m_nextTryMs = monotonicMs() + m_retryMs;
        std::lock_guard lock(m_mutex);
        m_status.problem = server.error().message;
        return;
    }
    m_server->store = std::move(*server);
    if (auto r = rejoinIfDiverged(); !r) {
        goOffline(r.error().message);
        return;
    }
    m_nextHeartbeatMs = 0;
    {
        std::lock_guard lock(m_mutex);
        m_status.online = true;
        m_status.problem.clear();
    }
}

bool DeskLink::round()
{
    auto fail = [this](const Error &e) {
        // A refusal on a live link (not a lost one) would come back at every round: keep the queue, say
        // why, and try again after a pause rather than in a loop.
        goOffline(e.message);
        return false;
    };
    // The bulk from a standby if there is one (a lost standby only sends the reads back to the primary),
    // then the tail it has not replayed yet from the primary, which has everything acknowledged.
    openReader();
    if (m_server->reader) {
        if (auto r = catchUp({}, true); !r)
            m_server->reader.reset();
    }
    {
        std::lock_guard lock(m_mutex);
        m_readsFromStandby = m_server->reader != nullptr;
    }
    if (auto r = catchUp(); !r)
        return fail(r.error());
    if (auto r = sendQueue(); !r)
        return fail(r.error());
    if (monotonicMs() >= m_nextHeartbeatMs) {
        if (auto r = copyQuarantine(); !r)
            return fail(r.error());
        if (auto r = m_server->store->heartbeat(m_options.desk, m_options.agency); !r)
            return fail(r.error());
        auto desks = m_server->store->desks();
        if (!desks)
            return fail(desks.error());
        std::vector<DeskPresence> presence;
        for (const auto &d : *desks) {
            const bool online = !d.gone && d.silentMs < 3 * m_options.heartbeatMs;
            presence.push_back({d.desk, d.agency, online ? d.since : d.lastSeen, d.lastSeen, online});
        }
        std::lock_guard lock(m_mutex);
        m_status.presence = std::move(presence);
        m_nextHeartbeatMs = monotonicMs() + m_options.heartbeatMs;
    }
    {
        std::lock_guard lock(m_mutex);
        m_status.online = true;
        m_status.problem.clear();
        if (m_pending.empty() && m_requests.empty())
            ++m_rounds;
    }
    publish();
    return true;
}

void DeskLink::run()
{
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                break;
        }
        serveRequests();
        if (!m_server->store)
            tryConnect();
        if (m_server->store)
            round();
        // Wait for news from the server, a request from this desk, or the next heartbeat, head read or
        // reconnection attempt.
        quint64 drained = 0;
        if (m_server->store) {
            const qint64 untilHeartbeat = std::max<qint64>(0, m_nextHeartbeatMs - monotonicMs());
            const int timeout = int(std::min<qint64>(m_options.headPollMs, untilHeartbeat));
            auto news = m_server->store->waitForNotification(timeout, m_wakeFd);
            if (!news)
                goOffline(news.error().message);
        } else {
            pollfd fd{m_wakeFd, POLLIN, 0};
            const qint64 untilRetry = std::max<qint64>(0, m_nextTryMs - monotonicMs());
            (void)::poll(&fd, 1, int(std::min<qint64>(untilRetry, 1000)));
        }
        [[maybe_unused]] const auto n = ::read(m_wakeFd, &drained, sizeof drained);
    }
    // Leaving: whatever was handed over is stored in the queue; the server hears that this desk left.
    serveRequests();
    if (m_server->store) {
        (void)sendQueue();
        (void)m_server->store->heartbeat(m_options.desk, m_options.agency, true);
    }
}

} // namespace vigie
