#pragma once
// Runs the Événements prévus dock's import of `file` and waits for its summary (at most 30 s): what the
// import tests on a room file and on a shared room both do.
#include "ui/events_panel.h"

#include <QEventLoop>
#include <QTimer>

namespace vigie::test {

inline QString waitForImport(ui::EventsPanel &panel, const QString &file)
{
    QString summary;
    QEventLoop wait;
    QObject::connect(&panel, &ui::EventsPanel::importFinished, &wait, [&](const QString &s) {
        summary = s;
        wait.quit();
    });
    QTimer::singleShot(30000, &wait, &QEventLoop::quit);
    panel.importFile(file);
    wait.exec();
    return summary;
}

} // namespace vigie::test
