#include "maps/import_osm_job.h"

#include "maps/basemap_coverage.h"
#include "maps/map_view.h"
#include "maps/mbtiles.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QMetaObject>
#include <QPointer>
#include <QProgressDialog>
#include <QThreadPool>

namespace vigie::maps {

ImportOsmJob::ImportOsmJob(QString pbf, QString mbtiles, TileImportOptions options, QObject *parent)
    : QObject(parent), m_pbf(std::move(pbf)), m_mbtiles(std::move(mbtiles)), m_options(options)
{
    m_options.cancel = &m_cancel;
}

void ImportOsmJob::start(QThreadPool &pool)
{
    // The job outlives the worker: it is deleted only after finished(), which the worker sends last.
    pool.start([this] {
        qint64 lastReported = -1;
        auto stats = importOsmTiles(m_pbf, m_mbtiles, m_options, [&](qint64 done, qint64 total) {
            // At most ~100 queued updates for the whole import: the GUI thread must not drown in events.
            if (total > 0 && (done * 100 / total != lastReported || done == total)) {
                lastReported = done * 100 / total;
                QMetaObject::invokeMethod(
                    this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
            }
        });
        const QString error = stats ? QString() : stats.error().message;
        const QString summary =
            stats ? ImportOsmJob::summary(stats->tiles, stats->readSeconds + stats->renderSeconds)
                  : QString();
        QMetaObject::invokeMethod(
            this, [this, error, summary] { Q_EMIT finished(error, summary); }, Qt::QueuedConnection);
    });
}

QString ImportOsmJob::summary(qint64 tiles, double seconds)
{
    // The decimal separator of the console's language (7,0 s in French).
    return tr("%n tuile(s) en %1 s", nullptr, int(tiles)).arg(QLocale().toString(seconds, 'f', 1));
}

void importOsmInteractively(QWidget *parent, MapView &view, const QString &basemapPath)
{
    const QString pbf = QFileDialog::getOpenFileName(parent, QObject::tr("Importer une carte OSM"), QString(),
                                                     QObject::tr("Extraits OpenStreetMap (*.osm.pbf *.osm)"));
    if (pbf.isEmpty())
        return;
    QDir().mkpath(QFileInfo(basemapPath).absolutePath());
    const QString partial = basemapPath + QStringLiteral(".partial");
    QFile::remove(partial);
    auto *job = new ImportOsmJob(pbf, partial, TileImportOptions{});
    auto *dialog = new QProgressDialog(QObject::tr("Import de %1…").arg(QFileInfo(pbf).fileName()),
                                       QObject::tr("Annuler"), 0, 100, parent);
    dialog->setWindowTitle(QObject::tr("Importer une carte OSM"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMinimumDuration(0);
    // The job owns itself until the worker's last word: closing the dialog only asks it to stop.
    QObject::connect(job, &ImportOsmJob::finished, job, &QObject::deleteLater);
    QObject::connect(dialog, &QProgressDialog::canceled, job, &ImportOsmJob::cancel);
    QObject::connect(job, &ImportOsmJob::progress, dialog, [dialog](qint64 done, qint64 total) {
        dialog->setLabelText(QObject::tr("Tuiles : %1 / %2").arg(done).arg(total));
        dialog->setValue(int(done * 100 / std::max<qint64>(total, 1)));
    });
    QPointer<MapView> target(&view);
    QPointer<QProgressDialog> progress(dialog);
    QObject::connect(
        job, &ImportOsmJob::finished, job,
        [progress, target, partial, basemapPath, parent](const QString &error, const QString &summary) {
            if (progress)
                progress->close();
            if (!error.isEmpty()) {
                QFile::remove(partial);
                QMessageBox::warning(parent, QObject::tr("Importer une carte OSM"), error);
                return;
            }
            // A basemap that does not cover the room is said, and replaces the room's only when asked.
            BasemapUse use = BasemapUse::Room;
            if (auto imported = MbTiles::open(partial); imported) {
                const QString warning = coverageWarning(**imported, roomArea());
                imported->reset();
                if (!warning.isEmpty())
                    use = askBasemapUse(parent, warning);
            }
            if (use == BasemapUse::Discard) {
                (void)installBasemap(partial, basemapPath, use);
                return;
            }
            if (target)
                target->setBasemap(nullptr); // release the old file before replacing it
            const auto installed = installBasemap(partial, basemapPath, use);
            if (!installed) {
                QMessageBox::warning(parent, QObject::tr("Importer une carte OSM"),
                                     installed.error().message);
                return;
            }
            auto tiles = MbTiles::open(*installed);
            if (!tiles) {
                QMessageBox::warning(parent, QObject::tr("Importer une carte OSM"), tiles.error().message);
                return;
            }
            if (target)
                target->setBasemap(std::move(*tiles));
            QMessageBox::information(
                parent, QObject::tr("Importer une carte OSM"),
                use == BasemapUse::Room
                    ? QObject::tr("Fond de carte importé : %1.").arg(summary)
                    : QObject::tr("Fond de carte affiché pour cette session seulement : %1.").arg(summary));
        });
    dialog->show();
    job->start(*QThreadPool::globalInstance());
}

} // namespace vigie::maps
