#pragma once
// The console's main window: the room's mode always visible, the picture in docks around the centre.
#include <QMainWindow>

#include <vector>

class QLabel;
class QTableView;
class QDockWidget;

namespace vigie {
class PictureManager;
struct Incident;
struct Unit;
class DeskLink;
struct Entry;
struct DeskStatus;
} // namespace vigie

namespace vigie::ui {

class UnitsModel;
class IncidentsModel;
class IncidentsPanel;
class LogModel;
class PresencePanel;
class LogPanel;
class ForecastPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(PictureManager &manager, QWidget *parent = nullptr);

    /// Puts a widget (the map) in the centre; the incidents table moves to a dock.
    void setCentralView(QWidget *view);
    /// Larger type and contrast for a wall screen shared by several liaisons.
    void setSharedScreen(bool on);
    [[nodiscard]] bool sharedScreen() const { return m_sharedScreen; }
    QDockWidget *addPanel(const QString &objectName, const QString &title, QWidget *widget,
                          Qt::DockWidgetArea area, const QKeySequence &shortcut = {});

    /// The Interventions list (in the centre until setCentralView moves it to a dock).
    [[nodiscard]] IncidentsPanel *incidentsPanel() const { return m_incidentsPanel; }

    // A desk's corrections of fusion, written to the log (each can be undone). On failure, the reason is
    // in the status bar and nothing is written.
    /// The ids of the incidents selected in the incidents table.
    [[nodiscard]] QStringList selectedIncidents() const;
    /// Joins the selected incidents into the one opened first (Ctrl+J).
    bool joinSelectedIncidents();
    /// Takes `source`'s reports out of `incident`; an empty `source` asks which (Ctrl+Shift+J).
    bool splitIncidentSource(const QString &incident, const QString &source = {});
    /// Undoes the latest join or split in force (Ctrl+Z).
    bool undoLastCorrection();

    // A desk's decisions on an incident, written to the log as the incident's own entries.
    /// The incident a note or decision is about by default: the one selected, if only one is.
    [[nodiscard]] QString noteIncident() const;
    /// Closes `incident` with `text` (why it is over: "feu éteint, fin d'intervention"); the incident leaves
    /// the picture, its history stays in the log (Ctrl+Shift+K asks for the text).
    bool closeIncident(const QString &incident, const QString &text);
    /// Sets the severity (1 to 5) of `incident` (Ctrl+G asks for it).
    bool setIncidentSeverity(const QString &incident, int severity);
    /// A unit's status as its crew reports it by radio (the Units list's menu): `available`, `en_route`
    /// (to `incident`), `on_scene` (where it was sent), `returning` or `unavailable`, written as the unit's
    /// `unit.status` in its service's name, by this desk.
    bool setUnitStatus(const QString &unit, const QString &status, const QString &incident = {});

    /// A shared room's desk: the banner says when the desk works offline and what waits to be sent, the
    /// "Salle" dock lists the room's desks (Ctrl+7). Call showDeskStatus whenever the link's status changes.
    void attachDesk(const QString &deskName);
    /// The room is the session's copy of the demo: the banner and the title say its changes are not kept.
    void markDemo();
    [[nodiscard]] bool isDemo() const { return m_demo; }
    /// The main courante's rows (a replay shows the past's in them).
    [[nodiscard]] LogModel *logModel() const { return m_log; }
    /// The Affichage menu, where panels and views add their entries.
    [[nodiscard]] QMenu *viewMenu() const { return m_viewMenu; }
    /// While the console replays the past, a desk's writing actions are refused: says so in the status bar
    /// and returns true.
    bool refusedInReplay();
    /// The main courante's dock: its filter bar and table.
    [[nodiscard]] LogPanel *logPanel() const { return m_logPanel; }
    void showDeskStatus(const DeskStatus &status);
    /// Anticipation › Prévision des incidents: shows the forecast's dock and computes it (off the GUI
    /// thread).
    void showForecast();
    [[nodiscard]] ForecastPanel *forecastPanel() const { return m_forecast; }
    /// The Anticipation menu (first-aid sizing, forecast): the calendar's actions are added to it.
    [[nodiscard]] QMenu *anticipationMenu() const { return m_anticipationMenu; }

private:
    void buildBanner();
    void buildActions();
    void buildIncidentActions();
    void buildAnticipationMenu();
    void updateBanner();
    /// The red banner when the log stops verifying (PictureManager::damage), hidden otherwise.
    void updateDamage();
    void addNote(const QString &kind);
    /// The one incident selected and still open; else null, and the status bar says why.
    const Incident *selectedIncident();
    /// `id` if it is still open; else null, and the status bar says so.
    const Incident *openIncident(const QString &id);
    bool appendCorrections(std::vector<Entry> drafts, const QString &done);
    void buildUnitActions();
    /// The one unit selected in the Units list; else null, and the status bar says why.
    [[nodiscard]] const Unit *selectedUnit();

    PictureManager &m_manager;
    QLabel *m_banner = nullptr;
    QLabel *m_damage = nullptr;
    QLabel *m_offline = nullptr; ///< a shared room's desk working offline
    PresencePanel *m_presence = nullptr;
    ForecastPanel *m_forecast = nullptr;
    QDockWidget *m_forecastDock = nullptr;
    QString m_deskName;
    QLabel *m_counts = nullptr;
    IncidentsPanel *m_incidentsPanel = nullptr;
    QTableView *m_incidentsView = nullptr; ///< the panel's table
    QMenu *m_viewMenu = nullptr;
    QMenu *m_anticipationMenu = nullptr;
    bool m_sharedScreen = false;
    bool m_demo = false;
    UnitsModel *m_units = nullptr;
    QTableView *m_unitsView = nullptr;
    LogModel *m_log = nullptr;
    LogPanel *m_logPanel = nullptr;
    std::vector<QAction *> m_writing; ///< greyed while replaying
};

} // namespace vigie::ui
