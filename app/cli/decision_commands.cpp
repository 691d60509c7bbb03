// accept / reject: a liaison's decision on a recorded suggestion (suggest --record), as log entries.
#include "cli/cli.h"

#include "allocation/suggestion.h"

#include <cstdio>

namespace vigie::cli {

namespace {

struct Found
{
    std::optional<Entry> suggestion;
    std::optional<Entry> decision; ///< an earlier accept or reject of it
};

/// The suggestion entry whose data.suggestion is `id`, and any decision already taken on it.
Result<Found> findSuggestion(const Room &room, const QString &id)
{
    Found found;
    EntryQuery query;
    auto r = room.store().read(query, [&](const Entry &e) {
        if (e.data.value(QLatin1String("suggestion")).toString() != id)
            return true;
        if (e.kind == QLatin1String("suggestion"))
            found.suggestion = e;
        else if (e.kind == QLatin1String("suggestion.accept") || e.kind == QLatin1String("suggestion.reject"))
            found.decision = e;
        return true;
    });
    if (!r)
        return r.error();
    return found;
}

int decide(const QStringList &arguments, bool accept)
{
    const QString name = accept ? QStringLiteral("accept") : QStringLiteral("reject");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        accept ? QStringLiteral("Accept a recorded suggestion: appends suggestion.accept and the unit's "
                                "unit.status en_route towards the incident.")
               : QStringLiteral("Reject a recorded suggestion: appends suggestion.reject with the reason."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file"));
    parser.addPositionalArgument(QStringLiteral("SUGGESTION_ID"),
                                 QStringLiteral("the suggestion's id (data.suggestion of its entry)"));
    QCommandLineOption author(QStringLiteral("author"), QStringLiteral("who decides (default: vigie-cli)"),
                              QStringLiteral("NAME"), QStringLiteral("vigie-cli"));
    QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("why it is rejected"),
                              QStringLiteral("R"));
    parser.addOption(author);
    if (!accept)
        parser.addOption(reason);
    int code = 0;
    const QString usage = accept
                              ? QStringLiteral("usage: vigie-cli accept ROOM SUGGESTION_ID [--author NAME]")
                              : QStringLiteral("usage: vigie-cli reject ROOM SUGGESTION_ID [--reason R] "
                                               "[--author NAME]");
    if (!parse(parser, arguments, 2, usage, &code))
        return code;
    const QString path = parser.positionalArguments().at(0), id = parser.positionalArguments().at(1);
    auto room = Room::open(path, clock());
    if (!room)
        return fail(room.error().message);
    auto found = findSuggestion(**room, id);
    if (!found)
        return fail(found.error().message);
    if (!found->suggestion)
        return fail(QStringLiteral("%1: no suggestion \"%2\" in the log; list them with: vigie-cli log %1 "
                                   "--kind suggestion")
                        .arg(path, id));
    if (found->decision)
        return fail(QStringLiteral("%1: suggestion \"%2\" was already decided (%3 at seq %4); a new "
                                   "suggestion is needed to change it")
                        .arg(path, id, found->decision->kind)
                        .arg(found->decision->seq));
    if (accept) {
        // The unit must still be free, and the incident still open, when the decision is taken: a suggestion
        // is advice about the moment it was made (the console's panel shows the same through the picture).
        auto head = (*room)->head();
        if (!head)
            return fail(head.error().message);
        const QString unit = found->suggestion->data.value(QLatin1String("unit")).toString();
        const QString incident = found->suggestion->data.value(QLatin1String("incident")).toString();
        if (auto u = (*head)->units.find(unit); u != (*head)->units.end() &&
                                                u->second.status != QLatin1String("available") &&
                                                u->second.status != QLatin1String("returning"))
            return fail(
                QStringLiteral("%1: unit %2 is no longer free (%3%4 since seq %5): suggestion \"%6\" "
                               "is not accepted; ask for a new one (vigie-cli suggest)")
                    .arg(path, unit, u->second.status,
                         u->second.incident.isEmpty() ? QString() : QStringLiteral(", ") + u->second.incident)
                    .arg(u->second.lastSeq)
                    .arg(id));
        if (!(*head)->shownIncident(incident))
            return fail(QStringLiteral("%1: incident %2 is no longer open: suggestion \"%3\" is not accepted")
                            .arg(path, incident, id));
    }
    const Timestamp now = clock().now();
    auto drafts = accept ? allocation::acceptDrafts(*found->suggestion, parser.value(author), now)
                         : allocation::rejectDrafts(*found->suggestion, parser.value(author), now,
                                                    parser.value(reason));
    if (!drafts)
        return fail(drafts.error().message);
    auto appended = (*room)->append(std::move(*drafts));
    if (!appended)
        return fail(appended.error().message);
    for (const Entry &e : *appended)
        std::printf("%s: %s seq %lld\n", qPrintable(name), qPrintable(e.kind), static_cast<long long>(e.seq));
    return 0;
}

} // namespace

int runAccept(const QStringList &arguments)
{
    return decide(arguments, true);
}

int runReject(const QStringList &arguments)
{
    return decide(arguments, false);
}

} // namespace vigie::cli
