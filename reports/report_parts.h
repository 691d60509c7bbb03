#pragma once
// What the stages of a report hand each other (report_builder.h): the maps' moments and the figures drawn.
#include "picture/picture.h"

#include <QImage>
#include <QString>

#include <vector>

namespace vigie::reports {

/// A map of the picture at one moment.
struct MapMoment
{
    Timestamp at;
    QString caption; ///< "Début", "Moment le plus chargé (12 interventions ouvertes)", "Fin", or a time
    Picture picture;
};

/// What stage 2 draws.
struct ReportFigures
{
    QImage responseTimes;     ///< AfterAction: the distribution of arrival times, by service
    QImage incidentsOverTime; ///< AfterAction: incidents opened and open over time
    std::vector<QImage> maps; ///< one per ReportData::maps
};

} // namespace vigie::reports
