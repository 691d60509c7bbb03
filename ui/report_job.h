#pragma once
// Making a report from the console without freezing it: the log is read and the pictures folded on a worker
// with a connection of its own, the charts and maps drawn on the GUI thread (they are widgets underneath:
// about a second), the PDF laid out and written on a worker again (reports/report_builder.h).
#include "reports/report_builder.h"

#include <QObject>

#include <memory>

namespace vigie::ui {

class ReportJob : public QObject
{
    Q_OBJECT
public:
    /// `roomFile`: the room's SQLite file (a shared room's replica); the job reads it through a connection
    /// of its own. Starts at once; deletes itself after finished().
    ReportJob(QString roomFile, reports::ReportRequest request, QString file, QObject *parent = nullptr);
    /// Asks the job to stop: finished() still comes, with the error "annulé", and no file is left.
    void cancel() { m_cancelled = true; }

    /// Progress over the three stages, 0 to 300, with the stage's name.
    static constexpr int progressMaximum = 300;

Q_SIGNALS:
    void progress(int value, const QString &label);
    /// `pages` > 0 and `error` empty when the file is written.
    void finished(const QString &file, int pages, const QString &error);

private:
    void gathered(std::shared_ptr<reports::ReportData> data);
    /// Draws figure `index`, then returns to the event loop before the next; writes once all are drawn.
    void drawNext(int index);
    void write();
    void done(const QString &error, int pages);
    [[nodiscard]] reports::StageProgress stageProgress();

    QString m_roomFile;
    reports::ReportRequest m_request;
    QString m_file;
    bool m_cancelled = false;
    std::shared_ptr<reports::ReportData> m_data;
    std::shared_ptr<reports::ReportFigures> m_figures;
};

} // namespace vigie::ui
