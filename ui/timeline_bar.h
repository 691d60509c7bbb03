#pragma once
// The replay's bar under the map: the log's activity (entries per time bucket) drawn behind a slider over the
// room's whole span, the buttons to go back to the start, play or pause, choose the speed, and come back to
// live. Times are the room's (Europe/Paris), written as the cell writes them: "14/07/2026 22:13".
// Keys while the bar has the focus: Space plays or pauses, Left/Right step 10 s (Shift: 5 min), Home/End go
// to the start or the end with Ctrl (Home alone recentres the map).
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace vigie {
class ReplayManager;
struct Timestamp;
} // namespace vigie

namespace vigie::ui {

class ActivityTrack;

class TimelineBar : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineBar(ReplayManager &replay, QWidget *parent = nullptr);
    /// "14/07/2026 22:13" (`seconds`: "14/07/2026 22:13:05"), in the room's time zone.
    [[nodiscard]] static QString roomTimeText(qint64 msecs, bool seconds = false);
    [[nodiscard]] ActivityTrack *track() const { return m_track; }
    [[nodiscard]] QPushButton *liveButton() const { return m_live; }

private:
    void updateButtons();
    void updateTime();

    ReplayManager &m_replay;
    ActivityTrack *m_track;
    QToolButton *m_start;
    QToolButton *m_play;
    QToolButton *m_speed;
    QLabel *m_time;
    QPushButton *m_live;
};

/// The slider: bars of activity, the handle at the time asked for, a thin mark at the time shown when it
/// lags. Pressing or dragging moves the replay there.
class ActivityTrack : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityTrack(ReplayManager &replay, QWidget *parent = nullptr);
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
    /// The time at horizontal position `x` of the track, and back.
    [[nodiscard]] qint64 timeAt(int x) const;
    [[nodiscard]] int xOf(qint64 msecs) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    [[nodiscard]] QRect barsRect() const;
    ReplayManager &m_replay;
};

} // namespace vigie::ui
