#pragma once
// Replay in the console: wires a ReplayManager to the main window. Affichage › Relecture (Ctrl+R) opens and
// closes it; while it lasts, a violet banner at the top says "RELECTURE — 14/07/2026 22:13:05" (the time of
// the picture shown), the timeline bar sits under the map, the status bar turns violet, the title says so,
// the log shows the picture's latest entries and scrolls to them, and the desk's writing actions are greyed
// (the picture manager refuses any write that gets through). "Revenir au direct" ends it.
#include <QObject>

class QAction;
class QLabel;

namespace vigie {
class ReplayManager;
}

namespace vigie::ui {

class MainWindow;
class TimelineBar;

class ReplayControls : public QObject
{
    Q_OBJECT
public:
    /// Adds the menu entry, the banner and the bar (hidden until a replay starts) to `window`.
    ReplayControls(MainWindow &window, ReplayManager &replay);
    [[nodiscard]] TimelineBar *bar() const { return m_bar; }
    [[nodiscard]] QLabel *banner() const { return m_banner; }
    [[nodiscard]] QAction *toggleAction() const { return m_toggle; }
    /// An action that writes to the room beyond the main window's own (greyed while replaying).
    void addWritingAction(QAction *action);

private:
    void activeChanged(bool active);
    void frameShown();

    MainWindow &m_window;
    ReplayManager &m_replay;
    TimelineBar *m_bar;
    QLabel *m_banner;
    QAction *m_toggle;
    QList<QAction *> m_writing;
    QString m_title; ///< the window's title before the replay
    qint64 m_logShownMs = 0;
};

} // namespace vigie::ui
