#include "ui/log_search_job.h"

#include "ui/log_panel.h"

#include "store/sqlite_log_store.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include <deque>

namespace vigie::ui {

namespace {

LogSearchResult run(const QString &roomFile, const LogSearch &search, const std::atomic<bool> &stop,
                    const std::function<void(qint64)> &progress)
{
    LogSearchResult result;
    // A connection of this thread's own, for this search only (one owner thread per connection).
    auto store = SqliteLogStore::open(roomFile);
    if (!store) {
        result.error = store.error().message;
        return result;
    }
    EntryQuery query;
    if (!search.kind.isEmpty())
        query.kind = search.kind;
    std::deque<Entry> kept;
    auto r = (*store)->read(query, [&](const Entry &e) {
        if (e.seq > search.upToSeq)
            return false;
        if (++result.scanned % 20000 == 0) {
            progress(e.seq);
            if (stop.load()) {
                result.stopped = true;
                return false;
            }
        }
        if (LogFilter::accepts(e, search.words, search.agency, search.kind)) {
            ++result.found;
            kept.push_back(e);
            if (int(kept.size()) > search.keep)
                kept.pop_front();
        }
        return true;
    });
    if (!r)
        result.error = r.error().message;
    result.matches.assign(std::make_move_iterator(kept.begin()), std::make_move_iterator(kept.end()));
    return result;
}

} // namespace

LogSearchJob::LogSearchJob(const QString &roomFile, LogSearch search, QObject *parent)
    : QObject(parent), m_stop(std::make_shared<std::atomic<bool>>(false))
{
    qRegisterMetaType<vigie::ui::LogSearchResult>();
    QPointer<LogSearchJob> self(this);
    auto stop = m_stop;
    QThreadPool::globalInstance()->start([self, stop, roomFile, search] {
        const qint64 total = search.upToSeq;
        // Posted to the application's thread, where the job lives; dropped if the job went meanwhile.
        auto progress = [self, total](qint64 seq) {
            QMetaObject::invokeMethod(
                qApp,
                [self, seq, total] {
                    if (self)
                        Q_EMIT self->progress(seq, total);
                },
                Qt::QueuedConnection);
        };
        LogSearchResult result = run(roomFile, search, *stop, progress);
        QMetaObject::invokeMethod(
            qApp,
            [self, result = std::move(result)] {
                if (self)
                    Q_EMIT self->finished(result);
            },
            Qt::QueuedConnection);
    });
}

LogSearchJob::~LogSearchJob()
{
    m_stop->store(true);
}

void LogSearchJob::stop()
{
    m_stop->store(true);
}

} // namespace vigie::ui
