#include "ui/report_job.h"

#include "ui/report_wording.h"

#include "store/sqlite_log_store.h"

#include <QFile>
#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent>

#include <memory>

namespace vigie::ui {

namespace {

/// What a worker hands back (QFuture wants a default-constructible result).
struct Outcome
{
    std::shared_ptr<reports::ReportData> data;
    int pages = 0;
    QString error;
};

} // namespace

ReportJob::ReportJob(QString roomFile, reports::ReportRequest request, QString file, QObject *parent)
    : QObject(parent), m_roomFile(std::move(roomFile)), m_request(std::move(request)), m_file(std::move(file))
{
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Outcome o = watcher->result();
        if (!o.data)
            return done(o.error, 0);
        gathered(o.data);
    });
    watcher->setFuture(QtConcurrent::run(
        [roomFile = m_roomFile, request = m_request, progress = stageProgress()]() -> Outcome {
            // A connection of this thread's own (one owner thread per connection).
            auto store = SqliteLogStore::open(roomFile);
            if (!store)
                return {nullptr, 0, store.error().message};
            auto data = reports::gatherReport(**store, request, progress);
            if (!data)
                return {nullptr, 0, data.error().message};
            return {std::make_shared<reports::ReportData>(std::move(*data)), 0, {}};
        }));
}

reports::StageProgress ReportJob::stageProgress()
{
    // Called from workers and from this thread alike: always posted, dropped once the job is gone.
    QPointer<ReportJob> self(this);
    return [self](reports::ReportStage stage, double done) {
        const int value = int(stage) * 100 + int(std::clamp(done, 0.0, 1.0) * 100);
        QMetaObject::invokeMethod(
            self,
            [self, stage, value] {
                if (self)
                    Q_EMIT self->progress(value, reports::stageLabel(stage));
            },
            Qt::QueuedConnection);
    };
}

void ReportJob::gathered(std::shared_ptr<reports::ReportData> data)
{
    m_data = std::move(data);
    m_figures = std::make_shared<reports::ReportFigures>();
    drawNext(0);
}

void ReportJob::drawNext(int index)
{
    if (m_cancelled)
        return done(tr("annulé"), 0);
    const int count = reports::figureCount(*m_data);
    if (index >= count)
        return write();
    // Charts and maps are widgets underneath: drawn here, on the GUI thread, one at a time (about 0.1 s
    // each), back to the event loop in between so that the window stays live.
    reports::drawFigure(*m_data, m_request, consoleReportWording(), index, *m_figures);
    Q_EMIT progress(100 + 100 * (index + 1) / count, reports::stageLabel(reports::ReportStage::Figures));
    QTimer::singleShot(0, this, [this, index] { drawNext(index + 1); });
}

void ReportJob::write()
{
    Q_EMIT progress(200, reports::stageLabel(reports::ReportStage::Writing));
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Outcome written = watcher->result();
        if (!written.error.isEmpty())
            return done(written.error, 0);
        if (m_cancelled) {
            QFile::remove(m_file);
            return done(tr("annulé"), 0);
        }
        done({}, written.pages);
    });
    watcher->setFuture(
        QtConcurrent::run([file = m_file, data = m_data, figures = m_figures, request = m_request,
                           wording = consoleReportWording(), progress = stageProgress()]() -> Outcome {
            auto pages = reports::writeReport(file, *data, *figures, request, wording, progress);
            if (!pages)
                return {nullptr, 0, pages.error().message};
            return {nullptr, *pages, {}};
        }));
}

void ReportJob::done(const QString &error, int pages)
{
    Q_EMIT finished(m_file, pages, error);
    deleteLater();
}

} // namespace vigie::ui
