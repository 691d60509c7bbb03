#pragma once
// Sizes for a screen read from a distance, from visual acuity rather than taste (docs/shared-screen.md):
// a capital letter must subtend at least 0.3° at the reading distance (ISO 9241-303 asks 16′ at least and
// 20–22′ preferred for reading; 0.3° = 18′ is between, and is what a room full of people in a hurry gets).
// The millimetres then become pixels through the screen's pixel pitch, from its diagonal and its pixel rows.
#include <QSize>

namespace vigie::ui {

struct ReadingSizes
{
    double pitchMm = 0;   ///< one device pixel, millimetres
    double capMm = 0;     ///< the smallest capital letter's height
    double capPixels = 0; ///< the same in device pixels
    int fontPixels = 0;   ///< the type's pixel size (device-independent pixels) giving that cap height
    double mapScale = 1;  ///< how much larger than on the desk the map draws (its labels are 12 px)
    int symbolPixels = 0; ///< a unit symbol's height on the map, device pixels (18 px on the desk)
    int tickerLines = 0;  ///< log lines the ticker shows
};

/// The smallest angle a capital letter may subtend, in degrees.
inline constexpr double minCapDegrees = 0.3;
/// DejaVu Sans (the console's type): capital height over pixel size (1493 / 2048 font units).
inline constexpr double capPerPixelSize = 0.729;
/// The desk map's label type and unit symbol height (device-independent pixels), scaled by mapScale.
inline constexpr int deskMapLabelPixels = 12;
inline constexpr int deskUnitSymbolPixels = 18;

/// Sizes for reading from `distanceMetres` a 16:9 screen of `diagonalInches` showing `screen` device pixels,
/// `devicePixelRatio` device pixels per device-independent pixel.
[[nodiscard]] ReadingSizes readingSizes(double distanceMetres, QSize screen, double diagonalInches = 55,
                                        double devicePixelRatio = 1);

} // namespace vigie::ui
