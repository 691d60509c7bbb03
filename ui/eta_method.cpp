#include "ui/eta_method.h"

#include "picture/picture.h"
#include "routing/road_graph.h"

#include <QCoreApplication>
#include <QLocale>

namespace vigie::ui {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("vigie::ui::SuggestionsPanel", text, nullptr, n);
}

} // namespace

EtaMethod etaMethod(const routing::RoadGraph *graph, const Picture &picture, double maxSnapMeters)
{
    EtaMethod m;
    if (!graph) {
        m.approximate = true;
        m.text = tr("ETA approximative : pas de réseau routier importé (ligne droite × 1,4).");
        return m;
    }
    for (const auto &[id, u] : picture.units) {
        if (!u.position)
            continue;
        ++m.units;
        if (const auto s = graph->snap(*u.position); s && s->snapMeters <= maxSnapMeters)
            ++m.onNetwork;
    }
    const QString metres = QLocale().toString(maxSnapMeters, 'f', 0);
    if (m.units > 0 && m.onNetwork == 0) {
        m.approximate = true;
        m.text = tr("ETA à vol d'oiseau × 1,4 : le réseau routier importé ne couvre pas les moyens "
                    "(aucun des %1 à moins de %2 m d'une route).")
                     .arg(m.units)
                     .arg(metres);
    } else if (m.onNetwork < m.units) {
        m.approximate = true;
        m.text = tr("ETA par la route pour %1 moyens sur %2 ; à vol d'oiseau × 1,4 pour les autres, hors du "
                    "réseau routier importé (à plus de %3 m d'une route).")
                     .arg(m.onNetwork)
                     .arg(m.units)
                     .arg(metres);
    } else {
        m.text = tr("ETA par la route (réseau importé : %L1 nœuds).").arg(graph->nodeCount());
    }
    return m;
}

} // namespace vigie::ui
