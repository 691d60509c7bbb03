#include "store/log_store.h"

namespace vigie {

Result<std::vector<Entry>> LogStore::read(const EntryQuery &query) const
{
    std::vector<Entry> out;
    auto r = read(query, [&out](const Entry &e) {
        out.push_back(e);
        return true;
    });
    if (!r)
        return r.error();
    return out;
}

} // namespace vigie
