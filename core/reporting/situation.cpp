#include "reporting/situation.h"

#include <algorithm>

namespace vigie::reporting {

namespace {

bool engaged(const Unit &u)
{
    return u.status == QLatin1String("en_route") || u.status == QLatin1String("on_scene");
}

} // namespace

Result<Situation> buildSituation(const LogStore &store, Timestamp at, const LogStore::Progress &progress)
{
    Situation s;
    s.room = store.room();
    s.at = at;
    auto checked = checkedPictureAt(store, at);
    if (!checked)
        return checked.error();
    if (checked->damage)
        s.damage = checked->damage;
    s.picture = std::move(checked->picture);
    const Picture &p = s.picture;

    // S: the incidents open at t, most severe first.
    for (const auto &[id, incident] : p.incidents) {
        s.openIncidents.push_back(incident);
        ++s.bySeverity[incident.severity];
        ++s.byType[incident.type];
        s.casualties.red += incident.casualties.red;
        s.casualties.yellow += incident.casualties.yellow;
        s.casualties.green += incident.casualties.green;
        s.casualties.black += incident.casualties.black;
    }
    std::stable_sort(s.openIncidents.begin(), s.openIncidents.end(),
                     [](const Incident &a, const Incident &b) {
                         return a.severity != b.severity ? a.severity > b.severity : a.opened < b.opened;
                     });
    s.closedIncidents = p.closedIncidents;
    for (const auto &[id, zone] : p.zones)
        s.zones.push_back(zone);

    // M: units by service and status; hospitals.
    for (const auto &[id, unit] : p.units)
        ++s.unitsByAgency[unit.agency][unit.status];
    for (const auto &[id, hospital] : p.hospitals)
        s.hospitals.push_back(hospital);

    // E: what is engaged where, in the order of the incidents; the latest decisions.
    for (const Incident &incident : s.openIncidents) {
        Engagement e{incident.id, incident.title, incident.type, incident.severity, {}};
        for (const auto &[id, unit] : p.units)
            if (engaged(unit) && (unit.incident == incident.id || incident.joined.contains(unit.incident)))
                e.units.push_back(unit);
        std::stable_sort(e.units.begin(), e.units.end(), [](const Unit &a, const Unit &b) {
            return (a.status == QLatin1String("on_scene")) > (b.status == QLatin1String("on_scene"));
        });
        if (!e.units.empty())
            s.engagements.push_back(std::move(e));
    }
    for (auto it = p.decisions.rbegin(); it != p.decisions.rend() && s.recentDecisions.size() < 10; ++it)
        s.recentDecisions.push_back(*it);

    // O and C: what only the log says — objectives set, and who wrote in the room (feeds are not people
    // in the room: their entries carry feed_source; nor is Vigie's own roll call, role "system").
    std::map<QString, Participant> people;
    const qint64 total = store.lastSeq();
    qint64 read = 0;
    EntryQuery query;
    query.until = at;
    auto visited = store.read(query, [&](const Entry &e) {
        if (progress && ++read % 4096 == 0)
            progress(e.seq, total);
        for (const QString &o : objectivesOf(e))
            if (!s.objectives.contains(o))
                s.objectives << o;
        if (e.data.contains(QLatin1String("feed_source")) || e.author.isEmpty() ||
            e.role == QLatin1String("system"))
            return true;
        Participant &who = people[e.author];
        who.author = e.author;
        if (!e.role.isEmpty())
            who.role = e.role;
        if (!e.agency.isEmpty())
            who.agency = e.agency;
        ++who.entries;
        if (e.kind == QLatin1String("decision"))
            ++who.decisions;
        who.last = std::max(who.last, e.eventTime);
        return true;
    });
    if (!visited)
        return visited.error();
    for (auto &[author, who] : people) {
        if (who.role == QLatin1String("desk"))
            s.desks.push_back(who);
        s.participants.push_back(who);
    }
    std::stable_sort(s.participants.begin(), s.participants.end(),
                     [](const Participant &a, const Participant &b) { return a.entries > b.entries; });
    std::vector<Participant> deciders;
    for (const Participant &who : s.participants)
        if (who.decisions > 0)
            deciders.push_back(who);
    std::stable_sort(deciders.begin(), deciders.end(),
                     [](const Participant &a, const Participant &b) { return a.decisions > b.decisions; });
    for (const Participant &who : deciders)
        s.decisionAuthors << who.author;
    if (progress)
        progress(total, total);
    return s;
}

} // namespace vigie::reporting
