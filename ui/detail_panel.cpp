#include "ui/detail_panel.h"

#include "ui/incidents_panel.h"
#include "ui/main_window.h"
#include "ui/models/units_model.h"

#include "maps/map_view.h"

#include "room/picture_manager.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QTableView>

namespace vigie::ui {

namespace {
bool isIncidentLayer(maps::Layer layer)
{
    return layer == maps::Layer::Incidents || layer == maps::Layer::Sensors || layer == maps::Layer::Cameras;
}
bool isUnitLayer(maps::Layer layer)
{
    return layer == maps::Layer::Fire || layer == maps::Layer::Samu || layer == maps::Layer::Police ||
           layer == maps::Layer::Officials;
}
} // namespace

DetailPanel::DetailPanel(PictureManager &manager, QWidget *parent) : QTextBrowser(parent), m_manager(manager)
{
    setObjectName(QStringLiteral("MapDetails"));
    setPlaceholderText(
        tr("Choisissez une intervention dans la liste, ou cliquez sur un objet de la carte, pour voir son "
           "détail."));
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const auto object = objectFromLink(url);
        if (!object)
            return;
        showObject(object->layer, object->id);
        Q_EMIT objectFollowed(*object);
    });
    // Kept current as entries arrive, at most twice a second: each view reads a few entries from the log.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(500);
    connect(&m_refresh, &QTimer::timeout, this, &DetailPanel::render);
    connect(&manager, &PictureManager::pictureChanged, this, [this] {
        if (m_subject && !m_refresh.isActive())
            m_refresh.start();
    });
}

void DetailPanel::showObject(maps::Layer layer, const QString &id)
{
    m_subject = ObjectRef{layer, id};
    m_members.clear();
    render();
    verticalScrollBar()->setValue(0);
}

void DetailPanel::showMembers(std::vector<maps::MapObject> members, bool deepest)
{
    m_subject.reset();
    m_members = std::move(members);
    m_deepest = deepest;
    setHtml(membersHtml(m_manager.picture(), m_members, m_deepest));
}

std::optional<GeoPoint> DetailPanel::positionOf(const ObjectRef &object) const
{
    const Picture &p = m_manager.picture();
    if (isIncidentLayer(object.layer)) {
        const Incident *i = p.shownIncident(object.id);
        return i ? i->position : std::nullopt;
    }
    if (isUnitLayer(object.layer)) {
        const auto u = p.units.find(object.id);
        return u != p.units.end() ? u->second.position : std::nullopt;
    }
    if (object.layer == maps::Layer::Hospitals) {
        const auto h = p.hospitals.find(object.id);
        return h != p.hospitals.end() ? h->second.position : std::nullopt;
    }
    return std::nullopt;
}

void DetailPanel::render()
{
    if (!m_subject)
        return;
    const Picture &p = m_manager.picture();
    const Timestamp now = situationNow(m_manager);
    QString html;
    if (isIncidentLayer(m_subject->layer))
        html = incidentDetailHtml(p, m_manager.store(), m_subject->id, now);
    else if (isUnitLayer(m_subject->layer))
        html = unitDetailHtml(p, m_manager.store(), m_subject->id, now);
    else if (m_subject->layer == maps::Layer::Hospitals)
        html = hospitalDetailHtml(p, m_subject->id, now);
    if (html.isEmpty())
        return;
    // A live refresh keeps the reader's place in a long detail.
    const int scrolled = verticalScrollBar()->value();
    setHtml(html);
    verticalScrollBar()->setValue(scrolled);
}

DetailPanel *attachDetailDock(MainWindow &window, PictureManager &manager, maps::MapView &map)
{
    auto *panel = new DetailPanel(manager, &window);
    // Its title is the one the console had before this dock was built here (same catalogue entry).
    QDockWidget *dock =
        window.addPanel(QStringLiteral("MapDetailsDock"), QCoreApplication::translate("QObject", "Détail"),
                        panel, Qt::RightDockWidgetArea);
    // The largest share of its column: an incident's detail runs to a dozen lines and more.
    window.resizeDocks({dock}, {window.height() / 2}, Qt::Vertical);
    map.setDescriber([&manager](const maps::MapObject &object) {
        const Picture &p = manager.picture();
        return tooltipHtml(p, object, situationNow(manager));
    });
    // The ring marks what was picked elsewhere (the list, a link): a click on the map says where already.
    QObject::connect(&map, &maps::MapView::objectClicked, panel,
                     [panel, &map](maps::Layer layer, const QString &id) {
                         map.clearHighlight();
                         panel->showObject(layer, id);
                     });
    QObject::connect(&map, &maps::MapView::clusterClicked, panel,
                     [panel, &map](const std::vector<maps::MapObject> &members) {
                         map.clearHighlight();
                         panel->showMembers(members, map.zoom() >= maps::MapView::maxZoom - 0.01);
                     });
    auto centre = [panel, &map](const ObjectRef &object) {
        if (const auto where = panel->positionOf(object))
            map.showPlace(*where);
        else
            map.clearHighlight(); // no place to show: the ring must not point at the previous one
    };
    QObject::connect(panel, &DetailPanel::objectFollowed, panel, centre);
    // A unit picked in the Units list: its detail here, the map on it, as an incident picked in its list.
    if (auto *units = window.findChild<QTableView *>(QStringLiteral("UnitsView")))
        QObject::connect(units->selectionModel(), &QItemSelectionModel::currentRowChanged, panel,
                         [panel, dock, centre, &manager](const QModelIndex &current) {
                             const QString id = current.data(UnitsModel::IdRole).toString();
                             const auto unit = manager.picture().units.find(id);
                             if (unit == manager.picture().units.end())
                                 return;
                             const ObjectRef object{maps::layerForAgency(unit->second.agency), id};
                             panel->showObject(object.layer, id);
                             centre(object);
                             dock->show();
                         });
    if (IncidentsPanel *incidents = window.incidentsPanel())
        QObject::connect(incidents, &IncidentsPanel::incidentSelected, panel,
                         [panel, dock, centre](const QString &id) {
                             panel->showIncident(id);
                             centre(ObjectRef{maps::Layer::Incidents, id});
                             dock->show();
                         });
    return panel;
}

} // namespace vigie::ui
