#include "room/replay_manager.h"

#include "picture/replay_cursor.h"
#include "room/picture_manager.h"
#include "store/sqlite_log_store.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <utility>

namespace vigie {

/// What the GUI thread and the replay's thread share: the one request not taken yet.
struct ReplayManager::Shared
{
    struct Request
    {
        quint64 id = 0;
        quint64 epoch = 0;
        Timestamp at;
        qint64 horizon = 0;
        bool reset = false;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::optional<Request> pending;
    bool stop = false;
};

namespace {

constexpr int activityBuckets = 300;

} // namespace

ReplayManager::ReplayManager(PictureManager &manager, QObject *parent)
    : QObject(parent), m_manager(manager), m_shared(std::make_shared<Shared>())
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, &ReplayManager::tick);
    // New entries may belong to the time shown (late reports, or a time near now): the picture is asked
    // again with the new horizon, which moves the cursor forward only.
    connect(&manager, &PictureManager::entriesAppended, this, [this] {
        if (!m_active)
            return;
        if (!m_playing)
            request();
        // The bars follow the room as it grows, counted again at most every 30 s (a whole-table aggregate);
        // at once when they were counted on an empty log (a room whose first entries come during the replay).
        if (m_counted.isValid() && (m_counted.elapsed() > 30'000 || m_activity.counts.empty()))
            refreshActivity();
    });
    // The log's end was replaced (a replica rewound): the cursor's prefix may hold entries that are gone.
    connect(&manager, &PictureManager::reloaded, this, [this] {
        if (m_active && m_manager.replaying()) {
            ++m_epoch;
            request(true);
        }
    });
}

ReplayManager::~ReplayManager()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stop = true;
    }
    m_shared->wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

Timestamp ReplayManager::first() const
{
    return m_activity.counts.empty() ? m_manager.livePicture().maxEventTime : m_activity.first;
}

Timestamp ReplayManager::last() const
{
    return std::max(m_activity.last, m_manager.livePicture().maxEventTime);
}

void ReplayManager::enter(Timestamp t)
{
    if (!m_active) {
        m_active = true;
        ++m_epoch;
        m_at = t;
        m_shownAt = t;
        if (!m_thread.joinable()) {
            // The thread opens its own connection to the room file and keeps it: one owner per connection.
            m_thread = std::thread([shared = m_shared, path = m_manager.location(), self = this] {
                auto opened = SqliteLogStore::open(path);
                std::unique_ptr<ReplayCursor> cursor;
                if (opened)
                    cursor = std::make_unique<ReplayCursor>(**opened);
                for (;;) {
                    Shared::Request request;
                    {
                        std::unique_lock lock(shared->mutex);
                        shared->wake.wait(lock, [&] { return shared->stop || shared->pending.has_value(); });
                        if (shared->stop)
                            return;
                        request = *shared->pending;
                        shared->pending.reset();
                    }
                    std::shared_ptr<Picture> picture;
                    std::vector<Entry> recent;
                    QString error;
                    if (!opened) {
                        error = opened.error().message;
                    } else {
                        if (request.reset)
                            cursor->reset();
                        auto frame = cursor->frameAt(request.at, request.horizon);
                        if (frame) {
                            picture = std::make_shared<Picture>(std::move(frame->picture));
                            recent = std::move(frame->recent);
                        } else {
                            error = frame.error().message;
                        }
                    }
                    // Posted to the manager's thread; the manager joins this thread before it goes, and Qt
                    // drops what was posted to an object that is gone.
                    QMetaObject::invokeMethod(
                        self,
                        [self, request, picture = std::move(picture), recent = std::move(recent),
                         error]() mutable {
                            self->frameReady(request.id, request.epoch, request.at, std::move(picture),
                                             std::move(recent), error);
                        },
                        Qt::QueuedConnection);
                }
            });
        }
        Q_EMIT activeChanged(true);
        refreshActivity();
    }
    seek(t);
}

void ReplayManager::leave()
{
    if (!m_active)
        return;
    pause();
    m_active = false;
    ++m_epoch;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->pending.reset();
    }
    m_shown = m_requested;
    m_recent.clear();
    m_manager.showLive();
    Q_EMIT activeChanged(false);
}

