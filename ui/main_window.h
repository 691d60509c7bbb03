#pragma once
// The console's main window: the room's mode always visible, the picture in docks around the centre.
#include <QMainWindow>

class QLabel;
class QTableView;
class QDockWidget;

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

class UnitsModel;
class IncidentsModel;
class LogModel;

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

private:
    void buildBanner();
    void buildActions();
    void updateBanner();
    void addNote(const QString &kind);

    PictureManager &m_manager;
    QLabel *m_banner = nullptr;
    QLabel *m_counts = nullptr;
    QTableView *m_incidentsView = nullptr;
    QMenu *m_viewMenu = nullptr;
    bool m_sharedScreen = false;
    UnitsModel *m_units = nullptr;
    IncidentsModel *m_incidents = nullptr;
    LogModel *m_log = nullptr;
};

} // namespace vigie::ui
