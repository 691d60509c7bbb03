// libFuzzer target for one feed parser (VIGIE_FUZZ_FORMAT: cap, edxl, emsi, nmea, csv, geojson). Any input
// must give messages or refusals, never a crash, a hang or undefined behaviour; every draft a parser yields
// must be one the room's validation can judge. The same bytes also go through format detection, which
// reads every live message first.
#include "feeds/feed_adapters.h"

#include <cstddef>
#include <cstdint>

using namespace vigie;
using namespace vigie::feeds;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const FeedRegistry registry;
    static const FeedAdapter *adapter = registry.byFormat(QStringLiteral(VIGIE_FUZZ_FORMAT));
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)registry.detect(bytes, QStringLiteral("fuzz"));
    for (const RoomMode mode : {RoomMode::Live, RoomMode::Exercise}) {
        const FeedContext context{
            QStringLiteral("fuzz"), mode, QStringLiteral("fire"), QStringLiteral("VSAV1"), {}};
        const FeedBatch batch = adapter->parse(bytes, context);
        for (const FeedMessage &m : batch.messages) {
            if (m.key.isEmpty())
                __builtin_trap(); // dedupe needs a key for every message
            for (const Entry &d : m.drafts)
                (void)validateDraft(d);
        }
        for (const Rejected &r : batch.rejected)
            if (r.reason.isEmpty())
                __builtin_trap(); // every refusal says why
    }
    return 0;
}
