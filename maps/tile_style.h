#pragma once
// The basemap's colours, shared by the tile renderer, the built-in background and the tests that check
// rendered pixels. Muted so that the agencies' symbols (Okabe–Ito colours) stay the loudest thing on screen.
#include <QColor>

namespace vigie::maps::style {

inline const QColor sea(0xAA, 0xD3, 0xDF);
inline const QColor land(0xF2, 0xEF, 0xE9);
inline const QColor landAround(0xE4, 0xE0, 0xD6);    ///< built-in background: the land around the city
inline const QColor unknownGround(0xD0, 0xD0, 0xCC); ///< built-in background: beyond what it covers
inline const QColor water(0xAA, 0xD3, 0xDF);
inline const QColor park(0xC8, 0xE6, 0xB4);
inline const QColor forest(0xAD, 0xD1, 0x9E);
inline const QColor building(0xD9, 0xD0, 0xC9);
inline const QColor roadMajor(0xF7, 0xC4, 0x6C); ///< motorway, trunk, primary
inline const QColor roadMinor(0xFF, 0xFF, 0xFF);
inline const QColor roadCasing(0xB0, 0xA8, 0xA0);
inline const QColor label(0x40, 0x40, 0x40);
inline const QColor sectorLine(0x9A, 0x8F, 0xA8);

} // namespace vigie::maps::style
