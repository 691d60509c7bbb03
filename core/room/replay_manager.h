#pragma once
// Replay: the console shows its room as it was at a chosen time, still or playing forward at a speed, and
// comes back to live. It drives the PictureManager (showReplay / showLive), so the map, the docks and the
// banner follow the past picture through the signals they already follow, and every write is refused
// meanwhile (PictureManager::append).
//
// Pictures are computed on a thread of this object's own that holds its own connection to the room file
// and a ReplayCursor (picture/replay_cursor.h): moving forward steps the cursor's prefix, a jump restores a
// snapshot. A long-lived thread rather than a job per frame because the cursor's prefix is state carried
// from one frame to the next and an SQLite connection belongs to one thread. Requests do not queue: the
// thread always takes the latest one (dragging the slider skips the times it passed), and a result from
// before the last enter, leave or reload is dropped. The log's activity (entries per time bucket) is
// counted by SQLite on the thread pool (store/activity.h).
#include "log/entry.h"
#include "store/activity.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <thread>
#include <vector>

namespace vigie {

class PictureManager;
struct Picture;

class ReplayManager : public QObject
{
    Q_OBJECT
public:
    /// The speeds offered, in room seconds per second.
    static constexpr int speeds[] = {1, 10, 60, 600};

    /// Replays the room `manager` folds, reading its file (PictureManager::location) on the replay's thread.
    explicit ReplayManager(PictureManager &manager, QObject *parent = nullptr);
    ~ReplayManager() override;

    /// Starts replaying at `t` (paused), or moves there if already replaying.
    void enter(Timestamp t);
    /// Back to the live picture; the thread keeps its cursor for the next replay.
    void leave();
    /// Moves to `t`, clamped to the room's span.
    void seek(Timestamp t);
    /// Moves by `ms` (negative: back).
    void step(qint64 ms);
    void play();
    void pause();
    void togglePlay() { m_playing ? pause() : play(); }
    /// One of `speeds`.
    void setSpeed(int factor);

    [[nodiscard]] bool active() const { return m_active; }
    [[nodiscard]] bool playing() const { return m_playing; }
    [[nodiscard]] int speed() const { return m_speed; }
    /// The time asked for (the slider's handle).
    [[nodiscard]] Timestamp at() const { return m_at; }
    /// The time of the picture shown (behind `at` while the thread computes).
    [[nodiscard]] Timestamp shownAt() const { return m_shownAt; }
    /// Whether a picture for a time asked is being computed.
    [[nodiscard]] bool busy() const { return m_requested != m_shown; }
    /// The room's span: from its first event time to the latest of the log and the live picture.
    [[nodiscard]] Timestamp first() const;
    [[nodiscard]] Timestamp last() const;
    [[nodiscard]] const Activity &activity() const { return m_activity; }
    /// The entries of the picture shown, latest last (at most 200): what the log shows while replaying.
    [[nodiscard]] const std::vector<Entry> &recent() const { return m_recent; }
    /// Counts the log's activity again (on the thread pool; activityChanged when done).
    void refreshActivity();

Q_SIGNALS:
    void activeChanged(bool active);
    void playingChanged(bool playing);
    void speedChanged(int factor);
    /// The time asked for changed (seek, step, play).
    void timeChanged(vigie::Timestamp at);
    /// A picture for `at` is shown (PictureManager::picture), with its recent entries.
    void frameShown(vigie::Timestamp at);
    void activityChanged();
    void errorOccurred(const QString &message);

private:
    struct Shared;
    /// Asks the thread for the picture at m_at, replacing any request it has not taken yet.
    void request(bool reset = false);
    void tick();
    void frameReady(quint64 id, quint64 epoch, Timestamp at, std::shared_ptr<Picture> picture,
                    std::vector<Entry> recent, const QString &error);

    PictureManager &m_manager;
    std::shared_ptr<Shared> m_shared;
    std::thread m_thread;
    bool m_active = false;
    bool m_playing = false;
    int m_speed = 60;
    Timestamp m_at;
    Timestamp m_shownAt;
    quint64 m_requested = 0; ///< the last request's id
    quint64 m_shown = 0;     ///< the id of the request whose picture is shown
    quint64 m_epoch = 0;     ///< bumped by enter, leave and reload: older results are dropped
    Activity m_activity;
    bool m_counting = false;
    bool m_countAgain = false; ///< entries came while a count ran on an empty log: count again after it
    QElapsedTimer m_counted;   ///< since the activity was last counted
    std::vector<Entry> m_recent;
    QTimer m_timer; ///< while playing, one tick per screen frame
    QElapsedTimer m_clock;
    qint64 m_lastTickMs = 0;
};

} // namespace vigie
