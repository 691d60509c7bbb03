#include "feeds/feed_control.h"

namespace vigie::feeds {

Entry feedControlDraft(const QString &feed, bool pause, const QString &author, Timestamp time)
{
    Entry e;
    e.kind = feedControlKind;
    e.author = author;
    e.eventTime = time;
    e.data =
        QJsonObject{{QStringLiteral("feed"), feed},
                    {QStringLiteral("action"), pause ? QStringLiteral("pause") : QStringLiteral("resume")}};
    return e;
}

Result<void> FeedControls::refresh(const LogStore &store)
{
    // Entries appended after the head read here but before the query are either returned by it or of
    // another kind: starting the next read after max(head, last returned) misses none.
    const qint64 head = store.lastSeq();
    EntryQuery q;
    q.kind = QString(feedControlKind);
    q.afterSeq = m_afterSeq;
    auto controls = store.read(q);
    if (!controls)
        return controls.error();
    for (const Entry &e : *controls) {
        const QString feed = e.data.value(QLatin1String("feed")).toString();
        if (e.data.value(QLatin1String("action")).toString() == QLatin1String("pause"))
            m_paused[feed] = {e.author, e.eventTime, e.seq};
        else
            m_paused.erase(feed);
        m_afterSeq = std::max(m_afterSeq, e.seq);
    }
    m_afterSeq = std::max(m_afterSeq, head);
    return {};
}

const FeedPause *FeedControls::paused(const QString &feed) const
{
    const auto it = m_paused.find(feed);
    return it == m_paused.end() ? nullptr : &it->second;
}

QString pausedReason(const FeedPause &pause)
{
    return QStringLiteral("feed paused by %1 at %2 (entry %3): set aside, not entered in the log")
        .arg(pause.author, pause.since.toIso(), QString::number(pause.seq));
}

} // namespace vigie::feeds
