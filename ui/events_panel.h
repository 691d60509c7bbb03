#pragma once
// The "Événements prévus" dock: the calendar of planned events (event.plan entries in force), sorted by
// start and filtered by period, each with the count of its clashes; under it the "Conflits de calendrier",
// each with its reason in words. The clash check (core/anticipation/clash.h) runs on a worker thread from a
// copy of the calendar whenever the calendar changes. Importing a file (CSV or iCalendar) reads and plans
// on a worker, then writes through the console's one writer (PictureManager::append: the room file's writer
// thread, or a shared room's desk link and its queue), refused rows going to the room's quarantine with the
// entries; like every write, it is refused while the console replays the past.
#include "anticipation/clash.h"
#include "maps/map_view.h"
#include "privacy/anonymiser.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

class EventsPanel : public QWidget
{
    Q_OBJECT
public:
    /// `network` (may be null: the access of stations and hospitals is then not checked) must outlive the
    /// panel. `anonymiser` is the room's: imported events are compared with the calendar as the room
    /// stores them.
    EventsPanel(PictureManager &manager, Anonymiser anonymiser, const routing::RoadNetwork *network,
                QWidget *parent = nullptr);
    ~EventsPanel() override;

    /// Asks for a file and imports it (a progress dialog while it runs).
    void importInteractively();
    /// Reads and plans `file` on a worker, then writes through the console's writer; importFinished follows
    /// with a summary, or why nothing was written.
    void importFile(const QString &file);
    // True from the start of a check until its result is shown: the worker may be done while its
    // `finished` signal still waits in the event queue.
    [[nodiscard]] bool checking() const { return m_checking; }
    /// Opens the first-aid sizing (RNMSC-DPS) for the selected event, with its name, date, place, organiser
    /// and expected public; returns the dialog (null when no event is selected).
    class DpsDialog *sizeFirstAidCover();

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QTreeWidget *clashList() const { return m_clashes; }
    [[nodiscard]] const std::vector<anticipation::Clash> &clashes() const { return m_found; }

Q_SIGNALS:
    /// An event was picked in the list: where to show it.
    void placeChosen(vigie::GeoPoint where);
    /// What the map draws: the calendar's events in the period, in clash or not.
    void shapesChanged(const std::vector<vigie::maps::MapPlannedEvent> &shapes);
    void clashesChecked();
    void importFinished(const QString &summary);

private:
    void calendarMaybeChanged();
    void startCheck();
    void onChecked();
    void fill();
    void showDetails(bool centre);
    [[nodiscard]] std::pair<Timestamp, Timestamp> period() const;

    PictureManager &m_manager;
    Anonymiser m_anonymiser;
    const routing::RoadNetwork *m_network;
    std::map<QString, PlannedEvent> m_calendar; ///< the copy shown and checked
    std::vector<anticipation::Clash> m_found;
    QFutureWatcher<std::vector<anticipation::Clash>> m_watcher;
    bool m_again = false;    ///< the calendar changed while a check ran
    bool m_checking = false; ///< a check started and its result not yet shown
    bool m_shown = false;    ///< the calendar was shown once
    QComboBox *m_period = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_dps = nullptr;
    QTreeWidget *m_clashes = nullptr;
};

} // namespace vigie::ui
