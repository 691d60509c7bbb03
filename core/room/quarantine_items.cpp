#include "room/quarantine_items.h"

namespace vigie {

std::vector<QuarantineItem> scrubbedQuarantine(const Anonymiser &anonymiser,
                                               const std::vector<Refused> &refused, Timestamp now)
{
    std::vector<QuarantineItem> items;
    for (const Refused &from : refused) {
        const QString source = anonymiser.scrubText(from.source);
        for (const Rejected &item : from.items) {
            QuarantineItem q;
            q.received = now;
            q.source = source;
            q.position = item.position;
            q.reason = anonymiser.scrubText(item.reason);
            q.input = anonymiser.scrubBytes(item.input);
            items.push_back(std::move(q));
        }
    }
    return items;
}

} // namespace vigie
