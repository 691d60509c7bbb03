#pragma once
// A search of the whole log with the filter bar's conditions (LogFilter::accepts), for the entries older
// than those the log model holds. It reads the room file through a connection of its own, on a worker thread
// (a million entries take seconds to read: never on the GUI thread), reports its progress, can be stopped,
// and hands back the newest matches.
#include "log/entry.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace vigie::ui {

struct LogSearch
{
    QStringList words;  ///< folded as LogFilter folds them
    QString agency;     ///< as LogFilter::setAgency
    QString kind;       ///< as LogFilter::setKind
    qint64 upToSeq = 0; ///< entries with seq <= upToSeq (what the picture folded)
    int keep = 1000;    ///< the newest matches kept
};

struct LogSearchResult
{
    std::vector<Entry> matches; ///< in seq order, at most LogSearch::keep (the newest)
    qint64 found = 0;           ///< matches in all, kept or not
    qint64 scanned = 0;
    bool stopped = false;
    QString error; ///< empty on success
};

class LogSearchJob : public QObject
{
    Q_OBJECT
public:
    /// Starts searching the room file `roomFile` on the global thread pool.
    LogSearchJob(const QString &roomFile, LogSearch search, QObject *parent = nullptr);
    ~LogSearchJob() override;
    /// Asks the worker to stop; finished() still comes, with `stopped` set.
    void stop();

Q_SIGNALS:
    void progress(qint64 scanned, qint64 total);
    void finished(const vigie::ui::LogSearchResult &result);

private:
    std::shared_ptr<std::atomic<bool>> m_stop;
};

} // namespace vigie::ui
