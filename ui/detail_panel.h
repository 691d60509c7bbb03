#pragma once
// The Détail dock: everything known about the object a desk picked (an incident in the list, a symbol or a
// cluster on the map, a link in the dock itself), kept current as the picture changes.
#include "ui/detail_html.h"

#include <QTextBrowser>
#include <QTimer>

#include <optional>
#include <vector>

namespace vigie {
class PictureManager;
}
namespace vigie::maps {
class MapView;
}

namespace vigie::ui {

class MainWindow;

class DetailPanel : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailPanel(PictureManager &manager, QWidget *parent = nullptr);

    /// An incident (sensors' and cameras' reports are incidents too), a unit, or a hospital.
    void showObject(maps::Layer layer, const QString &id);
    void showIncident(const QString &id) { showObject(maps::Layer::Incidents, id); }
    /// A cluster's members, each a link to its detail; `deepest`: the map cannot separate them further.
    void showMembers(std::vector<maps::MapObject> members, bool deepest);
    /// What the dock shows, if one object.
    [[nodiscard]] std::optional<ObjectRef> subject() const { return m_subject; }
    /// Where an object of the picture is, if it has a position.
    [[nodiscard]] std::optional<GeoPoint> positionOf(const ObjectRef &object) const;

Q_SIGNALS:
    /// A link in the dock was followed to another object (shown here already).
    void objectFollowed(const vigie::ui::ObjectRef &object);

private:
    void render();
    PictureManager &m_manager;
    std::optional<ObjectRef> m_subject;
    std::vector<maps::MapObject> m_members;
    bool m_deepest = false;
    QTimer m_refresh;
};

/// Makes the Détail dock and links it to the map and the Interventions dock: picking an incident in the list
/// centres the map on it (ringed) and shows it in the dock; a click on the map shows what is under it; a
/// link in the dock centres the map on what it names.
DetailPanel *attachDetailDock(MainWindow &window, PictureManager &manager, maps::MapView &map);

} // namespace vigie::ui
