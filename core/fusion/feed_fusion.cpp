#include "fusion/feed_fusion.h"

#include "log/entry_kinds.h"

namespace vigie::fusion {

namespace {

const QString feedKeyField = QStringLiteral("feed_key");

} // namespace

Result<void> FeedFusion::load(const LogStore &store)
{
    std::optional<Error> failed;
    auto r = store.read(EntryQuery{}, [&](const Entry &e) {
        if (auto o = observationOf(e)) {
            (void)m_fuser.observe(*o);
            m_placed.insert(e.data.value(feedKeyField).toString());
        } else if (e.kind.startsWith(u"fusion.")) {
            // Desk corrections; the automatic decisions are recomputed by observe() above.
            if (auto applied = m_fuser.apply(e); !applied) {
                failed = Error{QStringLiteral("entry %1: %2").arg(e.seq).arg(applied.error().message)};
                return false;
            }
        }
        return true;
    });
    if (!r)
        return r.error();
    if (failed)
        return *failed;
    return {};
}

FusionSummary FeedFusion::place(std::vector<FeedArrival> &arrivals)
{
    FusionSummary summary;
    for (FeedArrival &arrival : arrivals) {
        // The Ingestor stamps every draft of a message with the same key; a message seen before is a
        // duplicate the store will not append.
        if (arrival.drafts.empty())
            continue;
        const QString key = arrival.drafts.front().data.value(feedKeyField).toString();
        if (!key.isEmpty() && m_placed.contains(key))
            continue;
        std::vector<Entry> decisions;
        for (Entry &d : arrival.drafts) {
            if (d.kind != kinds::incidentOpen && d.kind != kinds::incidentUpdate)
                continue;
            if (d.id.isNull())
                d.id = QUuid::createUuid(); // the decision names the report by its entry id
            const auto o = observationOf(d);
            if (!o)
                continue;
            ++summary.reports;
            const FusionDecision decision = m_fuser.observe(*o);
            if (!decision.merged || decision.into.isEmpty() || decision.from == decision.into)
                continue;
            d.data.insert(QStringLiteral("source_incident"), decision.from);
            d.data.insert(QStringLiteral("incident"), decision.into);
            if (d.kind == kinds::incidentOpen)
                d.kind = kinds::incidentUpdate; // of the fused incident, opened by its first report
            if (!decision.known) {
                decisions.push_back(Fuser::decisionEntry(decision, *o));
                ++summary.merges;
            }
        }
        if (!key.isEmpty())
            m_placed.insert(key);
        for (Entry &e : decisions)
            arrival.drafts.push_back(std::move(e));
    }
    return summary;
}

void FeedFusion::attach(feeds::Ingestor &ingestor, FusionSummary &summary)
{
    ingestor.beforeAppend = [this, &summary](std::vector<FeedArrival> &arrivals) {
        const FusionSummary s = place(arrivals);
        summary.reports += s.reports;
        summary.merges += s.merges;
    };
}

} // namespace vigie::fusion
