#include "ui/reading_sizes.h"

#include <algorithm>
#include <cmath>

namespace vigie::ui {

ReadingSizes readingSizes(double distanceMetres, QSize screen, double diagonalInches, double devicePixelRatio)
{
    ReadingSizes r;
    // The screen's height from its diagonal, whatever its pixel count: the panel is 16:9.
    const double heightMm = diagonalInches * 25.4 * 9 / std::hypot(16.0, 9.0);
    r.pitchMm = heightMm / std::max(1, screen.height());
    r.capMm = distanceMetres * 1000 * std::tan(minCapDegrees * M_PI / 180);
    r.capPixels = r.capMm / r.pitchMm;
    // Rounded up: the criterion is a minimum.
    r.fontPixels = int(std::ceil(r.capPixels / capPerPixelSize / devicePixelRatio));
    r.mapScale = std::max(1.0, double(r.fontPixels) / deskMapLabelPixels);
    r.symbolPixels = int(std::ceil(deskUnitSymbolPixels * r.mapScale * devicePixelRatio));
    // What is left under the map for the latest entries: a tenth of the screen at least, two lines at least.
    r.tickerLines = std::clamp(int(screen.height() / devicePixelRatio * 0.16 / (r.fontPixels * 1.25)), 2, 4);
    return r;
}

} // namespace vigie::ui
