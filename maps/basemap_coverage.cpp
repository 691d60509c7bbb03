#include "maps/basemap_coverage.h"

#include "maps/background.h"
#include "maps/web_mercator.h"

#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace vigie::maps {

GeoBox roomArea()
{
    QRectF world;
    for (const BuiltInArea &a : builtInAreas())
        if (a.kind == BuiltInArea::Kind::Sector)
            world |= a.bounds;
    const GeoPoint nw = unproject(world.topLeft(), 0), se = unproject(world.bottomRight(), 0);
    return {nw.lon, se.lat, se.lon, nw.lat};
}

double coveredShare(const GeoBox &basemap, const GeoBox &room)
{
    const double w = std::min(basemap.maxLon, room.maxLon) - std::max(basemap.minLon, room.minLon);
    const double h = std::min(basemap.maxLat, room.maxLat) - std::max(basemap.minLat, room.minLat);
    const double area = (room.maxLon - room.minLon) * (room.maxLat - room.minLat);
    if (w <= 0 || h <= 0 || area <= 0)
        return 0;
    return std::clamp(w * h / area, 0.0, 1.0);
}

QString coverageWarning(const MbTiles &tiles, const GeoBox &room)
{
    const auto bounds = tiles.bounds();
    const QString name = tiles.metadata().value(QStringLiteral("name"), QFileInfo(tiles.path()).baseName());
    if (!bounds)
        return QObject::tr("La carte importée (%1) ne dit pas quelle zone elle couvre : rien ne garantit "
                           "qu'elle couvre la ville de la salle.")
            .arg(name);
    const double share = coveredShare(*bounds, room);
    if (share >= 0.9)
        return {};
    return QObject::tr("La carte importée (%1) ne couvre pas la ville de la salle : %2 % de sa surface "
                       "seulement. Là où elle ne couvre pas, la carte garde le fond simplifié, sans rues.")
        .arg(name)
        .arg(int(share * 100));
}

Result<QString> installBasemap(const QString &partial, const QString &roomBasemap, BasemapUse use)
{
    if (use == BasemapUse::Discard) {
        QFile::remove(partial);
        return QString();
    }
    const QString target = use == BasemapUse::Room
                               ? roomBasemap
                               : QFileInfo(roomBasemap).absolutePath() + QLatin1Char('/') +
                                     QFileInfo(roomBasemap).completeBaseName() +
                                     QStringLiteral(".session.mbtiles");
    QFile::remove(target);
    if (!QFile::rename(partial, target))
        return Error{QObject::tr("Impossible d'écrire %1.").arg(target)};
    return target;
}

BasemapUse askBasemapUse(QWidget *parent, const QString &warning)
{
    QMessageBox box(QMessageBox::Warning, QObject::tr("Importer une carte OSM"), warning,
                    QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("BasemapCoverageWarning"));
    auto *session = box.addButton(QObject::tr("L'afficher pour cette session"), QMessageBox::AcceptRole);
    auto *room = box.addButton(QObject::tr("En faire le fond de la salle"), QMessageBox::DestructiveRole);
    box.addButton(QObject::tr("Ne pas l'utiliser"), QMessageBox::RejectRole);
    box.setDefaultButton(session);
    box.setInformativeText(QObject::tr("Le fond de carte de la salle reste celui d'avant, sauf si vous en "
                                       "faites le fond de la salle."));
    box.exec();
    if (box.clickedButton() == session)
        return BasemapUse::SessionOnly;
    if (box.clickedButton() == room)
        return BasemapUse::Room;
    return BasemapUse::Discard;
}

} // namespace vigie::maps
