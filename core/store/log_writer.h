#pragma once
// The log has one writer. Desks, feeds and fusion submit drafts from any thread; a single writer thread takes
// everything that queued up while the previous commit was on disk and appends it in one transaction, so N
// concurrent appends cost one fsync instead of N (group commit). Each caller gets its committed entry back
// through a future.
#include "store/log_store.h"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

namespace vigie {

class LogWriter
{
public:
    /// Starts the writer thread. From now until destruction only the writer touches `store` (a SQLite
    /// connection has one owner thread). At most `maxBatch` entries go in one transaction.
    explicit LogWriter(LogStore &store, std::size_t maxBatch = 4096);
    /// Commits what is queued, then stops the thread.
    ~LogWriter();
    LogWriter(const LogWriter &) = delete;
    LogWriter &operator=(const LogWriter &) = delete;

    /// Queues one draft; the future yields the entry as committed (seq, hashes) or why it was not.
    [[nodiscard]] std::future<Result<Entry>> submit(Entry draft);
    /// Queues drafts that must commit together (one transaction, consecutive seqs).
    [[nodiscard]] std::future<Result<std::vector<Entry>>> submit(std::vector<Entry> drafts);

    /// Transactions committed so far (entries / commits gives the mean group size).
    [[nodiscard]] qint64 commits() const;
    [[nodiscard]] qint64 committedEntries() const;

private:
    struct Request
    {
        std::vector<Entry> drafts;
        bool single = false;
        std::promise<Result<Entry>> one;
        std::promise<Result<std::vector<Entry>>> many;
    };
    void run();
    void commit(std::vector<Request> &batch);

    LogStore &m_store;
    const std::size_t m_maxBatch;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Request> m_queue;
    bool m_stopping = false;
    qint64 m_commits = 0;
    qint64 m_committedEntries = 0;
    std::thread m_thread; // last: starts once everything above is initialised
};

} // namespace vigie
