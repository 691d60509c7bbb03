#include "fusion/feed_fusion.h"

#include "log/entry_kinds.h"

#include <algorithm>

namespace vigie::fusion {

namespace {

const QString feedKeyField = QStringLiteral("feed_key");
const QString incidentField = QStringLiteral("incident");
const QString sourceIncidentField = QStringLiteral("source_incident");

} // namespace

static_assert(FusionConfig::defaultMemoryMs == Picture::fusionTrailMs,
              "the fold keeps for fusion what fusion remembers");

void FeedFusion::follow(const Picture &head)
{
    // The trail only grows while the log does; a fold begun again (a replica gone back to its server's chain)
    // is another log: start again from its beginning.
    const std::size_t end = head.fusionTrailBase + head.fusionTrail.size();
    if (m_followed > end)
        *this = FeedFusion(m_fuser.config());
    // Entries that left the trail before this object read them were older than fusion remembers.
    m_followed = std::max(m_followed, head.fusionTrailBase);
    for (; m_followed < end; ++m_followed) {
        const FusionTrailEntry &t = head.fusionTrail[m_followed - head.fusionTrailBase];
        if (m_placedIds.remove(t.id))
            continue; // observed (or closed) when this object placed it
        const Entry e = t.toEntry();
        if (auto o = observationOf(e)) {
            (void)m_fuser.observe(*o);
            const QString key = e.data.value(feedKeyField).toString();
            if (!key.isEmpty() && !m_placed.contains(key)) {
                m_placed.insert(key);
                m_placedOrder.emplace_back(o->time.msecs, key);
            }
        } else if (e.kind == kinds::incidentClose) {
            // Which sources of a fused incident have closed theirs.
            const QString source = e.data.value(sourceIncidentField).toString();
            (void)m_fuser.close(source.isEmpty() ? e.data.value(incidentField).toString() : source);
        } else if (e.kind.startsWith(u"fusion.")) {
            // Desk corrections; the automatic decisions are recomputed by observe() above. One that names
            // nothing fusion knows changes nothing, as in the picture.
            (void)m_fuser.apply(e);
        }
    }
    forgetPlaced();
}

void FeedFusion::forgetPlaced()
{
    const qint64 before = m_fuser.horizon();
    while (!m_placedOrder.empty() && m_placedOrder.front().first < before) {
        m_placed.remove(m_placedOrder.front().second);
        m_placedOrder.pop_front();
    }
    // Swept when it has doubled: a sweep costs its size.
    if (std::size_t(m_placedIds.size()) > 2 * m_placedIdsSwept + 1024) {
        m_placedIds.removeIf([before](const auto &id) { return id.value() < before; });
        m_placedIdsSwept = std::size_t(m_placedIds.size());
    }
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
        bool placed = false; // a report or a close of it was placed (a position message is not)
        for (Entry &d : arrival.drafts) {
            if (d.kind == kinds::incidentClose) {
                // A source closes the incident it named: the close goes where its reports went, and
                // closes a fused incident only once every source of it has.
                if (d.id.isNull())
                    d.id = newEntryId(); // followed later, it is known as placed
                m_placedIds.insert(d.id, d.eventTime.msecs);
                placed = true;
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
            m_placedIds.insert(d.id, d.eventTime.msecs);
            placed = true;
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
        if (placed && !key.isEmpty()) {
            m_placed.insert(key);
            m_placedOrder.emplace_back(arrival.drafts.front().eventTime.msecs, key);
        }
        for (Entry &e : decisions)
            arrival.drafts.push_back(std::move(e));
    }
    forgetPlaced();
    return summary;
}

void FeedFusion::attach(feeds::Ingestor &ingestor, Room &room, FusionSummary &summary)
{
    ingestor.beforeAppend = [this, &room, &summary](std::vector<FeedArrival> &arrivals) {
        // What other processes and desks appended since the last batch (reports, closes, a desk's join or
        // split) applies to this one. A fold that cannot be read leaves the Fuser as it was; the next batch
        // reads it again.
        if (auto head = room.fusionHead())
            follow(**head);
        const FusionSummary s = place(arrivals);
        summary.reports += s.reports;
        summary.merges += s.merges;
    };
}

} // namespace vigie::fusion
