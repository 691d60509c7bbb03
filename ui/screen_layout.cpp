#include "ui/screen_layout.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QTabBar>

#include <algorithm>

namespace vigie::ui {

ScreenLayout screenLayoutFor(QSize size)
{
    return size.width() < 1600 || size.height() < 900 ? ScreenLayout::Compact : ScreenLayout::Standard;
}

void applyScreenLayout(QMainWindow &window, ScreenLayout layout)
{
    if (layout == ScreenLayout::Standard)
        return;
    // The docks in the order their tabs read, the most used first; the first one shown in front.
    static const char *const order[] = {"UnitsDock", "IncidentsDock", "LogDock",        "SuggestionsDock",
                                        "FeedsDock", "PresenceDock",  "MapDetailsDock", "LayersDock"};
    QList<QDockWidget *> docks;
    for (const char *name : order)
        if (auto *d = window.findChild<QDockWidget *>(QLatin1String(name)))
            docks << d;
    for (QDockWidget *d : window.findChildren<QDockWidget *>())
        if (!docks.contains(d))
            docks << d;
    if (docks.isEmpty())
        return;
    QDockWidget *first = nullptr;
    for (QDockWidget *d : docks) {
        // A dock wider than tall (the forecast's charts side by side) keeps the bottom and its visibility.
        if (d->isFloating() || window.dockWidgetArea(d) == Qt::NoDockWidgetArea ||
            d->property("vigieKeepsArea").toBool())
            continue;
        window.removeDockWidget(d);
        window.addDockWidget(Qt::RightDockWidgetArea, d);
        d->show();
        if (!first)
            first = d;
        else
            window.tabifyDockWidget(first, d);
        // A table's own minimum (the units table asks 400 px) must not push the map below half.
        if (QWidget *w = d->widget())
            w->setMinimumWidth(0);
    }
    if (!first)
        return;
    // Eight or more tabs do not fit a third of a 1366-pixel screen: elided, they read "M…", "I…". Whole
    // names with scroll arrows instead, the tab in front always readable.
    for (QTabBar *bar : window.findChildren<QTabBar *>()) {
        bar->setElideMode(Qt::ElideNone);
        bar->setUsesScrollButtons(true);
    }
    first->raise();
    const int width = std::clamp(window.width() * 3 / 10, 320, 480);
    window.resizeDocks({first}, {width}, Qt::Horizontal);
}

} // namespace vigie::ui
