#include "store/log_writer.h"

#include <algorithm>
#include <iterator>

namespace vigie {

LogWriter::LogWriter(LogStore &store, std::size_t maxBatch)
    : m_store(store), m_maxBatch(std::max<std::size_t>(1, maxBatch)), m_thread([this] { run(); })
{}

LogWriter::~LogWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

std::future<Result<Entry>> LogWriter::submit(Entry draft)
{
    Request request;
    request.drafts.push_back(std::move(draft));
    request.single = true;
    auto future = request.one.get_future();
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(request));
    }
    m_wake.notify_one();
    return future;
}

std::future<Result<std::vector<Entry>>> LogWriter::submit(std::vector<Entry> drafts)
{
    Request request;
    request.drafts = std::move(drafts);
    auto future = request.many.get_future();
    if (request.drafts.empty()) {
        request.many.set_value(std::vector<Entry>{});
        return future;
    }
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(request));
    }
    m_wake.notify_one();
    return future;
}

qint64 LogWriter::commits() const
{
    std::lock_guard lock(m_mutex);
    return m_commits;
}

qint64 LogWriter::committedEntries() const
{
    std::lock_guard lock(m_mutex);
    return m_committedEntries;
}

void LogWriter::run()
{
    std::vector<Request> batch;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and everything queued is committed
            // Everything that arrived while the last commit was syncing goes into this one, up to maxBatch
            // entries (a request is never split: its drafts commit together).
            std::size_t entries = 0;
            while (!m_queue.empty() &&
                   (batch.empty() || entries + m_queue.front().drafts.size() <= m_maxBatch)) {
                entries += m_queue.front().drafts.size();
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        commit(batch);
        batch.clear();
    }
}

void LogWriter::commit(std::vector<Request> &batch)
{
    std::vector<Entry> drafts;
    for (Request &r : batch)
        std::move(r.drafts.begin(), r.drafts.end(), std::back_inserter(drafts));
    auto appended = m_store.append(std::move(drafts));
    if (appended) {
        std::lock_guard lock(m_mutex);
        ++m_commits;
        m_committedEntries += qint64(appended->size());
    }
    // The store appends all or nothing: on failure every request of the group gets the error and nothing
    // of it is in the log, so callers may retry.
    auto next = appended ? appended->begin() : std::vector<Entry>::iterator{};
    for (Request &r : batch) {
        const auto n = std::ptrdiff_t(r.drafts.size());
        if (!appended) {
            if (r.single)
                r.one.set_value(appended.error());
            else
                r.many.set_value(appended.error());
            continue;
        }
        if (r.single)
            r.one.set_value(std::move(*next));
        else
            r.many.set_value(
                std::vector<Entry>(std::make_move_iterator(next), std::make_move_iterator(next + n)));
        next += n;
    }
}

} // namespace vigie
