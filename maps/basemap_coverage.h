#pragma once
// Whether an imported basemap covers the room's city. Importing Monaco into the Marseille room used to
// replace the room's basemap silently, and the map then showed the simplified background with no word of why:
// a basemap that does not cover the room is now said at import, and becomes the room's basemap only when the
// desk asks for it (otherwise it is shown for the session, from a file of its own).
#include "maps/mbtiles.h"

#include <QString>

class QWidget;

namespace vigie::maps {

/// The room's city as the built-in background draws it (Marseille's 8 sectors).
[[nodiscard]] GeoBox roomArea();
/// The share (0–1) of `room`'s box inside `basemap`'s.
[[nodiscard]] double coveredShare(const GeoBox &basemap, const GeoBox &room);

/// What to say before `tiles` becomes the room's basemap: empty when it covers at least 90 % of `room`.
[[nodiscard]] QString coverageWarning(const MbTiles &tiles, const GeoBox &room);

enum class BasemapUse
{
    Room,        ///< the room's basemap, opened again on later runs
    SessionOnly, ///< shown until the console closes; the room's basemap is left as it was
    Discard,
};

/// Moves the imported file `partial` into place for `use`: over `roomBasemap`, or beside it as
/// "<name>.session.mbtiles". Returns the file to open (empty for Discard).
[[nodiscard]] Result<QString> installBasemap(const QString &partial, const QString &roomBasemap,
                                             BasemapUse use);

/// Asks the desk what to do with a basemap that does not cover the room; SessionOnly is the default answer.
[[nodiscard]] BasemapUse askBasemapUse(QWidget *parent, const QString &warning);

} // namespace vigie::maps
