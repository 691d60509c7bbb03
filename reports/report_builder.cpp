#include "reports/report_builder.h"

#include "reports/report_figures.h"
#include "reports/report_words.h"

#include <QCoreApplication>

namespace vigie::reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::reports::ReportBuilder", text);
}

/// The maps of a RETEX when none were asked: the start, the busiest moment and the end of the period.
std::vector<std::pair<Timestamp, QString>> defaultMoments(const reporting::AfterAction &r)
{
    std::vector<std::pair<Timestamp, QString>> moments;
    if (r.entriesRead == 0)
        return moments;
    const Timestamp start = r.period.from.value_or(r.first);
    const Timestamp end = r.period.to.value_or(r.last);
    moments.emplace_back(start, tr("Début de la période"));
    if (r.busiestOpen > 0 && r.busiest > start && r.busiest < end)
        moments.emplace_back(r.busiest,
                             tr("Moment le plus chargé (%1 interventions ouvertes)").arg(r.busiestOpen));
    if (end > start)
        moments.emplace_back(end, tr("Fin de la période"));
    return moments;
}

} // namespace

QString stageLabel(ReportStage stage)
{
    switch (stage) {
    case ReportStage::Reading:
        return tr("Lecture de la main courante…");
    case ReportStage::Figures:
        return tr("Graphiques et cartes…");
    case ReportStage::Writing:
        return tr("Mise en page du PDF…");
    }
    return {};
}

Result<ReportData> gatherReport(const LogStore &store, const ReportRequest &request,
                                const StageProgress &progress)
{
    ReportData data;
    data.kind = request.kind;
    auto reading = [&progress](double share, double offset) -> LogStore::Progress {
        if (!progress)
            return {};
        return [progress, share, offset](qint64 done, qint64 total) {
            progress(ReportStage::Reading, offset + share * (total > 0 ? double(done) / double(total) : 1.0));
        };
    };
    if (request.kind == ReportKind::Situation) {
        Timestamp at;
        if (request.at) {
            at = *request.at;
        } else {
            // The latest situation: the time of the latest event the log holds.
            auto latest = latestPicture(store);
            if (!latest)
                return latest.error();
            at = latest->applied > 0
                     ? latest->maxEventTime
                     : Timestamp::fromDateTime(request.madeAt.isValid() ? request.madeAt
                                                                        : QDateTime::currentDateTimeUtc());
        }
        auto situation = reporting::buildSituation(store, at, reading(1.0, 0.0));
        if (!situation)
            return situation.error();
        data.situation = std::move(*situation);
        if (progress)
            progress(ReportStage::Reading, 1.0);
        return data;
    }

    reporting::AfterActionOptions options;
    options.period = request.period;
    options.progress = reading(0.7, 0.0);
    auto report = reporting::buildAfterAction(store, options);
    if (!report)
        return report.error();
    std::vector<std::pair<Timestamp, QString>> moments;
    if (request.mapMoments.empty()) {
        moments = defaultMoments(*report);
    } else {
        for (Timestamp t : request.mapMoments)
            moments.emplace_back(t, tr("Carte demandée"));
    }
    for (std::size_t i = 0; i < moments.size(); ++i) {
        auto picture = pictureAt(store, moments[i].first);
        if (!picture)
            return picture.error();
        data.maps.push_back({moments[i].first, moments[i].second, std::move(*picture)});
        if (progress)
            progress(ReportStage::Reading, 0.7 + 0.3 * double(i + 1) / double(moments.size()));
    }
    data.afterAction = std::move(*report);
    if (progress)
        progress(ReportStage::Reading, 1.0);
    return data;
}

int figureCount(const ReportData &data)
{
    if (data.situation)
        return 1;
    return data.afterAction ? 2 + int(data.maps.size()) : 0;
}

void drawFigure(const ReportData &data, const ReportRequest &request, const ReportWording &wording, int index,
                ReportFigures &figures)
{
    const ReportWording w = wording.completed();
    // Maps 2000 × 1300 pixels drawn at twice the screen's scale: a 1000 × 650 view of the city, sharp on
    // paper. Charts 900 × 470 drawn at twice their size too.
    const QSize mapSize(2000, 1300);
    constexpr double mapScale = 2.0;
    const QSize chartSize(900, 470);
    if (data.situation) {
        figures.maps.resize(1);
        figures.maps[0] =
            mapSnapshot(data.situation->picture, data.situation->at, request.basemap, mapSize, mapScale);
        return;
    }
    if (!data.afterAction || index < 0 || index >= figureCount(data))
        return;
    if (index == 0) {
        figures.responseTimes = responseTimeChart(*data.afterAction, w, chartSize);
    } else if (index == 1) {
        figures.incidentsOverTime = incidentsChart(*data.afterAction, w, chartSize);
    } else {
        const std::size_t i = std::size_t(index - 2);
        figures.maps.resize(data.maps.size());
        figures.maps[i] =
            mapSnapshot(data.maps[i].picture, data.maps[i].at, request.basemap, mapSize, mapScale);
    }
}

ReportFigures drawFigures(const ReportData &data, const ReportRequest &request, const ReportWording &wording,
                          const StageProgress &progress)
{
    ReportFigures figures;
    const int count = figureCount(data);
    for (int i = 0; i < count; ++i) {
        drawFigure(data, request, wording, i, figures);
        if (progress)
            progress(ReportStage::Figures, double(i + 1) / double(count));
    }
    return figures;
}

ReportText reportText(const ReportData &data, const ReportFigures &figures, const ReportRequest &,
                      const ReportWording &wording)
{
    if (data.situation)
        return situationText(*data.situation, figures.maps.empty() ? QImage() : figures.maps.front(),
                             wording);
    if (data.afterAction)
        return afterActionText(*data.afterAction, data.maps, figures, wording);
    return {};
}

PageFrame reportFrame(const ReportData &data, const ReportRequest &request)
{
    PageFrame frame;
    const RoomInfo &room = data.situation ? data.situation->room : data.afterAction->room;
    frame.title = data.situation ? situationTitle() : afterActionTitle();
    frame.room = room.name;
    frame.exercise = room.mode == RoomMode::Exercise;
    frame.madeAt = request.madeAt.isValid() ? request.madeAt : QDateTime::currentDateTime();
    return frame;
}

Result<int> writeReport(const QString &file, const ReportData &data, const ReportFigures &figures,
                        const ReportRequest &request, const ReportWording &wording,
                        const StageProgress &progress)
{
    if (!data.situation && !data.afterAction)
        return Error{QCoreApplication::translate("vigie::reports",
                                                 "nothing to write: the report's data was not gathered")};
    if (progress)
        progress(ReportStage::Writing, 0.0); // laying out a long text takes seconds before the first page
    const ReportText text = reportText(data, figures, request, wording);
    return writeReportPdf(file, text, reportFrame(data, request), [&progress](int page, int pages) {
        if (progress)
            progress(ReportStage::Writing, double(page) / double(std::max(1, pages)));
    });
}

Result<int> makeReport(const LogStore &store, const QString &file, const ReportRequest &request,
                       const ReportWording &wording, const StageProgress &progress)
{
    auto data = gatherReport(store, request, progress);
    if (!data)
        return data.error();
    const ReportFigures figures = drawFigures(*data, request, wording, progress);
    return writeReport(file, *data, figures, request, wording, progress);
}

} // namespace vigie::reports