void ReplayManager::seek(Timestamp t)
{
    if (!m_active)
        return;
    // Until the activity is counted the span's start is not known: only the end bounds the time. A log
    // with no entry yet bounds nothing: the time asked is kept (its picture is the empty one), not taken
    // to the epoch.
    const qint64 hi = last().msecs;
    if (hi == 0 && m_activity.counts.empty() && m_manager.livePicture().lastSeq == 0) {
        m_at = t;
        Q_EMIT timeChanged(m_at);
        request();
        return;
    }
    const qint64 lo = m_activity.counts.empty() ? std::min(t.msecs, hi) : std::min(first().msecs, hi);
    m_at = Timestamp{std::clamp(t.msecs, lo, hi)};
    Q_EMIT timeChanged(m_at);
    request();
}

void ReplayManager::step(qint64 ms)
{
    seek(Timestamp{m_at.msecs + ms});
}

void ReplayManager::play()
{
    if (!m_active || m_playing)
        return;
    if (m_at.msecs >= last().msecs) // at the end: play again from the start
        seek(first());
    m_playing = true;
    m_clock.start();
    m_lastTickMs = 0;
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void ReplayManager::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void ReplayManager::setSpeed(int factor)
{
    if (std::find(std::begin(speeds), std::end(speeds), factor) == std::end(speeds) || factor == m_speed)
        return;
    m_speed = factor;
    Q_EMIT speedChanged(factor);
}

void ReplayManager::tick()
{
    // Room time follows the wall clock times the speed, whatever the timer's jitter.
    const qint64 now = m_clock.elapsed();
    const qint64 advance = (now - m_lastTickMs) * m_speed;
    m_lastTickMs = now;
    const qint64 end = last().msecs;
    m_at = Timestamp{std::min(m_at.msecs + advance, end)};
    Q_EMIT timeChanged(m_at);
    request();
    if (m_at.msecs >= end)
        pause();
}

void ReplayManager::request(bool reset)
{
    Shared::Request r;
    r.id = ++m_requested;
    r.epoch = m_epoch;
    r.at = m_at;
    // Only what the console folded and verified; a later entry joins once the live picture has it.
    r.horizon = m_manager.livePicture().lastSeq;
    r.reset = reset;
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->pending && m_shared->pending->reset)
            r.reset = true; // a reset not taken yet still holds
        m_shared->pending = r;
    }
    m_shared->wake.notify_one();
}

void ReplayManager::frameReady(quint64 id, quint64 epoch, Timestamp at, std::shared_ptr<Picture> picture,
                               std::vector<Entry> recent, const QString &error)
{
    if (epoch != m_epoch || !m_active || id <= m_shown)
        return; // from before an enter, leave or reload, or older than the picture shown
    m_shown = id;
    if (!picture) {
        Q_EMIT errorOccurred(error);
        return;
    }
    m_shownAt = at;
    m_recent = std::move(recent);
    m_manager.showReplay(std::move(picture), at);
    Q_EMIT frameShown(at);
}

void ReplayManager::refreshActivity()
{
    if (m_counting) {
        // A count under way may have read the log before these entries: the bars of a log that was empty
        // would stay empty until the next half-minute.
        m_countAgain = true;
        return;
    }
    m_counting = true;
    m_counted.start();
    QPointer<ReplayManager> self(this);
    QThreadPool::globalInstance()->start(
        [self, path = m_manager.location(), horizon = m_manager.livePicture().lastSeq] {
            auto counted = logActivity(path, activityBuckets, horizon);
            // Posted to the application's thread, where `self` is checked (a QPointer is read on its own
            // object's thread only).
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, counted = std::move(counted)] {
                    if (!self)
                        return;
                    self->m_counting = false;
                    const bool again = std::exchange(self->m_countAgain, false);
                    if (!counted) {
                        Q_EMIT self->errorOccurred(counted.error().message);
                        return;
                    }
                    self->m_activity = *counted;
                    Q_EMIT self->activityChanged();
                    if (again && self->m_active)
                        self->refreshActivity();
                },
                Qt::QueuedConnection);
        });
}

} // namespace vigie
