#include "ui/forecast_job.h"

#include "store/sqlite_log_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QThreadPool>

namespace vigie::ui {

namespace {

using namespace anticipation;

ForecastResult run(const ForecastRequest &request, const std::function<void(int, const QString &)> &step)
{
    ForecastResult r;
    const QTimeZone paris("Europe/Paris");
    step(1, ForecastJob::tr("Lecture du journal…"));
    auto store = SqliteLogStore::open(request.roomFile); // this thread's own connection
    if (!store) {
        r.error = store.error().message;
        return r;
    }
    auto history = readEventHistory(**store);
    if (!history) {
        r.error = history.error().message;
        return r;
    }
    r.events = history->events;
    step(2, ForecastJob::tr("Densité des interventions par maille…"));
    HotspotOptions o;
    o.zone = paris;
    if (auto f = forecastHotspots(history->incidents, o))
        r.hotspots = std::move(*f);
    else
        r.hotspotsError = f.error().message;
    step(3, ForecastJob::tr("Test rétrospectif sur les dernières semaines…"));
    if (auto b = backtestHotspots(history->incidents, o))
        r.backtest = std::move(*b);
    else
        r.backtestError = b.error().message;
    step(4, ForecastJob::tr("Effectifs pour l'événement…"));
    QString id = request.eventId;
    if (id.isEmpty() && !history->events.empty()) {
        // The next planned event, else the latest one.
        const Timestamp now = Timestamp::fromDateTime(QDateTime::currentDateTimeUtc());
        const PlannedEvent *pick = nullptr;
        for (const PlannedEvent &e : history->events)
            if (e.attendance >= 0 &&
                (!pick || (e.start >= now ? (pick->start < now || e.start < pick->start)
                                          : (pick->start < now && e.start > pick->start))))
                pick = &e;
        if (pick)
            id = pick->id;
    }
    if (id.isEmpty()) {
        r.staffingError = ForecastJob::tr("Aucun événement prévu avec une affluence dans la salle "
                                          "(Anticipation › Importer des événements…).");
    } else if (auto a = staffingForEvent(*history, id, request.capacity, paris)) {
        r.staffing = std::move(*a);
    } else {
        r.staffingError = a.error().message;
    }
    return r;
}

} // namespace

ForecastJob::ForecastJob(ForecastRequest request, QObject *parent) : QObject(parent)
{
    qRegisterMetaType<vigie::ui::ForecastResult>();
    QPointer<ForecastJob> self(this);
    QThreadPool::globalInstance()->start([self, request] {
        // Posted to the application's thread, where the job lives; dropped if the job went meanwhile.
        auto step = [self](int n, const QString &what) {
            QMetaObject::invokeMethod(
                qApp,
                [self, n, what] {
                    if (self)
                        Q_EMIT self->progress(n, 4, what);
                },
                Qt::QueuedConnection);
        };
        ForecastResult result = run(request, step);
        QMetaObject::invokeMethod(
            qApp,
            [self, result = std::move(result)] {
                if (self)
                    Q_EMIT self->finished(result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace vigie::ui
