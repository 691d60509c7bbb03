#include "fusion/feed_fusion.h"

#include "log/entry_kinds.h"

#include <algorithm>

namespace vigie::fusion {

namespace {

const QString feedKeyField = QStringLiteral("feed_key");
const QString incidentField = QStringLiteral("incident");
const QString sourceIncidentField = QStringLiteral("source_incident");

} // namespace

Result<void> FeedFusion::load(const LogStore &store)
{
    const qint64 head = store.lastSeq();
    auto r = store.read(EntryQuery{}, [&](const Entry &e) {
        if (auto o = observationOf(e)) {
            (void)m_fuser.observe(*o);
            m_placed.insert(e.data.value(feedKeyField).toString());
        } else if (e.kind == kinds::incidentClose) {
            // Which sources of a fused incident have closed theirs.
            const QString source = e.data.value(sourceIncidentField).toString();
            (void)m_fuser.close(source.isEmpty() ? e.data.value(incidentField).toString() : source);
        } else if (e.kind.startsWith(u"fusion.")) {
            // Desk corrections; the automatic decisions are recomputed by observe() above. One that names
            // nothing fusion knows changes nothing, as in the picture.
            (void)m_fuser.apply(e);
        }
        m_afterSeq = e.seq;
        return true;
    });
    if (!r)
        return r.error();
    m_afterSeq = std::max(m_afterSeq, head);
    return {};
}

Result<void> FeedFusion::refresh(const LogStore &store)
{
    // As FeedControls::refresh: after max(head, last returned), nothing is missed.
    const qint64 head = store.lastSeq();
    EntryQuery q;
    q.kinds = {kinds::fusionJoin, kinds::fusionSplit, kinds::fusionUndo};
    q.afterSeq = m_afterSeq;
    auto corrections = store.read(q);
    if (!corrections)
        return corrections.error();
    for (const Entry &e : *corrections) {
        (void)m_fuser.apply(e);
        m_afterSeq = std::max(m_afterSeq, e.seq);
    }
    m_afterSeq = std::max(m_afterSeq, head);
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
            if (d.kind == kinds::incidentClose) {
                // A source closes the incident it named: the close goes where its reports went, and
                // closes a fused incident only once every source of it has.
                const QString source = d.data.value(incidentField).toString();
                if (const auto target = m_fuser.close(source)) {
                    if (target->incident != source) {
                        d.data.insert(sourceIncidentField, source);
                        d.data.insert(incidentField, target->incident);
                    }
                    if (target->openSources > 0)
                        d.data.insert(QStringLiteral("open_sources"), target->openSources);
                }
                continue;
            }
            if (d.kind != kinds::incidentOpen && d.kind != kinds::incidentUpdate)
                continue;
            if (d.id.isNull())
                d.id = newEntryId(); // the decision names the report by its entry id
            const auto o = observationOf(d);
            if (!o)
                continue;
            ++summary.reports;
            const FusionDecision decision = m_fuser.observe(*o);
            // A source a desk split out keeps its own incident.
            if (!decision.merged || decision.into.isEmpty() || decision.from == decision.into ||
                m_fuser.isSplitOut(decision.from))
                continue;
            d.data.insert(sourceIncidentField, decision.from);
            d.data.insert(incidentField, decision.into);
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

void FeedFusion::attach(feeds::Ingestor &ingestor, const LogStore &store, FusionSummary &summary)
{
    ingestor.beforeAppend = [this, &store, &summary](std::vector<FeedArrival> &arrivals) {
        // A join or split a desk wrote since the last batch applies to this one. A read that fails leaves
        // the corrections as they were; the next batch reads them again.
        (void)refresh(store);
        const FusionSummary s = place(arrivals);
        summary.reports += s.reports;
        summary.merges += s.merges;
    };
}

} // namespace vigie::fusion
