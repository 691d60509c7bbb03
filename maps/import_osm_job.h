#pragma once
// "Importer une carte OSM…": the tile import as a Job on QThreadPool (the GUI thread only shows progress),
// and the dialog flow around it. The new basemap is written beside the old one and swapped in only when
// complete, so a cancelled or failed import leaves the map as it was.
#include "maps/tile_renderer.h"

#include <QObject>

#include <atomic>

class QThreadPool;
class QWidget;

namespace vigie::maps {

class MapView;

class ImportOsmJob : public QObject
{
    Q_OBJECT
public:
    ImportOsmJob(QString pbf, QString mbtiles, TileImportOptions options, QObject *parent = nullptr);
    /// Runs the import on `pool`; progress() and finished() arrive queued on this object's thread.
    void start(QThreadPool &pool);
    void cancel() { m_cancel = true; }
    /// "%n tuile(s) en 7,0 s": the import's tiles and duration, with the decimal separator of the
    /// console's language (QLocale's default, which the language sets), whatever thread formats it.
    [[nodiscard]] static QString summary(qint64 tiles, double seconds);

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    /// `error` is empty on success; `summary` says how many tiles in how long.
    void finished(const QString &error, const QString &summary);

private:
    QString m_pbf, m_mbtiles;
    TileImportOptions m_options;
    std::atomic_bool m_cancel{false};
};

/// Asks for an .osm.pbf, imports it with a progress dialog into `basemapPath` and shows it on `view`.
void importOsmInteractively(QWidget *parent, MapView &view, const QString &basemapPath);

} // namespace vigie::maps
