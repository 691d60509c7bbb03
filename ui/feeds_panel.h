#pragma once
// The Feeds dock: each feed's health at a glance — messages, repeats (gateways replay), rate, time since the
// last message (so nobody mistakes an old picture for a live one) and refused input with its reasons.
// Kept up to date incrementally (feeds::FeedHealth) from the entries the picture manager folds and the
// quarantine rows read after the last one seen, never by reopening the room file: the same on a room file
// and on a shared room's replica, where repeats are not known and show as "—". Refreshed every few seconds
// and on new entries. A feed can be paused and resumed from here (a feed.control entry in the log): what it
// sends meanwhile is set aside.
#include "feeds/feed_control.h"
#include "feeds/feed_health.h"
#include "model/time.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

class FeedsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        Source,
        Messages,
        Repeats,
        Rate,
        LastMessage,
        Staleness,
        Refused,
        ColumnCount
    };
    /// Older than this, a feed is shown as stale (orange); older than `deadSeconds`, as silent (red).
    static constexpr qint64 staleSeconds = 5 * 60;
    static constexpr qint64 deadSeconds = 30 * 60;
    /// The rate is the distinct messages of the last `rateWindowSeconds`.
    static constexpr qint64 rateWindowSeconds = 5 * 60;
    /// Repeats are counted by the store's bookkeeping, a query over its messages: asked at most this often.
    static constexpr qint64 repeatsEverySeconds = 30;

    explicit FeedsPanel(PictureManager &manager, QWidget *parent = nullptr);

    void refresh();
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    /// "à jour", "ancien (12 min)", "muet depuis 2 h"… for a feed last heard `seconds` ago.
    [[nodiscard]] static QString stalenessText(qint64 seconds);
    [[nodiscard]] QPushButton *pauseButton() const { return m_pause; }
    /// Pauses the selected feed, or resumes it when it is paused (Ctrl+P).
    void togglePause();

private:
    void showRefused();
    void updatePauseButton();
    [[nodiscard]] QString selectedFeed() const;

    PictureManager &m_manager;
    feeds::FeedHealth m_health{rateWindowSeconds * 1000};
    qint64 m_repeatsReadAt = 0; ///< clock time of the last readRepeats, 0 before the first
    QTimer m_timer;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QTextBrowser *m_refused = nullptr;
    QPushButton *m_pause = nullptr;
    feeds::FeedControls m_controls;
};

} // namespace vigie::ui
